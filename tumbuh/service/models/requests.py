"""Service requests: an ASN asks for consulting, coaching or mentoring; every change is recorded."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.people.models import Agency, Unit

from .providers import Topic


class ServiceKind(models.TextChoices):
    CONSULTING = "consulting", _("Consulting")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ASSIGNED = "assigned", _("Offered to a provider")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    SCHEDULED = "scheduled", _("Scheduled")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = [
    RequestStatus.SUBMITTED,
    RequestStatus.ASSIGNED,
    RequestStatus.ACCEPTED,
    RequestStatus.DECLINED,
    RequestStatus.SCHEDULED,
]


class ServiceRequest(models.Model):
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="service_requests",
        verbose_name=_("requester"),
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="service_requests")
    kind = models.CharField(_("service"), max_length=20, choices=ServiceKind.choices)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="requests", verbose_name=_("topic"))
    need = models.TextField(_("what you need"))
    on_behalf_of_unit = models.ForeignKey(
        Unit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_requests",
        verbose_name=_("on behalf of unit"),
        help_text=_("For consulting asked for a whole unit (OPD)."),
    )
    preferred_provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("preferred provider"),
    )
    mode = models.CharField(
        _("mode"), max_length=10, choices=[("online", _("Online")), ("offline", _("In person"))], default="online"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED
    )
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_requests",
        verbose_name=_("provider"),
    )
    engagement = models.OneToOneField(
        "coaching.Engagement", on_delete=models.SET_NULL, null=True, blank=True, related_name="service_request"
    )
    recommendation = models.TextField(_("written recommendation"), blank=True)
    rating = models.PositiveSmallIntegerField(_("rating (1-5)"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-created_at"]
        indexes = [
            # The queue (an agency's requests of some statuses, oldest first) and the figures of a period.
            models.Index(fields=["agency", "status", "created_at"], name="request_agency_status_created"),
            # An agency's requests newest first: the service admin's request list and API.
            models.Index(fields=["agency", "created_at"], name="request_agency_created"),
            models.Index(fields=["provider", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="request_rating_1_to_5",
                violation_error_message=_("Give a rating from 1 to 5."),
            ),
            models.CheckConstraint(
                condition=~models.Q(provider=models.F("requester")),
                name="request_provider_is_not_requester",
                violation_error_message=_("Nobody can serve their own request."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.topic} ({self.requester})"


class PreferredWindow(models.Model):
    """A time window in which the requester would like to meet."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="preferred_windows")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="window_ends_after_start",
                violation_error_message=_("A time window must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class RequestEvent(models.Model):
    """One change of a request's status: who, when, from what to what."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    from_status = models.CharField(max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=RequestStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status}→{self.to_status}"
