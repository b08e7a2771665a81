"""The API's error answers: JSON with a message in the caller's language, never Ninja's own English."""

import pytest
from django.test import Client, RequestFactory
from django.utils.translation import override
from ninja.errors import HttpError

from tests.factories import EngagementFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.api import on_http_error
from tumbuh.coaching.models import ActionItem, Session
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def test_a_body_that_is_not_json_gets_a_400_in_the_callers_language(budi):
    response = bearer_client(budi).post(
        "/api/v1/service/requests", '{"kind": "coaching",', content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"message": "Isi permintaan bukan JSON yang valid; kirim sebuah objek JSON."}


def test_an_english_speaker_gets_the_message_in_english(budi):
    budi.language = "en"
    budi.save(update_fields=["language"])

    response = bearer_client(budi).post("/api/v1/service/requests", "not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"message": "The request body is not valid JSON; send a JSON object."}


def test_a_session_write_without_the_csrf_token_is_refused_in_the_callers_language(budi):
    client = Client(enforce_csrf_checks=True)
    client.force_login(budi)

    response = client.post("/api/v1/service/requests", "{}", content_type="application/json")

    assert response.status_code == 403
    assert response.json() == {
        "message": in_indonesian("The security check of your session failed; reload the page and try again.")
    }


def test_any_other_http_error_gets_a_translated_message_with_its_status_not_ninjas_text():
    request = RequestFactory().get("/api/v1/me")

    with override("id"):
        response = on_http_error(request, HttpError(418, "I'm a teapot"))

    assert response.status_code == 418
    assert b"teapot" not in response.content
    assert "Permintaan tidak dapat diproses (status HTTP 418)." in response.content.decode()


@pytest.mark.parametrize("body", ["true", "[]", "null", '"teks"'])
def test_a_body_that_is_json_but_not_an_object_is_a_400_and_changes_nothing(sari, budi, body):
    # Found by the fuzzer: `true` passed as "every field left out" and committed an empty Will/Action stage.
    engagement = EngagementFactory(coach=sari, coachee=budi)
    session = SessionFactory(engagement=engagement, canvas="grow")

    response = bearer_client(sari).post(f"/api/v1/sessions/{session.pk}/will", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"message": in_indonesian("The request body is not valid JSON; send a JSON object.")}
    assert ActionItem.objects.count() == 0
    assert Session.objects.count() == 1
