"""The report's two pictures, drawn on the server with pygal: who talked how much, and what the coach's
sentences did. Served as separate SVG images (the page's CSP forbids the <style> pygal embeds)."""

import pygal
from django.utils.translation import gettext as _

from tumbuh.service.charts import STYLE, _count_axis, _without_scripts

from .classify import CLASSES
from .presentation import CLASS_LABELS
from .report import share_percent

CHART_NAMES = ("talk", "moves")


def _config() -> dict:
    return {
        "disable_xml_declaration": True,
        "js": [],
        "style": STYLE,
        "width": 600,
        "height": 420,
        "truncate_label": 28,
        "legend_at_bottom": True,
        "print_zeroes": False,
        "no_data_text": _("Nothing to show"),
    }


def talk_chart(report: dict) -> str:
    """Each speaker's share of the words, as a pie."""
    chart = pygal.Pie(title=_("Share of the words spoken"), inner_radius=0.45, **_config())
    chart.add_xml_filter(_without_scripts)
    total = report["total_words"]
    chart.value_formatter = lambda value: f"{share_percent(int(value), total)}%"
    for speaker in report["speakers"]:
        chart.add(speaker["name"], speaker["words"])
    return chart.render(is_unicode=True)


def moves_chart(report: dict) -> str:
    """The coach's sentences by kind, as horizontal bars."""
    counts = report["counts"]
    chart = pygal.HorizontalBar(
        title=_("Your sentences by kind"), show_legend=False, y_labels=_count_axis(max(counts.values())), **_config()
    )
    chart.add_xml_filter(_without_scripts)
    chart.value_formatter = lambda value: f"{value:.0f}"
    # pygal draws the first bar at the bottom; open questions go on top.
    labels = list(reversed(CLASSES))
    chart.x_labels = [str(CLASS_LABELS[label]) for label in labels]
    chart.add(_("Sentences"), [counts[label] for label in labels])
    return chart.render(is_unicode=True)


def draw(name: str, report: dict) -> str:
    return talk_chart(report) if name == "talk" else moves_chart(report)
