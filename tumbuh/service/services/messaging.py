"""The conversation of a request between requester and provider, and how quickly the provider answers."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import can, require
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from ..kinds import MESSAGES
from ..models import Message, RequestStatus, ResponseSample, ServiceRequest, ThreadRead
from ..selectors.messaging import thread_url

MAX_MESSAGE_LENGTH = 5000


def _validate(request: ServiceRequest, sender: Employee, text: str) -> None:
    require(
        sender,
        "service.view_conversation",
        request,
        message=_("Only the requester and the provider of this request can write in its conversation."),
    )
    errors: dict[str, list[str]] = {}
    if request.status == RequestStatus.CANCELLED:
        errors.setdefault("__all__", []).append(
            _("This request was cancelled, so its conversation is closed. File a new request to talk again.")
        )
    if not text:
        errors.setdefault("body", []).append(_("Write a message before sending it."))
    elif len(text) > MAX_MESSAGE_LENGTH:
        errors.setdefault("body", []).append(
            _(
                "A message can have at most %(limit)d characters; this one has %(count)d. "
                "Shorten it or send it in parts."
            )
            % {"limit": MAX_MESSAGE_LENGTH, "count": len(text)}
        )
    if errors:
        raise ValidationError(errors)


def _record_answer(request: ServiceRequest, provider: Employee, now: datetime.datetime) -> None:
    """Sample the provider's reply time when the requester asked something the provider has not answered yet.

    Only what the requester wrote after the offer counts: earlier messages were part of the request itself,
    whose response time accepting or declining the offer measures.
    """
    messages = Message.objects.filter(request=request)
    since = messages.filter(sender=provider).order_by("-created_at", "-pk").values_list("created_at", flat=True).first()
    if request.assigned_at is not None and (since is None or since < request.assigned_at):
        since = request.assigned_at
    asks = messages.filter(sender_id=request.requester_id)
    if since is not None:
        asks = asks.filter(created_at__gt=since)
    asked_at = asks.order_by("created_at", "pk").values_list("created_at", flat=True).first()
    if asked_at is None:
        return
    ResponseSample.objects.create(
        provider=provider,
        request=request,
        asked_at=asked_at,
        answered_at=now,
        seconds=max(0, int((now - asked_at).total_seconds())),
    )


@transaction.atomic
def post_message(*, request: ServiceRequest, sender: Employee, body: str) -> Message:
    """Add SENDER's message to the request's conversation and tell the other party (without the text)."""
    # Browsers send line breaks as CRLF but count them as one character against the form's limit.
    text = body.replace("\r\n", "\n").strip()
    _validate(request, sender, text)
    now = timezone.now()
    is_provider = can(sender, "service.serve_request", request)
    if is_provider:
        _record_answer(request, sender, now)
        if request.first_response_at is None:
            # A bare update: the request row may be changing status at the same moment.
            ServiceRequest.objects.filter(pk=request.pk, first_response_at__isnull=True).update(first_response_at=now)
            request.first_response_at = now
    # Whoever serves the request now is part of this message's conversation; a later provider is not.
    message = Message.objects.create(
        request=request, sender=sender, provider_id=request.provider_id, body=text, created_at=now
    )
    mark_thread_read(request=request, reader=sender, at=now)
    recipient = request.requester if is_provider else request.provider
    if recipient is not None:
        names = {"name": sender.full_name, "topic": request.topic.name}
        notify(
            recipient=recipient,
            kind=MESSAGES,
            url=thread_url(request),
            text=lambda: _("New message from %(name)s about %(topic)s") % names,
            # The message itself stays in Tumbuh: e-mail says only that there is one, and where.
            email_body=lambda: _("%(name)s wrote to you about %(topic)s. Read and answer it in Tumbuh:") % names,
        )
    return message


def mark_thread_read(*, request: ServiceRequest, reader: Employee, at: datetime.datetime | None = None) -> None:
    """Record that READER has read the request's conversation up to AT (now by default)."""
    require(reader, "service.view_conversation", request)
    at = at or timezone.now()
    if not ThreadRead.objects.filter(request=request, reader=reader).update(read_at=at):
        ThreadRead.objects.update_or_create(request=request, reader=reader, defaults={"read_at": at})
