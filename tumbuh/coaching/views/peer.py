"""Peer coaching: invite a colleague, see the invitations sent and received, answer or withdraw them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch, require
from tumbuh.common.forms import add_service_errors

from .. import selectors
from ..forms.peer import PeerInvitationForm
from ..services.peer import (
    accept_peer_invitation,
    decline_peer_invitation,
    invite_peer,
    withdraw_peer_invitation,
)


def peer_invite(request):
    require(request.user, "coaching.invite_peer")
    form = PeerInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invite_peer(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Invitation sent to %(name)s.") % {"name": invitation.invitee.full_name})
            return redirect("coaching:peer-invitation-list")
    return render(request, "coaching/peer_invitation_form.html", {"form": form})


def peer_invitation_list(request):
    invitations = list(selectors.peer_invitations_for(request.user).order_by("-created_at", "-pk"))
    context = {
        "received": [invitation for invitation in invitations if invitation.invitee_id == request.user.pk],
        "sent": [invitation for invitation in invitations if invitation.invited_by_id == request.user.pk],
    }
    return render(request, "coaching/peer_invitation_list.html", context)


def _answer(request, pk: int, perm: str, service, success: str):
    invitation = fetch(request.user, perm, selectors.peer_invitations_for(request.user), pk=pk)
    try:
        result = service(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    names = {"inviter": invitation.invited_by.full_name, "invitee": invitation.invitee.full_name}
    messages.success(request, success % names)
    return result


@require_POST
def peer_invitation_accept(request, pk: int):
    engagement = _answer(
        request,
        pk,
        "coaching.answer_peer_invitation",
        accept_peer_invitation,
        _("You and %(inviter)s are now in a peer-coaching engagement. Start by agreeing on a contract."),
    )
    if engagement is None:
        return redirect("coaching:peer-invitation-list")
    return redirect("coaching:engagement-detail", pk=engagement.pk)


@require_POST
def peer_invitation_decline(request, pk: int):
    _answer(
        request,
        pk,
        "coaching.answer_peer_invitation",
        decline_peer_invitation,
        _("You declined the invitation of %(inviter)s; they have been told."),
    )
    return redirect("coaching:peer-invitation-list")


@require_POST
def peer_invitation_withdraw(request, pk: int):
    _answer(
        request,
        pk,
        "coaching.withdraw_peer_invitation",
        withdraw_peer_invitation,
        _("You withdrew your invitation to %(invitee)s; they have been told."),
    )
    return redirect("coaching:peer-invitation-list")
