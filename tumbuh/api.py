"""The REST API at /api/v1/: one NinjaAPI that mounts each app's router.

Auth: the browser session (with CSRF on writes) or ``Authorization: Bearer <token>``.
Errors are JSON: ``{"message": "...", "errors": {...}}``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import HttpBearer, django_auth

from tumbuh.analyzer.api import router as analyzer_router
from tumbuh.coaching.api import router as coaching_router
from tumbuh.common.api import ObjectParser, schema_errors
from tumbuh.common.conflicts import EditConflict
from tumbuh.common.outage import RETRY_AFTER_SECONDS, outage_message
from tumbuh.people.api import router as people_router
from tumbuh.people.services import employee_for_token
from tumbuh.service.api import router as service_router
from tumbuh.toolkit.api import router as toolkit_router


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        employee = employee_for_token(token)
        if employee is not None:
            request.user = employee
            request.api_via = "token"
            # The preferences middleware ran before we knew who this is; apply them now.
            translation.activate(employee.language)
            timezone.activate(employee.time_zone)
        return employee


api = NinjaAPI(
    title="Tumbuh API",
    version="1",
    description="Coaching, mentoring and consulting for ASN. Session or bearer-token auth.",
    auth=[TokenAuth(), django_auth],
    parser=ObjectParser(),
    urls_namespace="api",
)
api.add_router("/", people_router)
api.add_router("/", coaching_router)
api.add_router("/", service_router)
api.add_router("/", toolkit_router)
api.add_router("/", analyzer_router)


def _error(request, status: int, message: str, errors: dict | None = None):
    body: dict = {"message": message}
    if errors:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def on_database_down(request, exc):
    # The API's JSON error, 503 with Retry-After: the client should come back, not report a bug.
    response = _error(request, 503, outage_message())
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return _error(request, 401, _("Log in, or send a valid token in the Authorization header."))


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return _error(request, 403, str(exc) or _("You do not have access to this."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, _("Not found, or you do not have access to it."))


@api.exception_handler(ValidationError)
def on_invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return _error(request, 422, _("Some fields need fixing."), errors)


@api.exception_handler(SchemaValidationError)
def on_schema_invalid(request, exc):
    errors: dict[str, list[str]] = {}
    for item in exc.errors:
        # ("body", "payload", "actions", 0, "due_on") → "actions.0.due_on"; ("query", "page") → "page".
        skip = 2 if list(item.get("loc", []))[:1] == ["body"] else 1
        for field, messages in schema_errors([item], skip=skip).items():
            errors.setdefault(field, []).extend(messages)
    return _error(request, 422, _("Some fields need fixing."), errors)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    # Ninja's own messages are English and technical ("Cannot parse request body"): never pass them through.
    if exc.status_code == 400:
        # Ninja could not parse the body (malformed JSON, or not JSON at all).
        return _error(request, 400, _("The request body is not valid JSON; send a JSON object."))
    if exc.status_code == 403:
        # Ninja's session auth refuses a write without the CSRF token this way.
        return _error(request, 403, _("The security check of your session failed; reload the page and try again."))
    return _error(
        request,
        exc.status_code,
        _("The request could not be handled (HTTP status %(status)s).") % {"status": exc.status_code},
    )


@api.exception_handler(EditConflict)
def on_conflict(request, exc):
    return _error(request, 409, str(exc), {"version": [str(exc.current.version)]})
