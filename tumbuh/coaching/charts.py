"""A goal's progress over time, drawn on the server as SVG with pygal.

Served as a separate image URL, in the look of every chart of Tumbuh (see tumbuh.common.charts).
"""

import datetime
import math
from collections.abc import Sequence
from decimal import Decimal

import pygal
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tumbuh.common.charts import base_config, without_scripts

from .models import Goal, GoalProgress
from .smart import format_amount

DASHED = {"dasharray": "10, 6", "width": 3}


def _span(goal: Goal, entries: Sequence[GoalProgress]) -> tuple[datetime.date, datetime.date]:
    """From the day the goal was set (or its first entry) to its deadline (or its last entry), at least a week."""
    dates = [entry.recorded_on for entry in entries]
    start = min([timezone.localdate(goal.created_at), *dates])
    end = max([start, *dates, *([goal.target_date] if goal.target_date else [])])
    return start, max(end, start + datetime.timedelta(days=7))


def _day(ordinal: float) -> str:
    # x is the day's ordinal (pygal's DateLine leans on a deprecated datetime call); an empty chart has 0 and 1.
    return date_format(datetime.date.fromordinal(round(ordinal)), "j M Y") if ordinal >= 1 else ""


def _y_ticks(values: Sequence[float]) -> list[float]:
    """About five round steps from the lowest to the highest value; whole steps when every value is whole."""
    low, high = min(values), max(values)
    raw = (high - low) / 5 or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if all(float(v).is_integer() for v in values):
        step = max(1.0, math.ceil(step))
    first = math.floor(low / step) * step
    return [first + step * i for i in range(math.ceil((high - first) / step) + 1)]


def goal_chart(goal: Goal, entries: Sequence[GoalProgress]) -> str:
    """The recorded values over time, with the baseline and the target as dashed lines."""
    unit = goal.progress_unit
    config = base_config(
        title=(goal.indicator if goal.measures_value and goal.indicator else goal.title)[:60],
        truncate_legend=40,
        no_data_text=_("No progress recorded yet"),
        x_value_formatter=_day,
        value_formatter=lambda value: format_amount(Decimal(str(round(value, 2))), unit),
        x_label_rotation=30,
        dots_size=5,
    )
    if not goal.measures_value:
        config["range"] = (0, 100)
    chart = pygal.XY(**config)
    chart.add_xml_filter(without_scripts)
    if not entries:
        return chart.render(is_unicode=True)
    start, end = (day.toordinal() for day in _span(goal, entries))
    # At most six dates under the axis: a phone shows the picture 360 px wide.
    step = max(1, -(-(end - start) // 5))
    chart.x_labels = list(range(start, end + 1, step))
    values = [float(entry.value) for entry in entries]
    chart.add(
        _("Progress"), [(entry.recorded_on.toordinal(), value) for entry, value in zip(entries, values, strict=True)]
    )
    if goal.target is not None and goal.baseline is not None:
        baseline = float(goal.baseline)
        chart.add(_("Baseline"), [(start, baseline), (end, baseline)], show_dots=False, stroke_style=DASHED)
    # A goal without an indicator target is done at 100%.
    target = float(goal.target) if goal.target is not None else 100.0
    chart.add(_("Target"), [(start, target), (end, target)], show_dots=False, stroke_style=DASHED)
    if goal.measures_value:
        references = [target, *([float(goal.baseline)] if goal.baseline is not None else [])]
        chart.y_labels = _y_ticks([*values, *references])
    return chart.render(is_unicode=True)
