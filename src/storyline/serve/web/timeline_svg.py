"""The story's timeline drawn as an inline SVG, on the server: one mark per event on a time axis.

A mark's width is its date's period (a day is a dot, a month or a year a bar), its height how many
outlets told it; each mark links to the event's entry in the list below and names it in a tooltip.
No script, no fonts or styles from elsewhere: the page stays readable offline and printable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from ...link.date_roles import period_of
from ...model import Event

WIDTH = 960
MARGIN = 24
AXIS_Y = 64
ROW = 11  # vertical room per stacked mark
DOT = 5


@dataclass
class _Mark:
    event: Event
    start: date
    end: date
    x0: float = 0.0
    x1: float = 0.0
    row: int = 0


def _ordinal(d: date) -> int:
    return d.toordinal()


def _ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Year ticks for long spans, month ticks for spans under two years."""
    if (last - first).days > 730:
        return [(date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1)]
    ticks, y, m = [], first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > last:
            return ticks
        ticks.append((d, d.strftime("%b %Y") if m == 1 or not ticks else d.strftime("%b")))


def timeline_svg(events: list[Event], anchor=lambda e: f"#{e.id}") -> Markup:
    """An SVG of the dated events (empty markup when fewer than two can be placed)."""
    marks = []
    for e in events:
        period = period_of(e.date) if e.date else None
        if period:
            marks.append(_Mark(e, period[0], period[1]))
    if len(marks) < 2:
        return Markup("")
    first = min(m.start for m in marks)
    last = max(m.end for m in marks)
    span = max(1, _ordinal(last) - _ordinal(first))
    scale = (WIDTH - 2 * MARGIN) / span

    def x(d: date) -> float:
        return MARGIN + (_ordinal(d) - _ordinal(first)) * scale

    rows_end: list[float] = []
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        m.x0, m.x1 = x(m.start), max(x(m.end), x(m.start) + 2 * DOT)
        for i, end in enumerate(rows_end):
            if m.x0 > end + 2:
                m.row, rows_end[i] = i, m.x1
                break
        else:
            m.row = len(rows_end)
            rows_end.append(m.x1)
    height = AXIS_Y + 34 + ROW * max(0, len(rows_end) - 4)
    top = AXIS_Y - 10
    parts = [f'<svg class="timeline-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
             f'aria-label="{len(marks)} dated events from {first.isoformat()} to {last.isoformat()}" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<line x1="{MARGIN}" y1="{AXIS_Y}" x2="{WIDTH - MARGIN}" y2="{AXIS_Y}" class="axis"/>']
    for d, label in _ticks(first, last):
        tx = x(d)
        parts.append(f'<line x1="{tx:.1f}" y1="{AXIS_Y}" x2="{tx:.1f}" y2="{AXIS_Y + 5}" class="tick"/>'
                     f'<text x="{tx:.1f}" y="{AXIS_Y + 18}" class="tick-label">{escape(label)}</text>')
    for m in marks:
        outlets = len(m.event.outlets) or 1
        y = top - m.row * ROW if m.row < 5 else AXIS_Y + 24 + (m.row - 5) * ROW
        tip = escape(f"{m.event.date_label or m.event.date} — {m.event.summary} ({outlets} outlet{'s' if outlets > 1 else ''})")
        shape_class = "mark shared" if outlets > 1 else "mark"
        if m.x1 - m.x0 <= 2 * DOT + 0.5:
            shape = f'<circle cx="{m.x0 + DOT:.1f}" cy="{y:.1f}" r="{DOT if outlets > 1 else DOT - 1}" class="{shape_class}"/>'
        else:
            shape = (f'<rect x="{m.x0:.1f}" y="{y - 3:.1f}" width="{m.x1 - m.x0:.1f}" height="6" rx="3" '
                     f'class="{shape_class}"/>')
        href = anchor(m.event)
        if href:
            parts.append(f'<a href="{escape(href)}"><title>{tip}</title>{shape}</a>')
        else:
            parts.append(f'<g><title>{tip}</title>{shape}</g>')
    parts.append(f'<text x="{MARGIN}" y="{height - 4}" class="tick-label">{first.isoformat()}</text>'
                 f'<text x="{WIDTH - MARGIN}" y="{height - 4}" class="tick-label end">{last.isoformat()}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
