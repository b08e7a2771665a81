"""Recording progress on a goal from its page: both participants, on an open engagement and an open goal."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory, GoalFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, GoalProgress, GoalStatus

pytestmark = pytest.mark.django_db


def url_of(goal) -> str:
    return f"/coaching/goals/{goal.pk}/progress/"


@pytest.fixture
def goal(engagement):
    return GoalFactory(
        engagement=engagement,
        title="Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
        indicator="persentase laporan tepat waktu",
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        created_at=timezone.now() - datetime.timedelta(days=30),
    )


@pytest.fixture
def last_week():
    return timezone.localdate() - datetime.timedelta(days=7)


@pytest.mark.parametrize("who", ["budi", "sari"])
def test_participants_record_progress_and_return_to_the_goal(client_as, goal, last_week, who, request):
    person = request.getfixturevalue(who)

    response = client_as(person).post(
        url_of(goal), {"value": "75", "recorded_on": last_week, "note": "Laporan Oktober tepat waktu."}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/goals/{goal.pk}/"
    assert list(GoalProgress.objects.values_list("goal", "value", "recorded_on", "note", "recorded_by")) == [
        (goal.pk, Decimal(75), last_week, "Laporan Oktober tepat waktu.", person.pk)
    ]


def test_recorded_progress_appears_with_a_confirmation(client_as, budi, goal, last_week):
    response = client_as(budi).post(url_of(goal), {"value": "75", "recorded_on": last_week}, follow=True)

    html = response.content.decode()
    assert in_indonesian("Progress recorded.") in html
    assert '<td class="text-end">50%</td>' in html
    assert in_indonesian("The target is reached; mark the goal as achieved when you both agree.") not in html


def test_reaching_the_target_prompts_to_mark_the_goal_achieved_but_leaves_it_open(client_as, budi, goal):
    response = client_as(budi).post(url_of(goal), {"value": "90", "recorded_on": timezone.localdate()}, follow=True)

    assert in_indonesian("The target is reached; mark the goal as achieved when you both agree.") in (
        response.content.decode()
    )
    goal.refresh_from_db()
    assert goal.status == "open"


def test_a_future_date_is_refused_keeping_what_was_typed(client_as, budi, goal):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client_as(budi).post(url_of(goal), {"value": "77.5", "recorded_on": tomorrow, "note": "Perkiraan"})

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("Progress cannot be recorded for a future date; pick today or an earlier date.") in html
    assert 'name="value" value="77.5"' in html
    assert f'value="{tomorrow.isoformat()}"' in html
    assert 'value="Perkiraan"' in html
    assert GoalProgress.objects.count() == 0


def test_a_percentage_over_100_is_refused_for_a_goal_without_an_indicator(client_as, budi, engagement):
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")

    response = client_as(budi).post(url_of(goal), {"value": "120", "recorded_on": timezone.localdate()})

    assert response.status_code == 200
    assert (
        in_indonesian("This goal has no indicator target, so progress is a percentage; enter a number from 0 to 100.")
        in response.content.decode()
    )
    assert GoalProgress.objects.count() == 0


def test_a_missing_value_is_refused(client_as, budi, goal):
    response = client_as(budi).post(url_of(goal), {"value": "", "recorded_on": timezone.localdate()})

    assert response.status_code == 200
    assert in_indonesian("Some fields need fixing; see the messages below them.") in response.content.decode()
    assert GoalProgress.objects.count() == 0


def test_an_achieved_goal_takes_no_progress(client_as, budi, goal):
    goal.status = GoalStatus.ACHIEVED
    goal.save()

    response = client_as(budi).post(url_of(goal), {"value": "95", "recorded_on": timezone.localdate()})

    assert response.status_code == 200
    assert (
        in_indonesian(
            "This goal is no longer open (achieved or dropped); set its status back to Open to record progress."
        )
        in response.content.decode()
    )
    assert GoalProgress.objects.count() == 0


def test_a_closed_engagement_takes_no_progress(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    goal = GoalFactory(engagement=closed)

    response = client_as(budi).post(url_of(goal), {"value": "50", "recorded_on": timezone.localdate()})

    assert response.status_code == 403
    assert GoalProgress.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_record_nothing(client_as, goal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(
        url_of(goal), {"value": "50", "recorded_on": timezone.localdate()}
    )

    assert response.status_code == 404
    assert GoalProgress.objects.count() == 0


def test_progress_is_only_posted(client_as, budi, goal):
    assert client_as(budi).get(url_of(goal)).status_code == 405
