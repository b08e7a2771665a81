import zoneinfo

from django.conf import settings
from django.utils import timezone, translation


class PersonalPreferencesMiddleware:
    """Show times in the viewer's own zone (WIB/WITA/WIT) and pages in their language.

    A language picked with the switch (kept in a cookie) wins over the profile's default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            if not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        else:
            timezone.deactivate()
        return self.get_response(request)
