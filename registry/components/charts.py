"""Small bar charts drawn on the server as inline SVG: no script, no external file.

A chart is an image (``role="img"``) named by its ``<title>`` and described by its
``<desc>``; each bar carries its own ``<title>`` ("2026-03: 4"), and the page shows the same
numbers as a table beside it, so nothing is only visible in the picture. Colours come from
classes styled in kataster.css (the Content-Security-Policy forbids inline styles); the fill
attributes are a fallback. Every text is XML-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from markupsafe import Markup, escape

__all__ = ["Bar", "bar_chart"]

_BAR_WIDTH: Final = 14
_GAP: Final = 4
_PLOT_HEIGHT: Final = 80
_TOP: Final = 14
_AXIS_SPACE: Final = 18
_MIN_VISIBLE: Final = 2
_MIN_WIDTH: Final = 160
_ID: Final = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label on the axis ("2026-03") and its value (a count, never negative)."""

    label: str
    value: int


def bar_chart(bars: Sequence[Bar], *, chart_id: str, title: str, description: str) -> Markup:
    """An inline SVG bar chart of ``bars`` (first and last label on the axis, the highest
    value at the top). ``chart_id`` makes the ids of its title and description unique."""
    if not _ID.fullmatch(chart_id):
        raise ValueError(f"chart_id {chart_id!r} is not an id")
    width = max(_MIN_WIDTH, len(bars) * (_BAR_WIDTH + _GAP) + _GAP)
    height = _TOP + _PLOT_HEIGHT + _AXIS_SPACE
    highest = max((bar.value for bar in bars), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<text class="chart-scale" x="{_GAP}" y="10" font-size="10">{highest}</text>',
        _baseline(width),
        *(_bar(index, bar, highest) for index, bar in enumerate(bars)),
        *_axis_labels(bars, width, height),
        "</svg>",
    ]
    return Markup("".join(parts))


def _baseline(width: int) -> str:
    y = _TOP + _PLOT_HEIGHT
    return f'<line class="chart-axis" x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="#595959"/>'


def _bar(index: int, bar: Bar, highest: int) -> str:
    value = max(0, bar.value)
    height = 0 if highest <= 0 or value == 0 else max(_MIN_VISIBLE, value * _PLOT_HEIGHT // highest)
    x = _GAP + index * (_BAR_WIDTH + _GAP)
    y = _TOP + _PLOT_HEIGHT - height
    return (
        f'<rect class="chart-bar" x="{x}" y="{y}" width="{_BAR_WIDTH}" height="{height}" '
        f'fill="#1f4fa3"><title>{escape(bar.label)}: {value}</title></rect>'
    )


def _axis_labels(bars: Sequence[Bar], width: int, height: int) -> list[str]:
    if not bars:
        return []
    y = height - 4
    first = f'<text class="chart-label" x="{_GAP}" y="{y}" font-size="10">{escape(bars[0].label)}</text>'
    if len(bars) == 1:
        return [first]
    last = (
        f'<text class="chart-label" x="{width - _GAP}" y="{y}" font-size="10" '
        f'text-anchor="end">{escape(bars[-1].label)}</text>'
    )
    return [first, last]
