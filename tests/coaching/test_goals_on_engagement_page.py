"""The engagement page's goals: indicator from baseline to target, the latest progress bar, SMART hints, a link."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import GoalFactory, GoalProgressFactory
from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/"


@pytest.fixture
def measured(engagement):
    return GoalFactory(
        engagement=engagement,
        title="Mempercepat verifikasi SKP dari 10 hari menjadi 5 hari",
        indicator="hari kerja untuk verifikasi SKP",
        unit="hari",
        baseline=Decimal(10),
        target=Decimal(5),
        target_date=timezone.localdate() + datetime.timedelta(days=40),
        relevance="Layanan kepegawaian lebih cepat.",
        created_at=timezone.now() - datetime.timedelta(days=20),
    )


def test_each_goal_shows_its_indicator_latest_progress_and_a_link(client_as, budi, engagement, measured):
    GoalProgressFactory(goal=measured, value=9, recorded_on=timezone.localdate() - datetime.timedelta(days=10))
    GoalProgressFactory(goal=measured, value=7)

    html = client_as(budi).get(url_of(engagement)).content.decode()

    assert (
        '<div class="small">hari kerja untuk verifikasi SKP: <span class="text-nowrap">10 hari → 5 hari</span></div>'
        in html
    )
    assert 'aria-valuenow="60"' in html
    assert '<div class="progress-bar bg-tumbuh w-pct-60">60%</div>' in html
    assert f'<a href="/coaching/goals/{measured.pk}/">{in_indonesian("Progress and details")}</a>' in html
    assert '<span class="badge text-bg-success">SMART</span>' in html


def test_a_goal_without_progress_has_no_bar_and_counts_its_hints(client_as, sari, engagement):
    GoalFactory(engagement=engagement, title="Memperbaiki komunikasi")

    html = client_as(sari).get(url_of(engagement)).content.decode()

    assert 'class="progress my-1"' not in html
    assert '<span class="badge text-bg-warning" title="S S M R T ">' in html
