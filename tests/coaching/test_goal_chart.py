"""A goal's progress chart: an SVG image of the values over time, with baseline and target lines."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from tests.factories import GoalFactory, GoalProgressFactory
from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def url_of(goal) -> str:
    return f"/coaching/goals/{goal.pk}/chart.svg"


def day(days_ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def in_indonesian_date(value: datetime.date) -> str:
    with override("id"):
        return date_format(value, "j M Y")


@pytest.fixture
def goal(engagement):
    return GoalFactory(
        engagement=engagement,
        title="Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
        indicator="persentase laporan tepat waktu",
        unit="%",
        baseline=Decimal(60),
        target=Decimal(90),
        created_at=timezone.now() - datetime.timedelta(days=40),
    )


def drawn(response) -> ET.Element:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    return ET.fromstring(response.content)  # noqa: S314 (our own drawing, not outside input)


def texts(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}text")]


def values(root: ET.Element) -> list[str]:
    return [element.text or "" for element in root.iter(f"{SVG}desc") if element.get("class") == "value"]


def test_the_chart_shows_each_recorded_value_by_date_with_baseline_and_target(client_as, budi, goal):
    for days_ago, value in [(28, 66), (14, 75), (0, "82.5")]:
        GoalProgressFactory(goal=goal, recorded_on=day(days_ago), value=Decimal(value))

    root = drawn(client_as(budi).get(url_of(goal)))

    assert root.find(f"{SVG}title").text == "persentase laporan tepat waktu"
    assert values(root) == [
        f"{in_indonesian_date(day(28))}: 66%",
        f"{in_indonesian_date(day(14))}: 75%",
        f"{in_indonesian_date(day(0))}: 82,5%",
    ]
    assert texts(root)[-3:] == [in_indonesian("Progress"), in_indonesian("Baseline"), in_indonesian("Target")]
    # The dates under the axis are in Indonesian, from the day the goal was set to today.
    assert in_indonesian_date(day(40)) in texts(root)
    assert in_indonesian_date(day(0)) in texts(root)


def test_the_chart_is_a_picture_without_scripts_and_may_keep_its_own_style(client_as, sari, goal):
    GoalProgressFactory(goal=goal, value=70)

    response = client_as(sari).get(url_of(goal))

    root = drawn(response)
    assert list(root.iter(f"{SVG}script")) == []
    assert b"<script" not in response.content
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert response["Cache-Control"] == "private, no-cache"


def test_without_progress_the_chart_says_none_is_recorded_yet(client_as, budi, goal):
    root = drawn(client_as(budi).get(url_of(goal)))

    assert values(root) == []
    assert in_indonesian("No progress recorded yet") in texts(root)


def test_one_entry_is_drawn_as_one_point(client_as, budi, goal):
    GoalProgressFactory(goal=goal, recorded_on=day(0), value=64)

    root = drawn(client_as(budi).get(url_of(goal)))

    assert values(root) == [f"{in_indonesian_date(day(0))}: 64%"]
    assert in_indonesian("No progress recorded yet") not in texts(root)


def test_a_goal_without_an_indicator_is_drawn_in_percent_up_to_100(client_as, budi, engagement):
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")
    GoalProgressFactory(goal=goal, value=40)

    root = drawn(client_as(budi).get(url_of(goal)))

    assert root.find(f"{SVG}title").text == "Mendelegasikan dua tugas rutin"
    assert values(root) == [f"{in_indonesian_date(day(0))}: 40%"]
    assert "0%" in texts(root)
    assert "100%" in texts(root)
    assert in_indonesian("Baseline") not in texts(root)


def test_a_decreasing_target_is_drawn_in_its_unit(client_as, budi, engagement):
    goal = GoalFactory(
        engagement=engagement,
        title="Mempercepat verifikasi SKP dari 10 hari menjadi 5 hari",
        indicator="hari kerja untuk verifikasi SKP",
        unit="hari",
        baseline=10,
        target=5,
    )
    GoalProgressFactory(goal=goal, value=8)

    root = drawn(client_as(budi).get(url_of(goal)))

    assert values(root) == [f"{in_indonesian_date(day(0))}: 8 hari"]


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, goal, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(goal))

    assert response.status_code == 404
    assert b"<svg" not in response.content


def test_anonymous_visitor_is_sent_to_log_in(client, goal):
    response = client.get(url_of(goal))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/goals/{goal.pk}/chart.svg"
