"""The start page. It sits above the domain apps (beside urls.py) so that it may show what each of them offers."""

from django.shortcuts import render

from tumbuh.coaching import selectors as coaching


def home(request):
    """The start page: my engagements and my open actions."""
    context = {
        "engagements": coaching.open_engagements_for(request.user)[:5],
        "open_actions": coaching.open_action_items_owned_by(request.user)[:10],
    }
    return render(request, "home.html", context)
