import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .engagements import Engagement

# A constraint's message is formatted with its name only: the bounds go in first, when the message is shown.
_in_range = lazy(lambda message, bounds: str(message) % {"low": bounds[0], "high": bounds[1]}, str)

SESSIONS_PLANNED_RANGE = (1, 24)
# Micro-coaching lasts 10–15 minutes; a long workshop-style session three hours.
SESSION_MINUTES_RANGE = (10, 180)

# Filled into the proposal form; each party may change it before proposing.
DEFAULT_CONFIDENTIALITY = _(
    "What we discuss in coaching stays between the coach and the coachee. Notes are kept in Tumbuh and "
    "are not shared with the supervisor, the mentor or anyone else without the coachee's consent. "
    "The exception is a risk to someone's safety or a breach of the law."
)


class ContractRhythm(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    BIWEEKLY = "biweekly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")


class ContractChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    MIXED = "mixed", _("Online and in person")


class SupervisorShare(models.TextChoices):
    """What the coachee's supervisor or mentor may see; nothing unless the contract says so."""

    ATTENDANCE = "attendance", _("Attendance: the dates of the sessions held")
    PROGRESS = "progress", _("Goals and their progress")
    ACTIONS = "actions", _("Action items and whether they are done")


class ContractState(models.TextChoices):
    PENDING = "pending", _("Waiting for acceptance")
    ACCEPTED = "accepted", _("Accepted by both")
    SUPERSEDED = "superseded", _("Replaced by a newer proposal before acceptance")


class Contract(models.Model):
    """One version of an engagement's coaching contract; the highest version is the current one.

    A version is in force once both the coach and the coachee accepted it. Versions are never
    edited or deleted: a change is a new version, so the history stays.
    """

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("engagement")
    )
    version = models.PositiveIntegerField(_("version"))
    topic_and_goal = models.TextField(_("topic and goal"))
    sessions_planned = models.PositiveSmallIntegerField(
        _("number of sessions"),
        validators=[MinValueValidator(SESSIONS_PLANNED_RANGE[0]), MaxValueValidator(SESSIONS_PLANNED_RANGE[1])],
    )
    rhythm = models.CharField(_("rhythm"), max_length=20, choices=ContractRhythm.choices)
    session_minutes = models.PositiveSmallIntegerField(
        _("minutes per session"),
        validators=[MinValueValidator(SESSION_MINUTES_RANGE[0]), MaxValueValidator(SESSION_MINUTES_RANGE[1])],
    )
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=ContractChannel.choices)
    confidentiality = models.TextField(_("confidentiality terms"))
    share_attendance = models.BooleanField(_("share attendance with the supervisor"), default=False)
    share_progress = models.BooleanField(_("share goals and progress with the supervisor"), default=False)
    share_actions = models.BooleanField(_("share action items with the supervisor"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    coach_accepted_at = models.DateTimeField(_("accepted by the coach"), null=True, blank=True)
    coachee_accepted_at = models.DateTimeField(_("accepted by the coachee"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    # The terms, in the order the page lists them and compares versions.
    TERMS = (
        "topic_and_goal",
        "sessions_planned",
        "rhythm",
        "session_minutes",
        "ends_on",
        "channel",
        "confidentiality",
        "share_attendance",
        "share_progress",
        "share_actions",
    )

    class Meta:
        verbose_name = _("coaching contract")
        verbose_name_plural = _("coaching contracts")
        ordering = ["-version"]
        constraints = [
            # Two people proposing the next version at once: the database lets only one of them win.
            models.UniqueConstraint(fields=["engagement", "version"], name="contract_version_once"),
            models.CheckConstraint(
                condition=Q(sessions_planned__gte=SESSIONS_PLANNED_RANGE[0])
                & Q(sessions_planned__lte=SESSIONS_PLANNED_RANGE[1]),
                name="contract_sessions_planned_in_range",
                violation_error_message=_in_range(
                    _("Plan between %(low)d and %(high)d sessions."), SESSIONS_PLANNED_RANGE
                ),
            ),
            models.CheckConstraint(
                condition=Q(session_minutes__gte=SESSION_MINUTES_RANGE[0])
                & Q(session_minutes__lte=SESSION_MINUTES_RANGE[1]),
                name="contract_session_minutes_in_range",
                violation_error_message=_in_range(
                    _("A session lasts between %(low)d and %(high)d minutes (micro-coaching: 10 to 15)."),
                    SESSION_MINUTES_RANGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.engagement.topic} – v{self.version}"

    @property
    def is_accepted(self) -> bool:
        return self.coach_accepted_at is not None and self.coachee_accepted_at is not None

    @property
    def accepted_at(self) -> datetime.datetime | None:
        """When the second party accepted: the moment this version came into force."""
        if not self.is_accepted:
            return None
        return max(self.coach_accepted_at, self.coachee_accepted_at)  # type: ignore[type-var]

    @property
    def state(self) -> str:
        if self.is_accepted:
            return ContractState.ACCEPTED
        if self.superseded_at is not None:
            return ContractState.SUPERSEDED
        return ContractState.PENDING

    def get_state_display(self) -> str:
        return str(ContractState(self.state).label)

    def accepted_at_by(self, person_id: int) -> datetime.datetime | None:
        """When the person with PERSON_ID (coach or coachee of the engagement) accepted this version."""
        if person_id == self.engagement.coach_id:
            return self.coach_accepted_at
        if person_id == self.engagement.coachee_id:
            return self.coachee_accepted_at
        return None

    def awaits(self, person_id: int) -> bool:
        """Whether this version still waits for the acceptance of the person with PERSON_ID."""
        return self.state == ContractState.PENDING and self.accepted_at_by(person_id) is None

    @property
    def shared_with_supervisor(self) -> frozenset[str]:
        flags = {
            SupervisorShare.ATTENDANCE: self.share_attendance,
            SupervisorShare.PROGRESS: self.share_progress,
            SupervisorShare.ACTIONS: self.share_actions,
        }
        return frozenset(str(share) for share, allowed in flags.items() if allowed)

    def terms(self) -> dict:
        return {name: getattr(self, name) for name in self.TERMS}

    @classmethod
    def label_of(cls, name: str) -> str:
        return str(cls._meta.get_field(name).verbose_name)  # type: ignore[union-attr]  # a term is a plain field

    def display_term(self, name: str) -> str:
        """Term NAME as a person reads it: choices by label, dates as "j F Y", yes or no."""
        value = getattr(self, name)
        if name in ("rhythm", "channel"):
            return str(getattr(self, f"get_{name}_display")())
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if isinstance(value, datetime.date):
            return date_format(value, "j F Y")
        return "—" if value is None else str(value)

    def display_terms(self) -> list[tuple[str, str]]:
        """(label, value as read) for every term, in the page's order."""
        return [(self.label_of(name), self.display_term(name)) for name in self.TERMS]

    def changes_since(self, older: "Contract") -> list[tuple[str, str, str]]:
        """(term label, older value, this value) for each term that differs from version OLDER."""
        return [
            (self.label_of(name), older.display_term(name), self.display_term(name))
            for name in self.TERMS
            if getattr(older, name) != getattr(self, name)
        ]
