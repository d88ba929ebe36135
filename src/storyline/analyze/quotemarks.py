"""Quotation-mark spans in plain text: straight or curly double marks, paragraph by paragraph.

Two apostrophes ('') stand for a double mark, as in wire and archive text typed on machines
without one: ''We will rebuild,'' she said.

A quotation left open at the end of a paragraph ends there (news style re-opens it on the next
paragraph). Marks nested inside a quotation (a quote within a quote) stay part of the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PARAGRAPH = re.compile(r"[^\n]+")
_MARKS = frozenset('"“”„«»')
_SINGLE = re.compile("[‘’']")


@dataclass(frozen=True)
class MarkedSpan:
    """The words between one pair of quotation marks (marks excluded) and where the marks are."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the paragraph ended first
    paragraph_start: int
    paragraph_end: int
    single: bool = False  # in single marks ('...'), which also serve for titles and nicknames


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int, start: int) -> bool:
    ch = text[i]
    if ch in "“„«":
        return True
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == '"' and before.isdigit() and not _is_word(after):
        return False  # an inch mark: 5" tall
    if ch == "”":  # a closing curly mark used as an opener (sloppy typing)
        return not _is_word(before) and (_is_word(after) or after in "‘'[(.…")
    return not after.isspace() or before.isspace() or i == start


def _closer_for(opener: str) -> frozenset[str]:
    return frozenset('"') if opener == '"' else frozenset("”\"»“")


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation in ``text``: offsets of the quoted words, trimmed of surrounding spaces."""
    return list(_marked_spans(text))


_TWO_APOSTROPHES = re.compile("(?<!['‘’])''(?!['‘’])")


def _as_double_marks(text: str) -> str:
    """``text`` with each pair of apostrophes standing for a double mark written as one mark and
    a space, the mark on the outer apostrophe (where the quotation opens or closes), so that every
    offset stays where it was."""
    if "''" not in text:
        return text

    def mark(m: re.Match) -> str:
        i = m.start()
        before = text[i - 1] if i else "\n"
        after = text[i + 2] if i + 2 < len(text) else "\n"
        opens = (before.isspace() or before in "([—–-") and not after.isspace()
        return '" ' if opens else ' "'

    return _TWO_APOSTROPHES.sub(mark, text)


@lru_cache(maxsize=4)  # entities, quotes, loaded terms and tone all ask for the same article's spans
def _marked_spans(text: str) -> tuple[MarkedSpan, ...]:
    text = _as_double_marks(text)
    spans: list[MarkedSpan] = []
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.start(), para.end()
        open_at: int | None = None
        opener = ""
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in _MARKS:
                continue
            if open_at is None:
                if _opens(text, i, p_start):
                    open_at, opener = i, ch
                continue
            if opener == '"' and ch in "“”":
                continue  # a curly quote nested in a straight one
            if ch == "“" and opener != '"':
                _add(spans, text, open_at, i, None, p_start, p_end)
                open_at, opener = i, ch
                continue
            if ch in _closer_for(opener):
                _add(spans, text, open_at, i, i, p_start, p_end)
                open_at = None
        if open_at is not None:
            _add(spans, text, open_at, p_end, None, p_start, p_end)
    return _with_single_quoted(text, spans)


def _with_single_quoted(text: str, spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """Add quotations in single marks ('...' or ‘...’, as in headlines and British style) that
    lie outside double ones. An apostrophe (it's, the Jones' car) never opens one; a quotation
    must close within its paragraph."""
    inside = quoted_mask(spans, len(text))
    extra: list[MarkedSpan] = []
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.start(), para.end()
        open_at = None
        for m in _SINGLE.finditer(text, p_start, p_end):
            i = m.start()
            if inside[i]:
                continue
            before = text[i - 1] if i > p_start else " "
            after = text[i + 1] if i + 1 < p_end else " "
            if open_at is None:
                if (before.isspace() or before in "([—–-") and after.isalnum():
                    open_at = i
            elif not after.isalnum() and not before.isspace() and before != "s" or \
                    before == "s" and after in ".,;:!?":
                _add(extra, text, open_at, i, i, p_start, p_end, single=True)
                open_at = None
    if not extra:
        return tuple(spans)
    return tuple(sorted(spans + extra, key=lambda s: s.open_at))


def _add(spans, text, open_at, end, close_at, p_start, p_end, single: bool = False) -> None:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append(MarkedSpan(start, end, open_at, close_at, p_start, p_end, single))


def quoted_mask(spans: list[MarkedSpan], length: int) -> bytearray:
    """One byte per character of the text: 1 where the character lies inside quotation marks."""
    mask = bytearray(length)
    for s in spans:
        stop = s.close_at + 1 if s.close_at is not None else s.end
        mask[s.open_at:stop] = b"\x01" * (stop - s.open_at)
    return mask
