"""Toolkit endpoints: the question bank as the caller's agency sees it, and its admins extending it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.access.policy import can, fetch, require
from tumbuh.common.api import LIST, WRITE, InputSchema, Pages, check_with_form, form_limit

from . import selectors, services
from .forms import QuestionForm
from .frameworks import FRAMEWORKS
from .models import Question

router = Router(tags=["toolkit"])


class QuestionOut(Schema):
    id: int
    framework: str
    stage: str
    text: str = Field(description="In Indonesian.")
    text_en: str = Field(description="In English; empty when nobody wrote one.")
    built_in: bool = Field(description="Part of every agency's bank; otherwise added by the caller's agency.")

    @staticmethod
    def resolve_built_in(obj: Question) -> bool:
        return obj.agency_id is None


class QuestionIn(InputSchema):
    framework: str
    stage: str
    text: str = Field(max_length=form_limit(QuestionForm, "text"))
    text_en: str = Field("", max_length=form_limit(QuestionForm, "text_en"))


def _check_filters(framework: str, stage: str) -> None:
    if framework and framework not in FRAMEWORKS:
        raise ValidationError({"framework": _("Choose one of the models: GROW, CLEAR, OSCAR or micro-coaching.")})
    models = [FRAMEWORKS[framework]] if framework else list(FRAMEWORKS.values())
    if stage and not any(model.has_stage(stage) for model in models):
        raise ValidationError({"stage": _("This stage does not belong to the chosen model; pick one of its stages.")})


@router.get(
    "/toolkit/questions",
    response={200: list[QuestionOut], **LIST},
    summary="The question bank: built-in questions and my agency's, by model and stage",
)
@paginate(Pages)
def list_questions(request, framework: str = "", stage: str = ""):
    require(request.user, "toolkit.view_toolkit")
    _check_filters(framework, stage)
    return selectors.question_list_for(request.user, framework=framework, stage=stage)


@router.post("/toolkit/questions", response={201: QuestionOut, **WRITE}, summary="Add a question to my agency's bank")
def create_question(request, payload: QuestionIn):
    if can(request.user, "toolkit.add_question"):
        # Checked as the page checks it (the form takes model and stage as one choice, "grow:goal"); a caller
        # who may not add hears why from the service.
        stage = f"{payload.framework}:{payload.stage}"
        check_with_form(QuestionForm(data={**payload.dict(), "stage": stage}), rename={"stage": "stage"})
    # The service checks who may add, and says why not in its own words.
    return Status(201, services.add_question(by=request.user, **payload.dict()))


@router.post(
    "/toolkit/questions/{question_id}/retire",
    response={200: QuestionOut, **WRITE},
    summary="Take one of my agency's questions out of use",
)
def retire_question(request, question_id: int):
    question = fetch(request.user, "toolkit.view_toolkit", selectors.questions_visible_to(request.user), pk=question_id)
    return services.retire_question(question=question, by=request.user)
