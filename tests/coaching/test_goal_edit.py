"""Changing a goal: its SMART fields and status, with live hints; a concurrent change is a conflict, not a loss."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory, GoalFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, Goal

pytestmark = pytest.mark.django_db


def url_of(goal) -> str:
    return f"/coaching/goals/{goal.pk}/edit/"


@pytest.fixture
def deadline():
    return timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def goal(engagement, deadline):
    return GoalFactory(
        engagement=engagement,
        title="Menaikkan laporan terkirim tepat waktu",
        indicator="persentase laporan tepat waktu",
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        target_date=deadline,
        relevance="Target SKP.",
    )


def form_of(goal, **changes) -> dict:
    data = {
        "title": goal.title,
        "status": goal.status,
        "indicator": goal.indicator,
        "unit": goal.unit,
        "baseline": goal.baseline,
        "target": goal.target,
        "target_date": goal.target_date.isoformat() if goal.target_date else "",
        "relevance": goal.relevance,
        "skp_reference": goal.skp_reference,
        "description": goal.description,
        "version": goal.version,
    }
    return {key: "" if value is None else value for key, value in {**data, **changes}.items()}


def test_the_form_is_filled_with_the_goal_and_checks_it_while_typing(client_as, budi, goal, deadline):
    response = client_as(budi).get(url_of(goal))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Menaikkan laporan terkirim tepat waktu"' in html
    assert 'value="persentase laporan tepat waktu"' in html
    assert 'name="baseline" value="60.00"' in html
    assert f'name="target_date" value="{deadline.isoformat()}"' in html
    assert '<input type="hidden" name="version" value="1"' in html
    assert '<option value="open" selected>' in html
    assert f'hx-post="/coaching/engagements/{goal.engagement_id}/goals/check/"' in html
    assert in_indonesian("This goal is SMART: specific, measurable, achievable, relevant and time-bound.") in html


@pytest.mark.parametrize("who", ["budi", "sari"])
def test_participants_change_a_goal(client_as, goal, who, request):
    response = client_as(request.getfixturevalue(who)).post(url_of(goal), form_of(goal, target="95", unit="%"))

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/goals/{goal.pk}/"
    goal.refresh_from_db()
    assert (goal.target, goal.version) == (Decimal(95), 2)


def test_a_goal_is_marked_achieved(client_as, budi, goal):
    response = client_as(budi).post(url_of(goal), form_of(goal, status="achieved"), follow=True)

    assert in_indonesian("Goal saved.") in response.content.decode()
    assert Goal.objects.get().status == "achieved"


def test_a_concurrent_change_is_shown_and_the_typed_text_kept(client_as, sari, budi, goal):
    stale = form_of(goal, relevance="Versi Sari: penting untuk SKP.")
    client_as(budi).post(url_of(goal), form_of(goal, target="85"))

    response = client_as(sari).post(url_of(goal), stale)

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        in_indonesian("Someone else saved this in the meantime. Review their version and apply your change again.")
        in html
    )
    assert in_indonesian("The version saved by the other person") in html
    assert "60% → 85%" in html
    assert "Versi Sari: penting untuk SKP.</textarea>" in html
    assert '<input type="hidden" name="version" value="2"' in html
    goal.refresh_from_db()
    assert (goal.target, goal.relevance, goal.version) == (Decimal(85), "Target SKP.", 2)


def test_a_new_deadline_in_the_past_is_refused_keeping_the_typed_input(client_as, budi, goal, deadline):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client_as(budi).post(url_of(goal), form_of(goal, target_date=yesterday, title="Judul baru"))

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("The target date is in the past; pick a future date.") in html
    assert 'value="Judul baru"' in html
    assert 'data-hint="time_bound.deadline_past"' in html
    goal.refresh_from_db()
    assert (goal.title, goal.target_date, goal.version) == ("Menaikkan laporan terkirim tepat waktu", deadline, 1)


def test_goals_of_a_closed_engagement_cannot_be_edited(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    goal = GoalFactory(engagement=closed, title="Mendelegasikan dua tugas rutin")

    response = client_as(budi).post(url_of(goal), form_of(goal, title="Diubah"))

    assert response.status_code == 403
    assert Goal.objects.get().title == "Mendelegasikan dua tugas rutin"


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_change_nothing(client_as, goal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(goal), form_of(goal, title="Target atasan"))

    assert response.status_code == 404
    assert Goal.objects.get().title == "Menaikkan laporan terkirim tepat waktu"
