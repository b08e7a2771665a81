"""The life of a service request: submit → assign → accept/decline → (book) → close, or cancel.

Every change of status goes through `workflow.move_request`, which holds the table of transitions.
"""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.coaching.services import start_engagement
from tumbuh.common.conflicts import EditConflict
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee, Unit

from ..kinds import REQUEST_UPDATES
from ..models import (
    PreferredWindow,
    RequestEvent,
    RequestStatus,
    ResponseSample,
    ServiceKind,
    ServiceRequest,
    Topic,
)
from ..models.booking import BookingStatus
from ..selectors.messaging import hidden_from_provider
from ..selectors.requests import provider_problem, request_url, service_admins_of
from .booking import release_booking
from .workflow import check_move, move_request

MAX_WINDOWS = 5


def _tell(recipient: Employee, request: ServiceRequest, text) -> None:
    """An in-app notice (and e-mail, unless turned off) about a change to REQUEST; TEXT is a callable."""
    notify(recipient=recipient, kind=REQUEST_UPDATES, url=request_url(request), text=text)


@transaction.atomic
def submit_request(
    *,
    requester: Employee,
    kind: str,
    topic: Topic,
    need: str,
    mode: str = "online",
    preferred_provider: Employee | None = None,
    on_behalf_of_unit: Unit | None = None,
    windows: Sequence[tuple[datetime.datetime, datetime.datetime]] = (),
) -> ServiceRequest:
    """File a request for consulting, coaching or mentoring."""
    require(requester, "service.file_request")
    errors: dict[str, list[str]] = {}
    now = timezone.now()
    if requester.agency_id is None:
        errors.setdefault("__all__", []).append(_("Your account has no agency; ask your admin to set it."))
    if not topic.is_active or topic.agency_id != requester.agency_id:
        errors.setdefault("topic", []).append(_("Choose a topic from your agency's catalogue."))
    if not need.strip():
        errors.setdefault("need", []).append(_("Describe in a few sentences what you need."))
    if on_behalf_of_unit is not None and kind != ServiceKind.CONSULTING:
        errors.setdefault("on_behalf_of_unit", []).append(_("Only consulting can be asked on behalf of a unit."))
    if preferred_provider is not None:
        problem = provider_problem(
            provider=preferred_provider, kind=kind, requester=requester, agency_id=requester.agency_id
        )
        if problem:
            errors.setdefault("preferred_provider", []).append(problem)
    if len(windows) > MAX_WINDOWS:
        errors.setdefault("windows", []).append(_("Give at most %(count)d time windows.") % {"count": MAX_WINDOWS})
    for start, end in windows:
        if end <= start:
            errors.setdefault("windows", []).append(_("A time window must end after it starts."))
        elif start < now:
            errors.setdefault("windows", []).append(_("A time window is in the past; pick a future time."))
    if errors:
        raise ValidationError(errors)
    assert requester.agency_id is not None  # checked above
    request = ServiceRequest.objects.create(
        requester=requester,
        agency_id=requester.agency_id,
        kind=kind,
        topic=topic,
        need=need.strip(),
        mode=mode,
        preferred_provider=preferred_provider,
        on_behalf_of_unit=on_behalf_of_unit,
    )
    PreferredWindow.objects.bulk_create(PreferredWindow(request=request, starts_at=s, ends_at=e) for s, e in windows)
    RequestEvent.objects.create(request=request, actor=requester, to_status=RequestStatus.SUBMITTED)
    for admin in service_admins_of(request.agency_id):
        _tell(
            admin,
            request,
            lambda: (
                _("New %(service)s request from %(name)s: %(topic)s")
                % {"service": request.get_kind_display().lower(), "name": requester.full_name, "topic": topic.name}
            ),
        )
    return request


@transaction.atomic
def assign_request(*, request: ServiceRequest, provider: Employee, by: Employee) -> ServiceRequest:
    """Offer the request to PROVIDER (by an admin, or by the requester where self-pick is allowed)."""
    check_move(request=request, to=RequestStatus.ASSIGNED, by=by)
    problem = provider_problem(
        provider=provider, kind=request.kind, requester=request.requester, agency_id=request.agency_id
    )
    if problem:
        raise ValidationError({"provider": problem})
    request = move_request(
        request=request,
        to=RequestStatus.ASSIGNED,
        by=by,
        note=provider.full_name,
        provider=provider,
        assigned_at=timezone.now(),
    )
    # The new provider starts with a clean thread (see Message): their predecessor's conversation with the
    # requester is not theirs to read, and the requester must not assume they know it.
    if hidden_from_provider(request):
        _tell(
            request.requester,
            request,
            lambda: (
                _(
                    "%(name)s now serves your request on %(topic)s. They do not see your earlier messages with the "
                    "previous provider: tell them again what they need to know."
                )
                % {"name": provider.full_name, "topic": request.topic.name}
            ),
        )
    _tell(
        provider,
        request,
        lambda: (
            _("%(name)s asks for %(service)s on %(topic)s. Please accept or decline.")
            % {
                "name": request.requester.full_name,
                "service": request.get_kind_display().lower(),
                "topic": request.topic.name,
            }
        ),
    )
    return request


def _first_response_or_now():
    # Computed in the UPDATE: a provider message may have set it since this copy was loaded.
    return Coalesce(F("first_response_at"), Value(timezone.now()))


def _record_response(request: ServiceRequest, *, asked_at: datetime.datetime | None) -> None:
    now = timezone.now()
    if asked_at is None or request.provider_id is None:
        return
    ResponseSample.objects.create(
        provider_id=request.provider_id,
        request=request,
        asked_at=asked_at,
        answered_at=now,
        seconds=max(0, int((now - asked_at).total_seconds())),
    )


@transaction.atomic
def accept_request(*, request: ServiceRequest, by: Employee) -> ServiceRequest:
    """The provider takes the request on: an engagement opens between the two."""
    check_move(request=request, to=RequestStatus.ACCEPTED, by=by)
    _record_response(request, asked_at=request.assigned_at)
    engagement = start_engagement(
        coach=by, coachee=request.requester, topic=f"{request.topic.name}", kind=request.kind, by=by
    )
    request = move_request(
        request=request,
        to=RequestStatus.ACCEPTED,
        by=by,
        engagement=engagement,
        first_response_at=_first_response_or_now(),
    )
    _tell(
        request.requester,
        request,
        lambda: _("%(name)s accepted your request. Book a time now.") % {"name": by.full_name},
    )
    return request


@transaction.atomic
def decline_request(*, request: ServiceRequest, by: Employee, reason: str) -> ServiceRequest:
    """The provider cannot take it; the request goes back to the queue."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say briefly why, so the admin can find someone else.")})
    check_move(request=request, to=RequestStatus.DECLINED, by=by)
    _record_response(request, asked_at=request.assigned_at)
    request = move_request(
        request=request,
        to=RequestStatus.DECLINED,
        by=by,
        note=reason,
        provider=None,
        first_response_at=_first_response_or_now(),
    )
    for person in [request.requester, *service_admins_of(request.agency_id)]:
        _tell(
            person,
            request,
            lambda: (
                _("%(name)s could not take the request on %(topic)s; it goes back to the queue.")
                % {"name": by.full_name, "topic": request.topic.name}
            ),
        )
    return request


@transaction.atomic
def cancel_request(*, request: ServiceRequest, by: Employee, reason: str = "") -> ServiceRequest:
    """The requester withdraws; open bookings are cancelled and the engagement ends."""
    check_move(request=request, to=RequestStatus.CANCELLED, by=by)
    # Check first that this copy is current, before its bookings are touched.
    if not ServiceRequest.objects.filter(pk=request.pk, version=request.version).exists():
        raise EditConflict(ServiceRequest.objects.get(pk=request.pk))
    # The bookings go without moving the request: its history records one step, to cancelled.
    for booking in request.bookings.filter(status=BookingStatus.ACTIVE):
        release_booking(booking=booking, by=by, enforce_notice=False)
    provider = request.provider
    request = move_request(request=request, to=RequestStatus.CANCELLED, by=by, note=reason, closed_at=timezone.now())
    if provider is not None:
        _tell(
            provider,
            request,
            lambda: (
                _("%(name)s cancelled the request on %(topic)s.")
                % {"name": request.requester.full_name, "topic": request.topic.name}
            ),
        )
    return request


@transaction.atomic
def close_request(*, request: ServiceRequest, by: Employee, recommendation: str = "") -> ServiceRequest:
    """The provider closes the request; consulting closes only with a written recommendation."""
    check_move(request=request, to=RequestStatus.CLOSED, by=by)
    if request.kind == ServiceKind.CONSULTING and not recommendation.strip():
        raise ValidationError({"recommendation": _("Consulting closes with a written recommendation; write it first.")})
    now = timezone.now()
    request = move_request(
        request=request, to=RequestStatus.CLOSED, by=by, recommendation=recommendation.strip(), closed_at=now
    )
    record_event(actor=by, action="request.closed", target=request)
    _tell(
        request.requester,
        request,
        lambda: _("Your request on %(topic)s is closed. Please rate the service.") % {"topic": request.topic.name},
    )
    return request


def rate_request(*, request: ServiceRequest, by: Employee, rating: int, feedback: str = "") -> ServiceRequest:
    """The requester rates a closed request (1-5) once; a second rating replaces the first."""
    require(by, "service.rate_request", request)
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")})
    ServiceRequest.objects.filter(pk=request.pk).update(rating=rating, feedback=feedback.strip())
    request.refresh_from_db()
    return request
