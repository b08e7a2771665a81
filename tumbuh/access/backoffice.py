"""The back-office (Django admin) is a door like any other: every ModelAdmin and inline builds on these bases.

Who may view, add, change or delete is a named rule per action (`Rules`), checked through `policy.can` with the
object (None for the list). Rows, form choices and autocomplete results are what the related model's own admin
lets the user see: a service admin sees the agencies she runs, a platform admin everything. Django's model
permissions (groups) are not consulted for these models.
"""

from dataclasses import dataclass
from typing import ClassVar

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .policy import can
from .predicates import administered_agency_ids

PLATFORM = "people.manage_platform"
AGENCY_RECORDS = "people.manage_agency_records"


@dataclass(frozen=True)
class Rules:
    """The rule each action checks; None: nobody, whoever they are."""

    view: str | None
    add: str | None
    change: str | None
    delete: str | None


PLATFORM_ONLY = Rules(view=PLATFORM, add=PLATFORM, change=PLATFORM, delete=PLATFORM)
AGENCY_SCOPED = Rules(view=AGENCY_RECORDS, add=AGENCY_RECORDS, change=AGENCY_RECORDS, delete=AGENCY_RECORDS)


def allowed(request, rule: str | None, obj: Model | None = None) -> bool:
    return rule is not None and can(request.user, rule, obj)


def agency_scope(request) -> frozenset[int] | None:
    """The agencies whose records the signed-in person manages here; None: every agency (a platform admin)."""
    return None if can(request.user, PLATFORM) else administered_agency_ids(request.user)


class ScopedChoices:
    """Foreign-key and many-to-many choices are the rows the related model's admin shows the signed-in person."""

    admin_site: admin.AdminSite

    def choices_for(self, request, model: type[Model]) -> QuerySet | None:
        if agency_scope(request) is None:
            return None
        try:
            return self.admin_site.get_model_admin(model).get_queryset(request)
        except NotRegistered:
            return model._default_manager.none()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        choices = self.choices_for(request, db_field.related_model)
        if choices is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        choices = self.choices_for(request, db_field.related_model)
        if choices is not None:
            kwargs["queryset"] = choices
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class BackofficeAdmin(ScopedChoices, admin.ModelAdmin):
    """Base of every ModelAdmin: rules per action, rows scoped by `agency_lookup` (None: platform admins only)."""

    rules: ClassVar[Rules] = PLATFORM_ONLY
    agency_lookup: ClassVar[str | None] = None

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.view, obj)

    def has_add_permission(self, request) -> bool:
        return allowed(request, self.rules.add)

    def has_change_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.change, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.delete, obj)

    def get_queryset(self, request) -> QuerySet:
        return self.scope(request, super().get_queryset(request))

    def scope(self, request, queryset: QuerySet) -> QuerySet:
        ids = agency_scope(request)
        if ids is None:
            return queryset
        if self.agency_lookup is None:
            return queryset.none()
        return queryset.filter(**{f"{self.agency_lookup}__in": ids})

    def get_object(self, request, object_id, from_field=None):
        # Outside the person's scope is a 404, as everywhere else: the object's existence is not revealed.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("This page does not exist or you do not have access to it."))
        return obj


class BackofficeInline(ScopedChoices, admin.options.InlineModelAdmin):
    """Base of every inline: its rules are checked with the parent object, its rows scoped like the parent's."""

    rules: ClassVar[Rules] = PLATFORM_ONLY
    agency_lookup: ClassVar[str | None] = None

    def has_view_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.view, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.add, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.change, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return allowed(request, self.rules.delete, obj)

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        ids = agency_scope(request)
        if ids is None or self.agency_lookup is None:
            return queryset if ids is None else queryset.none()
        return queryset.filter(**{f"{self.agency_lookup}__in": ids})


class BackofficeTabularInline(BackofficeInline, admin.TabularInline):
    pass
