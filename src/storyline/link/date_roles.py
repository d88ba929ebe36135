"""What a date in an article's sentence is doing: timing something that happened, or not.

Dates that only stamp the article itself ("Updated: 2017-09-15", a dateline opening the text) are
not the time of anything; nor is a limit set far ahead ("if the team leaves before 2050") or the
date a figure is compared against ("up from 54,000 in the same months of 2024"). A period that
ended more than BACKGROUND_DAYS before the story's reporting is background: history the articles
recall, kept apart from the story's own events. Also: a resolved date's period in days, and the date
as a reader says it ("December 2024", "week of 5 January 2026").
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..model import Analysis, Article, DateExpression, Span

BACKGROUND_DAYS = 400  # a period over this long before the story's reporting is background ("last year" is not)
_STAMP_WORDS = re.compile(r"\b(updated|published|posted|modified|copyright)\b|©", re.I)
_BOUND_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:before|by|until|till|through|no\s+later\s+than)\s+(?:the\s+(?:end|start)\s+of\s+)?$"
)
# "up from 54,000 in the same months of 2024", "compared with 2023", "than in 2019": the date a
# figure is measured against, not a time anything in the story happened
_BASELINE_BEFORE = re.compile(
    r"(?i)(?:\b(?:up|down|rising|falling)\s+from\b[^.;!?]{0,60}?|\bcompared\s+(?:with|to)\s+(?:[^.;!?]{0,40}?\s)?|"
    r"\bsame\s+(?:period|months?|quarter|time|week|day|season)\s+(?:of|in|a|last)\s+(?:the\s+)?|"
    r"\bthan\s+(?:in|during|at\s+the\s+(?:end|start)\s+of)\s+)$"
)


def sentence_around(article: Article, analysis: Analysis, position: int) -> Span:
    for s in analysis.sentences:
        if s.start <= position < s.end:
            return s
    text = article.text
    start = max(text.rfind(". ", 0, position), text.rfind("\n", 0, position))
    start = start + 1 if start >= 0 else 0
    ends = [i for i in (text.find(". ", position), text.find("\n", position)) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end)


def is_publication_stamp(article: Article, d: DateExpression, sentence: Span) -> bool:
    """A date that describes the page (update stamp, dateline), not something that happened."""
    text = article.text
    before = text[max(sentence.start, d.start - 30) : d.start]
    if _STAMP_WORDS.search(before):
        return True
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if len(line.split()) < 8 and not d.relative:  # a date on a line of its own, a byline stamp
        return True
    opens_sentence = not text[sentence.start : d.start].strip(" \t-–—|:(")
    return not d.relative and opens_sentence and d.resolved == (article.published or article.anchor_date)


def period_start(resolved: str) -> str:
    """The first day of a resolved date's period, as YYYY-MM-DD (2024-12 -> 2024-12-01)."""
    first = resolved.split("/")[0]
    return (first + "-01-01")[:10] if len(first) == 4 else (first + "-01")[:10]


def period_end(resolved: str) -> date | None:
    """The last day of a resolved date's period: 2014 -> 2014-12-31, 2024-12 -> 2024-12-31."""
    last = resolved.split("/")[-1]
    try:
        parts = [int(x) for x in last.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def period_of(resolved: str) -> tuple[date, date] | None:
    """A resolved date ("2024-12-03", "2024-12", "2025", "2026-01-05/2026-01-09") as first and last day."""
    end = period_end(resolved)
    try:
        start = date.fromisoformat(period_start(resolved))
    except ValueError:
        return None
    return (start, end) if end is not None and start <= end else None


def is_background(d: DateExpression, reporting: date | None) -> bool:
    """History recalled: a period that ended more than BACKGROUND_DAYS before ``reporting`` (the
    article's date, else the story's first)."""
    if reporting is None or not d.resolved:
        return False
    end = period_end(d.resolved)
    return end is not None and end < reporting - timedelta(days=BACKGROUND_DAYS)


def is_far_bound(article: Article, d: DateExpression) -> bool:
    """A limit set far ahead ("if it leaves before 2050", "by 2040"): a condition or a target, not an
    event of the story. Bounds within BACKGROUND_DAYS of the article ("by Friday") stay events."""
    if not article.anchor_date or not d.resolved:
        return False
    if not _BOUND_BEFORE.search(article.text[max(0, d.start - 40):d.start]):
        return False
    try:
        start = date.fromisoformat(period_start(d.resolved))
        anchor = date.fromisoformat(article.anchor_date)
    except ValueError:
        return False
    return start > anchor + timedelta(days=BACKGROUND_DAYS)


def is_comparison_baseline(article: Article, d: DateExpression) -> bool:
    """A date a figure is compared against: it stays in the article's dates, not on the timeline."""
    return bool(_BASELINE_BEFORE.search(article.text[max(0, d.start - 80):d.start]))


_MONTH_NAMES = [calendar.month_name[i] for i in range(13)]
_QUARTERS = ("first", "second", "third", "fourth")


def date_label(resolved: str | None, precision: str | None) -> str:
    """A date as a reader says it, no more precise than it is: "3 December 2024", "December 2024",
    "week of 5 January 2026", "2025"."""
    if not resolved:
        return "undated"
    first = resolved.split("/")[0]
    parts = first.split("-")
    try:
        if precision == "quarter" and len(parts) >= 2:
            return f"the {_QUARTERS[(int(parts[1]) - 1) // 3]} quarter of {parts[0]}"
        if precision == "week" and len(parts) == 3:
            return f"week of {int(parts[2])} {_MONTH_NAMES[int(parts[1])]} {parts[0]}"
        if len(parts) == 3 and precision in ("day", "time", None):
            return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1])]} {parts[0]}"
        if len(parts) >= 2 and precision in ("month", "season", "day", None):
            return f"{_MONTH_NAMES[int(parts[1])]} {parts[0]}"
        if precision == "decade":
            return f"the {parts[0][:3]}0s"
        return parts[0]
    except (ValueError, IndexError):
        return resolved
