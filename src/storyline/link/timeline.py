"""One merged timeline per story: dated statements and actions, the same event from several
articles as one entry with evidence from each.

An event is a sentence holding a resolved date (day, week, month or year precision). Dates that
only stamp the article itself ("Updated: 2017-09-15", a dateline opening the text) are left out, and
so is background: a period that ended more than BACKGROUND_DAYS before the reporting article
("the bridge opened in 1958") is history the article recalls, not an event of the story. Both stay
in the article's own dates.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Analysis, Article, DateExpression, Event, Evidence, Span
from .features import terms_of

EVENT_PRECISIONS = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
SAME_EVENT = 0.25  # content-term overlap for two sentences with the same date to be one event
SUMMARY_WORDS = 24
BACKGROUND_DAYS = 400  # a period over this long before its article is background ("last year" is not)
_STAMP_WORDS = re.compile(r"\b(updated|published|posted|modified|copyright)\b|©", re.I)
_SPEECH = r"(?:said|says|told [\w ]{1,40}?|added|noted|explained|announced|stated|wrote|reported)"
_ATTRIBUTION_TAIL = re.compile(
    r"[,”\"]\s*[^,.;“”\"]{2,50}?\s+" + _SPEECH + r"(?:\s+(?:on\s+)?\w+day)?(?:\s+in a statement)?\s*\.?\s*$"
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\s?){0,4}|sources?|officials?)\s*" + _SPEECH +
    r"(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?",
)
_ACCORDING = re.compile(r",?\s*according to [^,.;]{2,60}[,.]?", re.I)
_DATELINE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s+[^-–—]{0,60}\s[-–—]\s+")
_QUOTE_CHARS = re.compile(r"[“”\"]")


@dataclass
class _Statement:
    article_id: str
    published: str
    start: int
    end: int
    text: str
    terms: set[str]


@dataclass
class _Draft:
    date: str
    precision: str
    statements: list[_Statement] = field(default_factory=list)


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


def summarise(sentence: str, neutral: dict[str, str]) -> str:
    """A short neutral summary of the source sentence: attribution and quote marks trimmed."""
    s = _DATELINE.sub("", sentence.strip())
    s = _ACCORDING.sub("", s)
    s = _ATTRIBUTION_TAIL.sub("", s)
    head = _ATTRIBUTION_HEAD.match(s)
    if head and len(s) - head.end() > 30:
        s = s[head.end() :]
    s = _QUOTE_CHARS.sub("", s).strip(" ,;:")
    for loaded, plain in neutral.items():
        s = re.sub(rf"\b{re.escape(loaded)}\b", plain, s, flags=re.I)
    words = s.split()
    if len(words) > SUMMARY_WORDS:
        s = " ".join(words[:SUMMARY_WORDS]).rstrip(",;:") + "…"
    s = s.rstrip(".")
    return s[:1].upper() + s[1:] if s else s


def _period_end(resolved: str) -> date | None:
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


def is_background(article: Article, d: DateExpression) -> bool:
    """History the article recalls rather than an event of the story (see module docstring)."""
    if not article.anchor_date or not d.resolved:
        return False
    end = _period_end(d.resolved)
    try:
        anchor = date.fromisoformat(article.anchor_date)
    except ValueError:
        return False
    return end is not None and end < anchor - timedelta(days=BACKGROUND_DAYS)


def _period_start(resolved: str) -> str:
    first = resolved.split("/")[0]
    return (first + "-01-01")[:10] if len(first) == 4 else (first + "-01")[:10]


def _similar(a: _Statement, b: _Statement) -> bool:
    if not a.terms or not b.terms:
        return False
    return len(a.terms & b.terms) / min(len(a.terms), len(b.terms)) >= SAME_EVENT


def build_timeline(articles: list[Article], analyses: dict[str, Analysis]) -> list[Event]:
    """Merged, dated events of one story, ordered by date (coarser periods at their start)."""
    drafts: dict[tuple[str, str], list[_Draft]] = {}
    neutral: dict[str, str] = {}
    statements: list[tuple[DateExpression, _Statement]] = []
    for article in sorted(articles, key=lambda a: (a.anchor_date or "9999", a.id)):
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for term in analysis.loaded_terms:
            neutral.setdefault(term.text, term.neutral)
        for d in sorted(analysis.dates, key=lambda d: d.start):
            if not d.resolved or d.precision not in EVENT_PRECISIONS:
                continue
            sentence = sentence_around(article, analysis, d.start)
            if is_publication_stamp(article, d, sentence) or is_background(article, d):
                continue
            text = article.text[sentence.start : sentence.end]
            terms = set(terms_of(text)) - set(terms_of(d.text))
            statements.append((d, _Statement(article.id, article.anchor_date or "", sentence.start, sentence.end, text, terms)))
    for d, st in statements:
        bucket = drafts.setdefault((d.resolved, d.precision), [])
        for draft in bucket:
            if st.article_id in {s.article_id for s in draft.statements} and any(
                s.start == st.start for s in draft.statements
            ):
                break
            if any(_similar(st, s) for s in draft.statements if s.article_id != st.article_id):
                draft.statements.append(st)
                break
        else:
            bucket.append(_Draft(d.resolved, d.precision, [st]))
    events = []
    for bucket in drafts.values():
        for draft in bucket:
            summaries = [summarise(s.text, neutral) for s in draft.statements]
            summary = min(summaries, key=lambda x: (len(x) < 20, len(x), x))
            evidence = [Evidence(s.article_id, s.start, s.end) for s in draft.statements]
            events.append(Event(date=draft.date, precision=draft.precision, summary=summary, evidence=evidence))
    events.sort(key=lambda e: (_period_start(e.date), -EVENT_PRECISIONS[e.precision], e.summary))
    return events
