"""Reads of the toolkit: the question bank as an agency sees it."""

from collections import defaultdict

from django.db.models import Q, QuerySet

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
