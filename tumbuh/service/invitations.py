"""Calendar invitations and reminders for booked sessions.

The booking code calls `notices.on_booking_changed` after commit; the sends run in background tasks, each
person's message in their own language and time zone, through `notifications.notify`.

When a reminder is sent (one rule, shared by the deferred task and the `send_due_reminders` sweep):
a reminder falls due its lead time (24 h or 1 h) before the session starts. It goes out from 5 minutes
before that moment (so a sweep every few minutes is on time) until a quarter of the lead time after it
(6 h or 15 min: later, it would arrive at a misleading moment, so it is dropped), never once the session
has started, and only for a booking that existed when it fell due (a session booked 3 hours ahead gets
no day-before reminder; its invitation has just arrived; for a rescheduled booking its creation is what
counts, as the booking keeps no time of its last move). At most once per booking, kind and start:
`ReminderSent` is written before the e-mail, so a restarted worker finds it and stops.
"""

import datetime

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tumbuh.coaching.invitations import attendee, local_when, meeting_context, session_page_url, session_path, where
from tumbuh.notifications.ics import CalendarFile, Method, build_calendar
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from .kinds import REMINDER_1H, REMINDER_24H
from .models import Booking, ReminderSent
from .models.booking import BookingStatus

CHANGES = ("created", "rescheduled", "cancelled")
REMINDER_LEAD = {"24h": datetime.timedelta(hours=24), "1h": datetime.timedelta(hours=1)}
REMINDER_NOTIFICATION = {"24h": REMINDER_24H, "1h": REMINDER_1H}
REMINDER_EARLY = datetime.timedelta(minutes=5)


def reminder_late_limit(kind: str) -> datetime.timedelta:
    return REMINDER_LEAD[kind] / 4


def reminder_is_due(
    *, starts_at: datetime.datetime, created_at: datetime.datetime, kind: str, now: datetime.datetime
) -> bool:
    """Whether the KIND reminder of a session starting at STARTS_AT, booked at CREATED_AT, may go out at NOW."""
    due_at = starts_at - REMINDER_LEAD[kind]
    # The late limit is shorter than the lead, so a due reminder always comes before the session starts.
    return created_at < due_at and due_at - REMINDER_EARLY <= now < due_at + reminder_late_limit(kind)


def booking_uid(booking: Booking) -> str:
    return f"booking-{booking.pk}@tumbuh"


def booking_calendar(*, booking: Booking, recipient: Employee, method: Method) -> CalendarFile:
    """The .ics for RECIPIENT: times in their time zone (with its VTIMEZONE), text in their language.

    The description says what the session is and where it meets; it never holds coaching notes.
    """
    provider = booking.provider
    requester = booking.request.requester
    other = requester if recipient.pk == provider.pk else provider
    url = session_page_url(booking.session_id)
    with translation.override(recipient.language):
        service = booking.request.get_kind_display()
        summary = _("%(service)s with %(name)s: %(topic)s") % {
            "service": service,
            "name": other.full_name,
            "topic": booking.request.topic.name,
        }
        lines = [
            _("%(service)s session with %(name)s, booked in Tumbuh.") % {"service": service, "name": other.full_name}
        ]
        if method == "CANCEL":
            lines.append(_("This session was cancelled."))
        location, lines_where = where(booking.session)
        lines += [*lines_where, f"{_('Session page:')} {url}"]
    return build_calendar(
        method=method,
        uid=booking_uid(booking),
        sequence=booking.sequence,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        time_zone=recipient.time_zone,
        summary=summary,
        description="\n".join(lines),
        location=location,
        url=url,
        organizer=attendee(provider),
        attendees=[attendee(requester)],
    )


def _booking(booking_id: int) -> Booking | None:
    return (
        Booking.objects.select_related("provider", "request__requester", "request__topic", "session")
        .filter(pk=booking_id)
        .first()
    )


def _context(booking: Booking, recipient: Employee) -> dict:
    """What the e-mails show RECIPIENT; call it inside their language and time zone."""
    other = booking.request.requester if recipient.pk == booking.provider_id else booking.provider
    return {
        **meeting_context(booking.session, recipient, other),
        "service": booking.request.get_kind_display(),
        "topic": booking.request.topic.name,
        "when": local_when(booking.starts_at),
    }


def _invitation_text(change: str, context: dict) -> str:
    values = {"service": context["service"], "name": context["other"].full_name, "when": context["when"]}
    if change == "created":
        return _("Session booked: %(service)s with %(name)s, %(when)s") % values
    if change == "rescheduled":
        return _("Session moved: %(service)s with %(name)s, now %(when)s") % values
    return _("Session cancelled: %(service)s with %(name)s, %(when)s") % values


def send_booking_invitation(*, booking_id: int, recipient_id: int, change: str) -> None:
    """Tell one person of a booking change: an in-app notice, and an e-mail with the .ics unless they turned it off."""
    booking = _booking(booking_id)
    if booking is None:
        return
    cancelled = booking.status == BookingStatus.CANCELLED
    if cancelled != (change == "cancelled"):
        # The booking changed again before this ran; the message about its present state is on its way.
        return
    recipient = Employee.objects.get(pk=recipient_id)
    method: Method = "CANCEL" if cancelled else "REQUEST"

    def context() -> dict:
        return {**_context(booking, recipient), "change": change}

    notify(
        recipient=recipient,
        kind=CALENDAR_INVITATIONS,
        text=lambda: _invitation_text(change, context()),
        url=session_path(booking.session_id),
        email_letter=lambda: render_to_string("service/booking_invitation_body.txt", context()),
        calendar=lambda: booking_calendar(booking=booking, recipient=recipient, method=method),
    )


def send_booking_reminder(*, booking_id: int, kind: str, now: datetime.datetime | None = None) -> bool:
    """Remind both people of a session if the KIND reminder is due and not sent yet; whether it was sent now."""
    now = now or timezone.now()
    booking = _booking(booking_id)
    if booking is None or booking.status != BookingStatus.ACTIVE:
        return False
    if not reminder_is_due(starts_at=booking.starts_at, created_at=booking.created_at, kind=kind, now=now):
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(booking=booking, kind=kind, for_start=booking.starts_at, sent_at=now)
    except IntegrityError:
        return False  # sent already, by an earlier run of this task or by the sweep
    for recipient in (booking.provider, booking.request.requester):
        _remind(booking, recipient, kind)
    return True


def _remind(booking: Booking, recipient: Employee, kind: str) -> None:
    def context() -> dict:
        return {**_context(booking, recipient), "kind": kind}

    def text() -> str:
        values = context()
        return _("Reminder: %(service)s with %(name)s, %(when)s") % {
            "service": values["service"],
            "name": values["other"].full_name,
            "when": values["when"],
        }

    notify(
        recipient=recipient,
        kind=REMINDER_NOTIFICATION[kind],
        text=text,
        url=session_path(booking.session_id),
        email_body=lambda: render_to_string("service/booking_reminder_body.txt", context()),
    )
