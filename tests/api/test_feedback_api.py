"""The SBI feedback API: the coach gives, both participants read, nobody else sees it."""

import json

import pytest

from tests.api.test_coaching_api import as_json, bearer_client
from tests.factories import FeedbackFactory, SessionFactory
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Feedback
from tumbuh.coaching.sbi import check_behaviour

pytestmark = pytest.mark.django_db

SITUATION = "Dalam rapat staf hari Senin pagi."
OBSERVED = "Anda memaparkan tiga pilihan jadwal beserta biayanya sebelum ada yang bertanya."
IMPACT = "Rapat selesai 20 menit lebih cepat dan tim langsung bisa memilih."


@pytest.fixture
def session(engagement):
    return SessionFactory(engagement=engagement)


def url_of(session) -> str:
    return f"/api/v1/sessions/{session.pk}/feedback"


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


def feedback_json(feedback) -> dict:
    return {
        "id": feedback.pk,
        "session_id": feedback.session_id,
        "given_by": {"id": feedback.given_by.pk, "full_name": feedback.given_by.full_name},
        "situation": feedback.situation,
        "behaviour": feedback.behaviour,
        "impact": feedback.impact,
        "reflective_question": feedback.reflective_question,
        "created_at": as_json(feedback.created_at),
    }


def test_coach_gives_feedback_with_a_token(sari, session):
    response = post(
        bearer_client(sari),
        url_of(session),
        {"situation": SITUATION, "behaviour": OBSERVED, "impact": IMPACT, "reflective_question": "Apa pendapat Anda?"},
    )

    assert response.status_code == 201
    feedback = Feedback.objects.get()
    assert response.json() == feedback_json(feedback)
    assert feedback.reflective_question == "Apa pendapat Anda?"


def test_a_judgement_is_422_with_its_hints_until_confirmed(client_as, sari, session):
    behaviour = "Anda selalu ceroboh."
    client = client_as(sari)

    refused = post(client, url_of(session), {"situation": SITUATION, "behaviour": behaviour, "impact": IMPACT})
    confirmed = post(
        client,
        url_of(session),
        {"situation": SITUATION, "behaviour": behaviour, "impact": IMPACT, "confirm_observable": True},
    )

    assert refused.status_code == 422
    assert refused.json()["errors"] == {"behaviour": check_behaviour(behaviour, "id")}
    assert confirmed.status_code == 201
    assert list(Feedback.objects.values_list("behaviour", flat=True)) == [behaviour]


def test_coachee_may_not_give_feedback(client_as, budi, session):
    response = post(client_as(budi), url_of(session), {"situation": SITUATION, "behaviour": OBSERVED, "impact": IMPACT})

    assert response.status_code == 403
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize("person", ["sari", "budi"])
def test_participants_read_the_feedback_and_the_read_is_logged(client_as, session, person, request):
    user = request.getfixturevalue(person)
    given = FeedbackFactory.create_batch(2, session=session)

    response = client_as(user).get(url_of(session))

    assert response.status_code == 200
    assert response.json() == [feedback_json(f) for f in given]
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_id, event.via) == (
        user,
        "session.feedback.read",
        str(session.pk),
        "api",
    )


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, session, outsider, request):
    FeedbackFactory(session=session, behaviour=OBSERVED)
    client = client_as(request.getfixturevalue(outsider))

    read = client.get(url_of(session))
    write = post(client, url_of(session), {"situation": SITUATION, "behaviour": OBSERVED, "impact": IMPACT})

    assert (read.status_code, write.status_code) == (404, 404)
    assert OBSERVED not in read.content.decode()
    assert Feedback.objects.count() == 1


def test_anonymous_caller_gets_401(client, session):
    assert client.get(url_of(session)).status_code == 401


@pytest.mark.parametrize("item_count", [1, 3])
def test_feedback_list_query_count_does_not_grow(client_as, budi, session, item_count, django_assert_num_queries):
    FeedbackFactory.create_batch(item_count, session=session)
    client = client_as(budi)

    # Login session and user, the session with its people, the audit record, the feedback with its givers.
    with django_assert_num_queries(5):
        response = client.get(url_of(session))

    assert len(response.json()) == item_count
