from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tumbuh.coaching.models import Session

from .report import share_percent


class SourceFormat(models.TextChoices):
    VTT = "vtt", _("WebVTT (Zoom, Google Meet, Teams)")
    TEXT = "text", _("Plain text")


class Transcript(models.Model):
    """A coaching conversation as text, with its analysis. The coach's own learning material: only they see it."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="transcripts", verbose_name=_("session")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("uploaded by")
    )
    source_format = models.CharField(_("format"), max_length=10, choices=SourceFormat.choices)
    source_name = models.CharField(_("file name"), max_length=200, blank=True)
    coach_speaker = models.CharField(_("coach's name in the transcript"), max_length=200)
    text = models.TextField(_("transcript"))
    report = models.JSONField(_("report"))
    word_count = models.PositiveIntegerField(_("words"))
    coach_word_count = models.PositiveIntegerField(_("coach's words"))
    created_at = models.DateTimeField(_("analysed"), default=timezone.now)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["uploaded_by", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(coach_word_count__lte=models.F("word_count")),
                name="transcript_coach_words_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} – {self.coach_speaker}"

    @property
    def coach_share(self) -> int:
        """The coach's share of the words, in whole percent."""
        return share_percent(self.coach_word_count, self.word_count)
