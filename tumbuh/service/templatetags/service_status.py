"""Statuses on service pages, read through their constants rather than spelled in templates."""

from django import template

from ..models import RequestStatus, ServiceRequest
from ..models.booking import Booking, BookingStatus
from ..models.exports import ExportJob, ExportStatus

register = template.Library()

FINISHED = (RequestStatus.CLOSED, RequestStatus.CANCELLED)
UNDER_WAY = (RequestStatus.ACCEPTED, RequestStatus.SCHEDULED)


@register.filter
def request_badge(request: ServiceRequest) -> str:
    """The badge colour of a request's status: grey when finished, green when under way, amber while waiting."""
    if request.status in FINISHED:
        return "text-bg-secondary"
    if request.status in UNDER_WAY:
        return "text-bg-success"
    return "text-bg-warning"


@register.filter
def is_booked(booking: Booking) -> bool:
    return booking.status == BookingStatus.ACTIVE


@register.filter
def export_badge(job: ExportJob) -> str:
    """The badge colour of an export: green when ready, red when it failed, amber while it is being built."""
    if job.status == ExportStatus.DONE:
        return "text-bg-success"
    if job.status == ExportStatus.FAILED:
        return "text-bg-danger"
    return "text-bg-warning"


@register.filter
def is_ready(job: ExportJob) -> bool:
    return job.status == ExportStatus.DONE
