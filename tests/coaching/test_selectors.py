"""Coaching reads that are not querysets: the planned end of an engagement, the follow-up a canvas proposes."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import AcceptedContractFactory, ContractFactory, EngagementFactory, SessionFactory
from tumbuh.coaching.models import EngagementStatus
from tumbuh.coaching.selectors import engagement_detail_for, follow_up_defaults, planned_end

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")


@pytest.fixture
def in_three_months():
    return timezone.localdate() + datetime.timedelta(days=90)


def fresh(engagement):
    """The engagement as the pages load it: contracts prefetched."""
    return engagement_detail_for(engagement.coach).get(pk=engagement.pk)


def test_planned_end_is_none_without_contract_or_end(engagement):
    assert planned_end(fresh(engagement)) is None


def test_planned_end_of_a_pending_first_version_is_its_end_date(engagement, in_three_months):
    ContractFactory(engagement=engagement, ends_on=in_three_months)

    assert planned_end(fresh(engagement)) == in_three_months


def test_planned_end_follows_the_contract_in_force_while_a_change_waits(engagement, in_three_months):
    AcceptedContractFactory(engagement=engagement, version=1, ends_on=in_three_months)
    ContractFactory(engagement=engagement, version=2, ends_on=in_three_months + datetime.timedelta(days=30))

    assert planned_end(fresh(engagement)) == in_three_months


def test_planned_end_without_contract_is_the_day_the_engagement_ended(sari, budi):
    # 20:00 UTC on 30 June is already 1 July in Jakarta (the site's zone).
    ended = EngagementFactory(
        coach=sari,
        coachee=budi,
        status=EngagementStatus.COMPLETED,
        ended_at=datetime.datetime(2026, 6, 30, 20, 0, tzinfo=datetime.UTC),
    )

    assert planned_end(ended) == datetime.date(2026, 7, 1)


def test_planned_end_reads_prefetched_contracts_without_a_query(engagement, django_assert_num_queries):
    ContractFactory(engagement=engagement)
    loaded = fresh(engagement)

    with django_assert_num_queries(0):
        planned_end(loaded)


def test_a_micro_sessions_follow_up_is_a_free_session_by_default(engagement):
    # The proposal is read on the active clock: Sari's, as the middleware would set it.
    with timezone.override(MAKASSAR):
        micro = SessionFactory(engagement=engagement, canvas="micro", mode="offline", location="Meja Budi")
        defaults = follow_up_defaults(micro)

    assert (defaults.days_after, defaults.canvas, defaults.mode, defaults.location) == (
        14,
        "free",
        "offline",
        "Meja Budi",
    )
