from django.db import models
from django.http import HttpRequest

from .models import AuditEvent


def record_event(
    *, actor, action: str, target: models.Model, detail: str = "", request: HttpRequest | None = None, via: str = "web"
) -> AuditEvent:
    """Append one audit record; ACTION is a dotted verb such as ``session.notes.read``."""
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        detail=detail[:200],
        via=via,
        ip_address=ip,
    )


def api_via(request: HttpRequest) -> str:
    """How an API request came in, for ``record_event(via=...)``: "token" with a bearer token, else "api"."""
    return getattr(request, "api_via", "api")
