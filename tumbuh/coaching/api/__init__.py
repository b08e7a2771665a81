"""Coaching endpoints. Lists carry no notes; a session's notes come only from its detail, which is audit-logged."""

import datetime
from collections.abc import Sequence
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.access.policy import can, fetch
from tumbuh.audit.services import record_event
from tumbuh.common.api import LIST, READ, VERSIONED_WRITE, WRITE, InputSchema, Pages, check_with_form, form_limit
from tumbuh.people.models import Employee

from .. import selectors, services
from ..forms import ActionItemForm, ActionRowForm, SessionEditForm, SessionForm
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


class ActionIn(InputSchema):
    title: str = Field(max_length=form_limit(ActionRowForm, "title"))
    owner_id: int
    due_on: datetime.date


class SessionIn(InputSchema):
    scheduled_at: datetime.datetime
    duration_minutes: int = Field(60, ge=5, le=480)
    mode: SessionMode = SessionMode.ONLINE
    meeting_url: str = ""
    location: str = Field("", max_length=form_limit(SessionForm, "location"))
    shared_notes: str = ""
    private_notes: str = ""


class SessionCreateIn(SessionIn):
    actions: list[ActionIn] = Field([], max_length=5)
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


class ActionItemIn(InputSchema):
    title: str = Field(max_length=form_limit(ActionItemForm, "title"))
    owner_id: int
    due_on: datetime.date
    goal_id: int | None = None


class ActionItemPatch(InputSchema):
    done: bool


def _session_detail(request, session) -> dict:
    show_private = can(request.user, "coaching.view_private_notes", session)
    record_event(
        actor=request.user,
        action="session.notes.read",
        target=session,
        request=request,
        detail="shared+private" if show_private else "shared",
    )
    data = SessionOut.from_orm(session).dict()
    data["shared_notes"] = session.shared_notes
    data["private_notes"] = session.private_notes if show_private else None
    return data


OWNER_OUTSIDE = _("The owner of an action must be the coach or the coachee of this engagement.")


def _participant(engagement: Engagement, person_id: int) -> Employee:
    """The coach or coachee with that id; anybody else is not a valid owner."""
    person = engagement.participant(person_id)
    if person is None:
        raise ValidationError({"owner_id": str(OWNER_OUTSIDE)})
    return person


def action_drafts(engagement: Engagement, actions: Sequence[ActionIn], *, prefix: str) -> list[services.ActionDraft]:
    """The actions through the page's action row form; its errors as "PREFIX.<n>.<field>"."""
    errors: dict[str, list[str]] = {}
    drafts = []
    for number, action in enumerate(actions):
        owner = engagement.participant(action.owner_id)
        form = ActionRowForm(
            data={"title": action.title, "owner": action.owner_id, "due_on": action.due_on}, engagement=engagement
        )
        problems: dict[str, list[str]] = {}
        if not form.is_valid():
            problems = {field: [str(message) for message in messages] for field, messages in form.errors.items()}
        if owner is None:
            # One precise message rather than the choice field's "not one of the available choices".
            problems["owner"] = [str(OWNER_OUTSIDE)]
        for field, messages in problems.items():
            name = {"owner": "owner_id", "__all__": ""}.get(field, field)
            errors.setdefault(".".join(filter(None, (prefix, str(number), name))), []).extend(messages)
        if not problems and owner is not None:
            drafts.append(services.ActionDraft(form.cleaned_data["title"], owner, form.cleaned_data["due_on"]))
    if errors:
        raise ValidationError(errors)
    return drafts


def _session_fields(form: SessionForm) -> dict:
    """The session's fields as the page's form cleaned them (its errors are the API's 422)."""
    cleaned = check_with_form(form)
    return {name: cleaned[name] for name in SessionIn.model_fields}


@router.get("/engagements", response={200: list[EngagementOut], **LIST}, summary="My engagements (as coach or coachee)")
@paginate(Pages)
def list_engagements(request):
    return selectors.engagements_visible_to(request.user).order_by("-created_at", "pk")


@router.get("/engagements/{engagement_id}", response={200: EngagementOut, **READ})
def get_engagement(request, engagement_id: int):
    return fetch(
        request.user, "coaching.view_engagement", selectors.engagements_visible_to(request.user), pk=engagement_id
    )


@router.get(
    "/engagements/{engagement_id}/sessions",
    response={200: list[SessionOut], **READ},
    summary="Sessions, without notes",
)
@paginate(Pages)
def list_sessions(request, engagement_id: int):
    engagement = get_engagement(request, engagement_id)
    return engagement.sessions.order_by("-scheduled_at", "pk")


@router.post(
    "/engagements/{engagement_id}/sessions", response={201: SessionDetailOut, **WRITE}, summary="Log a session"
)
def create_session(request, engagement_id: int, payload: SessionCreateIn):
    engagement = fetch(
        request.user, "coaching.log_session", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    form = SessionForm(data=payload.dict(exclude={"actions"}))
    data = _session_fields(form)
    actions = action_drafts(engagement, payload.actions, prefix="actions")
    session = services.log_session(
        engagement=engagement, by=request.user, actions=actions, canvas=form.cleaned_data["canvas"], **data
    )
    return Status(201, _session_detail(request, session))


@router.get(
    "/sessions/{session_id}",
    response={200: SessionDetailOut, **READ},
    summary="A session with its notes (audit-logged)",
)
def get_session(request, session_id: int):
    session = fetch(request.user, "coaching.view_session", selectors.sessions_visible_to(request.user), pk=session_id)
    return _session_detail(request, session)


@router.put(
    "/sessions/{session_id}",
    response={200: SessionDetailOut, **VERSIONED_WRITE},
    summary="Change a session; send the version you read (409 if someone saved since)",
)
def update_session(request, session_id: int, payload: SessionUpdateIn):
    session = fetch(request.user, "coaching.change_session", selectors.sessions_visible_to(request.user), pk=session_id)
    data = _session_fields(SessionEditForm(data=payload.dict()))
    session = services.update_session(session=session, by=request.user, expected_version=payload.version, **data)
    return _session_detail(request, session)


@router.get("/engagements/{engagement_id}/actions", response={200: list[ActionItemOut], **READ})
@paginate(Pages)
def list_actions(request, engagement_id: int):
    engagement = get_engagement(request, engagement_id)
    return engagement.action_items.select_related("owner").order_by("done_at", "due_on", "pk")


@router.post("/engagements/{engagement_id}/actions", response={201: ActionItemOut, **WRITE})
def create_action(request, engagement_id: int, payload: ActionItemIn):
    engagement = fetch(
        request.user, "coaching.add_action_item", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    goal = get_object_or_404(engagement.goals, pk=payload.goal_id) if payload.goal_id else None
    form = ActionItemForm(
        data={"title": payload.title, "owner": payload.owner_id, "due_on": payload.due_on, "goal": payload.goal_id},
        engagement=engagement,
    )
    cleaned = check_with_form(form, rename={"owner": "owner_id", "goal": "goal_id"})
    item = services.add_action_item(
        engagement=engagement,
        by=request.user,
        title=cleaned["title"],
        owner=_participant(engagement, payload.owner_id),
        due_on=cleaned["due_on"],
        goal=goal,
    )
    return Status(201, item)


@router.patch(
    "/actions/{action_id}", response={200: ActionItemOut, **WRITE}, summary="Tick an action done, or reopen it"
)
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
