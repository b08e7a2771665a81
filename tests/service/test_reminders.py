"""Reminders 24 h and 1 h before a session: sent by a task, at most once each, as each person chose."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tumbuh.notifications.models import Notification
from tumbuh.notifications.services import set_email_enabled
from tumbuh.service import tasks
from tumbuh.service.invitations import send_booking_reminder
from tumbuh.service.kinds import REMINDER_1H, REMINDER_24H
from tumbuh.service.models import ReminderSent
from tumbuh.service.selectors.reminders import reminders_due

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)


def in_(delta):
    return timezone.now() + delta


def run_task(booking, kind, capture):
    with capture(execute=True):
        tasks.send_booking_reminder.enqueue(booking.pk, kind)


def test_reminder_task_run_twice_sends_one_email_to_each_person(make_booking, django_capture_on_commit_callbacks):
    booking = make_booking(starts_at=in_(24 * HOUR - MINUTE))

    run_task(booking, "24h", django_capture_on_commit_callbacks)
    run_task(booking, "24h", django_capture_on_commit_callbacks)  # a restarted worker runs it again

    assert sorted(m.to[0] for m in mail.outbox) == ["budi@babelprov.go.id", "sari@babelprov.go.id"]
    assert list(ReminderSent.objects.values_list("booking", "kind", "for_start")) == [
        (booking.pk, "24h", booking.starts_at)
    ]
    assert Notification.objects.filter(kind=REMINDER_24H).count() == 2


def test_reminder_tells_each_person_when_and_where_on_their_own_clock(
    booking, sari, django_capture_on_commit_callbacks
):
    sari.language = "en"
    sari.save()
    due = booking.starts_at - 24 * HOUR

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_booking_reminder(booking_id=booking.pk, kind="24h", now=due)

    (to_sari,) = [m for m in mail.outbox if m.to == ["sari@babelprov.go.id"]]
    (to_budi,) = [m for m in mail.outbox if m.to == ["budi@babelprov.go.id"]]
    assert sent is True
    assert to_sari.subject == "Reminder: Coaching with Budi Santoso, Tuesday, 12 March 2030 10:00 WITA"
    assert to_sari.body == (
        "Hello Sari Wulandari,\n\n"
        'Your Coaching session with Budi Santoso on "Delegasi tugas" is in about a day.\n\n'
        "When: Tuesday, 12 March 2030 10:00 WITA\n"
        "Join online: https://meet.example.id/sari-budi\n\n"
        "Session page:\n\n"
        f"http://127.0.0.1:8000/coaching/sessions/{booking.session_id}/\n\n"
        "-- \nTumbuh\n"
    )
    assert "Selasa, 12 Maret 2030 09:00 WIB" in to_budi.body


@pytest.mark.parametrize(
    ("kind", "before_start", "due"),
    [
        ("24h", 24 * HOUR + 6 * MINUTE, False),  # too early
        ("24h", 24 * HOUR + 4 * MINUTE, True),  # within the 5 minutes' grace
        ("24h", 18 * HOUR + MINUTE, True),  # late, but less than a quarter of a day
        ("24h", 18 * HOUR - MINUTE, False),  # too late: dropped
        ("1h", 61 * MINUTE, True),
        ("1h", 46 * MINUTE, True),
        ("1h", 44 * MINUTE, False),
        ("1h", 2 * HOUR, False),
    ],
)
def test_a_reminder_goes_out_only_around_its_moment(make_booking, kind, before_start, due):
    booking = make_booking(starts_at=in_(before_start))

    sent = send_booking_reminder(booking_id=booking.pk, kind=kind)

    assert sent is due
    assert ReminderSent.objects.count() == int(due)


def test_no_reminder_for_a_cancelled_booking(make_booking, django_capture_on_commit_callbacks):
    booking = make_booking(starts_at=in_(HOUR - MINUTE))
    booking.status = "cancelled"
    booking.save()

    run_task(booking, "1h", django_capture_on_commit_callbacks)

    assert (mail.outbox, ReminderSent.objects.count(), Notification.objects.count()) == ([], 0, 0)


def test_a_moved_session_gets_its_reminder_at_the_new_time_not_the_old(
    make_booking, django_capture_on_commit_callbacks
):
    booking = make_booking(starts_at=in_(HOUR - MINUTE))
    run_task(booking, "1h", django_capture_on_commit_callbacks)
    booking.starts_at = in_(3 * HOUR)  # moved later: the reminder for the new time is not due yet
    booking.ends_at = booking.starts_at + HOUR
    booking.save()
    mail.outbox.clear()

    run_task(booking, "1h", django_capture_on_commit_callbacks)
    assert mail.outbox == []

    booking.starts_at = in_(HOUR - 2 * MINUTE)  # moved again, now the reminder is due for the new start
    booking.ends_at = booking.starts_at + HOUR
    booking.save()
    run_task(booking, "1h", django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2
    assert ReminderSent.objects.filter(booking=booking, kind="1h").count() == 2


def test_a_session_booked_inside_the_lead_time_gets_no_day_before_reminder(make_booking):
    booking = make_booking(starts_at=in_(23 * HOUR), created_at=timezone.now() - 5 * MINUTE)

    assert send_booking_reminder(booking_id=booking.pk, kind="24h") is False
    assert reminders_due(timezone.now()) == []


def test_person_who_turned_the_reminder_off_gets_only_the_in_app_notice(
    make_booking, budi, django_capture_on_commit_callbacks
):
    set_email_enabled(employee=budi, kind=REMINDER_1H, enabled=False)
    booking = make_booking(starts_at=in_(HOUR - MINUTE))

    run_task(booking, "1h", django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [["sari@babelprov.go.id"]]
    assert list(Notification.objects.filter(recipient=budi).values_list("kind", flat=True)) == [REMINDER_1H]


def test_turning_off_the_day_before_reminder_keeps_the_hour_before_one(
    make_booking, budi, django_capture_on_commit_callbacks
):
    set_email_enabled(employee=budi, kind=REMINDER_24H, enabled=False)
    booking = make_booking(starts_at=in_(HOUR - MINUTE))

    run_task(booking, "1h", django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mail.outbox) == ["budi@babelprov.go.id", "sari@babelprov.go.id"]


def test_reminders_due_lists_each_due_reminder_not_yet_sent(make_booking):
    tomorrow = make_booking(starts_at=in_(24 * HOUR - MINUTE))
    in_an_hour = make_booking(starts_at=in_(HOUR - MINUTE))
    make_booking(starts_at=in_(3 * HOUR))  # nothing due
    sent_already = make_booking(starts_at=in_(HOUR - 2 * MINUTE))
    ReminderSent.objects.create(booking=sent_already, kind="1h", for_start=sent_already.starts_at)
    cancelled = make_booking(starts_at=in_(HOUR - 3 * MINUTE))
    cancelled.status = "cancelled"
    cancelled.save()

    assert reminders_due(timezone.now()) == [(tomorrow.pk, "24h"), (in_an_hour.pk, "1h")]


def test_reminders_due_ignores_a_reminder_sent_for_an_earlier_start(make_booking):
    booking = make_booking(starts_at=in_(HOUR - MINUTE))
    ReminderSent.objects.create(booking=booking, kind="1h", for_start=booking.starts_at + 2 * HOUR)

    assert reminders_due(timezone.now()) == [(booking.pk, "1h")]


def test_sweep_run_twice_sends_each_reminder_once(make_booking, django_capture_on_commit_callbacks):
    make_booking(starts_at=in_(24 * HOUR - MINUTE))
    make_booking(starts_at=in_(HOUR - MINUTE))
    first, second = io.StringIO(), io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", stdout=first)
        call_command("send_due_reminders", stdout=second)

    assert (first.getvalue(), second.getvalue()) == ("2 reminder(s) sent.\n", "0 reminder(s) sent.\n")
    assert len(mail.outbox) == 4  # two reminders, each to the provider and the requester
    assert sorted(ReminderSent.objects.values_list("kind", flat=True)) == ["1h", "24h"]


def test_sweep_after_the_task_sends_nothing_more(make_booking, django_capture_on_commit_callbacks):
    booking = make_booking(starts_at=in_(HOUR - MINUTE))
    run_task(booking, "1h", django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", stdout=io.StringIO())

    assert len(mail.outbox) == 2
