"""The conversation of a request: requester and provider only (service admins see the request, not this)."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from tumbuh.access.policy import can, fetch
from tumbuh.common.forms import add_service_errors

from ..forms.messages import MessageForm
from ..models import ServiceRequest
from ..selectors import messaging as selectors
from ..services import messaging as services

TEMPLATE = "service/messages_list.html"


def _context(request, service_request: ServiceRequest, form: MessageForm) -> dict:
    user = request.user
    thread = list(selectors.thread_for(service_request, viewer=user))
    mine = [message for message in thread if message.sender_id == user.pk]
    read_at = selectors.other_party_read_at(service_request, user)
    seen = bool(mine) and read_at is not None and read_at >= mine[-1].created_at
    return {
        "req": service_request,
        "thread": thread,
        "seen_id": mine[-1].pk if seen else None,
        "form": form,
        "can_post": can(user, "service.post_message", service_request),
        # The requester (who reads it all) is told how much of it the current provider does not see.
        "hidden_from_provider": (
            sum(1 for message in thread if not selectors.seen_by_provider(message, service_request.provider_id))
            if user.pk == service_request.requester_id and service_request.provider_id is not None
            else 0
        ),
    }


def message_list(request, pk: int):
    service_request = fetch(
        request.user, "service.view_conversation", selectors.requests_visible_to(request.user), pk=pk
    )
    services.mark_thread_read(request=service_request, reader=request.user)
    return render(request, TEMPLATE, _context(request, service_request, MessageForm()))


@require_POST
def message_create(request, pk: int):
    service_request = fetch(request.user, "service.post_message", selectors.requests_visible_to(request.user), pk=pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(request=service_request, sender=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                return redirect(reverse("service:message-list", args=[service_request.pk]) + "#message-form")
            form = MessageForm()
    if request.htmx:
        return TemplateResponse(request, f"{TEMPLATE}#thread", _context(request, service_request, form))
    return render(request, TEMPLATE, _context(request, service_request, form))


urlpatterns = [
    path("requests/<int:pk>/messages/", message_list, name="message-list"),
    path("requests/<int:pk>/messages/new/", message_create, name="message-create"),
]
