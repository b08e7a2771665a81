from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tumbuh.notifications.kinds import register

from .kinds import KINDS


class CoachingConfig(AppConfig):
    name = "tumbuh.coaching"
    verbose_name = _("Coaching")

    def ready(self) -> None:
        register(*KINDS)
