"""Reads about request conversations: the thread, what is unread, and how quickly providers answer."""

import datetime
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypedDict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from tumbuh.people.models import Agency, Employee

from ..models import Message, ResponseSample, ServiceRequest, ThreadRead
from .requests import requests_visible_to

__all__ = [
    "ResponseStats",
    "ThreadPage",
    "hidden_from_provider",
    "other_party_read_at",
    "provider_response_stats",
    "requests_visible_to",
    "thread_url",
    "response_stats_by_provider",
    "thread_for",
    "thread_page",
    "my_last_message",
    "unread_by_request",
    "unread_count_for",
]


class ResponseStats(TypedDict):
    median_seconds: int | None
    samples: int


def _seen_by_provider(provider: Employee | int) -> Q:
    # A provider reads what was written while they served, and what the requester wrote while nobody did;
    # never the requester's conversation with an earlier provider (who declined, or was replaced).
    return Q(provider=provider) | Q(provider__isnull=True)


def thread_for(request: ServiceRequest, *, viewer: Employee) -> QuerySet[Message]:
    """The request's messages VIEWER may read, oldest first, with their senders."""
    messages = Message.objects.filter(request=request)
    if viewer.pk != request.requester_id:
        messages = messages.filter(_seen_by_provider(viewer))
    return messages.select_related("sender").order_by("created_at", "pk")


# How many messages the thread page shows at once; older ones come a page at a time.
THREAD_PAGE_SIZE = 50


@dataclass(frozen=True)
class ThreadPage:
    """A run of a thread's messages, oldest first, and where the run before it ends (None: nothing older)."""

    messages: list[Message]
    older_than: int | None


def thread_page(
    request: ServiceRequest, *, viewer: Employee, before: int | None = None, size: int = THREAD_PAGE_SIZE
) -> ThreadPage:
    """The SIZE latest messages VIEWER may read, or the SIZE before message BEFORE (an unknown one: the latest)."""
    messages = thread_for(request, viewer=viewer)
    if before is not None:
        anchor = messages.filter(pk=before).values_list("created_at", flat=True).first()
        if anchor is not None:
            messages = messages.filter(Q(created_at__lt=anchor) | Q(created_at=anchor, pk__lt=before))
    latest = list(messages.order_by("-created_at", "-pk")[: size + 1])
    shown = latest[:size][::-1]
    return ThreadPage(messages=shown, older_than=shown[0].pk if len(latest) > size else None)


def my_last_message(request: ServiceRequest, user: Employee) -> Message | None:
    """The latest message USER wrote in REQUEST's conversation (the one "Seen" is shown under)."""
    return Message.objects.filter(request=request, sender=user).order_by("-created_at", "-pk").first()


def hidden_from_provider(request: ServiceRequest) -> int:
    """How many messages of the request its current provider cannot read (those with earlier providers)."""
    if request.provider_id is None:
        return 0
    return Message.objects.filter(request=request).exclude(_seen_by_provider(request.provider_id)).count()


def other_party_read_at(request: ServiceRequest, user: Employee) -> datetime.datetime | None:
    """Until when the other party of the conversation (not USER) has read it; None if never or no party yet."""
    other_id = request.provider_id if user.pk == request.requester_id else request.requester_id
    if other_id is None:
        return None
    return ThreadRead.objects.filter(request=request, reader_id=other_id).values_list("read_at", flat=True).first()


def _unread_messages(user: Employee) -> QuerySet[Message]:
    """Messages to USER, in requests USER files or serves, newer than USER last read that thread."""
    read_since = ThreadRead.objects.filter(
        request_id=OuterRef("request_id"), reader=user, read_at__gte=OuterRef("created_at")
    )
    return (
        Message.objects.filter(Q(request__requester=user) | (Q(request__provider=user) & _seen_by_provider(user)))
        .exclude(sender=user)
        .filter(~Exists(read_since))
    )


def unread_count_for(user: Employee) -> int:
    """How many messages USER has not read yet, over all their requests (one query)."""
    if not user.is_authenticated:
        return 0
    return _unread_messages(user).count()


def unread_by_request(user: Employee, request_ids: Iterable[int]) -> dict[int, int]:
    """Unread messages of USER per request, for list pages: {request_id: count}, 0 included (one query)."""
    ids = list(request_ids)
    counts = dict.fromkeys(ids, 0)
    if not ids or not user.is_authenticated:
        return counts
    rows = (
        _unread_messages(user)
        .filter(request_id__in=ids)
        .order_by()
        .values("request_id")
        .annotate(count=Count("pk"))
        .values_list("request_id", "count")
    )
    counts.update(rows)
    return counts


def _median(values: list[int]) -> int | None:
    return round(statistics.median(values)) if values else None


def provider_response_stats(provider: Employee) -> ResponseStats:
    """The provider's median time to answer (seconds) and how many answers it rests on."""
    seconds = list(ResponseSample.objects.filter(provider=provider).values_list("seconds", flat=True))
    return {"median_seconds": _median(seconds), "samples": len(seconds)}


def response_stats_by_provider(agency: Agency) -> dict[int, tuple[int, int]]:
    """For every provider answering the agency's requests: {provider_id: (median seconds, samples)} (one query)."""
    by_provider: dict[int, list[int]] = {}
    rows = ResponseSample.objects.filter(request__agency=agency).order_by().values_list("provider_id", "seconds")
    for provider_id, seconds in rows:
        by_provider.setdefault(provider_id, []).append(seconds)
    return {pk: (round(statistics.median(values)), len(values)) for pk, values in by_provider.items()}


def thread_url(request: ServiceRequest) -> str:
    """Where a notice about a new message in REQUEST's conversation points."""
    return reverse("service:message-list", args=[request.pk])
