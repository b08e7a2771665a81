"""The API accepts exactly what the pages' forms accept (issue 8, item 5).

For each write, a value the page's form refuses is a 422 naming the field, with the form's own words where the
form decides, and nothing is written. Limits the API schema declares (maxLength, enums) are read from the same
forms, so the OpenAPI document states them too.
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.translation import override

from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ProviderProfileFactory, TopicFactory
from tumbuh.analyzer.models import Transcript
from tumbuh.coaching.forms.contracts import ContractForm
from tumbuh.coaching.forms.goals import GoalForm
from tumbuh.coaching.models import ActionItem, Contract, Feedback, Goal, PeerInvitation, Session
from tumbuh.people.services import create_api_token
from tumbuh.service.forms.requests import RequestForm
from tumbuh.service.models import Booking, Message, ServiceRequest, WeeklyAvailability
from tumbuh.toolkit.models import Question

pytestmark = pytest.mark.django_db


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def at_most(limit: int) -> str:
    return in_indonesian("Send at most %(limit)s characters.") % {"limit": limit}


def next_week() -> str:
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def post(user, url: str, payload: dict):
    response = bearer_client(user).post(url, payload, "application/json")
    assert response.status_code == 422, response.content
    return response.json()["errors"]


@pytest.fixture
def request_payload(budi):
    return {"kind": "coaching", "topic_id": TopicFactory(agency=budi.agency).pk, "need": "Saya ingin belajar."}


def test_a_request_with_a_script_as_mode_is_refused_as_the_form_refuses_it(budi, request_payload):
    errors = post(budi, "/api/v1/service/requests", {**request_payload, "mode": "<script>"})

    assert errors == {"mode": [in_indonesian("Choose one of: %(choices)s.") % {"choices": "'online' or 'offline'"}]}
    assert ServiceRequest.objects.count() == 0


def test_a_request_with_a_100_kb_need_is_refused_at_the_forms_limit(budi, request_payload):
    limit = RequestForm.base_fields["need"].max_length

    errors = post(budi, "/api/v1/service/requests", {**request_payload, "need": "x" * 100_000})

    assert limit == 3000
    assert errors == {"need": [at_most(limit)]}
    assert ServiceRequest.objects.count() == 0


def test_a_request_for_a_topic_of_another_agency_is_refused_with_the_forms_words(budi, request_payload):
    other = TopicFactory(agency__name="Pemerintah Kota Pangkalpinang")
    with override("id"):
        expected = RequestForm(data={**request_payload, "topic": other.pk}, user=budi).errors["topic"]

    errors = post(budi, "/api/v1/service/requests", {**request_payload, "topic_id": other.pk})

    assert errors == {"topic_id": list(expected)}
    assert ServiceRequest.objects.count() == 0


def test_a_message_over_the_limit_is_refused_and_not_stored(budi, sari):
    request = AcceptedRequestFactory(requester=budi, provider=sari)

    errors = post(budi, f"/api/v1/service/requests/{request.pk}/messages", {"body": "x" * 6000})

    assert list(errors) == ["body"]
    assert Message.objects.count() == 0


def test_a_weekly_window_on_day_9_is_refused(sari):
    ProviderProfileFactory(employee=sari)

    errors = post(sari, "/api/v1/service/availability", {"weekday": 9, "start_time": "09:00", "end_time": "12:00"})

    assert errors == {"weekday": [in_indonesian("Send a value of at most %(limit)s.") % {"limit": 6}]}
    assert WeeklyAvailability.objects.count() == 0


def test_a_booking_with_an_overlong_place_is_refused(budi, sari):
    request = AcceptedRequestFactory(requester=budi, provider=sari)
    starts_at = (timezone.now() + datetime.timedelta(days=3)).isoformat()

    errors = post(
        budi, f"/api/v1/service/requests/{request.pk}/bookings", {"starts_at": starts_at, "location": "x" * 201}
    )

    assert errors == {"location": [at_most(200)]}
    assert Booking.objects.count() == 0


def test_a_session_of_481_minutes_or_an_overlong_place_is_refused(sari, engagement):
    payload = {"scheduled_at": "2026-01-20T09:00:00+07:00", "duration_minutes": 481, "location": "x" * 201}

    errors = post(sari, f"/api/v1/engagements/{engagement.pk}/sessions", payload)

    assert errors == {
        "duration_minutes": [in_indonesian("Send a value of at most %(limit)s.") % {"limit": 480}],
        "location": [at_most(200)],
    }
    assert Session.objects.count() == 0


def test_a_goal_title_the_form_refuses_is_refused_with_the_forms_words(sari, engagement):
    data = {"title": "x" * 301}
    with override("id"):
        expected = GoalForm(data=data).errors["title"]

    errors = post(sari, f"/api/v1/engagements/{engagement.pk}/goals", data)

    assert errors == {"title": list(expected)}
    assert Goal.objects.count() == 0


def test_an_overlong_action_title_is_refused(sari, budi, engagement):
    payload = {"title": "x" * 301, "owner_id": budi.pk, "due_on": next_week()}

    errors = post(sari, f"/api/v1/engagements/{engagement.pk}/actions", payload)

    assert errors == {"title": [at_most(300)]}
    assert ActionItem.objects.count() == 0


def test_a_contract_of_zero_sessions_is_refused_with_the_forms_words(sari, engagement):
    payload = {
        "topic_and_goal": "Budi mendelegasikan dua tugas rutin.",
        "sessions_planned": 0,
        "rhythm": "weekly",
        "session_minutes": 60,
        "ends_on": next_week(),
        "channel": "online",
        "confidentiality": "Isi sesi hanya untuk coach dan coachee.",
    }
    with override("id"):
        expected = ContractForm(data={**payload, "base_version": 0}, engagement=engagement, latest=None).errors[
            "sessions_planned"
        ]

    errors = post(sari, f"/api/v1/engagements/{engagement.pk}/contracts", payload)

    assert errors == {"sessions_planned": list(expected)}
    assert Contract.objects.count() == 0


def test_feedback_with_an_overlong_situation_is_refused(sari, engagement):
    session = SessionFactory(engagement=engagement)
    payload = {"situation": "x" * 2001, "behaviour": "Anda memaparkan tiga pilihan.", "impact": "Rapat selesai."}

    errors = post(sari, f"/api/v1/sessions/{session.pk}/feedback", payload)

    assert errors == {"situation": [at_most(2000)]}
    assert Feedback.objects.count() == 0


def test_a_peer_invitation_with_an_overlong_topic_is_refused(budi, dewi):
    payload = {"invitee": dewi.email, "inviter_role": "coachee", "topic": "x" * 201}

    errors = post(budi, "/api/v1/peer-invitations", payload)

    assert errors == {"topic": [at_most(200)]}
    assert PeerInvitation.objects.count() == 0


def test_a_question_of_an_unknown_model_is_refused_by_the_forms_stage_choice(rina):
    before = Question.objects.count()

    errors = post(rina, "/api/v1/toolkit/questions", {"framework": "zzz", "stage": "goal", "text": "Apa tujuan Anda?"})

    assert list(errors) == ["stage"]
    assert Question.objects.count() == before


def test_a_transcript_with_an_overlong_coach_name_is_refused(sari, engagement):
    session = SessionFactory(engagement=engagement)

    errors = post(
        sari, f"/api/v1/sessions/{session.pk}/transcripts", {"text": "Sari: Halo", "coach_speaker": "x" * 201}
    )

    assert errors == {"coach_speaker": [at_most(200)]}
    assert Transcript.objects.count() == 0
