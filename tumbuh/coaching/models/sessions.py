import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .engagements import Engagement


class SessionMode(models.TextChoices):
    ONLINE = "online", _("Online")
    OFFLINE = "offline", _("In person")


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("No-show")


class Session(models.Model):
    """One meeting of an engagement. Shared notes are for coach and coachee; private notes for the coach only."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="sessions")
    scheduled_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    mode = models.CharField(_("mode"), max_length=10, choices=SessionMode.choices, default=SessionMode.ONLINE)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.HELD)
    shared_notes = models.TextField(_("shared notes"), blank=True)
    private_notes = models.TextField(_("coach's private notes"), blank=True)
    # Bumped on every edit; an edit based on an older version is refused, not silently overwritten.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-scheduled_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5, duration_minutes__lte=480), name="session_duration_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement.topic} – {self.scheduled_at:%Y-%m-%d}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.scheduled_at + datetime.timedelta(minutes=self.duration_minutes)
