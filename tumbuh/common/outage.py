"""While the database is down: a 503 that says so and when to try again, never a 500 (pages, API, /healthz).

Nothing to reset afterwards: Django drops a connection that failed at the end of its request, and the next request
opens a new one (CONN_HEALTH_CHECKS checks kept ones), so service comes back by itself.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)


def is_database_down(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_ERRORS)


def outage_message() -> str:
    return _("Tumbuh's database does not answer. What you just sent was not saved; try again in a minute.")


def outage_page() -> HttpResponse:
    # Rendered without the request: a context processor could reach for the database that is down.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
