from .booking import AvailabilityException, Booking, ReminderSent, WeeklyAvailability
from .exports import ExportJob
from .messages import Message, ResponseSample, ThreadRead
from .providers import Certification, ProviderProfile, ServicePolicy, Topic
from .requests import PreferredWindow, RequestEvent, RequestStatus, ServiceKind, ServiceRequest

__all__ = [
    "AvailabilityException",
    "Booking",
    "Certification",
    "ExportJob",
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
