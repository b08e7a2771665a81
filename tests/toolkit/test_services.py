"""Installing the built-in bank, and an agency's service admins extending it and retiring what they added."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from tests.factories import AgencyFactory, EmployeeFactory
from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.people.models import Role
from tumbuh.toolkit import services
from tumbuh.toolkit.models import Question
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS

pytestmark = pytest.mark.django_db

OPEN_QUESTION = "Sejauh mana rencana ini selaras dengan prioritas unit Anda?"
CLOSED_QUESTION = (
    "A question starting with “Apakah” can be answered with yes or no. Rephrase it as an open question, "
    "for example starting with “Apa”, “Bagaimana” or “Sejauh mana”."
)


def messages_of(error, field: str) -> list[str]:
    return error.value.message_dict[field]


# Installing the built-in bank


def test_install_adds_every_built_in_question_once():
    assert services.install_builtin_questions() == len(BUILTIN_QUESTIONS)
    assert Question.objects.filter(agency__isnull=True, is_active=True).count() == len(BUILTIN_QUESTIONS)
    first = Question.objects.get(text="Apa yang ingin Anda capai dari percakapan kita hari ini?")
    assert (first.framework, first.stage) == ("grow", "goal")
    assert first.text_en == "What would you like to get out of our conversation today?"


def test_second_install_adds_nothing():
    services.install_builtin_questions()

    assert services.install_builtin_questions() == 0
    assert Question.objects.count() == len(BUILTIN_QUESTIONS)


def test_install_puts_back_only_what_is_missing():
    services.install_builtin_questions()
    Question.objects.filter(framework="micro", stage="focus").delete()

    assert services.install_builtin_questions() == 4
    assert Question.objects.filter(framework="micro", stage="focus").count() == 4


def test_install_ignores_an_agency_question_with_the_same_text(agency):
    QuestionFactory(agency=agency, text="Apa yang sedang terjadi saat ini?", stage="reality")

    assert services.install_builtin_questions() == len(BUILTIN_QUESTIONS)


# Adding a question


def test_service_admin_adds_a_question_to_their_agency(rina):
    question = services.add_question(
        by=rina, framework="oscar", stage="choices", text=f"  {OPEN_QUESTION} ", text_en="How far does it fit?"
    )

    question.refresh_from_db()
    assert question.agency == rina.agency
    assert question.created_by == rina
    assert (question.framework, question.stage, question.text, question.is_active) == (
        "oscar",
        "choices",
        OPEN_QUESTION,
        True,
    )
    assert question.text_en == "How far does it fit?"
    assert AuditEvent.objects.get(action="toolkit.question.added").target_id == str(question.pk)


def test_platform_admin_adds_to_their_own_agency(agency):
    admin = EmployeeFactory(agency=agency, is_staff=True, is_superuser=True)

    question = services.add_question(by=admin, framework="micro", stage="insight", text=OPEN_QUESTION)

    assert question.agency == agency


@pytest.mark.parametrize("person", ["budi", "sari", "wayan", "dewi"])
def test_only_service_admins_may_add_questions(person, request):
    with pytest.raises(PermissionDenied) as error, override("id"):
        services.add_question(by=request.getfixturevalue(person), framework="grow", stage="goal", text=OPEN_QUESTION)

    assert str(error.value) == in_indonesian("Only your agency's service admins can add questions to its bank.")
    assert Question.objects.count() == 0


def test_a_service_admin_of_another_agency_may_not_add_to_the_bank_of_the_agency_they_work_in(agency):
    elsewhere = AgencyFactory(name="Badan Kepegawaian Negara", short_name="BKN")
    admin = EmployeeFactory(agency=agency)
    admin.role_grants.create(role=Role.SERVICE_ADMIN, agency=elsewhere)

    with pytest.raises(PermissionDenied):
        services.add_question(by=admin, framework="grow", stage="goal", text=OPEN_QUESTION)
    assert Question.objects.count() == 0


def test_platform_admin_without_an_agency_is_told_there_is_no_bank_to_add_to(db):
    admin = EmployeeFactory(agency=None, unit=None, is_staff=True, is_superuser=True)

    with pytest.raises(ValidationError) as error, override("id"):
        services.add_question(by=admin, framework="grow", stage="goal", text=OPEN_QUESTION)

    assert error.value.messages == [
        in_indonesian(
            "Your account is not linked to an agency, so there is no agency bank to add to. Ask a platform admin."
        )
    ]
    assert Question.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "field", "msgid"),
    [
        ({"text": "   "}, "text", "Write the question in Indonesian."),
        ({"text": "Apakah Anda sudah mencoba mendelegasikan tugas itu?"}, "text", CLOSED_QUESTION),
        ({"text": "apakah itu berhasil?"}, "text", CLOSED_QUESTION),
        ({"text": "Ceritakan lebih banyak tentang tim Anda"}, "text", "End the question with a question mark."),
        ({"stage": "reality"}, "stage", "This stage does not belong to the chosen model; pick one of its stages."),
        ({"framework": "swot"}, "framework", "Choose one of the models: GROW, CLEAR, OSCAR or micro-coaching."),
    ],
)
def test_bad_input_is_refused_in_indonesian_and_nothing_is_saved(rina, fields, field, msgid):
    data = {"framework": "clear", "stage": "explore", "text": OPEN_QUESTION, **fields}

    with pytest.raises(ValidationError) as error, override("id"):
        services.add_question(by=rina, **data)

    assert messages_of(error, field) == [in_indonesian(msgid)]
    assert Question.objects.count() == 0
    assert not AuditEvent.objects.filter(action="toolkit.question.added").exists()


def test_a_question_too_long_is_refused(rina):
    with pytest.raises(ValidationError) as error:
        services.add_question(by=rina, framework="grow", stage="goal", text="Apa " + "a" * 300 + "?")

    assert list(error.value.message_dict) == ["text"]
    assert Question.objects.count() == 0


def test_a_built_in_question_cannot_be_added_again(rina, bank):
    with pytest.raises(ValidationError) as error, override("id"):
        services.add_question(by=rina, framework="grow", stage="reality", text="apa yang sedang terjadi   saat ini?")

    assert messages_of(error, "text") == [in_indonesian("This question is already in the bank for this stage.")]
    assert Question.objects.count() == len(BUILTIN_QUESTIONS)


def test_the_agency_cannot_add_its_own_question_twice(rina):
    services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION)

    with pytest.raises(ValidationError) as error, override("id"):
        services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION.upper())

    assert messages_of(error, "text") == [in_indonesian("This question is already in the bank for this stage.")]
    assert Question.objects.count() == 1


def test_the_same_question_may_serve_another_stage(rina):
    services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION)
    services.add_question(by=rina, framework="oscar", stage="outcome", text=OPEN_QUESTION)

    assert Question.objects.filter(text=OPEN_QUESTION).count() == 2


def test_another_agency_may_add_the_same_question(rina):
    services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION)
    other = AgencyFactory(name="Pemerintah Kota Pangkalpinang", short_name="Pemkot Pangkalpinang")
    admin = EmployeeFactory(agency=other, roles=[Role.SERVICE_ADMIN])

    services.add_question(by=admin, framework="grow", stage="goal", text=OPEN_QUESTION)

    assert Question.objects.filter(text=OPEN_QUESTION).count() == 2


def test_adding_a_retired_question_again_puts_it_back_in_use(rina):
    first = services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION)
    services.retire_question(question=first, by=rina)

    again = services.add_question(by=rina, framework="grow", stage="goal", text=OPEN_QUESTION, text_en="How far?")

    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.is_active, again.text_en) == (True, "How far?")
    assert Question.objects.count() == 1


# Retiring a question


def test_service_admin_retires_an_agency_question(rina):
    question = QuestionFactory(agency=rina.agency)

    services.retire_question(question=question, by=rina)

    question.refresh_from_db()
    assert question.is_active is False
    assert AuditEvent.objects.get(action="toolkit.question.retired").actor == rina


def test_built_in_questions_cannot_be_retired(rina, bank):
    question = Question.objects.filter(agency__isnull=True).first()

    with pytest.raises(PermissionDenied) as error, override("id"):
        services.retire_question(question=question, by=rina)

    assert str(error.value) == in_indonesian("Built-in questions belong to every agency's bank and cannot be retired.")
    question.refresh_from_db()
    assert question.is_active is True


@pytest.mark.parametrize("person", ["budi", "sari", "wayan"])
def test_only_service_admins_may_retire_questions(person, request, agency):
    question = QuestionFactory(agency=agency)

    with pytest.raises(PermissionDenied) as error, override("id"):
        services.retire_question(question=question, by=request.getfixturevalue(person))

    assert str(error.value) == in_indonesian("Only your agency's service admins can retire its questions.")
    question.refresh_from_db()
    assert question.is_active is True


def test_a_service_admin_cannot_retire_another_agencys_question(rina):
    question = QuestionFactory(agency=AgencyFactory(name="Badan Kepegawaian Negara", short_name="BKN"))

    with pytest.raises(PermissionDenied):
        services.retire_question(question=question, by=rina)
    question.refresh_from_db()
    assert question.is_active is True
