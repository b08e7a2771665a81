"""Adding a goal: the coach or the coachee of an open engagement."""

import datetime
from decimal import Decimal

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
    assert 'name="indicator"' in html
    assert 'name="baseline"' in html
    assert 'name="target"' in html
    assert 'name="relevance"' in html
    # Hints arrive while typing: the form posts itself to the SMART check half a second after a change.
    assert (
        f'hx-post="/coaching/engagements/{engagement.pk}/goals/check/" hx-trigger="input changed delay:500ms" '
        'hx-target="#smart-hints"'
    ) in html
    assert '<div id="smart-hints" aria-live="polite">' in html
    assert f'<a class="btn btn-outline-secondary" href="/coaching/engagements/{engagement.pk}/">' in html


def test_coach_adds_a_goal(client_as, sari, engagement, in_a_month):
    response = client_as(sari).post(
        url_of(engagement),
        {"title": "Mendelegasikan dua tugas rutin", "description": "Mulai dari laporan.", "target_date": in_a_month},
    )

    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/goals/{goal.pk}/"
    assert list(Goal.objects.values_list("engagement", "title", "description", "target_date", "status")) == [
        (engagement.pk, "Mendelegasikan dua tugas rutin", "Mulai dari laporan.", in_a_month, "open")
    ]


def test_coachee_adds_a_smart_goal_with_its_indicator(client_as, budi, engagement, in_a_month):
    response = client_as(budi).post(
        url_of(engagement),
        {
            "title": "Menaikkan laporan terkirim tepat waktu dari 60% menjadi 90%",
            "indicator": "persentase laporan terkirim tepat waktu",
            "unit": "%",
            "baseline": "60",
            "target": "90",
            "target_date": in_a_month,
            "relevance": "Target SKP tahun ini.",
            "skp_reference": "SKP 2026 butir 3",
        },
    )

    assert response.status_code == 302
    assert list(Goal.objects.values_list("indicator", "unit", "baseline", "target", "relevance", "skp_reference")) == [
        (
            "persentase laporan terkirim tepat waktu",
            "%",
            Decimal(60),
            Decimal(90),
            "Target SKP tahun ini.",
            "SKP 2026 butir 3",
        )
    ]


def test_coachee_adds_a_goal_without_a_target_date(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak", "target_date": ""})

    goal = Goal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/goals/{goal.pk}/"
    assert (goal.title, goal.target_date) == ("Berani berkata tidak", None)


def test_added_goal_opens_its_page_with_a_confirmation_and_its_smart_hints(client_as, budi, engagement):
    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak"}, follow=True)

    html = response.content.decode()
    assert in_indonesian("Goal added.") in html
    assert '<h1 class="h3 mb-1">Berani berkata tidak</h1>' in html
    assert 'data-hint="measurable.no_number"' in html
    assert 'data-hint="time_bound.no_deadline"' in html


def test_goal_with_a_target_date_in_the_past_is_shown_again_and_not_saved(client_as, budi, engagement):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client_as(budi).post(url_of(engagement), {"title": "Berani berkata tidak", "target_date": yesterday})

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("The target date is in the past; pick a future date.") in html
    assert 'value="Berani berkata tidak"' in html
    assert Goal.objects.count() == 0


def test_past_deadline_keeps_every_typed_field_shows_the_hints_and_saves_nothing(client_as, budi, engagement):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client_as(budi).post(
        url_of(engagement),
        {
            "title": "Memperbaiki laporan",
            "indicator": "laporan terkirim tepat waktu",
            "unit": "dokumen",
            "baseline": "3",
            "target": "12",
            "target_date": yesterday,
            "relevance": "Bagian dari SKP.",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="laporan terkirim tepat waktu"' in html
    assert 'value="dokumen"' in html
    assert 'name="baseline" value="3"' in html
    assert 'name="target" value="12"' in html
    assert f'value="{yesterday.isoformat()}"' in html
    assert "Bagian dari SKP.</textarea>" in html
    assert 'data-hint="time_bound.deadline_past"' in html
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
