"""What the service queues when a booking changes: both people's invitations and the session's reminders."""

from django.utils import timezone

from . import tasks
from .invitations import CHANGES, REMINDER_LEAD
from .models import Booking


def on_booking_changed(*, booking_id: int, change: str) -> None:
    """Called after commit (the booking code defers it) when a booking is created, rescheduled or cancelled."""
    if change not in CHANGES:
        raise ValueError(f"Unknown booking change {change!r}; expected one of {CHANGES}.")
    booking = Booking.objects.select_related("request").get(pk=booking_id)
    for recipient_id in (booking.provider_id, booking.request.requester_id):
        tasks.send_booking_invitation.enqueue(booking_id, recipient_id, change)
    if change != "cancelled":
        schedule_reminders(booking=booking)


def schedule_reminders(*, booking: Booking) -> None:
    """Enqueue the 24 h and 1 h reminders to run when they fall due; one whose moment has passed is skipped.

    A task backend that cannot defer (the tests' immediate one) schedules nothing: the sweep sends them.
    """
    if not tasks.send_booking_reminder.get_backend().supports_defer:
        return
    now = timezone.now()
    for kind, lead in REMINDER_LEAD.items():
        run_after = booking.starts_at - lead
        if run_after > now:
            tasks.send_booking_reminder.using(run_after=run_after).enqueue(booking.pk, kind)
