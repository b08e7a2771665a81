"""The kinds of notice coaching sends; registered with notifications in `CoachingConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from tumbuh.notifications.kinds import Kind

COACHING_UPDATES = "coaching_updates"
SESSION_RECORDED = "session_recorded"

KINDS = (
    Kind(COACHING_UPDATES, _("Contracts, feedback and peer invitations in my coaching")),
    Kind(SESSION_RECORDED, _("A session I take part in was recorded")),
)
