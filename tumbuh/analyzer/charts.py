"""The report's two pictures, drawn on the server with pygal: who talked how much, and what the coach's
sentences did. Served as separate SVG images (see tumbuh.common.charts)."""

from collections.abc import Callable

import pygal
from django.utils.translation import gettext as _

from tumbuh.common.charts import base_config, count_axis, without_scripts

from .classify import CLASSES
from .presentation import CLASS_LABELS
from .report import share_percent


def _config() -> dict:
    return base_config(truncate_label=28, print_zeroes=False, no_data_text=_("Nothing to show"))


def talk_chart(report: dict) -> str:
    """Each speaker's share of the words, as a pie."""
    chart = pygal.Pie(title=_("Share of the words spoken"), inner_radius=0.45, **_config())
    chart.add_xml_filter(without_scripts)
    total = report["total_words"]
    chart.value_formatter = lambda value: f"{share_percent(int(value), total)}%"
    for speaker in report["speakers"]:
        chart.add(speaker["name"], speaker["words"])
    return chart.render(is_unicode=True)


def moves_chart(report: dict) -> str:
    """The coach's sentences by kind, as horizontal bars."""
    counts = report["counts"]
    chart = pygal.HorizontalBar(
        title=_("Your sentences by kind"), show_legend=False, y_labels=count_axis(max(counts.values())), **_config()
    )
    chart.add_xml_filter(without_scripts)
    chart.value_formatter = lambda value: f"{value:.0f}"
    # pygal draws the first bar at the bottom; open questions go on top.
    labels = list(reversed(CLASSES))
    chart.x_labels = [str(CLASS_LABELS[label]) for label in labels]
    chart.add(_("Sentences"), [counts[label] for label in labels])
    return chart.render(is_unicode=True)


CHARTS: dict[str, Callable[[dict], str]] = {"talk": talk_chart, "moves": moves_chart}
