"""The session canvas: notes per stage of GROW, CLEAR or OSCAR; the Will/Action stage's actions and follow-up;
micro-coaching on one screen.

Errors of a whole canvas are keyed by where they belong: ``actions.<n>.<field>`` for the n-th action,
``follow_up.<field>`` for the follow-up, ``stage_notes`` for the notes, as the API reports schema errors.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict
from tumbuh.people.models import Employee

from .. import notices
from ..models import ActionItem, Engagement, Session, SessionCanvas, SessionMode, SessionStatus
from ..models.sessions import FULL_SESSION_CANVASES
from ..selectors import (
    FollowUpDraft,
    current_follow_up,
    filled_follow_up,
    follow_up_moment,
    framework_of,
)
from . import ActionDraft, check_action, create_actions, log_session

STAGE_NOTES_MAX_LENGTH = 5000
FOLLOW_UP_DAYS = range(7, 15)
MICRO_MINUTES = range(10, 16)
MICRO_DEFAULT_MINUTES = 15


@dataclass
class CanvasResult:
    session: Session
    actions: list[ActionItem] = field(default_factory=list)
    follow_up: Session | None = None


def _require_coach(session: Session, by: Employee) -> None:
    require(
        by,
        "coaching.change_canvas",
        session,
        message=_("Only the coach of this engagement can change its session canvas."),
    )


def _clean_stage_notes(session: Session, stage_notes: Mapping[str, str]) -> dict[str, str]:
    framework = framework_of(session)
    codes = [stage.code for stage in framework.stages] if framework else []
    unknown = sorted(set(stage_notes) - set(codes))
    if unknown:
        raise ValidationError(
            {
                "stage_notes": _("%(stages)s is not a stage of this session's model; use one of: %(codes)s.")
                % {"stages": ", ".join(unknown), "codes": ", ".join(codes) or "—"}
            }
        )
    cleaned = {}
    for code in codes:
        text = (stage_notes.get(code) or "").strip()
        if len(text) > STAGE_NOTES_MAX_LENGTH:
            raise ValidationError(
                {
                    "stage_notes": _("The notes of %(stage)s are longer than %(max)s characters; shorten them.")
                    % {"stage": framework.stage(code).label if framework else code, "max": STAGE_NOTES_MAX_LENGTH}
                }
            )
        if text:
            cleaned[code] = text
    return cleaned


def _follow_up_errors(session: Session, draft: FollowUpDraft, *, now: datetime.datetime) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    planned = current_follow_up(session)
    if planned is not None:
        when = formats.date_format(timezone.localtime(planned.scheduled_at), "j F Y")
        errors["follow_up"] = [
            _("A follow-up is already planned for %(date)s; open that session to change it.") % {"date": when}
        ]
        return errors
    plan = filled_follow_up(session, draft)
    if plan.days_after not in FOLLOW_UP_DAYS:
        errors["follow_up.days_after"] = [
            _("The follow-up comes 7 to 14 days after this session; pick a number of days in that range.")
        ]
    else:
        moment = follow_up_moment(session, days_after=plan.days_after, at=plan.at)
        if moment <= now:
            errors["follow_up.days_after"] = [
                _(
                    "%(date)s has already passed; pick a later day, or plan the next session with "
                    "“Log a session” on the engagement page."
                )
                % {"date": formats.date_format(moment, "j F Y")}
            ]
    if plan.mode not in SessionMode.values:
        errors["follow_up.mode"] = [_("Choose online or in person.")]
    if plan.mode == SessionMode.OFFLINE and not plan.location.strip():
        errors["follow_up.location"] = [_("An in-person session needs a place; write where you meet.")]
    if plan.canvas not in FULL_SESSION_CANVASES:
        errors["follow_up.canvas"] = [_("Choose free, GROW, CLEAR or OSCAR for the follow-up.")]
    return errors


def _will_errors(
    session: Session, actions: Sequence[ActionDraft], follow_up: FollowUpDraft | None, *, now: datetime.datetime
) -> dict[str, list[str]]:
    engagement = session.engagement
    if (actions or follow_up) and not engagement.is_open:
        return {
            NON_FIELD_ERRORS: [_("This engagement is closed; actions and follow-up sessions can no longer be added.")]
        }
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    for number, draft in enumerate(actions):
        try:
            check_action(engagement, draft, today=today)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                errors[f"actions.{number}.{name}"] = messages
    if follow_up is not None:
        errors.update(_follow_up_errors(session, follow_up, now=now))
    return errors


def _write_notes(
    session: Session, *, by: Employee, expected_version: int, notes: dict[str, str], now: datetime.datetime
) -> Session:
    changed = Session.objects.filter(pk=session.pk, version=expected_version).update(
        stage_notes=notes, version=F("version") + 1, updated_at=now
    )
    fresh = Session.objects.select_related("engagement__coach", "engagement__coachee").get(pk=session.pk)
    if not changed:
        raise EditConflict(fresh)
    record_event(actor=by, action="session.canvas.changed", target=fresh)
    return fresh


def _write_will(
    session: Session,
    *,
    by: Employee,
    actions: Sequence[ActionDraft],
    follow_up: FollowUpDraft | None,
    now: datetime.datetime,
) -> CanvasResult:
    items = create_actions(session.engagement, session, actions)
    planned = _plan_follow_up(session, by=by, draft=follow_up, now=now) if follow_up is not None else None
    return CanvasResult(session=session, actions=items, follow_up=planned)


def _plan_follow_up(session: Session, *, by: Employee, draft: FollowUpDraft, now: datetime.datetime) -> Session:
    plan = filled_follow_up(session, draft)
    same_room = plan.mode == SessionMode.ONLINE and session.mode == SessionMode.ONLINE
    follow_up = Session(
        engagement=session.engagement,
        follow_up_of=session,
        scheduled_at=follow_up_moment(session, days_after=plan.days_after, at=plan.at),
        duration_minutes=session.duration_minutes,
        mode=plan.mode,
        meeting_url=session.meeting_url if same_room else "",
        location=plan.location.strip() if plan.mode == SessionMode.OFFLINE else "",
        status=SessionStatus.SCHEDULED,
        canvas=plan.canvas,
        created_at=now,
        updated_at=now,
    )
    follow_up.full_clean()
    follow_up.save()
    follow_up.refresh_from_db(fields=["scheduled_at"])  # in UTC, as every other read gives it
    record_event(actor=by, action="session.follow_up.planned", target=follow_up)
    notices.notify_follow_up_planned(session=follow_up)
    return follow_up


def _lock(session: Session) -> None:
    # Two saves of the same canvas at once must not both plan a follow-up.
    Session.objects.select_for_update().filter(pk=session.pk).first()


@transaction.atomic
def update_stage_notes(
    *, session: Session, by: Employee, expected_version: int, stage_notes: Mapping[str, str]
) -> Session:
    """Replace the stage notes; refuse with EditConflict if the session was saved since EXPECTED_VERSION."""
    _require_coach(session, by)
    notes = _clean_stage_notes(session, stage_notes)
    return _write_notes(session, by=by, expected_version=expected_version, notes=notes, now=timezone.now())


@transaction.atomic
def commit_will(
    *, session: Session, by: Employee, actions: Sequence[ActionDraft] = (), follow_up: FollowUpDraft | None = None
) -> CanvasResult:
    """Turn the Will/Action stage into action items and, optionally, the follow-up session: all of it or nothing."""
    _require_coach(session, by)
    _lock(session)
    now = timezone.now()
    errors = _will_errors(session, actions, follow_up, now=now)
    if errors:
        raise ValidationError(errors)
    return _write_will(session, by=by, actions=actions, follow_up=follow_up, now=now)


@transaction.atomic
def save_canvas(
    *,
    session: Session,
    by: Employee,
    expected_version: int,
    stage_notes: Mapping[str, str],
    actions: Sequence[ActionDraft] = (),
    follow_up: FollowUpDraft | None = None,
) -> CanvasResult:
    """Save the stage notes, the actions and the follow-up of a canvas in one go: all of it or nothing."""
    _require_coach(session, by)
    _lock(session)
    now = timezone.now()
    errors: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    try:
        notes = _clean_stage_notes(session, stage_notes)
    except ValidationError as error:
        errors.update(error.message_dict)
    errors.update(_will_errors(session, actions, follow_up, now=now))
    if errors:
        raise ValidationError(errors)
    fresh = _write_notes(session, by=by, expected_version=expected_version, notes=notes, now=now)
    return _write_will(fresh, by=by, actions=actions, follow_up=follow_up, now=now)


@transaction.atomic
def choose_canvas(*, session: Session, by: Employee, canvas: str, expected_version: int) -> Session:
    """Give a session without stage notes its model (or take it away)."""
    _require_coach(session, by)
    if canvas not in FULL_SESSION_CANVASES:
        raise ValidationError({"canvas": _("Choose free, GROW, CLEAR or OSCAR.")})
    if session.stage_notes:
        raise ValidationError(
            {"canvas": _("This session already has notes in the stages of its model; its model can no longer change.")}
        )
    changed = Session.objects.filter(pk=session.pk, version=expected_version, stage_notes={}).update(
        canvas=canvas, version=F("version") + 1, updated_at=timezone.now()
    )
    fresh = Session.objects.select_related("engagement__coach", "engagement__coachee").get(pk=session.pk)
    if not changed:
        raise EditConflict(fresh)
    record_event(actor=by, action="session.canvas.chosen", target=fresh, detail=canvas)
    return fresh


@transaction.atomic
def log_micro_session(
    *,
    engagement: Engagement,
    by: Employee,
    focus: str,
    insight: str,
    action: ActionDraft,
    scheduled_at: datetime.datetime | None = None,
    duration_minutes: int = MICRO_DEFAULT_MINUTES,
    mode: str = SessionMode.ONLINE,
    meeting_url: str = "",
    location: str = "",
) -> Session:
    """Record a held micro-coaching session (one focus, one insight, one action) and its action."""
    require(
        by,
        "coaching.act_as_coach",
        engagement,
        message=_("Only the coach of this engagement can record a micro-coaching session."),
    )
    if not engagement.is_open:
        raise ValidationError(_("This engagement is closed; sessions can no longer be added."))
    now = timezone.now()
    scheduled_at = scheduled_at or now.replace(second=0, microsecond=0)
    errors: dict[str, list[str]] = {}
    if not focus.strip():
        errors["focus"] = [_("Write the one thing the coachee wanted to work on.")]
    if not insight.strip():
        errors["insight"] = [_("Write the one insight the coachee takes away.")]
    if duration_minutes not in MICRO_MINUTES:
        errors["duration_minutes"] = [_("A micro-coaching session lasts 10 to 15 minutes.")]
    if scheduled_at > now:
        errors["scheduled_at"] = [
            _("A micro-coaching session is recorded once it has taken place; give the time it started.")
        ]
    try:
        check_action(engagement, action, today=timezone.localdate())
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    notes = {"focus": focus.strip(), "insight": insight.strip(), "action": action.title.strip()}
    return log_session(
        engagement=engagement,
        by=by,
        scheduled_at=scheduled_at,
        duration_minutes=duration_minutes,
        mode=mode,
        meeting_url=meeting_url,
        location=location,
        canvas=SessionCanvas.MICRO,
        stage_notes=notes,
        actions=[action],
    )
