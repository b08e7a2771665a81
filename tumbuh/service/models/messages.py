"""The conversation thread of a request, and how quickly providers answer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import ServiceRequest


class Message(models.Model):
    """One message of a request's conversation.

    A conversation belongs to the requester and one provider: ``provider`` is who served the request when the
    message was written (empty while nobody did). A provider who takes over after a decline or a reassignment
    reads only their own part and what was written while nobody served; the requester reads it all and is told.
    """

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provider at the time"),
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        # A thread, latest messages first (the thread page shows the latest run).
        indexes = [models.Index(fields=["request", "created_at"], name="message_request_created")]

    def __str__(self) -> str:
        return self.body[:40]


class ThreadRead(models.Model):
    """Until when a person has read a request's thread."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="reads")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "reader"], name="thread_read_once_per_reader")]

    def __str__(self) -> str:
        return f"{self.reader_id}@{self.request_id}"


class ResponseSample(models.Model):
    """How long a provider took to answer: a request offered to them, or a message to them."""

    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="response_samples")
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="response_samples")
    asked_at = models.DateTimeField()
    answered_at = models.DateTimeField()
    seconds = models.PositiveIntegerField()

    class Meta:
        ordering = ["-answered_at"]

    def __str__(self) -> str:
        return f"{self.provider_id}: {self.seconds}s"
