"""The session canvas, the Will/Action stage, micro-coaching and SBI feedback. Reads of notes are audit-logged."""

import datetime
from typing import Literal

from django.utils import translation
from ninja import Router, Schema, Status
from pydantic import Field

from tumbuh.access.policy import fetch
from tumbuh.audit.services import record_event
from tumbuh.common.api import READ, VERSIONED_WRITE, WRITE, InputSchema, WallClockTime, check_with_form, form_limit

from .. import selectors
from ..forms.canvas import MicroSessionForm
from ..forms.feedback import FeedbackForm
from ..models import Session, SessionMode
from ..services import canvas as canvas_services
from ..services import feedback as feedback_services
from . import ActionIn, ActionItemOut, PersonOut, SessionOut, action_drafts

router: Router = Router(tags=["coaching"])


class StageOut(Schema):
    code: str
    label: str
    purpose: str
    creates_actions: bool
    notes: str
    questions: list[str]


class CanvasOut(Schema):
    session_id: int
    canvas: str
    version: int
    stages: list[StageOut]
    follow_up_id: int | None


class CanvasIn(InputSchema):
    version: int
    stage_notes: dict[str, str]


class FollowUpIn(InputSchema):
    days_after: int = Field(selectors.FOLLOW_UP_DEFAULT_DAYS, description="7 to 14")
    at: WallClockTime | None = None
    mode: SessionMode | None = None
    location: str | None = Field(None, max_length=200)
    canvas: Literal["free", "grow", "clear", "oscar"] | None = None


class WillIn(InputSchema):
    actions: list[ActionIn] = Field([], max_length=5)
    follow_up: FollowUpIn | None = None


class WillOut(Schema):
    actions: list[ActionItemOut]
    follow_up: SessionOut | None


class MicroSessionIn(InputSchema):
    focus: str = Field(max_length=form_limit(MicroSessionForm, "focus"))
    insight: str = Field(max_length=form_limit(MicroSessionForm, "insight"))
    action: ActionIn
    scheduled_at: datetime.datetime | None = None
    duration_minutes: int = Field(canvas_services.MICRO_DEFAULT_MINUTES, description="10 to 15")
    mode: SessionMode = SessionMode.ONLINE
    location: str = Field("", max_length=form_limit(MicroSessionForm, "location"))


class MicroSessionOut(SessionOut):
    canvas: str
    stage_notes: dict[str, str]


class FeedbackIn(InputSchema):
    situation: str = Field(max_length=form_limit(FeedbackForm, "situation"))
    behaviour: str = Field(max_length=form_limit(FeedbackForm, "behaviour"))
    impact: str = Field(max_length=form_limit(FeedbackForm, "impact"))
    reflective_question: str = Field("", max_length=form_limit(FeedbackForm, "reflective_question"))
    confirm_observable: bool = False


class FeedbackOut(Schema):
    id: int
    session_id: int
    given_by: PersonOut
    situation: str
    behaviour: str
    impact: str
    reflective_question: str
    created_at: datetime.datetime


def _canvas(session: Session) -> dict:
    framework = selectors.framework_of(session)
    stages = []
    if framework is not None:
        questions = selectors.stage_questions(session, translation.get_language() or "id")
        notes = session.stage_notes or {}
        stages = [
            {
                "code": stage.code,
                "label": str(stage.label),
                "purpose": str(stage.purpose),
                "creates_actions": stage.creates_actions,
                "notes": notes.get(stage.code, ""),
                "questions": questions.get(stage.code, []),
            }
            for stage in framework.stages
        ]
    follow_up = selectors.current_follow_up(session)
    return {
        "session_id": session.pk,
        "canvas": session.canvas,
        "version": session.version,
        "stages": stages,
        "follow_up_id": follow_up.pk if follow_up is not None else None,
    }


@router.get(
    "/sessions/{session_id}/canvas",
    response={200: CanvasOut, **READ},
    summary="A session's canvas with its stage notes",
)
def get_canvas(request, session_id: int):
    session = fetch(request.user, "coaching.view_canvas", selectors.sessions_visible_to(request.user), pk=session_id)
    record_event(
        actor=request.user,
        action="session.notes.read",
        target=session,
        request=request,
        detail="canvas",
    )
    return _canvas(session)


@router.put(
    "/sessions/{session_id}/canvas",
    response={200: CanvasOut, **VERSIONED_WRITE},
    summary="Replace the stage notes; send the version you read (409 if someone saved since)",
)
def update_canvas(request, session_id: int, payload: CanvasIn):
    session = fetch(request.user, "coaching.change_canvas", selectors.sessions_visible_to(request.user), pk=session_id)
    session = canvas_services.update_stage_notes(
        session=session, by=request.user, expected_version=payload.version, stage_notes=payload.stage_notes
    )
    # The answer carries every stage's notes back: a read as well as a write.
    record_event(actor=request.user, action="session.notes.read", target=session, request=request, detail="canvas")
    return _canvas(session)


@router.post(
    "/sessions/{session_id}/will",
    response={201: WillOut, **WRITE},
    summary="Actions from the Will/Action stage and the follow-up session, all or nothing",
)
def commit_will(request, session_id: int, payload: WillIn):
    session = fetch(request.user, "coaching.change_canvas", selectors.sessions_visible_to(request.user), pk=session_id)
    drafts = action_drafts(session.engagement, payload.actions, prefix="actions")
    follow_up = None
    if payload.follow_up is not None:
        follow_up = selectors.FollowUpDraft(**payload.follow_up.dict())
    result = canvas_services.commit_will(session=session, by=request.user, actions=drafts, follow_up=follow_up)
    return Status(201, {"actions": result.actions, "follow_up": result.follow_up})


@router.post(
    "/engagements/{engagement_id}/micro-sessions",
    response={201: MicroSessionOut, **WRITE},
    summary="Record a micro-coaching session (10–15 minutes: focus, insight, one action)",
)
def create_micro_session(request, engagement_id: int, payload: MicroSessionIn):
    engagement = fetch(
        request.user, "coaching.run_micro_session", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    (action,) = action_drafts(engagement, [payload.action], prefix="action")
    session = canvas_services.log_micro_session(
        engagement=engagement,
        by=request.user,
        focus=payload.focus,
        insight=payload.insight,
        action=action,
        scheduled_at=payload.scheduled_at,
        duration_minutes=payload.duration_minutes,
        mode=payload.mode,
        location=payload.location,
    )
    return Status(201, session)


@router.get(
    "/sessions/{session_id}/feedback",
    response={200: list[FeedbackOut], **READ},
    summary="SBI feedback given in a session",
)
def list_feedback(request, session_id: int):
    session = fetch(request.user, "coaching.view_feedback", selectors.sessions_visible_to(request.user), pk=session_id)
    record_event(actor=request.user, action="session.feedback.read", target=session, request=request)
    return session.feedback.select_related("given_by").order_by("created_at", "pk")


@router.post("/sessions/{session_id}/feedback", response={201: FeedbackOut, **WRITE}, summary="Give SBI feedback")
def give_feedback(request, session_id: int, payload: FeedbackIn):
    session = fetch(request.user, "coaching.give_feedback", selectors.sessions_visible_to(request.user), pk=session_id)
    check_with_form(FeedbackForm(data=payload.dict()))
    return Status(201, feedback_services.give_feedback(session=session, by=request.user, **payload.dict()))
