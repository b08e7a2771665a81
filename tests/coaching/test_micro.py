"""Micro-coaching: one screen, 10 to 15 minutes, one focus, one insight, one action; the coach of an open engagement."""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import EngagementFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.models import ActionItem, EngagementStatus, Session

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")
FOCUS = "Cara menolak tugas tambahan dari unit lain."
INSIGHT = "Budi sadar ia belum pernah menyampaikan beban kerjanya kepada atasan."
ACTION = "Tulis daftar tugas minggu ini dan bawa ke rapat dengan Pak Wayan"


def url_of(engagement) -> str:
    return f"/coaching/engagements/{engagement.pk}/micro/"


@pytest.fixture
def started():
    """Ten minutes ago, on Sari's clock (WITA), as the form posts it."""
    return (timezone.now() - datetime.timedelta(minutes=10)).astimezone(MAKASSAR).replace(second=0, microsecond=0)


@pytest.fixture
def form_data(budi, started):
    return {
        "focus": FOCUS,
        "insight": INSIGHT,
        "title": ACTION,
        "owner": str(budi.pk),
        "due_on": (timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=3)).isoformat(),
        "scheduled_at": started.strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "15",
        "mode": "offline",
        "location": "Meja kerja Budi",
    }


def test_coach_gets_one_screen_with_fifteen_minutes_starting_now(client_as, sari, engagement):
    html = client_as(sari).get(url_of(engagement)).content.decode()

    now = timezone.localtime(timezone=MAKASSAR).strftime("%Y-%m-%dT%H:")
    assert re.search(rf'name="scheduled_at" value="{now}\d\d"', html)
    assert '<option value="15" selected>15</option>' in html
    assert re.findall(r'<option value="(\d+)"', html.split('name="duration_minutes"')[1].split("</select>")[0]) == [
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
    ]
    for field in ("focus", "insight", "title", "owner", "due_on"):
        assert f'for="id_{field}"' in html
    assert in_indonesian("Save micro-coaching") in html


def test_one_post_records_the_held_session_and_its_action(client_as, sari, budi, engagement, form_data, started):
    response = client_as(sari).post(url_of(engagement), form_data)

    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"
    assert (session.canvas, session.status, session.duration_minutes, session.scheduled_at) == (
        "micro",
        "held",
        15,
        started,
    )
    assert (session.mode, session.location) == ("offline", "Meja kerja Budi")
    assert session.stage_notes == {"focus": FOCUS, "insight": INSIGHT, "action": ACTION}
    action = ActionItem.objects.get()
    assert (action.session, action.title, action.owner, action.due_on) == (
        session,
        ACTION,
        budi,
        timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=3),
    )


def test_the_coachee_reads_focus_insight_and_action_on_the_session_page(client_as, sari, budi, engagement, form_data):
    client_as(sari).post(url_of(engagement), form_data)
    session = Session.objects.get()

    html = client_as(budi).get(f"/coaching/sessions/{session.pk}/").content.decode()

    assert f'<dd class="notes stage-notes">{FOCUS}</dd>' in html
    assert f'<dd class="notes stage-notes">{INSIGHT}</dd>' in html
    assert f'<span class="action-title">{ACTION}</span>' in html


@pytest.mark.parametrize("minutes", ["9", "16", "60"])
def test_a_micro_session_lasts_ten_to_fifteen_minutes(client_as, sari, engagement, form_data, minutes):
    response = client_as(sari).post(url_of(engagement), form_data | {"duration_minutes": minutes})

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("A micro-coaching session lasts 10 to 15 minutes.") in html
    assert f">\n{FOCUS}</textarea>" in html
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_missing_insight_and_due_date_keep_what_was_typed(client_as, sari, engagement, form_data):
    response = client_as(sari).post(url_of(engagement), form_data | {"insight": "", "due_on": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian("Write the one insight the coachee takes away.") in html
    assert in_indonesian("Give the action a due date.") in html
    assert f">\n{FOCUS}</textarea>" in html
    assert f'value="{ACTION}"' in html
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_a_due_date_in_the_past_saves_nothing(client_as, sari, engagement, form_data):
    yesterday = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)

    response = client_as(sari).post(url_of(engagement), form_data | {"due_on": yesterday.isoformat()})

    message = in_indonesian("The due date %(date)s is in the past; pick today or a later date.") % {
        "date": yesterday.isoformat()
    }
    assert message in response.content.decode()
    assert (Session.objects.count(), ActionItem.objects.count()) == (0, 0)


def test_a_micro_session_in_the_future_is_refused(client_as, sari, engagement, form_data):
    later = (timezone.now() + datetime.timedelta(hours=2)).astimezone(MAKASSAR)

    response = client_as(sari).post(url_of(engagement), form_data | {"scheduled_at": later.strftime("%Y-%m-%dT%H:%M")})

    assert (
        in_indonesian("A micro-coaching session is recorded once it has taken place; give the time it started.")
        in response.content.decode()
    )
    assert Session.objects.count() == 0


def test_coachee_may_not_record_micro_coaching(client_as, budi, engagement, form_data):
    response = client_as(budi).post(url_of(engagement), form_data)

    assert response.status_code == 403
    assert Session.objects.count() == 0


def test_closed_engagement_takes_no_micro_coaching(client_as, sari, budi, form_data):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)

    response = client_as(sari).post(url_of(closed), form_data)

    assert response.status_code == 403
    assert Session.objects.count() == 0


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404(client_as, engagement, form_data, outsider, request):
    response = client_as(request.getfixturevalue(outsider)).post(url_of(engagement), form_data)

    assert response.status_code == 404
    assert Session.objects.count() == 0
