"""An agency's service admin retires one of the agency's own questions; built-in questions stay."""

import pytest
from django.utils.html import escape

from tests.factories import AgencyFactory
from tests.helpers import in_indonesian
from tests.toolkit.factories import QuestionFactory
from tumbuh.toolkit.models import Question

pytestmark = pytest.mark.django_db


def url(question) -> str:
    return f"/toolkit/questions/{question.pk}/retire/"


def test_admin_retires_an_agency_question_and_returns_to_the_same_view(client_as, rina):
    question = QuestionFactory(agency=rina.agency)

    client = client_as(rina)
    response = client.post(url(question), {"next": "/toolkit/questions/?framework=grow"})

    assert response.status_code == 302
    assert response["Location"] == "/toolkit/questions/?framework=grow"
    question.refresh_from_db()
    assert question.is_active is False
    page = client.get(response["Location"]).content.decode()
    assert escape(in_indonesian("Question retired; it no longer appears in your agency's bank.")) in page
    assert question.text not in page


def test_a_next_address_elsewhere_is_not_followed(client_as, rina):
    question = QuestionFactory(agency=rina.agency)

    response = client_as(rina).post(url(question), {"next": "https://example.com/"})

    assert response["Location"] == "/toolkit/questions/"


def test_with_htmx_the_row_is_simply_removed(client_as, rina):
    question = QuestionFactory(agency=rina.agency)

    response = client_as(rina).post(url(question), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.content == b""
    question.refresh_from_db()
    assert question.is_active is False


def test_a_built_in_question_cannot_be_retired(client_as, rina, bank):
    question = Question.objects.filter(agency__isnull=True).first()

    assert client_as(rina).post(url(question)).status_code == 403
    question.refresh_from_db()
    assert question.is_active is True


@pytest.mark.parametrize("person", ["budi", "sari", "wayan"])
def test_colleagues_who_are_not_admins_are_refused(person, request, client_as, agency):
    question = QuestionFactory(agency=agency)

    assert client_as(request.getfixturevalue(person)).post(url(question)).status_code == 403
    question.refresh_from_db()
    assert question.is_active is True


def test_another_agencys_question_is_not_even_found(client_as, rina):
    question = QuestionFactory(agency=AgencyFactory(name="Badan Kepegawaian Negara"))

    assert client_as(rina).post(url(question)).status_code == 404
    question.refresh_from_db()
    assert question.is_active is True
