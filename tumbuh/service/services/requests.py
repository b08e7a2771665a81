"""The life of a service request: submit → assign → accept/decline → (book) → close, or cancel.

Every change goes through `_move`, which checks the transition, bumps the version and records who and when.
"""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.audit.services import record_event
from tumbuh.coaching.models import EngagementStatus
from tumbuh.coaching.services import EditConflict, start_engagement
from tumbuh.notifications.models import NotificationKind
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee, Role, Unit

from ..models import (
    PreferredWindow,
    ProviderProfile,
    RequestEvent,
    RequestStatus,
    ResponseSample,
    ServiceKind,
    ServiceRequest,
    Topic,
)
from ..selectors.messaging import hidden_from_provider

MAX_WINDOWS = 5

ALLOWED: dict[str, set[str]] = {
    RequestStatus.SUBMITTED: {RequestStatus.ASSIGNED, RequestStatus.CANCELLED},
    RequestStatus.ASSIGNED: {
        RequestStatus.ASSIGNED,
        RequestStatus.ACCEPTED,
        RequestStatus.DECLINED,
        RequestStatus.CANCELLED,
    },
    RequestStatus.DECLINED: {RequestStatus.ASSIGNED, RequestStatus.CANCELLED},
    RequestStatus.ACCEPTED: {RequestStatus.SCHEDULED, RequestStatus.CLOSED, RequestStatus.CANCELLED},
    RequestStatus.SCHEDULED: {
        RequestStatus.SCHEDULED,
        RequestStatus.ACCEPTED,
        RequestStatus.CLOSED,
        RequestStatus.CANCELLED,
    },
    RequestStatus.CLOSED: set(),
    RequestStatus.CANCELLED: set(),
}


def request_url(request: ServiceRequest) -> str:
    return reverse("service:request-detail", args=[request.pk])


def _move(request: ServiceRequest, to: str, *, by: Employee | None, note: str = "", **fields) -> ServiceRequest:
    """Change the status (and FIELDS) if the transition is allowed and nobody changed the request meanwhile."""
    if to not in ALLOWED[request.status]:
        raise ValidationError(
            _("This request is %(status)s; it cannot become %(target)s.")
            % {"status": request.get_status_display(), "target": RequestStatus(to).label}
        )
    changed = ServiceRequest.objects.filter(pk=request.pk, version=request.version).update(
        status=to, version=F("version") + 1, **fields
    )
    if not changed:
        raise EditConflict(ServiceRequest.objects.get(pk=request.pk))
    RequestEvent.objects.create(request=request, actor=by, from_status=request.status, to_status=to, note=note[:300])
    request.refresh_from_db()
    return request


def provider_problem(*, provider: Employee, kind: str, requester: Employee, agency_id: int | None) -> str | None:
    """Why PROVIDER cannot take a KIND request from REQUESTER in AGENCY_ID's service, or None when they can."""
    profile = ProviderProfile.objects.filter(employee=provider).first()
    # Agencies are walls: only the request's own pool serves it. Whoever is outside is answered as an
    # unknown choice is, without their name.
    pool_agency = profile.agency_id if profile is not None else provider.agency_id
    if agency_id is None or pool_agency != agency_id:
        return _("Choose a provider from the list.")
    if profile is None:
        return _("%(name)s is not in the provider pool.") % {"name": provider.full_name}
    if provider.pk == requester.pk:
        return _("Nobody can serve their own request.")
    if requester.supervisor_id == provider.pk:
        return _("%(name)s is the requester's direct supervisor; choose someone outside the reporting line.") % {
            "name": provider.full_name
        }
    if not profile.offers(kind):
        return _("%(name)s does not offer %(service)s; choose a provider who does.") % {
            "name": provider.full_name,
            "service": ServiceKind(kind).label.lower(),
        }
    if not profile.accepting_requests:
        return _("%(name)s is not taking new requests at the moment.") % {"name": provider.full_name}
    if active_engagement_count(provider) >= profile.capacity:
        return _("%(name)s has no capacity left (%(count)d active engagements).") % {
            "name": provider.full_name,
            "count": profile.capacity,
        }
    return None


def active_engagement_count(provider: Employee) -> int:
    return provider.engagements_as_coach.filter(
        status__in=[EngagementStatus.REQUESTED, EngagementStatus.ACTIVE]
    ).count()


def _tell(recipient: Employee, request: ServiceRequest, text) -> None:
    """An in-app notice (and e-mail, unless turned off) about a change to REQUEST; TEXT is a callable."""
    notify(recipient=recipient, kind=NotificationKind.REQUEST_UPDATES, url=request_url(request), text=text)


def _admins_of(agency_id: int):
    return Employee.objects.filter(role_grants__role=Role.SERVICE_ADMIN, role_grants__agency_id=agency_id).distinct()


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
    for admin in _admins_of(request.agency_id):
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
    problem = provider_problem(
        provider=provider, kind=request.kind, requester=request.requester, agency_id=request.agency_id
    )
    if problem:
        raise ValidationError({"provider": problem})
    request = _move(
        request, RequestStatus.ASSIGNED, by=by, note=provider.full_name, provider=provider, assigned_at=timezone.now()
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


def _end_engagement(request: ServiceRequest, status: str) -> None:
    engagement = request.engagement
    if engagement is not None:
        engagement.status = status
        engagement.ended_at = timezone.now()
        engagement.save(update_fields=["status", "ended_at"])


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
    _record_response(request, asked_at=request.assigned_at)
    engagement = start_engagement(
        coach=by, coachee=request.requester, topic=f"{request.topic.name}", kind=request.kind, by=by
    )
    request = _move(
        request,
        RequestStatus.ACCEPTED,
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
    _record_response(request, asked_at=request.assigned_at)
    request = _move(
        request,
        RequestStatus.DECLINED,
        by=by,
        note=reason,
        provider=None,
        first_response_at=_first_response_or_now(),
    )
    for person in [request.requester, *_admins_of(request.agency_id)]:
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
    from .booking import release_booking

    # Check first that this copy is current, before its bookings are touched.
    if not ServiceRequest.objects.filter(pk=request.pk, version=request.version).exists():
        raise EditConflict(ServiceRequest.objects.get(pk=request.pk))
    # The bookings go without moving the request: its history records one step, to cancelled.
    for booking in request.bookings.filter(status="active"):
        release_booking(booking=booking, by=by, enforce_notice=False)
    _end_engagement(request, EngagementStatus.CANCELLED)
    provider = request.provider
    request = _move(request, RequestStatus.CANCELLED, by=by, note=reason, closed_at=timezone.now())
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
    if request.kind == ServiceKind.CONSULTING and not recommendation.strip():
        raise ValidationError({"recommendation": _("Consulting closes with a written recommendation; write it first.")})
    now = timezone.now()
    _end_engagement(request, EngagementStatus.COMPLETED)
    request = _move(request, RequestStatus.CLOSED, by=by, recommendation=recommendation.strip(), closed_at=now)
    record_event(actor=by, action="request.closed", target=request)
    _tell(
        request.requester,
        request,
        lambda: _("Your request on %(topic)s is closed. Please rate the service.") % {"topic": request.topic.name},
    )
    return request


def rate_request(*, request: ServiceRequest, by: Employee, rating: int, feedback: str = "") -> ServiceRequest:
    """The requester rates a closed request (1-5) once; a second rating replaces the first."""
    if not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Give a rating from 1 to 5.")})
    ServiceRequest.objects.filter(pk=request.pk).update(rating=rating, feedback=feedback.strip())
    request.refresh_from_db()
    return request
