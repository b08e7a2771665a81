"""What every chart of Tumbuh shares: drawn on the server as SVG with pygal, in one look, served as an image.

A chart is served at its own image URL: the page's CSP forbids the <style> pygal embeds, an image may keep its own.
"""

import math
from typing import Any

from django.http import HttpResponse
from django.utils.csp import CSP, build_policy
from pygal.style import Style

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

# The SVG is shown as an image: its own <style> may apply inside it, nothing else may load or run.
IMAGE_POLICY = {"default-src": [CSP.NONE], "style-src": [CSP.UNSAFE_INLINE]}


def base_config(**overrides: Any) -> dict[str, Any]:
    """pygal settings every chart starts from: no scripts, Tumbuh's style, 600×420, legend at the bottom."""
    return {
        "disable_xml_declaration": True,
        "js": [],
        "style": STYLE,
        "width": 600,
        "height": 420,
        "legend_at_bottom": True,
        **overrides,
    }


def without_scripts(root):
    """pygal writes its settings as an inline <script>; these charts are pictures and need none.

    Pass it to ``chart.add_xml_filter``.
    """
    for defs in root.findall("defs"):
        for script in defs.findall("script"):
            defs.remove(script)
    return root


def count_axis(largest: int) -> list[int]:
    """Whole-number ticks from 0 to at least LARGEST, at most about eight of them."""
    step = max(1, math.ceil(largest / 8))
    return list(range(0, max(largest, 1) + step, step))


def svg_response(svg: str, *, cache_control: str = "private, no-cache") -> HttpResponse:
    """SVG as an image response, under a policy that lets nothing but its own <style> apply.

    The CSP middleware leaves a policy the response already has in place.
    """
    response = HttpResponse(svg, content_type="image/svg+xml")
    response[CSP.HEADER_ENFORCE] = build_policy(IMAGE_POLICY)
    response["Cache-Control"] = cache_control
    return response
