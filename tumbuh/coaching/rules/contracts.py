"""Contracts belong to the engagement's coach and coachee; peer invitations to their inviter and invitee."""

import rules

from . import is_open_engagement, is_participant


@rules.predicate
def is_inviter(user, invitation) -> bool:
    return user.pk == invitation.invited_by_id


@rules.predicate
def is_invitee(user, invitation) -> bool:
    return user.pk == invitation.invitee_id


@rules.predicate
def is_someone_else(user, colleague) -> bool:
    return user.pk != colleague.pk


rules.add_perm("coaching.view_contract", is_participant)
rules.add_perm("coaching.propose_contract", is_participant & is_open_engagement)
rules.add_perm("coaching.accept_contract", is_participant & is_open_engagement)
rules.add_perm("coaching.invite_peer", rules.is_active)
# Whom one may invite: anyone but oneself (the service says so on the form's field).
rules.add_perm("coaching.invite_colleague", is_someone_else)
rules.add_perm("coaching.answer_peer_invitation", is_invitee)
rules.add_perm("coaching.withdraw_peer_invitation", is_inviter)
