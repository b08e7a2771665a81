"""Reads: a person's own notices and e-mail choices."""

from django.db.models import QuerySet

from tumbuh.people.models import Employee

from .kinds import registered
from .models import Notification, NotificationSetting


def notifications_for(user: Employee) -> QuerySet[Notification]:
    """USER's own in-app notices, newest first; nobody sees another person's."""
    if not user.is_authenticated:
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def email_choices(user: Employee) -> dict[str, bool]:
    """For each declared kind of notice, whether USER gets it by e-mail (on until turned off)."""
    off = set(NotificationSetting.objects.filter(employee=user, email_enabled=False).values_list("kind", flat=True))
    return {kind.value: kind.value not in off for kind in registered()}
