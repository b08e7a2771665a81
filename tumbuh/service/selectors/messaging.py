"""Reads about request conversations: the thread, what is unread, and how quickly providers answer."""

import datetime
import statistics
from collections.abc import Iterable
from typing import TypedDict

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tumbuh.people.models import Agency, Employee

from ..models import Message, ResponseSample, ServiceRequest, ThreadRead
from .requests import requests_visible_to

__all__ = [
    "ResponseStats",
    "other_party_read_at",
    "provider_response_stats",
    "requests_visible_to",
    "response_stats_by_provider",
    "thread_for",
    "unread_by_request",
    "unread_count_for",
]


class ResponseStats(TypedDict):
    median_seconds: int | None
    samples: int


def thread_for(request: ServiceRequest) -> QuerySet[Message]:
    """The request's messages, oldest first, with their senders."""
    return Message.objects.filter(request=request).select_related("sender").order_by("created_at", "pk")


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
        Message.objects.filter(Q(request__requester=user) | Q(request__provider=user))
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
