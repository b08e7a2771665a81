import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EngagementKind(models.TextChoices):
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    CONSULTING = "consulting", _("Consulting")
    PEER = "peer", _("Peer coaching")


class EngagementStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Engagement(models.Model):
    """A coaching, mentoring, consulting or peer relationship between one coach and one coachee."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="engagements_as_coach", verbose_name=_("coach")
    )
    coachee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="engagements_as_coachee",
        verbose_name=_("coachee"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EngagementKind.choices, default=EngagementKind.COACHING)
    status = models.CharField(
        _("status"), max_length=20, choices=EngagementStatus.choices, default=EngagementStatus.REQUESTED
    )
    topic = models.CharField(_("topic"), max_length=200)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(coach=models.F("coachee")), name="engagement_coach_is_not_coachee"),
        ]
        indexes = [models.Index(fields=["coach", "status"]), models.Index(fields=["coachee", "status"])]

    def __str__(self) -> str:
        return f"{self.topic} ({self.coachee} – {self.coach})"

    @property
    def is_open(self) -> bool:
        return self.status in (EngagementStatus.REQUESTED, EngagementStatus.ACTIVE)


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


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class Goal(models.Model):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title


class ActionItem(models.Model):
    """A concrete action with an owner and a due date, usually agreed in a session."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="action_items")
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
        verbose_name=_("session"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items", verbose_name=_("goal")
    )
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["done_at", "due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())
