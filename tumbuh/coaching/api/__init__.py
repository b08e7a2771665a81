"""Coaching endpoints. Lists carry no notes; a session's notes come only from its detail, which is audit-logged."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import Field

from tumbuh.access.policy import can, fetch
from tumbuh.audit.services import api_via, record_event
from tumbuh.people.models import Employee

from .. import selectors, services
from ..models import Engagement, SessionMode

router = Router(tags=["coaching"])


class PersonOut(Schema):
    id: int
    full_name: str


class EngagementOut(Schema):
    id: int
    kind: str
    status: str
    topic: str
    coach: PersonOut
    coachee: PersonOut
    created_at: datetime.datetime
    started_at: datetime.datetime | None


class SessionOut(Schema):
    id: int
    engagement_id: int
    scheduled_at: datetime.datetime
    duration_minutes: int
    mode: str
    meeting_url: str
    location: str
    status: str
    version: int


class SessionDetailOut(SessionOut):
    shared_notes: str
    private_notes: str | None = Field(None, description="Only for the coach; null for everyone else.")


class ActionIn(Schema):
    title: str
    owner_id: int
    due_on: datetime.date


class SessionIn(Schema):
    scheduled_at: datetime.datetime
    duration_minutes: int = 60
    mode: SessionMode = SessionMode.ONLINE
    meeting_url: str = ""
    location: str = ""
    shared_notes: str = ""
    private_notes: str = ""


class SessionCreateIn(SessionIn):
    actions: list[ActionIn] = []
    # The session canvas (issue 4); micro-coaching has its own endpoint.
    canvas: Literal["free", "grow", "clear", "oscar"] = "free"


class SessionUpdateIn(SessionIn):
    version: int


class ActionItemOut(Schema):
    id: int
    engagement_id: int
    session_id: int | None
    goal_id: int | None
    title: str
    owner: PersonOut
    due_on: datetime.date
    done_at: datetime.datetime | None


class ActionItemIn(Schema):
    title: str
    owner_id: int
    due_on: datetime.date
    goal_id: int | None = None


class ActionItemPatch(Schema):
    done: bool


def _session_detail(request, session) -> dict:
    show_private = can(request.user, "coaching.view_private_notes", session)
    record_event(
        actor=request.user,
        action="session.notes.read",
        target=session,
        request=request,
        via=api_via(request),
        detail="shared+private" if show_private else "shared",
    )
    data = SessionOut.from_orm(session).dict()
    data["shared_notes"] = session.shared_notes
    data["private_notes"] = session.private_notes if show_private else None
    return data


def _participant(engagement: Engagement, person_id: int) -> Employee:
    """The coach or coachee with that id; anybody else is not a valid owner."""
    person = engagement.participant(person_id)
    if person is None:
        raise ValidationError(
            {"owner_id": _("The owner of an action must be the coach or the coachee of this engagement.")}
        )
    return person


@router.get("/engagements", response=list[EngagementOut], summary="My engagements (as coach or coachee)")
@paginate(PageNumberPagination)
def list_engagements(request):
    return selectors.engagements_visible_to(request.user).order_by("-created_at", "pk")


@router.get("/engagements/{engagement_id}", response=EngagementOut)
def get_engagement(request, engagement_id: int):
    return fetch(
        request.user, "coaching.view_engagement", selectors.engagements_visible_to(request.user), pk=engagement_id
    )


@router.get("/engagements/{engagement_id}/sessions", response=list[SessionOut], summary="Sessions, without notes")
@paginate(PageNumberPagination)
def list_sessions(request, engagement_id: int):
    engagement = get_engagement(request, engagement_id)
    return engagement.sessions.order_by("-scheduled_at", "pk")


@router.post("/engagements/{engagement_id}/sessions", response={201: SessionDetailOut}, summary="Log a session")
def create_session(request, engagement_id: int, payload: SessionCreateIn):
    engagement = fetch(
        request.user, "coaching.log_session", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    data = payload.dict()
    actions = [
        services.ActionDraft(a["title"], _participant(engagement, a["owner_id"]), a["due_on"])
        for a in data.pop("actions")
    ]
    session = services.log_session(engagement=engagement, by=request.user, actions=actions, **data)
    return Status(201, _session_detail(request, session))


@router.get("/sessions/{session_id}", response=SessionDetailOut, summary="A session with its notes (audit-logged)")
def get_session(request, session_id: int):
    session = fetch(request.user, "coaching.view_session", selectors.sessions_visible_to(request.user), pk=session_id)
    return _session_detail(request, session)


@router.put(
    "/sessions/{session_id}",
    response=SessionDetailOut,
    summary="Change a session; send the version you read (409 if someone saved since)",
)
def update_session(request, session_id: int, payload: SessionUpdateIn):
    session = fetch(request.user, "coaching.change_session", selectors.sessions_visible_to(request.user), pk=session_id)
    data = payload.dict()
    expected = data.pop("version")
    session = services.update_session(session=session, by=request.user, expected_version=expected, **data)
    return _session_detail(request, session)


@router.get("/engagements/{engagement_id}/actions", response=list[ActionItemOut])
@paginate(PageNumberPagination)
def list_actions(request, engagement_id: int):
    engagement = get_engagement(request, engagement_id)
    return engagement.action_items.select_related("owner").order_by("done_at", "due_on", "pk")


@router.post("/engagements/{engagement_id}/actions", response={201: ActionItemOut})
def create_action(request, engagement_id: int, payload: ActionItemIn):
    engagement = fetch(
        request.user, "coaching.add_action_item", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    goal = get_object_or_404(engagement.goals, pk=payload.goal_id) if payload.goal_id else None
    item = services.add_action_item(
        engagement=engagement,
        by=request.user,
        title=payload.title,
        owner=_participant(engagement, payload.owner_id),
        due_on=payload.due_on,
        goal=goal,
    )
    return Status(201, item)


@router.patch("/actions/{action_id}", response=ActionItemOut, summary="Tick an action done, or reopen it")
def patch_action(request, action_id: int, payload: ActionItemPatch):
    item = fetch(
        request.user, "coaching.tick_action_item", selectors.action_items_visible_to(request.user), pk=action_id
    )
    return services.set_action_item_done(item=item, by=request.user, done=payload.done)


from .contracts import router as contracts_router  # noqa: E402

router.add_router("", contracts_router)

from .goals import router as goals_router  # noqa: E402

router.add_router("", goals_router)

from .canvas import router as canvas_router  # noqa: E402

router.add_router("", canvas_router)
