"""Charts as SVG made on the server: no JavaScript, no CDN, readable with the network off.

Every label goes through :func:`markupsafe.escape`; the functions return :class:`Markup`, so a
template inserts them as they are. Each drawn value carries data attributes (``data-series``,
``data-actor``, ``data-date``, ``data-value``) so that tests, and anyone reading the page
source, can check a chart against the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from markupsafe import Markup, escape

# One colour per series, in the order of the legend (colour-blind safe, Okabe-Ito).
PALETTE = ("#56b4e9", "#0072b2", "#009e73", "#e69f00", "#cc79a7", "#d55e00", "#999999")
CEILING_COLOUR = "#d55e00"


@dataclass(frozen=True, slots=True)
class BarGroup:
    """One group of bars: a label (a state, a donor) and one value per series (None: unknown)."""

    label: str
    values: Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class Point:
    """One point of a line: an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and a value."""

    date: str
    value: float


def number(value: float | None) -> str:
    """``1500`` -> ``"1,500"``; ``2.5e6`` -> ``"2,500,000"``; None -> ``"?"``."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def compact(value: float) -> str:
    """Axis labels: ``2500`` -> ``"2,500"``, ``3.2e8`` -> ``"320M"``."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e4, "k")):
        if abs(value) >= size:
            scaled = value / size
            return f"{scaled:.0f}{suffix}" if scaled >= 10 else f"{scaled:.1f}{suffix}"
    return number(value)


def nice_max(value: float) -> float:
    """The smallest 1, 2, 4, 6 or 8 times a power of ten that is at least ``value`` (so that
    quarters of it are round numbers)."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1.0
    for step in (1, 2, 4, 6, 8, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def _attr(value: object) -> str:
    return str(escape("" if value is None else str(value)))


def _empty(label: str, message: str, width: int, height: int) -> Markup:
    return Markup(
        f'<svg class="chart chart-empty" role="img" aria-label="{_attr(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet">'
        f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" text-anchor="middle" class="muted">'
        f"{escape(message)}</text></svg>"
    )


def _frame(chart_id: str, label: str, width: int, height: int) -> list[str]:
    """The opening of a chart's ``<svg>``, with its accessible name."""
    return [
        f'<svg class="chart" id="{_attr(chart_id)}" role="img" aria-label="{_attr(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title>",
    ]


def _y_grid(
    top_value: float, y_of: Callable[[float], float], x1: float, x2: float, prefix: str = ""
) -> list[str]:
    """Five horizontal grid lines from 0 to ``top_value``, each labelled on the left."""
    parts = []
    for i in range(5):
        tick = top_value * i / 4
        y = y_of(tick)
        parts.append(
            f'<line class="grid" x1="{x1}" x2="{x2}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{x1 - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{prefix}{compact(tick)}</text>"
        )
    return parts


def _legend(series: Sequence[str], x: float, y: float) -> list[str]:
    parts = []
    cx = x
    for i, name in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        parts.append(
            f'<g class="legend-item"><rect x="{cx:.0f}" y="{y - 9:.0f}" width="10" height="10" '
            f'fill="{colour}"/><text x="{cx + 14:.0f}" y="{y:.0f}">{escape(name)}</text></g>'
        )
        cx += 30 + 7 * len(name)  # about 7 px a character at the chart's 12 px font
    return parts


def bar_chart(
    groups: Sequence[BarGroup],
    series: Sequence[str],
    *,
    label: str,
    ceiling: float | None = None,
    ceiling_label: str = "ceiling",
    chart_id: str = "bars",
    money: bool = False,
    width: int = 760,
    height: int = 320,
) -> Markup:
    """Vertical grouped bars, one group per label and one bar per series, with an optional
    horizontal ceiling line. Bars of unknown (None) values are left out."""
    if not groups:
        return _empty(label, "No figures known yet.", width, 120)
    left, right, top, bottom = 64, 16, 34, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for g in groups for v in g.values.values() if v is not None]
    top_value = nice_max(max([*values, ceiling or 0, 1]))
    group_w = plot_w / len(groups)
    bar_w = max(2.0, min(28.0, (group_w - 12) / max(1, len(series))))

    def y_of(v: float) -> float:
        return top + plot_h - (v / top_value) * plot_h

    parts = _frame(chart_id, label, width, height)
    parts += _y_grid(top_value, y_of, left, width - right, "$" if money else "")
    for gi, group in enumerate(groups):
        gx = left + gi * group_w + (group_w - bar_w * len(series)) / 2
        parts.append(f'<g class="bar-group" data-actor="{_attr(group.label)}">')
        for si, name in enumerate(series):
            value = group.values.get(name)
            if value is None:
                continue
            y = y_of(value)
            shown = f"{'$' if money else ''}{number(value)}"
            parts.append(
                f'<rect class="bar" x="{gx + si * bar_w:.1f}" y="{y:.1f}" '
                f'width="{bar_w - 2:.1f}" height="{top + plot_h - y:.1f}" '
                f'fill="{PALETTE[si % len(PALETTE)]}" data-series="{_attr(name)}" '
                f'data-actor="{_attr(group.label)}" data-value="{_attr(value)}">'
                f"<title>{escape(group.label)}, {escape(name)}: {escape(shown)}</title></rect>"
            )
        label_x = left + gi * group_w + group_w / 2
        parts.append(
            f'<text class="axis label" x="{label_x:.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="middle">{escape(_shorten(group.label, group_w))}</text></g>'
        )
    if ceiling is not None:
        y = y_of(ceiling)
        parts.append(
            f'<g class="ceiling" data-value="{_attr(ceiling)}">'
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{CEILING_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{width - right}" y="{y - 5:.1f}" text-anchor="end" fill="{CEILING_COLOUR}">'
            f"{escape(ceiling_label)}: {escape(number(ceiling))}</text></g>"
        )
    parts += _legend(series, left, height - 12)
    parts.append(
        f'<line class="axis-line" x1="{left}" x2="{width - right}" '
        f'y1="{top + plot_h}" y2="{top + plot_h}"/></svg>'
    )
    return Markup("".join(parts))


def _shorten(text: str, room: float) -> str:
    most = max(4, int(room / 7))
    return text if len(text) <= most else text[: most - 1] + "…"


@lru_cache(maxsize=8192)
def day_number(iso: str) -> int:
    """The ordinal of the first day an ISO date of any precision covers."""
    parts = [int(p) for p in iso[:10].split("-")]
    year, month, day = (parts + [1, 1])[:3]
    return date(year, month, day).toordinal()


def thin(points: Sequence[Point], most: int) -> list[Point]:
    """At most ``most`` points, in date order: the time span cut in ``most`` equal slices, and
    the last point of each slice kept (on a step line, the value that holds at its end)."""
    ordered = sorted(points, key=lambda p: day_number(p.date))
    if len(ordered) <= most:
        return ordered
    first, last = day_number(ordered[0].date), day_number(ordered[-1].date)
    span = max(1, last - first + 1)
    kept: dict[int, Point] = {}
    for p in ordered:
        kept[(day_number(p.date) - first) * most // span] = p
    return [kept[k] for k in sorted(kept)]


def line_chart(
    series: Mapping[str, Sequence[Point]],
    *,
    label: str,
    ceiling: float | None = None,
    ceiling_label: str = "ceiling",
    chart_id: str = "lines",
    max_points: int = 120,
) -> Markup:
    """Step lines over time, one per series (a figure holds until the next one is known).
    A series of more than ``max_points`` points is thinned by :func:`thin`."""
    width, height = 760, 300
    series = {name: thin(pts, max_points) for name, pts in series.items()}
    points = [p for pts in series.values() for p in pts]
    if not points:
        return _empty(label, "No dated figures known yet.", width, 120)
    left, right, top, bottom = 64, 20, 30, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    days = [day_number(p.date) for p in points]
    first, last = min(days), max(days)
    if last == first:
        first, last = first - 15, last + 15
    top_value = nice_max(max([p.value for p in points] + [ceiling or 0, 1]))

    def x_of(day: int) -> float:
        return left + (day - first) / (last - first) * plot_w

    def y_of(v: float) -> float:
        return top + plot_h - (v / top_value) * plot_h

    parts = _frame(chart_id, label, width, height)
    parts += _y_grid(top_value, y_of, left, width - right)
    for i, anchor in enumerate(("start", "middle", "middle", "end")):
        day = first + (last - first) * i // 3
        iso = date.fromordinal(day).isoformat()
        parts.append(
            f'<text class="axis" x="{x_of(day):.1f}" y="{top + plot_h + 18}" '
            f'text-anchor="{anchor}">{iso}</text>'
        )
    if ceiling is not None:
        y = y_of(ceiling)
        parts.append(
            f'<g class="ceiling" data-value="{_attr(ceiling)}">'
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{CEILING_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
            f'<text x="{width - right}" y="{y - 5:.1f}" text-anchor="end" fill="{CEILING_COLOUR}">'
            f"{escape(ceiling_label)}: {escape(number(ceiling))}</text></g>"
        )
    for si, (name, pts) in enumerate(series.items()):
        if not pts:
            continue
        colour = PALETTE[si % len(PALETTE)]
        ordered = list(pts)  # already in date order (thin)
        path: list[str] = []
        for i, p in enumerate(ordered):
            x, y = x_of(day_number(p.date)), y_of(p.value)
            if i == 0:
                path.append(f"M{x:.1f},{y:.1f}")
            else:
                path.append(f"H{x:.1f}V{y:.1f}")
        path.append(f"H{width - right:.1f}")
        parts.append(
            f'<g class="series" data-series="{_attr(name)}">'
            f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
        )
        for p in ordered:
            parts.append(
                f'<circle class="point" cx="{x_of(day_number(p.date)):.1f}" '
                f'cy="{y_of(p.value):.1f}" r="2.5" fill="{colour}" '
                f'data-series="{_attr(name)}" data-date="{_attr(p.date)}" '
                f'data-value="{_attr(p.value)}"><title>{escape(name)}, {escape(p.date)}: '
                f"{escape(number(p.value))}</title></circle>"
            )
        parts.append("</g>")
    parts += _legend(list(series), left, height - 12)
    parts.append(
        f'<line class="axis-line" x1="{left}" x2="{width - right}" '
        f'y1="{top + plot_h}" y2="{top + plot_h}"/></svg>'
    )
    return Markup("".join(parts))
