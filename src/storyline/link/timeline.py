"""One merged timeline per story: dated statements and actions, the same event from several
articles as one entry with evidence from each.

An event is a sentence holding a resolved date (day, week, month or year precision). Dates that
only stamp the article itself ("Updated: 2017-09-15", a dateline opening the text) are left out, and
so is background: a period that ended more than BACKGROUND_DAYS before the reporting article
("the bridge opened in 1958") is history the article recalls, not an event of the story, a limit
set as far ahead ("if the team leaves before 2050") is a condition, not an event, and a date a
figure is compared against ("up from 54,000 in the same months of 2024") is a baseline. All of
these stay in the article's own dates.

Two statements with the same resolved date and precision are the same event when they share enough
content words (SAME_EVENT), or when they are worded alike (rapidfuzz token-set similarity of their
content words, SAME_EVENT_WORDING) and name the same people, places or organisations
(SAME_EVENT_ENTITIES): two outlets telling one event in their own words. Statements of one date are
grouped by average link, so one loosely related sentence does not chain two events into one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz import fuzz

from ..model import Analysis, Article, DateExpression, Event, Evidence, Span
from .features import normalise_name, terms_of
from .stories import average_link

EVENT_PRECISIONS = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}
SAME_EVENT = 0.25  # content-term overlap for two sentences with the same date to be one event
# Read off same-date sentence pairs from different articles of one news-cluster event, and the seeds,
# that share under SAME_EVENT of their terms: of the 43 naming two or more of the same entities,
# those at token-set similarity 0.5 or more were one event told twice about 6 times in 7, those below
# about half the time. Seeds: the second meeting told by two outlets 0.53 (two shared entities);
# the same day's resignation against that meeting 0.42 (none).
SAME_EVENT_WORDING = 0.5
SAME_EVENT_ENTITIES = 2
# Average same-event vote for two groups of one date's statements to be one event. On news-cluster's
# events, by gold event, the first-match grouping this replaces gave 1329 entries; 0.5 gave 1326,
# splitting 18 dates it had joined; 0.25 gave 1278 (3 split, 41 joined); single link gave 1240,
# chaining up to 19 sentences about a day's different happenings into one entry.
GROUPING = 0.25
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
    entities: frozenset[str] = frozenset()


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


_BOUND_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:before|by|until|till|through|no\s+later\s+than)\s+(?:the\s+(?:end|start)\s+of\s+)?$"
)


def is_far_bound(article: Article, d: DateExpression) -> bool:
    """A limit set far ahead ("if it leaves before 2050", "by 2040"): a condition or a target, not an
    event of the story. Bounds within BACKGROUND_DAYS of the article ("by Friday") stay events."""
    if not article.anchor_date or not d.resolved:
        return False
    if not _BOUND_BEFORE.search(article.text[max(0, d.start - 40):d.start]):
        return False
    try:
        start = date.fromisoformat(_period_start(d.resolved))
        anchor = date.fromisoformat(article.anchor_date)
    except ValueError:
        return False
    return start > anchor + timedelta(days=BACKGROUND_DAYS)


# "up from 54,000 in the same months of 2024", "compared with 2023", "than in 2019": the date a
# figure is measured against, not a time anything in the story happened
_BASELINE_BEFORE = re.compile(
    r"(?i)(?:\b(?:up|down|rising|falling)\s+from\b[^.;!?]{0,60}?|\bcompared\s+(?:with|to)\s+(?:[^.;!?]{0,40}?\s)?|"
    r"\bsame\s+(?:period|months?|quarter|time|week|day|season)\s+(?:of|in|a|last)\s+(?:the\s+)?|"
    r"\bthan\s+(?:in|during|at\s+the\s+(?:end|start)\s+of)\s+)$"
)


def is_comparison_baseline(article: Article, d: DateExpression) -> bool:
    """A date a figure is compared against: it stays in the article's dates, not on the timeline."""
    return bool(_BASELINE_BEFORE.search(article.text[max(0, d.start - 80):d.start]))


def _period_start(resolved: str) -> str:
    first = resolved.split("/")[0]
    return (first + "-01-01")[:10] if len(first) == 4 else (first + "-01")[:10]


def _similar(a: _Statement, b: _Statement) -> bool:
    """Whether two statements of the same date tell the same event (see module docstring)."""
    if not a.terms or not b.terms:
        return False
    if len(a.terms & b.terms) / min(len(a.terms), len(b.terms)) >= SAME_EVENT:
        return True
    if len(a.entities & b.entities) < SAME_EVENT_ENTITIES:
        return False
    wording = fuzz.token_set_ratio(" ".join(sorted(a.terms)), " ".join(sorted(b.terms))) / 100.0
    return wording >= SAME_EVENT_WORDING


def _entities_in(article: Article, analysis: Analysis, sentence: Span,
                 entity_names: Mapping[tuple[str, str], str]) -> frozenset[str]:
    """Who and what the sentence names: story-level entity names where known, else the mention's words."""
    names = set()
    for m in analysis.mentions:
        if not sentence.start <= m.start < sentence.end:
            continue
        name = entity_names.get((article.id, m.entity_id))
        if name is None and m.label != "ROLE":
            name = m.text
        if name:
            names.add(normalise_name(name))
    return frozenset(names)


def _events_of_one_date(statements: list[_Statement]) -> list[list[_Statement]]:
    """Statements of one date grouped into events (average link over same-event votes).

    Only statements from different articles vote: one article's sentences on one day are its own
    account of different things (a statement, then a refusal to comment) unless others join them.
    """
    unique: dict[tuple[str, int], _Statement] = {}
    for st in statements:
        unique.setdefault((st.article_id, st.start), st)  # one sentence naming the date twice
    keys = {f"{i:06d}": st for i, st in enumerate(unique.values())}
    ids = sorted(keys)
    votes = {(a, b): 1.0 for i, a in enumerate(ids) for b in ids[i + 1 :]
             if keys[a].article_id != keys[b].article_id and _similar(keys[a], keys[b])}
    return [[keys[k] for k in group] for group in average_link(ids, votes, GROUPING)]


def build_timeline(articles: list[Article], analyses: dict[str, Analysis],
                   entity_names: Mapping[tuple[str, str], str] | None = None) -> list[Event]:
    """Merged, dated events of one story, ordered by date (coarser periods at their start).

    ``entity_names`` maps (article id, article-level entity id) to the entity's name in the story
    (from ``aliases.story_entities``), so "Ruiz" and "Ana Ruiz" count as one shared entity.
    """
    entity_names = entity_names or {}
    buckets: dict[tuple[str, str], list[_Statement]] = {}
    neutral: dict[str, str] = {}
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
            if is_publication_stamp(article, d, sentence) or is_background(article, d) or \
                    is_far_bound(article, d) or is_comparison_baseline(article, d):
                continue
            text = article.text[sentence.start : sentence.end]
            terms = set(terms_of(text)) - set(terms_of(d.text))
            entities = _entities_in(article, analysis, sentence, entity_names)
            buckets.setdefault((d.resolved, d.precision), []).append(
                _Statement(article.id, article.anchor_date or "", sentence.start, sentence.end, text, terms, entities)
            )
    events = []
    for (resolved, precision), statements in buckets.items():
        for group in _events_of_one_date(statements):
            summaries = [summarise(s.text, neutral) for s in group]
            summary = min(summaries, key=lambda x: (len(x) < 20, len(x), x))
            evidence = [Evidence(s.article_id, s.start, s.end) for s in group]
            events.append(Event(date=resolved, precision=precision, summary=summary, evidence=evidence))
    events.sort(key=lambda e: (_period_start(e.date), -EVENT_PRECISIONS[e.precision], e.summary))
    return events
