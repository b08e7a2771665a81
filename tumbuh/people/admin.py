"""Back-office of people: agencies, units, employees, their roles and API tokens, and Django's groups.

A service admin looks after the ordinary employees and the units of the agencies she runs. Access itself
(back-office flags, groups, permissions, passwords, the e-mail that resets go to, API tokens, the service-admin
role) is for platform admins only, and every change to it is written to the audit log with via="admin".
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters

from tumbuh.access.backoffice import (
    AGENCY_RECORDS,
    PLATFORM,
    PLATFORM_ONLY,
    BackofficeAdmin,
    BackofficeTabularInline,
    Rules,
)
from tumbuh.access.policy import can, require
from tumbuh.audit.services import record_event

from .models import Agency, ApiToken, Employee, Role, RoleGrant, Unit
from .rules import AGENCY_ROLES
from .services import change_password, revoke_api_token

MANAGE_ACCESS = "people.manage_access"
MANAGE_EMPLOYEE = "people.manage_employee"
# Fields whose change is a change of access: audited, and (but for is_active) platform admins only.
ACCESS_FIELDS = ["is_active", "is_staff", "is_superuser", "groups", "user_permissions", "email"]
# What a service admin never sees in an employee's forms. is_active stays hers: switching an ordinary employee
# of her agency off (someone who left) is everyday work, needs no platform admin, and is audited like the rest.
PLATFORM_FIELDS = {"password", "password1", "password2", "usable_password", "is_staff", "is_superuser", "groups"}
PLATFORM_FIELDS |= {"user_permissions"}


@admin.register(Agency)
class AgencyAdmin(BackofficeAdmin):
    # A service admin sees the agencies she runs, read-only; agencies are created and renamed by platform admins.
    rules = Rules(view=AGENCY_RECORDS, add=PLATFORM, change=PLATFORM, delete=PLATFORM)
    agency_lookup = "pk"
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


@admin.register(Unit)
class UnitAdmin(BackofficeAdmin):
    # Deleting a unit deletes its sub-units and the role grants tied to it: platform admins only.
    rules = Rules(view=AGENCY_RECORDS, add=AGENCY_RECORDS, change=AGENCY_RECORDS, delete=PLATFORM)
    agency_lookup = "agency"
    list_display = ["name", "parent", "agency"]
    list_filter = [("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent", "agency"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


class RoleGrantInline(BackofficeTabularInline):
    """Role grants of the person; each added, changed or removed grant is checked on its own (`save_formset`)."""

    model = RoleGrant
    rules = Rules(view=MANAGE_EMPLOYEE, add=MANAGE_EMPLOYEE, change=MANAGE_EMPLOYEE, delete=MANAGE_EMPLOYEE)
    agency_lookup = "agency"
    extra = 0
    fk_name = "employee"
    fields = ["role", "agency", "unit", "granted_at"]
    readonly_fields = ["granted_at"]

    def get_queryset(self, request):
        # A service admin sees (and so can touch) only the agency roles of her agencies, never a service-admin grant.
        queryset = super().get_queryset(request)
        return queryset if can(request.user, MANAGE_ACCESS) else queryset.filter(role__in=AGENCY_ROLES)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not can(request.user, MANAGE_ACCESS):
            kwargs["choices"] = [(role.value, role.label) for role in Role if role in AGENCY_ROLES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class EmployeeIntroductionForm(forms.ModelForm):
    """What a service admin fills in for a new colleague: no password; the person sets one by password reset."""


@admin.register(Employee)
class EmployeeAdmin(BackofficeAdmin, UserAdmin):
    # Deleting people is for platform admins; a service admin switches someone off (is_active).
    rules = Rules(view=MANAGE_EMPLOYEE, add=MANAGE_EMPLOYEE, change=MANAGE_EMPLOYEE, delete=PLATFORM)
    agency_lookup = "agency"
    ordering = ["full_name"]
    list_display = ["full_name", "nip", "email", "unit", "position_type", "is_active"]
    list_filter = [("agency", admin.RelatedOnlyFieldListFilter), "position_type", "is_widyaiswara", "is_active"]
    list_select_related = ["unit"]
    search_fields = ["full_name", "nip", "email"]
    autocomplete_fields = ["supervisor", "unit"]
    inlines = [RoleGrantInline]
    fieldsets = [
        (None, {"fields": ["nip", "email", "password"]}),
        (_("Person"), {"fields": ["full_name", "phone", "language", "time_zone"]}),
        (
            _("Position"),
            {"fields": ["agency", "unit", "asn_type", "position", "position_type", "supervisor", "is_widyaiswara"]},
        ),
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["asn_type", "nip", "email", "full_name", "agency", "unit", "password1", "password2"]}),
    ]
    filter_horizontal = ["groups"]

    def scope(self, request, queryset):
        queryset = super().scope(request, queryset)
        if can(request.user, MANAGE_ACCESS):
            return queryset
        # The same people as the rule "people.manage_employee" lets her manage: no admin access of any kind.
        admins = RoleGrant.objects.filter(role=Role.SERVICE_ADMIN).values("employee_id")
        return queryset.filter(is_staff=False, is_superuser=False).exclude(pk__in=admins)

    def get_list_filter(self, request):
        return [*self.list_filter, "is_staff"] if can(request.user, MANAGE_ACCESS) else self.list_filter

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if can(request.user, MANAGE_ACCESS):
            return fieldsets
        trimmed = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in PLATFORM_FIELDS]})
            for name, options in fieldsets
        ]
        return [(name, options) for name, options in trimmed if options["fields"]]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        # Password resets go to this address: whoever changes it can take the account over.
        if obj is not None and not can(request.user, MANAGE_ACCESS):
            readonly.append("email")
        return readonly

    def get_form(self, request, obj=None, **kwargs):
        if obj is None and not can(request.user, MANAGE_ACCESS):
            kwargs["form"] = EmployeeIntroductionForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and not can(request.user, MANAGE_ACCESS):
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        employee = form.instance
        changed = [name for name in ACCESS_FIELDS if name in form.changed_data]
        if not change:
            detail = ", ".join(_access_value(employee, name) for name in changed)
            record_event(actor=request.user, action="employee.added", target=employee, detail=detail, **_via(request))
        elif changed:
            detail = ", ".join(_access_value(employee, name) for name in changed)
            record_event(
                actor=request.user, action="employee.access.changed", target=employee, detail=detail, **_via(request)
            )

    def save_formset(self, request, form, formset, change):
        if formset.model is not RoleGrant:
            return super().save_formset(request, form, formset, change)
        saved = formset.save(commit=False)
        # The inline's choices already hold her to her agencies' ordinary roles; the rule is the last word.
        for grant in [*saved, *formset.deleted_objects]:
            require(request.user, "people.grant_role", grant)
        for grant in formset.deleted_objects:
            record_event(actor=request.user, action="role.revoked", target=grant, detail=_grant(grant), **_via(request))
            grant.delete()
        for grant in formset.new_objects:
            grant.save()
            record_event(actor=request.user, action="role.granted", target=grant, detail=_grant(grant), **_via(request))
        for grant, _fields in formset.changed_objects:
            grant.save()
            record_event(actor=request.user, action="role.changed", target=grant, detail=_grant(grant), **_via(request))
        return None

    @method_decorator(sensitive_post_parameters())
    def user_change_password(self, request, id, form_url=""):
        employee = self.get_object(request, unquote(id))
        require(request.user, MANAGE_ACCESS, employee)
        if request.method == "POST":
            form = self.change_password_form(employee, request.POST)
            if form.is_valid() and (form.cleaned_data["set_usable_password"] or "unset-password" in request.POST):
                password = form.cleaned_data["password1"] if form.cleaned_data["set_usable_password"] else None
                revoked = change_password(employee=employee, password=password, by=request.user, request=request)
                self.log_change(request, employee, [{"changed": {"fields": ["password"]}}])
                messages.success(request, _password_message(revoked))
                if employee.pk == request.user.pk:
                    update_session_auth_hash(request, employee)  # a platform admin's own: stay signed in
                return HttpResponseRedirect(reverse("admin:people_employee_change", args=[employee.pk]))
        # A GET, or a form with errors: Django's own page shows it (and saves nothing).
        return super().user_change_password(request, id, form_url)


def _password_message(revoked: int) -> str:
    return ngettext(
        "Password changed; %(count)d API token of this person was revoked.",
        "Password changed; %(count)d API tokens of this person were revoked.",
        revoked,
    ) % {"count": revoked}


def _via(request) -> dict:
    # The channel ("admin") comes from the request's path; see tumbuh.audit.services.channel_of.
    return {"request": request}


def _access_value(employee: Employee, name: str) -> str:
    if name in ("groups", "user_permissions"):
        values = ", ".join(str(item) for item in getattr(employee, name).all()) or "-"
        return f"{name}=[{values}]"
    return f"{name}={getattr(employee, name)}"


def _grant(grant: RoleGrant) -> str:
    return f"{grant.role} @ {grant.agency_id} for {grant.employee_id}"


@admin.register(ApiToken)
class ApiTokenAdmin(BackofficeAdmin):
    # Tokens are credentials: platform admins see them and revoke them (delete), nobody makes one here (its raw
    # value is shown once, to its owner) or edits one.
    rules = Rules(view=PLATFORM, add=None, change=None, delete=PLATFORM)
    list_display = ["name", "employee", "created_at", "last_used_at"]
    list_select_related = ["employee"]
    readonly_fields = ["digest", "created_at", "last_used_at"]

    def delete_model(self, request, obj):
        revoke_api_token(token=obj, by=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for token in queryset.select_related("employee"):
            revoke_api_token(token=token, by=request.user, request=request)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BackofficeAdmin, DjangoGroupAdmin):
    # A group carries Django permissions and is handed out with the access flags: a platform admin's tool.
    rules = PLATFORM_ONLY

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        group = form.instance
        detail = f"{group.name}: {group.permissions.count()} permissions"
        action = "group.changed" if change else "group.added"
        record_event(actor=request.user, action=action, target=group, detail=detail, **_via(request))

    def delete_model(self, request, obj):
        record_event(actor=request.user, action="group.deleted", target=obj, detail=obj.name, **_via(request))
        super().delete_model(request, obj)
