"""In-app notices and each person's e-mail preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import kinds


class NotificationSetting(models.Model):
    """A person's choice to turn one kind of e-mail off (every kind is on until turned off)."""

    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(max_length=30, choices=kinds.choices)
    email_enabled = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["employee", "kind"], name="notification_setting_once")]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.kind}={self.email_enabled}"


class Notification(models.Model):
    """An in-app notice with a link; unread until opened."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30, choices=kinds.choices)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # A person's notices newest first, and their unread ones (the badge, "mark all read").
            models.Index(fields=["recipient", "created_at"], name="notification_recipient_latest"),
            models.Index(fields=["recipient"], condition=models.Q(read_at__isnull=True), name="notification_unread"),
        ]

    def __str__(self) -> str:
        return self.text
