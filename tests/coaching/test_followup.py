"""The Will/Action stage of the canvas: its action rows become action items and it schedules the follow-up
session (proposed 14 days later, 7 to 14 allowed). Everything a save holds is saved, or nothing is.
"""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import formats, timezone
from django.utils.translation import override

from tests.coaching.test_canvas_page import canvas_form, url_of
from tests.factories import EngagementFactory, SessionFactory
from tests.helpers import in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import ActionItem, EngagementStatus, Session
from tumbuh.notifications.models import Notification

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
DAYS_OUT_OF_RANGE = "The follow-up comes 7 to 14 days after this session; pick a number of days in that range."
WILL_NOTES = "Budi memilih dua langkah untuk minggu ini."


@pytest.fixture
def yesterday():
    """Yesterday as Sari (WITA) sees it."""
    return timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)


@pytest.fixture
def session(engagement, yesterday):
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        scheduled_at=datetime.datetime.combine(yesterday, datetime.time(10, 0), tzinfo=MAKASSAR),
        duration_minutes=45,
        meeting_url="https://meet.babelprov.go.id/sari-budi",
    )


@pytest.fixture
def next_week():
    return timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=7)


@pytest.fixture
def two_actions(sari, budi, next_week):
    return [
        ("Bicara dengan Andi tentang laporan bulanan", budi.pk, next_week),
        ("Kirim contoh SOP delegasi", sari.pk, next_week + datetime.timedelta(days=3)),
    ]


def follow_up(days=14, at="10:00", mode="online", location="", canvas="grow") -> dict:
    return {"days_after": days, "at": at, "mode": mode, "location": location, "canvas": canvas}


def nothing_saved(session) -> bool:
    session.refresh_from_db()
    return (
        session.version == 1
        and session.stage_notes == {}
        and ActionItem.objects.count() == 0
        and Session.objects.count() == 1
    )


def test_coach_turns_will_into_two_actions_and_a_follow_up_fourteen_days_later(
    client_as, sari, budi, session, two_actions, yesterday, next_week, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(sari).post(
            url_of(session),
            canvas_form(session, notes={"will": WILL_NOTES}, actions=two_actions, follow_up=follow_up()),
        )

    later = Session.objects.get(follow_up_of=session)
    assert response.status_code == 302
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"
    actions = list(ActionItem.objects.order_by("pk").values_list("session", "title", "owner", "due_on"))
    assert actions == [
        (session.pk, "Bicara dengan Andi tentang laporan bulanan", budi.pk, next_week),
        (session.pk, "Kirim contoh SOP delegasi", sari.pk, next_week + datetime.timedelta(days=3)),
    ]
    starts = datetime.datetime.combine(yesterday + datetime.timedelta(days=14), datetime.time(10, 0), tzinfo=MAKASSAR)
    assert (later.scheduled_at, later.status, later.canvas, later.duration_minutes) == (starts, "scheduled", "grow", 45)
    assert (later.mode, later.meeting_url) == ("online", "https://meet.babelprov.go.id/sari-budi")
    assert (later.shared_notes, later.private_notes, later.stage_notes) == ("", "", {})
    session.refresh_from_db()
    assert (session.stage_notes, session.version) == ({"will": WILL_NOTES}, 2)
    with override("id"), timezone.override(JAKARTA):
        when = formats.date_format(timezone.localtime(starts), "l, j F Y H:i")
    notice = Notification.objects.get(recipient=budi)
    assert (notice.kind, notice.url) == ("invitations", f"/coaching/sessions/{later.pk}/")
    assert notice.text == in_indonesian("%(name)s planned a follow-up session with you: %(when)s %(zone)s.") % {
        "name": "Sari Wulandari",
        "when": when,
        "zone": "WIB",
    }
    # Each gets the calendar invitation (tests/notifications/test_follow_up_invitation.py); the coach no notice.
    assert sorted(message.to for message in mail.outbox) == [["budi@babelprov.go.id"], ["sari@babelprov.go.id"]]
    assert not Notification.objects.filter(recipient=sari).exists()
    assert list(AuditEvent.objects.filter(action="session.follow_up.planned").values_list("actor", "target_id")) == [
        (sari.pk, str(later.pk))
    ]


@pytest.mark.parametrize("days", [7, 10])
def test_the_follow_up_can_come_sooner(client_as, sari, session, yesterday, days):
    response = client_as(sari).post(url_of(session), canvas_form(session, follow_up=follow_up(days=days, at="08:30")))

    assert response.status_code == 302
    later = Session.objects.get(follow_up_of=session)
    assert later.scheduled_at == datetime.datetime.combine(
        yesterday + datetime.timedelta(days=days), datetime.time(8, 30), tzinfo=MAKASSAR
    )


@pytest.mark.parametrize("days", [6, 15])
def test_a_follow_up_outside_seven_to_fourteen_days_is_refused(client_as, sari, session, two_actions, days):
    response = client_as(sari).post(
        url_of(session),
        canvas_form(session, notes={"will": WILL_NOTES}, actions=two_actions, follow_up=follow_up(days=days)),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert in_indonesian(DAYS_OUT_OF_RANGE) in html
    assert f">\n{WILL_NOTES}</textarea>" in html
    assert 'value="Bicara dengan Andi tentang laporan bulanan"' in html
    assert nothing_saved(session)


def test_one_bad_action_row_saves_nothing_and_keeps_everything_typed(client_as, sari, budi, session, next_week):
    last_week = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=7)
    rows = [("Bicara dengan Andi", budi.pk, next_week), ("Susun jadwal piket", budi.pk, last_week)]

    response = client_as(sari).post(
        url_of(session), canvas_form(session, notes={"will": WILL_NOTES}, actions=rows, follow_up=follow_up())
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        in_indonesian("Nothing was saved. Fix the fields marked below and save again; what you typed is kept.") in html
    )
    second_row = html.split('id="id_actions-1-due_on"', 1)[1].split('id="id_actions-2-title"', 1)[0]
    message = in_indonesian("The due date %(date)s is in the past; pick today or a later date.") % {
        "date": last_week.isoformat()
    }
    assert f'<div class="invalid-feedback d-block">{message}</div>' in second_row
    assert html.count('<div class="invalid-feedback d-block">') == 1
    assert 'value="Bicara dengan Andi"' in html
    assert 'value="Susun jadwal piket"' in html
    assert f">\n{WILL_NOTES}</textarea>" in html
    assert '<option value="14" selected>' in html
    assert nothing_saved(session)
    assert Notification.objects.count() == 0


def test_an_action_without_a_due_date_saves_nothing(client_as, sari, budi, session):
    response = client_as(sari).post(
        url_of(session),
        canvas_form(session, notes={"will": WILL_NOTES}, actions=[("Bicara dengan Andi", budi.pk, None)]),
    )

    assert response.status_code == 200
    assert in_indonesian("Give the action a due date.") in response.content.decode()
    assert nothing_saved(session)


def test_saving_without_scheduling_creates_the_actions_only(client_as, sari, session, two_actions):
    response = client_as(sari).post(url_of(session), canvas_form(session, actions=two_actions))

    assert response.status_code == 302
    assert response["Location"] == url_of(session)
    assert ActionItem.objects.filter(session=session).count() == 2
    assert Session.objects.count() == 1
    html = client_as(sari).get(url_of(session)).content.decode()
    assert '<span class="action-title">Kirim contoh SOP delegasi</span>' in html
    assert 'name="actions-0-title"' in html  # fresh rows for more actions
    assert 'value="Kirim contoh SOP delegasi"' not in html


def test_no_second_follow_up_once_one_is_planned(client_as, sari, session, yesterday):
    client = client_as(sari)
    client.post(url_of(session), canvas_form(session, follow_up=follow_up()))
    session.refresh_from_db()
    planned = Session.objects.get(follow_up_of=session)

    html = client.get(url_of(session)).content.decode()
    again = client.post(url_of(session), canvas_form(session, follow_up=follow_up(days=7)))

    assert in_indonesian("Save and schedule the follow-up") not in html
    assert f'<a href="/coaching/sessions/{planned.pk}/" class="follow-up-link">' in html
    assert again.status_code == 302
    assert list(Session.objects.filter(follow_up_of=session)) == [planned]


def test_a_cancelled_follow_up_can_be_replaced(client_as, sari, session):
    SessionFactory(engagement=session.engagement, follow_up_of=session, status="cancelled")

    response = client_as(sari).post(url_of(session), canvas_form(session, follow_up=follow_up()))

    assert response.status_code == 302
    assert Session.objects.filter(follow_up_of=session, status="scheduled").count() == 1


def test_follow_up_takes_mode_and_place_from_the_session_by_default(client_as, sari, engagement, yesterday):
    session = SessionFactory(
        engagement=engagement,
        canvas="oscar",
        mode="offline",
        location="Ruang rapat BKPSDM",
        scheduled_at=datetime.datetime.combine(yesterday, datetime.time(14, 0), tzinfo=MAKASSAR),
    )

    html = client_as(sari).get(url_of(session)).content.decode()

    assert 'name="follow_up-at" value="14:00"' in html
    assert '<option value="offline" selected>' in html
    assert 'name="follow_up-location" value="Ruang rapat BKPSDM"' in html
    assert '<option value="oscar" selected>OSCAR</option>' in html


def test_in_person_follow_up_needs_a_place(client_as, sari, session):
    response = client_as(sari).post(url_of(session), canvas_form(session, follow_up=follow_up(mode="offline")))

    assert in_indonesian("An in-person session needs a place; write where you meet.") in response.content.decode()
    assert nothing_saved(session)


def test_a_follow_up_day_already_past_is_refused(client_as, sari, engagement):
    old = SessionFactory(
        engagement=engagement, canvas="grow", scheduled_at=timezone.now() - datetime.timedelta(days=20)
    )

    response = client_as(sari).post(url_of(old), canvas_form(old, follow_up=follow_up(days=14)))

    html = response.content.decode()
    assert response.status_code == 200
    day = timezone.localtime(old.scheduled_at, MAKASSAR).date() + datetime.timedelta(days=14)
    with override("id"):
        date = formats.date_format(day, "j F Y")
    assert (
        in_indonesian(
            "%(date)s has already passed; pick a later day, or plan the next session with “Log a session” on the "
            "engagement page."
        )
        % {"date": date}
        in html
    )
    assert Session.objects.count() == 1


def test_coachee_sees_the_actions_and_the_follow_up(client_as, sari, budi, session, two_actions):
    client_as(sari).post(url_of(session), canvas_form(session, actions=two_actions, follow_up=follow_up()))
    planned = Session.objects.get(follow_up_of=session)

    detail = client_as(budi).get(f"/coaching/sessions/{session.pk}/").content.decode()
    engagement_page = client_as(budi).get(f"/coaching/engagements/{session.engagement_id}/").content.decode()
    follow_up_page = client_as(budi).get(f"/coaching/sessions/{planned.pk}/").content.decode()

    assert '<span class="action-title">Bicara dengan Andi tentang laporan bulanan</span>' in detail
    assert '<span class="action-title">Kirim contoh SOP delegasi</span>' in detail
    assert f'<a href="/coaching/sessions/{planned.pk}/" class="follow-up-link">' in detail
    assert f'<a href="/coaching/sessions/{planned.pk}/">' in engagement_page
    assert '<div class="action-title">Bicara dengan Andi tentang laporan bulanan</div>' in engagement_page
    assert f'<a href="/coaching/sessions/{session.pk}/">' in follow_up_page


def test_closed_engagement_takes_no_actions_from_the_canvas(client_as, sari, budi, next_week):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    session = SessionFactory(engagement=closed, canvas="grow")

    response = client_as(sari).post(
        url_of(session),
        canvas_form(
            session, notes={"will": WILL_NOTES}, actions=[("Bicara", budi.pk, next_week)], follow_up=follow_up()
        ),
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.stage_notes == {"will": WILL_NOTES}
    assert ActionItem.objects.count() == 0
    assert Session.objects.count() == 1
