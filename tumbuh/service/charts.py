"""Charts of the service figures, drawn on the server as SVG with pygal (see tumbuh.common.charts).

One drawing serves both the pages (as a separate image URL) and documents such as PDFs (as a data: URI).
"""

import base64
from collections.abc import Callable

import pygal
from django.utils.translation import gettext as _

from tumbuh.common.charts import base_config, count_axis, without_scripts

from .selectors.figures import RequestCounts

TOP_TOPICS = 10


def _config(largest: int) -> dict:
    return base_config(
        truncate_label=24,
        y_labels=count_axis(largest),
        value_formatter=lambda value: f"{value:.0f}",
        no_data_text=_("No requests in this period"),
        print_zeroes=False,
    )


def requests_chart(figures: RequestCounts) -> str:
    """Requests by service, each bar split by status."""
    largest = max((tally.count for tally in figures.by_kind), default=0)
    chart = pygal.StackedBar(title=_("Requests by service and status"), **_config(largest))
    chart.add_xml_filter(without_scripts)
    chart.x_labels = [tally.label for tally in figures.by_kind]
    for status in figures.by_status:
        if status.count:
            chart.add(
                status.label, [figures.by_kind_and_status[kind.key][status.key] or None for kind in figures.by_kind]
            )
    return chart.render(is_unicode=True)


def topics_chart(figures: RequestCounts) -> str:
    """Requests by topic: the most asked-for topics, the rest summed as one bar."""
    shown = list(figures.by_topic[:TOP_TOPICS])
    rest = sum(tally.count for tally in figures.by_topic[TOP_TOPICS:])
    bars = [(tally.label, tally.count) for tally in shown]
    if rest:
        bars.append((_("Other topics"), rest))
    largest = max((count for _label, count in bars), default=0)
    chart = pygal.HorizontalBar(title=_("Requests by topic"), show_legend=False, **_config(largest))
    chart.add_xml_filter(without_scripts)
    # pygal draws a horizontal chart's first bar at the bottom; the most asked-for topic goes on top.
    bars.reverse()
    chart.x_labels = [label for label, _count in bars]
    if bars:
        chart.add(_("Requests"), [count for _label, count in bars])
    return chart.render(is_unicode=True)


CHARTS: dict[str, Callable[[RequestCounts], str]] = {"requests": requests_chart, "topics": topics_chart}


def data_uri(svg: str) -> str:
    """SVG as a data: URI, for an <img> inside a document (a PDF) that cannot fetch URLs."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
