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


def _before(request) -> int | None:
    """The "older messages" cursor of the query string: a message id, or None (the latest messages)."""
    try:
        return int(request.GET["before"])
    except (KeyError, ValueError):
        return None


def _context(request, service_request: ServiceRequest, form: MessageForm, before: int | None = None) -> dict:
    user = request.user
    page = selectors.thread_page(service_request, viewer=user, before=before)
    # The latest run holds USER's last message unless USER has not written for a whole page.
    on_page = [message for message in page.messages if message.sender_id == user.pk] if before is None else []
    mine = on_page[-1] if on_page else selectors.my_last_message(service_request, user)
    read_at = selectors.other_party_read_at(service_request, user) if mine is not None else None
    seen = mine is not None and read_at is not None and read_at >= mine.created_at
    return {
        "req": service_request,
        "thread": page.messages,
        "older_than": page.older_than,
        "seen_id": mine.pk if seen else None,
        "form": form,
        "can_post": can(user, "service.post_message", service_request),
        # The requester (who reads it all) is told how much of it the current provider does not see.
        "hidden_from_provider": (
            selectors.hidden_from_provider(service_request) if user.pk == service_request.requester_id else 0
        ),
    }


def message_list(request, pk: int):
    service_request = fetch(
        request.user, "service.view_conversation", selectors.requests_visible_to(request.user), pk=pk
    )
    services.mark_thread_read(request=service_request, reader=request.user)
    context = _context(request, service_request, MessageForm(), before=_before(request))
    if request.htmx and "before" in request.GET:
        # "Older messages": only the earlier run, put in place of the link that asked for it.
        return render(request, f"{TEMPLATE}#messages", context)
    return render(request, TEMPLATE, context)


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
