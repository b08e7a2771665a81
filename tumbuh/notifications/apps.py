from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .kinds import OWN_KINDS, register


class NotificationsConfig(AppConfig):
    name = "tumbuh.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        register(*OWN_KINDS)
