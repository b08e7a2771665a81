"""SBI feedback (Situation, Behaviour, Impact): giving feedback in a session, checked by ``sbi.check_behaviour``."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from ..kinds import COACHING_UPDATES
from ..models import Feedback, Session
from ..sbi import check_behaviour


@transaction.atomic
def give_feedback(
    *,
    session: Session,
    by: Employee,
    situation: str,
    behaviour: str,
    impact: str,
    reflective_question: str = "",
    confirm_observable: bool = False,
) -> Feedback:
    """Store SBI feedback on SESSION for its coachee to read; behaviour that looks like a judgement needs confirming."""
    engagement = session.engagement
    require(
        by,
        "coaching.give_feedback",
        session,
        message=_("Only the coach of this engagement can give feedback in its sessions."),
    )
    errors: dict[str, list[str]] = {}
    if not situation.strip():
        errors["situation"] = [_("Describe the situation: when and where it happened.")]
    if not behaviour.strip():
        errors["behaviour"] = [_("Describe the behaviour: what the person did or said.")]
    elif not confirm_observable:
        hints = check_behaviour(behaviour)
        if hints:
            errors["behaviour"] = hints
    if not impact.strip():
        errors["impact"] = [_("Describe the impact: what the behaviour led to, for you, the team or the work.")]
    if errors:
        raise ValidationError(errors)
    feedback = Feedback(
        session=session,
        given_by=by,
        situation=situation.strip(),
        behaviour=behaviour.strip(),
        impact=impact.strip(),
        reflective_question=reflective_question.strip(),
    )
    feedback.full_clean()
    feedback.save()
    record_event(actor=by, action="session.feedback.given", target=feedback, detail=f"session {session.pk}")
    coach = engagement.coach

    def text() -> str:
        day = formats.date_format(timezone.localtime(session.scheduled_at), "j F Y")
        return _("%(name)s gave you feedback on the session of %(date)s.") % {"name": coach.full_name, "date": day}

    notify(
        recipient=engagement.coachee,
        kind=COACHING_UPDATES,
        text=text,
        url=reverse("coaching:session-detail", args=[session.pk]),
    )
    return feedback
