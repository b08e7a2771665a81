"""Reads: a person's own notices and e-mail choices, and the reminders that are due."""

import datetime

from django.db.models import DateTimeField, Exists, ExpressionWrapper, F, OuterRef, QuerySet, Value

from tumbuh.people.models import Employee
from tumbuh.service.models import Booking, ReminderSent
from tumbuh.service.models.booking import BookingStatus

from .invitations import REMINDER_EARLY, REMINDER_LEAD, reminder_late_limit
from .models import Notification, NotificationKind, NotificationSetting


def notifications_for(user: Employee) -> QuerySet[Notification]:
    """USER's own in-app notices, newest first; nobody sees another person's."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def email_choices(user: Employee) -> dict[str, bool]:
    """For each kind of notice, whether USER gets it by e-mail (on until turned off)."""
    off = set(NotificationSetting.objects.filter(employee=user, email_enabled=False).values_list("kind", flat=True))
    return {kind: kind not in off for kind in NotificationKind.values}


def reminders_due(now: datetime.datetime) -> list[tuple[int, str]]:
    """(booking id, kind) of every reminder due at NOW and not sent yet, by the rule in `invitations`."""
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
