from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .sessions import Session


class Feedback(models.Model):
    """Feedback in the SBI form (Situation, Behaviour, Impact), given in a session; the coachee reads it."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="feedback")
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("given by")
    )
    situation = models.TextField(_("situation"), max_length=2000)
    behaviour = models.TextField(_("behaviour"), max_length=2000)
    impact = models.TextField(_("impact"), max_length=2000)
    reflective_question = models.CharField(_("reflective question"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.session} – {self.behaviour[:40]}"
