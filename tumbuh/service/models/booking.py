"""Availability and bookings. A booking holds a provider's slot; its session lives in coaching."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .providers import ProviderProfile
from .requests import ServiceRequest


class WeeklyAvailability(models.Model):
    """A weekly window, in the provider's own time zone (e.g. Tuesday 09:00–12:00 WITA)."""

    provider = models.ForeignKey(ProviderProfile, on_delete=models.CASCADE, related_name="weekly_availability")
    weekday = models.PositiveSmallIntegerField(
        _("day"),
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="availability_ends_after_start",
                violation_error_message=_("The end time must be after the start time."),
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6),
                name="availability_weekday_0_6",
                violation_error_message=_("Choose a day of the week."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class AvailabilityException(models.Model):
    """A time the provider cannot meet: leave, a holiday, training duty."""

    provider = models.ForeignKey(ProviderProfile, on_delete=models.CASCADE, related_name="exceptions")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("unavailable time")
        verbose_name_plural = _("unavailable times")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="exception_ends_after_start",
                violation_error_message=_("The end must be after the start; check the dates and times."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.starts_at:%Y-%m-%d}"


class BookingStatus(models.TextChoices):
    ACTIVE = "active", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class Booking(models.Model):
    """A provider's slot taken for one session. At most one active booking per provider and start time."""

    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="bookings")
    session = models.OneToOneField("coaching.Session", on_delete=models.CASCADE, related_name="booking")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=BookingStatus.choices, default=BookingStatus.ACTIVE)
    # Raised on every change so calendar updates replace the earlier invitation (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_at"]
        # The reminder sweep: active bookings starting in a window (selectors.reminders).
        indexes = [
            models.Index(fields=["starts_at"], condition=Q(status=BookingStatus.ACTIVE), name="booking_active_starts")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "starts_at"],
                condition=Q(status=BookingStatus.ACTIVE),
                name="booking_one_active_per_slot",
                violation_error_message=_("This time was just taken; choose another slot."),
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="booking_ends_after_start",
                violation_error_message=_("The end must be after the start; check the dates and times."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.starts_at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """Marks a reminder as sent, so a restarted worker never sends it twice."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders_sent")
    kind = models.CharField(max_length=10)  # "24h" or "1h"
    for_start = models.DateTimeField()  # the session start it reminded of (a reschedule earns a new reminder)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind", "for_start"], name="reminder_once_per_start"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.for_start:%Y-%m-%d %H:%M}"
