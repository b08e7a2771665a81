"""On a booking change both people get an e-mail with the .ics, in their language and on their own clock."""

import datetime

import pytest
from django.core import mail
from django.tasks import task_backends
from django.utils import timezone
from icalendar import Calendar

from tests.helpers import in_indonesian
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.models import Notification
from tumbuh.notifications.services import set_email_enabled
from tumbuh.service.notices import on_booking_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def sari_in_english(sari):
    sari.language = "en"
    sari.phone = "0812-7000-1234"
    sari.save()
    return sari


def change(booking, what, capture):
    with capture(execute=True):
        on_booking_changed(booking_id=booking.pk, change=what)


def mail_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def invitation_of(message):
    ((filename, content, mimetype),) = message.attachments
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    return filename, mimetype, Calendar.from_ical(content), event


def test_booking_sends_each_person_an_invitation_in_their_language_and_time_zone(
    booking, sari_in_english, budi, django_capture_on_commit_callbacks
):
    change(booking, "created", django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["budi@babelprov.go.id", "sari@babelprov.go.id"]
    to_sari = mail_to("sari@babelprov.go.id")
    assert to_sari.subject == "Session booked: Coaching with Budi Santoso, Tuesday, 12 March 2030 10:00 WITA"
    assert to_sari.body == (
        "Hello Sari Wulandari,\n\n"
        'Your Coaching session with Budi Santoso on "Delegasi tugas" is booked.\n\n'
        "When: Tuesday, 12 March 2030 10:00 WITA\n"
        "Join online: https://meet.example.id/sari-budi\n\n"
        "Open the attached invitation (undangan.ics) to add the session to your calendar.\n\n"
        f"Session page: http://127.0.0.1:8000/coaching/sessions/{booking.session_id}/\n\n"
        "-- \nTumbuh\n"
    )
    filename, mimetype, calendar, event = invitation_of(to_sari)
    assert (filename, mimetype) == ("undangan.ics", "text/calendar; method=REQUEST; charset=UTF-8")
    assert str(calendar["METHOD"]) == "REQUEST"
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert 'Content-Type: text/calendar; method="REQUEST"; charset="utf-8"' in to_sari.message().as_string()


def test_requester_sees_the_time_on_their_own_clock_and_a_whatsapp_link_to_the_provider(
    booking, sari_in_english, budi, django_capture_on_commit_callbacks
):
    change(booking, "created", django_capture_on_commit_callbacks)

    to_budi = mail_to("budi@babelprov.go.id")
    assert "09:00 WIB" in to_budi.subject
    assert "Selasa, 12 Maret 2030 09:00 WIB" in to_budi.body
    assert "https://meet.example.id/sari-budi" in to_budi.body
    chat = in_indonesian("Chat with %(other)s on WhatsApp:") % {"other": "Sari Wulandari"}
    assert f"{chat} https://wa.me/6281270001234\n" in to_budi.body
    _f, _m, _c, event = invitation_of(to_budi)
    assert event["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert event["DTSTART"].dt.hour == 9


def test_no_whatsapp_link_to_a_person_without_a_phone(booking, sari_in_english, django_capture_on_commit_callbacks):
    change(booking, "created", django_capture_on_commit_callbacks)

    assert "wa.me" not in mail_to("sari@babelprov.go.id").body


def test_both_people_get_an_in_app_notice_pointing_at_the_session(
    booking, sari_in_english, budi, django_capture_on_commit_callbacks
):
    change(booking, "created", django_capture_on_commit_callbacks)

    notices = Notification.objects.order_by("recipient__email")
    assert [(n.recipient, n.kind, n.url) for n in notices] == [
        (budi, CALENDAR_INVITATIONS, f"/coaching/sessions/{booking.session_id}/"),
        (sari_in_english, CALENDAR_INVITATIONS, f"/coaching/sessions/{booking.session_id}/"),
    ]
    assert notices[1].text == "Session booked: Coaching with Budi Santoso, Tuesday, 12 March 2030 10:00 WITA"


def test_reschedule_keeps_the_uid_and_raises_the_sequence(booking, sari_in_english, django_capture_on_commit_callbacks):
    change(booking, "created", django_capture_on_commit_callbacks)
    _f, _m, _c, first = invitation_of(mail_to("sari@babelprov.go.id"))
    mail.outbox.clear()
    booking.starts_at += datetime.timedelta(days=1)
    booking.ends_at += datetime.timedelta(days=1)
    booking.sequence += 1
    booking.save()

    change(booking, "rescheduled", django_capture_on_commit_callbacks)

    to_sari = mail_to("sari@babelprov.go.id")
    _f, mimetype, calendar, moved = invitation_of(to_sari)
    assert to_sari.subject == "Session moved: Coaching with Budi Santoso, now Wednesday, 13 March 2030 10:00 WITA"
    assert mimetype == "text/calendar; method=REQUEST; charset=UTF-8"
    assert str(moved["UID"]) == str(first["UID"]) == f"booking-{booking.pk}@tumbuh"
    assert (first["SEQUENCE"], moved["SEQUENCE"]) == (0, 1)


def test_cancellation_sends_method_cancel_with_the_same_uid(
    booking, sari_in_english, django_capture_on_commit_callbacks
):
    booking.status = "cancelled"
    booking.sequence = 1
    booking.save()

    change(booking, "cancelled", django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2
    to_sari = mail_to("sari@babelprov.go.id")
    _f, mimetype, calendar, event = invitation_of(to_sari)
    assert mimetype == "text/calendar; method=CANCEL; charset=UTF-8"
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert (str(event["UID"]), event["SEQUENCE"]) == (f"booking-{booking.pk}@tumbuh", 1)
    assert to_sari.subject == "Session cancelled: Coaching with Budi Santoso, Tuesday, 12 March 2030 10:00 WITA"
    assert "Open the attached notice (undangan.ics) to remove the session from your calendar." in to_sari.body
    assert "Join online" not in to_sari.body


def test_person_who_turned_invitations_off_gets_only_the_in_app_notice(
    booking, sari_in_english, budi, django_capture_on_commit_callbacks
):
    set_email_enabled(employee=budi, kind=CALENDAR_INVITATIONS, enabled=False)

    change(booking, "created", django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["sari@babelprov.go.id"]]
    assert Notification.objects.filter(recipient=budi, kind=CALENDAR_INVITATIONS).count() == 1


def test_a_late_booking_message_is_dropped_once_the_booking_is_cancelled(
    booking, sari_in_english, django_capture_on_commit_callbacks
):
    booking.status = "cancelled"
    booking.save()

    change(booking, "created", django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert Notification.objects.count() == 0


def test_unknown_change_is_refused(booking):
    with pytest.raises(ValueError, match="Unknown booking change 'moved'"):
        on_booking_changed(booking_id=booking.pk, change="moved")


@pytest.fixture
def queued(settings):
    """Keep enqueued tasks instead of running them, to see when each would run."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend.results


def test_booking_schedules_both_reminders_at_their_lead_times(
    booking, sari, budi, queued, django_capture_on_commit_callbacks
):
    change(booking, "created", django_capture_on_commit_callbacks)

    assert [(r.task.name, r.args, r.task.run_after) for r in queued] == [
        ("send_booking_invitation", [booking.pk, sari.pk, "created"], None),
        ("send_booking_invitation", [booking.pk, budi.pk, "created"], None),
        ("send_booking_reminder", [booking.pk, "24h"], datetime.datetime(2030, 3, 11, 2, 0, tzinfo=datetime.UTC)),
        ("send_booking_reminder", [booking.pk, "1h"], datetime.datetime(2030, 3, 12, 1, 0, tzinfo=datetime.UTC)),
    ]


def test_a_reminder_whose_moment_has_passed_is_not_scheduled(make_booking, queued, django_capture_on_commit_callbacks):
    soon = make_booking(starts_at=timezone.now() + datetime.timedelta(hours=5))

    change(soon, "rescheduled", django_capture_on_commit_callbacks)

    assert [(r.task.name, r.args[1]) for r in queued if r.task.name == "send_booking_reminder"] == [
        ("send_booking_reminder", "1h")
    ]


def test_cancellation_schedules_no_reminder(booking, queued, django_capture_on_commit_callbacks):
    booking.status = "cancelled"
    booking.save()

    change(booking, "cancelled", django_capture_on_commit_callbacks)

    assert [r.task.name for r in queued] == ["send_booking_invitation", "send_booking_invitation"]
