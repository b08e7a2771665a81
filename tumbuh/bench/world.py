"""The benchmark's world: empty the bench tables, fill them set-based, name the people the benchmark logs in as.

It only ever replaces data it made itself (every agency's name starts with "Bench ", every e-mail address ends in
@bench.tumbuh.test); anything else in the database stops it unless the caller says to wipe.
"""

import datetime
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from tumbuh.coaching.models import ActionItem, Contract, Engagement, Goal, GoalProgress, Session
from tumbuh.notifications.models import Notification
from tumbuh.people.models import Agency, ApiToken, Employee, RoleGrant, Unit
from tumbuh.people.services import create_api_token
from tumbuh.service.models import (
    Booking,
    Message,
    ProviderProfile,
    ServicePolicy,
    ServiceRequest,
    Topic,
    WeeklyAvailability,
)
from tumbuh.toolkit.services import install_builtin_questions

from . import coaching, org, service
from .plan import (
    BOOKABLE_REQUEST,
    COACH,
    COACHEE,
    COACHEE_ENGAGEMENTS,
    MAIN_SESSIONS,
    OTHER_COACHEE_SESSIONS,
    PLATFORM_ADMIN,
    PROVIDER,
    REQUESTER,
    SERVICE_ADMIN,
    THREAD_REQUEST,
    Plan,
)
from .sql import Dialect, Loader, table, without_checks_while_loading

PASSWORD = "tumbuh-bench-2026"  # noqa: S105 -- every benchmark account's, printed and written out by design

FILLED = [
    Agency,
    Unit,
    Employee,
    RoleGrant,
    Topic,
    ServicePolicy,
    ProviderProfile,
    WeeklyAvailability,
    Engagement,
    Contract,
    Goal,
    GoalProgress,
    Session,
    ActionItem,
    ServiceRequest,
    Booking,
    Message,
    Notification,
    ApiToken,
]

# role -> (e-mail, name); the supervisor is found, the others sit at their reserved places in agency 1.
NAMED = {
    "coachee": ("coachee", "Budi Hartono"),
    "coach": ("coach", "Sari Kusumawati"),
    "supervisor": ("supervisor", "I Wayan Sudarta"),
    "service_admin": ("service-admin", "Rina Maharani"),
    "platform_admin": ("platform-admin", "Admin Platform"),
    "provider": ("provider", "Hendra Gunawan"),
    "requester": ("requester", "Ayu Pratiwi"),
}


class ForeignData(Exception):
    """The database holds rows the seed did not make."""


@dataclass(frozen=True)
class Options:
    scale: float
    password: str = PASSWORD
    wipe: bool = False


def foreign_rows() -> list[str]:
    """What in the database the seed did not make (empty when it holds nothing or only bench data)."""
    found = []
    strangers = Employee.objects.exclude(email__endswith="@" + org.EMAIL_DOMAIN).count()
    if strangers:
        found.append(f"{strangers} employees")
    agencies = Agency.objects.exclude(name__startswith=org.AGENCY_PREFIX).count()
    if agencies:
        found.append(f"{agencies} agencies")
    return found


def named_ids(plan: Plan) -> dict[str, int]:
    coachee = plan.named(COACHEE)
    return {
        "coachee": coachee,
        "coach": plan.named(COACH),
        "supervisor": _head_of_unit(plan, coachee),
        "service_admin": plan.named(SERVICE_ADMIN),
        "platform_admin": plan.named(PLATFORM_ADMIN),
        "provider": plan.named(PROVIDER),
        "requester": plan.named(REQUESTER),
    }


def _head_of_unit(plan: Plan, employee: int) -> int:
    """The id of EMPLOYEE's direct supervisor (a staff member's): the head of their unit."""
    place = (employee - 1) // plan.agencies
    unit_place = place if place < plan.units else (place - plan.units) % plan.units
    return 1 + unit_place * plan.agencies


def _empty(loader: Loader) -> None:
    """Empty the bench tables and every table that refers to them (audit events, tokens, ...)."""
    started = time.perf_counter()
    tables = [model._meta.db_table for model in (Agency, Employee)]
    sql = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(sql)
    # The cascade reaches the question bank (an agency's own questions): put the built-in ones back.
    install_builtin_questions()
    loader.phases["emptying"] += time.perf_counter() - started


def _name_people(loader: Loader, ids: dict[str, int]) -> dict[str, dict]:
    started = time.perf_counter()
    people = {}
    for role, person_id in ids.items():
        local, name = NAMED[role]
        email = f"{local}@{org.EMAIL_DOMAIN}"
        Employee.objects.filter(pk=person_id).update(email=email, full_name=name)
        _, raw = create_api_token(employee=Employee.objects.get(pk=person_id), name="bench")
        people[role] = {"id": person_id, "login": email, "token": raw}
    loader.note(ApiToken, len(ids), time.perf_counter() - started)
    return people


def _finish(loader: Loader) -> None:
    """Sequences past the ids written (so later inserts do not collide), then fresh planner statistics."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), FILLED):
            cursor.execute(sql)
        tables = [*(table(model) for model in FILLED), table(ProviderProfile.topics.through)]
        if loader.dialect.postgres:
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:
            cursor.execute("ANALYZE")
    loader.phases["sequences and statistics"] += time.perf_counter() - started


def build(options: Options, *, progress=None) -> dict:
    """Replace the bench data with a world at OPTIONS.scale; return its description (the output JSON).

    Raises ForeignData, touching nothing, when the database holds other data and OPTIONS.wipe is off.
    """
    plan = Plan.for_scale(options.scale)
    problems = plan.checks()
    if problems:
        raise ValueError(f"The scale {options.scale} is too small: {'; '.join(problems)}.")
    found = foreign_rows()
    if found and not options.wipe:
        raise ForeignData(", ".join(found))
    base = timezone.now().replace(minute=0, second=0, microsecond=0)
    loader = Loader(Dialect(connection.vendor, base))
    password_hash = make_password(options.password)
    report = progress or (lambda step: None)
    started = time.perf_counter()
    with transaction.atomic():
        if loader.dialect.postgres:
            # The foreign keys that stay during the load (the M2M table's) are checked as each statement ends,
            # not queued up to the commit.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        _empty(loader)
        steps = [
            ("organisation", lambda: org.fill_organisation(loader, plan, password_hash=password_hash)),
            ("roles", lambda: org.fill_roles(loader, plan)),
            ("provider pool", lambda: org.fill_provider_pool(loader, plan)),
            ("engagements", lambda: coaching.fill_engagements(loader, plan)),
            ("contracts and goals", lambda: coaching.fill_plans(loader, plan)),
            ("sessions", lambda: coaching.fill_sessions(loader, plan)),
            ("action items", lambda: coaching.fill_actions(loader, plan)),
            ("service requests", lambda: service.fill_requests(loader, plan)),
            ("bookings", lambda: service.fill_bookings(loader, plan)),
            ("messages", lambda: service.fill_messages(loader, plan)),
        ]
        ids = named_ids(plan)
        steps.append(("notifications", lambda: service.fill_notifications(loader, plan, list(ids.values()))))
        with without_checks_while_loading(loader, FILLED):
            for label, step in steps:
                report(label)
                step()
            report("indexes and foreign keys")
        people = _name_people(loader, ids)
        report("sequences and statistics")
        _finish(loader)
    tables = {name: {"rows": loader.rows[name], "seconds": round(sec, 3)} for name, sec in loader.seconds.items()}
    return {
        "scale": options.scale,
        "seconds": round(time.perf_counter() - started, 3),
        "database": connection.vendor,
        "generated_at": base.astimezone(datetime.UTC).isoformat(),
        "tables": tables,
        "phases": {name: round(seconds, 3) for name, seconds in loader.phases.items()},
        "password": options.password,
        "people": people,
        "objects": {
            "engagement_id": 1,
            # A held GROW session of that engagement, so its canvas page has notes to show.
            "session_id": MAIN_SESSIONS - 10,
            "coach_engagement_id": COACHEE_ENGAGEMENTS + 1,
            "coach_session_id": MAIN_SESSIONS + OTHER_COACHEE_SESSIONS * (COACHEE_ENGAGEMENTS - 1) + 1,
            "request_id": THREAD_REQUEST,
            "bookable_request_id": BOOKABLE_REQUEST,
            "profile_id": plan.coaches + 1,
            "admin_agency_id": 1,
        },
        "counts": {
            "agencies": plan.agencies,
            "units_per_agency": plan.units,
            "coaches_per_agency": plan.blocks,
            "employees": plan.employees,
            "engagements": plan.engagements,
            "sessions": plan.sessions,
            "action_items": plan.action_items,
            "service_requests": plan.service_requests,
            "big_agency_requests": plan.big_agency_requests,
            "bookings": plan.bookings,
            "messages": plan.messages,
            "notifications": plan.notifications,
        },
    }
