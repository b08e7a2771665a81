"""Coaching models, a module per topic. Each new module adds its import line here."""

from .actions import ActionItem
from .engagements import Engagement, EngagementKind, EngagementStatus
from .goals import Goal, GoalStatus
from .sessions import Session, SessionMode, SessionStatus

__all__ = [
    "ActionItem",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "Goal",
    "GoalStatus",
    "Session",
    "SessionMode",
    "SessionStatus",
]
