"""The "My engagements" page: each person sees the engagements they coach or are coached in, and no others."""

import pytest
from django.utils import timezone

from tests.factories import ActionItemFactory, EngagementFactory, SessionFactory
from tests.helpers import in_indonesian

pytestmark = pytest.mark.django_db

URL = "/coaching/"


def cell(value) -> str:
    return f'<td class="text-end d-none d-sm-table-cell">{value}</td>'


def test_coach_sees_the_engagement_with_the_coachee_and_its_counts(client_as, sari, engagement):
    SessionFactory.create_batch(2, engagement=engagement)
    ActionItemFactory(engagement=engagement)
    ActionItemFactory(engagement=engagement, done_at=timezone.now())

    response = client_as(sari).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/coaching/engagements/{engagement.pk}/">Delegasi tugas di tim baru</a>' in html
    assert f'Budi Santoso <span class="badge text-bg-light">{in_indonesian("coachee")}</span>' in html
    assert cell(2) + "\n    " + cell(1) in html


def test_coachee_sees_the_engagement_with_the_coach(client_as, budi, engagement):
    response = client_as(budi).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/coaching/engagements/{engagement.pk}/">Delegasi tugas di tim baru</a>' in html
    assert f'Sari Wulandari <span class="badge text-bg-light">{in_indonesian("coach")}</span>' in html


def test_engagements_of_other_people_are_not_listed(client_as, sari, budi, dewi, engagement):
    EngagementFactory(coach=sari, coachee=dewi, topic="Manajemen waktu")

    html = client_as(budi).get(URL).content.decode()

    assert "Delegasi tugas di tim baru" in html
    assert "Manajemen waktu" not in html


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_see_an_empty_list(client_as, engagement, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Delegasi tugas di tim baru" not in html
    assert f"/coaching/engagements/{engagement.pk}/" not in html
    assert (
        in_indonesian("You have no engagements yet. When a coach takes you on, or you coach someone, it appears here.")
        in html
    )


def test_anonymous_visitor_is_sent_to_log_in(client, engagement):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/coaching/"


@pytest.mark.parametrize("item_count", [1, 3])
def test_engagement_list_query_count_does_not_grow(
    client_as, sari, budi, dewi, wayan, item_count, django_assert_num_queries
):
    for coachee in [budi, dewi, wayan][:item_count]:
        engagement = EngagementFactory(coach=sari, coachee=coachee)
        SessionFactory(engagement=engagement)
        ActionItemFactory(engagement=engagement)
    client = client_as(sari)

    # 3, +1 the pending peer-coaching invitations (issue 4).
    with django_assert_num_queries(4):
        response = client.get(URL)

    assert response.content.decode().count('<a href="/coaching/engagements/') == item_count
