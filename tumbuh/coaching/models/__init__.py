"""Coaching models, a module per topic. Each new module adds its import line here."""

from .actions import ActionItem
from .contracts import Contract, ContractChannel, ContractRhythm, ContractState, SupervisorShare
from .engagements import Engagement, EngagementKind, EngagementStatus
from .feedback import Feedback
from .goals import Goal, GoalProgress, GoalStatus
from .peer import PeerInvitation, PeerInvitationStatus, PeerRole
from .sessions import Session, SessionCanvas, SessionMode, SessionStatus

__all__ = [
    "ActionItem",
    "Contract",
    "ContractChannel",
    "ContractRhythm",
    "ContractState",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "Feedback",
    "Goal",
    "GoalProgress",
    "GoalStatus",
    "PeerInvitation",
    "PeerInvitationStatus",
    "PeerRole",
    "Session",
    "SessionCanvas",
    "SessionMode",
    "SessionStatus",
    "SupervisorShare",
]
