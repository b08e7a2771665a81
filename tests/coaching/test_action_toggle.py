"""Ticking an action done or reopening it: a POST by the coach or the coachee, in place with htmx."""

import pytest
from django.utils import timezone

from tests.factories import ActionItemFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def item(engagement, budi):
    return ActionItemFactory(engagement=engagement, title="Serahkan laporan bulanan kepada Andi", owner=budi)


def url_of(item) -> str:
    return f"/coaching/actions/{item.pk}/toggle/"


def test_coachee_ticks_an_action_done(client_as, budi, engagement, item):
    before = timezone.now()

    response = client_as(budi).post(url_of(item), {"done": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"
    item.refresh_from_db()
    assert before <= item.done_at <= timezone.now()
    assert item.done_by == budi


def test_coach_reopens_a_done_action(client_as, sari, budi, item):
    item.done_at, item.done_by = timezone.now(), budi
    item.save()

    client_as(sari).post(url_of(item), {"done": "0"})

    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)


def test_with_htmx_the_answer_is_the_row_alone(client_as, budi, item):
    response = client_as(budi).post(url_of(item), {"done": "1"}, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<li class="list-group-item')
    assert f'id="action-{item.pk}"' in html
    assert " action-done" in html
    assert '<div class="action-title">Serahkan laporan bulanan kepada Andi</div>' in html
    assert '<input type="hidden" name="done" value="0">' in html
    assert "<html" not in html
    assert "<nav" not in html


def test_with_htmx_a_reopened_row_is_no_longer_marked_done(client_as, budi, item):
    item.done_at, item.done_by = timezone.now(), budi
    item.save()

    response = client_as(budi).post(url_of(item), {"done": "0"}, headers=HTMX)

    html = response.content.decode()
    assert f'id="action-{item.pk}"' in html
    assert "action-done" not in html
    assert '<input type="hidden" name="done" value="1">' in html


def test_next_on_this_site_is_followed(client_as, budi, item):
    response = client_as(budi).post(url_of(item), {"done": "1", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.parametrize(
    "next_url", ["https://phishing.example.com/", "//phishing.example.com/", "javascript:alert(1)"]
)
def test_next_to_another_site_is_ignored(client_as, budi, engagement, item, next_url):
    response = client_as(budi).post(url_of(item), {"done": "1", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"


def test_get_is_not_allowed(client_as, budi, item):
    response = client_as(budi).get(url_of(item))

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    item.refresh_from_db()
    assert item.done_at is None


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_change_nothing(client_as, item, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(item), {"done": "1"}, headers=HTMX)

    assert response.status_code == 404
    assert "Serahkan laporan bulanan kepada Andi" not in response.content.decode()
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)


def test_supervisor_cannot_tick_their_staffs_action(client_as, wayan, item):
    response = client_as(wayan).post(url_of(item), {"done": "1"})

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.done_at is None


def test_anonymous_visitor_is_sent_to_log_in(client, item):
    response = client.post(url_of(item), {"done": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/actions/{item.pk}/toggle/"
    item.refresh_from_db()
    assert item.done_at is None
