"""SMART goals with their hints, and the progress recorded on them. Coach and coachee only."""

import datetime
from dataclasses import asdict
from decimal import Decimal

from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.access.policy import fetch
from tumbuh.common.api import READ, VERSIONED_WRITE, WRITE, InputSchema, Pages, check_with_form

from .. import selectors
from ..forms.goals import GoalEditForm, GoalForm, GoalProgressForm
from ..models import Goal, GoalProgress, GoalStatus
from ..services import goals as services
from . import PersonOut

router: Router = Router(tags=["coaching"])


class HintOut(Schema):
    code: str = Field(description="<criterion>.<problem>, e.g. measurable.no_number or time_bound.deadline_past")
    letter: str = Field(description="S, M, A, R or T")
    criterion: str
    message: str = Field(description="What to do next, in the caller's language")
    blocking: bool = Field(description="True when the goal cannot be saved like this")


class GoalOut(Schema):
    id: int
    engagement_id: int
    title: str = Field(description="The specific statement of the goal")
    description: str
    indicator: str
    unit: str
    baseline: float | None
    target: float | None
    target_date: datetime.date | None = Field(description="The deadline")
    relevance: str
    skp_reference: str
    status: str
    version: int
    created_at: datetime.datetime
    progress_percent: int | None = Field(description="The latest progress, 0–100; null before any is recorded")
    hints: list[HintOut] = Field(description="What keeps the goal from being SMART; empty when it is")

    @staticmethod
    def resolve_progress_percent(obj: Goal) -> int | None:
        latest = obj.latest_progress
        return latest.percent if latest is not None else None

    @staticmethod
    def resolve_hints(obj: Goal) -> list[dict]:
        return [asdict(hint) for hint in selectors.goal_hints(obj)]


class GoalIn(InputSchema):
    title: str
    description: str = ""
    target_date: datetime.date | None = None
    indicator: str = ""
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    relevance: str = ""
    skp_reference: str = ""


class GoalUpdateIn(GoalIn):
    status: GoalStatus
    version: int = Field(description="The version you read; 409 if someone saved the goal since")


class GoalProgressIn(InputSchema):
    value: Decimal = Field(description="The indicator's value; a percentage 0–100 when the goal has no target")
    recorded_on: datetime.date | None = Field(None, description="Today when left out")
    note: str = ""


class GoalProgressOut(Schema):
    id: int
    goal_id: int
    recorded_on: datetime.date
    value: float
    percent: int = Field(description="How far the value is from baseline to target, 0–100")
    note: str
    recorded_by: PersonOut
    created_at: datetime.datetime


def _form_data(payload: Schema, **overrides: object) -> dict:
    """PAYLOAD as the page's form receives it: absent values are empty fields."""
    data = {**payload.dict(), **overrides}
    return {name: value for name, value in data.items() if value is not None}


def _goal(request, perm: str, goal_id: int, *, with_progress: bool = False) -> Goal:
    visible = (selectors.goal_detail_for if with_progress else selectors.goals_visible_to)(request.user)
    return fetch(request.user, perm, visible, pk=goal_id)


@router.get(
    "/engagements/{engagement_id}/goals", response={200: list[GoalOut], **READ}, summary="Goals with their SMART hints"
)
@paginate(Pages)
def list_goals(request, engagement_id: int):
    engagement = fetch(
        request.user, "coaching.view_engagement", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    return engagement.goals.prefetch_related("progress").order_by("created_at", "pk")


@router.post(
    "/engagements/{engagement_id}/goals",
    response={201: GoalOut, **WRITE},
    summary="Add a goal; a deadline in the past is refused (422), other SMART hints come back as advice",
)
def create_goal(request, engagement_id: int, payload: GoalIn):
    engagement = fetch(
        request.user, "coaching.add_goal", selectors.engagements_visible_to(request.user), pk=engagement_id
    )
    check_with_form(GoalForm(data=_form_data(payload)))
    return Status(201, services.add_goal(engagement=engagement, by=request.user, **payload.dict()))


@router.get("/goals/{goal_id}", response={200: GoalOut, **READ}, summary="A goal with its SMART hints")
def get_goal(request, goal_id: int):
    return _goal(request, "coaching.view_goal", goal_id, with_progress=True)


@router.put(
    "/goals/{goal_id}", response={200: GoalOut, **VERSIONED_WRITE}, summary="Change a goal; send the version you read"
)
def update_goal(request, goal_id: int, payload: GoalUpdateIn):
    goal = _goal(request, "coaching.change_goal", goal_id)
    check_with_form(GoalEditForm(data=_form_data(payload)))
    data = payload.dict()
    expected = data.pop("version")
    return services.update_goal(goal=goal, by=request.user, expected_version=expected, **data)


@router.get(
    "/goals/{goal_id}/progress", response={200: list[GoalProgressOut], **READ}, summary="Progress, oldest first"
)
@paginate(Pages)
def list_goal_progress(request, goal_id: int):
    goal = _goal(request, "coaching.view_goal", goal_id)
    return GoalProgress.objects.filter(goal=goal).select_related("goal", "recorded_by")


@router.post("/goals/{goal_id}/progress", response={201: GoalProgressOut, **WRITE}, summary="Record progress on a goal")
def record_goal_progress(request, goal_id: int, payload: GoalProgressIn):
    goal = _goal(request, "coaching.record_goal_progress", goal_id)
    # The date is optional here (today when left out); the form asks for one on the page.
    recorded_on = payload.recorded_on or timezone.localdate()
    check_with_form(GoalProgressForm(data=_form_data(payload, recorded_on=recorded_on), goal=goal))
    return Status(201, services.record_progress(goal=goal, by=request.user, **payload.dict()))
