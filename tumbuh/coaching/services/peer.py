"""Peer coaching: any ASN invites a colleague; accepted, the invitation opens a peer engagement. No admin needed."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tumbuh.access.policy import can, require
from tumbuh.audit.services import record_event
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from ..kinds import COACHING_UPDATES
from ..models import Engagement, EngagementKind, PeerInvitation, PeerInvitationStatus, PeerRole
from ..models.engagements import OPEN_STATUSES
from . import start_engagement

INVITED_NOTICE = gettext_lazy("%(name)s invites you to peer coaching on “%(topic)s”. Accept or decline in Tumbuh.")
ACCEPTED_NOTICE = gettext_lazy("%(name)s accepted your peer-coaching invitation on “%(topic)s”.")
DECLINED_NOTICE = gettext_lazy("%(name)s declined your peer-coaching invitation on “%(topic)s”.")
WITHDRAWN_NOTICE = gettext_lazy("%(name)s withdrew the peer-coaching invitation on “%(topic)s”.")


def _colleague(login: str, *, of: Employee) -> Employee:
    """The active employee of OF's agency with that NIP or e-mail address (as people type it when they log in).

    Someone of another agency (or of none) is answered exactly as an unknown address: agencies are walls, and
    the answer must not tell that the person exists, let alone their name.
    """
    if not login.strip():
        raise ValidationError({"invitee": _("Type your colleague's NIP or e-mail address.")})
    try:
        colleague = Employee.objects.get_by_login(login)
    except Employee.DoesNotExist:
        colleague = None
    outside = colleague is not None and (of.agency_id is None or colleague.agency_id != of.agency_id)
    if colleague is None or outside or not colleague.is_active:
        raise ValidationError(
            {
                "invitee": _(
                    "No active colleague has that NIP or e-mail address. Check it, or ask your colleague "
                    "for the NIP or address they log in with."
                )
            }
        )
    return colleague


def _pending_between(a: Employee, b: Employee) -> PeerInvitation | None:
    return (
        PeerInvitation.objects.filter(status=PeerInvitationStatus.PENDING)
        .filter(Q(invited_by=a, invitee=b) | Q(invited_by=b, invitee=a))
        .first()
    )


def _open_peer_engagement(a: Employee, b: Employee) -> Engagement | None:
    return (
        Engagement.objects.filter(kind=EngagementKind.PEER, status__in=OPEN_STATUSES)
        .filter(Q(coach=a, coachee=b) | Q(coach=b, coachee=a))
        .first()
    )


def _duplicate_error(existing: PeerInvitation, by: Employee) -> ValidationError:
    if can(by, "coaching.withdraw_peer_invitation", existing):
        message = _(
            "You already invited %(name)s and are waiting for the answer. Wait for it, or withdraw that "
            "invitation first."
        ) % {"name": existing.invitee.full_name}
    else:
        message = _(
            "%(name)s has already invited you to peer coaching. Answer that invitation on your peer-coaching page."
        ) % {"name": existing.invited_by.full_name}
    return ValidationError({"invitee": message})


def invite_peer(*, by: Employee, invitee: str, inviter_role: str, topic: str, message: str = "") -> PeerInvitation:
    """Invite the colleague with the NIP or e-mail INVITEE to peer coaching, as their coach or as their coachee."""
    require(by, "coaching.invite_peer")
    colleague = _colleague(invitee, of=by)
    if not can(by, "coaching.invite_colleague", colleague):
        raise ValidationError({"invitee": _("You cannot invite yourself; type the NIP or e-mail of a colleague.")})
    errors = {}
    if inviter_role not in PeerRole.values:
        errors["inviter_role"] = _("Choose whether you offer to coach or ask to be coached.")
    if not topic.strip():
        errors["topic"] = _("Write the topic you would like to work on together.")
    if errors:
        raise ValidationError(errors)
    existing = _pending_between(by, colleague)
    if existing is not None:
        raise _duplicate_error(existing, by)
    open_together = _open_peer_engagement(by, colleague)
    if open_together is not None:
        raise ValidationError(
            {
                "invitee": _(
                    "You and %(name)s already have an open peer-coaching engagement (“%(topic)s”). Continue there, "
                    "or close it before starting another."
                )
                % {"name": colleague.full_name, "topic": open_together.topic}
            }
        )
    invitation = PeerInvitation(
        invited_by=by,
        invitee=colleague,
        inviter_role=inviter_role,
        topic=topic.strip(),
        message=message.strip(),
        created_at=timezone.now(),
    )
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
            record_event(actor=by, action="peer_invitation.sent", target=invitation)
            _tell(colleague, INVITED_NOTICE, by=by, invitation=invitation, url=reverse("coaching:peer-invitation-list"))
    except IntegrityError:
        # Both invited each other at the same moment: the database kept one invitation.
        existing = _pending_between(by, colleague)
        if existing is None:
            raise
        raise _duplicate_error(existing, by) from None
    return invitation


def _claim(invitation: PeerInvitation, status: str, *, by: Employee) -> None:
    """Move a pending invitation to STATUS, or say why it cannot be: it was answered or withdrawn already."""
    answered = PeerInvitation.objects.filter(pk=invitation.pk, status=PeerInvitationStatus.PENDING).update(
        status=status, answered_at=timezone.now()
    )
    invitation.refresh_from_db(fields=["status", "answered_at", "engagement"])
    if answered:
        return
    if invitation.status == PeerInvitationStatus.ACCEPTED:
        raise ValidationError(_("This invitation was accepted already; the engagement is in your list."))
    if invitation.status == PeerInvitationStatus.DECLINED:
        raise ValidationError(_("This invitation was declined already; a new invitation is needed."))
    if can(by, "coaching.withdraw_peer_invitation", invitation):
        raise ValidationError(_("You withdrew this invitation already."))
    raise ValidationError(
        _("%(name)s withdrew this invitation; it can no longer be answered.")
        % {"name": invitation.invited_by.full_name}
    )


@transaction.atomic
def accept_peer_invitation(*, invitation: PeerInvitation, by: Employee) -> Engagement:
    """The invitee accepts: an active peer engagement opens, with coach and coachee as the inviter proposed."""
    require(
        by,
        "coaching.answer_peer_invitation",
        invitation,
        message=_("Only the invited colleague can accept this invitation."),
    )
    _claim(invitation, PeerInvitationStatus.ACCEPTED, by=by)
    engagement = start_engagement(
        coach=invitation.coach, coachee=invitation.coachee, topic=invitation.topic, kind=EngagementKind.PEER, by=by
    )
    invitation.engagement = engagement
    invitation.save(update_fields=["engagement"])
    record_event(actor=by, action="peer_invitation.accepted", target=invitation)
    _tell(
        invitation.invited_by,
        ACCEPTED_NOTICE,
        by=by,
        invitation=invitation,
        url=reverse("coaching:engagement-detail", args=[engagement.pk]),
    )
    return engagement


@transaction.atomic
def decline_peer_invitation(*, invitation: PeerInvitation, by: Employee) -> PeerInvitation:
    """The invitee declines; the inviter is told."""
    require(
        by,
        "coaching.answer_peer_invitation",
        invitation,
        message=_("Only the invited colleague can decline this invitation."),
    )
    _claim(invitation, PeerInvitationStatus.DECLINED, by=by)
    record_event(actor=by, action="peer_invitation.declined", target=invitation)
    _tell(
        invitation.invited_by,
        DECLINED_NOTICE,
        by=by,
        invitation=invitation,
        url=reverse("coaching:peer-invitation-list"),
    )
    return invitation


@transaction.atomic
def withdraw_peer_invitation(*, invitation: PeerInvitation, by: Employee) -> PeerInvitation:
    """The inviter takes a pending invitation back; the colleague is told."""
    require(
        by,
        "coaching.withdraw_peer_invitation",
        invitation,
        message=_("Only the colleague who sent this invitation can withdraw it."),
    )
    _claim(invitation, PeerInvitationStatus.WITHDRAWN, by=by)
    record_event(actor=by, action="peer_invitation.withdrawn", target=invitation)
    _tell(
        invitation.invitee, WITHDRAWN_NOTICE, by=by, invitation=invitation, url=reverse("coaching:peer-invitation-list")
    )
    return invitation


def _tell(recipient: Employee, notice, *, by: Employee, invitation: PeerInvitation, url: str) -> None:
    names = {"name": by.full_name, "topic": invitation.topic}
    notify(recipient=recipient, kind=COACHING_UPDATES, text=lambda: str(notice) % names, url=url)
