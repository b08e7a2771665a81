from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render

from tumbuh.coaching import selectors as coaching


def home(request):
    """The start page: my engagements and my open actions."""
    context = {
        "engagements": coaching.engagement_list_for(request.user).filter(status__in=["requested", "active"])[:5],
        "open_actions": coaching.open_action_items_owned_by(request.user)[:10],
    }
    return render(request, "home.html", context)


@login_not_required
def healthz(request):
    """For load balancers: the app answers and its database does too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
