"""A goal's page: the SMART statement and indicator, its hints, the progress table and chart, and a progress form."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory, GoalFactory, GoalProgressFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, GoalStatus

pytestmark = pytest.mark.django_db


def url_of(goal) -> str:
    return f"/coaching/goals/{goal.pk}/"


@pytest.fixture
def goal(engagement):
    return GoalFactory(
        engagement=engagement,
        title="Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
        indicator="persentase laporan tepat waktu",
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        target_date=timezone.localdate() + datetime.timedelta(days=30),
        relevance="Target SKP tahun ini.",
        created_at=timezone.now() - datetime.timedelta(days=30),
    )


def test_coachee_sees_the_goal_its_progress_chart_and_a_progress_form(client_as, budi, goal):
    GoalProgressFactory(
        goal=goal, value=75, recorded_on=timezone.localdate() - datetime.timedelta(days=7), note="Laporan Oktober"
    )

    response = client_as(budi).get(url_of(goal))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="h3 mb-1">Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%</h1>' in html
    assert "<dd>persentase laporan tepat waktu</dd>" in html
    assert '<dd class="goal-range">60% → 90%</dd>' in html
    assert '<dd class="notes">Target SKP tahun ini.</dd>' in html
    assert f'<img class="img-fluid border rounded mb-3" src="/coaching/goals/{goal.pk}/chart.svg"' in html
    assert '<td class="text-end text-nowrap">75%</td>' in html
    assert '<td class="text-end">50%</td>' in html
    assert '<span class="notes">Laporan Oktober</span>' in html
    assert 'aria-valuenow="50"' in html
    assert '<div class="progress-bar bg-tumbuh w-pct-50">50%</div>' in html
    assert f'<form method="post" action="/coaching/goals/{goal.pk}/progress/"' in html
    assert f'href="/coaching/goals/{goal.pk}/edit/"' in html
    assert in_indonesian("This goal is SMART: specific, measurable, achievable, relevant and time-bound.") in html


def test_a_goal_that_is_not_smart_yet_shows_its_hints_and_a_way_to_sharpen_it(client_as, sari, engagement):
    goal = GoalFactory(engagement=engagement, title="Memperbaiki komunikasi dengan tim")

    html = client_as(sari).get(url_of(goal)).content.decode()

    assert 'data-hint="specific.vague_verb"' in html
    assert 'data-hint="measurable.no_number"' in html
    assert 'data-hint="relevant.no_relevance"' in html
    assert 'data-hint="time_bound.no_deadline"' in html
    assert in_indonesian("Sharpen the goal") in html
    assert in_indonesian("No progress recorded yet.") in html
    assert in_indonesian("Percentage done (0–100)") in html


def test_reaching_the_target_offers_to_mark_the_goal_achieved(client_as, budi, goal):
    GoalProgressFactory(goal=goal, value=91)

    html = client_as(budi).get(url_of(goal)).content.decode()

    assert in_indonesian("The latest value reaches the target.") in html
    assert in_indonesian("Mark the goal as achieved") in html


def test_an_achieved_goal_shows_no_hints_and_no_prompt(client_as, budi, goal):
    GoalProgressFactory(goal=goal, value=91)
    goal.status = GoalStatus.ACHIEVED
    goal.save()

    html = client_as(budi).get(url_of(goal)).content.decode()

    assert 'id="smart-check"' not in html
    assert in_indonesian("The latest value reaches the target.") not in html


def test_a_goal_of_a_closed_engagement_can_be_read_but_not_changed(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    goal = GoalFactory(engagement=closed, title="Mendelegasikan dua tugas rutin")

    response = client_as(budi).get(url_of(goal))

    html = response.content.decode()
    assert response.status_code == 200
    assert "/progress/" not in html
    assert "/edit/" not in html


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, goal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(goal))

    assert response.status_code == 404
    assert "Menaikkan laporan" not in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in(client, goal):
    response = client.get(url_of(goal))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/goals/{goal.pk}/"


@pytest.mark.parametrize("entry_count", [1, 3])
def test_goal_page_query_count_does_not_grow(client_as, sari, budi, goal, entry_count, django_assert_num_queries):
    for n in range(entry_count):
        GoalProgressFactory(
            goal=goal,
            value=60 + 5 * n,
            recorded_on=timezone.localdate() - datetime.timedelta(days=n),
            recorded_by=[budi, sari][n % 2],
        )
    client = client_as(sari)

    # Session, user, the goal with its engagement, its progress with who recorded it, the contracts (planned end).
    with django_assert_num_queries(5):
        response = client.get(url_of(goal))

    assert response.content.decode().count('<td class="text-end text-nowrap">') == entry_count
