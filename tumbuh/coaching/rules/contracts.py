"""Contracts belong to the engagement's coach and coachee; peer invitations to their inviter and invitee."""

import rules

from . import is_open_engagement, is_participant


@rules.predicate
def is_inviter(user, invitation) -> bool:
    return user.pk == invitation.invited_by_id


@rules.predicate
def is_invitee(user, invitation) -> bool:
    return user.pk == invitation.invitee_id


rules.add_perm("coaching.view_contract", is_participant)
rules.add_perm("coaching.propose_contract", is_participant & is_open_engagement)
rules.add_perm("coaching.accept_contract", is_participant & is_open_engagement)
rules.add_perm("coaching.invite_peer", rules.is_active)
rules.add_perm("coaching.answer_peer_invitation", is_invitee)
rules.add_perm("coaching.withdraw_peer_invitation", is_inviter)
