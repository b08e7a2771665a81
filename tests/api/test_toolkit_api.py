"""The toolkit API: everyone reads the question bank as their agency sees it; the agency's admins extend it."""

import pytest
from django.test import Client

from tests.factories import AgencyFactory
from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.people.services import create_api_token
from tumbuh.toolkit.models import Question
from tumbuh.toolkit.question_bank import BUILTIN_QUESTIONS
from tumbuh.toolkit.services import install_builtin_questions

pytestmark = pytest.mark.django_db

URL = "/api/v1/toolkit/questions"
QUESTION = "Sejauh mana rencana ini selaras dengan prioritas unit Anda?"


def api(person) -> Client:
    _token, raw = create_api_token(employee=person, name="uji")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def question_json(question) -> dict:
    return {
        "id": question.pk,
        "framework": question.framework,
        "stage": question.stage,
        "text": question.text,
        "text_en": question.text_en,
        "built_in": question.agency_id is None,
    }


@pytest.fixture(autouse=True)
def _start_without_the_bank(db):
    """Each test starts with an empty bank, with or without migrations (the data migration fills it)."""
    Question.objects.all().delete()


@pytest.fixture
def bank(_start_without_the_bank):
    return install_builtin_questions()


def test_anyone_signed_in_lists_the_bank_page_by_page(budi, bank):
    response = api(budi).get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(BUILTIN_QUESTIONS)
    first = Question.objects.order_by("framework", "stage", "pk").first()
    assert body["items"][0] == question_json(first)
    assert body["items"][0]["built_in"] is True


def test_the_list_filters_by_model_and_stage(sari, bank):
    body = api(sari).get(URL, {"framework": "grow", "stage": "will"}).json()

    assert body["count"] == 6
    assert body["items"][0]["text"] == "Langkah pertama apa yang siap Anda ambil?"
    assert {item["stage"] for item in body["items"]} == {"will"}


def test_the_list_holds_the_callers_agency_questions_and_no_other(budi, agency):
    own = QuestionFactory(agency=agency)
    QuestionFactory(agency=AgencyFactory(name="Badan Kepegawaian Negara"))

    body = api(budi).get(URL).json()

    assert body["items"] == [question_json(own) | {"built_in": False}]


@pytest.mark.parametrize(
    ("query", "field", "msgid"),
    [
        ({"framework": "swot"}, "framework", "Choose one of the models: GROW, CLEAR, OSCAR or micro-coaching."),
        (
            {"framework": "grow", "stage": "review"},
            "stage",
            "This stage does not belong to the chosen model; pick one of its stages.",
        ),
        ({"stage": "ending"}, "stage", "This stage does not belong to the chosen model; pick one of its stages."),
    ],
)
def test_an_unknown_filter_is_a_422_in_indonesian(budi, query, field, msgid):
    response = api(budi).get(URL, query)

    assert response.status_code == 422
    assert response.json()["errors"] == {field: [in_indonesian(msgid)]}


def test_a_stage_without_a_model_matches_that_stage_in_every_model(budi, bank):
    body = api(budi).get(URL, {"stage": "review"}).json()

    assert body["count"] == 9
    assert {item["framework"] for item in body["items"]} == {"clear", "oscar"}


def test_the_agencys_admin_adds_a_question(rina):
    response = api(rina).post(
        URL,
        {"framework": "oscar", "stage": "choices", "text": QUESTION, "text_en": "How far does it fit?"},
        content_type="application/json",
    )

    assert response.status_code == 201
    question = Question.objects.get()
    assert response.json() == question_json(question)
    assert (question.agency, question.created_by, question.text) == (rina.agency, rina, QUESTION)


@pytest.mark.parametrize("person", ["budi", "sari", "wayan"])
def test_people_who_are_not_admins_get_a_403(person, request):
    response = api(request.getfixturevalue(person)).post(
        URL, {"framework": "grow", "stage": "goal", "text": QUESTION}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json() == {
        "message": in_indonesian("Only your agency's service admins can add questions to its bank.")
    }
    assert Question.objects.count() == 0


def test_a_closed_question_is_a_422_with_a_hint(rina):
    response = api(rina).post(
        URL,
        {"framework": "grow", "stage": "reality", "text": "Apakah tim Anda mendukung?"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "text": [
            in_indonesian(
                "A question starting with “Apakah” can be answered with yes or no. Rephrase it as an open question, "
                "for example starting with “Apa”, “Bagaimana” or “Sejauh mana”."
            )
        ]
    }
    assert Question.objects.count() == 0


def test_a_question_without_text_is_a_422(rina):
    response = api(rina).post(URL, {"framework": "grow", "stage": "goal"}, content_type="application/json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["text"]
    assert Question.objects.count() == 0


def test_the_admin_retires_an_agency_question(rina):
    question = QuestionFactory(agency=rina.agency)

    response = api(rina).post(f"{URL}/{question.pk}/retire")

    assert response.status_code == 200
    assert response.json() == question_json(question) | {"built_in": False}
    question.refresh_from_db()
    assert question.is_active is False


def test_a_built_in_question_cannot_be_retired(rina, bank):
    question = Question.objects.filter(agency__isnull=True).first()

    response = api(rina).post(f"{URL}/{question.pk}/retire")

    assert response.status_code == 403
    assert response.json() == {
        "message": in_indonesian("Built-in questions belong to every agency's bank and cannot be retired.")
    }
    question.refresh_from_db()
    assert question.is_active is True


@pytest.mark.parametrize(("person", "status"), [("budi", 403), ("sari", 403), ("wayan", 403)])
def test_colleagues_cannot_retire_the_agencys_questions(person, status, request, agency):
    question = QuestionFactory(agency=agency)

    assert api(request.getfixturevalue(person)).post(f"{URL}/{question.pk}/retire").status_code == status
    question.refresh_from_db()
    assert question.is_active is True


def test_another_agencys_question_is_not_found(rina):
    question = QuestionFactory(agency=AgencyFactory(name="Badan Kepegawaian Negara"))

    assert api(rina).post(f"{URL}/{question.pk}/retire").status_code == 404


def test_without_a_login_the_bank_is_closed(db):
    assert Client().get(URL).status_code == 401


def test_openapi_lists_the_toolkit_endpoints_under_their_tag(db):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]

    assert paths[URL]["get"]["tags"] == ["toolkit"]
    assert paths[URL]["post"]["tags"] == ["toolkit"]
    assert paths[URL + "/{question_id}/retire"]["post"]["tags"] == ["toolkit"]
