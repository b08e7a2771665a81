"""Availability and booking: providers publish their hours; requesters book, move and cancel sessions.

No double booking, ever: every write that touches a provider's time first locks that provider's profile row
(`_lock_provider`), so two people booking the same slot queue up and the second one sees the first booking.
The partial unique constraint `booking_one_active_per_slot` is the last guard.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import can, require
from tumbuh.audit.services import record_event
from tumbuh.coaching.models import Session, SessionMode, SessionStatus
from tumbuh.people.models import Employee

from .. import notices
from ..models import AvailabilityException, Booking, ProviderProfile, RequestStatus, ServiceRequest, WeeklyAvailability
from ..models.booking import BookingStatus
from ..selectors.booking import Slot, active_bookings_between, available_slots, policy_of, provider_zone
from .workflow import allows, check_move, move_request


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without a zone is read on the active clock (the viewer's), as Django reads form input."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _lock_provider(employee_id: int) -> ProviderProfile:
    """Lock the provider's profile row until commit: booking writes of one provider happen one after the other."""
    locked = ProviderProfile.objects.select_for_update(of=("self",)).select_related("employee")
    return locked.get(employee_id=employee_id)


def _check_time(starts_at: datetime.datetime, *, now: datetime.datetime, agency_id: int) -> None:
    if starts_at <= now:
        raise ValidationError({"starts_at": _("This time has already passed; choose one of the free slots shown.")})
    days = policy_of(agency_id).booking_horizon_days
    if starts_at > now + datetime.timedelta(days=days):
        message = _("Sessions can be booked up to %(days)d days ahead; choose an earlier slot.") % {"days": days}
        raise ValidationError({"starts_at": message})


def _free_slot(
    profile: ProviderProfile, starts_at: datetime.datetime, *, now: datetime.datetime, moving: int | None = None
) -> Slot:
    """The free slot of PROFILE that starts at STARTS_AT, or a ValidationError saying why there is none.

    Call it with the provider locked, so no other booking can land between this check and the insert.
    """
    day = starts_at.astimezone(provider_zone(profile)).date()
    for slot in available_slots(provider=profile, start=day, days=1, now=now, exclude_booking_id=moving):
        if slot.starts_at == starts_at:
            return slot
    name = profile.employee.full_name
    ends_at = starts_at + datetime.timedelta(minutes=profile.slot_minutes)
    leave = AvailabilityException.objects.filter(provider=profile, starts_at__lt=ends_at, ends_at__gt=starts_at).first()
    if leave is not None and leave.reason:
        message = _("%(name)s is not available then (%(reason)s); choose another slot.") % {
            "name": name,
            "reason": leave.reason,
        }
    elif leave is not None:
        message = _("%(name)s is not available then; choose another slot.") % {"name": name}
    elif active_bookings_between(profile, starts_at, ends_at, exclude_booking_id=moving).exists():
        message = _("This time was just taken; choose another slot.")
    else:
        message = _("That time is not in %(name)s's availability; choose one of the free slots shown.") % {"name": name}
    raise ValidationError({"starts_at": message})


def _announce(booking: Booking, change: str) -> None:
    booking_id = booking.pk
    transaction.on_commit(lambda: notices.on_booking_changed(booking_id=booking_id, change=change))


def _check_bookable(request: ServiceRequest) -> None:
    if not allows(request=request, to=RequestStatus.SCHEDULED):
        raise ValidationError(
            _("A session can be booked once the provider has accepted the request; this request is %(status)s.")
            % {"status": request.get_status_display()}
        )
    if request.engagement is None or not request.engagement.is_open:
        raise ValidationError(_("This request has no open engagement, so no session can be booked for it."))


@transaction.atomic
def book_slot(*, request: ServiceRequest, starts_at: datetime.datetime, by: Employee, location: str = "") -> Booking:
    """Book a free slot of the request's provider: a scheduled session on the engagement, and its booking."""
    if request.provider_id is None:
        _check_bookable(request)
        raise ValidationError(_("This request has no provider yet; a session can be booked once one accepts it."))
    profile = _lock_provider(request.provider_id)
    # The request as it is now that its provider is locked (another tab may have booked or withdrawn it).
    request = ServiceRequest.objects.select_related("engagement", "topic").get(pk=request.pk)
    _check_bookable(request)
    check_move(request=request, to=RequestStatus.SCHEDULED, by=by)
    engagement = request.engagement
    now = timezone.now()
    starts_at = _aware(starts_at)
    _check_time(starts_at, now=now, agency_id=request.agency_id)
    slot = _free_slot(profile, starts_at, now=now)
    online = request.mode == SessionMode.ONLINE
    session = Session(
        engagement=engagement,
        scheduled_at=slot.starts_at,
        duration_minutes=profile.slot_minutes,
        mode=request.mode,
        # Blank unless the provider has a room of their own: `meeting_link` then gives the session its Jitsi room.
        meeting_url=profile.meeting_url if online else "",
        location="" if online else location.strip(),
        status=SessionStatus.SCHEDULED,
        created_at=now,
        updated_at=now,
    )
    session.full_clean()
    session.save()
    booking = Booking(
        provider=profile.employee,
        booked_by=by,
        request=request,
        session=session,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        created_at=now,
    )
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise ValidationError({"starts_at": _("This time was just taken; choose another slot.")}) from None
    request = move_request(request=request, to=RequestStatus.SCHEDULED, by=by)
    record_event(actor=by, action="booking.created", target=booking, detail=slot.starts_at.isoformat())
    # The calendar invitation (e-mail and in-app notice) tells both people; no second notice here.
    _announce(booking, "created")
    return booking


def _locked_active(booking: Booking) -> tuple[Booking, ProviderProfile]:
    """BOOKING as it is now, and its provider's profile, locked; refused if it was cancelled meanwhile."""
    profile = _lock_provider(booking.provider_id)
    fresh = Booking.objects.select_related("request__requester", "provider").get(pk=booking.pk)
    if fresh.status != BookingStatus.ACTIVE:
        raise ValidationError(_("This session is already cancelled; book a new time instead."))
    return fresh, profile


def _check_notice(booking: Booking, *, by: Employee, now: datetime.datetime) -> None:
    hours = policy_of(booking.request.agency_id).min_notice_hours
    if booking.starts_at - now < datetime.timedelta(hours=hours):
        requester = booking.request.requester
        other = requester if can(by, "service.serve_request", booking) else booking.provider
        raise ValidationError(
            _(
                "The session starts in less than %(hours)d hours, so it can no longer be changed here. "
                "Write to %(name)s in the conversation instead."
            )
            % {"hours": hours, "name": other.full_name}
        )


@transaction.atomic
def reschedule_booking(*, booking: Booking, starts_at: datetime.datetime, by: Employee) -> Booking:
    """Move a booked session to another free slot, at least the agency's minimum notice before it starts."""
    booking, profile = _locked_active(booking)
    require(by, "service.change_booking", booking)
    now = timezone.now()
    _check_notice(booking, by=by, now=now)
    starts_at = _aware(starts_at)
    if starts_at == booking.starts_at:
        raise ValidationError({"starts_at": _("The session is already at this time; choose a different slot.")})
    _check_time(starts_at, now=now, agency_id=booking.request.agency_id)
    slot = _free_slot(profile, starts_at, now=now, moving=booking.pk)
    try:
        with transaction.atomic():
            Booking.objects.filter(pk=booking.pk).update(
                starts_at=slot.starts_at, ends_at=slot.ends_at, sequence=F("sequence") + 1
            )
    except IntegrityError:
        raise ValidationError({"starts_at": _("This time was just taken; choose another slot.")}) from None
    Session.objects.filter(pk=booking.session_id).update(
        scheduled_at=slot.starts_at,
        duration_minutes=profile.slot_minutes,
        version=F("version") + 1,
        updated_at=now,
    )
    record_event(
        actor=by,
        action="booking.rescheduled",
        target=booking,
        detail=f"{booking.starts_at.isoformat()} -> {slot.starts_at.isoformat()}",
    )
    _announce(booking, "rescheduled")
    booking.refresh_from_db()
    return booking


def release_booking(*, booking: Booking, by: Employee, enforce_notice: bool = True) -> Booking:
    """Cancel a booked session and its booking, leaving the request's status alone (the caller moves it).

    With ENFORCE_NOTICE, only up to the agency's minimum notice before it starts. Run it inside a transaction.
    """
    booking, _profile = _locked_active(booking)
    now = timezone.now()
    if enforce_notice:
        _check_notice(booking, by=by, now=now)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CANCELLED, sequence=F("sequence") + 1)
    Session.objects.filter(pk=booking.session_id).update(
        status=SessionStatus.CANCELLED, version=F("version") + 1, updated_at=now
    )
    record_event(actor=by, action="booking.cancelled", target=booking, detail=booking.starts_at.isoformat())
    _announce(booking, "cancelled")
    booking.refresh_from_db()
    return booking


@transaction.atomic
def cancel_booking(*, booking: Booking, by: Employee, enforce_notice: bool = True) -> Booking:
    """Cancel a booked session; with ENFORCE_NOTICE, only up to the agency's minimum notice before it starts."""
    # A cancelled booking is refused as such (a state), before the question of who may change it.
    require(by, "service.change_booking", _locked_active(booking)[0])
    booking = release_booking(booking=booking, by=by, enforce_notice=enforce_notice)
    request = booking.request
    if request.status == RequestStatus.SCHEDULED and not request.bookings.filter(status=BookingStatus.ACTIVE).exists():
        # Nothing is booked any more: the request waits for a new booking, as right after acceptance.
        move_request(request=request, to=RequestStatus.ACCEPTED, by=by)
    return booking


# Providers' own hours


@transaction.atomic
def add_weekly_window(
    *, provider: ProviderProfile, weekday: int, start_time: datetime.time, end_time: datetime.time, by: Employee
) -> WeeklyAvailability:
    """Publish a weekly window (on the provider's own clock) in which sessions can be booked."""
    require(by, "service.manage_availability", provider)
    profile = _lock_provider(provider.employee_id)
    if end_time <= start_time:
        raise ValidationError({"end_time": _("The end time must be after the start time.")})
    length = datetime.timedelta(minutes=profile.slot_minutes)
    day = datetime.date(2000, 1, 3)  # any date: only the length of the window matters
    if datetime.datetime.combine(day, end_time) - datetime.datetime.combine(day, start_time) < length:
        raise ValidationError(
            {
                "end_time": _("A window must fit at least one session of %(minutes)d minutes; make it longer.")
                % {"minutes": profile.slot_minutes}
            }
        )
    clash = WeeklyAvailability.objects.filter(
        provider=profile, weekday=weekday, start_time__lt=end_time, end_time__gt=start_time
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "start_time": _(
                    "This overlaps your window on %(day)s, %(start)s–%(end)s; change the times or delete that window."
                )
                % {
                    "day": clash.get_weekday_display(),
                    "start": f"{clash.start_time:%H:%M}",
                    "end": f"{clash.end_time:%H:%M}",
                }
            }
        )
    window = WeeklyAvailability(provider=profile, weekday=weekday, start_time=start_time, end_time=end_time)
    window.full_clean()
    window.save()
    record_event(actor=by, action="availability.window.added", target=window, detail=str(window))
    return window


@transaction.atomic
def delete_weekly_window(*, window: WeeklyAvailability, by: Employee) -> None:
    """Withdraw a weekly window; sessions already booked in it stay booked."""
    require(by, "service.manage_availability", window)
    record_event(actor=by, action="availability.window.deleted", target=window, detail=str(window))
    window.delete()


@transaction.atomic
def add_availability_exception(
    *,
    provider: ProviderProfile,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    reason: str = "",
    by: Employee,
) -> AvailabilityException:
    """Block a period (leave, a holiday, training duty): nothing can be booked in it any more."""
    require(by, "service.manage_availability", provider)
    profile = _lock_provider(provider.employee_id)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start; check the dates and times.")})
    if ends_at <= timezone.now():
        raise ValidationError({"ends_at": _("This period is already over; give one that has not ended.")})
    exception = AvailabilityException(provider=profile, starts_at=starts_at, ends_at=ends_at, reason=reason.strip())
    exception.full_clean()
    exception.save()
    record_event(actor=by, action="availability.exception.added", target=exception, detail=exception.reason)
    return exception


@transaction.atomic
def delete_availability_exception(*, exception: AvailabilityException, by: Employee) -> None:
    """Remove a blocked period; its time becomes bookable again."""
    require(by, "service.manage_availability", exception)
    record_event(actor=by, action="availability.exception.deleted", target=exception, detail=exception.reason)
    exception.delete()
