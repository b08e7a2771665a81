"""Adding a goal: the coach or the coachee of an open engagement."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import EngagementStatus, Goal

pytestmark = pytest.mark.django_db


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/goals/new/"


@pytest.fixture
def in_a_month():
    return timezone.localdate() + datetime.timedelta(days=30)


def test_coach_gets_the_goal_form(client_as, sari, engagement):
    response = client_as(sari).get(url_of(engagement))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<input type="text" name="title" maxlength="300"' in html
    assert '<input type="date" name="target_date"' in html
    assert f'<a class="btn btn-outline-secondary" href="/coaching/engagements/{engagement.pk}/">' in html


def test_coach_adds_a_goal(client_as, sari, engagement, in_a_month):
    response = client_as(sari).post(
        url_of(engagement),
        {"title": "Mendelegasikan dua tugas rutin", "description": "Mulai dari laporan.", "target_date": in_a_month},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"
    assert list(Goal.objects.values_list("engagement", "title", "description", "target_date", "status")) == [
        (engagement.pk, "Mendelegasikan dua tugas rutin", "Mulai dari laporan.", in_a_month, "open")
    ]


def test_coachee_adds_a_goal_without_a_target_date(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak", "target_date": ""})

    assert response.status_code == 302
    assert response["Location"] == f"/coaching/engagements/{engagement.pk}/"
    assert list(Goal.objects.values_list("title", "target_date")) == [("Berani berkata tidak", None)]


def test_added_goal_appears_on_the_engagement_with_a_confirmation(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak"}, follow=True)

    html = response.content.decode()
    assert in_indonesian("Goal added.") in html
    assert '<div class="fw-semibold">Berani berkata tidak</div>' in html


def test_goal_with_a_target_date_in_the_past_is_shown_again_and_not_saved(client_as, budi, engagement):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak", "target_date": yesterday})

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("The target date is in the past; pick a future date.") in html
    assert 'value="Berani berkata tidak"' in html
    assert Goal.objects.count() == 0


def test_goal_without_a_title_is_refused(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {"title": "  "})

    assert response.status_code == 200
    assert in_indonesian("Some fields need fixing; see the messages below them.") in response.content.decode()
    assert Goal.objects.count() == 0


def test_closed_engagement_takes_no_goals(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    response = client_as(budi).post(url_of(closed), {"title": "Berani berkata tidak"})

    assert response.status_code == 403
    assert Goal.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(engagement))

    assert response.status_code == 404
    assert "Delegasi tugas di tim baru" not in response.content.decode()


def test_supervisor_cannot_add_a_goal_for_their_staff(client_as, wayan, engagement):
    response = client_as(wayan).post(url_of(engagement), {"title": "Target dari atasan"})

    assert response.status_code == 404
    assert Goal.objects.count() == 0


def test_anonymous_visitor_is_sent_to_log_in(client, engagement):
    response = client.get(url_of(engagement))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/engagements/{engagement.pk}/goals/new/"
