"""One merged timeline per story: its happenings in date order, each told in a source's own words.

The story's event mentions are matched across articles (``events.py``); each matched group becomes
one entry, dated as most of its own-dated mentions date it, with their precision. Where it goes:

- ``timeline``: something at least one article tells as done;
- ``expected``: only planned, predicted or scheduled ("will meet on Thursday");
- ``background``: a period that ended long before the story's reporting (``date_roles``);
- ``undated``: no date, but two or more outlets tell it (a row of the fact matrix, not a date).

What someone wants, a denial and a condition are no happening and make no entry. A sentence is
evidence of one entry at most: the one its own date belongs to. An entry's summary is the sentence
of one of its mentions, cut, never reworded: attribution at either end cut away ("..., officials
said"), a long sentence cut to SUMMARY_WORDS words from just before its predicate, "…" marking a cut
inside the sentence. Loaded words inside it are noted with their neutral alternative beside them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from ..model import Analysis, Article, Event, Evidence, WordNote
from .date_roles import date_label, is_background, period_start
from .events import EventGroup, Told, match_events, most_common_date, told_of

EVENT_PRECISIONS = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}
SUMMARY_WORDS = 24
LEAD_IN_WORDS = 4  # words kept before the predicate when a long sentence is cut
_SPEECH = r"(?:said|says|told [\w ]{1,40}?|added|noted|explained|announced|stated|wrote|reported)"
_ATTRIBUTION_TAIL = re.compile(
    r"[,”\"]\s*[^,.;“”\"]{2,50}?\s+" + _SPEECH + r"(?:\s+(?:on\s+)?\w+day)?(?:\s+in a statement)?\s*\.?\s*$"
)
_ATTRIBUTION_HEAD = re.compile(
    r"^(?:(?:[A-Z][\w'’-]*\s?){0,4}|sources?|officials?)\s*" + _SPEECH +
    r"(?:\s+(?:on\s+)?\w+day)?\s+(?:that\s+)?",
)
_ACCORDING_TAIL = re.compile(r",?\s*according to [^,.;]{2,60}[.]?\s*$", re.I)
_DATELINE = re.compile(r"^\s*(?:\d{4}-\d{2}-\d{2}\s+)?[A-Z][\w.,'’ ]{1,50}?\s[-–—]\s+(?=[A-Z])")
_END_MARKS = " \t\n,;:.“”\"‘’'"


@dataclass
class StoryTimeline:
    timeline: list[Event] = field(default_factory=list)
    background: list[Event] = field(default_factory=list)
    expected: list[Event] = field(default_factory=list)
    undated: list[Event] = field(default_factory=list)


def build_timeline(articles: list[Article], analyses: dict[str, Analysis],
                   entity_names: Mapping[tuple[str, str], str] | None = None) -> list[Event]:
    """The story's dated happenings (``story_timeline`` gives the other lists too)."""
    return story_timeline(articles, analyses, entity_names).timeline


def story_timeline(
    articles: list[Article],
    analyses: Mapping[str, Analysis],
    entity_names: Mapping[tuple[str, str], str] | None = None,
    outlets: Mapping[str, str] | None = None,
    copies: frozenset[str] = frozenset(),
    story_start: date | None = None,
) -> StoryTimeline:
    """Match a story's event mentions across articles and lay them out (see the module docstring).

    ``entity_names`` maps (article id, article-level entity id) to the entity's name in the story
    (``aliases.story_entities``), so "Ruiz" and "Ana Ruiz" are one participant; ``outlets`` maps an
    article to the outlet it speaks for; ``copies`` are left out (a copy tells what its source tells);
    ``story_start`` is the story's first reporting day, against which background is judged.
    """
    entity_names = entity_names or {}
    outlets = outlets or {}
    mentions: list[Told] = []
    by_id = {}
    for article in sorted(articles, key=lambda a: (a.anchor_date or "9999", a.id)):
        analysis = analyses.get(article.id)
        if analysis is None or article.id in copies:
            continue
        by_id[article.id] = (article, analysis)
        mentions += told_of(article, analysis, outlets.get(article.id) or article.outlet or article.id, entity_names)
    groups = match_events(mentions)
    placed = _one_entry_per_sentence(groups)
    result = StoryTimeline()
    for group in placed:
        event = _entry(group, by_id, story_start)
        if event is None:
            continue
        {"happened": result.timeline, "expected": result.expected, "background": result.background,
         "undated": result.undated}[event.status if event.date else "undated"].append(event)
    for events in (result.timeline, result.expected, result.background):
        events.sort(key=_order)
    result.undated.sort(key=lambda e: (-len(e.outlets), e.summary))
    return result


def _order(e: Event) -> tuple:
    return (period_start(e.date or "9999"), -EVENT_PRECISIONS.get(e.precision or "", 9), e.summary)


def _sentence_rank(group: EventGroup, told: Told) -> tuple:
    """Which entry a sentence belongs to: one several outlets tell, then the one its own date times,
    one that happened, the widest. A minor dated clause ("confirming last week's rumors") does not
    take the sentence from the happening other outlets tell with it."""
    happened = any(m.status == "happened" for m in group.members)
    precision = EVENT_PRECISIONS.get(told.date.precision or "", 9) if told.own_date and told.date else 9
    return (len(group.outlets) < 2, not told.own_date, precision, not happened, told.period is None,
            -len(group.outlets), min(m.key for m in group.members))


def _one_entry_per_sentence(groups: list[EventGroup]) -> list[EventGroup]:
    best: dict[tuple[str, int], tuple[tuple, int]] = {}
    for i, group in enumerate(groups):
        for told in group.members:
            where = (told.article.id, told.sentence[0])
            rank = (_sentence_rank(group, told), i)
            if where not in best or rank < best[where]:
                best[where] = rank
    kept = []
    for i, group in enumerate(groups):
        members = [m for m in group.members if best[(m.article.id, m.sentence[0])][1] == i]
        if members:
            kept.append(EventGroup(members))
    return kept


def _entry(group: EventGroup, by_id, story_start: date | None) -> Event | None:
    members = group.members
    date_expr = most_common_date(members)
    if date_expr is None and len(group.outlets) < 2:
        return None  # one outlet's undated clause: no date to place it, no comparison to make
    happened = any(m.status == "happened" for m in members)
    status = "happened" if happened else "expected"
    if date_expr is not None and happened:
        reporting = story_start or min((d for d in (_day(m.article.anchor_date) for m in members) if d), default=None)
        if is_background(date_expr, reporting):
            status = "background"
    shown = _representative(members, date_expr)
    article, analysis = by_id[shown.article.id]
    start, end, cut_left, cut_right = cut_summary(article.text, *shown.sentence, _focus(shown))
    summary = ("…" if cut_left else "") + article.text[start:end] + ("…" if cut_right else "")
    evidence = _evidence(members)
    return Event(
        date=date_expr.resolved if date_expr else None,
        precision=date_expr.precision if date_expr else None,
        summary=summary,
        evidence=evidence,
        id=_event_id(evidence),
        date_label=date_label(date_expr.resolved, date_expr.precision) if date_expr else "undated",
        summary_evidence=Evidence(article.id, start, end),
        notes=[WordNote(t.start, t.end, t.text, t.neutral, t.leaning) for t in analysis.loaded_terms
               if start <= t.start and t.end <= end],
        outlets=group.outlets,
        predicate=shown.mention.predicate if shown.mention else None,
        participants=sorted({p for m in members for p in m.participants}),
        status=status,
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _representative(members: list[Told], date_expr) -> Told:
    """The mention whose sentence the entry shows: one stating the entry's date, shortest first."""
    dated = [m for m in members if date_expr is not None and m.own_date and m.date is not None
             and (m.date.resolved, m.date.precision) == (date_expr.resolved, date_expr.precision)]
    pool = dated or members

    def length(m: Told) -> tuple:
        s, e, _, _ = cut_summary(m.article.text, *m.sentence, _focus(m))
        n = e - s
        return (m.status != "happened", n < 20, n, m.key)

    return min(pool, key=length)


def _focus(m: Told) -> int | None:
    if m.mention is not None:
        return m.mention.predicate_start
    return m.date.start if m.date is not None else None


def _evidence(members: list[Told]) -> list[Evidence]:
    seen, evidence = set(), []
    for m in sorted(members, key=lambda m: (m.article.anchor_date or "9999", m.article.id, m.sentence[0])):
        key = (m.article.id, m.sentence[0])
        if key not in seen:
            seen.add(key)
            evidence.append(Evidence(m.article.id, *_trimmed(m.article.text, *m.sentence)))
    return evidence


def _event_id(evidence: list[Evidence]) -> str:
    key = "|".join(f"{e.article_id}:{e.start}" for e in sorted(evidence, key=lambda e: (e.article_id, e.start)))
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cut_summary(text: str, start: int, end: int, focus: int | None = None) -> tuple[int, int, bool, bool]:
    """The part of a sentence an entry shows, as offsets into ``text``, and whether it was cut short at
    the start or the end (beyond its attribution and closing marks)."""
    start, end = _trimmed(text, start, end)
    sentence = text[start:end]
    dateline = _DATELINE.match(sentence)
    if dateline and len(sentence) - dateline.end() > 30:
        start += dateline.end()
    tail = _ATTRIBUTION_TAIL.search(text[start:end]) or _ACCORDING_TAIL.search(text[start:end])
    if tail and tail.start() > 30:
        end = start + tail.start()
    head = _ATTRIBUTION_HEAD.match(text[start:end])
    if head and end - (start + head.end()) > 30 and (focus is None or focus >= start + head.end()):
        start += head.end()
    while start < end and text[start] in _END_MARKS:
        start += 1
    while end > start and text[end - 1] in _END_MARKS:
        end -= 1
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    if len(words) <= SUMMARY_WORDS:
        return start, end, False, False
    at = 0
    if focus is not None:
        at = next((i for i, (s, _) in enumerate(words) if start + s >= focus), len(words) - 1)
    first = 0 if at < SUMMARY_WORDS - LEAD_IN_WORDS else max(0, min(at - LEAD_IN_WORDS, len(words) - SUMMARY_WORDS))
    last = first + SUMMARY_WORDS - 1
    new_start, new_end = start + words[first][0], start + words[last][1]
    while new_end > new_start and text[new_end - 1] in _END_MARKS:
        new_end -= 1
    return new_start, new_end, first > 0, last < len(words) - 1
