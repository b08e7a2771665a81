"""SMART goals over the API: the new fields, the hints, a past deadline refused, progress recorded and listed."""

import datetime
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone

from tests.factories import EngagementFactory, GoalFactory, GoalProgressFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, Goal, GoalProgress
from tumbuh.people.services import create_api_token

pytestmark = pytest.mark.django_db


def as_json(value) -> str:
    return DjangoJSONEncoder().default(value)


def bearer_client(user) -> Client:
    _token, raw = create_api_token(employee=user, name="tes")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def in_the(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


SMART = {
    "title": "Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
    "indicator": "persentase laporan tepat waktu",
    "unit": "%",
    "baseline": "60",
    "target": 90,
    "relevance": "Target SKP tahun ini.",
    "skp_reference": "SKP 2026 butir 3",
}


def goal_json(goal, *, hints=(), progress_percent=None) -> dict:
    return {
        "id": goal.pk,
        "engagement_id": goal.engagement_id,
        "title": goal.title,
        "description": goal.description,
        "indicator": goal.indicator,
        "unit": goal.unit,
        "baseline": float(goal.baseline) if goal.baseline is not None else None,
        "target": float(goal.target) if goal.target is not None else None,
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "relevance": goal.relevance,
        "skp_reference": goal.skp_reference,
        "status": goal.status,
        "version": goal.version,
        "created_at": as_json(goal.created_at),
        "progress_percent": progress_percent,
        "hints": list(hints),
    }


@pytest.fixture
def goal(engagement):
    return GoalFactory(
        engagement=engagement,
        title=SMART["title"],
        indicator=SMART["indicator"],
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        target_date=in_the(30),
        relevance="Target SKP tahun ini.",
        created_at=timezone.now() - datetime.timedelta(days=30),
    )


def goals_url(engagement) -> str:
    return f"/api/v1/engagements/{engagement.pk}/goals"


# Adding goals


def test_coachee_adds_a_smart_goal_and_gets_no_hints(budi, engagement):
    response = bearer_client(budi).post(
        goals_url(engagement), {**SMART, "target_date": in_the(30).isoformat()}, content_type="application/json"
    )

    goal = Goal.objects.get()
    assert response.status_code == 201
    assert response.json() == goal_json(goal)
    assert (goal.baseline, goal.target, goal.skp_reference) == (Decimal(60), Decimal(90), "SKP 2026 butir 3")


def test_a_vague_goal_is_added_with_its_hints_in_indonesian(sari, engagement):
    response = bearer_client(sari).post(
        goals_url(engagement), {"title": "Memperbaiki komunikasi dengan tim"}, content_type="application/json"
    )

    assert response.status_code == 201
    hints = response.json()["hints"]
    assert [(h["code"], h["letter"], h["blocking"]) for h in hints] == [
        ("specific.vague_verb", "S", False),
        ("measurable.no_number", "M", False),
        ("relevant.no_relevance", "R", False),
        ("time_bound.no_deadline", "T", False),
    ]
    assert hints[2] == {
        "code": "relevant.no_relevance",
        "letter": "R",
        "criterion": in_indonesian("Relevant"),
        "message": in_indonesian(
            "Write why this goal matters for your work or your SKP, so that both of you keep it in view."
        ),
        "blocking": False,
    }


def test_a_deadline_in_the_past_is_422_in_indonesian_and_saves_nothing(budi, engagement):
    response = bearer_client(budi).post(
        goals_url(engagement), {**SMART, "target_date": in_the(-1).isoformat()}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json() == {
        "message": in_indonesian("Some fields need fixing."),
        "errors": {"target_date": [in_indonesian("The target date is in the past; pick a future date.")]},
    }
    assert Goal.objects.count() == 0


def test_supervisor_cannot_add_a_goal_for_their_staff(wayan, engagement):
    response = bearer_client(wayan).post(goals_url(engagement), SMART, content_type="application/json")

    assert response.status_code == 404
    assert Goal.objects.count() == 0


def test_a_closed_engagement_takes_no_goals(sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    response = bearer_client(budi).post(goals_url(closed), SMART, content_type="application/json")

    assert response.status_code == 403
    assert Goal.objects.count() == 0


# Reading goals


def test_goals_are_listed_with_their_latest_progress(client_as, sari, goal):
    GoalProgressFactory(goal=goal, value=75)

    response = client_as(sari).get(goals_url(goal.engagement))

    assert response.status_code == 200
    assert response.json() == {"items": [goal_json(goal, progress_percent=50)], "count": 1}


@pytest.mark.parametrize("goal_count", [1, 3])
def test_goal_list_query_count_does_not_grow(client_as, sari, engagement, goal_count, django_assert_num_queries):
    for n in range(goal_count):
        GoalProgressFactory(goal=GoalFactory(engagement=engagement), value=10 * n)
    client = client_as(sari)

    # Session, user, engagement, count, goals, their progress, the contracts (planned end, once).
    with django_assert_num_queries(6):
        response = client.get(goals_url(engagement))

    assert response.json()["count"] == goal_count


@pytest.mark.parametrize("who", ["budi", "sari"])
def test_participants_read_a_goal(client_as, goal, who, request):
    response = client_as(request.getfixturevalue(who)).get(f"/api/v1/goals/{goal.pk}")

    assert response.status_code == 200
    assert response.json() == goal_json(goal)


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_for_a_goal(client_as, goal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(f"/api/v1/goals/{goal.pk}")

    assert response.status_code == 404
    assert response.json() == {"message": in_indonesian("Not found, or you do not have access to it.")}


def test_anonymous_caller_gets_401(client, goal):
    assert client.get(f"/api/v1/goals/{goal.pk}").status_code == 401


# Changing goals


def update_payload(goal, **changes) -> dict:
    return {
        "title": goal.title,
        "status": goal.status,
        "indicator": goal.indicator,
        "unit": goal.unit,
        "baseline": str(goal.baseline),
        "target": str(goal.target),
        "target_date": goal.target_date.isoformat(),
        "relevance": goal.relevance,
        "version": goal.version,
        **changes,
    }


def test_a_goal_is_changed_with_the_version_read(budi, goal):
    response = bearer_client(budi).put(
        f"/api/v1/goals/{goal.pk}",
        update_payload(goal, target="95", status="achieved"),
        content_type="application/json",
    )

    goal.refresh_from_db()
    assert response.status_code == 200
    assert response.json() == goal_json(goal)
    assert (goal.target, goal.status, goal.version) == (Decimal(95), "achieved", 2)


def test_a_change_based_on_an_old_version_is_409(budi, sari, goal):
    stale = update_payload(goal, target="95")
    bearer_client(sari).put(
        f"/api/v1/goals/{goal.pk}", update_payload(goal, target="85"), content_type="application/json"
    )

    response = bearer_client(budi).put(f"/api/v1/goals/{goal.pk}", stale, content_type="application/json")

    assert response.status_code == 409
    assert response.json() == {
        "message": in_indonesian(
            "Someone else saved this in the meantime. Review their version and apply your change again."
        ),
        "errors": {"version": ["2"]},
    }
    goal.refresh_from_db()
    assert goal.target == Decimal(85)


# Progress


def progress_url(goal) -> str:
    return f"/api/v1/goals/{goal.pk}/progress"


def test_coachee_records_progress(budi, goal):
    last_week = in_the(-7)

    response = bearer_client(budi).post(
        progress_url(goal),
        {"value": "75", "recorded_on": last_week.isoformat(), "note": "Laporan Oktober"},
        content_type="application/json",
    )

    entry = GoalProgress.objects.get()
    assert response.status_code == 201
    assert response.json() == {
        "id": entry.pk,
        "goal_id": goal.pk,
        "recorded_on": last_week.isoformat(),
        "value": 75.0,
        "percent": 50,
        "note": "Laporan Oktober",
        "recorded_by": {"id": budi.pk, "full_name": "Budi Santoso"},
        "created_at": as_json(entry.created_at),
    }


def test_progress_without_a_date_is_for_today(sari, goal):
    response = bearer_client(sari).post(progress_url(goal), {"value": 90}, content_type="application/json")

    assert response.status_code == 201
    assert (response.json()["recorded_on"], response.json()["percent"]) == (timezone.localdate().isoformat(), 100)


def test_progress_for_a_future_date_is_422_and_saves_nothing(budi, goal):
    response = bearer_client(budi).post(
        progress_url(goal), {"value": 80, "recorded_on": in_the(1).isoformat()}, content_type="application/json"
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "recorded_on": [in_indonesian("Progress cannot be recorded for a future date; pick today or an earlier date.")]
    }
    assert GoalProgress.objects.count() == 0


def test_a_percentage_over_100_is_422_for_a_goal_without_an_indicator(budi, engagement):
    goal = GoalFactory(engagement=engagement)

    response = bearer_client(budi).post(progress_url(goal), {"value": 101}, content_type="application/json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["value"]
    assert GoalProgress.objects.count() == 0


def test_supervisor_cannot_record_or_read_progress(wayan, goal):
    client = bearer_client(wayan)

    assert client.post(progress_url(goal), {"value": 80}, content_type="application/json").status_code == 404
    assert client.get(progress_url(goal)).status_code == 404
    assert GoalProgress.objects.count() == 0


def test_a_closed_engagement_takes_no_progress(sari, budi):
    goal = GoalFactory(engagement=EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED))

    response = bearer_client(budi).post(progress_url(goal), {"value": 50}, content_type="application/json")

    assert response.status_code == 403
    assert GoalProgress.objects.count() == 0


def test_progress_is_listed_oldest_first(client_as, sari, budi, goal):
    newer = GoalProgressFactory(goal=goal, value=80, recorded_on=in_the(0), recorded_by=sari)
    older = GoalProgressFactory(goal=goal, value=66, recorded_on=in_the(-14))

    response = client_as(budi).get(progress_url(goal))

    assert response.status_code == 200
    assert [(item["id"], item["value"], item["percent"]) for item in response.json()["items"]] == [
        (older.pk, 66.0, 20),
        (newer.pk, 80.0, 67),
    ]


@pytest.mark.parametrize("entry_count", [1, 3])
def test_progress_list_query_count_does_not_grow(client_as, sari, goal, entry_count, django_assert_num_queries):
    for n in range(entry_count):
        GoalProgressFactory(goal=goal, value=60 + n, recorded_on=in_the(-n))
    client = client_as(sari)

    # Session, user, goal, count, entries with who recorded them.
    with django_assert_num_queries(4):
        response = client.get(progress_url(goal))

    assert response.json()["count"] == entry_count
