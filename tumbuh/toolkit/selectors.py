"""Reads of the toolkit: the question bank as an agency sees it."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from tumbuh.people.models import Employee

from .models import Question


def questions_visible_to_agency(agency_id: int | None) -> QuerySet[Question]:
    """Active built-in questions plus the agency's own."""
    return Question.objects.filter(Q(agency__isnull=True) | Q(agency_id=agency_id), is_active=True)


def questions_by_stage(framework: str, *, agency_id: int | None) -> dict[str, list[Question]]:
    """The questions of one model, grouped by stage code, in one query."""
    grouped: dict[str, list[Question]] = defaultdict(list)
    for question in questions_visible_to_agency(agency_id).filter(framework=framework):
        grouped[question.stage].append(question)
    return dict(grouped)


def questions_visible_to(user: Employee) -> QuerySet[Question]:
    """The bank as USER sees it: the built-in questions and those of USER's agency, in use."""
    return questions_visible_to_agency(user.agency_id)


def question_list_for(user: Employee, *, framework: str = "", stage: str = "") -> QuerySet[Question]:
    """USER's bank, narrowed to one model and/or one stage code when given."""
    questions = questions_visible_to(user)
    if framework:
        questions = questions.filter(framework=framework)
    if stage:
        questions = questions.filter(stage=stage)
    return questions


KEY_QUESTIONS = 3


def key_questions(
    framework: str, *, agency_id: int | None, per_stage: int = KEY_QUESTIONS
) -> dict[str, list[Question]]:
    """The first PER_STAGE questions of each stage of one model (what cheat sheets, templates and canvases show)."""
    return {
        stage: questions[:per_stage] for stage, questions in questions_by_stage(framework, agency_id=agency_id).items()
    }
