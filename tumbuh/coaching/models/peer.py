from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .engagements import Engagement


class PeerRole(models.TextChoices):
    """The inviter's role in the peer engagement they propose."""

    COACH = "coach", _("I offer to coach my colleague")
    COACHEE = "coachee", _("I ask my colleague to coach me")


class PeerInvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PeerInvitation(models.Model):
    """One ASN inviting a colleague to peer coaching; accepted, it opens a peer engagement (no admin involved)."""

    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="peer_invitations_sent",
        verbose_name=_("invited by"),
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="peer_invitations_received",
        verbose_name=_("invited colleague"),
    )
    inviter_role = models.CharField(_("inviter's role"), max_length=10, choices=PeerRole.choices)
    topic = models.CharField(_("topic"), max_length=200)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PeerInvitationStatus.choices, default=PeerInvitationStatus.PENDING
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peer_invitations",
        verbose_name=_("engagement"),
    )

    class Meta:
        verbose_name = _("peer-coaching invitation")
        verbose_name_plural = _("peer-coaching invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(invited_by=F("invitee")),
                name="peer_invitation_not_oneself",
                violation_error_message=_("You cannot invite yourself; type the NIP or e-mail of a colleague."),
            ),
            # At most one pending invitation between the same two people, whoever invited whom.
            models.UniqueConstraint(
                Least("invited_by", "invitee"),
                Greatest("invited_by", "invitee"),
                condition=Q(status=PeerInvitationStatus.PENDING),
                name="peer_invitation_one_pending_per_pair",
                violation_error_message=_("These two colleagues already have a pending invitation between them."),
            ),
        ]
        indexes = [models.Index(fields=["invitee", "status"])]

    def __str__(self) -> str:
        return f"{self.topic} ({self.invited_by} → {self.invitee})"

    @property
    def is_pending(self) -> bool:
        return self.status == PeerInvitationStatus.PENDING

    @property
    def coach(self):
        """Who coaches in the engagement this invitation opens."""
        return self.invited_by if self.inviter_role == PeerRole.COACH else self.invitee

    @property
    def coachee(self):
        return self.invitee if self.inviter_role == PeerRole.COACH else self.invited_by
