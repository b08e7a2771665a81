import sys

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views import defaults

from .outage import DATABASE_ERRORS, RETRY_AFTER_SECONDS, is_database_down, outage_message, outage_page


@login_not_required
def healthz(request):
    """For load balancers: the app answers and its database does too; a 503 names what is down."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS:
        return JsonResponse(
            {"status": "down", "database": "down"}, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """handler500: a database outage is a 503 saying so (JSON under /api/), anything else Django's 500 page."""
    if not is_database_down(sys.exc_info()[1]):
        return defaults.server_error(request)
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"message": outage_message()}, status=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)}
        )
    return outage_page()
