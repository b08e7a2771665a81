"""The service request's state machine: one table of transitions, one door (`move_request`) to take them.

Each transition names the rule (service/rules.py) that says who may take it and the side effects that come
with it. Pages, API and the booking services all move a request through `move_request`; nothing else writes
its status.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.coaching.models import EngagementStatus
from tumbuh.common.conflicts import EditConflict
from tumbuh.people.models import Employee

from ..models import RequestEvent, RequestStatus, ServiceRequest
from ..models.requests import OPEN_STATUSES

Effect = Callable[[ServiceRequest], None]


def end_engagement_cancelled(request: ServiceRequest) -> None:
    """The engagement opened by accepting the request ends as cancelled."""
    _end_engagement(request, EngagementStatus.CANCELLED)


def end_engagement_completed(request: ServiceRequest) -> None:
    """The engagement opened by accepting the request ends as completed."""
    _end_engagement(request, EngagementStatus.COMPLETED)


def _end_engagement(request: ServiceRequest, status: str) -> None:
    engagement = request.engagement
    if engagement is not None:
        engagement.status = status
        engagement.ended_at = timezone.now()
        engagement.save(update_fields=["status", "ended_at"])


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    rule: str  # the named permission that says who may take this step
    effects: tuple[Effect, ...] = ()  # run in the mover's transaction, before the status changes


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "assign",
        frozenset({RequestStatus.SUBMITTED, RequestStatus.DECLINED, RequestStatus.ASSIGNED}),
        RequestStatus.ASSIGNED,
        "service.offer_request",
    ),
    Transition("accept", frozenset({RequestStatus.ASSIGNED}), RequestStatus.ACCEPTED, "service.respond_to_offer"),
    Transition("decline", frozenset({RequestStatus.ASSIGNED}), RequestStatus.DECLINED, "service.respond_to_offer"),
    Transition(
        "book",
        frozenset({RequestStatus.ACCEPTED, RequestStatus.SCHEDULED}),
        RequestStatus.SCHEDULED,
        "service.book_session",
    ),
    # The last booked session was cancelled: the request waits for a new booking, as right after acceptance.
    Transition("unbook", frozenset({RequestStatus.SCHEDULED}), RequestStatus.ACCEPTED, "service.change_booking"),
    Transition(
        "close",
        frozenset({RequestStatus.ACCEPTED, RequestStatus.SCHEDULED}),
        RequestStatus.CLOSED,
        "service.close_request",
        effects=(end_engagement_completed,),
    ),
    Transition(
        "cancel",
        frozenset(OPEN_STATUSES),
        RequestStatus.CANCELLED,
        "service.cancel_request",
        effects=(end_engagement_cancelled,),
    ),
)


def allows(*, request: ServiceRequest, to: str) -> bool:
    """Whether the table has a step from REQUEST's status to TO (who may take it is another question)."""
    return any(t.target == to and request.status in t.sources for t in TRANSITIONS)


def transition_for(*, request: ServiceRequest, to: str) -> Transition:
    """The step that takes REQUEST from its status to TO; a ValidationError when there is none."""
    for transition in TRANSITIONS:
        if transition.target == to and request.status in transition.sources:
            return transition
    raise ValidationError(
        _("This request is %(status)s; it cannot become %(target)s.")
        % {"status": request.get_status_display(), "target": RequestStatus(to).label}
    )


def check_move(*, request: ServiceRequest, to: str, by: Employee) -> Transition:
    """Refuse unless BY may take REQUEST to TO now: a wrong state is a ValidationError, a wrong person a 403."""
    transition = transition_for(request=request, to=to)
    require(by, transition.rule, request)
    return transition


def move_request(*, request: ServiceRequest, to: str, by: Employee, note: str = "", **details) -> ServiceRequest:
    """Take REQUEST to status TO (writing DETAILS too), unless somebody changed it since this copy was loaded.

    Call it inside the caller's transaction: the effects, the status and the history row commit together.
    """
    transition = check_move(request=request, to=to, by=by)
    for effect in transition.effects:
        effect(request)
    changed = ServiceRequest.objects.filter(pk=request.pk, version=request.version).update(
        status=to, version=F("version") + 1, **details
    )
    if not changed:
        raise EditConflict(ServiceRequest.objects.get(pk=request.pk))
    RequestEvent.objects.create(request=request, actor=by, from_status=request.status, to_status=to, note=note[:300])
    request.refresh_from_db()
    return request
