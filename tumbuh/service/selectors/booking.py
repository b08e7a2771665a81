"""Reads for the service pages, scoped to the viewer, with their joins chosen once here."""

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from tumbuh.people.models import Employee

from ..models import AvailabilityException, Booking, ProviderProfile, ServicePolicy, WeeklyAvailability
from ..models.booking import BookingStatus
from .requests import requests_visible_to

# Availability and booking


@dataclass(frozen=True)
class Slot:
    """A bookable time of a provider, in UTC."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime

    def overlaps(self, starts_at: datetime.datetime, ends_at: datetime.datetime) -> bool:
        return starts_at < self.ends_at and ends_at > self.starts_at


def policy_of(agency_id: int) -> ServicePolicy:
    """The agency's service policy, or the defaults when it has none yet (a read never writes)."""
    return ServicePolicy.objects.filter(agency_id=agency_id).first() or ServicePolicy(agency_id=agency_id)


def provider_zone(provider: ProviderProfile) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(provider.employee.time_zone)


def zone_label(zone: datetime.tzinfo, on: datetime.datetime | None = None) -> str:
    """The zone's short name as Indonesians write it: WIB, WITA or WIT."""
    return (on or timezone.now()).astimezone(zone).tzname() or str(zone)


def available_slots(
    *,
    provider: ProviderProfile,
    start: datetime.date,
    days: int,
    now: datetime.datetime | None = None,
    exclude_booking_id: int | None = None,
) -> list[Slot]:
    """Free slots of PROVIDER on DAYS days from START (dates on the provider's own clock), earliest first.

    Cut from the weekly windows, minus leave and active bookings (except EXCLUDE_BOOKING_ID, the one being
    moved), only after NOW and within the agency's booking horizon. Four queries, whatever the range.
    """
    now = now or timezone.now()
    zone = provider_zone(provider)
    length = datetime.timedelta(minutes=provider.slot_minutes)
    horizon = now + datetime.timedelta(days=policy_of(provider.agency_id).booking_horizon_days)
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    last = datetime.datetime.combine(start + datetime.timedelta(days=days), datetime.time.min, tzinfo=zone)
    windows: dict[int, list[WeeklyAvailability]] = {}
    for window in WeeklyAvailability.objects.filter(provider=provider):
        windows.setdefault(window.weekday, []).append(window)
    busy = [
        (leave.starts_at, leave.ends_at)
        for leave in AvailabilityException.objects.filter(provider=provider, starts_at__lt=last, ends_at__gt=first)
    ]
    bookings = active_bookings_between(provider, first, last, exclude_booking_id=exclude_booking_id)
    busy += bookings.values_list("starts_at", "ends_at")
    slots: set[Slot] = set()
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        for window in windows.get(day.weekday(), []):
            # Indonesia keeps no daylight saving, but stepping in UTC stays right wherever it is kept.
            moment = datetime.datetime.combine(day, window.start_time, tzinfo=zone).astimezone(datetime.UTC)
            end = datetime.datetime.combine(day, window.end_time, tzinfo=zone).astimezone(datetime.UTC)
            while moment + length <= end:
                slot = Slot(moment, moment + length)
                if now < moment <= horizon and not any(slot.overlaps(s, e) for s, e in busy):
                    slots.add(slot)
                moment += length
    return sorted(slots, key=lambda slot: slot.starts_at)


def slots_by_day(slots: list[Slot]) -> list[tuple[datetime.date, list[Slot]]]:
    """SLOTS grouped by their date on the active clock (the viewer's), for the booking page."""
    grouped = itertools.groupby(slots, key=lambda slot: timezone.localdate(slot.starts_at))
    return [(day, list(group)) for day, group in grouped]


def profile_of(employee: Employee | None) -> ProviderProfile | None:
    """EMPLOYEE's provider profile with the person loaded, or None when they are not in the pool."""
    if employee is None:
        return None
    return ProviderProfile.objects.select_related("employee").filter(employee=employee).first()


def own_profile(employee: Employee) -> QuerySet[ProviderProfile]:
    """EMPLOYEE's own provider profile (none or one), with the person loaded."""
    return ProviderProfile.objects.select_related("employee").filter(employee=employee)


def weekly_windows_of(provider: ProviderProfile) -> QuerySet[WeeklyAvailability]:
    return WeeklyAvailability.objects.filter(provider=provider).order_by("weekday", "start_time")


def upcoming_exceptions_of(
    provider: ProviderProfile, *, now: datetime.datetime | None = None
) -> QuerySet[AvailabilityException]:
    """Leave and holidays of PROVIDER that have not ended yet."""
    return AvailabilityException.objects.filter(provider=provider, ends_at__gt=now or timezone.now()).order_by(
        "starts_at"
    )


def bookings_visible_to(user: Employee) -> QuerySet[Booking]:
    """Bookings of the requests USER may see, with what the booking pages show."""
    visible = requests_visible_to(user).values("pk")
    return Booking.objects.filter(request__in=visible).select_related(
        "request__requester",
        "request__provider",
        "request__topic",
        "request__agency",
        "session",
    )


def active_bookings_between(
    provider: ProviderProfile,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    *,
    exclude_booking_id: int | None = None,
) -> QuerySet[Booking]:
    """PROVIDER's booked sessions that overlap the period (e.g. leave just added), but EXCLUDE_BOOKING_ID."""
    bookings = Booking.objects.filter(
        provider_id=provider.employee_id, status=BookingStatus.ACTIVE, starts_at__lt=ends_at, ends_at__gt=starts_at
    )
    if exclude_booking_id is not None:
        bookings = bookings.exclude(pk=exclude_booking_id)
    return bookings.order_by("starts_at")
