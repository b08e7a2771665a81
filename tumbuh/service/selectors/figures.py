"""Reads for the service admin: the queue of open requests and the service figures.

Both are scoped to the agencies whose service the viewer runs (every agency for a platform admin) and
carry request metadata only: never what was asked (`need`) nor the conversation.
"""

import datetime
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.db.models import Count, Min, Model, Q, QuerySet
from django.utils import timezone

from tumbuh.coaching.models import Session, SessionStatus
from tumbuh.people.models import Agency, Employee

from ..models import ExportJob, RequestStatus, ServiceKind, ServiceRequest
from ..models.requests import OPEN_STATUSES
from .requests import admin_agency_ids

DEFAULT_PERIOD_DAYS = 90

# What the queue and the export show of a request; the need, recommendation and feedback stay out.
NOT_FOR_DASHBOARD = ("need", "recommendation", "feedback")
CACHE = "_dashboard_agency_ids"


def dashboard_agency_ids(user: Employee) -> list[int] | None:
    """Agencies whose service USER runs; None means every agency (a platform admin). Looked up once per user object."""
    if not hasattr(user, CACHE):
        setattr(user, CACHE, None if user.is_superuser else admin_agency_ids(user))
    ids = getattr(user, CACHE)
    return None if ids is None else list(ids)


def agencies_run_by(user: Employee) -> QuerySet[Agency]:
    """The agencies USER may pick from on the dashboard."""
    ids = dashboard_agency_ids(user)
    agencies = Agency.objects.order_by("name")
    return agencies if ids is None else agencies.filter(pk__in=ids)


def scope_ids(user: Employee, agency: Agency | None = None) -> list[int] | None:
    """The agencies a dashboard read covers: AGENCY when given (and USER runs it), else all USER runs."""
    ids = dashboard_agency_ids(user)
    if agency is None:
        return ids
    return [agency.pk] if ids is None or agency.pk in ids else []


def _in_agencies[M: Model](
    queryset: QuerySet[M], agency_ids: list[int] | None, lookup: str = "agency_id"
) -> QuerySet[M]:
    return queryset if agency_ids is None else queryset.filter(**{f"{lookup}__in": agency_ids})


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last 90 days, today included."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS - 1), today


def period_bounds(
    first_day: datetime.date, last_day: datetime.date, zone: datetime.tzinfo | None = None
) -> tuple[datetime.datetime, datetime.datetime]:
    """From the start of FIRST_DAY to the end of LAST_DAY on ZONE's clock (the active one by default)."""
    zone = zone or timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


# The queue


def queue_for(
    user: Employee, *, agency: Agency | None = None, status: str = "", kind: str = ""
) -> QuerySet[ServiceRequest]:
    """Open requests of the agencies USER runs, oldest first, optionally of one STATUS and KIND."""
    requests = _in_agencies(ServiceRequest.objects.filter(status__in=OPEN_STATUSES), scope_ids(user, agency))
    if status:
        requests = requests.filter(status=status)
    if kind:
        requests = requests.filter(kind=kind)
    return (
        requests.select_related("requester__unit", "provider", "topic", "agency")
        .defer(*NOT_FOR_DASHBOARD)
        .order_by("created_at", "pk")
    )


# The figures


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class RequestCounts:
    """The requests of one period counted by kind, topic and status: what the charts draw."""

    first_day: datetime.date
    last_day: datetime.date
    total: int
    by_kind: list[Tally]  # every service, zeros included
    by_status: list[Tally]  # every status, zeros included
    by_topic: list[Tally]  # topics asked for, most asked first
    by_kind_and_status: dict[str, dict[str, int]]

    @property
    def status_rows(self) -> list[tuple[Tally, list[int]]]:
        """Each status with its count per service (in the order of `by_kind`), for the table."""
        return [
            (status, [self.by_kind_and_status[kind.key][status.key] for kind in self.by_kind])
            for status in self.by_status
        ]


@dataclass(frozen=True)
class ServiceFigures(RequestCounts):
    """The service in one period: requests by kind, topic and status; responsiveness; sessions held."""

    median_first_response_seconds: int | None
    answered: int  # requests the median rests on
    median_first_session_seconds: int | None
    with_session: int
    sessions_held: int
    sessions_no_show: int

    @property
    def median_first_response_hours(self) -> float | None:
        seconds = self.median_first_response_seconds
        return None if seconds is None else round(seconds / 3600, 1)

    @property
    def median_first_session_days(self) -> float | None:
        seconds = self.median_first_session_seconds
        return None if seconds is None else round(seconds / 86400, 1)

    @property
    def no_show_rate(self) -> float | None:
        """No-shows among the sessions that were due (held or missed); None when none were."""
        due = self.sessions_held + self.sessions_no_show
        return self.sessions_no_show / due if due else None

    @property
    def no_show_percent(self) -> float | None:
        rate = self.no_show_rate
        return None if rate is None else round(rate * 100, 1)


def _median_seconds(deltas: Iterable[datetime.timedelta]) -> tuple[int | None, int]:
    seconds = [delta.total_seconds() for delta in deltas]
    return (round(statistics.median(seconds)) if seconds else None), len(seconds)


def requests_in_period(
    agency_ids: list[int] | None, first_day: datetime.date, last_day: datetime.date, zone: datetime.tzinfo | None = None
) -> QuerySet[ServiceRequest]:
    """Requests submitted in the period (dates on ZONE's clock) to the given agencies (None: all)."""
    start, end = period_bounds(first_day, last_day, zone)
    requests = ServiceRequest.objects.filter(created_at__gte=start, created_at__lt=end)
    return _in_agencies(requests, agency_ids).order_by()


def with_first_session(requests: QuerySet[ServiceRequest]) -> QuerySet[ServiceRequest]:
    """Annotate `first_session`: when the first session of the request's engagement was (or is) due.

    Cancelled sessions do not count; a session still to come does.
    """
    return requests.annotate(
        first_session=Min(
            "engagement__sessions__scheduled_at",
            filter=~Q(engagement__sessions__status=SessionStatus.CANCELLED),
        )
    )


def request_counts(
    *,
    agency_ids: list[int] | None,
    first_day: datetime.date,
    last_day: datetime.date,
    zone: datetime.tzinfo | None = None,
) -> RequestCounts:
    """The requests submitted from FIRST_DAY to LAST_DAY (on ZONE's clock) counted, in two grouped queries."""
    zone = zone or timezone.get_current_timezone()
    requests = requests_in_period(agency_ids, first_day, last_day, zone)
    grid = {kind: dict.fromkeys(RequestStatus.values, 0) for kind in ServiceKind.values}
    for kind, status, count in (
        requests.values("kind", "status").annotate(n=Count("pk")).values_list("kind", "status", "n")
    ):
        grid.setdefault(kind, dict.fromkeys(RequestStatus.values, 0))[status] = count
    by_kind = [Tally(kind.value, str(kind.label), sum(grid[kind.value].values())) for kind in ServiceKind]
    by_status = [
        Tally(status.value, str(status.label), sum(row[status.value] for row in grid.values()))
        for status in RequestStatus
    ]
    topics = requests.values("topic__name").annotate(n=Count("pk")).values_list("topic__name", "n")
    by_topic = [Tally(name, name, count) for name, count in sorted(topics, key=lambda row: (-row[1], row[0]))]
    return RequestCounts(
        first_day=first_day,
        last_day=last_day,
        total=sum(tally.count for tally in by_kind),
        by_kind=by_kind,
        by_status=by_status,
        by_topic=by_topic,
        by_kind_and_status=grid,
    )


def service_figures(
    *,
    agency_ids: list[int] | None,
    first_day: datetime.date,
    last_day: datetime.date,
    zone: datetime.tzinfo | None = None,
) -> ServiceFigures:
    """The figures of requests submitted from FIRST_DAY to LAST_DAY (on ZONE's clock), in four queries.

    Time to first response: from submission to the provider's first answer (accepting, declining or a message:
    `first_response_at`), so it covers the admin's assignment as well as the provider. Time to first session:
    from submission to the first session that was not cancelled. The no-show rate counts sessions due in the
    period (by their time, whatever the request's date): no-shows / (held + no-shows).
    """
    zone = zone or timezone.get_current_timezone()
    counts = request_counts(agency_ids=agency_ids, first_day=first_day, last_day=last_day, zone=zone)
    requests = requests_in_period(agency_ids, first_day, last_day, zone)

    timings = list(
        with_first_session(requests).values_list("created_at", "first_response_at", "first_session")  # type: ignore[misc]
    )
    response_median, answered = _median_seconds(
        answered_at - created for created, answered_at, _first in timings if answered_at is not None
    )
    session_median, with_session = _median_seconds(
        first - created for created, _answered, first in timings if first is not None
    )

    start, end = period_bounds(first_day, last_day, zone)
    due = Session.objects.filter(
        scheduled_at__gte=start, scheduled_at__lt=end, engagement__service_request__isnull=False
    )
    sessions = _in_agencies(due, agency_ids, "engagement__service_request__agency_id").aggregate(
        held=Count("pk", filter=Q(status=SessionStatus.HELD)),
        no_show=Count("pk", filter=Q(status=SessionStatus.NO_SHOW)),
    )

    return ServiceFigures(
        **{field.name: getattr(counts, field.name) for field in fields(counts)},
        median_first_response_seconds=response_median,
        answered=answered,
        median_first_session_seconds=session_median,
        with_session=with_session,
        sessions_held=sessions["held"],
        sessions_no_show=sessions["no_show"],
    )


# Exports


def exports_visible_to(user: Employee) -> QuerySet[ExportJob]:
    """Exports USER asked for; a platform admin sees every export."""
    jobs = ExportJob.objects.select_related("requested_by", "agency")
    return jobs if user.is_superuser else jobs.filter(requested_by=user)


def recent_exports_of(user: Employee, limit: int = 5) -> QuerySet[ExportJob]:
    return ExportJob.objects.filter(requested_by=user).order_by("-created_at", "-pk")[:limit]
