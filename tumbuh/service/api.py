"""Service endpoints: requests, matches, availability, bookings and messages. Same services and rules as the pages."""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate
from pydantic import Field

from tumbuh.access.policy import fetch, require
from tumbuh.common.api import LIST, READ, WRITE, InputSchema, Pages, WallClockTime, check_with_form, form_limit

from .forms.booking import WeeklyWindowForm
from .forms.messages import MessageForm
from .forms.requests import CloseForm, DeclineForm, RequestForm
from .matching import rank_providers
from .models import RequestStatus, ServiceKind
from .selectors import booking as booking_selectors
from .selectors import messaging as messaging_selectors
from .selectors import requests as selectors
from .services import booking, messaging
from .services import requests as services

router = Router(tags=["service"])


class PersonOut(Schema):
    id: int
    full_name: str


class WindowIn(InputSchema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class WindowOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class RequestIn(InputSchema):
    kind: ServiceKind
    topic_id: int
    need: str = Field(max_length=form_limit(RequestForm, "need"))
    mode: Literal["online", "offline"] = "online"
    preferred_provider_id: int | None = None
    on_behalf_of_unit_id: int | None = None
    windows: list[WindowIn] = Field([], max_length=3)


class RequestOut(Schema):
    id: int
    kind: str
    status: str
    topic: str
    requester: PersonOut
    provider: PersonOut | None
    mode: str
    created_at: datetime.datetime
    engagement_id: int | None
    version: int

    @staticmethod
    def resolve_topic(obj) -> str:
        return obj.topic.name


class RequestDetailOut(RequestOut):
    need: str
    windows: list[WindowOut]
    recommendation: str

    @staticmethod
    def resolve_windows(obj) -> list:
        return list(obj.preferred_windows.all())


class AssignIn(InputSchema):
    provider_id: int


class DeclineIn(InputSchema):
    reason: str = Field(max_length=form_limit(DeclineForm, "reason"))


class CloseIn(InputSchema):
    recommendation: str = ""


class MatchOut(Schema):
    provider: PersonOut
    score: int
    reasons: list[str]
    excluded: str | None


def _load(request, perm: str, request_id: int):
    return fetch(request.user, perm, selectors.request_detail_for(request.user), pk=request_id)


@router.get(
    "/service/requests", response={200: list[RequestOut], **LIST}, summary="Requests I filed, serve, or administer"
)
@paginate(Pages)
def list_requests(request, status: RequestStatus | None = None):
    qs = selectors.requests_visible_to(request.user).order_by("-created_at", "pk")
    return qs.filter(status=status) if status else qs


@router.post("/service/requests", response={201: RequestDetailOut, **WRITE}, summary="File a request")
def create_request(request, payload: RequestIn):
    require(request.user, "service.file_request")
    # The page's form decides what a request may hold (topics and providers of the agency, lengths, choices).
    data = {
        "kind": payload.kind,
        "topic": payload.topic_id,
        "need": payload.need,
        "mode": payload.mode,
        "preferred_provider": payload.preferred_provider_id,
        "on_behalf_of_unit": payload.on_behalf_of_unit_id,
    }
    cleaned = check_with_form(
        RequestForm(data={k: v for k, v in data.items() if v is not None}, user=request.user),
        rename={
            "topic": "topic_id",
            "preferred_provider": "preferred_provider_id",
            "on_behalf_of_unit": "on_behalf_of_unit_id",
        },
    )
    created = services.submit_request(
        requester=request.user,
        kind=cleaned["kind"],
        topic=cleaned["topic"],
        need=cleaned["need"],
        mode=cleaned["mode"],
        preferred_provider=cleaned["preferred_provider"],
        on_behalf_of_unit=cleaned["on_behalf_of_unit"],
        windows=[(w.starts_at, w.ends_at) for w in payload.windows],
    )
    return Status(201, _load(request, "service.view_request", created.pk))


@router.get("/service/requests/{request_id}", response={200: RequestDetailOut, **READ})
def get_request(request, request_id: int):
    return _load(request, "service.view_request", request_id)


@router.get(
    "/service/requests/{request_id}/matches",
    response={200: list[MatchOut], **READ},
    summary="Ranked providers, with reasons",
)
def list_matches(request, request_id: int):
    service_request = _load(request, "service.see_matches", request_id)
    return [
        {
            "provider": match.provider,
            "score": match.score,
            "reasons": [str(reason) for reason in match.reasons],
            "excluded": str(match.excluded) if match.excluded else None,
        }
        for match in rank_providers(request=service_request)
    ]


@router.post("/service/requests/{request_id}/assign", response={200: RequestDetailOut, **WRITE})
def assign(request, request_id: int, payload: AssignIn):
    service_request = _load(request, "service.view_request", request_id)
    require(request.user, "service.offer_request", service_request)
    provider = selectors.pool_member(service_request.agency_id, payload.provider_id)
    if provider is None:
        # Unknown, or in another agency's pool: one answer, so the wall does not tell who exists.
        raise ValidationError({"provider_id": _("No such person.")})
    services.assign_request(request=service_request, provider=provider, by=request.user)
    return _load(request, "service.view_request", request_id)


@router.post("/service/requests/{request_id}/accept", response={200: RequestDetailOut, **WRITE})
def accept(request, request_id: int):
    service_request = _load(request, "service.respond_to_offer", request_id)
    services.accept_request(request=service_request, by=request.user)
    return _load(request, "service.view_request", request_id)


@router.post("/service/requests/{request_id}/decline", response={200: RequestDetailOut, **WRITE})
def decline(request, request_id: int, payload: DeclineIn):
    service_request = _load(request, "service.respond_to_offer", request_id)
    check_with_form(DeclineForm(data=payload.dict()))
    # Declined, the request leaves the provider's sight: answer with the request as her decline left it.
    return services.decline_request(request=service_request, by=request.user, reason=payload.reason)


@router.post("/service/requests/{request_id}/cancel", response={200: RequestDetailOut, **WRITE})
def cancel(request, request_id: int):
    service_request = _load(request, "service.cancel_request", request_id)
    services.cancel_request(request=service_request, by=request.user)
    return _load(request, "service.view_request", request_id)


@router.post("/service/requests/{request_id}/close", response={200: RequestDetailOut, **WRITE})
def close(request, request_id: int, payload: CloseIn):
    service_request = _load(request, "service.close_request", request_id)
    check_with_form(CloseForm(data=payload.dict()))
    services.close_request(request=service_request, by=request.user, recommendation=payload.recommendation)
    return _load(request, "service.view_request", request_id)


# Availability and bookings


class SlotOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class WeeklyWindowIn(InputSchema):
    weekday: int = Field(ge=0, le=6, description="0 Monday … 6 Sunday")
    start_time: WallClockTime
    end_time: WallClockTime


class WeeklyWindowOut(Schema):
    id: int
    weekday: int
    start_time: WallClockTime
    end_time: WallClockTime


class BookingIn(InputSchema):
    starts_at: datetime.datetime
    location: str = Field("", max_length=200)


class RescheduleIn(InputSchema):
    starts_at: datetime.datetime


class BookingOut(Schema):
    id: int
    request_id: int
    session_id: int
    provider: PersonOut
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    status: str
    sequence: int


@router.get(
    "/service/providers/{profile_id}/slots",
    response={200: list[SlotOut], **READ},
    summary="Free slots of a provider over the next days (UTC times)",
)
def list_slots(request, profile_id: int, days: int = 14):
    profile = fetch(request.user, "service.file_request", selectors.providers_visible_to(request.user), pk=profile_id)
    today = timezone.localdate(timezone=booking_selectors.provider_zone(profile))
    return booking_selectors.available_slots(provider=profile, start=today, days=max(1, min(days, 60)))


@router.get(
    "/service/availability",
    response={200: list[WeeklyWindowOut], **LIST},
    summary="My weekly availability (as a provider)",
)
def list_my_availability(request):
    require(request.user, "service.manage_own_availability")
    return booking_selectors.weekly_windows_of(request.user.provider_profile)


@router.post(
    "/service/availability", response={201: WeeklyWindowOut, **WRITE}, summary="Add a weekly window (my own zone)"
)
def add_my_availability(request, payload: WeeklyWindowIn):
    require(request.user, "service.manage_own_availability")
    cleaned = check_with_form(WeeklyWindowForm(data=payload.dict()))
    window = booking.add_weekly_window(provider=request.user.provider_profile, by=request.user, **cleaned)
    return Status(201, window)


@router.get("/service/bookings", response={200: list[BookingOut], **LIST}, summary="Bookings I made or serve")
@paginate(Pages)
def list_bookings(request):
    return booking_selectors.bookings_visible_to(request.user).select_related("provider").order_by("starts_at", "pk")


@router.post("/service/requests/{request_id}/bookings", response={201: BookingOut, **WRITE}, summary="Book a slot")
def create_booking(request, request_id: int, payload: BookingIn):
    service_request = _load(request, "service.book_session", request_id)
    made = booking.book_slot(
        request=service_request, starts_at=payload.starts_at, by=request.user, location=payload.location
    )
    return Status(201, made)


def _booking(request, booking_id: int):
    return fetch(
        request.user, "service.change_booking", booking_selectors.bookings_visible_to(request.user), pk=booking_id
    )


@router.post("/service/bookings/{booking_id}/reschedule", response={200: BookingOut, **WRITE})
def reschedule(request, booking_id: int, payload: RescheduleIn):
    return booking.reschedule_booking(
        booking=_booking(request, booking_id), starts_at=payload.starts_at, by=request.user
    )


@router.post("/service/bookings/{booking_id}/cancel", response={200: BookingOut, **WRITE})
def cancel_booking(request, booking_id: int):
    return booking.cancel_booking(booking=_booking(request, booking_id), by=request.user)


# Messages


class MessageIn(InputSchema):
    body: str


class MessageOut(Schema):
    id: int
    sender: PersonOut
    body: str
    created_at: datetime.datetime


@router.get(
    "/service/requests/{request_id}/messages",
    response={200: list[MessageOut], **READ},
    summary="The thread; marks it read",
)
@paginate(Pages)
def list_messages(request, request_id: int):
    service_request = _load(request, "service.view_conversation", request_id)
    messaging.mark_thread_read(request=service_request, reader=request.user)
    return messaging_selectors.thread_for(service_request, viewer=request.user)


@router.post("/service/requests/{request_id}/messages", response={201: MessageOut, **WRITE})
def create_message(request, request_id: int, payload: MessageIn):
    service_request = _load(request, "service.post_message", request_id)
    check_with_form(MessageForm(data=payload.dict()))
    return Status(201, messaging.post_message(request=service_request, sender=request.user, body=payload.body))
