"""Every URL pattern × every role, with the outcome each must get.

A new URL without a row here fails `test_every_url_has_an_expected_outcome`: nobody adds a page
without deciding who may open it. Object pages are probed with the objects of one engagement
(Sari coaches Budi); Wayan is Budi's supervisor and Rina the agency's service admin: neither may
see the engagement, its sessions or its actions.
"""

import datetime
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests import cast
from tests.analyzer.factories import TranscriptFactory
from tests.cast import built_once
from tests.factories import (
    ActionItemFactory,
    ContractFactory,
    EmployeeFactory,
    GoalFactory,
    PeerInvitationFactory,
    SessionFactory,
)
from tests.service.factories import ProviderProfileFactory, ServiceRequestFactory, WeeklyAvailabilityFactory
from tumbuh.notifications.models import Notification
from tumbuh.people.services import create_api_token
from tumbuh.service.models import AvailabilityException, Booking, ExportJob
from tumbuh.service.selectors.booking import available_slots
from tumbuh.toolkit.models import Question

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "coachee", "coach", "supervisor", "admin"]
LOGIN = "login"  # a redirect to the login page


def row(anonymous, coachee, coach, supervisor, admin, method="GET"):
    """The outcome per role; an API row with a method other than GET sends `BODY[name]` (or {}) as JSON."""
    return method, dict(zip(ROLES, [anonymous, coachee, coach, supervisor, admin], strict=True))


def everyone(outcome, method="GET", anonymous=None):
    return row(anonymous if anonymous is not None else outcome, outcome, outcome, outcome, outcome, method)


PARTICIPANTS_ONLY = row(LOGIN, 200, 200, 404, 404)
COACH_ONLY = row(LOGIN, 403, 200, 404, 404)
API_PARTICIPANTS_ONLY = row(401, 200, 200, 404, 404)
SIGNED_IN = everyone(200, anonymous=LOGIN)

EXPECTED = {
    "home": SIGNED_IN,
    "healthz": everyone(200),
    "set_language": everyone(302, method="POST"),
    "login": everyone(302, anonymous=200),
    "logout": everyone(302, method="POST"),
    "password_reset": everyone(200),
    "password_reset_done": everyone(200),
    "password_reset_confirm": everyone(200),
    "password_reset_complete": everyone(200),
    "password_change": SIGNED_IN,
    "admin-password-change": everyone(302, anonymous=LOGIN),  # to the site's own password change
    "people:profile": SIGNED_IN,
    "people:token-create": everyone(302, method="POST"),
    # The token belongs to Budi: only he may revoke it.
    "people:token-revoke": row(LOGIN, 302, 404, 404, 404, method="POST"),
    "coaching:engagement-list": SIGNED_IN,
    "coaching:engagement-detail": PARTICIPANTS_ONLY,
    "coaching:session-create": COACH_ONLY,
    "coaching:goal-create": PARTICIPANTS_ONLY,
    "coaching:action-create": PARTICIPANTS_ONLY,
    "coaching:session-detail": PARTICIPANTS_ONLY,
    "coaching:session-edit": COACH_ONLY,
    "coaching:action-toggle": row(LOGIN, 302, 302, 404, 404, method="POST"),
    # The schema and its viewer hold no data; every endpoint below checks its caller. Each write is sent for
    # real, as JSON with a valid body (see BODY); each case's writes are rolled back: the caller alone decides.
    "api:openapi-json": everyone(200),
    "api:openapi-view": everyone(200),
    "api:api-root": everyone(404),
    "api:me": everyone(200, anonymous=401),
    "api:list_engagements": everyone(200, anonymous=401),
    "api:get_engagement": API_PARTICIPANTS_ONLY,
    "api:list_sessions": API_PARTICIPANTS_ONLY,
    # Only the coach logs or changes a session; both participants add goals and actions and tick them.
    "api:create_session": row(401, 403, 201, 404, 404, method="POST"),
    "api:get_session": API_PARTICIPANTS_ONLY,
    "api:update_session": row(401, 403, 200, 404, 404, method="PUT"),
    "api:list_goals": API_PARTICIPANTS_ONLY,
    "api:create_goal": row(401, 201, 201, 404, 404, method="POST"),
    "api:list_actions": API_PARTICIPANTS_ONLY,
    "api:create_action": row(401, 201, 201, 404, 404, method="POST"),
    "api:patch_action": row(401, 200, 200, 404, 404, method="PATCH"),
    # Notifications: one's own notices only.
    "notifications:list": SIGNED_IN,
    "notifications:settings": SIGNED_IN,
    "notifications:read-all": everyone(302, method="POST", anonymous=LOGIN),
    "notifications:open": row(LOGIN, 302, 404, 404, 404),  # a notice of Budi's
    # The service. Budi files requests, Sari serves them, Rina administers the agency's service;
    # Wayan (Budi's supervisor) has no part in them. See `world` for which request each URL gets.
    "service:request-list": SIGNED_IN,
    "service:request-create": SIGNED_IN,
    "service:request-detail": row(LOGIN, 200, 200, 404, 200),
    "service:request-matches": row(LOGIN, 403, 404, 404, 200),
    "service:request-assign": row(LOGIN, 403, 404, 404, 302, method="POST"),
    "service:request-accept": row(LOGIN, 403, 302, 404, 403, method="POST"),
    "service:request-decline": row(LOGIN, 403, 302, 404, 403, method="POST"),
    "service:request-cancel": row(LOGIN, 302, 403, 404, 403, method="POST"),
    "service:request-close": row(LOGIN, 403, 200, 404, 403),
    "service:request-rate": row(LOGIN, 302, 403, 404, 403, method="POST"),
    "service:provider-list": SIGNED_IN,
    "service:provider-detail": SIGNED_IN,
    "service:booking-create": row(LOGIN, 200, 403, 404, 403),
    "service:booking-reschedule": row(LOGIN, 200, 200, 404, 403),
    "service:booking-cancel": row(LOGIN, 302, 302, 404, 403, method="POST"),
    "service:availability-list": row(LOGIN, 403, 200, 403, 403),
    "service:availability-window-create": row(LOGIN, 403, 200, 403, 403, method="POST"),
    "service:availability-exception-create": row(LOGIN, 403, 200, 403, 403, method="POST"),
    "service:availability-window-delete": row(LOGIN, 403, 302, 403, 403, method="POST"),
    "service:availability-exception-delete": row(LOGIN, 403, 302, 403, 403, method="POST"),
    # The conversation belongs to requester and provider: the admin who runs the queue may not read it.
    "service:message-list": row(LOGIN, 200, 200, 404, 403),
    "service:message-create": row(LOGIN, 200, 200, 404, 403, method="POST"),  # empty body: form shown again
    # The admin's view of the service: the agency's service admin (and platform admins) only.
    "service:dashboard-queue": row(LOGIN, 403, 403, 403, 200),
    "service:dashboard-figures": row(LOGIN, 403, 403, 403, 200),
    "service:dashboard-chart": row(LOGIN, 403, 403, 403, 200),
    "service:dashboard-export": row(LOGIN, 403, 403, 403, 302, method="POST"),
    # An export belongs to whoever asked for it (here someone outside the world).
    "service:dashboard-export-detail": row(LOGIN, 404, 404, 404, 404),
    "service:dashboard-export-download": row(LOGIN, 404, 404, 404, 404),
    "service:recommendation-pdf": row(LOGIN, 200, 200, 404, 403),
    "api:list_requests": everyone(200, anonymous=401),
    # Anyone may file a request; only the coach (a provider) keeps availability; the supervisor sees nothing.
    "api:create_request": row(401, 201, 201, 201, 201, method="POST"),
    "api:get_request": row(401, 200, 200, 404, 200),
    "api:list_matches": row(401, 403, 404, 404, 200),
    "api:list_messages": row(401, 200, 200, 404, 403),
    "api:create_message": row(401, 201, 201, 404, 403, method="POST"),
    "api:list_slots": everyone(200, anonymous=401),
    "api:list_my_availability": row(401, 403, 200, 403, 403),
    "api:add_my_availability": row(401, 403, 201, 403, 403, method="POST"),
    "api:list_bookings": everyone(200, anonymous=401),
    # The admin assigns the submitted request; the provider answers the assigned one;
    # the requester cancels or books the scheduled one, its provider closes it; both move or cancel a booking.
    "api:assign": row(401, 403, 404, 404, 200, method="POST"),
    "api:accept": row(401, 403, 200, 404, 403, method="POST"),
    "api:decline": row(401, 403, 200, 404, 403, method="POST"),
    "api:cancel": row(401, 200, 403, 404, 403, method="POST"),
    "api:close": row(401, 403, 200, 404, 403, method="POST"),
    "api:create_booking": row(401, 201, 403, 404, 403, method="POST"),
    "api:reschedule": row(401, 200, 200, 404, 403, method="POST"),
    "api:cancel_booking": row(401, 200, 200, 404, 403, method="POST"),
    # Coaching practice (issue 4): contracts and peer invitations.
    # The contract belongs to the engagement. In `world` Sari proposed it and Budi still has to accept; Sari
    # pressing Accept again is told she already did (a redirect with a message).
    "coaching:contract-detail": PARTICIPANTS_ONLY,
    "coaching:contract-propose": PARTICIPANTS_ONLY,
    "coaching:contract-accept": row(LOGIN, 302, 302, 404, 404, method="POST"),
    # Any ASN may invite a colleague; an invitation (Budi asks Sari to coach him) is seen by those two only.
    "coaching:peer-invitation-list": SIGNED_IN,
    "coaching:peer-invite": SIGNED_IN,
    "coaching:peer-invitation-accept": row(LOGIN, 403, 302, 404, 404, method="POST"),
    "coaching:peer-invitation-decline": row(LOGIN, 403, 302, 404, 404, method="POST"),
    "coaching:peer-invitation-withdraw": row(LOGIN, 302, 403, 404, 404, method="POST"),
    "api:list_contracts": API_PARTICIPANTS_ONLY,
    # Either participant proposes a version; Sari proposed the one in `world`, so her accepting it again is refused
    # with 422: a state conflict (her acceptance is already recorded, the message says when), not a permission
    # question, since she may accept this contract's versions.
    # Budi asked Sari to coach him: she answers the invitation, he may withdraw it.
    "api:propose_contract": row(401, 201, 201, 404, 404, method="POST"),
    "api:accept_contract": row(401, 200, 422, 404, 404, method="POST"),
    "api:list_peer_invitations": everyone(200, anonymous=401),
    "api:invite_peer": row(401, 201, 201, 201, 201, method="POST"),
    "api:accept_peer_invitation": row(401, 403, 201, 404, 404, method="POST"),
    "api:decline_peer_invitation": row(401, 403, 200, 404, 404, method="POST"),
    "api:withdraw_peer_invitation": row(401, 200, 403, 404, 404, method="POST"),
    # Coaching practice (issue 4): session canvas, micro-coaching, follow-up, SBI feedback.
    # The coachee reads the canvas; only the coach writes it, records micro-coaching or gives feedback.
    "coaching:session-canvas": PARTICIPANTS_ONLY,
    "coaching:session-micro": COACH_ONLY,
    "coaching:feedback-create": COACH_ONLY,
    "api:get_canvas": API_PARTICIPANTS_ONLY,
    "api:update_canvas": row(401, 403, 200, 404, 404, method="PUT"),
    "api:commit_will": row(401, 403, 201, 404, 404, method="POST"),
    "api:create_micro_session": row(401, 403, 201, 404, 404, method="POST"),
    "api:list_feedback": API_PARTICIPANTS_ONLY,
    "api:give_feedback": row(401, 403, 201, 404, 404, method="POST"),
    # Coaching practice (issue 4): SMART goals and progress.
    # Coach and coachee only; an empty POST shows the form again (the hints, or the progress errors).
    "coaching:goal-check": row(LOGIN, 200, 200, 404, 404, method="POST"),
    "coaching:goal-detail": PARTICIPANTS_ONLY,
    "coaching:goal-edit": PARTICIPANTS_ONLY,
    "coaching:goal-progress-create": row(LOGIN, 200, 200, 404, 404, method="POST"),
    "coaching:goal-chart": PARTICIPANTS_ONLY,
    "api:get_goal": API_PARTICIPANTS_ONLY,
    "api:update_goal": row(401, 200, 200, 404, 404, method="PUT"),
    "api:list_goal_progress": API_PARTICIPANTS_ONLY,
    "api:record_goal_progress": row(401, 201, 201, 404, 404, method="POST"),
    # Coaching practice (issue 4): the toolkit.
    # Everyone signed in reads it; only the agency's service admin extends the question bank (an empty form: 200).
    "toolkit:index": SIGNED_IN,
    "toolkit:cheatsheet": SIGNED_IN,
    "toolkit:question-list": SIGNED_IN,
    "toolkit:question-create": row(LOGIN, 403, 403, 403, 200, method="POST"),
    "toolkit:question-retire": row(LOGIN, 403, 403, 403, 302, method="POST"),
    "toolkit:template-pdf": SIGNED_IN,
    "api:list_questions": everyone(200, anonymous=401),
    # Only the agency's service admin extends the question bank.
    "api:create_question": row(401, 403, 403, 403, 201, method="POST"),
    "api:retire_question": row(401, 403, 403, 403, 200, method="POST"),
    # Coaching practice (issue 4): the conversation analyzer. The coach's own learning material: the
    # coachee (who sees the session) is refused, everyone else does not learn it exists.
    "analyzer:transcript-list": SIGNED_IN,
    "analyzer:transcript-create": COACH_ONLY,
    "analyzer:transcript-detail": COACH_ONLY,
    "analyzer:transcript-chart": COACH_ONLY,
    "analyzer:transcript-delete": row(LOGIN, 403, 302, 404, 404, method="POST"),
    "api:analyze_transcript": row(401, 403, 201, 404, 404, method="POST"),
    "api:list_transcripts": everyone(200, anonymous=401),
    "api:get_transcript": row(401, 403, 200, 404, 404),
    "api:delete_transcript": row(401, 403, 204, 404, 404, method="DELETE"),
}


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(filter(None, [namespace, pattern.namespace])) or None
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield ":".join(filter(None, [namespace, pattern.name])), prefix + str(pattern.pattern), pattern


def all_url_names() -> list[str]:
    return sorted({name for name, _route, _p in _walk(get_resolver().url_patterns) if name.split(":")[0] != "admin"})


def admin_routes() -> list[str]:
    return sorted({route for name, route, _p in _walk(get_resolver().url_patterns) if name.split(":")[0] == "admin"})


def test_every_url_has_an_expected_outcome():
    missing = [name for name in all_url_names() if name not in EXPECTED]
    stale = [name for name in EXPECTED if name not in all_url_names()]
    assert missing == [], f"URLs without an expected outcome per role: {missing}"
    assert stale == [], f"Expected outcomes for URLs that no longer exist: {stale}"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # Built once, inside a transaction rolled back at the end of the module; each case runs in a savepoint
    # rolled back after it (pytestmark), so a write in one case never reaches another.
    with built_once(django_db_blocker):
        yield _build_world()


@pytest.fixture(scope="module")
def sessions(world, django_db_blocker):
    """Each role's session, signed in once for the module: a cookie per case instead of a login per case."""
    people, _ids = world
    keys = {}
    with django_db_blocker.unblock():
        for role, person in people.items():
            if person is not None:
                signing_in = Client()
                signing_in.force_login(person)
                keys[role] = signing_in.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


def _sign_in(client, role: str, sessions) -> None:
    if role in sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]


def _build_world():
    agency = cast.new_agency()
    unit = cast.new_unit(agency)
    wayan = cast.new_wayan(unit)
    budi = cast.new_budi(unit, wayan)
    sari = cast.new_sari(agency)
    rina = cast.new_rina(agency)
    engagement = cast.new_engagement(sari, budi)
    session = SessionFactory(engagement=engagement)
    action = ActionItemFactory(engagement=engagement, session=session)
    token, _raw = create_api_token(employee=budi, name="skrip")
    notice = Notification.objects.create(recipient=budi, kind="messages", text="Pesan baru", url="/coaching/")
    profile = ProviderProfileFactory(employee=sari)
    window = WeeklyAvailabilityFactory(provider=profile)
    leave = AvailabilityException.objects.create(
        provider=profile,
        starts_at=timezone.now() + datetime.timedelta(days=40),
        ends_at=timezone.now() + datetime.timedelta(days=41),
        reason="Cuti",
    )
    submitted = ServiceRequestFactory(requester=budi)
    assigned = ServiceRequestFactory(requester=budi, topic=submitted.topic, provider=sari, status="assigned")
    scheduled = ServiceRequestFactory(
        requester=budi, topic=submitted.topic, provider=sari, status="scheduled", engagement=engagement
    )
    starts = timezone.now() + datetime.timedelta(days=5)
    booked_session = SessionFactory(engagement=engagement, scheduled_at=starts, status="scheduled")
    booking = Booking.objects.create(
        provider=sari,
        booked_by=budi,
        request=scheduled,
        session=booked_session,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
    )
    closed = ServiceRequestFactory(
        requester=budi,
        topic=submitted.topic,
        provider=sari,
        status="closed",
        kind="consulting",
        recommendation="Susun SOP delegasi.",
    )
    export = ExportJob.objects.create(
        requested_by=EmployeeFactory(),
        agency=budi.agency,
        period_start=timezone.localdate(),
        period_end=timezone.localdate(),
    )
    # Objects for issue 4's URLs: contracts / canvas / goals / toolkit / analyzer (each adds its own lines).
    contract = ContractFactory(engagement=engagement, proposed_by=sari)
    invitation = PeerInvitationFactory(invited_by=budi, invitee=sari, inviter_role="coachee")
    toolkit_question = Question.objects.create(
        framework="grow", stage="goal", text="Apa yang ingin Anda capai?", agency=rina.agency
    )
    goal = GoalFactory(engagement=engagement, title="Mendelegasikan dua tugas rutin")
    transcript = TranscriptFactory(session=session)
    people = {"anonymous": None, "coachee": budi, "coach": sari, "supervisor": wayan, "admin": rina}
    # Free slots of Sari's, for the API's booking writes (a time she is free, so only the caller decides).
    # Two hours ahead: the world outlives the minutes the module takes, and a slot must still be ahead when booked.
    later = timezone.now() + datetime.timedelta(hours=2)
    slots = available_slots(provider=profile, start=timezone.localdate(), days=21, now=later)
    ids = {
        # What the API's writes send (see BODY), besides the objects below.
        "coach_person": sari.pk,
        "coachee_person": budi.pk,
        "colleague_email": EmployeeFactory(agency=budi.agency).email,
        "topic": submitted.topic_id,
        "free_slot": slots[0].starts_at.isoformat(),
        "other_free_slot": slots[1].starts_at.isoformat(),
        "session_version": session.version,
        "goal_version": goal.version,
        "goal": goal.pk,
        "contract": contract.pk,
        "invitation": invitation.pk,
        "toolkit_question": toolkit_question.pk,
        "transcript": transcript.pk,
        "export": export.pk,
        "engagement": engagement.pk,
        "session": session.pk,
        "action": action.pk,
        "token": token.pk,
        "notice": notice.pk,
        "profile": profile.pk,
        "window": window.pk,
        "leave": leave.pk,
        "booking": booking.pk,
        "submitted": submitted.pk,
        "assigned": assigned.pk,
        "scheduled": scheduled.pk,
        "closed": closed.pk,
    }
    return people, ids


# Which object a URL's id stands for, by URL name; requests default to the scheduled one.
OBJECT_OF = {
    "people:token-revoke": "token",
    "coaching:session-detail": "session",
    "coaching:session-edit": "session",
    "coaching:action-toggle": "action",
    "notifications:open": "notice",
    "service:provider-detail": "profile",
    "service:availability-window-delete": "window",
    "service:availability-exception-delete": "leave",
    "service:booking-reschedule": "booking",
    "service:dashboard-export-detail": "export",
    "service:dashboard-export-download": "export",
    "service:booking-cancel": "booking",
    "service:request-matches": "submitted",
    "service:request-assign": "submitted",
    "service:request-accept": "assigned",
    "service:request-decline": "assigned",
    "service:request-rate": "closed",
    "service:recommendation-pdf": "closed",
    "api:list_matches": "submitted",
    "api:assign": "submitted",
    "api:accept": "assigned",
    "api:decline": "assigned",
    # Issue 4 (each part adds its own lines below).
    "coaching:goal-detail": "goal",
    "coaching:goal-edit": "goal",
    "coaching:goal-progress-create": "goal",
    "coaching:goal-chart": "goal",
    "coaching:session-canvas": "session",
    "coaching:feedback-create": "session",
    "coaching:contract-accept": "contract",
    "coaching:peer-invitation-accept": "invitation",
    "coaching:peer-invitation-decline": "invitation",
    "coaching:peer-invitation-withdraw": "invitation",
    "toolkit:question-retire": "toolkit_question",
    "analyzer:transcript-create": "session",
    "analyzer:transcript-detail": "transcript",
    "analyzer:transcript-chart": "transcript",
    "analyzer:transcript-delete": "transcript",
    "api:get_transcript": "transcript",
    "api:delete_transcript": "transcript",
}


def _url_for(name: str, ids) -> str:
    route = next(route for n, route, _p in _walk(get_resolver().url_patterns) if n == name)
    default = "engagement" if name.startswith(("coaching:", "api:")) and "request" not in route else "scheduled"
    obj = ids[OBJECT_OF.get(name, default)]
    for placeholder in ("<int:pk>", "<pk>", "<request_id>"):
        route = route.replace(placeholder, str(obj))
    fixed = {"engagement_id": "engagement", "session_id": "session", "action_id": "action", "profile_id": "profile"}
    fixed |= {"goal_id": "goal", "contract_id": "contract", "invitation_id": "invitation"}
    fixed["question_id"] = "toolkit_question"
    for key, kind in fixed.items():
        route = route.replace(f"<{key}>", str(ids[kind]))
    route = route.replace("<booking_id>", str(ids["booking"]))
    route = route.replace("<slug:name>", "requests")
    route = route.replace("<uidb64>", "MQ").replace("<token>", "set-password")
    assert "<" not in route, f"{name}: no object for a placeholder of {route}"
    return "/" + route


def _future(days: int) -> str:
    return (timezone.now() + datetime.timedelta(days=days)).isoformat()


def _due(days: int = 14) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


# A valid body for each API write that needs one, so that who calls decides the outcome, not the schema.
BODY = {
    "api:create_session": lambda ids: {"scheduled_at": _future(3)},
    "api:update_session": lambda ids: {"scheduled_at": _future(4), "version": ids["session_version"]},
    "api:create_goal": lambda ids: {"title": "Memimpin rapat mingguan", "target_date": _due(60)},
    "api:create_action": lambda ids: {"title": "Daftar tugas", "owner_id": ids["coachee_person"], "due_on": _due()},
    "api:patch_action": lambda ids: {"done": True},
    "api:propose_contract": lambda ids: {
        "topic_and_goal": "Mendelegasikan tugas rutin.",
        "sessions_planned": 6,
        "rhythm": "biweekly",
        "session_minutes": 60,
        "ends_on": _due(90),
        "channel": "online",
        "confidentiality": "Catatan tetap di antara kami.",
        "base_version": 1,
    },
    "api:invite_peer": lambda ids: {
        "invitee": ids["colleague_email"],
        "inviter_role": "coachee",
        "topic": "Menyusun SKP tim",
    },
    "api:update_goal": lambda ids: {
        "title": "Mendelegasikan tiga tugas rutin",
        "status": "open",
        "version": ids["goal_version"],
    },
    "api:record_goal_progress": lambda ids: {"value": "40"},
    "api:update_canvas": lambda ids: {"version": ids["session_version"], "stage_notes": {}},
    "api:create_micro_session": lambda ids: {
        "focus": "Rapat yang molor",
        "insight": "Agenda dibagikan sehari sebelumnya.",
        "action": {"title": "Kirim agenda", "owner_id": ids["coachee_person"], "due_on": _due()},
    },
    "api:give_feedback": lambda ids: {
        "situation": "Rapat Senin pagi",
        "behaviour": "Anda membagikan agenda sebelum rapat.",
        "impact": "Rapat selesai tepat waktu.",
        "confirm_observable": True,
    },
    "api:create_request": lambda ids: {"kind": "coaching", "topic_id": ids["topic"], "need": "Belajar delegasi."},
    "api:create_message": lambda ids: {"body": "Terima kasih."},
    "api:add_my_availability": lambda ids: {"weekday": 3, "start_time": "13:00", "end_time": "15:00"},
    "api:assign": lambda ids: {"provider_id": ids["coach_person"]},
    "api:decline": lambda ids: {"reason": "Jadwal saya penuh bulan ini."},
    "api:create_booking": lambda ids: {"starts_at": ids["free_slot"]},
    "api:reschedule": lambda ids: {"starts_at": ids["other_free_slot"]},
    "api:create_question": lambda ids: {"framework": "grow", "stage": "goal", "text": "Apa yang paling penting?"},
    "api:analyze_transcript": lambda ids: {
        "text": "Sari: Apa yang ingin Anda capai?\nBudi: Saya ingin mendelegasikan tugas.",
        "coach_speaker": "Sari",
    },
}


def _send(client, name: str, method: str, url: str, ids):
    if method == "GET":
        return client.get(url)
    if not name.startswith("api:"):
        return client.post(url)  # a page's form, sent empty
    body = BODY[name](ids) if name in BODY else {}
    return client.generic(method, url, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_gives_the_expected_outcome_to_each_role(name, role, world, sessions, client):
    _people, ids = world
    method, outcomes = EXPECTED[name]
    _sign_in(client, role, sessions)
    url = _url_for(name, ids)
    response = _send(client, name, method, url, ids)
    expected = outcomes[role]
    if expected == LOGIN:
        assert response.status_code == 302, f"{method} {url} as {role}"
        assert response["Location"].startswith("/accounts/login/?next="), f"{method} {url} as {role}"
    else:
        assert response.status_code == expected, f"{method} {url} as {role}: got {response.status_code}"


# Every back-office URL, sent without staff access. What staff (service admins of two agencies, platform admins) may
# open and write, model by model and with real POSTs, is in tests/test_access_matrix_backoffice.py.
@pytest.mark.parametrize("role", ["anonymous", "coachee", "coach", "supervisor"])
def test_back_office_is_closed_to_everyone_without_staff_access(role, sessions, client):
    _sign_in(client, role, sessions)
    for route in admin_routes():
        url = "/" + route.replace("<path:object_id>", "1").replace("<id>", "1")
        url = url.replace("<app_label>", "coaching").replace("<int:content_type_id>", "1").replace("<path:url>", "x")
        response = client.get(url)
        if url == "/admin/login/":
            # The back-office login form itself; it tells a signed-in non-staff person they lack access.
            assert response.status_code in (200, 302), f"{url} as {role}"
            continue
        assert response.status_code in (302, 404), f"{url} as {role}: {response.status_code}"
        if response.status_code == 302:
            location = response["Location"]
            # Logging out of the back-office sends you to its front door, which is itself closed.
            allowed = (
                ("/admin/login/", "/accounts/login/", "/admin/")
                if url == "/admin/logout/"
                else ("/admin/login/", "/accounts/login/")
            )
            if url == "/admin/password_change/" and role != "anonymous":
                allowed = (reverse("password_change"),)  # the site's own, for everyone signed in
            assert location.startswith(allowed), f"{url} as {role}: {location}"
