"""Writes of the toolkit: installing the built-in question bank, and an agency's admins extending it."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.people.models import Employee

from . import question_bank
from .frameworks import FRAMEWORKS
from .models import Question

# "Apakah …?" can be answered with yes or no; a coaching question opens the conversation instead.
CLOSED_OPENING = re.compile(r"apakah\b", re.IGNORECASE)


def install_builtin_questions() -> int:
    """Add the built-in questions missing from the bank and return how many were added; running it again adds 0."""
    with transaction.atomic():
        return question_bank.install(Question)


def _tidy(value: str) -> str:
    return " ".join(value.split())


def _check_question(*, framework: str, stage: str, text: str) -> None:
    errors: dict[str, str] = {}
    model = FRAMEWORKS.get(framework)
    if model is None:
        errors["framework"] = _("Choose one of the models: GROW, CLEAR, OSCAR or micro-coaching.")
    elif not model.has_stage(stage):
        errors["stage"] = _("This stage does not belong to the chosen model; pick one of its stages.")
    if not text:
        errors["text"] = _("Write the question in Indonesian.")
    elif CLOSED_OPENING.match(text):
        errors["text"] = _(
            "A question starting with “Apakah” can be answered with yes or no. Rephrase it as an open question, "
            "for example starting with “Apa”, “Bagaimana” or “Sejauh mana”."
        )
    elif not text.endswith("?"):
        errors["text"] = _("End the question with a question mark.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_question(*, by: Employee, framework: str, stage: str, text: str, text_en: str = "") -> Question:
    """Add an open question to the bank of BY's agency; BY is its service admin or a platform admin.

    A question the agency retired earlier comes back into use instead of being added twice.
    """
    require(by, "toolkit.add_question", message=_("Only your agency's service admins can add questions to its bank."))
    if by.agency_id is None:
        raise ValidationError(
            _("Your account is not linked to an agency, so there is no agency bank to add to. Ask a platform admin.")
        )
    text, text_en = _tidy(text), _tidy(text_en)
    _check_question(framework=framework, stage=stage, text=text)
    same = list(
        Question.objects.select_for_update().filter(
            Q(agency__isnull=True) | Q(agency_id=by.agency_id), framework=framework, stage=stage, text__iexact=text
        )
    )
    if any(question.is_active for question in same):
        raise ValidationError({"text": _("This question is already in the bank for this stage.")})
    question = next((q for q in same if q.agency_id is not None), None) or Question(
        framework=framework, stage=stage, agency_id=by.agency_id, created_by=by
    )
    question.text, question.text_en, question.is_active = text, text_en, True
    question.full_clean()
    question.save()
    record_event(actor=by, action="toolkit.question.added", target=question)
    return question


@transaction.atomic
def retire_question(*, question: Question, by: Employee) -> Question:
    """Take an agency's own question out of use; built-in questions stay in every agency's bank."""
    if question.agency_id is None:
        raise PermissionDenied(_("Built-in questions belong to every agency's bank and cannot be retired."))
    require(
        by,
        "toolkit.retire_question",
        question,
        message=_("Only your agency's service admins can retire its questions."),
    )
    if question.is_active:
        question.is_active = False
        question.save(update_fields=["is_active"])
        record_event(actor=by, action="toolkit.question.retired", target=question)
    return question
