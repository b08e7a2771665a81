"""Adding an action outside a session: the coach or the coachee, owned by one of them, due today or later."""

import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import EngagementFactory, GoalFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import ActionItem, EngagementStatus

pytestmark = pytest.mark.django_db


def not_a_choice(value) -> str:
    """Django's own message for a value outside a select's choices."""
    return in_indonesian("Select a valid choice. %(value)s is not one of the available choices.") % {"value": value}


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/actions/new/"


@pytest.fixture
def next_week():
    return timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture
def goal(engagement):
    return GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")


def test_form_offers_the_two_participants_and_the_engagements_goals(client_as, budi, engagement, goal):
    other_goal = GoalFactory(title="Tujuan pendampingan lain")

    response = client_as(budi).get(url_of(engagement))

    html = response.content.decode()
    with override("id"):
        coachee_choice = gettext("%(name)s (coachee)") % {"name": "Budi Santoso"}
        coach_choice = gettext("%(name)s (coach)") % {"name": "Sari Wulandari"}
    assert response.status_code == 200
    assert f'<option value="{engagement.coachee_id}">{coachee_choice}</option>' in html
    assert f'<option value="{engagement.coach_id}">{coach_choice}</option>' in html
    assert f'<option value="{goal.pk}">Mendelegasikan dua tugas rutin</option>' in html
    assert other_goal.title not in html


def test_coachee_adds_an_action_for_a_goal(client_as, budi, engagement, goal, next_week):
    response = client_as(budi).post(
        url_of(engagement),
        {"title": "Serahkan laporan bulanan kepada Andi", "owner": budi.pk, "due_on": next_week, "goal": goal.pk},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"
    assert list(ActionItem.objects.values_list("engagement", "title", "owner", "due_on", "goal", "session")) == [
        (engagement.pk, "Serahkan laporan bulanan kepada Andi", budi.pk, next_week, goal.pk, None)
    ]


def test_coach_adds_an_action_she_owns_herself(client_as, sari, engagement, next_week):
    response = client_as(sari).post(
        url_of(engagement), {"title": "Kirim bacaan tentang delegasi", "owner": sari.pk, "due_on": next_week}
    )

    assert response.status_code == 302
    assert list(ActionItem.objects.values_list("title", "owner", "goal")) == [
        ("Kirim bacaan tentang delegasi", sari.pk, None)
    ]


def test_added_action_appears_on_the_engagement_with_a_confirmation(client_as, budi, engagement, next_week):
    response = client_as(budi).post(
        url_of(engagement), {"title": "Serahkan laporan bulanan", "owner": budi.pk, "due_on": next_week}, follow=True
    )

    html = response.content.decode()
    assert in_indonesian("Action added.") in html
    assert '<div class="action-title">Serahkan laporan bulanan</div>' in html


def test_action_due_in_the_past_is_shown_again_and_not_saved(client_as, budi, engagement):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client_as(budi).post(
        url_of(engagement), {"title": "Serahkan laporan bulanan", "owner": budi.pk, "due_on": yesterday}
    )

    html = response.content.decode()
    expected = in_indonesian("The due date %(date)s is in the past; pick today or a later date.") % {
        "date": yesterday.isoformat()
    }
    assert response.status_code == 200
    assert expected in html
    assert 'value="Serahkan laporan bulanan"' in html
    assert ActionItem.objects.count() == 0


def test_owner_outside_the_engagement_cannot_be_chosen(client_as, budi, wayan, engagement, next_week):
    response = client_as(budi).post(
        url_of(engagement), {"title": "Setujui rencana delegasi", "owner": wayan.pk, "due_on": next_week}
    )

    assert response.status_code == 200
    assert not_a_choice(wayan.pk) in response.content.decode()
    assert ActionItem.objects.count() == 0


def test_goal_of_another_engagement_cannot_be_chosen(client_as, budi, engagement, next_week):
    other_goal = GoalFactory()

    response = client_as(budi).post(
        url_of(engagement),
        {"title": "Serahkan laporan bulanan", "owner": budi.pk, "due_on": next_week, "goal": other_goal.pk},
    )

    assert response.status_code == 200
    assert not_a_choice(other_goal.pk) in response.content.decode()
    assert ActionItem.objects.count() == 0


def test_closed_engagement_takes_no_actions(client_as, sari, budi, next_week):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.CANCELLED)

    response = client_as(budi).post(
        url_of(closed), {"title": "Serahkan laporan bulanan", "owner": budi.pk, "due_on": next_week}
    )

    assert response.status_code == 403
    assert ActionItem.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(engagement))

    assert response.status_code == 404
    assert "Delegasi tugas di tim baru" not in response.content.decode()


def test_supervisor_cannot_give_their_staff_an_action(client_as, wayan, budi, engagement, next_week):
    response = client_as(wayan).post(
        url_of(engagement), {"title": "Lapor ke atasan", "owner": budi.pk, "due_on": next_week}
    )

    assert response.status_code == 404
    assert ActionItem.objects.count() == 0


def test_anonymous_visitor_is_sent_to_log_in(client, engagement):
    response = client.get(url_of(engagement))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/engagements/{engagement.pk}/actions/new/"
