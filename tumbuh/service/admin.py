"""Back-office of the service: the topic catalogue, the provider pool and each agency's service policy.

A service admin manages these for the agencies she runs, and sees no other agency's; a platform admin
manages all (the mechanism is `tumbuh.access.backoffice`). Requests, their needs and their conversations
are not in the back-office.
"""

from django.contrib import admin

from tumbuh.access.backoffice import AGENCY_SCOPED, BackofficeAdmin, BackofficeTabularInline

from .models import Certification, ProviderProfile, ServicePolicy, Topic, WeeklyAvailability


class ProviderPartInline(BackofficeTabularInline):
    """Inlines follow their provider: whoever may change the profile may change its parts."""

    rules = AGENCY_SCOPED
    agency_lookup = "provider__agency"
    extra = 0


class CertificationInline(ProviderPartInline):
    model = Certification
    fields = ["name", "issuer", "number", "valid_until"]


class WeeklyAvailabilityInline(ProviderPartInline):
    model = WeeklyAvailability
    fields = ["weekday", "start_time", "end_time"]


@admin.register(Topic)
class TopicAdmin(BackofficeAdmin):
    rules = AGENCY_SCOPED
    agency_lookup = "agency"
    list_display = ["name", "agency", "is_active"]
    list_filter = ["is_active", ("agency", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["agency"]
    search_fields = ["name", "description"]


@admin.register(ProviderProfile)
class ProviderProfileAdmin(BackofficeAdmin):
    rules = AGENCY_SCOPED
    agency_lookup = "agency"
    list_display = [
        "employee",
        "agency",
        "offers_consulting",
        "offers_coaching",
        "offers_mentoring",
        "capacity",
        "accepting_requests",
    ]
    list_filter = [
        "accepting_requests",
        "offers_consulting",
        "offers_coaching",
        "offers_mentoring",
        ("agency", admin.RelatedOnlyFieldListFilter),
    ]
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
class ServicePolicyAdmin(BackofficeAdmin):
    rules = AGENCY_SCOPED
    agency_lookup = "agency"
    list_display = ["agency", "allow_self_pick", "min_notice_hours", "min_raters_for_rating", "booking_horizon_days"]
    list_select_related = ["agency"]
    search_fields = ["agency__name", "agency__short_name"]
