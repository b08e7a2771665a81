"""The coach's own list of analyses: only theirs, and a constant number of queries."""

import pytest
from django.urls import reverse

from tests.analyzer.factories import TranscriptFactory
from tests.factories import EngagementFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = reverse("analyzer:transcript-list")


def test_the_coach_sees_their_analyses_newest_first_with_the_share_they_spoke(client_as, sari, engagement):
    older = TranscriptFactory(session=SessionFactory(engagement=engagement))
    newer = TranscriptFactory(session=SessionFactory(engagement=engagement))
    TranscriptFactory()  # another coach's
    response = client_as(sari).get(URL)
    assert list(response.context["page"]) == [newer, older]
    assert "64%" in response.content.decode()


def test_the_coachee_and_others_see_none_of_the_coach_analyses(client_as, budi, wayan, engagement):
    TranscriptFactory(session=SessionFactory(engagement=engagement))
    for person in (budi, wayan):
        assert list(client_as(person).get(URL).context["page"]) == []


@pytest.mark.parametrize("count", [1, 3])
def test_the_list_costs_the_same_queries_for_one_or_three_analyses(client_as, sari, django_assert_num_queries, count):
    for _ in range(count):
        TranscriptFactory(session=SessionFactory(engagement=EngagementFactory(coach=sari)))
    client = client_as(sari)
    # The login session and the user, then the page's count and its rows with their sessions and coachees.
    with django_assert_num_queries(4):
        response = client.get(URL)
    assert len(response.context["page"]) == count
