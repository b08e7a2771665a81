"""The organisation: agencies, unit trees, employees with their reporting lines, roles and the provider pool."""

from tumbuh.access.roles import Role
from tumbuh.people.models import Agency, Employee, PositionType, RoleGrant, TimeZone, Unit
from tumbuh.people.nip import AsnType
from tumbuh.service.models import ProviderProfile, ServicePolicy, Topic, WeeklyAvailability

from . import texts
from .plan import (
    COACH,
    PLATFORM_ADMIN,
    PROVIDER,
    SERVICE_ADMIN,
    TOPICS_PER_AGENCY,
    UNIT_BRANCHING,
    Plan,
)
from .sql import Loader, pick, quote

AGENCY_PREFIX = "Bench "
EMAIL_DOMAIN = "bench.tumbuh.test"


def fill_organisation(loader: Loader, plan: Plan, *, password_hash: str) -> None:
    d = loader.dialect
    loader.fill(
        Agency,
        plan.agencies,
        {
            "id": "i",
            "name": f"{quote(AGENCY_PREFIX + 'Instansi ')} || {d.pad('i', 3)}",
            "short_name": f"'BI' || {d.pad('i', 3)}",
        },
    )
    units = plan.units
    unit_place = f"((i - 1) % {units})"
    agency = f"((i - 1) / {units} + 1)"
    loader.fill(
        Unit,
        plan.agencies * units,
        {
            "id": "i",
            "agency": agency,
            "parent": f"CASE WHEN {unit_place} = 0 THEN NULL "
            f"ELSE ({agency} - 1) * {units} + ({unit_place} - 1) / {UNIT_BRANCHING} + 1 END",
            "name": f"CASE WHEN {unit_place} = 0 THEN 'Sekretariat' ELSE 'Bidang ' || {unit_place} END",
        },
    )
    fill_employees(loader, plan, password_hash=password_hash)


def fill_employees(loader: Loader, plan: Plan, *, password_hash: str) -> None:
    d = loader.dialect
    place = f"((i - 1) / {plan.agencies})"
    agency = plan.agency_of("i")
    unit_place = plan.unit_place("i")
    is_head = f"{place} < {plan.units}"
    head_supervisor = (
        f"CASE WHEN {place} = 0 THEN NULL ELSE {plan.employee(agency, f'({place} - 1) / {UNIT_BRANCHING}')} END"
    )
    # A NIP from the row number in mixed radix (birth year, month, day, then the sequence): unique up to 11.7M
    # people, and valid whatever day it runs, as every appointment lies before 2024.
    n = "(i - 1)"
    year = f"(1965 + {n} % 35)"
    nip = " || ".join(
        [
            f"CAST({year} AS text)" if d.postgres else year,
            d.pad(f"1 + ({n} / 35) % 12", 2),
            d.pad(f"1 + ({n} / 420) % 28", 2),
            f"CAST({year} + 20 + {n} % 5 AS text)" if d.postgres else f"({year} + 20 + {n} % 5)",
            d.pad(f"1 + ({n} / 7) % 12", 2),
            f"CAST(1 + {n} % 2 AS text)" if d.postgres else f"(1 + {n} % 2)",
            d.pad(f"1 + ({n} / 11760) % 999", 3),
        ]
    )
    service_admin = f"{place} = {plan.units + SERVICE_ADMIN}"
    loader.fill(
        Employee,
        plan.employees,
        {
            "id": "i",
            "password": quote(password_hash),
            "is_superuser": f"(i = {plan.named(PLATFORM_ADMIN)})",
            "nip": nip,
            "asn_type": quote(AsnType.PNS),
            "email": f"'e' || i || '@{EMAIL_DOMAIN}'",
            "full_name": f"{pick('i', texts.FIRST_NAMES)} || ' ' || {pick('i / 20', texts.LAST_NAMES)}",
            "phone": f"'0812' || {d.pad('i', 8)}",
            "agency": agency,
            "unit": plan.unit_of("i"),
            "position": f"CASE WHEN {is_head} THEN 'Kepala ' || CASE WHEN {unit_place} = 0 THEN 'Sekretariat' "
            f"ELSE 'Bidang ' || {unit_place} END ELSE {pick('i', texts.POSITIONS)} END",
            "position_type": f"CASE WHEN {place} = 0 THEN {quote(PositionType.STRUCTURAL_HIGH)} "
            f"WHEN {is_head} THEN {quote(PositionType.STRUCTURAL_ADMINISTRATOR)} "
            f"WHEN i % 2 = 0 THEN {quote(PositionType.FUNCTIONAL)} ELSE {quote(PositionType.EXECUTOR)} END",
            "supervisor": f"CASE WHEN {is_head} THEN {head_supervisor} "
            f"ELSE {plan.employee(agency, f'({place} - {plan.units}) % {plan.units}')} END",
            "is_widyaiswara": "(i % 50 = 0)",
            "time_zone": f"CASE WHEN {agency} % 5 < 3 THEN {quote(TimeZone.WIB)} "
            f"WHEN {agency} % 5 = 3 THEN {quote(TimeZone.WITA)} ELSE {quote(TimeZone.WIT)} END",
            "language": "CASE WHEN i % 10 = 0 THEN 'en' ELSE 'id' END",
            "is_active": "TRUE",
            "is_staff": f"({service_admin} OR i = {plan.named(PLATFORM_ADMIN)})",
            "date_joined": d.at("-86400 * (30 + i % 1000)"),
        },
    )


def _coach(plan: Plan, number: str = "i") -> tuple[str, str]:
    """(agency, employee id) of generic coach NUMBER: agency by agency, then block by block."""
    agency = f"(({number} - 1) % {plan.agencies} + 1)"
    return agency, plan.employee(agency, plan.coach_place(f"(({number} - 1) / {plan.agencies})"))


def fill_roles(loader: Loader, plan: Plan) -> None:
    now = loader.dialect.now
    agency, coach = _coach(plan)
    block = f"((i - 1) / {plan.agencies})"
    for role, where in ((Role.COACH, ""), (Role.MENTOR, f"{block} % 3 = 1"), (Role.CONSULTANT, f"{block} % 3 = 2")):
        grants = {"employee": coach, "role": quote(role), "agency": agency, "granted_at": now}
        loader.fill(RoleGrant, plan.coaches, grants, where=where)
    named_coaches = f"CASE WHEN i = 1 THEN {plan.named(COACH)} ELSE {plan.named(PROVIDER)} END"
    loader.fill(RoleGrant, 2, {"employee": named_coaches, "role": quote(Role.COACH), "agency": "1", "granted_at": now})
    admins = {
        "employee": plan.employee("i", str(plan.units + SERVICE_ADMIN)),
        "role": quote(Role.SERVICE_ADMIN),
        "agency": "i",
        "granted_at": now,
    }
    loader.fill(RoleGrant, plan.agencies, admins)


def fill_provider_pool(loader: Loader, plan: Plan) -> None:
    """Topics and a policy per agency; a profile with three topics and weekly hours for every coach.

    Profile ids: the generic coaches first, then the named provider, then the named heavy coach.
    """
    loader.fill(
        Topic,
        plan.agencies * TOPICS_PER_AGENCY,
        {
            "id": "i",
            "agency": f"((i - 1) / {TOPICS_PER_AGENCY} + 1)",
            "name": pick("i - 1", texts.TOPICS),
            "description": "''",
            "is_active": "TRUE",
        },
    )
    loader.fill(
        ServicePolicy,
        plan.agencies,
        {
            "agency": "i",
            "allow_self_pick": "(i % 2 = 1)",
            "min_notice_hours": "24",
            "min_raters_for_rating": "3",
            "booking_horizon_days": "28",
        },
    )
    profiles = plan.coaches + 2
    agency, coach = _coach(plan)
    block = f"((i - 1) / {plan.agencies})"
    named = f"i > {plan.coaches}"
    loader.fill(
        ProviderProfile,
        profiles,
        {
            "id": "i",
            "employee": f"CASE WHEN i = {plan.coaches + 1} THEN {plan.named(PROVIDER)} "
            f"WHEN i = {plan.coaches + 2} THEN {plan.named(COACH)} ELSE {coach} END",
            "agency": f"CASE WHEN {named} THEN 1 ELSE {agency} END",
            "offers_consulting": f"({block} % 3 = 2 OR {named})",
            "offers_coaching": "TRUE",
            "offers_mentoring": f"({block} % 3 = 1 OR {named})",
            "bio": quote("Coach bersertifikat; mendampingi ASN dalam kepemimpinan dan kinerja."),
            "languages": "CASE WHEN i % 4 = 0 THEN 'id,en' ELSE 'id' END",
            "capacity": f"CASE WHEN {named} THEN 60 ELSE 5 + i % 5 END",
            "accepting_requests": "TRUE",
            "meeting_url": "''",
            "slot_minutes": "60",
        },
    )
    through = ProviderProfile.topics.through
    profile = "((i - 1) / 3 + 1)"
    profile_agency = f"CASE WHEN {profile} > {plan.coaches} THEN 1 ELSE ({profile} - 1) % {plan.agencies} + 1 END"
    loader.fill(
        through,
        profiles * 3,
        {
            "providerprofile": profile,
            "topic": f"({profile_agency} - 1) * {TOPICS_PER_AGENCY} "
            f"+ ({profile} + (i - 1) % 3) % {TOPICS_PER_AGENCY} + 1",
        },
    )
    # Three mornings a week for everyone; the named provider works Monday to Friday, 08:00 to 16:00.
    d = loader.dialect
    provider_profile = plan.coaches + 1
    loader.fill(
        WeeklyAvailability,
        profiles * 3,
        {
            "provider": profile,
            "weekday": f"({profile} + 2 * ((i - 1) % 3)) % 5",
            "start_time": d.clock(f"8 + {profile} % 3"),
            "end_time": d.clock(f"11 + {profile} % 3"),
        },
        where=f"{profile} <> {provider_profile}",
    )
    loader.fill(
        WeeklyAvailability,
        5,
        {"provider": str(provider_profile), "weekday": "i - 1", "start_time": d.clock("8"), "end_time": d.clock("16")},
    )
