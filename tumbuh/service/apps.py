from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tumbuh.notifications.kinds import register

from .kinds import KINDS


class ServiceConfig(AppConfig):
    name = "tumbuh.service"
    verbose_name = _("Consulting, coaching and mentoring service")

    def ready(self) -> None:
        register(*KINDS)
