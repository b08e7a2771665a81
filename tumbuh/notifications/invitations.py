"""Calendar invitations and reminders for booked sessions, and the invitation to a follow-up planned on the canvas.

The booking code calls `on_booking_changed` after commit, the canvas `services.notify_follow_up_planned`; the
sends run in background tasks, each person's message in their own language and time zone.

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

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from tumbuh.coaching.models import Session, SessionStatus
from tumbuh.people.models import Employee
from tumbuh.service.models import Booking, ReminderSent
from tumbuh.service.models.booking import BookingStatus

from .ics import Method, build_invitation, build_session_invitation
from .links import meeting_link, whatsapp_url
from .models import Notification, NotificationKind
from .services import email_enabled, notify

CHANGES = ("created", "rescheduled", "cancelled")
REMINDER_LEAD = {"24h": datetime.timedelta(hours=24), "1h": datetime.timedelta(hours=1)}
REMINDER_NOTIFICATION = {"24h": NotificationKind.REMINDER_24H, "1h": NotificationKind.REMINDER_1H}
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


def on_booking_changed(*, booking_id: int, change: str) -> None:
    """Called after commit (the booking code defers it) when a booking is created, rescheduled or cancelled."""
    if change not in CHANGES:
        raise ValueError(f"Unknown booking change {change!r}; expected one of {CHANGES}.")
    _enqueue_sends(booking_id, change)


def _enqueue_sends(booking_id: int, change: str) -> None:
    from . import tasks

    booking = Booking.objects.select_related("request").get(pk=booking_id)
    for recipient_id in (booking.provider_id, booking.request.requester_id):
        tasks.send_booking_invitation.enqueue(booking_id, recipient_id, change)
    if change != "cancelled":
        schedule_reminders(booking=booking)


def schedule_reminders(*, booking: Booking) -> None:
    """Enqueue the 24 h and 1 h reminders to run when they fall due; one whose moment has passed is skipped.

    A task backend that cannot defer (the tests' immediate one) schedules nothing: the sweep sends them.
    """
    from . import tasks

    if not tasks.send_booking_reminder.get_backend().supports_defer:
        return
    now = timezone.now()
    for kind, lead in REMINDER_LEAD.items():
        run_after = booking.starts_at - lead
        if run_after > now:
            tasks.send_booking_reminder.using(run_after=run_after).enqueue(booking.pk, kind)


def _booking(booking_id: int) -> Booking | None:
    return (
        Booking.objects.select_related("provider", "request__requester", "request__topic", "session")
        .filter(pk=booking_id)
        .first()
    )


def _when(moment: datetime.datetime) -> str:
    """MOMENT on the active clock with its zone's name, e.g. "Selasa, 10 Maret 2026 10:00 WITA"."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'l, j F Y H:i')} {local.tzname()}"


def _context(booking: Booking, recipient: Employee) -> dict:
    """What the e-mails show RECIPIENT; call it inside their language and time zone."""
    other = booking.request.requester if recipient.pk == booking.provider_id else booking.provider
    return {
        **_meeting_context(booking.session, recipient, other),
        "service": booking.request.get_kind_display(),
        "topic": booking.request.topic.name,
        "when": _when(booking.starts_at),
    }


def _meeting_context(session: Session, recipient: Employee, other: Employee) -> dict:
    """Who meets whom, where and on which page: what every invitation and reminder e-mail shows."""
    return {
        "recipient": recipient,
        "other": other,
        "meeting_link": meeting_link(session) if session.mode == "online" else "",
        "location": session.location if session.mode != "online" else "",
        "whatsapp": whatsapp_url(other.phone),
        "url": settings.SITE_URL + _session_path(session.pk),
    }


def _session_path(session_id: int) -> str:
    return reverse("coaching:session-detail", args=[session_id])


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
    with translation.override(recipient.language), timezone.override(recipient.time_zone):
        context = {**_context(booking, recipient), "change": change}
        text = _invitation_text(change, context)
        body = render_to_string("notifications/booking_invitation_body.txt", context)
    Notification.objects.create(
        recipient=recipient, kind=NotificationKind.INVITATIONS, text=text[:300], url=_session_path(booking.session_id)
    )
    if email_enabled(employee=recipient, kind=NotificationKind.INVITATIONS):
        ics = build_invitation(booking=booking, recipient=recipient, method=method)
        _send_with_invitation(recipient, subject=text, body=body, ics=ics, method=method)


def _send_with_invitation(recipient: Employee, *, subject: str, body: str, ics: bytes, method: Method) -> None:
    message = EmailMessage(subject=subject, body=body, to=[recipient.email])
    message.attach("undangan.ics", ics, f"text/calendar; method={method}; charset=UTF-8")
    message.send()


def send_follow_up_invitation(*, session_id: int, recipient_id: int, moved: bool = False) -> None:
    """Send the coach or the coachee of a planned follow-up its .ics, unless they turned invitations off.

    The coachee also gets an in-app notice; the coach planned it and needs none.
    """
    session = (
        Session.objects.select_related("engagement__coach", "engagement__coachee")
        .filter(pk=session_id, status=SessionStatus.SCHEDULED)
        .first()
    )
    if session is None:
        return  # cancelled or gone before this ran: no calendar should get it now
    engagement = session.engagement
    recipient = Employee.objects.get(pk=recipient_id)
    is_coach = recipient.pk == engagement.coach_id
    other = engagement.coachee if is_coach else engagement.coach
    with translation.override(recipient.language), timezone.override(recipient.time_zone):
        local = timezone.localtime(session.scheduled_at)
        values = {"name": other.full_name, "when": formats.date_format(local, "l, j F Y H:i"), "zone": local.tzname()}
        if moved:
            text = _("The follow-up session with %(name)s moved to %(when)s %(zone)s.") % values
        elif is_coach:
            text = _("You planned a follow-up session with %(name)s: %(when)s %(zone)s.") % values
        else:
            text = _("%(name)s planned a follow-up session with you: %(when)s %(zone)s.") % values
        context = {
            **_meeting_context(session, recipient, other),
            "is_coach": is_coach,
            "moved": moved,
            "topic": engagement.topic,
            "when": _when(session.scheduled_at),
        }
        body = render_to_string("notifications/follow_up_invitation_body.txt", context)
    if not is_coach:
        Notification.objects.create(
            recipient=recipient, kind=NotificationKind.INVITATIONS, text=text[:300], url=_session_path(session.pk)
        )
    if email_enabled(employee=recipient, kind=NotificationKind.INVITATIONS):
        ics = build_session_invitation(session=session, recipient=recipient)
        _send_with_invitation(recipient, subject=text, body=body, ics=ics, method="REQUEST")


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
        url=_session_path(booking.session_id),
        email_body=lambda: render_to_string("notifications/booking_reminder_body.txt", context()),
    )
