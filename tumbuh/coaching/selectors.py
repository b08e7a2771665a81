"""Reads, already scoped to what the user may see, with their joins chosen once here."""

from django.db.models import Count, Prefetch, Q, QuerySet

from tumbuh.people.models import Employee

from .models import ActionItem, Engagement, Goal, Session


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
        Prefetch("goals", queryset=Goal.objects.order_by("created_at")),
        Prefetch("sessions", queryset=Session.objects.order_by("-scheduled_at")),
        Prefetch(
            "action_items",
            queryset=ActionItem.objects.select_related("owner", "goal").order_by("done_at", "due_on", "pk"),
        ),
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
    return Goal.objects.filter(Q(engagement__coach=user) | Q(engagement__coachee=user))
