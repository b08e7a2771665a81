"""Writes a person makes to their own notices: reading them and choosing which come by e-mail."""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from tumbuh.people.models import Employee

from .models import Notification
from .services import set_email_enabled


def mark_read(*, notification: Notification) -> None:
    """Mark one notice read (the first opening counts; opening it again changes nothing)."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)


def mark_all_read(*, employee: Employee) -> int:
    """Mark every unread notice of EMPLOYEE read; how many were unread."""
    return Notification.objects.filter(recipient=employee, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def set_email_choices(*, employee: Employee, choices: Mapping[str, bool]) -> None:
    """Turn each kind of e-mail on or off for EMPLOYEE; in-app notices keep coming either way."""
    for kind, enabled in choices.items():
        set_email_enabled(employee=employee, kind=kind, enabled=enabled)
