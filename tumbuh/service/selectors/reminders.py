"""Reads: the session reminders that are due and not sent yet."""

import datetime

from django.db.models import DateTimeField, Exists, ExpressionWrapper, F, OuterRef, Value

from ..invitations import REMINDER_EARLY, REMINDER_LEAD, reminder_late_limit
from ..models import Booking, ReminderSent
from ..models.booking import BookingStatus


def reminders_due(now: datetime.datetime) -> list[tuple[int, str]]:
    """(booking id, kind) of every reminder due at NOW and not sent yet, by the rule in `service.invitations`."""
    due: list[tuple[int, str]] = []
    for kind, lead in REMINDER_LEAD.items():
        # due_at - early <= now < due_at + late, with due_at = start - lead, solved for start:
        already_sent = ReminderSent.objects.filter(booking=OuterRef("pk"), kind=kind, for_start=OuterRef("starts_at"))
        due_at = ExpressionWrapper(F("starts_at") - Value(lead), output_field=DateTimeField())
        bookings = (
            Booking.objects.filter(
                status=BookingStatus.ACTIVE,
                starts_at__lte=now + lead + REMINDER_EARLY,
                starts_at__gt=now + lead - reminder_late_limit(kind),
            )
            .alias(due_at=due_at)
            .filter(created_at__lt=F("due_at"))
            .exclude(Exists(already_sent))
            .order_by("starts_at", "pk")
        )
        due.extend((pk, kind) for pk in bookings.values_list("pk", flat=True))
    return due
