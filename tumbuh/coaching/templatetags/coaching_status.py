"""Statuses on coaching pages, read through their constants rather than spelled in templates."""

from django import template

from ..models import Engagement, EngagementStatus, Goal, GoalStatus

register = template.Library()


@register.filter
def engagement_badge(engagement: Engagement) -> str:
    """The badge colour of an engagement's status: green when active, amber when requested, else grey."""
    if engagement.status == EngagementStatus.ACTIVE:
        return "text-bg-success"
    if engagement.status == EngagementStatus.REQUESTED:
        return "text-bg-warning"
    return "text-bg-secondary"


@register.filter
def is_open_goal(goal: Goal) -> bool:
    return goal.status == GoalStatus.OPEN
