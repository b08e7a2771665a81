"""Writes for the core coaching loop. Each service validates, writes in one transaction, and enqueues notices."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict
from tumbuh.people.models import Employee

from .. import notices
from ..models import (
    ActionItem,
    Engagement,
    EngagementKind,
    EngagementStatus,
    Goal,
    Session,
    SessionCanvas,
    SessionMode,
    SessionStatus,
)


@dataclass(frozen=True)
class ActionDraft:
    title: str
    owner: Employee
    due_on: datetime.date


def start_engagement(
    *, coach: Employee, coachee: Employee, topic: str, kind: str = EngagementKind.COACHING, by: Employee | None = None
) -> Engagement:
    """Open an active engagement between a coach and a coachee."""
    if coach.pk == coachee.pk:
        raise ValidationError({"coach": _("A person cannot coach themselves; choose another coach.")})
    now = timezone.now()
    engagement = Engagement(
        coach=coach,
        coachee=coachee,
        topic=topic.strip(),
        kind=kind,
        status=EngagementStatus.ACTIVE,
        # Where the coachee works today; it stays with the engagement through a later transfer.
        agency_id=coachee.agency_id,
        unit_id=coachee.unit_id,
        created_at=now,
        started_at=now,
    )
    engagement.full_clean()
    engagement.save()
    record_event(actor=by, action="engagement.started", target=engagement)
    return engagement


def check_action(engagement: Engagement, draft: ActionDraft, *, today: datetime.date) -> None:
    """Refuse DRAFT unless it has a short title, an owner in ENGAGEMENT and a due date from TODAY on."""
    errors = {}
    title_max = ActionItem._meta.get_field("title").max_length or 0
    if not draft.title.strip():
        errors["title"] = _("Describe the action in a few words.")
    elif len(draft.title.strip()) > title_max:
        errors["title"] = _("Keep the action to %(max)s characters or fewer.") % {"max": title_max}
    if draft.owner.pk not in (engagement.coach_id, engagement.coachee_id):
        errors["owner"] = _("The owner of an action must be the coach or the coachee of this engagement.")
    if draft.due_on < today:
        errors["due_on"] = _("The due date %(date)s is in the past; pick today or a later date.") % {
            "date": draft.due_on.isoformat()
        }
    if errors:
        raise ValidationError(errors)


def create_actions(engagement: Engagement, session: Session, drafts: Sequence[ActionDraft]) -> list[ActionItem]:
    """Save the action items agreed in SESSION in one insert; DRAFTS were checked with check_action."""
    return ActionItem.objects.bulk_create(
        ActionItem(engagement=engagement, session=session, title=d.title.strip(), owner=d.owner, due_on=d.due_on)
        for d in drafts
    )


def _check_session_fields(*, mode: str, meeting_url: str, location: str, duration_minutes: int) -> None:
    errors = {}
    if mode == SessionMode.OFFLINE and not location.strip():
        errors["location"] = _("An in-person session needs a place; write where you meet.")
    if not 5 <= duration_minutes <= 480:
        errors["duration_minutes"] = _("A session lasts between 5 and 480 minutes.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def log_session(
    *,
    engagement: Engagement,
    by: Employee,
    scheduled_at: datetime.datetime,
    duration_minutes: int = 60,
    mode: str = SessionMode.ONLINE,
    meeting_url: str = "",
    location: str = "",
    shared_notes: str = "",
    private_notes: str = "",
    actions: Sequence[ActionDraft] = (),
    canvas: str = SessionCanvas.FREE,
    stage_notes: dict[str, str] | None = None,
) -> Session:
    """Record a session (held, or planned when in the future) with the actions agreed in it."""
    # Pages and API let only the coach log (coaching.log_session); the service serves either party.
    require(by, "coaching.act_as_party", engagement)
    if not engagement.is_open:
        raise ValidationError(_("This engagement is closed; sessions can no longer be added."))
    _check_session_fields(mode=mode, meeting_url=meeting_url, location=location, duration_minutes=duration_minutes)
    today = timezone.localdate()
    for draft in actions:
        check_action(engagement, draft, today=today)
    now = timezone.now()
    session = Session(
        engagement=engagement,
        scheduled_at=scheduled_at,
        duration_minutes=duration_minutes,
        mode=mode,
        meeting_url=meeting_url if mode == SessionMode.ONLINE else "",
        location=location if mode == SessionMode.OFFLINE else "",
        status=_status_after_move(SessionStatus.HELD, scheduled_at, now=now),
        shared_notes=shared_notes,
        private_notes=private_notes,
        canvas=canvas,
        stage_notes=stage_notes or {},
        created_at=now,
        updated_at=now,
    )
    session.full_clean()
    session.save()
    session.refresh_from_db(fields=["scheduled_at"])
    create_actions(engagement, session, actions)
    if engagement.status == EngagementStatus.REQUESTED:
        Engagement.objects.filter(pk=engagement.pk).update(status=EngagementStatus.ACTIVE, started_at=now)
    record_event(actor=by, action="session.logged", target=session)
    notices.notify_session_logged(session=session, by=by)
    return session


# What a calendar invitation shows: changing one of these sends the invitation again.
CALENDAR_FIELDS = ("scheduled_at", "duration_minutes", "mode", "meeting_url", "location")


@transaction.atomic
def update_session(
    *,
    session: Session,
    by: Employee,
    expected_version: int,
    scheduled_at: datetime.datetime,
    duration_minutes: int,
    mode: str,
    meeting_url: str = "",
    location: str = "",
    shared_notes: str = "",
    private_notes: str = "",
) -> Session:
    """Change a session; refuse with EditConflict if it was saved by someone else since EXPECTED_VERSION."""
    require(by, "coaching.change_session", session)
    _check_session_fields(mode=mode, meeting_url=meeting_url, location=location, duration_minutes=duration_minutes)
    now = timezone.now()
    values = {
        "scheduled_at": scheduled_at,
        "duration_minutes": duration_minutes,
        "mode": mode,
        "meeting_url": meeting_url if mode == SessionMode.ONLINE else "",
        "location": location if mode == SessionMode.OFFLINE else "",
        "shared_notes": shared_notes,
        "private_notes": private_notes,
        "status": _status_after_move(session.status, scheduled_at, now=now),
    }
    # Validate the new values exactly as a new session is validated (URL scheme, lengths, ranges).
    candidate = Session(pk=session.pk, engagement_id=session.engagement_id, **values)
    candidate.full_clean(exclude=["engagement", "id"], validate_unique=False)
    changed = Session.objects.filter(pk=session.pk, version=expected_version).update(
        **values, version=F("version") + 1, updated_at=now
    )
    fresh = Session.objects.select_related("engagement__coach", "engagement__coachee").get(pk=session.pk)
    if not changed:
        raise EditConflict(fresh)
    record_event(actor=by, action="session.changed", target=fresh)
    moved = any(getattr(session, name) != getattr(fresh, name) for name in CALENDAR_FIELDS)
    if fresh.follow_up_of_id and fresh.status == SessionStatus.SCHEDULED and moved:
        # The follow-up went to both calendars: send the new time or place under the same UID.
        notices.notify_follow_up_planned(session=fresh, moved=True)
    return fresh


def _status_after_move(status: str, scheduled_at: datetime.datetime, *, now: datetime.datetime) -> str:
    """A held session moved into the future is scheduled again, and the reverse; cancellations stay."""
    if status in (SessionStatus.HELD, SessionStatus.SCHEDULED):
        return SessionStatus.SCHEDULED if scheduled_at > now else SessionStatus.HELD
    return status


def add_action_item(
    *,
    engagement: Engagement,
    by: Employee,
    title: str,
    owner: Employee,
    due_on: datetime.date,
    goal: Goal | None = None,
    session: Session | None = None,
) -> ActionItem:
    """Add one action with an owner and a due date."""
    require(by, "coaching.act_as_party", engagement)
    if not engagement.is_open:
        raise ValidationError(_("This engagement is closed; actions can no longer be added."))
    check_action(engagement, ActionDraft(title, owner, due_on), today=timezone.localdate())
    if goal is not None and goal.engagement_id != engagement.pk:
        raise ValidationError({"goal": _("That goal belongs to another engagement; choose a goal of this one.")})
    item = ActionItem(
        engagement=engagement, session=session, goal=goal, title=title.strip(), owner=owner, due_on=due_on
    )
    item.full_clean()
    item.save()
    return item


def set_action_item_done(*, item: ActionItem, by: Employee, done: bool) -> ActionItem:
    """Tick an action as done, or reopen it."""
    require(by, "coaching.tick_action_item", item)
    item.done_at = timezone.now() if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_at", "done_by"])
    return item


# Goals live in their own module; add_goal stays importable from here for existing callers.
from .goals import add_goal  # noqa: E402, F401
