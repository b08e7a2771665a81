"""No input makes a later page fail: dates in range, pages that exist, text a database can store (issue 8, item 4).

The bounds live in tumbuh/common/validation.py; the pages' forms (StyledForm) and the API's input schemas
(tumbuh.common.api.InputSchema) both apply them, with the same words.
"""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tests.service.factories import AcceptedRequestFactory, ProviderProfileFactory, TopicFactory
from tumbuh.coaching.models import Goal, Session
from tumbuh.common.validation import date_range_message
from tumbuh.notifications.models import Notification
from tumbuh.people.services import create_api_token
from tumbuh.service.models import Message, ServiceRequest, WeeklyAvailability

pytestmark = pytest.mark.django_db

FIXING = "Some fields need fixing."


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def range_in_indonesian() -> str:
    with override("id"):
        return date_range_message()


def session_payload(**changes) -> dict:
    return {"scheduled_at": "2026-01-20T09:00:00+07:00", "duration_minutes": 60, "mode": "online", **changes}


def test_the_date_range_reads_in_indonesian_with_both_ends():
    assert range_in_indonesian() == in_indonesian("Pick a date between %(first)s and %(last)s.") % {
        "first": "1 Januari 2000",
        "last": "31 Desember 2100",
    }


@pytest.mark.parametrize("moment", ["9999-12-31T09:00:00+07:00", "0001-01-01T09:00:00+00:00", "1999-12-31T23:00:00Z"])
def test_a_session_outside_2000_to_2100_is_a_422_and_nothing_is_written(sari, engagement, moment):
    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(scheduled_at=moment), "application/json"
    )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian(FIXING),
        "errors": {"scheduled_at": [range_in_indonesian()]},
    }
    assert Session.objects.count() == 0


def test_a_request_window_in_year_1_is_a_422_and_no_request_is_filed(budi):
    topic = TopicFactory(agency=budi.agency)
    payload = {
        "kind": "coaching",
        "topic_id": topic.pk,
        "need": "Saya ingin belajar mendelegasikan.",
        "windows": [{"starts_at": "0001-01-01T09:00:00+00:00", "ends_at": "0001-01-01T10:00:00+00:00"}],
    }

    response = bearer_client(budi).post("/api/v1/service/requests", payload, "application/json")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "windows.0.starts_at": [range_in_indonesian()],
        "windows.0.ends_at": [range_in_indonesian()],
    }
    assert ServiceRequest.objects.count() == 0


def test_a_request_window_in_year_1_is_a_form_error_on_the_page(client_as, budi):
    topic = TopicFactory(agency=budi.agency)
    data = {
        "kind": "coaching",
        "topic": topic.pk,
        "need": "Saya ingin belajar mendelegasikan.",
        "mode": "online",
        "window_0_date": "0001-01-01",
        "window_0_from": "09:00",
        "window_0_until": "10:00",
    }

    response = client_as(budi).post(reverse("service:request-create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors == {"window_0_date": [range_in_indonesian()]}
    assert ServiceRequest.objects.count() == 0


def test_a_goal_deadline_in_year_9999_is_a_form_error_on_the_page(client_as, sari, engagement):
    response = client_as(sari).post(
        reverse("coaching:goal-create", args=[engagement.pk]),
        {"title": "Laporan tepat waktu", "target_date": "9999-12-31"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"target_date": [range_in_indonesian()]}
    assert Goal.objects.count() == 0


def test_a_goal_deadline_in_year_9999_is_a_422_in_the_api_with_the_pages_words(sari, engagement):
    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/goals",
        {"title": "Laporan tepat waktu", "target_date": "9999-12-31"},
        "application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"target_date": [range_in_indonesian()]}
    assert Goal.objects.count() == 0


def test_a_page_number_past_any_page_is_a_422_with_a_message_on_api_lists(sari, engagement):
    response = bearer_client(sari).get("/api/v1/engagements?page=99999999999999999999")

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian(FIXING),
        "errors": {"page": [in_indonesian("Send a value of at most %(limit)s.") % {"limit": 100000}]},
    }


def test_a_page_number_past_any_page_on_a_page_shows_the_last_page(client_as, budi):
    Notification.objects.create(recipient=budi, kind="general", text="Sesi besok pukul 09.00")

    response = client_as(budi).get(reverse("notifications:list") + "?page=99999999999999999999")

    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_a_lone_utf16_surrogate_in_json_is_a_422_and_nothing_is_written(budi, sari, engagement):
    request = _accepted_request(budi, sari)
    body = '{"body": "a\\ud800b"}'

    response = bearer_client(budi).post(f"/api/v1/service/requests/{request.pk}/messages", body, "application/json")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "body": [
            in_indonesian(
                "The text contains a broken character (a lone UTF-16 surrogate); remove it and send it again."
            )
        ]
    }
    assert Message.objects.count() == 0


def test_a_nul_byte_is_refused_by_the_api_on_every_database_with_djangos_words(budi, sari):
    request = _accepted_request(budi, sari)

    response = bearer_client(budi).post(
        f"/api/v1/service/requests/{request.pk}/messages", json.dumps({"body": "halo\x00"}), "application/json"
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"body": [in_indonesian("Null characters are not allowed.")]}
    assert Message.objects.count() == 0


def test_a_nul_byte_inside_a_dict_of_notes_is_refused_too(sari, engagement):
    session = SessionFactory(engagement=engagement, canvas="grow")

    response = bearer_client(sari).put(
        f"/api/v1/sessions/{session.pk}/canvas",
        json.dumps({"version": session.version, "stage_notes": {"goal": "tujuan\x00"}}),
        "application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"stage_notes": [in_indonesian("Null characters are not allowed.")]}
    session.refresh_from_db()
    assert session.stage_notes == {}


def test_a_missing_field_is_named_in_the_callers_language_not_pydantics_english(sari, engagement):
    response = bearer_client(sari).post(f"/api/v1/engagements/{engagement.pk}/goals", {}, "application/json")

    assert response.status_code == 422
    assert response.json()["errors"] == {"title": [in_indonesian("This field is required.")]}


@pytest.mark.parametrize("start", ["09:00:00+07:00", "9 pagi", "24:00"])
def test_a_weekly_window_time_that_is_not_hh_mm_is_refused(sari, start):
    ProviderProfileFactory(employee=sari)
    response = bearer_client(sari).post(
        "/api/v1/service/availability",
        {"weekday": 1, "start_time": start, "end_time": "12:00"},
        "application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"start_time": [in_indonesian("Send a time as HH:MM.")]}
    assert WeeklyAvailability.objects.count() == 0


def _accepted_request(budi, sari):
    return AcceptedRequestFactory(requester=budi, provider=sari)
