"""An engagement's page: its goals, sessions and actions, for the coach and the coachee only."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ActionItemFactory, EngagementFactory, GoalFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus

pytestmark = pytest.mark.django_db


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/"


@pytest.fixture
def filled(engagement, sari, budi):
    """The engagement with one goal, one session and two actions (one of them done)."""
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")
    session = SessionFactory(engagement=engagement)
    open_item = ActionItemFactory(engagement=engagement, title="Serahkan laporan bulanan kepada Andi", owner=budi)
    done_item = ActionItemFactory(
        engagement=engagement, title="Kirim bacaan tentang delegasi", owner=sari, done_at=timezone.now(), done_by=sari
    )
    return {"goal": goal, "session": session, "open": open_item, "done": done_item}


def test_coach_sees_goals_sessions_actions_and_may_log_a_session(client_as, sari, engagement, filled):
    response = client_as(sari).get(url_of(engagement))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="h3 mb-1">Delegasi tugas di tim baru</h1>' in html
    assert '<div class="fw-semibold">Mendelegasikan dua tugas rutin</div>' in html
    assert f'<a href="/coaching/sessions/{filled["session"].pk}/">' in html
    assert '<div class="action-title">Serahkan laporan bulanan kepada Andi</div>' in html
    assert '<div class="action-title">Kirim bacaan tentang delegasi</div>' in html
    assert f'href="/coaching/engagements/{engagement.pk}/sessions/new/"' in html
    assert f'href="/coaching/engagements/{engagement.pk}/goals/new/"' in html
    assert f'href="/coaching/engagements/{engagement.pk}/actions/new/"' in html


def test_coachee_sees_the_same_content_but_may_not_log_a_session(client_as, budi, engagement, filled):
    response = client_as(budi).get(url_of(engagement))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="fw-semibold">Mendelegasikan dua tugas rutin</div>' in html
    assert f'<a href="/coaching/sessions/{filled["session"].pk}/">' in html
    assert '<div class="action-title">Serahkan laporan bulanan kepada Andi</div>' in html
    assert "/sessions/new/" not in html
    assert in_indonesian("Log a session") not in html
    assert f'href="/coaching/engagements/{engagement.pk}/goals/new/"' in html
    assert f'href="/coaching/engagements/{engagement.pk}/actions/new/"' in html


def test_done_action_is_marked_done_and_offers_reopening(client_as, budi, engagement, filled):
    html = client_as(budi).get(url_of(engagement)).content.decode()

    done, still_open = filled["done"].pk, filled["open"].pk
    assert f'gap-2 action-done" id="action-{done}"' in html
    assert f'gap-2" id="action-{still_open}"' in html
    assert f'hx-post="/coaching/actions/{still_open}/toggle/"' in html


def test_closed_engagement_offers_no_new_sessions_goals_or_actions(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED, topic="Sudah selesai")

    html = client_as(sari).get(url_of(closed)).content.decode()

    assert '<h1 class="h3 mb-1">Sudah selesai</h1>' in html
    assert "/sessions/new/" not in html
    assert "/goals/new/" not in html
    assert "/actions/new/" not in html


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, filled, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(engagement))

    assert response.status_code == 404
    assert "Delegasi tugas di tim baru" not in response.content.decode()


def test_supervisor_cannot_see_the_actions_of_their_staff(client_as, wayan, engagement, filled):
    response = client_as(wayan).get(url_of(engagement))

    assert response.status_code == 404
    assert "Serahkan laporan bulanan kepada Andi" not in response.content.decode()


def test_unknown_engagement_is_404(client_as, sari, engagement):
    response = client_as(sari).get(f"/coaching/engagements/{engagement.pk + 1000}/")

    assert response.status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, engagement):
    response = client.get(url_of(engagement))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/engagements/{engagement.pk}/"


@pytest.mark.parametrize("item_count", [1, 3])
def test_engagement_detail_query_count_does_not_grow(
    client_as, sari, budi, engagement, item_count, django_assert_num_queries
):
    for n in range(item_count):
        goal = GoalFactory(engagement=engagement)
        session = SessionFactory(
            engagement=engagement, scheduled_at=timezone.now() - datetime.timedelta(days=7 * (n + 1))
        )
        ActionItemFactory(engagement=engagement, goal=goal, session=session, owner=[budi, sari][n % 2])
    client = client_as(sari)

    # 6, +1 the contracts (contract banner), +1 the goals' progress (progress bars; issue 4).
    with django_assert_num_queries(8):
        response = client.get(url_of(engagement))

    html = response.content.decode()
    assert html.count('<div class="action-title">') == item_count
    assert html.count('<a href="/coaching/sessions/') == item_count
    assert html.count('<div class="fw-semibold">') == item_count
