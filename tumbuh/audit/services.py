from contextvars import ContextVar

from django.db import models
from django.http import HttpRequest

from .models import AuditEvent

# The request being answered, set by AuditChannelMiddleware; None in tasks, commands and direct service calls.
current_request: ContextVar[HttpRequest | None] = ContextVar("audit_current_request", default=None)

# Where each channel's URLs live (tumbuh/urls.py): the REST API and the back-office.
CHANNEL_PREFIXES = (("/api/", "api"), ("/admin/", "admin"))


def channel_of(request: HttpRequest | None) -> str:
    """How REQUEST came in: "token" (API with a bearer token), "api", "admin" or "web" (also without a request)."""
    if request is None:
        return "web"
    token_via = getattr(request, "api_via", None)  # set by the API's TokenAuth
    if token_via:
        return token_via
    path = request.path_info
    return next((channel for prefix, channel in CHANNEL_PREFIXES if path.startswith(prefix)), "web")


def record_event(
    *,
    actor,
    action: str,
    target: models.Model,
    detail: str = "",
    request: HttpRequest | None = None,
    via: str | None = None,
) -> AuditEvent:
    """Append one audit record; ACTION is a dotted verb such as ``session.notes.read``.

    The channel and address come from the request being answered, so no caller has to pass them.
    """
    request = request if request is not None else current_request.get()
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        detail=detail[:200],
        via=via or channel_of(request),
        ip_address=ip,
    )
