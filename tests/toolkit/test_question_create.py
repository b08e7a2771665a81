"""An agency's service admin adds a question to the agency's bank from the bank page."""

import pytest
from django.utils.html import escape

from tests.helpers import in_indonesian
from tumbuh.toolkit.models import Question

pytestmark = pytest.mark.django_db

URL = "/toolkit/questions/new/"
QUESTION = "Sejauh mana rencana ini selaras dengan prioritas unit Anda?"


def test_admin_adds_a_question_and_lands_on_its_stage(client_as, rina):
    client = client_as(rina)
    response = client.post(URL, {"stage": "oscar:choices", "text": QUESTION, "text_en": "How far?"})

    assert response.status_code == 302
    assert response["Location"] == "/toolkit/questions/?framework=oscar&stage=choices"
    question = Question.objects.get()
    assert (question.agency, question.framework, question.stage, question.text, question.text_en) == (
        rina.agency,
        "oscar",
        "choices",
        QUESTION,
        "How far?",
    )
    page = client.get(response["Location"]).content.decode()
    assert escape(in_indonesian("Question added to your agency's bank.")) in page
    assert QUESTION in page


def test_a_closed_question_is_sent_back_with_a_hint_and_what_was_typed(client_as, rina):
    closed = "Apakah Anda sudah berbicara dengan atasan?"

    response = client_as(rina).post(URL, {"stage": "grow:reality", "text": closed})

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        in_indonesian(
            "A question starting with “Apakah” can be answered with yes or no. Rephrase it as an open question, "
            "for example starting with “Apa”, “Bagaimana” or “Sejauh mana”."
        )
        in html
    )
    assert f">\n{closed}</textarea>" in html
    assert '<option value="grow:reality" selected>' in html
    assert '<details class="card mb-3" open>' in html
    assert Question.objects.count() == 0


def test_a_duplicate_is_refused(client_as, rina, bank):
    response = client_as(rina).post(URL, {"stage": "grow:reality", "text": "Apa yang sedang terjadi saat ini?"})

    assert response.status_code == 200
    assert in_indonesian("This question is already in the bank for this stage.") in response.content.decode()
    assert Question.objects.filter(agency__isnull=False).count() == 0


def test_a_missing_stage_is_asked_for(client_as, rina):
    response = client_as(rina).post(URL, {"stage": "", "text": QUESTION})

    assert response.status_code == 200
    assert in_indonesian("This field is required.") in response.content.decode()
    assert Question.objects.count() == 0


@pytest.mark.parametrize("person", ["budi", "sari", "wayan"])
def test_people_who_are_not_admins_are_refused(person, request, client_as):
    response = client_as(request.getfixturevalue(person)).post(URL, {"stage": "grow:goal", "text": QUESTION})

    assert response.status_code == 403
    assert Question.objects.count() == 0


def test_the_page_only_takes_posts(client_as, rina):
    assert client_as(rina).get(URL).status_code == 405
