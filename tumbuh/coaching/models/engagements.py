import datetime
from collections.abc import Iterable
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from tumbuh.people.models import Employee

    from .contracts import Contract


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


# An engagement is open (sessions, goals, actions and contract changes can still be added) in these statuses.
OPEN_STATUSES = (EngagementStatus.REQUESTED, EngagementStatus.ACTIVE)


def _latest(contracts: "Iterable[Contract]") -> "Contract | None":
    return max(contracts, key=attrgetter("version"), default=None)


def _in_force(contracts: "Iterable[Contract]") -> "Contract | None":
    return _latest(contract for contract in contracts if contract.is_accepted)


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
    # Where the coachee worked when it started: reports keep counting it there after a transfer (mutasi).
    agency = models.ForeignKey(
        "people.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("agency at the start"),
    )
    unit = models.ForeignKey(
        "people.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("unit at the start"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(coach=models.F("coachee")),
                name="engagement_coach_is_not_coachee",
                violation_error_message=_("A person cannot coach themselves; choose another coach."),
            ),
        ]
        indexes = [models.Index(fields=["coach", "status"]), models.Index(fields=["coachee", "status"])]

    def __str__(self) -> str:
        return f"{self.topic} ({self.coachee} – {self.coach})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def participant(self, person_id: int | None) -> "Employee | None":
        """The coach or the coachee with PERSON_ID; None for anybody else."""
        if person_id == self.coach_id:
            return self.coach
        if person_id == self.coachee_id:
            return self.coachee
        return None

    def other_party(self, person: "Employee") -> "Employee":
        """The coachee for the coach, the coach for the coachee."""
        return self.coachee if person.pk == self.coach_id else self.coach

    # The contract helpers read ``contracts.all()``: prefetch it (selectors do) and they cost no query.
    @property
    def current_contract(self) -> "Contract | None":
        """The latest contract version, pending or accepted."""
        return _latest(self.contracts.all())

    @property
    def contract_in_force(self) -> "Contract | None":
        """The latest version both parties accepted; it stays in force while a newer one waits."""
        return _in_force(self.contracts.all())

    @property
    def contract_state(self) -> str:
        """The contract's state: "none", "pending" or "accepted"; the latest version decides."""
        current = self.current_contract
        if current is None:
            return "none"
        return "accepted" if current.is_accepted else "pending"

    @cached_property
    def planned_end(self) -> datetime.date | None:
        """When the engagement is planned to end: the contract in force, else the latest proposal, else its end date.

        Worked out once per instance: a page shows the SMART hints of every goal of one engagement against it.
        """
        contracts = self.contracts.all()  # read once, prefetched or not
        for contract in (_in_force(contracts), _latest(contracts)):
            if contract is not None and contract.ends_on is not None:
                return contract.ends_on
        if self.ended_at is not None:
            return timezone.localdate(self.ended_at)
        return None
