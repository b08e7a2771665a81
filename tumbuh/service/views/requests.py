"""Requests: file one, follow it, and (as provider or admin) move it along."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch, require
from tumbuh.common.conflicts import EditConflict
from tumbuh.common.forms import add_service_errors

from ..forms.requests import CloseForm, DeclineForm, RateForm, RequestForm
from ..matching import rank_providers
from ..selectors import requests as selectors
from ..services import requests as services


def request_list(request):
    user = request.user
    context = {
        "mine": selectors.my_requests(user),
        "offers": selectors.offers_to(user),
        "is_provider": hasattr(user, "provider_profile"),
    }
    return render(request, "service/request_list.html", context)


def request_create(request):
    require(request.user, "service.file_request")
    form = RequestForm(request.POST or None, user=request.user, initial={"kind": request.GET.get("kind", "coaching")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.submit_request(
                requester=request.user,
                kind=data["kind"],
                topic=data["topic"],
                need=data["need"],
                mode=data["mode"],
                preferred_provider=data["preferred_provider"],
                on_behalf_of_unit=data["on_behalf_of_unit"],
                windows=data["windows"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request is in. You will be told as soon as a provider takes it."))
            return redirect("service:request-detail", pk=created.pk)
    return render(request, "service/request_form.html", {"form": form})


def _load(request, perm: str, pk: int):
    return fetch(request.user, perm, selectors.request_detail_for(request.user), pk=pk)


def request_detail(request, pk: int):
    service_request = _load(request, "service.view_request", pk)
    user = request.user
    context = {
        "req": service_request,
        "events": selectors.events_of(service_request),
        "bookings": selectors.active_bookings_of(service_request),
        "is_requester": user.pk == service_request.requester_id,
        "is_provider": user.pk == service_request.provider_id,
        "can": {
            perm: can(user, f"service.{perm}", service_request)
            for perm in (
                "view_conversation",
                "see_matches",
                "respond_to_offer",
                "cancel_request",
                "book_session",
                "change_booking",
                "close_request",
                "rate_request",
                "download_recommendation",
            )
        },
        "decline_form": DeclineForm(),
        "rate_form": RateForm(initial={"rating": service_request.rating}),
    }
    return render(request, "service/request_detail.html", context)


def request_matches(request, pk: int):
    service_request = _load(request, "service.see_matches", pk)
    context = {
        "req": service_request,
        "matches": rank_providers(request=service_request),
        "as_admin": can(request.user, "service.assign_request", service_request),
    }
    return render(request, "service/request_matches.html", context)


def _moved(http, pk: int, action, success: str, **kwargs):
    """Run ACTION and come back to the request with a message saying what happened or what to fix."""
    try:
        action(**kwargs)
    except EditConflict:
        messages.error(http, _("Someone changed this request a moment ago. Look at it again and retry."))
    except ValidationError as error:
        for text in error.messages:
            messages.error(http, text)
    else:
        messages.success(http, success)
    return redirect("service:request-detail", pk=pk)


@require_POST
def request_assign(request, pk: int):
    service_request = _load(request, "service.view_request", pk)
    require(request.user, "service.offer_request", service_request)
    # Only the request's own agency pool: a provider of another agency is as unknown here as a wrong number.
    provider = selectors.pool_member(service_request.agency_id, request.POST.get("provider"))
    if provider is None:
        messages.error(request, _("Choose a provider from the list."))
        return redirect("service:request-matches", pk=pk)
    return _moved(
        request,
        pk,
        services.assign_request,
        _("Offered to %(name)s.") % {"name": provider.full_name},
        request=service_request,
        provider=provider,
        by=request.user,
    )


@require_POST
def request_accept(request, pk: int):
    service_request = _load(request, "service.respond_to_offer", pk)
    return _moved(
        request,
        pk,
        services.accept_request,
        _("Accepted. The requester can now book a time."),
        request=service_request,
        by=request.user,
    )


@require_POST
def request_decline(request, pk: int):
    service_request = _load(request, "service.respond_to_offer", pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say briefly why, so the admin can find someone else."))
        return redirect("service:request-detail", pk=pk)
    return _moved(
        request,
        pk,
        services.decline_request,
        _("Declined. The request is back in the queue."),
        request=service_request,
        by=request.user,
        reason=form.cleaned_data["reason"],
    )


@require_POST
def request_cancel(request, pk: int):
    service_request = _load(request, "service.cancel_request", pk)
    return _moved(
        request,
        pk,
        services.cancel_request,
        _("Request cancelled."),
        request=service_request,
        by=request.user,
        reason=request.POST.get("reason", ""),
    )


def request_close(request, pk: int):
    service_request = _load(request, "service.close_request", pk)
    form = CloseForm(request.POST or None, initial={"recommendation": service_request.recommendation})
    if request.method == "POST" and form.is_valid():
        try:
            services.close_request(
                request=service_request, by=request.user, recommendation=form.cleaned_data["recommendation"]
            )
        except EditConflict:
            form.add_error(None, _("Someone changed this request a moment ago. Look at it again and retry."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Request closed. The requester is asked to rate it."))
            return redirect("service:request-detail", pk=pk)
    return render(request, "service/request_close.html", {"req": service_request, "form": form})


@require_POST
def request_rate(request, pk: int):
    service_request = _load(request, "service.rate_request", pk)
    form = RateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a rating from 1 to 5."))
        return redirect("service:request-detail", pk=pk)
    return _moved(
        request,
        pk,
        services.rate_request,
        _("Thank you for your rating."),
        request=service_request,
        by=request.user,
        **form.cleaned_data,
    )


def provider_list(request):
    providers = selectors.providers_visible_to(request.user).order_by("employee__full_name")
    return render(request, "service/provider_list.html", {"providers": providers})


def provider_detail(request, pk: int):
    visible = selectors.providers_visible_to(request.user).prefetch_related("certifications")
    profile = fetch(request.user, "service.file_request", visible, pk=pk)
    return render(request, "service/provider_detail.html", {"profile": profile})


urlpatterns = [
    path("", request_list, name="request-list"),
    path("requests/new/", request_create, name="request-create"),
    path("requests/<int:pk>/", request_detail, name="request-detail"),
    path("requests/<int:pk>/matches/", request_matches, name="request-matches"),
    path("requests/<int:pk>/assign/", request_assign, name="request-assign"),
    path("requests/<int:pk>/accept/", request_accept, name="request-accept"),
    path("requests/<int:pk>/decline/", request_decline, name="request-decline"),
    path("requests/<int:pk>/cancel/", request_cancel, name="request-cancel"),
    path("requests/<int:pk>/close/", request_close, name="request-close"),
    path("requests/<int:pk>/rate/", request_rate, name="request-rate"),
    path("providers/", provider_list, name="provider-list"),
    path("providers/<int:pk>/", provider_detail, name="provider-detail"),
]
