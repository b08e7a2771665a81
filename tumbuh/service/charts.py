"""Charts of the service figures, drawn on the server as SVG with pygal.

One drawing serves both the pages (as a separate image URL: the page's CSP forbids the <style> pygal
embeds, an image may keep its own) and documents such as PDFs (as a data: URI).
"""

import base64
import math
from collections.abc import Callable

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from .selectors.figures import ServiceFigures

TOP_TOPICS = 10

STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    font_family="'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
    # Large type: the picture is shrunk to a phone's width.
    title_font_size=22,
    label_font_size=17,
    major_label_font_size=17,
    legend_font_size=17,
    no_data_font_size=24,
    opacity="1",
    opacity_hover=".85",
    # Tumbuh's green first; the rest are told apart also by their place in the legend and the table.
    colors=("#1f6f50", "#e0a800", "#0d6efd", "#6f42c1", "#fd7e14", "#20c997", "#6c757d"),
)


def _without_scripts(root):
    """pygal writes its settings as an inline <script>; these charts are pictures and need none."""
    for defs in root.findall("defs"):
        for script in defs.findall("script"):
            defs.remove(script)
    return root


def _count_axis(largest: int) -> list[int]:
    """Whole-number ticks from 0 to at least LARGEST, at most about eight of them."""
    step = max(1, math.ceil(largest / 8))
    return list(range(0, max(largest, 1) + step, step))


def _config(largest: int) -> dict:
    return {
        "disable_xml_declaration": True,
        "js": [],
        "style": STYLE,
        "width": 600,
        "height": 420,
        "truncate_label": 24,
        "y_labels": _count_axis(largest),
        "value_formatter": lambda value: f"{value:.0f}",
        "no_data_text": _("No requests in this period"),
        "legend_at_bottom": True,
        "print_zeroes": False,
    }


def requests_chart(figures: ServiceFigures) -> str:
    """Requests by service, each bar split by status."""
    largest = max((tally.count for tally in figures.by_kind), default=0)
    chart = pygal.StackedBar(title=_("Requests by service and status"), **_config(largest))
    chart.add_xml_filter(_without_scripts)
    chart.x_labels = [tally.label for tally in figures.by_kind]
    for status in figures.by_status:
        if status.count:
            chart.add(
                status.label, [figures.by_kind_and_status[kind.key][status.key] or None for kind in figures.by_kind]
            )
    return chart.render(is_unicode=True)


def topics_chart(figures: ServiceFigures) -> str:
    """Requests by topic: the most asked-for topics, the rest summed as one bar."""
    shown = list(figures.by_topic[:TOP_TOPICS])
    rest = sum(tally.count for tally in figures.by_topic[TOP_TOPICS:])
    bars = [(tally.label, tally.count) for tally in shown]
    if rest:
        bars.append((_("Other topics"), rest))
    largest = max((count for _label, count in bars), default=0)
    chart = pygal.HorizontalBar(title=_("Requests by topic"), show_legend=False, **_config(largest))
    chart.add_xml_filter(_without_scripts)
    # pygal draws a horizontal chart's first bar at the bottom; the most asked-for topic goes on top.
    bars.reverse()
    chart.x_labels = [label for label, _count in bars]
    if bars:
        chart.add(_("Requests"), [count for _label, count in bars])
    return chart.render(is_unicode=True)


CHARTS: dict[str, Callable[[ServiceFigures], str]] = {"requests": requests_chart, "topics": topics_chart}


def data_uri(svg: str) -> str:
    """SVG as a data: URI, for an <img> inside a document (a PDF) that cannot fetch URLs."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
