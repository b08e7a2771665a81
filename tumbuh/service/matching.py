"""Matching: the providers of the agency's pool for one request, best suited first, each with its reasons.

A candidate is an active employee with a provider profile in the request's agency. These are never suggested
and come last, by name, with the reason (score 0, no reasons): the requester themself, the requester's direct
supervisor (for every kind of service), whoever does not offer the service, is not taking requests, or has no
capacity left (requested and active engagements as coach, as `active_engagement_count` counts them).

The others are scored with integers, higher is better:

====================================================  =========================================================
topic of the request among the provider's topics      +40
at least one certification valid today                +20
widyaiswara                                           +5
capacity left                                         +0..15: 15 × free places ÷ capacity, rounded down
overlap with the requester's preferred windows        +0..20: 20 × hours that fit ÷ hours asked, rounded down
rating, once `min_raters_for_rating` have rated       −10..+10: (average − 3) × 5, rounded down
preferred provider of the request                     +10
median time to answer at most 4 hours                 +5
====================================================  =========================================================

Ties go to whoever has fewer active engagements, then by name. The overlap is counted on the provider's own
clock (a WITA provider's Tuesday 09:00–12:00 is 08:00–11:00 WIB), less their leave and holidays; a request
without windows scores 0 for it and shows no reason. Below the rating threshold the reason says only that there
are not enough ratings yet: neither the average nor the count of a few raters is shown.
"""

import datetime
import statistics
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tumbuh.coaching.models import EngagementStatus
from tumbuh.people.models import Employee

from .models import (
    AvailabilityException,
    Certification,
    ProviderProfile,
    RequestStatus,
    ResponseSample,
    ServiceKind,
    ServiceRequest,
)
from .selectors.booking import policy_of

TOPIC_POINTS = 40
CERTIFICATION_POINTS = 20
WIDYAISWARA_POINTS = 5
CAPACITY_POINTS = 15
AVAILABILITY_POINTS = 20
RATING_POINTS_PER_STAR = 5
RATING_MIDPOINT = 3
PREFERRED_POINTS = 10
RESPONSIVE_POINTS = 5
RESPONSIVE_HOURS = 4

Interval = tuple[datetime.datetime, datetime.datetime]


@dataclass(frozen=True)
class Match:
    """One candidate for a request: its score and the reasons for it, or why it is not suggested."""

    provider: Employee
    profile: ProviderProfile
    score: int
    reasons: list[str] = field(default_factory=list)
    excluded: str | None = None


def _later(build: Callable[[], str]) -> str:
    """The text BUILD makes, made when shown: in the viewer's language, with their number and date formats."""
    return lazy(build, str)()


def rank_providers(*, request: ServiceRequest, now: datetime.datetime | None = None) -> list[Match]:
    """The agency's providers for REQUEST: suggested ones best first, then the others with why not.

    A fixed number of queries, however large the pool.
    """
    today = timezone.localdate(now or timezone.now())
    min_raters = policy_of(request.agency_id).min_raters_for_rating
    supervisor_id = request.requester.supervisor_id
    topic_name = request.topic.name
    windows = _union((w.starts_at, w.ends_at) for w in request.preferred_windows.all())
    profiles = list(_candidates(request, windows))
    employee_ids = [profile.employee_id for profile in profiles]
    ratings = _ratings(employee_ids)
    medians = _response_medians(employee_ids)

    eligible: list[tuple[Match, int]] = []
    excluded: list[Match] = []
    for profile in profiles:
        employee = profile.employee
        active: int = profile.active  # type: ignore[attr-defined]  # annotated in _candidates
        why_not = _exclusion(
            profile, active=active, kind=request.kind, requester_id=request.requester_id, supervisor_id=supervisor_id
        )
        if why_not is not None:
            excluded.append(Match(provider=employee, profile=profile, score=0, excluded=why_not))
            continue
        score, reasons = _score(
            profile,
            active=active,
            request=request,
            topic_name=topic_name,
            today=today,
            windows=windows,
            rating=ratings.get(employee.pk, (0, 0)),
            min_raters=min_raters,
            median_seconds=medians.get(employee.pk),
        )
        eligible.append((Match(provider=employee, profile=profile, score=score, reasons=reasons), active))
    eligible.sort(key=lambda pair: (-pair[0].score, pair[1], pair[0].provider.full_name, pair[0].provider.pk))
    excluded.sort(key=lambda match: (match.provider.full_name, match.provider.pk))
    return [match for match, _active in eligible] + excluded


def _candidates(request: ServiceRequest, windows: list[Interval]) -> QuerySet[ProviderProfile]:
    """The pool with what scoring reads: one query, plus one per prefetched relation."""
    topic_links = ProviderProfile.topics.through.objects.filter(
        providerprofile_id=OuterRef("pk"), topic_id=request.topic_id
    )
    profiles = (
        ProviderProfile.objects.filter(
            agency_id=request.agency_id, employee__agency_id=request.agency_id, employee__is_active=True
        )
        .select_related("employee")
        .annotate(
            active=Count(
                "employee__engagements_as_coach",
                filter=Q(
                    employee__engagements_as_coach__status__in=[EngagementStatus.REQUESTED, EngagementStatus.ACTIVE]
                ),
            ),
            has_topic=Exists(topic_links),
        )
        .prefetch_related("certifications")
    )
    if windows:
        leave = AvailabilityException.objects.filter(starts_at__lt=windows[-1][1], ends_at__gt=windows[0][0])
        profiles = profiles.prefetch_related(
            "weekly_availability", Prefetch("exceptions", queryset=leave, to_attr="leave_in_windows")
        )
    return profiles


def _ratings(employee_ids: list[int]) -> dict[int, tuple[int, int]]:
    """{provider id: (sum of ratings, number of ratings)} over the closed requests they served (one query)."""
    if not employee_ids:
        return {}
    rows = (
        ServiceRequest.objects.filter(provider_id__in=employee_ids, status=RequestStatus.CLOSED, rating__isnull=False)
        .order_by()
        .values("provider_id")
        .annotate(total=Sum("rating"), count=Count("pk"))
        .values_list("provider_id", "total", "count")
    )
    return {provider_id: (total, count) for provider_id, total, count in rows}


def _response_medians(employee_ids: list[int]) -> dict[int, float]:
    """{provider id: median seconds to answer} (one query)."""
    if not employee_ids:
        return {}
    samples: dict[int, list[int]] = {}
    rows = ResponseSample.objects.filter(provider_id__in=employee_ids).order_by().values_list("provider_id", "seconds")
    for provider_id, seconds in rows:
        samples.setdefault(provider_id, []).append(seconds)
    return {provider_id: statistics.median(values) for provider_id, values in samples.items()}


def _exclusion(
    profile: ProviderProfile, *, active: int, kind: str, requester_id: int, supervisor_id: int | None
) -> str | None:
    """Why PROFILE is not suggested for a KIND request, or None (the wording of `provider_problem`)."""
    name = profile.employee.full_name
    if profile.employee_id == requester_id:
        return _later(lambda: _("Nobody can serve their own request."))
    if profile.employee_id == supervisor_id:
        return _later(lambda: _("%(name)s is the requester's direct supervisor.") % {"name": name})
    if not profile.offers(kind):
        return _later(
            lambda: (
                _("%(name)s does not offer %(service)s; choose a provider who does.")
                % {"name": name, "service": ServiceKind(kind).label.lower()}
            )
        )
    if not profile.accepting_requests:
        return _later(lambda: _("%(name)s is not taking new requests at the moment.") % {"name": name})
    if active >= profile.capacity:
        return _later(
            lambda: _("%(name)s has no capacity left (%(count)d active engagements).") % {"name": name, "count": active}
        )
    return None


def _score(
    profile: ProviderProfile,
    *,
    active: int,
    request: ServiceRequest,
    topic_name: str,
    today: datetime.date,
    windows: list[Interval],
    rating: tuple[int, int],
    min_raters: int,
    median_seconds: float | None,
) -> tuple[int, list[str]]:
    """PROFILE's score for REQUEST and the reasons for it, the requester's own choice first."""
    score = 0
    kind = request.kind
    reasons = [_later(lambda: _("Offers %(service)s") % {"service": ServiceKind(kind).label.lower()})]
    if profile.has_topic:  # type: ignore[attr-defined]
        score += TOPIC_POINTS
        reasons.append(_later(lambda: _("Topic match: %(topic)s") % {"topic": topic_name}))
    valid = [cert for cert in profile.certifications.all() if cert.is_valid(today)]
    if valid:
        score += CERTIFICATION_POINTS
        reasons.append(_certification_reason(valid))
    if profile.employee.is_widyaiswara:
        score += WIDYAISWARA_POINTS
        reasons.append(_later(lambda: _("Widyaiswara")))
    capacity = profile.capacity
    left = capacity - active
    score += CAPACITY_POINTS * left // capacity
    reasons.append(_later(lambda: _("Capacity left: %(left)d of %(capacity)d") % {"left": left, "capacity": capacity}))
    if windows:
        asked = _seconds(windows)
        fits = _seconds(_free_in(windows, profile))
        score += AVAILABILITY_POINTS * fits // asked
        reasons.append(_availability_reason(fits, asked))
    total, count = rating
    if count and count >= min_raters:
        score += RATING_POINTS_PER_STAR * (total - RATING_MIDPOINT * count) // count
        reasons.append(_rating_reason(total, count))
    else:
        reasons.append(_later(lambda: _("Not enough ratings yet to show one")))
    if request.preferred_provider_id == profile.employee_id:
        score += PREFERRED_POINTS
        reasons.insert(0, _later(lambda: _("Chosen by the requester")))
    if median_seconds is not None and median_seconds <= RESPONSIVE_HOURS * 3600:
        score += RESPONSIVE_POINTS
        reasons.append(_later(lambda: _("Usually answers within %(hours)d hours") % {"hours": RESPONSIVE_HOURS}))
    return score, reasons


def _certification_reason(valid: list[Certification]) -> str:
    """The valid certification that lasts longest (one that never expires first)."""
    best = min(
        valid,
        key=lambda cert: (
            cert.valid_until is not None,
            -cert.valid_until.toordinal() if cert.valid_until else 0,
            cert.name,
        ),
    )
    name, until = best.name, best.valid_until
    if until is None:
        return _later(lambda: _("Valid certification: %(name)s (does not expire)") % {"name": name})
    return _later(
        lambda: (
            _("Valid certification: %(name)s (until %(date)s)")
            % {"name": name, "date": formats.date_format(until, "j M Y")}
        )
    )


def _availability_reason(fits: int, asked: int) -> str:
    if not fits:
        return _later(lambda: _("Not available at any of the preferred times"))
    return _later(
        lambda: (
            _("%(hours)s of the %(total)s preferred hours fit their schedule")
            % {"hours": _hours(fits), "total": _hours(asked)}
        )
    )


def _rating_reason(total: int, count: int) -> str:
    average = round(total / count, 1)
    return _later(
        lambda: (
            ngettext("Rating %(average)s from %(count)d rating", "Rating %(average)s from %(count)d ratings", count)
            % {"average": formats.number_format(average, decimal_pos=1), "count": count}
        )
    )


def _hours(seconds: int) -> str:
    """SECONDS as hours, to the tenth, in the active locale: "3", "1,5"."""
    tenths = round(seconds / 360)
    return formats.number_format(tenths / 10, decimal_pos=0 if tenths % 10 == 0 else 1)


# Time intervals


def _union(intervals: Iterable[Interval]) -> list[Interval]:
    """INTERVALS merged where they overlap or touch, earliest first."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _subtract(intervals: list[Interval], holes: Iterable[Interval]) -> list[Interval]:
    for hole_start, hole_end in holes:
        intervals = [
            piece
            for start, end in intervals
            for piece in ((start, min(end, hole_start)), (max(start, hole_end), end))
            if piece[0] < piece[1]
        ]
    return intervals


def _seconds(intervals: list[Interval]) -> int:
    return int(sum((end - start).total_seconds() for start, end in intervals))


def _free_in(windows: list[Interval], profile: ProviderProfile) -> list[Interval]:
    """The parts of WINDOWS inside PROFILE's weekly availability (on their own clock), less their leave."""
    zone = zoneinfo.ZoneInfo(profile.employee.time_zone)
    by_weekday: dict[int, list[tuple[datetime.time, datetime.time]]] = {}
    for weekly in profile.weekly_availability.all():
        by_weekday.setdefault(weekly.weekday, []).append((weekly.start_time, weekly.end_time))
    pieces: list[Interval] = []
    for window_start, window_end in windows:
        day = window_start.astimezone(zone).date()
        while day <= window_end.astimezone(zone).date():
            for opens, closes in by_weekday.get(day.weekday(), []):
                start = max(window_start, datetime.datetime.combine(day, opens, tzinfo=zone))
                end = min(window_end, datetime.datetime.combine(day, closes, tzinfo=zone))
                if start < end:
                    pieces.append((start, end))
            day += datetime.timedelta(days=1)
    leave = [(e.starts_at, e.ends_at) for e in profile.leave_in_windows]  # type: ignore[attr-defined]
    return _subtract(_union(pieces), leave)
