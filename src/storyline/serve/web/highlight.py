"""Article text as HTML with its facts highlighted from their offsets.

Article text is untrusted input: every piece of it is escaped on its own, and only the tags built
here are trusted. Spans may overlap (a date inside a quote inside a claim...); they are nested where
they nest and split into fragments where they cross, so the HTML is always well formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ...model import Analysis

# Outer layers first: when two spans cover the same characters the quote wraps the claim, and so on.
# "anchor" marks a span only so a link can land on it (the static report's quote and claim links).
LAYERS = ("evidence", "quote", "claim", "date", "entity", "loaded", "anchor")

LEGEND = (
    ("quote", "quote"),
    ("entity", "entity mention"),
    ("claim", "numeric claim"),
    ("date", "date"),
    ("loaded", "loaded term"),
    ("evidence", "linked evidence"),
)


_LINE_BREAK = re.compile(r"[^\S\n]*\n\s*")  # a line or paragraph break with the blanks around it


@dataclass(frozen=True)
class Highlight:
    """One span to mark: ``kind`` is a layer name, ``label`` a tooltip, ``anchor`` an element id."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str | None = None
    attrs: tuple[tuple[str, str], ...] = field(default=())


def highlights_for(analysis: Analysis | None, text_length: int) -> list[Highlight]:
    """The spans an Analysis holds, as Highlights with anchors (``q-START``, ``c-START``...)."""
    if analysis is None:
        return []
    spans: list[Highlight] = []
    for q in analysis.quotes:
        who = q.speaker or "unattributed"
        cue = f" ({q.cue})" if q.cue else ""
        what = "quote" if q.kind in ("direct", "partial") else "attribution"
        spans.append(Highlight(q.start, q.end, "quote", f"{q.kind} {what} — {who}{cue}", f"q-{q.start}"))
    for m in analysis.mentions:
        spans.append(Highlight(m.start, m.end, "entity", f"{m.label}: {m.text}", None,
                               (("data-entity", m.entity_id),)))
    for c in analysis.claims:
        parts = [str(c.value)]
        if c.unit:
            parts.append(c.unit)
        if c.qualifier:
            parts.append(f"({c.qualifier})")
        if c.subject:
            parts.append(f"— {c.subject}")
        spans.append(Highlight(c.start, c.end, "claim", "claim: " + " ".join(parts), f"c-{c.start}"))
    for d in analysis.dates:
        resolved = d.resolved or "unresolved"
        spans.append(Highlight(d.start, d.end, "date", f"date: {resolved}", f"d-{d.start}"))
    for t in analysis.loaded_terms:
        spans.append(Highlight(t.start, t.end, "loaded",
                               f"loaded ({t.leaning}); neutral: {t.neutral}", None))
    return [s for s in spans if 0 <= s.start < s.end <= text_length]


def _open_tag(span: Highlight, first_fragment: bool, id_prefix: str) -> str:
    classes = f"hl hl-{span.kind}" + ("" if first_fragment else " hl-cont")
    parts = [f'<span class="{classes}"']
    if span.label:
        parts.append(f' title="{escape(span.label)}"')
    if first_fragment and span.anchor:
        parts.append(f' id="{escape(id_prefix + span.anchor)}"')
    for name, value in span.attrs:
        parts.append(f' {name}="{escape(value)}"')
    parts.append(">")
    return "".join(parts)


def _layer(span: Highlight) -> int:
    return LAYERS.index(span.kind) if span.kind in LAYERS else len(LAYERS)


def highlight_html(text: str, spans: Iterable[Highlight], id_prefix: str = "") -> Markup:
    """``text`` escaped, with each span wrapped in ``<span class="hl hl-KIND">``.

    Anchors become element ids prefixed with ``id_prefix`` (unique ids when one page holds several
    articles).
    Spans out of range or empty are dropped. Where two spans cross, the inner one is closed at the
    outer one's end and reopened after it (as a ``hl-cont`` fragment).
    """
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    order = sorted(valid, key=lambda s: (s.start, -s.end, _layer(s)))
    starts: dict[int, list[Highlight]] = {}
    for s in order:
        starts.setdefault(s.start, []).append(s)
    breaks = {(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)} if valid else set()
    boundaries = sorted({s.start for s in valid} | {s.end for s in valid} | {len(text)}
                        | {b for pair in breaks for b in pair})

    out: list[str] = []
    stack: list[Highlight] = []
    pos = 0
    for point in boundaries:
        if stack and (pos, point) in breaks:  # a span over a paragraph break leaves the break unmarked
            out.append("</span>" * len(stack) + str(escape(text[pos:point])))
            stack = [s for s in stack if s.end > point]
            out.extend(_open_tag(s, False, id_prefix) for s in stack)
        else:
            out.append(str(escape(text[pos:point])))
        pos = point
        if any(s.end == point for s in stack):
            reopen: list[Highlight] = []
            while any(s.end == point for s in stack):
                closed = stack.pop()
                out.append("</span>")
                if closed.end != point:
                    reopen.append(closed)
            for s in reversed(reopen):
                out.append(_open_tag(s, False, id_prefix))
                stack.append(s)
        for s in starts.get(point, ()):
            out.append(_open_tag(s, True, id_prefix))
            stack.append(s)
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def mark_snippet(snippet: str) -> Markup:
    """An FTS5 snippet (matches between \\x02 and \\x03) escaped, with matches in ``<mark>``."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace("\x02", "<mark>").replace("\x03", "</mark>"))


def snippet_plain(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """An FTS5 snippet as plain text plus the (start, end) of each match in it (for JSON)."""
    plain: list[str] = []
    matches: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in snippet:
        if ch == "\x02":
            start = length
        elif ch == "\x03":
            if start is not None:
                matches.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), matches


def excerpt(text: str, start: int, end: int, context: int = 80) -> tuple[str, str, str]:
    """(before, span, after) around ``text[start:end]``, cut at word boundaries, for quoting evidence."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    before = text[max(0, start - context):start]
    after = text[end:end + context]
    if start - context > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + context < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return before, text[start:end], after
