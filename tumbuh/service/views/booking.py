"""Booking pages: pick a free slot of the provider, move a booked session, or cancel it.

Times show on the viewer's own clock (the middleware activates their zone); slots are posted as UTC ISO times.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch
from tumbuh.common.conflicts import EditConflict

from ..forms.booking import SlotForm
from ..selectors import booking as selectors
from ..selectors.requests import request_detail_for
from ..services import booking as services

DAYS_SHOWN = 14


def _slots(profile, *, moving: int | None = None) -> dict:
    """The free slots grouped by the viewer's days, and the two clocks the page names."""
    zone = selectors.provider_zone(profile)
    today = timezone.localdate(timezone=zone)
    slots = selectors.available_slots(provider=profile, start=today, days=DAYS_SHOWN, exclude_booking_id=moving)
    return {
        "days": selectors.slots_by_day(slots),
        "days_shown": DAYS_SHOWN,
        "viewer_zone": selectors.zone_label(timezone.get_current_timezone()),
        "provider_zone": selectors.zone_label(zone),
    }


def _picked(http, form: SlotForm, action, **kwargs) -> bool:
    """Run ACTION with the posted slot; on refusal, put the reason on FORM and say False."""
    if not form.is_valid():
        form.add_error(None, _("Choose one of the free slots shown."))
        return False
    try:
        action(starts_at=form.cleaned_data["starts_at"], by=http.user, **kwargs)
    except EditConflict:
        form.add_error(None, _("Someone changed this request a moment ago. Look at it again and retry."))
        return False
    except ValidationError as error:
        form.add_error(None, error.messages)
        return False
    return True


def _no_provider(request, request_pk: int):
    messages.error(request, _("The provider of this request has left the pool; ask the service admin for another."))
    return redirect("service:request-detail", pk=request_pk)


def booking_create(request, pk: int):
    service_request = fetch(request.user, "service.book_session", request_detail_for(request.user), pk=pk)
    profile = selectors.profile_of(service_request.provider)
    if profile is None:
        return _no_provider(request, service_request.pk)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and _picked(request, form, services.book_slot, request=service_request):
        messages.success(request, _("Session booked. You both get a calendar invitation by e-mail."))
        return redirect("service:request-detail", pk=service_request.pk)
    context = {
        "req": service_request,
        "profile": profile,
        "form": form,
        **_slots(profile),
        "action": "book",
    }
    return render(request, "service/booking_form.html", context)


def booking_reschedule(request, pk: int):
    booking = fetch(request.user, "service.change_booking", selectors.bookings_visible_to(request.user), pk=pk)
    profile = selectors.profile_of(booking.provider)
    if profile is None:
        return _no_provider(request, booking.request_id)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and _picked(request, form, services.reschedule_booking, booking=booking):
        messages.success(request, _("Session moved. You both get an updated calendar invitation."))
        return redirect("service:request-detail", pk=booking.request_id)
    hours = selectors.policy_of(booking.request.agency_id).min_notice_hours
    context = {
        "req": booking.request,
        "booking": booking,
        "profile": profile,
        "form": form,
        **_slots(profile, moving=booking.pk),
        "min_notice_hours": hours,
        "too_late": booking.starts_at - timezone.now() < datetime.timedelta(hours=hours),
        "action": "reschedule",
    }
    return render(request, "service/booking_form.html", context)


@require_POST
def booking_cancel(request, pk: int):
    booking = fetch(request.user, "service.change_booking", selectors.bookings_visible_to(request.user), pk=pk)
    try:
        services.cancel_booking(booking=booking, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Session cancelled. You both get a calendar cancellation."))
    return redirect("service:request-detail", pk=booking.request_id)


urlpatterns = [
    path("requests/<int:pk>/book/", booking_create, name="booking-create"),
    path("bookings/<int:pk>/reschedule/", booking_reschedule, name="booking-reschedule"),
    path("bookings/<int:pk>/cancel/", booking_cancel, name="booking-cancel"),
]
