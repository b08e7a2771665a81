from .booking import AvailabilityException, Booking, ReminderSent, WeeklyAvailability
from .messages import Message, ResponseSample, ThreadRead
from .providers import Certification, ProviderProfile, ServicePolicy, Topic
from .requests import PreferredWindow, RequestEvent, RequestStatus, ServiceKind, ServiceRequest

__all__ = [
    "AvailabilityException",
    "Booking",
    "Certification",
    "Message",
    "PreferredWindow",
    "ProviderProfile",
    "ReminderSent",
    "RequestEvent",
    "RequestStatus",
    "ResponseSample",
    "ServiceKind",
    "ServicePolicy",
    "ServiceRequest",
    "ThreadRead",
    "Topic",
    "WeeklyAvailability",
]
