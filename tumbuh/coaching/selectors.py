"""Reads, already scoped to what the user may see, with their joins chosen once here."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from tumbuh.people.models import Employee
from tumbuh.toolkit.frameworks import FRAMEWORKS, Framework
from tumbuh.toolkit.selectors import key_questions

from .models import (
    ActionItem,
    Contract,
    Engagement,
    Feedback,
    Goal,
    GoalProgress,
    GoalStatus,
    PeerInvitation,
    PeerInvitationStatus,
    Session,
    SessionCanvas,
    SessionStatus,
)
from .models.engagements import OPEN_STATUSES
from .models.sessions import FULL_SESSION_CANVASES
from .smart import Hint, check_goal


def engagements_visible_to(user: Employee) -> QuerySet[Engagement]:
    """Engagements in which USER is the coach or the coachee; nobody else sees them."""
    if not user.is_authenticated:
        return Engagement.objects.none()
    return Engagement.objects.filter(Q(coach=user) | Q(coachee=user)).select_related("coach", "coachee")


def engagement_list_for(user: Employee) -> QuerySet[Engagement]:
    """USER's engagements with the counts the list page shows."""
    # One subquery per count, each on its own foreign-key index: joining both would multiply the rows.
    return engagements_visible_to(user).annotate(
        session_count=_count_per_engagement(Session.objects.all()),
        open_action_count=_count_per_engagement(ActionItem.objects.filter(done_at__isnull=True)),
    )


def _count_per_engagement(rows: QuerySet) -> Coalesce:
    counted = rows.filter(engagement=OuterRef("pk")).order_by().values("engagement").annotate(n=Count("pk"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)


def open_engagements_for(user: Employee) -> QuerySet[Engagement]:
    """USER's engagements still requested or under way, with the list page's counts."""
    return engagement_list_for(user).filter(status__in=OPEN_STATUSES)


def engagement_detail_for(user: Employee) -> QuerySet[Engagement]:
    """Engagements with goals, sessions and actions prefetched for the detail page."""
    return engagements_visible_to(user).prefetch_related(
        Prefetch("goals", queryset=Goal.objects.order_by("created_at").prefetch_related("progress")),
        Prefetch("sessions", queryset=Session.objects.order_by("-scheduled_at")),
        Prefetch(
            "action_items",
            queryset=ActionItem.objects.select_related("owner", "goal").order_by("done_at", "due_on", "pk"),
        ),
        Prefetch("contracts", queryset=Contract.objects.order_by("-version")),  # the contract banner
    )


def sessions_visible_to(user: Employee) -> QuerySet[Session]:
    if not user.is_authenticated:
        return Session.objects.none()
    return Session.objects.filter(Q(engagement__coach=user) | Q(engagement__coachee=user)).select_related(
        "engagement__coach", "engagement__coachee"
    )


def action_items_visible_to(user: Employee) -> QuerySet[ActionItem]:
    if not user.is_authenticated:
        return ActionItem.objects.none()
    return ActionItem.objects.filter(Q(engagement__coach=user) | Q(engagement__coachee=user)).select_related(
        "engagement__coach", "engagement__coachee", "owner"
    )


def open_action_items_owned_by(user: Employee) -> QuerySet[ActionItem]:
    """USER's own unfinished actions, earliest due first (the home page's to-do list)."""
    return action_items_visible_to(user).filter(owner=user, done_at__isnull=True).order_by("due_on", "pk")


def goals_visible_to(user: Employee) -> QuerySet[Goal]:
    if not user.is_authenticated:
        return Goal.objects.none()
    return Goal.objects.filter(Q(engagement__coach=user) | Q(engagement__coachee=user)).select_related(
        "engagement__coach", "engagement__coachee"
    )


# Coaching contracts and peer coaching (issue 4).
def engagement_contracts_for(user: Employee) -> QuerySet[Engagement]:
    """USER's engagements with every contract version, newest first (the contract page and its form)."""
    return engagements_visible_to(user).prefetch_related(
        Prefetch("contracts", queryset=Contract.objects.select_related("proposed_by").order_by("-version"))
    )


def contracts_visible_to(user: Employee) -> QuerySet[Contract]:
    """Contract versions of USER's own engagements; nobody else, supervisor or admin, sees them."""
    if not user.is_authenticated:
        return Contract.objects.none()
    return Contract.objects.filter(Q(engagement__coach=user) | Q(engagement__coachee=user)).select_related(
        "engagement__coach", "engagement__coachee"
    )


def shared_with_supervisor(engagement: Engagement) -> frozenset[str]:
    """What the coachee's supervisor or mentor may see (SupervisorShare values): what the contract in force allows.

    Empty by default: without a contract accepted by both, or when it allows nothing, the supervisor sees nothing.
    """
    in_force = engagement.contract_in_force
    return in_force.shared_with_supervisor if in_force is not None else frozenset()


def peer_invitations_for(user: Employee) -> QuerySet[PeerInvitation]:
    """Peer-coaching invitations USER sent or received; only those two people see one."""
    if not user.is_authenticated:
        return PeerInvitation.objects.none()
    return PeerInvitation.objects.filter(Q(invited_by=user) | Q(invitee=user)).select_related("invited_by", "invitee")


def pending_peer_invitations_received(user: Employee) -> QuerySet[PeerInvitation]:
    """Invitations waiting for USER's answer, oldest first."""
    return peer_invitations_for(user).filter(invitee=user, status=PeerInvitationStatus.PENDING).order_by("created_at")


# SMART goals and their progress (issue 4).
def goal_detail_for(user: Employee) -> QuerySet[Goal]:
    """USER's goals with their progress (and who recorded it) and the engagement's contracts, for the goal page."""
    return goals_visible_to(user).prefetch_related(
        Prefetch("progress", queryset=GoalProgress.objects.select_related("recorded_by")),
        "engagement__contracts",
    )


# Session canvas and SBI feedback (issue 4).
def session_canvas_for(user: Employee) -> QuerySet[Session]:
    """USER's sessions with what the canvas and the session page show: actions, follow-ups, feedback."""
    return (
        sessions_visible_to(user)
        .select_related("follow_up_of")
        .prefetch_related(
            Prefetch("action_items", queryset=ActionItem.objects.select_related("owner").order_by("due_on", "pk")),
            Prefetch("follow_ups", queryset=Session.objects.order_by("scheduled_at", "pk")),
            Prefetch("feedback", queryset=Feedback.objects.select_related("given_by").order_by("created_at", "pk")),
        )
    )


# The session canvas: its model, the questions beside each stage, the follow-up it proposes.

FOLLOW_UP_DEFAULT_DAYS = 14
# How many of a stage's key questions the canvas shows beside its notes.
QUESTIONS_PER_STAGE = 4


@dataclass(frozen=True)
class FollowUpDraft:
    """The follow-up the coach schedules from the Will/Action stage; None means "as this session"."""

    days_after: int = FOLLOW_UP_DEFAULT_DAYS
    at: datetime.time | None = None
    mode: str | None = None
    location: str | None = None
    canvas: str | None = None


@dataclass(frozen=True)
class FollowUpPlan:
    """A follow-up draft with every blank filled from the session."""

    days_after: int
    at: datetime.time
    mode: str
    location: str
    canvas: str


def framework_of(session: Session) -> Framework | None:
    """The model the session follows, or None for a free session."""
    return FRAMEWORKS.get(session.canvas)


def stage_questions(session: Session, language: str) -> dict[str, list[str]]:
    """The key questions the canvas shows for each stage of the session's model, in LANGUAGE; {} for a free one."""
    framework = framework_of(session)
    if framework is None:
        return {}
    bank = key_questions(framework.code, agency_id=session.engagement.coach.agency_id, per_stage=QUESTIONS_PER_STAGE)
    return {stage: [question.text_in(language) for question in questions] for stage, questions in bank.items()}


def follow_up_defaults(session: Session) -> FollowUpPlan:
    """The proposal: 14 days later at the same time, same mode and place, same model (a micro session's is free)."""
    return filled_follow_up(session, FollowUpDraft())


def filled_follow_up(session: Session, draft: FollowUpDraft) -> FollowUpPlan:
    """DRAFT with every blank taken from SESSION."""
    local = timezone.localtime(session.scheduled_at)
    same_model = session.canvas if session.canvas in FULL_SESSION_CANVASES else SessionCanvas.FREE
    return FollowUpPlan(
        days_after=draft.days_after,
        at=draft.at or local.time().replace(second=0, microsecond=0),
        mode=draft.mode or session.mode,
        location=session.location if draft.location is None else draft.location,
        canvas=draft.canvas or same_model,
    )


def follow_up_moment(session: Session, *, days_after: int, at: datetime.time) -> datetime.datetime:
    """DAYS_AFTER days after the session's day, at AT, both on the active clock."""
    day = timezone.localtime(session.scheduled_at).date() + datetime.timedelta(days=days_after)
    return datetime.datetime.combine(day, at, tzinfo=timezone.get_current_timezone())


def current_follow_up(session: Session) -> Session | None:
    """The follow-up already planned from SESSION (a cancelled one does not count)."""
    return session.follow_ups.exclude(status=SessionStatus.CANCELLED).order_by("scheduled_at").first()


# Goals: the SMART hints beside a goal, and the end they are measured against.


def planned_end(engagement: Engagement) -> datetime.date | None:
    """When ENGAGEMENT is planned to end (see Engagement.planned_end)."""
    return engagement.planned_end


def draft_hints(
    *,
    engagement: Engagement,
    title: str,
    indicator: str = "",
    unit: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    target_date: datetime.date | None = None,
    relevance: str = "",
    skp_reference: str = "",
) -> list[Hint]:
    """The SMART hints for a goal as typed so far, in the active language."""
    return check_goal(
        statement=title,
        indicator=indicator,
        baseline=baseline,
        target=target,
        unit=unit,
        deadline=target_date,
        today=timezone.localdate(),
        engagement_ends_on=engagement.planned_end,
        relevance=relevance,
        skp_reference=skp_reference,
        language=translation.get_language() or "id",
    )


def goal_hints(goal: Goal) -> list[Hint]:
    """The SMART hints for a saved goal; none once it is achieved or dropped."""
    if goal.status != GoalStatus.OPEN:
        return []
    return draft_hints(
        engagement=goal.engagement,
        title=goal.title,
        indicator=goal.indicator,
        unit=goal.unit,
        baseline=goal.baseline,
        target=goal.target,
        target_date=goal.target_date,
        relevance=goal.relevance,
        skp_reference=goal.skp_reference,
    )
