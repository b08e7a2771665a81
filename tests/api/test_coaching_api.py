"""The coaching API over real HTTP: engagements, sessions with their notes, actions.

Only the coach and the coachee see an engagement; only the coach sees private notes; every read of
a session's notes is audit-logged.
"""

import datetime

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import ActionItemFactory, EngagementFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import ActionItem, Session
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db

NOTES_READ = "session.notes.read"


def as_json(value) -> str:
    """A date or time as the API writes it."""
    return DjangoJSONEncoder().default(value)


def bearer_client(user, **kwargs) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"}, **kwargs)


def engagement_json(engagement) -> dict:
    return {
        "id": engagement.pk,
        "kind": "coaching",
        "status": "active",
        "topic": engagement.topic,
        "coach": {"id": engagement.coach.pk, "full_name": engagement.coach.full_name},
        "coachee": {"id": engagement.coachee.pk, "full_name": engagement.coachee.full_name},
        "created_at": as_json(engagement.created_at),
        "started_at": as_json(engagement.started_at),
    }


def session_json(session, **notes) -> dict:
    return {
        "id": session.pk,
        "engagement_id": session.engagement_id,
        "scheduled_at": as_json(session.scheduled_at),
        "duration_minutes": session.duration_minutes,
        "mode": session.mode,
        "meeting_url": session.meeting_url,
        "location": session.location,
        "status": session.status,
        "version": session.version,
        **notes,
    }


@pytest.fixture
def session(engagement):
    return SessionFactory(
        engagement=engagement,
        scheduled_at=datetime.datetime(2026, 1, 12, 2, 0, tzinfo=datetime.UTC),
        meeting_url="https://meet.babelprov.go.id/sari-budi",
        shared_notes="Budi akan mendelegasikan laporan bulanan ke Andi.",
        private_notes="Budi tampak ragu mempercayai timnya.",
    )


@pytest.fixture
def next_week():
    return timezone.localdate() + datetime.timedelta(days=7)


def session_payload(**changes) -> dict:
    payload = {
        "scheduled_at": "2026-01-20T09:00:00+07:00",
        "duration_minutes": 60,
        "mode": "online",
        "meeting_url": "https://meet.babelprov.go.id/sari-budi",
        "shared_notes": "Fokus minggu ini: delegasi.",
        "private_notes": "Perhatikan kepercayaan diri Budi.",
    }
    return {**payload, **changes}


# Engagements


def test_coach_lists_their_engagements(client_as, sari, engagement):
    response = client_as(sari).get("/api/v1/engagements")

    assert response.status_code == 200
    assert response.json() == {"items": [engagement_json(engagement)], "count": 1}


def test_coachee_lists_their_engagements(client_as, budi, engagement):
    response = client_as(budi).get("/api/v1/engagements")

    assert response.status_code == 200
    assert response.json() == {"items": [engagement_json(engagement)], "count": 1}


@pytest.mark.parametrize("person", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_list_nothing(client_as, engagement, person, request):
    response = client_as(request.getfixturevalue(person)).get("/api/v1/engagements")

    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}


def test_engagement_list_with_bearer_token(sari, engagement):
    response = bearer_client(sari).get("/api/v1/engagements")

    assert response.status_code == 200
    assert response.json() == {"items": [engagement_json(engagement)], "count": 1}


@pytest.mark.parametrize("item_count", [1, 3])
def test_engagement_list_query_count_does_not_grow(client_as, sari, item_count, django_assert_num_queries):
    EngagementFactory.create_batch(item_count, coach=sari)
    client = client_as(sari)

    with django_assert_num_queries(3):
        response = client.get("/api/v1/engagements")

    assert response.json()["count"] == item_count


def test_coach_reads_an_engagement(client_as, sari, engagement):
    response = client_as(sari).get(f"/api/v1/engagements/{engagement.pk}")

    assert response.status_code == 200
    assert response.json() == engagement_json(engagement)


@pytest.mark.parametrize("person", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, person, request):
    response = client_as(request.getfixturevalue(person)).get(f"/api/v1/engagements/{engagement.pk}")

    assert response.status_code == 404
    assert response.json() == {"message": in_indonesian("Not found, or you do not have access to it.")}


def test_engagement_list_without_login_is_401(db):
    response = Client().get("/api/v1/engagements")

    assert response.status_code == 401
    assert response.json() == {
        "message": in_indonesian("Log in, or send a valid token in the Authorization header."),
    }


# Logging a session


def test_coach_logs_a_session_with_two_actions(sari, budi, engagement, next_week, django_capture_on_commit_callbacks):
    payload = session_payload(
        actions=[
            {"title": "Delegasikan laporan bulanan ke Andi", "owner_id": budi.pk, "due_on": next_week.isoformat()},
            {"title": "Kirim bacaan tentang delegasi", "owner_id": sari.pk, "due_on": next_week.isoformat()},
        ]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(sari).post(
            f"/api/v1/engagements/{engagement.pk}/sessions", payload, content_type="application/json"
        )

    assert response.status_code == 201
    session = Session.objects.get()
    body = response.json()
    assert datetime.datetime.fromisoformat(body.pop("scheduled_at")) == session.scheduled_at
    expected = session_json(
        session, shared_notes="Fokus minggu ini: delegasi.", private_notes="Perhatikan kepercayaan diri Budi."
    )
    del expected["scheduled_at"]
    assert body == expected
    assert session.engagement == engagement
    assert session.scheduled_at == datetime.datetime(2026, 1, 20, 2, 0, tzinfo=datetime.UTC)
    assert session.status == "held"
    assert session.version == 1
    assert list(ActionItem.objects.order_by("pk").values_list("title", "owner", "due_on", "session")) == [
        ("Delegasikan laporan bulanan ke Andi", budi.pk, next_week, session.pk),
        ("Kirim bacaan tentang delegasi", sari.pk, next_week, session.pk),
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["budi@babelprov.go.id"]
    assert "Delegasi tugas di tim baru" in mail.outbox[0].subject


def test_session_mail_carries_no_notes(sari, engagement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bearer_client(sari).post(
            f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(), content_type="application/json"
        )

    assert len(mail.outbox) == 1
    assert "Fokus minggu ini" not in mail.outbox[0].body
    assert "kepercayaan diri" not in mail.outbox[0].body


def test_coachee_cannot_log_a_session(budi, engagement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(budi).post(
            f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(), content_type="application/json"
        )

    assert response.status_code == 403
    assert response.json() == {"message": in_indonesian("You do not have access to this.")}
    assert Session.objects.count() == 0
    assert mail.outbox == []


def test_supervisor_cannot_log_a_session(wayan, engagement):
    response = bearer_client(wayan).post(
        f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(), content_type="application/json"
    )

    assert response.status_code == 404
    assert response.json() == {"message": in_indonesian("Not found, or you do not have access to it.")}
    assert Session.objects.count() == 0


def test_offline_session_without_location_is_422_and_creates_nothing(
    sari, budi, engagement, next_week, django_capture_on_commit_callbacks
):
    payload = session_payload(
        mode="offline",
        location="  ",
        actions=[{"title": "Delegasikan laporan", "owner_id": budi.pk, "due_on": next_week.isoformat()}],
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = bearer_client(sari).post(
            f"/api/v1/engagements/{engagement.pk}/sessions", payload, content_type="application/json"
        )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {"location": [in_indonesian("An in-person session needs a place; write where you meet.")]},
    }
    assert Session.objects.count() == 0
    assert ActionItem.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert mail.outbox == []


def test_action_due_in_the_past_is_422_and_creates_nothing(sari, budi, engagement):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    payload = session_payload(
        actions=[{"title": "Delegasikan laporan", "owner_id": budi.pk, "due_on": yesterday.isoformat()}],
    )

    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/sessions", payload, content_type="application/json"
    )

    assert response.status_code == 422
    with override("id"):
        expected = gettext("The due date %(date)s is in the past; pick today or a later date.") % {
            "date": yesterday.isoformat()
        }
    assert response.json() == {"message": in_indonesian("Some fields need fixing."), "errors": {"due_on": [expected]}}
    assert Session.objects.count() == 0
    assert ActionItem.objects.count() == 0


def test_action_owned_by_an_outsider_is_422(sari, wayan, engagement, next_week):
    payload = session_payload(
        actions=[{"title": "Laporkan ke atasan", "owner_id": wayan.pk, "due_on": next_week.isoformat()}],
    )

    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/sessions", payload, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {
            "actions.0.owner_id": [
                in_indonesian("The owner of an action must be the coach or the coachee of this engagement.")
            ]
        },
    }
    assert Session.objects.count() == 0


def test_session_without_a_time_is_422(sari, engagement):
    payload = session_payload()
    del payload["scheduled_at"]

    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/sessions", payload, content_type="application/json"
    )

    assert response.status_code == 422
    body = response.json()
    assert body["message"] == in_indonesian("Some fields need fixing.")
    assert list(body["errors"]) == ["scheduled_at"]
    assert Session.objects.count() == 0


def test_session_post_with_session_login_and_no_csrf_token_is_refused_with_a_message(sari, engagement):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)

    response = client.post(
        f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(), content_type="application/json"
    )

    assert response.status_code == 403
    with override("id"):
        expected = gettext("The security check of your session failed; reload the page and try again.")
    assert response.json() == {"message": expected}
    assert Session.objects.count() == 0


def test_session_post_with_session_login_and_csrf_token_is_accepted(sari, engagement):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sari)
    csrf_token = "TumbuhCsrfToken0123456789abcdefx"  # Django accepts any 32 letters and digits as the secret.
    client.cookies["csrftoken"] = csrf_token

    response = client.post(
        f"/api/v1/engagements/{engagement.pk}/sessions",
        session_payload(),
        content_type="application/json",
        headers={"X-CSRFToken": csrf_token},
    )

    assert response.status_code == 201
    assert Session.objects.get().pk == response.json()["id"]


def test_session_post_with_bearer_token_needs_no_csrf_token(sari, engagement):
    client = bearer_client(sari, enforce_csrf_checks=True)

    response = client.post(
        f"/api/v1/engagements/{engagement.pk}/sessions", session_payload(), content_type="application/json"
    )

    assert response.status_code == 201
    assert Session.objects.get().pk == response.json()["id"]


# Reading a session's notes


def test_coach_reads_private_notes(client_as, sari, session):
    response = client_as(sari).get(f"/api/v1/sessions/{session.pk}")

    assert response.status_code == 200
    assert response.json() == session_json(
        session,
        shared_notes="Budi akan mendelegasikan laporan bulanan ke Andi.",
        private_notes="Budi tampak ragu mempercayai timnya.",
    )


def test_coachee_cannot_read_private_notes(client_as, budi, session):
    response = client_as(budi).get(f"/api/v1/sessions/{session.pk}")

    assert response.status_code == 200
    assert response.json() == session_json(
        session,
        shared_notes="Budi akan mendelegasikan laporan bulanan ke Andi.",
        private_notes=None,
    )


@pytest.mark.parametrize("person", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_cannot_read_a_session(client_as, session, person, request):
    response = client_as(request.getfixturevalue(person)).get(f"/api/v1/sessions/{session.pk}")

    assert response.status_code == 404
    assert response.json() == {"message": in_indonesian("Not found, or you do not have access to it.")}
    assert AuditEvent.objects.count() == 0


def test_coach_reading_notes_is_audit_logged(client_as, sari, session):
    client_as(sari).get(f"/api/v1/sessions/{session.pk}", REMOTE_ADDR="10.1.2.3")

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_type, event.target_id, event.detail, event.via) == (
        sari,
        NOTES_READ,
        "coaching.session",
        str(session.pk),
        "shared+private",
        "api",
    )
    assert event.ip_address == "10.1.2.3"


def test_coachee_reading_notes_is_audit_logged(budi, session):
    bearer_client(budi).get(f"/api/v1/sessions/{session.pk}")

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_id, event.detail, event.via) == (
        budi,
        NOTES_READ,
        str(session.pk),
        "shared",
        "token",
    )


def test_each_read_of_notes_is_logged_again(client_as, sari, session):
    client = client_as(sari)

    client.get(f"/api/v1/sessions/{session.pk}")
    client.get(f"/api/v1/sessions/{session.pk}")

    assert AuditEvent.objects.filter(action=NOTES_READ, actor=sari, target_id=str(session.pk)).count() == 2


@pytest.mark.parametrize("item_count", [1, 3])
def test_session_list_query_count_does_not_grow(client_as, sari, engagement, item_count, django_assert_num_queries):
    SessionFactory.create_batch(item_count, engagement=engagement)
    client = client_as(sari)

    with django_assert_num_queries(4):
        response = client.get(f"/api/v1/engagements/{engagement.pk}/sessions")

    body = response.json()
    assert body["count"] == item_count
    assert "private_notes" not in body["items"][0]
    assert "shared_notes" not in body["items"][0]


# Changing a session


def test_coach_changes_a_session_with_the_current_version(client_as, sari, session):
    payload = session_payload(version=1, shared_notes="Catatan baru.")

    response = client_as(sari).put(f"/api/v1/sessions/{session.pk}", payload, content_type="application/json")

    assert response.status_code == 200
    session.refresh_from_db()
    assert session.version == 2
    assert session.shared_notes == "Catatan baru."
    assert response.json() == session_json(
        session, shared_notes="Catatan baru.", private_notes="Perhatikan kepercayaan diri Budi."
    )


def test_session_with_an_invalid_meeting_link_is_422(sari, engagement):
    response = bearer_client(sari).post(
        f"/api/v1/engagements/{engagement.pk}/sessions",
        session_payload(meeting_url="javascript:alert(1)"),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {"meeting_url": [in_indonesian("Enter a valid URL.")]},
    }
    assert Session.objects.count() == 0


def test_change_to_an_invalid_meeting_link_is_422_and_changes_nothing(client_as, sari, session):
    response = client_as(sari).put(
        f"/api/v1/sessions/{session.pk}",
        session_payload(version=1, meeting_url="javascript:alert(1)"),
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {"meeting_url": [in_indonesian("Enter a valid URL.")]},
    }
    session.refresh_from_db()
    assert (session.meeting_url, session.version) == ("https://meet.babelprov.go.id/sari-budi", 1)


def test_change_based_on_a_stale_version_is_409_and_changes_nothing(client_as, sari, session):
    Session.objects.filter(pk=session.pk).update(version=2)

    response = client_as(sari).put(
        f"/api/v1/sessions/{session.pk}",
        session_payload(version=1, shared_notes="Menimpa catatan orang lain."),
        content_type="application/json",
    )

    assert response.status_code == 409
    assert response.json() == {
        "message": in_indonesian(
            "Someone else saved this in the meantime. Review their version and apply your change again."
        ),
        "errors": {"version": ["2"]},
    }
    session.refresh_from_db()
    assert session.version == 2
    assert session.shared_notes == "Budi akan mendelegasikan laporan bulanan ke Andi."


def test_coachee_cannot_change_a_session(client_as, budi, session):
    response = client_as(budi).put(
        f"/api/v1/sessions/{session.pk}", session_payload(version=1), content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json() == {"message": in_indonesian("You do not have access to this.")}
    session.refresh_from_db()
    assert session.version == 1


# Actions


def test_coachee_ticks_an_action_done(client_as, budi, engagement):
    item = ActionItemFactory(engagement=engagement, owner=budi, title="Delegasikan laporan bulanan")

    response = client_as(budi).patch(f"/api/v1/actions/{item.pk}", {"done": True}, content_type="application/json")

    assert response.status_code == 200
    item.refresh_from_db()
    assert item.done_by == budi
    assert item.done_at is not None
    assert response.json() == {
        "id": item.pk,
        "engagement_id": engagement.pk,
        "session_id": None,
        "goal_id": None,
        "title": "Delegasikan laporan bulanan",
        "owner": {"id": budi.pk, "full_name": "Budi Santoso"},
        "due_on": item.due_on.isoformat(),
        "done_at": as_json(item.done_at),
    }


def test_coachee_reopens_an_action(client_as, budi, engagement):
    item = ActionItemFactory(engagement=engagement, owner=budi, done_at=timezone.now(), done_by=budi)

    response = client_as(budi).patch(f"/api/v1/actions/{item.pk}", {"done": False}, content_type="application/json")

    assert response.status_code == 200
    assert response.json()["done_at"] is None
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)


def test_supervisor_cannot_tick_an_action(client_as, wayan, budi, engagement):
    item = ActionItemFactory(engagement=engagement, owner=budi)

    response = client_as(wayan).patch(f"/api/v1/actions/{item.pk}", {"done": True}, content_type="application/json")

    assert response.status_code == 404
    assert response.json() == {"message": in_indonesian("Not found, or you do not have access to it.")}
    item.refresh_from_db()
    assert item.done_at is None


@pytest.mark.parametrize("item_count", [1, 3])
def test_action_list_query_count_does_not_grow(
    client_as, sari, budi, engagement, item_count, django_assert_num_queries
):
    for number in range(item_count):
        ActionItemFactory(engagement=engagement, owner=(budi, sari)[number % 2])
    client = client_as(sari)

    with django_assert_num_queries(4):
        response = client.get(f"/api/v1/engagements/{engagement.pk}/actions")

    assert response.json()["count"] == item_count


@pytest.mark.parametrize("item_count", [3, 30])
def test_token_request_for_the_action_list_costs_three_queries_whatever_its_length(
    sari, budi, engagement, item_count, django_assert_num_queries
):
    for number in range(item_count):
        ActionItemFactory(engagement=engagement, owner=(budi, sari)[number % 2])
    _token, raw = create_api_token(employee=sari, name="Integrasi")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    client.get("/api/v1/me")  # the token's last use is written once a minute, here

    # The token with its employee, the engagement, the page of actions with their owners; a page that holds
    # every item needs no count.
    with django_assert_num_queries(3):
        response = client.get(f"/api/v1/engagements/{engagement.pk}/actions?page_size=100")

    body = response.json()
    assert body["count"] == item_count
    assert {item["owner"]["full_name"] for item in body["items"]} == {budi.full_name, sari.full_name}


# The API description


def test_openapi_document_lists_the_coaching_paths(db):
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/engagements" in paths
    assert "/api/v1/sessions/{session_id}" in paths
    assert set(paths["/api/v1/sessions/{session_id}"]) == {"get", "put"}
