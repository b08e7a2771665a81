"""A follow-up planned on the canvas reaches both calendars: coach and coachee each get an e-mail with the .ics,
in their own language and on their own clock; nothing goes out unless the canvas is saved.
"""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import override
from icalendar import Calendar

from tests.factories import SessionFactory
from tests.helpers import in_indonesian
from tumbuh.coaching.invitations import send_follow_up_invitation
from tumbuh.coaching.models import Session
from tumbuh.coaching.services import ActionDraft, update_session
from tumbuh.coaching.services.canvas import FollowUpDraft, commit_will
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.links import jitsi_url
from tumbuh.notifications.models import Notification
from tumbuh.notifications.services import set_email_enabled

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
MEETING_URL = "https://meet.babelprov.go.id/sari-budi"


@pytest.fixture(autouse=True)
def sari_clock():
    # The canvas reads local dates on the active clock: Sari's, as the middleware would set it.
    with timezone.override(WITA):
        yield


@pytest.fixture
def sari_in_english(sari):
    sari.language = "en"
    sari.save()
    return sari


@pytest.fixture
def session(engagement):
    """Yesterday 10:00 WITA, online, 45 minutes: the follow-up proposed is 13 days from now at the same time."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        scheduled_at=datetime.datetime.combine(yesterday, datetime.time(10, 0), tzinfo=WITA),
        duration_minutes=45,
        meeting_url=MEETING_URL,
        shared_notes="Catatan bersama yang tidak boleh keluar dari Tumbuh.",
        private_notes="Catatan pribadi coach yang tidak boleh keluar dari Tumbuh.",
    )


def plan(session, by, capture, **draft) -> Session:
    with capture(execute=True):
        result = commit_will(session=session, by=by, follow_up=FollowUpDraft(**draft))
    assert result.follow_up is not None
    return result.follow_up


def mail_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def invitation_of(message):
    ((filename, content, mimetype),) = message.attachments
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return filename, mimetype, calendar, event


def local_when(moment: datetime.datetime, *, language: str, zone: zoneinfo.ZoneInfo) -> str:
    with override(language), timezone.override(zone):
        local = timezone.localtime(moment)
        return f"{formats.date_format(local, 'l, j F Y H:i')} {local.tzname()}"


def test_coach_and_coachee_each_get_one_invitation_to_the_follow_up(
    session, sari, budi, django_capture_on_commit_callbacks
):
    later = plan(session, sari, django_capture_on_commit_callbacks)

    assert sorted(m.to for m in mail.outbox) == [["budi@babelprov.go.id"], ["sari@babelprov.go.id"]]
    for address in ("sari@babelprov.go.id", "budi@babelprov.go.id"):
        filename, mimetype, calendar, event = invitation_of(mail_to(address))
        assert (filename, mimetype) == ("undangan.ics", "text/calendar; method=REQUEST; charset=UTF-8")
        assert (str(calendar["PRODID"]), str(calendar["VERSION"]), str(calendar["METHOD"])) == (
            "-//Tumbuh//ID",
            "2.0",
            "REQUEST",
        )
        assert str(event["UID"]) == f"session-{later.pk}@tumbuh"
        assert (event["SEQUENCE"], str(event["STATUS"])) == (0, "CONFIRMED")
        assert event["DTSTART"].dt == later.scheduled_at
        assert event["DTEND"].dt - event["DTSTART"].dt == datetime.timedelta(minutes=45)
        assert str(event["ORGANIZER"]) == "mailto:sari@babelprov.go.id"
        assert dict(event["ORGANIZER"].params) == {"CN": "Sari Wulandari"}
        assert [(str(a), dict(a.params)) for a in event["ATTENDEE"]] == [
            ("mailto:sari@babelprov.go.id", {"CN": "Sari Wulandari", "ROLE": "CHAIR", "PARTSTAT": "ACCEPTED"}),
            (
                "mailto:budi@babelprov.go.id",
                {"CN": "Budi Santoso", "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"},
            ),
        ]
        assert str(event["LOCATION"]) == MEETING_URL
        assert str(event["URL"]) == f"http://127.0.0.1:8000/coaching/sessions/{later.pk}/"
        assert "Catatan" not in event.to_ical().decode()


def test_each_mail_is_in_the_recipients_language_and_on_their_clock(
    session, sari_in_english, budi, django_capture_on_commit_callbacks
):
    later = plan(session, sari_in_english, django_capture_on_commit_callbacks)

    url = f"http://127.0.0.1:8000/coaching/sessions/{later.pk}/"
    to_sari = mail_to("sari@babelprov.go.id")
    sari_when = local_when(later.scheduled_at, language="en", zone=WITA)
    assert sari_when.endswith(" 10:00 WITA")
    assert to_sari.subject == f"You planned a follow-up session with Budi Santoso: {sari_when}."
    assert to_sari.body == (
        "Hello Sari Wulandari,\n\n"
        'You planned a follow-up coaching session with Budi Santoso on "Delegasi tugas di tim baru".\n\n'
        f"When: {sari_when}\n"
        f"Join online: {MEETING_URL}\n\n"
        "Open the attached invitation (undangan.ics) to add the session to your calendar.\n\n"
        f"Session page: {url}\n\n"
        "-- \nTumbuh\n"
    )
    _f, _m, calendar, for_sari = invitation_of(to_sari)
    assert for_sari["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert for_sari["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=8)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]
    assert str(for_sari["SUMMARY"]) == "Coaching follow-up with Budi Santoso: Delegasi tugas di tim baru"
    assert str(for_sari["DESCRIPTION"]) == (
        "Follow-up coaching session with Budi Santoso, planned in Tumbuh.\n"
        f"Join online: {MEETING_URL}\n"
        f"Session page: {url}"
    )

    to_budi = mail_to("budi@babelprov.go.id")
    budi_when = local_when(later.scheduled_at, language="id", zone=WIB)
    assert budi_when.endswith(" 09:00 WIB")
    date, _zone = budi_when.rsplit(" ", 1)
    assert to_budi.subject == in_indonesian("%(name)s planned a follow-up session with you: %(when)s %(zone)s.") % {
        "name": "Sari Wulandari",
        "when": date,
        "zone": "WIB",
    }
    assert f"{in_indonesian('When:')} {budi_when}\n" in to_budi.body
    assert (
        in_indonesian('%(other)s planned a follow-up coaching session with you on "%(topic)s".')
        % {"other": "Sari Wulandari", "topic": "Delegasi tugas di tim baru"}
        in to_budi.body
    )
    _f, _m, calendar, for_budi = invitation_of(to_budi)
    assert for_budi["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert for_budi["DTSTART"].dt.hour == 9
    assert for_budi["DTSTART"].dt == for_sari["DTSTART"].dt  # the same instant
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert str(for_budi["SUMMARY"]) == in_indonesian("Coaching follow-up with %(name)s: %(topic)s") % {
        "name": "Sari Wulandari",
        "topic": "Delegasi tugas di tim baru",
    }


def test_only_the_coachee_gets_an_in_app_notice(session, sari, budi, django_capture_on_commit_callbacks):
    later = plan(session, sari, django_capture_on_commit_callbacks)

    notice = Notification.objects.get()
    assert (notice.recipient, notice.kind, notice.url) == (budi, "invitations", f"/coaching/sessions/{later.pk}/")
    assert notice.text == mail_to("budi@babelprov.go.id").subject


def test_in_person_follow_up_gives_its_place(session, sari_in_english, django_capture_on_commit_callbacks):
    plan(
        session,
        sari_in_english,
        django_capture_on_commit_callbacks,
        mode="offline",
        location="Ruang Rapat BKPSDMD Lt. 2",
    )

    to_sari = mail_to("sari@babelprov.go.id")
    _f, _m, _c, event = invitation_of(to_sari)
    assert str(event["LOCATION"]) == "Ruang Rapat BKPSDMD Lt. 2"
    assert "Place: Ruang Rapat BKPSDMD Lt. 2" in str(event["DESCRIPTION"])
    assert "Place: Ruang Rapat BKPSDMD Lt. 2\n" in to_sari.body
    assert "Join online" not in to_sari.body


def test_online_follow_up_without_its_own_link_meets_in_its_jitsi_room(
    session, sari, django_capture_on_commit_callbacks
):
    session.meeting_url = ""
    session.save()

    later = plan(session, sari, django_capture_on_commit_callbacks)

    _f, _m, _c, event = invitation_of(mail_to("budi@babelprov.go.id"))
    assert str(event["LOCATION"]) == jitsi_url(later.pk)


def test_person_who_turned_invitations_off_gets_no_mail(session, sari, budi, django_capture_on_commit_callbacks):
    set_email_enabled(employee=budi, kind=CALENDAR_INVITATIONS, enabled=False)

    plan(session, sari, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["sari@babelprov.go.id"]]
    assert Notification.objects.filter(recipient=budi, kind=CALENDAR_INVITATIONS).count() == 1


def test_a_bad_action_row_saves_nothing_and_sends_nothing(session, sari, budi, django_capture_on_commit_callbacks):
    past = timezone.localdate() - datetime.timedelta(days=3)

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError):
        commit_will(
            session=session,
            by=sari,
            actions=[ActionDraft(title="Susun jadwal piket", owner=budi, due_on=past)],
            follow_up=FollowUpDraft(),
        )

    assert callbacks == []
    assert mail.outbox == []
    assert (Session.objects.count(), Notification.objects.count()) == (1, 0)


def test_a_rolled_back_follow_up_sends_nothing(session, sari, django_capture_on_commit_callbacks):
    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Abort), transaction.atomic():
        commit_will(session=session, by=sari, follow_up=FollowUpDraft())
        raise Abort

    assert callbacks == []
    assert mail.outbox == []
    assert Session.objects.count() == 1


def test_a_follow_up_cancelled_before_the_send_reaches_no_calendar(session, sari, budi):
    later = commit_will(session=session, by=sari, follow_up=FollowUpDraft()).follow_up
    assert later is not None
    later.status = "cancelled"
    later.save()

    send_follow_up_invitation(session_id=later.pk, recipient_id=budi.pk)

    assert mail.outbox == []
    assert Notification.objects.count() == 0


def test_moving_the_follow_up_sends_both_the_new_time_under_the_same_uid(
    session, sari, budi, django_capture_on_commit_callbacks
):
    later = plan(session, sari, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    new_time = later.scheduled_at + datetime.timedelta(days=1, hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        moved = update_session(
            session=later,
            by=sari,
            expected_version=later.version,
            scheduled_at=new_time,
            duration_minutes=later.duration_minutes,
            mode=later.mode,
            meeting_url=later.meeting_url,
        )

    assert sorted(m.to for m in mail.outbox) == [["budi@babelprov.go.id"], ["sari@babelprov.go.id"]]
    to_budi = mail_to("budi@babelprov.go.id")
    budi_when = local_when(new_time, language="id", zone=WIB)
    assert to_budi.subject == in_indonesian("The follow-up session with %(name)s moved to %(when)s %(zone)s.") % {
        "name": "Sari Wulandari",
        "when": budi_when.rsplit(" ", 1)[0],
        "zone": "WIB",
    }
    for address in ("sari@babelprov.go.id", "budi@babelprov.go.id"):
        _f, _m, _calendar, event = invitation_of(mail_to(address))
        assert str(event["UID"]) == f"session-{later.pk}@tumbuh"
        assert event["SEQUENCE"] == moved.version - 1 == 1
        assert event["DTSTART"].dt == new_time


def test_editing_only_the_notes_of_a_follow_up_sends_nothing(session, sari, django_capture_on_commit_callbacks):
    later = plan(session, sari, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        update_session(
            session=later,
            by=sari,
            expected_version=later.version,
            scheduled_at=later.scheduled_at,
            duration_minutes=later.duration_minutes,
            mode=later.mode,
            meeting_url=later.meeting_url,
            private_notes="Siapkan pertanyaan tentang SOP.",
        )

    assert mail.outbox == []
