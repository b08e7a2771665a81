"""The canvas API: stage notes with the version check, the Will/Action stage, micro-coaching; per role."""

import datetime
import json
import zoneinfo

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from tests.api.test_coaching_api import bearer_client
from tests.factories import SessionFactory
from tests.helpers import PRIVATE_NOTES, in_indonesian, stage_in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import ActionItem, Session
from tumbuh.toolkit.models import Question
from tumbuh.toolkit.services import install_builtin_questions

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def bank(db):
    install_builtin_questions()


@pytest.fixture
def session(engagement):
    yesterday = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        scheduled_at=datetime.datetime.combine(yesterday, datetime.time(10, 0), tzinfo=MAKASSAR),
        stage_notes={"goal": "Budi ingin mendelegasikan laporan bulanan."},
        private_notes=PRIVATE_NOTES,
    )


@pytest.fixture
def next_week():
    return timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=7)


def as_json(value) -> str:
    return DjangoJSONEncoder().default(value)


def put(client, url, payload):
    return client.put(url, json.dumps(payload), content_type="application/json")


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


def first_questions(stage: str) -> list[str]:
    return list(
        Question.objects.filter(framework="grow", stage=stage).order_by("pk").values_list("text", flat=True)[:4]
    )


def test_participants_read_the_canvas_with_its_questions(client_as, sari, budi, session):
    for person in (sari, budi):
        response = client_as(person).get(f"/api/v1/sessions/{session.pk}/canvas")

        assert response.status_code == 200
        body = response.json()
        assert (body["session_id"], body["canvas"], body["version"], body["follow_up_id"]) == (
            session.pk,
            "grow",
            1,
            None,
        )
        assert [stage["code"] for stage in body["stages"]] == ["goal", "reality", "options", "will"]
        assert body["stages"][0] == {
            "code": "goal",
            "label": stage_in_indonesian("Goal"),
            "purpose": in_indonesian("What does the coachee want from this session and beyond it?"),
            "creates_actions": False,
            "notes": "Budi ingin mendelegasikan laporan bulanan.",
            "questions": first_questions("goal"),
        }
        assert body["stages"][3]["creates_actions"] is True
        assert PRIVATE_NOTES not in response.content.decode()
    events = AuditEvent.objects.filter(action="session.notes.read").order_by("pk")
    assert [(e.actor, e.detail, e.via) for e in events] == [(sari, "canvas", "api"), (budi, "canvas", "api")]


def test_coach_replaces_the_stage_notes_with_a_token(sari, session):
    response = put(
        bearer_client(sari),
        f"/api/v1/sessions/{session.pk}/canvas",
        {"version": 1, "stage_notes": {"goal": "Tujuan baru.", "will": "Dua langkah."}},
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert [stage["notes"] for stage in response.json()["stages"]] == ["Tujuan baru.", "", "", "Dua langkah."]
    session.refresh_from_db()
    assert session.stage_notes == {"goal": "Tujuan baru.", "will": "Dua langkah."}


def test_an_old_version_gets_409_and_changes_nothing(client_as, sari, session):
    client = client_as(sari)
    put(client, f"/api/v1/sessions/{session.pk}/canvas", {"version": 1, "stage_notes": {"goal": "Pertama."}})

    response = put(client, f"/api/v1/sessions/{session.pk}/canvas", {"version": 1, "stage_notes": {"goal": "Kedua."}})

    assert response.status_code == 409
    assert response.json() == {
        "message": in_indonesian(
            "Someone else saved this in the meantime. Review their version and apply your change again."
        ),
        "errors": {"version": ["2"]},
    }
    session.refresh_from_db()
    assert session.stage_notes == {"goal": "Pertama."}


def test_an_unknown_stage_is_422(client_as, sari, session):
    response = put(
        client_as(sari), f"/api/v1/sessions/{session.pk}/canvas", {"version": 1, "stage_notes": {"review": "x"}}
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["stage_notes"]


def test_coachee_may_not_change_the_canvas(client_as, budi, session):
    response = put(client_as(budi), f"/api/v1/sessions/{session.pk}/canvas", {"version": 1, "stage_notes": {}})

    assert response.status_code == 403
    session.refresh_from_db()
    assert session.version == 1


def test_will_creates_two_actions_and_the_follow_up(client_as, sari, budi, session, next_week):
    payload = {
        "actions": [
            {"title": "Bicara dengan Andi", "owner_id": budi.pk, "due_on": next_week.isoformat()},
            {"title": "Kirim contoh SOP", "owner_id": sari.pk, "due_on": next_week.isoformat()},
        ],
        "follow_up": {"days_after": 10, "at": "09:00:00"},
    }

    response = post(client_as(sari), f"/api/v1/sessions/{session.pk}/will", payload)

    assert response.status_code == 201
    body = response.json()
    later = Session.objects.get(follow_up_of=session)
    assert [(a["title"], a["owner"]["id"], a["session_id"]) for a in body["actions"]] == [
        ("Bicara dengan Andi", budi.pk, session.pk),
        ("Kirim contoh SOP", sari.pk, session.pk),
    ]
    expected = datetime.datetime.combine(
        timezone.localtime(session.scheduled_at, MAKASSAR).date() + datetime.timedelta(days=10),
        datetime.time(9, 0),
        tzinfo=MAKASSAR,
    )
    assert later.scheduled_at == expected
    assert body["follow_up"] == {
        "id": later.pk,
        "engagement_id": session.engagement_id,
        "scheduled_at": as_json(later.scheduled_at),
        "duration_minutes": 60,
        "mode": "online",
        "meeting_url": "",
        "location": "",
        "status": "scheduled",
        "version": 1,
    }
    assert client_as(budi).get(f"/api/v1/sessions/{session.pk}/canvas").json()["follow_up_id"] == later.pk


@pytest.mark.parametrize("days", [6, 15])
def test_will_refuses_a_follow_up_outside_seven_to_fourteen_days_and_saves_nothing(
    client_as, sari, budi, session, next_week, days
):
    payload = {
        "actions": [{"title": "Bicara dengan Andi", "owner_id": budi.pk, "due_on": next_week.isoformat()}],
        "follow_up": {"days_after": days},
    }

    response = post(client_as(sari), f"/api/v1/sessions/{session.pk}/will", payload)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "follow_up.days_after": [
            in_indonesian("The follow-up comes 7 to 14 days after this session; pick a number of days in that range.")
        ]
    }
    assert (ActionItem.objects.count(), Session.objects.count()) == (0, 1)


def test_will_names_the_bad_action(client_as, sari, budi, session, next_week):
    yesterday = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)
    payload = {
        "actions": [
            {"title": "Bicara dengan Andi", "owner_id": budi.pk, "due_on": next_week.isoformat()},
            {"title": "Susun jadwal", "owner_id": budi.pk, "due_on": yesterday.isoformat()},
        ]
    }

    response = post(client_as(sari), f"/api/v1/sessions/{session.pk}/will", payload)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["actions.1.due_on"]
    assert ActionItem.objects.count() == 0


def test_coachee_may_not_commit_the_will(client_as, budi, session):
    response = post(client_as(budi), f"/api/v1/sessions/{session.pk}/will", {"follow_up": {}})

    assert response.status_code == 403
    assert Session.objects.count() == 1


def test_coach_records_a_micro_session(client_as, sari, budi, engagement, next_week):
    payload = {
        "focus": "Menolak tugas tambahan.",
        "insight": "Budi perlu menyampaikan beban kerjanya.",
        "action": {"title": "Bawa daftar tugas ke rapat", "owner_id": budi.pk, "due_on": next_week.isoformat()},
        "duration_minutes": 12,
    }

    response = post(client_as(sari), f"/api/v1/engagements/{engagement.pk}/micro-sessions", payload)

    assert response.status_code == 201
    session = Session.objects.get()
    assert response.json()["id"] == session.pk
    assert (response.json()["canvas"], response.json()["status"], response.json()["duration_minutes"]) == (
        "micro",
        "held",
        12,
    )
    assert response.json()["stage_notes"] == {
        "focus": "Menolak tugas tambahan.",
        "insight": "Budi perlu menyampaikan beban kerjanya.",
        "action": "Bawa daftar tugas ke rapat",
    }
    assert list(ActionItem.objects.values_list("title", "session")) == [("Bawa daftar tugas ke rapat", session.pk)]


def test_a_micro_session_of_twenty_minutes_is_422(client_as, sari, budi, engagement, next_week):
    payload = {
        "focus": "Fokus.",
        "insight": "Wawasan.",
        "action": {"title": "Langkah", "owner_id": budi.pk, "due_on": next_week.isoformat()},
        "duration_minutes": 20,
    }

    response = post(client_as(sari), f"/api/v1/engagements/{engagement.pk}/micro-sessions", payload)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "duration_minutes": [in_indonesian("A micro-coaching session lasts 10 to 15 minutes.")]
    }
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_coachee_may_not_record_a_micro_session(client_as, budi, engagement, next_week):
    payload = {
        "focus": "Fokus.",
        "insight": "Wawasan.",
        "action": {"title": "Langkah", "owner_id": budi.pk, "due_on": next_week.isoformat()},
    }

    response = post(client_as(budi), f"/api/v1/engagements/{engagement.pk}/micro-sessions", payload)

    assert response.status_code == 403
    assert Session.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_everywhere(
    client_as, budi, session, engagement, next_week, outsider, request
):
    client = client_as(request.getfixturevalue(outsider))
    micro = {
        "focus": "Fokus.",
        "insight": "Wawasan.",
        "action": {"title": "Langkah", "owner_id": budi.pk, "due_on": next_week.isoformat()},
    }

    responses = [
        client.get(f"/api/v1/sessions/{session.pk}/canvas"),
        put(client, f"/api/v1/sessions/{session.pk}/canvas", {"version": 1, "stage_notes": {}}),
        post(client, f"/api/v1/sessions/{session.pk}/will", {"follow_up": {}}),
        post(client, f"/api/v1/engagements/{engagement.pk}/micro-sessions", micro),
    ]

    assert [r.status_code for r in responses] == [404, 404, 404, 404]
    assert "mendelegasikan" not in responses[0].content.decode()
    assert AuditEvent.objects.count() == 0
    assert Session.objects.count() == 1


def test_anonymous_caller_gets_401(client, session):
    assert client.get(f"/api/v1/sessions/{session.pk}/canvas").status_code == 401


@pytest.mark.parametrize("item_count", [1, 3])
def test_canvas_read_query_count_does_not_grow(client_as, sari, session, item_count, django_assert_num_queries):
    for n in range(item_count):
        SessionFactory(
            engagement=session.engagement, follow_up_of=session, status="scheduled" if n == 0 else "cancelled"
        )
    client = client_as(sari)

    # Login session and user, the session with its people, the question bank, the planned follow-up, the audit record.
    with django_assert_num_queries(6):
        response = client.get(f"/api/v1/sessions/{session.pk}/canvas")

    assert response.json()["follow_up_id"] is not None
