from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .frameworks import FRAMEWORKS


class Question(models.Model):
    """An open question for one stage of one conversation model. Built-in ones have no agency."""

    framework = models.CharField(_("model"), max_length=10, choices=[(code, f.label) for code, f in FRAMEWORKS.items()])
    stage = models.CharField(_("stage"), max_length=20)
    text = models.CharField(_("question (Indonesian)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    # Null: part of the built-in bank every agency sees. Otherwise added by that agency's admin.
    agency = models.ForeignKey(
        "people.Agency", on_delete=models.CASCADE, null=True, blank=True, related_name="questions"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["framework", "stage", "pk"]
        indexes = [models.Index(fields=["framework", "stage"])]
        # Two constraints because NULL agencies never collide in a plain unique index.
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "framework", "stage", "text"],
                condition=Q(agency__isnull=False),
                name="question_unique_in_agency",
            ),
            models.UniqueConstraint(
                fields=["framework", "stage", "text"], condition=Q(agency__isnull=True), name="question_unique_builtin"
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text
