from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerBeat(models.Model):
    """The last sign of life of a task worker started by `manage.py run_worker` (written every few seconds)."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    beat_at = models.DateTimeField(_("last beat"))
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True)

    class Meta:
        verbose_name = _("worker beat")
        verbose_name_plural = _("worker beats")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.beat_at:%Y-%m-%d %H:%M:%S})"
