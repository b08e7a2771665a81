from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .policy import can


def navigation(request):
    """The menu a person sees depends on the roles they hold."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = [
        (reverse("home"), _("Home"), "home"),
        (reverse("coaching:engagement-list"), _("My engagements"), "coaching"),
        (reverse("toolkit:index"), _("Toolkit"), "toolkit"),
        (reverse("service:request-list"), _("Service"), "service"),
        (reverse("notifications:list"), _("Notifications"), "notifications"),
    ]
    if can(user, "service.see_admin_menu"):
        items.append((reverse("service:dashboard-queue"), _("Service admin"), "dashboard"))
    if can(user, "people.use_backoffice"):
        items.append((reverse("admin:index"), _("Back-office"), "admin"))
    return {"nav_items": [{"url": url, "label": label, "key": key} for url, label, key in items]}
