"""Keeps the current request at hand for ``record_event``, so every audit event names its real channel."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .services import current_request


class AuditChannelMiddleware:
    """Services record events without a request argument; this lets ``record_event`` find it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)
