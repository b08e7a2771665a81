from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .engagements import Engagement


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class Goal(models.Model):
    """A SMART goal: a specific statement, an indicator from baseline to target, a deadline, its relevance."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=200, blank=True)
    unit = models.CharField(_("unit of measure"), max_length=30, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    relevance = models.TextField(_("relevance"), blank=True)
    # Free text until the SKP targets exist as records of their own.
    skp_reference = models.CharField(_("SKP target"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    # Bumped on every edit; an edit based on an older version is refused, not silently overwritten.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def measures_value(self) -> bool:
        """Progress is the indicator's value when the goal has a target; otherwise a percentage."""
        return self.target is not None

    @property
    def progress_unit(self) -> str:
        """The unit progress is recorded in: the indicator's, or percent."""
        return self.unit if self.measures_value else "%"

    def percent_of(self, value: Decimal) -> int:
        """How far VALUE is along the way from baseline to target, 0–100 (targets may go down, too)."""
        if self.target is None:
            share = value
        else:
            start = self.baseline if self.baseline is not None else Decimal(0)
            span = self.target - start
            if span == 0:
                return 100 if value == self.target else 0
            share = (value - start) / span * 100
        return int(min(Decimal(100), max(Decimal(0), share)).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def latest_progress(self) -> "GoalProgress | None":
        """The newest entry; reads the prefetched ``progress`` when the selector prefetched it."""
        entries = list(self.progress.all())
        return entries[-1] if entries else None


class GoalProgress(models.Model):
    """One reading of a goal's indicator (or of its percentage done) on a day."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="progress", verbose_name=_("goal"))
    recorded_on = models.DateField(_("date"), default=timezone.localdate)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("goal progress")
        verbose_name_plural = _("goal progress")
        ordering = ["recorded_on", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.goal} · {self.recorded_on}: {self.value}"

    @property
    def percent(self) -> int:
        return self.goal.percent_of(self.value)
