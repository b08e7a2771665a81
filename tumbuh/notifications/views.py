"""A person's own notices and e-mail choices. Thin: parse, ask access, call a service or selector, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tumbuh.access.policy import fetch, require
from tumbuh.common.paging import CappedPaginator

from . import inbox, selectors
from .forms import EmailChoicesForm

PAGE_SIZE = 30


def notification_list(request):
    require(request.user, "notifications.manage_own_notifications")
    page = CappedPaginator(selectors.notifications_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page": page})


def notification_open(request, pk: int):
    """Mark the notice read and go where it points."""
    notification = fetch(
        request.user, "notifications.open_notification", selectors.notifications_for(request.user), pk=pk
    )
    inbox.mark_read(notification=notification)
    if url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return redirect("notifications:list")


@require_POST
def read_all(request):
    require(request.user, "notifications.manage_own_notifications")
    count = inbox.mark_all_read(employee=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


def email_settings(request):
    require(request.user, "notifications.manage_own_notifications")
    # Every box unticked posts no field at all, so the method, not the data, says whether the form was sent.
    data = request.POST if request.method == "POST" else None
    form = EmailChoicesForm(data, initial=selectors.email_choices(request.user))
    if form.is_valid():
        inbox.set_email_choices(employee=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your e-mail choices are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/notification_settings.html", {"form": form})
