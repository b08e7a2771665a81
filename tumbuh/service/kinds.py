"""The kinds of notice the service sends; registered with notifications in `ServiceConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from tumbuh.notifications.kinds import Kind

REQUEST_UPDATES = "request_updates"
MESSAGES = "messages"
REMINDER_24H = "reminder_24h"
REMINDER_1H = "reminder_1h"

KINDS = (
    Kind(REQUEST_UPDATES, _("Changes to my requests")),
    Kind(MESSAGES, _("New messages")),
    Kind(REMINDER_24H, _("Reminder a day before a session")),
    Kind(REMINDER_1H, _("Reminder an hour before a session")),
)
