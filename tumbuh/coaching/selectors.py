"""Reads, already scoped to what the user may see, with their joins chosen once here."""

from django.db.models import Count, Prefetch, Q, QuerySet

from tumbuh.people.models import Employee

from .models import (
    ActionItem,
    Contract,
    Engagement,
    Feedback,
    Goal,
    GoalProgress,
    PeerInvitation,
    PeerInvitationStatus,
    Session,
)


def engagements_visible_to(user: Employee) -> QuerySet[Engagement]:
    """Engagements in which USER is the coach or the coachee; nobody else sees them."""
    if not user.is_authenticated:
        return Engagement.objects.none()
    return Engagement.objects.filter(Q(coach=user) | Q(coachee=user)).select_related("coach", "coachee")


def engagement_list_for(user: Employee) -> QuerySet[Engagement]:
    """USER's engagements with the counts the list page shows."""
    return engagements_visible_to(user).annotate(
        session_count=Count("sessions", distinct=True),
        open_action_count=Count("action_items", filter=Q(action_items__done_at__isnull=True), distinct=True),
    )


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
