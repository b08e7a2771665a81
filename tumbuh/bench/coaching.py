"""Coaching rows: engagements, contracts, goals and their progress, sessions with notes, action items.

Engagement ids: the coachee's ten, the heavy coach's 44, the generic ones, then one per request that opened one
(the service requests are written later and point at them). Sessions and action items of the named people come
first too; the generic ones are spread over the generic engagements only, so the named counts stay exact.
"""

import json

from tumbuh.coaching.models import ActionItem, Contract, Engagement, Goal, GoalProgress, Session
from tumbuh.coaching.models.contracts import DEFAULT_CONFIDENTIALITY
from tumbuh.toolkit.frameworks import FRAMEWORKS

from . import texts
from .plan import (
    COACH,
    COACH_ACTIONS,
    COACH_ENGAGEMENTS,
    COACH_SESSIONS,
    COACHEE,
    COACHEE_ENGAGEMENTS,
    MAIN_ACTIONS,
    MAIN_SESSIONS,
    OTHER_COACHEE_SESSIONS,
    REQUESTER_REQUESTS,
    SPECIAL_ACTIONS,
    SPECIAL_ENGAGEMENTS,
    SPECIAL_SESSIONS,
    WITH_ENGAGEMENT,
    Plan,
)
from .sql import Loader, column, pick, quote, table

DAY = 86400
CANVASES = ("free", "grow", "clear", "oscar", "free")


def request_kind(plan: Plan, request: str) -> str:
    generic = pick(plan.request_number(request), ("coaching", "consulting", "mentoring"))
    return f"(CASE WHEN ({request}) <= {REQUESTER_REQUESTS} THEN 'coaching' ELSE {generic} END)"


def _engagement(loader: Loader, plan: Plan, count: int, values: dict[str, str], **kwargs) -> None:
    """Insert engagements; VALUES give the parties, kind, status, topic, agency and `created` (seconds from now)."""
    d = loader.dialect
    created = values.pop("created")
    status = values["status"]
    ended = f"CASE WHEN {status} IN ('completed', 'cancelled') THEN {d.at(f'{created} + 90 * {DAY}')} ELSE NULL END"
    values |= {
        "unit": plan.unit_of(values["coachee"]),
        "created_at": d.at(created),
        "started_at": f"CASE WHEN {status} = 'requested' THEN NULL ELSE {d.at(f'{created} + {DAY}')} END",
        "ended_at": ended,
    }
    loader.fill(Engagement, count, values, **kwargs)


def fill_engagements(loader: Loader, plan: Plan) -> None:
    topic = pick("i", texts.ENGAGEMENT_TOPICS)
    _engagement(
        loader,
        plan,
        COACHEE_ENGAGEMENTS,
        {
            "id": "i",
            "coach": plan.employee("1", plan.coach_place("i - 1")),
            "coachee": str(plan.named(COACHEE)),
            "kind": "'coaching'",
            "status": "(CASE WHEN i BETWEEN 2 AND 5 THEN 'completed' ELSE 'active' END)",
            "topic": topic,
            "agency": "1",
            "created": f"(CASE WHEN i = 1 THEN -180 * {DAY} ELSE -(700 - 30 * i) * {DAY} END)",
        },
    )
    _engagement(
        loader,
        plan,
        COACH_ENGAGEMENTS,
        {
            "id": f"{COACHEE_ENGAGEMENTS} + i",
            "coach": str(plan.named(COACH)),
            "coachee": plan.employee("1", plan.coachee_place("i - 1")),
            "kind": "'coaching'",
            "status": "(CASE WHEN i % 4 = 0 THEN 'completed' ELSE 'active' END)",
            "topic": topic,
            "agency": "1",
            "created": f"(-(300 - 5 * i) * {DAY})",
        },
    )
    agency = f"((i - 1) % {plan.agencies} + 1)"
    number = f"((i - 1) / {plan.agencies})"
    _engagement(
        loader,
        plan,
        plan.generic_engagements_end - SPECIAL_ENGAGEMENTS,
        {
            "id": f"{SPECIAL_ENGAGEMENTS} + i",
            "coach": plan.employee(agency, plan.coach_place(number)),
            "coachee": plan.employee(agency, plan.coachee_place(f"{number} * 7")),
            "kind": "(CASE WHEN i % 10 < 7 THEN 'coaching' WHEN i % 10 < 9 THEN 'mentoring' ELSE 'peer' END)",
            "status": "(CASE WHEN i % 10 < 6 THEN 'active' WHEN i % 10 < 8 THEN 'completed' "
            "WHEN i % 10 = 8 THEN 'requested' ELSE 'cancelled' END)",
            "topic": topic,
            "agency": agency,
            "created": f"(-(20 + (i * 7919) % 700) * {DAY} - (i % {DAY}))",
        },
    )
    positions = ", ".join(str(p) for p in WITH_ENGAGEMENT)
    _engagement(
        loader,
        plan,
        plan.service_requests,
        {
            "id": plan.request_engagement("i"),
            "coach": plan.provider("i"),
            "coachee": plan.requester("i"),
            "kind": request_kind(plan, "i"),
            "status": "(CASE WHEN (i - 1) % 10 IN (7, 8) THEN 'completed' ELSE 'active' END)",
            "topic": pick(plan.request_number("i"), texts.TOPICS),
            "agency": plan.request_agency("i"),
            "created": f"({plan.request_created('i')} + 7200)",
        },
        where=f"(i - 1) % 10 IN ({positions})",
    )


def fill_plans(loader: Loader, plan: Plan) -> None:
    """Contracts (the first engagements), goals (one each for the first ones) and progress readings."""
    d = loader.dialect
    e = f"{table(Engagement)} eg"
    created = f"eg.{column(Engagement, 'created_at')}"
    loader.fill(
        Contract,
        min(plan.contracts, plan.engagements),
        {
            "engagement": "i",
            "version": "1",
            "topic_and_goal": quote(texts.CONTRACT_TOPIC),
            "sessions_planned": "6",
            "rhythm": "'biweekly'",
            "session_minutes": "60",
            "ends_on": d.day("60 + i % 300"),
            "channel": "'online'",
            "confidentiality": quote(str(DEFAULT_CONFIDENTIALITY)),
            "share_attendance": "(i % 3 = 0)",
            "share_progress": "FALSE",
            "share_actions": "FALSE",
            "proposed_by": f"eg.{column(Engagement, 'coach')}",
            "proposed_at": created,
            "coach_accepted_at": created,
            "coachee_accepted_at": f"CASE WHEN i % 10 = 9 THEN NULL ELSE {d.at(str(DAY), created)} END",
        },
        joins=f"JOIN {e} ON eg.{column(Engagement, 'id')} = i",
    )
    loader.fill(
        Goal,
        plan.goals,
        {
            "id": "i",
            "engagement": f"(i - 1) % {plan.engagements} + 1",
            "title": quote(texts.GOAL),
            "description": "''",
            "indicator": "'Persentase laporan tepat waktu'",
            "unit": "'%'",
            "baseline": "40",
            "target": "90",
            "target_date": d.day("30 + i % 300"),
            "relevance": "'Mendukung target kinerja unit tahun ini.'",
            "skp_reference": "''",
            "status": "(CASE WHEN i % 7 = 0 THEN 'achieved' ELSE 'open' END)",
            "created_at": d.at(f"-(100 + i % 300) * {DAY}"),
            "version": "1",
        },
    )
    loader.fill(
        GoalProgress,
        plan.goal_progress,
        {
            "goal": f"(i - 1) % {plan.goals} + 1",
            "recorded_on": d.day("-(i % 90)"),
            "value": "40 + i % 50",
            "note": "''",
            "recorded_by": f"eg.{column(Engagement, 'coachee')}",
            "created_at": d.at(f"-(i % 90) * {DAY}"),
        },
        joins=f"JOIN {table(Goal)} gl ON gl.{column(Goal, 'id')} = (i - 1) % {plan.goals} + 1 "
        f"JOIN {e} ON eg.{column(Engagement, 'id')} = gl.{column(Goal, 'engagement')}",
    )


def _stage_notes(loader: Loader, canvas: str) -> str:
    stages = FRAMEWORKS[canvas].stages if canvas in FRAMEWORKS else ()
    return loader.dialect.json(json.dumps({stage.code: texts.STAGE_NOTE for stage in stages}))


def _sessions(loader: Loader, count: int, *, id: str, engagement: str, number: str, canvas: str) -> None:
    """Sessions every DAYS after their engagement began; NUMBER is the session's place in it (0-based)."""
    d = loader.dialect
    at = d.at(f"({number} + 1) * 10 * {DAY} + 7200", f"eg.{column(Engagement, 'created_at')}")
    canvas_notes = " ".join(f"WHEN {quote(code)} THEN {_stage_notes(loader, code)}" for code in set(CANVASES))
    loader.fill(
        Session,
        count,
        {
            "id": id,
            "engagement": engagement,
            "scheduled_at": at,
            "duration_minutes": "60",
            "mode": f"(CASE WHEN {id} % 5 = 0 THEN 'offline' ELSE 'online' END)",
            "meeting_url": f"(CASE WHEN {id} % 5 = 0 THEN '' ELSE 'https://meet.jit.si/tumbuh-bench-' || {id} END)",
            "location": f"(CASE WHEN {id} % 5 = 0 THEN 'Ruang rapat lantai 2' ELSE '' END)",
            "status": f"(CASE WHEN {at} < {d.now} THEN 'held' ELSE 'scheduled' END)",
            "shared_notes": f"'Sesi ke-' || ({number} + 1) || '. ' || {pick(id, texts.NOTES)}",
            "private_notes": f"(CASE WHEN {id} % 3 = 0 THEN {quote(texts.PRIVATE_NOTE)} ELSE '' END)",
            "canvas": canvas,
            "stage_notes": f"(CASE {canvas} {canvas_notes} END)",
            "version": "1",
            "created_at": at,
            "updated_at": at,
        },
        joins=f"JOIN {table(Engagement)} eg ON eg.{column(Engagement, 'id')} = {engagement}",
    )


def fill_sessions(loader: Loader, plan: Plan) -> None:
    main, other = MAIN_SESSIONS, MAIN_SESSIONS + OTHER_COACHEE_SESSIONS * (COACHEE_ENGAGEMENTS - 1)
    _sessions(
        loader,
        SPECIAL_SESSIONS,
        id="i",
        engagement=f"(CASE WHEN i <= {main} THEN 1 WHEN i <= {other} THEN 2 + (i - {main} - 1) / "
        f"{OTHER_COACHEE_SESSIONS} ELSE {COACHEE_ENGAGEMENTS + 1} + (i - {other} - 1) / {COACH_SESSIONS} END)",
        number=f"(CASE WHEN i <= {main} THEN i - 1 WHEN i <= {other} THEN (i - {main} - 1) % "
        f"{OTHER_COACHEE_SESSIONS} ELSE (i - {other} - 1) % {COACH_SESSIONS} END)",
        canvas=f"(CASE WHEN i <= {main} THEN 'grow' ELSE {pick('i', CANVASES)} END)",
    )
    spread = plan.engagements - SPECIAL_ENGAGEMENTS
    _sessions(
        loader,
        plan.sessions - SPECIAL_SESSIONS,
        id=f"({SPECIAL_SESSIONS} + i)",
        engagement=f"({SPECIAL_ENGAGEMENTS} + 1 + (i - 1) % {spread})",
        number=f"((i - 1) / {spread})",
        canvas=pick("i", CANVASES),
    )


def _actions(loader: Loader, count: int, *, id: str, engagement: str, session: str) -> None:
    d = loader.dialect
    owner = f"eg.{column(Engagement, 'coachee')}"
    due = f"(-200 + ({id} * 37) % 260)"
    done = f"{id} % 5 < 3 AND {due} < 0"
    loader.fill(
        ActionItem,
        count,
        {
            "id": id,
            "engagement": engagement,
            "session": session,
            "title": pick(id, texts.ACTIONS),
            "owner": owner,
            "due_on": d.day(due),
            "done_at": f"(CASE WHEN {done} THEN {d.at(f'{due} * {DAY} - 3600')} ELSE NULL END)",
            "done_by": f"(CASE WHEN {done} THEN {owner} ELSE NULL END)",
            "created_at": d.at(f"({due} - 14) * {DAY}"),
        },
        joins=f"JOIN {table(Engagement)} eg ON eg.{column(Engagement, 'id')} = {engagement}",
    )


def fill_actions(loader: Loader, plan: Plan) -> None:
    _actions(loader, MAIN_ACTIONS, id="i", engagement="1", session=f"(1 + (i - 1) % {MAIN_SESSIONS})")
    first_coach_session = MAIN_SESSIONS + OTHER_COACHEE_SESSIONS * (COACHEE_ENGAGEMENTS - 1) + 1
    _actions(
        loader,
        COACH_ACTIONS * COACH_ENGAGEMENTS,
        id=f"({MAIN_ACTIONS} + i)",
        engagement=f"({COACHEE_ENGAGEMENTS} + 1 + (i - 1) / {COACH_ACTIONS})",
        session=f"({first_coach_session} + (i - 1) / {COACH_ACTIONS} * {COACH_SESSIONS} + (i - 1) % {COACH_ACTIONS})",
    )
    sessions = plan.sessions - SPECIAL_SESSIONS
    spread = plan.engagements - SPECIAL_ENGAGEMENTS
    _actions(
        loader,
        plan.action_items - SPECIAL_ACTIONS,
        id=f"({SPECIAL_ACTIONS} + i)",
        engagement=f"({SPECIAL_ENGAGEMENTS} + 1 + ((i - 1) % {sessions}) % {spread})",
        session=f"({SPECIAL_SESSIONS} + 1 + (i - 1) % {sessions})",
    )
