from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tumbuh.notifications.kinds import register
from tumbuh.worker.registry import on_abandoned

from .kinds import KINDS


class ServiceConfig(AppConfig):
    name = "tumbuh.service"
    verbose_name = _("Consulting, coaching and mentoring service")

    def ready(self) -> None:
        register(*KINDS)
        # A workbook half written by a worker that died is not resumed: the job says "failed, start again".
        on_abandoned("tumbuh.service.tasks.build_service_export", "tumbuh.service.exports.abandon_export")
