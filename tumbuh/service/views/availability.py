"""A provider's own hours: weekly windows and the periods they cannot meet, on their own clock."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch, require
from tumbuh.common.forms import add_service_errors

from ..forms.booking import AvailabilityExceptionForm, WeeklyWindowForm
from ..selectors import booking as selectors
from ..services import booking as services


def _own_profile(request):
    require(request.user, "service.manage_own_availability")
    return fetch(
        request.user, "service.manage_availability", selectors.own_profile(request.user), employee=request.user
    )


def _page(request, profile, *, window_form=None, exception_form=None):
    zone = selectors.provider_zone(profile)
    context = {
        "profile": profile,
        "zone": zone,
        "zone_label": selectors.zone_label(zone),
        "windows": selectors.weekly_windows_of(profile),
        "exceptions": selectors.upcoming_exceptions_of(profile),
        "window_form": window_form or WeeklyWindowForm(prefix="window"),
        "exception_form": exception_form or AvailabilityExceptionForm(prefix="exception", zone=zone),
    }
    return render(request, "service/availability_list.html", context)


def availability_list(request):
    return _page(request, _own_profile(request))


@require_POST
def window_create(request):
    profile = _own_profile(request)
    form = WeeklyWindowForm(request.POST, prefix="window")
    if form.is_valid():
        try:
            services.add_weekly_window(provider=profile, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Weekly window added."))
            return redirect("service:availability-list")
    return _page(request, profile, window_form=form)


@require_POST
def window_delete(request, pk: int):
    profile = _own_profile(request)
    window = fetch(request.user, "service.manage_own_availability", selectors.weekly_windows_of(profile), pk=pk)
    services.delete_weekly_window(window=window, by=request.user)
    messages.success(request, _("Weekly window deleted. Sessions already booked in it stay booked."))
    return redirect("service:availability-list")


@require_POST
def exception_create(request):
    profile = _own_profile(request)
    form = AvailabilityExceptionForm(request.POST, prefix="exception", zone=selectors.provider_zone(profile))
    if form.is_valid():
        starts_at, ends_at = form.period()
        try:
            services.add_availability_exception(
                provider=profile,
                starts_at=starts_at,
                ends_at=ends_at,
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved. Nobody can book you in this period."))
            booked = selectors.active_bookings_between(profile, starts_at, ends_at).count()
            if booked:
                messages.warning(
                    request,
                    ngettext(
                        "You still have %(count)d booked session in this period; move or cancel it from its request.",
                        "You still have %(count)d booked sessions in this period; move or cancel them from their "
                        "requests.",
                        booked,
                    )
                    % {"count": booked},
                )
            return redirect("service:availability-list")
    return _page(request, profile, exception_form=form)


@require_POST
def exception_delete(request, pk: int):
    profile = _own_profile(request)
    exception = fetch(
        request.user,
        "service.manage_own_availability",
        selectors.upcoming_exceptions_of(profile),
        pk=pk,
    )
    services.delete_availability_exception(exception=exception, by=request.user)
    messages.success(request, _("Removed. That time can be booked again."))
    return redirect("service:availability-list")


urlpatterns = [
    path("availability/", availability_list, name="availability-list"),
    path("availability/windows/new/", window_create, name="availability-window-create"),
    path("availability/windows/<int:pk>/delete/", window_delete, name="availability-window-delete"),
    path("availability/exceptions/new/", exception_create, name="availability-exception-create"),
    path("availability/exceptions/<int:pk>/delete/", exception_delete, name="availability-exception-delete"),
]
