"""Back-office of the service: the topic catalogue, the provider pool and each agency's service policy.

A service admin manages these for the agencies they run, and sees no other agency's; a platform admin
manages all. Requests, their needs and their conversations are not in the back-office.
"""

from django.contrib import admin
from django.db.models import QuerySet

from tumbuh.access.policy import can
from tumbuh.people.models import Agency, Employee

from .models import Certification, ProviderProfile, ServicePolicy, Topic, WeeklyAvailability
from .selectors.figures import dashboard_agency_ids


def _agency_ids(request) -> list[int] | None:
    """The agencies whose service the signed-in person runs (None: all)."""
    return dashboard_agency_ids(request.user)


def _runs_service(request) -> bool:
    ids = _agency_ids(request)
    return can(request.user, "people.use_backoffice") and (ids is None or bool(ids))


def _may(request, obj=None) -> bool:
    """Whether the signed-in person may manage OBJ (something of an agency), or such things at all."""
    if not _runs_service(request):
        return False
    ids = _agency_ids(request)
    return obj is None or ids is None or obj.agency_id in ids


class AgencyScopedAdmin(admin.ModelAdmin):
    """Rows of the agencies the signed-in admin runs; nothing for anyone else."""

    def has_module_permission(self, request) -> bool:
        return _runs_service(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def has_add_permission(self, request) -> bool:
        return _may(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def get_queryset(self, request) -> QuerySet:
        ids = _agency_ids(request)
        queryset = super().get_queryset(request)
        return queryset if ids is None else queryset.filter(agency_id__in=ids)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = _agency_ids(request)
        if ids is not None and db_field.related_model is Agency:
            kwargs["queryset"] = Agency.objects.filter(pk__in=ids)
        elif ids is not None and db_field.related_model is Employee:
            kwargs["queryset"] = Employee.objects.filter(agency_id__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        ids = _agency_ids(request)
        if ids is not None and db_field.related_model is Topic:
            kwargs["queryset"] = Topic.objects.filter(agency_id__in=ids)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ProviderPartInline(admin.TabularInline):
    """Inlines follow their provider: whoever may change the profile may change its parts."""

    extra = 0

    def has_view_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return _may(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return _may(request, obj)


class CertificationInline(ProviderPartInline):
    model = Certification
    fields = ["name", "issuer", "number", "valid_until"]


class WeeklyAvailabilityInline(ProviderPartInline):
    model = WeeklyAvailability
    fields = ["weekday", "start_time", "end_time"]


@admin.register(Topic)
class TopicAdmin(AgencyScopedAdmin):
    list_display = ["name", "agency", "is_active"]
    list_filter = ["is_active", "agency"]
    list_select_related = ["agency"]
    search_fields = ["name", "description"]


@admin.register(ProviderProfile)
class ProviderProfileAdmin(AgencyScopedAdmin):
    list_display = [
        "employee",
        "agency",
        "offers_consulting",
        "offers_coaching",
        "offers_mentoring",
        "capacity",
        "accepting_requests",
    ]
    list_filter = ["accepting_requests", "offers_consulting", "offers_coaching", "offers_mentoring", "agency"]
    list_select_related = ["employee", "agency"]
    search_fields = ["employee__full_name", "employee__nip", "employee__email"]
    autocomplete_fields = ["topics"]
    inlines = [CertificationInline, WeeklyAvailabilityInline]
    fieldsets = [
        (None, {"fields": ["employee", "agency", "accepting_requests", "capacity"]}),
        (None, {"fields": ["offers_consulting", "offers_coaching", "offers_mentoring", "topics"]}),
        (None, {"fields": ["bio", "languages", "meeting_url", "slot_minutes"]}),
    ]


@admin.register(ServicePolicy)
class ServicePolicyAdmin(AgencyScopedAdmin):
    list_display = ["agency", "allow_self_pick", "min_notice_hours", "min_raters_for_rating", "booking_horizon_days"]
    list_select_related = ["agency"]
    search_fields = ["agency__name", "agency__short_name"]
