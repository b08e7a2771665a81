from operator import attrgetter
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
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

    # The contract helpers read ``contracts.all()``: prefetch it (selectors do) and they cost no query.
    @property
    def current_contract(self) -> "Contract | None":
        """The latest contract version, pending or accepted."""
        return max(self.contracts.all(), key=attrgetter("version"), default=None)

    @property
    def contract_in_force(self) -> "Contract | None":
        """The latest version both parties accepted; it stays in force while a newer one waits."""
        accepted = [contract for contract in self.contracts.all() if contract.is_accepted]
        return max(accepted, key=attrgetter("version"), default=None)

    @property
    def contract_state(self) -> str:
        """The contract's state: "none", "pending" or "accepted"; the latest version decides."""
        current = self.current_contract
        if current is None:
            return "none"
        return "accepted" if current.is_accepted else "pending"
