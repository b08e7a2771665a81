"""Service rows: requests (most of them in agency 1), their bookings and conversations, and everyone's notices."""

from tumbuh.coaching.models import Session
from tumbuh.notifications import kinds
from tumbuh.notifications.models import Notification
from tumbuh.service.models import Booking, Message, ServiceRequest

from . import texts
from .coaching import DAY, request_kind
from .plan import (
    BOOKED,
    PROVIDER,
    REQUEST_CYCLE,
    REQUESTER,
    REQUESTER_REQUESTS,
    THREAD_MESSAGES,
    THREAD_REQUEST,
    TOPICS_PER_AGENCY,
    WITH_ENGAGEMENT,
    WITH_PROVIDER,
    Plan,
)
from .sql import Loader, column, pick, quote, table


def _positions(positions: tuple[int, ...]) -> str:
    return f"(i - 1) % 10 IN ({', '.join(str(p) for p in positions)})"


def fill_requests(loader: Loader, plan: Plan) -> None:
    d = loader.dialect
    number = plan.request_number("i")
    created = plan.request_created("i")
    finished = _positions((7, 8))
    loader.fill(
        ServiceRequest,
        plan.service_requests,
        {
            "id": "i",
            "requester": plan.requester("i"),
            "agency": plan.request_agency("i"),
            "kind": request_kind(plan, "i"),
            "topic": f"({plan.request_agency('i')} - 1) * {TOPICS_PER_AGENCY} + {number} % {TOPICS_PER_AGENCY} + 1",
            "need": quote(texts.NEED),
            "mode": f"(CASE WHEN {number} % 4 = 0 THEN 'offline' ELSE 'online' END)",
            "status": pick("i - 1", REQUEST_CYCLE),
            "provider": plan.provider("i"),
            "engagement": plan.request_engagement("i"),
            "recommendation": f"(CASE WHEN {finished} THEN {quote(texts.RECOMMENDATION)} ELSE '' END)",
            "rating": f"(CASE WHEN {finished} THEN 1 + {number} % 5 ELSE NULL END)",
            "feedback": "''",
            "created_at": d.at(created),
            "assigned_at": f"(CASE WHEN {_positions(WITH_PROVIDER)} THEN {d.at(f'{created} + 3600')} ELSE NULL END)",
            "first_response_at": f"(CASE WHEN {_positions(WITH_ENGAGEMENT)} THEN {d.at(f'{created} + 5400')} "
            "ELSE NULL END)",
            "closed_at": f"(CASE WHEN {_positions((7, 8, 9))} THEN {d.at(f'{created} + 18000')} ELSE NULL END)",
            "version": "1",
        },
    )


def fill_bookings(loader: Loader, plan: Plan) -> None:
    """One booking per scheduled request, an hour apart from tomorrow on; its session moves to that hour."""
    d = loader.dialect
    rank = f"((i - 1) / 10 * {len(BOOKED)} + (i - 1) % 10 - {BOOKED[0]})"
    starts = f"({DAY} + {rank} * 3600)"
    loader.fill(
        Booking,
        plan.service_requests,
        {
            "provider": plan.provider("i"),
            "booked_by": plan.requester("i"),
            "request": "i",
            "session": plan.first_session(plan.request_engagement("i")),
            "starts_at": d.at(starts),
            "ends_at": d.at(f"{starts} + 3600"),
            "status": "'active'",
            "sequence": "0",
            "created_at": d.at(f"{plan.request_created('i')} + 7200"),
        },
        where=_positions(BOOKED),
    )
    # Names from _meta and our own numbers only (sql.py), as every statement of the seed.
    session_id = column(Session, "id")
    booked = f"SELECT b.{column(Booking, 'starts_at')} FROM {table(Booking)} b WHERE b.{column(Booking, 'session')}"  # noqa: S608
    update = (
        f"UPDATE {table(Session)} SET {column(Session, 'scheduled_at')} = ({booked} = {table(Session)}.{session_id}), "  # noqa: S608
        f"{column(Session, 'status')} = 'scheduled' "
        f"WHERE {session_id} IN (SELECT {column(Booking, 'session')} FROM {table(Booking)})"
    )
    loader.run(Session, update, adds_rows=False)


def fill_messages(loader: Loader, plan: Plan) -> None:
    d = loader.dialect
    requester, provider = plan.named(REQUESTER), plan.named(PROVIDER)
    loader.fill(
        Message,
        THREAD_MESSAGES,
        {
            "request": str(THREAD_REQUEST),
            "sender": f"(CASE WHEN i % 2 = 1 THEN {requester} ELSE {provider} END)",
            "provider": str(provider),
            "body": pick("i - 1", texts.MESSAGES),
            "created_at": d.at(f"-30 * {DAY} + i * 3 * 3600"),
        },
    )
    # The rest go to every request but the requester's own, so her thread keeps exactly its 200.
    others = plan.service_requests - REQUESTER_REQUESTS
    request_provider = f"sr.{column(ServiceRequest, 'provider')}"
    loader.fill(
        Message,
        plan.messages - THREAD_MESSAGES,
        {
            "request": f"sr.{column(ServiceRequest, 'id')}",
            "sender": f"(CASE WHEN {request_provider} IS NOT NULL AND i % 2 = 0 THEN {request_provider} "
            f"ELSE sr.{column(ServiceRequest, 'requester')} END)",
            "provider": request_provider,
            "body": pick("i", texts.MESSAGES),
            "created_at": d.at("3600 * (1 + i % 48)", f"sr.{column(ServiceRequest, 'created_at')}"),
        },
        joins=f"JOIN {table(ServiceRequest)} sr "
        f"ON sr.{column(ServiceRequest, 'id')} = {REQUESTER_REQUESTS + 1} + (i - 1) % {others}",
    )


def fill_notifications(loader: Loader, plan: Plan, named: list[int]) -> None:
    """Twenty notices for each named person first, then the rest round the employees."""
    d = loader.dialect
    whens = " ".join(f"WHEN {index} THEN {person}" for index, person in enumerate(named))
    first = 20 * len(named)
    created = "(-600 * (i % 50000) - 60)"
    loader.fill(
        Notification,
        plan.notifications,
        {
            "recipient": f"(CASE WHEN i <= {first} THEN (CASE (i - 1) / 20 {whens} END) "
            f"ELSE (i - 1) % {plan.employees} + 1 END)",
            "kind": pick("i", [kind.value for kind in kinds.registered()]),
            "text": pick("i", texts.NOTICE_TEXTS),
            "url": pick("i", ("/coaching/", "/service/", "/notifications/")),
            "created_at": d.at(created),
            "read_at": f"(CASE WHEN i % 10 < 7 THEN {d.at(f'{created} + 3600')} ELSE NULL END)",
        },
    )
