"""Logging a session with its agreed actions: only the coach of an open engagement may."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext, override

from tests.factories import EngagementFactory
from tests.helpers import PRIVATE_NOTES, SHARED_NOTES, in_indonesian
from tumbuh.coaching.models import ActionItem, EngagementStatus, Session, SessionStatus

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/sessions/new/"


@pytest.fixture
def three_days_ago():
    """A past day as Sari (WITA) sees it."""
    return timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=3)


@pytest.fixture
def next_week():
    return timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=7)


@pytest.fixture
def form_data(budi, three_days_ago, next_week):
    """What the coach's browser sends: one filled action row and two left empty (their owner select still posts)."""
    return {
        "scheduled_at": f"{three_days_ago.isoformat()}T10:00",
        "duration_minutes": "45",
        "mode": "online",
        "meeting_url": "https://meet.example.id/delegasi",
        "location": "",
        "shared_notes": SHARED_NOTES,
        "private_notes": PRIVATE_NOTES,
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
        "actions-0-title": "Serahkan laporan bulanan kepada Andi",
        "actions-0-owner": str(budi.pk),
        "actions-0-due_on": next_week.isoformat(),
        "actions-1-title": "",
        "actions-1-owner": str(budi.pk),
        "actions-1-due_on": "",
        "actions-2-title": "",
        "actions-2-owner": str(budi.pk),
        "actions-2-due_on": "",
    }


def test_coach_gets_the_form_with_three_empty_action_rows(client_as, sari, engagement):
    response = client_as(sari).get(url_of(engagement))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<input type="hidden" name="actions-TOTAL_FORMS" value="3"' in html
    assert html.count('<div class="row g-2 border-bottom mb-2 action-row">') == 3
    with override("id"):
        coachee_choice = gettext("%(name)s (coachee)") % {"name": "Budi Santoso"}
        coach_choice = gettext("%(name)s (coach)") % {"name": "Sari Wulandari"}
    assert html.count(f'<option value="{engagement.coachee_id}">{coachee_choice}</option>') == 3
    assert html.count(f'<option value="{engagement.coach_id}">{coach_choice}</option>') == 3


def test_coach_logs_a_session_with_one_action(
    client_as, sari, budi, engagement, form_data, three_days_ago, next_week, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(sari).post(url_of(engagement), form_data)

    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"
    assert session.engagement == engagement
    assert session.scheduled_at == datetime.datetime.combine(three_days_ago, datetime.time(10, 0), tzinfo=MAKASSAR)
    assert session.status == SessionStatus.HELD
    assert (session.duration_minutes, session.mode, session.meeting_url) == (
        45,
        "online",
        "https://meet.example.id/delegasi",
    )
    assert (session.shared_notes, session.private_notes) == (SHARED_NOTES, PRIVATE_NOTES)
    assert list(ActionItem.objects.values_list("session", "title", "owner", "due_on")) == [
        (session.pk, "Serahkan laporan bulanan kepada Andi", budi.pk, next_week)
    ]
    assert [message.to for message in mail.outbox] == [["budi@babelprov.go.id"]]


def test_after_logging_the_coach_lands_on_the_session_with_a_confirmation(client_as, sari, engagement, form_data):
    client = client_as(sari)

    response = client.post(url_of(engagement), form_data, follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [(f"/coaching/sessions/{Session.objects.get().pk}/", 302)]
    assert in_indonesian("Session recorded.") in html
    assert SHARED_NOTES in html


def test_offline_session_without_a_place_is_shown_again_with_what_was_typed(
    client_as, sari, engagement, form_data, django_capture_on_commit_callbacks
):
    form_data.update(mode="offline", location="")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(sari).post(url_of(engagement), form_data)

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("An in-person session needs a place; write where you meet.") in html
    assert SHARED_NOTES in html
    assert PRIVATE_NOTES in html
    assert 'value="Serahkan laporan bulanan kepada Andi"' in html
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)
    assert mail.outbox == []


def test_action_due_in_the_past_is_refused_and_nothing_is_saved(client_as, sari, engagement, form_data):
    yesterday = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)
    form_data["actions-0-due_on"] = yesterday.isoformat()

    response = client_as(sari).post(url_of(engagement), form_data)

    html = response.content.decode()
    expected = in_indonesian("The due date %(date)s is in the past; pick today or a later date.") % {
        "date": yesterday.isoformat()
    }
    assert response.status_code == 200
    assert expected in html
    assert SHARED_NOTES in html
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_action_row_without_a_due_date_is_refused(client_as, sari, engagement, form_data):
    form_data["actions-0-due_on"] = ""

    response = client_as(sari).post(url_of(engagement), form_data)

    assert response.status_code == 200
    assert in_indonesian("Give the action a due date.") in response.content.decode()
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_coachee_cannot_open_the_form(client_as, budi, engagement):
    response = client_as(budi).get(url_of(engagement))

    assert response.status_code == 403
    assert SHARED_NOTES not in response.content.decode()


def test_coachee_cannot_log_a_session(client_as, budi, engagement, form_data):
    response = client_as(budi).post(url_of(engagement), form_data)

    assert response.status_code == 403
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_coach_cannot_log_a_session_in_a_closed_engagement(client_as, sari, budi, form_data):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    response = client_as(sari).post(url_of(closed), form_data)

    assert response.status_code == 403
    assert Session.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).get(url_of(engagement))

    assert response.status_code == 404
    assert "Delegasi tugas di tim baru" not in response.content.decode()


def test_supervisor_cannot_log_a_session_for_their_staff(client_as, wayan, engagement, form_data):
    response = client_as(wayan).post(url_of(engagement), form_data)

    assert response.status_code == 404
    assert Session.objects.count() == 0


def test_anonymous_visitor_is_sent_to_log_in(client, engagement):
    response = client.get(url_of(engagement))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/engagements/{engagement.pk}/sessions/new/"
