"""Who may do what in a coaching engagement. Confidential by default: only coach and coachee."""

import rules

from ..models import ActionItem, Contract, Engagement, Goal, Session


def _engagement_of(obj) -> Engagement | None:
    """The engagement OBJ is, or belongs to; None for anything else."""
    if isinstance(obj, Engagement):
        return obj
    if isinstance(obj, (Session, ActionItem, Goal, Contract)):
        return obj.engagement
    return None


@rules.predicate
def is_participant(user, obj) -> bool:
    engagement = _engagement_of(obj)
    return engagement is not None and user.pk in (engagement.coach_id, engagement.coachee_id)


@rules.predicate
def is_engagement_coach(user, obj) -> bool:
    engagement = _engagement_of(obj)
    return engagement is not None and user.pk == engagement.coach_id


@rules.predicate
def is_open_engagement(user, obj) -> bool:
    engagement = _engagement_of(obj)
    return engagement is not None and engagement.is_open


rules.add_perm("coaching.view_engagement", is_participant)
rules.add_perm("coaching.log_session", is_engagement_coach & is_open_engagement)
rules.add_perm("coaching.add_goal", is_participant & is_open_engagement)
rules.add_perm("coaching.add_action_item", is_participant & is_open_engagement)
rules.add_perm("coaching.view_session", is_participant)
rules.add_perm("coaching.view_shared_notes", is_participant)
rules.add_perm("coaching.view_private_notes", is_engagement_coach)
rules.add_perm("coaching.change_session", is_engagement_coach)
rules.add_perm("coaching.tick_action_item", is_participant)
# Who BY is in the engagement, for services that act differently for coach and coachee (state checked apart).
rules.add_perm("coaching.act_as_coach", is_engagement_coach)
rules.add_perm("coaching.act_as_party", is_participant)

from . import canvas, contracts, goals  # noqa: E402, F401
