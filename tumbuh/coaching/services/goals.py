"""SMART goals: adding and changing them, their SMART hints, and the progress recorded over time."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tumbuh.access.policy import require
from tumbuh.audit.services import record_event
from tumbuh.common.conflicts import EditConflict
from tumbuh.people.models import Employee

from ..models import Engagement, Goal, GoalProgress, GoalStatus


def _refuse_past_deadline(target_date: datetime.date | None) -> None:
    if target_date is not None and target_date < timezone.localdate():
        raise ValidationError({"target_date": _("The target date is in the past; pick a future date.")})


@transaction.atomic
def add_goal(
    *,
    engagement: Engagement,
    by: Employee,
    title: str,
    description: str = "",
    target_date: datetime.date | None = None,
    indicator: str = "",
    unit: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    relevance: str = "",
    skp_reference: str = "",
) -> Goal:
    """Add a goal to an open engagement. A deadline in the past is refused; other SMART hints are advice."""
    require(by, "coaching.act_as_party", engagement)
    if not engagement.is_open:
        raise ValidationError(_("This engagement is closed; goals can no longer be added."))
    _refuse_past_deadline(target_date)
    goal = Goal(
        engagement=engagement,
        title=title.strip(),
        description=description,
        target_date=target_date,
        indicator=indicator.strip(),
        unit=unit.strip(),
        baseline=baseline,
        target=target,
        relevance=relevance.strip(),
        skp_reference=skp_reference.strip(),
    )
    goal.full_clean()
    goal.save()
    record_event(actor=by, action="goal.added", target=goal)
    return goal


@transaction.atomic
def update_goal(
    *,
    goal: Goal,
    by: Employee,
    expected_version: int,
    title: str,
    status: str,
    description: str = "",
    target_date: datetime.date | None = None,
    indicator: str = "",
    unit: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    relevance: str = "",
    skp_reference: str = "",
) -> Goal:
    """Change a goal; refuse with EditConflict if it was saved by someone else since EXPECTED_VERSION."""
    require(by, "coaching.act_as_party", goal)
    if not goal.engagement.is_open:
        raise ValidationError(_("This engagement is closed; its goals can no longer be changed."))
    # A deadline that has passed since the goal was set may stay; a newly chosen one must lie ahead.
    if target_date != goal.target_date:
        _refuse_past_deadline(target_date)
    values = {
        "title": title.strip(),
        "status": status,
        "description": description,
        "target_date": target_date,
        "indicator": indicator.strip(),
        "unit": unit.strip(),
        "baseline": baseline,
        "target": target,
        "relevance": relevance.strip(),
        "skp_reference": skp_reference.strip(),
    }
    candidate = Goal(pk=goal.pk, engagement_id=goal.engagement_id, **values)
    candidate.full_clean(exclude=["engagement", "id"], validate_unique=False)
    changed = Goal.objects.filter(pk=goal.pk, version=expected_version).update(**values, version=F("version") + 1)
    fresh = Goal.objects.select_related("engagement__coach", "engagement__coachee").get(pk=goal.pk)
    if not changed:
        raise EditConflict(fresh)
    record_event(actor=by, action="goal.changed", target=fresh)
    return fresh


@transaction.atomic
def record_progress(
    *, goal: Goal, by: Employee, value: Decimal, recorded_on: datetime.date | None = None, note: str = ""
) -> GoalProgress:
    """Record where an open goal stands on a day: the indicator's value, or the percentage done."""
    # Lock the goal: a goal closed in another tab at this moment takes no more progress.
    require(by, "coaching.act_as_party", goal)
    current = Goal.objects.select_for_update().select_related("engagement").get(pk=goal.pk)
    if not current.engagement.is_open:
        raise ValidationError(_("This engagement is closed; progress can no longer be recorded."))
    if current.status != GoalStatus.OPEN:
        raise ValidationError(
            _("This goal is no longer open (achieved or dropped); set its status back to Open to record progress.")
        )
    today = timezone.localdate()
    recorded_on = recorded_on or today
    errors = {}
    if recorded_on > today:
        errors["recorded_on"] = _("Progress cannot be recorded for a future date; pick today or an earlier date.")
    elif recorded_on < timezone.localdate(current.created_at):
        errors["recorded_on"] = _("The goal was set on %(date)s; pick that day or a later one.") % {
            "date": date_format(timezone.localdate(current.created_at), "j F Y")
        }
    if not current.measures_value and not 0 <= value <= 100:
        errors["value"] = _(
            "This goal has no indicator target, so progress is a percentage; enter a number from 0 to 100."
        )
    if errors:
        raise ValidationError(errors)
    entry = GoalProgress(goal=current, recorded_on=recorded_on, value=value, note=note.strip(), recorded_by=by)
    entry.full_clean()
    entry.save()
    record_event(actor=by, action="goal.progress.recorded", target=current)
    return entry
