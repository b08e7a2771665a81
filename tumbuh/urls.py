from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from django.views.i18n import set_language

from tumbuh.api import api
from tumbuh.common.views import healthz
from tumbuh.home import home
from tumbuh.people.urls import auth_urlpatterns

admin.site.site_header = _("Tumbuh back-office")
admin.site.site_title = _("Tumbuh")


def _api_urls():
    """The API authenticates each request itself (session or token), so the site's login redirect stays off it."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback.login_required = False
    return patterns, app_name, namespace


urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("coaching/", include("tumbuh.coaching.urls")),
    path("people/", include("tumbuh.people.urls")),
    path("service/", include("tumbuh.service.urls")),
    path("notifications/", include("tumbuh.notifications.urls")),
    path("toolkit/", include("tumbuh.toolkit.urls")),
    path("analyzer/", include("tumbuh.analyzer.urls")),
    # The back-office's own "change password" is the site's, which revokes the person's tokens and is audited.
    path("admin/password_change/", RedirectView.as_view(pattern_name="password_change"), name="admin-password-change"),
    path("admin/", admin.site.urls),
    path("api/v1/", _api_urls()),
    *auth_urlpatterns,
]

# A database outage is a 503 that says so, not a 500 (tumbuh/common/outage.py).
handler500 = "tumbuh.common.views.server_error"
