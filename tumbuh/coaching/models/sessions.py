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


class SessionCanvas(models.TextChoices):
    """The conversation model a session follows; the codes are those of tumbuh.toolkit.frameworks."""

    FREE = "free", _("Free (no model)")
    GROW = "grow", "GROW"
    CLEAR = "clear", "CLEAR"
    OSCAR = "oscar", "OSCAR"
    MICRO = "micro", _("Micro-coaching")


# What a full session may follow (when logged, chosen on its canvas, or planned as a follow-up): any model but
# micro-coaching, which is a short session of its own.
FULL_SESSION_CANVASES = tuple(canvas for canvas in SessionCanvas if canvas != SessionCanvas.MICRO)


def full_session_canvas_choices() -> list[tuple[str, str]]:
    return [(canvas.value, str(canvas.label)) for canvas in FULL_SESSION_CANVASES]


class Session(models.Model):
    """One meeting of an engagement. Shared notes are for coach and coachee; private notes for the coach only.

    Stage notes (one text per stage of the canvas) are shared notes too.
    """

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="sessions")
    scheduled_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    mode = models.CharField(_("mode"), max_length=10, choices=SessionMode.choices, default=SessionMode.ONLINE)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.HELD)
    shared_notes = models.TextField(_("shared notes"), blank=True)
    private_notes = models.TextField(_("coach's private notes"), blank=True)
    canvas = models.CharField(
        _("conversation model"), max_length=10, choices=SessionCanvas.choices, default=SessionCanvas.FREE
    )
    # {stage code: text} for the stages of the canvas; only stages with text are kept.
    stage_notes = models.JSONField(_("notes per stage"), default=dict, blank=True)
    follow_up_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("follow-up of"),
    )
    # Bumped on every edit; an edit based on an older version is refused, not silently overwritten.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-scheduled_at"]
        # An engagement's sessions by time: its session list, and the first session per request in the figures
        # (a MIN per engagement read off the index instead of every session of the agency).
        indexes = [models.Index(fields=["engagement", "scheduled_at"], name="session_engagement_time")]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5, duration_minutes__lte=480),
                name="session_duration_in_range",
                violation_error_message=_("A session lasts between 5 and 480 minutes."),
            ),
            # A session proposes at most one follow-up (a cancelled one may be replaced).
            models.UniqueConstraint(
                fields=["follow_up_of"],
                condition=Q(follow_up_of__isnull=False) & ~Q(status=SessionStatus.CANCELLED),
                name="session_one_follow_up",
                violation_error_message=_("This session already has a follow-up session."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement.topic} – {self.scheduled_at:%Y-%m-%d}"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.scheduled_at + datetime.timedelta(minutes=self.duration_minutes)
