"""Events across articles: the mentions of one happening, matched inside a story.

Each article's event mentions (``analyze/events.py``) get a time: the date the parse attaches to
the clause, as resolved now; else, for a clause told as done in a dated article, the weeks before
that article (``RECENT_DAYS``), a window rather than a date. Two mentions from different articles
tell one happening when their times are compatible and

- their predicates name the same kind of happening (``vocab``: "met", "sat down with", "held
  talks") and they share a participant or a place (story entities, so "Ruiz" is "Ana Ruiz"), or
- a predicate is of no known class ("spotted", "noted") and they share a participant or place and
  most of the clause's other words (``UNCLASSED_WORDING``; names, titles and empty verbs such as
  "went" or "became" count for nothing), or
- both are leads (the title line and first sentences of a report) telling as done what happened in
  the days just before their articles (``FRESH_DAYS``), naming a same participant or place — the
  story's own names too: in its main happening they are what is shared — and a same thing besides
  the verb ("a truck rammed into the crowd in Nice" / "ploughed a truck into crowds in Nice"), or
- for two statements, the same speaker said them in the same period, or
- they carry the same date and share enough of their words (``SAME_EVENT``), or are worded alike
  and name two of the same entities (``SAME_EVENT_WORDING``): one event in two outlets' words.

Whatever else they share, two actions whose clauses each name a different doer (a person or an
organisation, neither taking part in the other's clause) are two happenings: "Halden Bank stopped
card sales on Monday" and "Corvo Bank stopped card sales on Monday".

Mentions with a time are grouped by average link; two whose times exclude each other never share a
group. A mention with no time at all (an undated article's "recently met") then joins the one
group it fits; where several fit, the earliest, unless it says the thing happened again
("met again", "a second meeting"): an unmarked account of a repeated happening is taken to be its
first. Articles with no event mentions (older stores, hand-built analyses) take part through their
dated sentences, matched by date and words alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from ..model import Analysis, Article, DateExpression, EventMention
from ..vocab import EMPTY_VERBS, PLAN_LEMMAS, classes_compatible, predicate_classes
from .features import normalise_name, terms_of
from .stories import average_link
from .date_roles import (
    is_comparison_baseline,
    is_far_bound,
    is_publication_stamp,
    period_of,
    sentence_around,
)

RECENT_DAYS = 31  # a clause told as done, with no date of its own, happened within this before its article
FRESH_DAYS = 2  # ... and one in an article's lead, within this
LEAD_SENTENCES = 2  # the lead: the title line and this many sentences of the body
SAME_EVENT = 0.25  # content-term overlap for two same-date clauses to be one event (of the smaller's terms)
SAME_DAY_SHARED = 2  # ... and at least this many terms in common (one shared "festival" is no event)
SAME_PERIOD_SHARED = 3  # for a week or a month
# Read off same-date sentence pairs from different articles of one news-cluster event, and the seeds:
# of pairs naming two or more of the same entities, those at token-set similarity 0.5 or more were one
# event told twice about 6 times in 7, those below about half the time.
SAME_EVENT_WORDING = 0.5
SAME_EVENT_ENTITIES = 2
STATEMENT_WORDING = 0.35  # what one speaker said in one period, told by two outlets: content words in common
STATEMENT_TOLD_ALIKE = 0.65  # ... or of the whole sentences
COMMON_DAY_WORDING = 0.4  # the same, for two clauses dated to the day most of the story's articles tell
LOOSE_WORDING = 0.3  # one shared name and this share of the clause's words, when the time is loose
SAME_NAME_SPELLING = 80  # rapidfuzz ratio at which two doers' names are one name spelled two ways
UNCLASSED_WORDING = 0.6  # a predicate of no known class: this share of the clause's other words
UNCLASSED_SHARED = 2  # ... and at least this many of them
MIN_TERMS = 3
WIDE_SHARE = 0.5  # a name in this share of a story's articles is the story's, not one happening's
WIDE_MIN_ARTICLES = 6
NEAR_COPY = 0.6  # share of the smaller sentence's content words two retellings of one fact have in common
NEAR_COPY_TERMS = 6
WORD_POSTING = 40  # a word in more of a story's mentions than this finds no near copies
GROUPING = 0.25  # average same-event vote for two groups of mentions to be one event
STATEMENT = "statement"


@dataclass
class Told:
    """One event mention of one article, with what matching needs."""

    key: str
    article: Article
    outlet: str
    sentence: tuple[int, int]
    mention: EventMention | None  # None: a dated sentence of an article read without event mentions
    date: DateExpression | None  # its own (or governing clause's) date, if it survived the filters
    period: tuple[date, date] | None  # that date as days
    window: tuple[date, date] | None  # no date: the weeks before its article, for a clause told as done
    classes: frozenset[str]
    participants: frozenset[str]
    places: frozenset[str]
    terms: frozenset[str]
    status: str  # happened | expected | not (wished, denied, conditional: no happening)
    speaker: str | None = None
    sentence_terms: frozenset[str] = frozenset()  # the whole sentence's (a statement's content is there)
    content_terms: frozenset[str] = frozenset()  # a statement's: what was said, without who said it
    content_read: bool = False  # ... read off an attribution storyline found (not the sentence's rest)
    name_terms: frozenset[str] = frozenset()  # words of the names and titles in the clause ("prime minister")
    agent: str | None = None  # the story name of the participant that does it
    fresh: tuple[date, date] | None = None  # a lead clause told as done: the days just before its article
    sentence_names: frozenset[str] = frozenset()  # every name its sentence gives

    @property
    def time(self) -> tuple[date, date] | None:
        return self.period or self.window

    @property
    def own_date(self) -> bool:
        return self.date is not None and not (self.mention is not None and self.mention.date_inherited)


@dataclass
class EventGroup:
    """The mentions of one happening across a story's articles."""

    members: list[Told] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {m.article.id for m in self.members}

    @property
    def outlets(self) -> list[str]:
        return sorted({m.outlet for m in self.members})

    def start(self) -> date | None:
        starts = [m.period[0] for m in self.members if m.period] or [m.window[1] for m in self.members if m.window]
        return min(starts) if starts else None


def told_of(article: Article, analysis: Analysis, outlet: str,
            entity_names: Mapping[tuple[str, str], str]) -> list[Told]:
    """The article's mentions ready for matching (its dated sentences when it has no mentions)."""
    dates = {(d.start, d.end): d for d in analysis.dates}
    names = _names(article, analysis, entity_names)
    if not analysis.events:
        return _dated_sentences(article, analysis, outlet, names)
    found = []
    cache: dict[int, frozenset[str]] = {}
    date_words = frozenset(t for d in analysis.dates for t in _terms(d.text))  # times are compared as times
    labels = {e.id: e.label for e in analysis.entities}
    dates_a_clause: dict[int, bool] = {}  # by the date's start: several clauses share one date
    names_at = sorted((e.start, e.end, _terms(article.text[e.start:e.end])) for e in analysis.mentions)
    lead_end = _lead_end(analysis)
    named_at = sorted((e.start, names[e.entity_id]) for e in analysis.mentions if e.entity_id in names)
    by_sentence: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    for m in analysis.events:
        date = dates.get((m.date_start, m.date_end)) if m.date_start is not None else None
        if date is not None and date.start not in dates_a_clause:
            dates_a_clause[date.start] = _dates_the_clause(article, analysis, date)
        if date is not None and not dates_a_clause[date.start]:
            date = None
        period = period_of(date.resolved) if date is not None and date.resolved else None
        if period is None:
            date = None
        status = _status(article, m, period)
        if status == "not":
            continue  # no happening: nothing to match it with
        speaker = _speaker(m, names, labels) if m.kind == STATEMENT else None
        classes = frozenset({STATEMENT}) if m.kind == STATEMENT else _classes(m)
        in_sentence = by_sentence.get(m.sentence_start)
        if in_sentence is None:
            in_sentence = by_sentence[m.sentence_start] = (
                _sentence_terms(article, m.sentence_start, m.sentence_end, cache) - date_words,
                _names_between(named_at, m.sentence_start, m.sentence_end))
        found.append(Told(
            key=f"{article.id}:{m.start}:{m.predicate_start}", article=article, outlet=outlet,
            sentence=(m.sentence_start, m.sentence_end), mention=m, date=date, period=period,
            window=None if period else _recent_window(article, m),
            classes=classes,
            participants=frozenset(names[p] for p in m.participants if p in names),
            places=frozenset(names[p] for p in m.places if p in names),
            terms=frozenset(terms_of(article.text[m.start:m.end])) - date_words,
            status=status, speaker=speaker,
            sentence_terms=in_sentence[0],
            name_terms=_name_terms(names_at, m.start, m.end),
            agent=names.get(m.agent) if m.agent else None,
            fresh=_fresh_window(article, m, period, m.sentence_start < lead_end),
            sentence_names=in_sentence[1],
        ))
        if m.kind == STATEMENT:
            told = found[-1]
            said, told.content_read = _content_terms(article, analysis, m, told)
            told.content_terms = said - date_words
    return found


@lru_cache(maxsize=100_000)  # names and dates recur in every mention of a story
def _terms(text: str) -> frozenset[str]:
    return frozenset(terms_of(text))


def _names_between(named_at: list[tuple[int, str]], start: int, end: int) -> frozenset[str]:
    found = set()
    for s, name in named_at[bisect_left(named_at, (start, "")):]:
        if s >= end:
            break
        found.add(name)
    return frozenset(found)


def _name_terms(names_at: list[tuple[int, int, frozenset[str]]], start: int, end: int) -> frozenset[str]:
    """The words of the entity mentions (names, titles) inside a clause."""
    found: set[str] = set()
    for s, e, words in names_at[bisect_left(names_at, (start, -1)):]:
        if s >= end:
            break
        if e <= end:
            found |= words
    return frozenset(found)


SPEAKER_LABELS = ("PERSON", "ORG", "ROLE", "GPE")  # in order of preference; a NORP ("Chinese") speaks for no one


def _speaker(m: EventMention, names: dict[str, str], labels: dict[str, str]) -> str | None:
    """Who makes a statement: of the clause's participants (the subject's first), a person or an
    organisation before a place ("US President Donald Trump said" is Trump's statement)."""
    for label in SPEAKER_LABELS:
        for p in m.participants:
            if labels.get(p) == label and p in names:
                return names[p]
    return None


def _sentence_terms(article: Article, start: int, end: int, cache: dict[int, frozenset[str]]) -> frozenset[str]:
    if start not in cache:
        cache[start] = frozenset(terms_of(article.text[start:end]))
    return cache[start]


def _content_terms(article: Article, analysis: Analysis, m: EventMention, told: Told) -> tuple[frozenset[str], bool]:
    """What a statement says: the attribution's content where storyline read one for this cue
    (the quotation, the reported clause), else the sentence without the speaker's name and the verb.
    Two outlets' attributions share "said", the speaker and "on Twitter" whatever was said."""
    contents = [q for q in analysis.quotes
                if q.cue_start is not None and q.cue_start <= m.predicate_start < max(q.cue_end or 0, q.cue_start + 1)]
    if contents:
        found: frozenset[str] = frozenset()
        for q in contents:
            found |= frozenset(terms_of(article.text[q.start:q.end]))
        return found, True
    return told.sentence_terms - told.terms, False


def _classes(m: EventMention) -> frozenset[str]:
    found = predicate_classes(m.predicate)
    for noun in m.also:
        found |= predicate_classes(noun)
    return found


def _names(article: Article, analysis: Analysis, entity_names: Mapping[tuple[str, str], str]) -> dict[str, str]:
    """Article entity id -> the name the story knows it by (normalised)."""
    names = {}
    for e in analysis.entities:
        name = entity_names.get((article.id, e.id))
        if name is None and e.label != "ROLE":
            name = e.name
        if name:
            names[e.id] = normalise_name(name)
    return names


def _dates_the_clause(article: Article, analysis: Analysis, d: DateExpression) -> bool:
    """A date that says when the clause happened, not one stamping the page, bounding a condition far
    ahead or giving the baseline of a comparison."""
    sentence = sentence_around(article, analysis, d.start)
    return not (is_publication_stamp(article, d, sentence) or is_far_bound(article, d)
                or is_comparison_baseline(article, d))


def _anchor(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.anchor_date) if article.anchor_date else None
    except ValueError:
        return None


def _recent_window(article: Article, m: EventMention) -> tuple[date, date] | None:
    anchor = _anchor(article)
    if anchor is None or m.modality != "asserted" or m.tense == "future" or m.kind == "state":
        return None
    return (anchor - timedelta(days=RECENT_DAYS), anchor)


def _lead_end(analysis: Analysis) -> int:
    """Where the article's lead ends: after its title line and the first ``LEAD_SENTENCES`` of its body."""
    ends = [s.end for s in analysis.sentences]
    return ends[min(LEAD_SENTENCES, len(ends) - 1)] if ends else 0


def _fresh_window(article: Article, m: EventMention, period: tuple[date, date] | None,
                  in_lead: bool) -> tuple[date, date] | None:
    """A news report's lead tells what just happened: an undated clause of it told as done is of the
    days just before the article (``FRESH_DAYS``); a dated one, of its date."""
    anchor = _anchor(article)
    if not in_lead or anchor is None or m.modality != "asserted" or m.tense == "future" or m.kind == "state":
        return None
    if period is not None:
        return period if period[1] - period[0] <= timedelta(days=FRESH_DAYS) else None
    return (anchor - timedelta(days=FRESH_DAYS), anchor)


def _status(article: Article, m: EventMention, period: tuple[date, date] | None) -> str:
    """happened, expected (a plan, or a time after the article), or not a happening at all."""
    if m.modality in ("wished", "negated", "conditional") or (m.kind == "state" and period is None):
        return "not"
    if m.modality == "planned" or m.tense == "future":
        return "expected"
    anchor = _anchor(article)
    if period is not None and anchor is not None and period[0] > anchor:
        # a time after the article is a plan, unless told as done ("met on Monday" in a dated-Sunday
        # copy); a plan verb's participle ("the opening planned for April") is no telling as done
        if m.tense != "past" or (m.predicate or "").lower() in PLAN_LEMMAS:
            return "expected"
    return "happened"


def _dated_sentences(article: Article, analysis: Analysis, outlet: str, names: dict[str, str]) -> list[Told]:
    """Without event mentions: one dated sentence is one mention, matched by its date and words."""
    found = []
    for d in sorted(analysis.dates, key=lambda d: d.start):
        period = period_of(d.resolved) if d.resolved else None
        if period is None or not _dates_the_clause(article, analysis, d):
            continue
        s = sentence_around(article, analysis, d.start)
        entities = frozenset(names[m.entity_id] for m in analysis.mentions
                             if s.start <= m.start < s.end and m.entity_id in names)
        text = article.text[s.start:s.end]
        found.append(Told(
            key=f"{article.id}:{s.start}:{d.start}", article=article, outlet=outlet, sentence=(s.start, s.end),
            mention=None, date=d, period=period, window=None, classes=frozenset(), participants=entities,
            places=frozenset(), terms=frozenset(terms_of(text)) - frozenset(terms_of(d.text)), status="happened",
            sentence_terms=frozenset(terms_of(text)) - frozenset(terms_of(d.text)),
        ))
    return found


# --------------------------------------------------------------------------- matching


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def times_compatible(a: Told, b: Told) -> bool:
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return True
    if a.period and b.period and a.date and b.date and a.date.precision == b.date.precision == "day":
        return a.period == b.period
    return _overlap(ta, tb)


def _excludes(a: Told, b: Told) -> bool:
    """Two mentions whose own dates cannot be one happening's."""
    return bool(a.period and b.period) and not times_compatible(a, b)


@dataclass(frozen=True)
class Commonplace:
    """What most of a story's articles share (its protagonist, its city, its main day): sharing it is
    no sign that two mentions tell one happening. Empty for stories of under ``WIDE_MIN_ARTICLES``
    articles, where every name and date still tells mentions apart."""

    names: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()  # the words of those names
    dates: frozenset[str] = frozenset()


NOTHING_COMMON = Commonplace()


def commonplace(mentions: list[Told]) -> Commonplace:
    articles = {m.article.id for m in mentions}
    if len(articles) < WIDE_MIN_ARTICLES:
        return NOTHING_COMMON
    least = WIDE_SHARE * len(articles)
    names = Counter(n for n, _ in {(n, m.article.id) for m in mentions for n in m.participants | m.places})
    dates = Counter(d for d, _ in {(m.date.resolved, m.article.id) for m in mentions if m.date and m.date.resolved})
    wide = frozenset(n for n, k in names.items() if k >= least)
    return Commonplace(wide, frozenset(t for n in wide for t in terms_of(n)),
                       frozenset(d for d, k in dates.items() if k >= least))


def same_event(a: Told, b: Told, common: Commonplace = NOTHING_COMMON) -> bool:
    """Whether two mentions of different articles tell one happening (see the module docstring).

    What the whole story shares (``common``) counts for nothing: a name most articles carry is not a
    shared participant, its words are not shared wording, and its main day needs closer wording."""
    if a.article.id == b.article.id or "not" in (a.status, b.status) or not times_compatible(a, b):
        return False
    if _done_by_others(a, b):
        return False  # "Halden Bank stopped card sales on Monday" is not what Corvo Bank did that day
    if near_copy(a, b, common):
        return True
    if a.time is None and b.time is None:
        return False
    exact = _exactly_timed(a, b)
    if a.status != b.status and not (a.period or b.period):
        return False  # a plan and a telling as done are one happening only where a date says so
    words = overlap(a.sentence_terms - common.terms, b.sentence_terms - common.terms)
    if STATEMENT in a.classes or STATEMENT in b.classes:
        if not (a.classes == b.classes and a.speaker is not None and a.speaker == b.speaker):
            return False
        said_a, said_b = a.content_terms - common.terms, b.content_terms - common.terms
        shared_words = len(said_a & said_b)
        if _same_day(a, b) and not common.names:
            return True
        if overlap(said_a, said_b) >= STATEMENT_WORDING and shared_words >= 3:
            return True
        # or told alike throughout, the attribution too ("said in a tweet that she and her husband
        # were on the flight"), where what was said is not read off both (two quotations that share
        # no words are two statements, whatever the attributions share)
        if a.content_read and b.content_read:
            return False
        return words >= STATEMENT_TOLD_ALIKE and len((a.sentence_terms & b.sentence_terms) - common.terms) >= 4
    if _a_state(a) or _a_state(b):
        return False  # "the performance was the last show": a state is one event only in near copies
    shared = len((a.participants & b.participants) - common.names) + len((a.places & b.places) - common.names)
    if _one_says_again(a, b) and not (exact and a.date.resolved == b.date.resolved):
        return False  # "issued another statement" is not the statement "issued" tells
    if a.classes and b.classes and classes_compatible(a.classes, b.classes):
        # a date each makes one shared name enough; a window or no time needs more
        clause_words = overlap(a.terms - common.terms, b.terms - common.terms)
        if shared >= (1 if exact else 2) or (shared and clause_words >= LOOSE_WORDING):
            return True
        if _the_news_of_the_day(a, b):
            return True
    elif not (a.classes and b.classes):
        # a predicate no class knows ("noted", "spotted", "ploughed"): what the clauses say must agree
        if (shared or _both_fresh(a, b) and _share_a_name(a, b)) and _said_alike(a, b, common):
            return True
    if not (exact and a.date.resolved == b.date.resolved):
        return False
    # one day and a few words in common; a week or a month is a looser time and needs more of them
    by_day = a.date.precision == "day"
    shared_words = len((a.sentence_terms & b.sentence_terms) - common.terms)
    needed = SAME_EVENT if by_day and a.date.resolved not in common.dates else COMMON_DAY_WORDING
    if words >= needed and shared_words >= (SAME_DAY_SHARED if by_day else SAME_PERIOD_SHARED):
        return True
    return shared >= SAME_EVENT_ENTITIES and _wording(a, b) >= SAME_EVENT_WORDING


def _the_news_of_the_day(a: Told, b: Told) -> bool:
    """Two leads telling what just happened in the same days, naming a same participant or place
    (the story's own names too: in its main happening they are what is shared) and a same thing
    besides the verb — "a truck rammed into the crowd in Nice" / "ploughed a truck into crowds in
    Nice"."""
    if not (_both_fresh(a, b) and _share_a_name(a, b)):
        return False
    if a.mention.predicate in EMPTY_VERBS or b.mention.predicate in EMPTY_VERBS:
        return False
    names = a.name_terms | b.name_terms
    return len((a.terms - names) & (b.terms - names) - {a.mention.predicate, b.mention.predicate}) >= 1


def _both_fresh(a: Told, b: Told) -> bool:
    """Both leads telling what happened in the same days just before their articles."""
    return a.fresh is not None and b.fresh is not None and _overlap(a.fresh, b.fresh) and a.status == b.status


def _share_a_name(a: Told, b: Told) -> bool:
    """The clauses, or for a clause naming no one its sentence, give a same name."""
    return bool((a.participants | a.places or a.sentence_names) & (b.participants | b.places or b.sentence_names))


def _done_by_others(a: Told, b: Told) -> bool:
    """Each clause names who did it, the two names differ beyond spelling ("Energia" / "Energiya"),
    and neither doer takes part in the other's clause."""
    if not (a.agent and b.agent) or a.agent in b.participants or b.agent in a.participants:
        return False
    if STATEMENT in a.classes or STATEMENT in b.classes:
        return False  # a statement's speaker is matched as such
    return fuzz.ratio(a.agent, b.agent) < SAME_NAME_SPELLING and not (
        _terms(a.agent) <= _terms(b.agent) or _terms(b.agent) <= _terms(a.agent))


def _said_alike(a: Told, b: Told, common: Commonplace) -> bool:
    """The clauses' own words, without the names they share, mostly in common ("discovered the
    smoke-rings in the sea" / "noted the smoke-rings in the sea")."""
    if any(m.mention is None or m.mention.predicate in EMPTY_VERBS for m in (a, b)):
        return False
    names = {t for n in a.participants | a.places | b.participants | b.places for t in _terms(n)}
    names |= a.name_terms | b.name_terms
    wa, wb = a.terms - names - common.terms, b.terms - names - common.terms
    return len(wa & wb) >= UNCLASSED_SHARED and overlap(wa, wb, least=2) >= UNCLASSED_WORDING


def _one_says_again(a: Told, b: Told) -> bool:
    return a.mention is not None and b.mention is not None and a.mention.repeated != b.mention.repeated


def _a_state(m: Told) -> bool:
    return m.mention is not None and m.mention.kind == "state"


def near_copy(a: Told, b: Told, common: Commonplace = NOTHING_COMMON) -> bool:
    """Two outlets' sentences in nearly the same words (a wire story rewritten, one fact retold),
    with the same or a synonymous predicate: one happening, whatever either says of its time.
"""
    sa, sb = a.sentence_terms - common.terms, b.sentence_terms - common.terms
    shared = len(sa & sb)
    if shared < NEAR_COPY_TERMS or shared < NEAR_COPY * min(len(sa), len(sb)):
        return False
    if a.mention is None or b.mention is None:
        return True
    if a.content_read and b.content_read and overlap(a.content_terms, b.content_terms) < NEAR_COPY:
        return False  # one attribution, two things said: "We are thrilled," / "Nobody had measured," said Voss
    return a.mention.predicate == b.mention.predicate or bool(
        a.classes and b.classes and classes_compatible(a.classes, b.classes))


def _exactly_timed(a: Told, b: Told) -> bool:
    """Both dated to a day, a week or a month (a year or a window of weeks is no proof of one event)."""
    return all(m.period is not None and m.date is not None and m.date.precision in ("day", "week", "month")
               for m in (a, b))


def overlap(a: frozenset[str], b: frozenset[str], least: int = MIN_TERMS) -> float:
    """Shared share of the smaller set of words, 0 when either has fewer than ``least``."""
    if len(a) < least or len(b) < least:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _same_day(a: Told, b: Told) -> bool:
    return bool(a.period and b.period and a.period == b.period and a.period[0] == a.period[1])


def _wording(a: Told, b: Told) -> float:
    if not a.sentence_terms or not b.sentence_terms:
        return 0.0
    return fuzz.token_set_ratio(" ".join(sorted(a.sentence_terms)), " ".join(sorted(b.sentence_terms))) / 100.0


def _keys(m: Told, common: Commonplace) -> set[str]:
    """What two mentions must share for ``same_event`` to hold: a participant or place the story
    does not share throughout, the speaker of a statement, the resolved date, or for two leads a
    kind of happening or a word (every path of ``same_event`` needs one of them)."""
    keys = {f"p:{p}" for p in (m.participants | m.places) - common.names}
    if m.speaker is not None:
        keys.add(f"s:{m.speaker}")
    if m.date is not None and m.date.resolved:
        keys.add(f"d:{m.date.resolved}")
    if m.fresh is not None:  # a lead's news of the day: met by the kind of happening or a word of it
        keys |= {f"k:{c}" for c in m.classes} or {f"w:{t}" for t in m.terms - m.name_terms - common.terms}
    return keys


def _index(mentions: list[Told], common: Commonplace) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        for k in _keys(m, common):
            index.setdefault(k, []).append(i)
    return index


def _word_pairs(mentions: list[Told], common: Commonplace) -> set[tuple[int, int]]:
    """Pairs of mentions of different articles whose sentences share enough uncommon words to be
    near copies (counted once per pair of sentences: a sentence holds several mentions)."""
    sentences: dict[tuple[str, int], list[int]] = {}
    for i, m in enumerate(mentions):
        sentences.setdefault((m.article.id, m.sentence[0]), []).append(i)
    keys = list(sentences)
    postings: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        for t in mentions[sentences[key][0]].sentence_terms - common.terms:
            postings.setdefault(t, []).append(k)
    shared: Counter = Counter()
    for members in postings.values():
        if len(members) > WORD_POSTING:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                shared[(i, j)] += 1
    pairs = set()
    for (i, j), n in shared.items():
        if n < NEAR_COPY_TERMS or keys[i][0] == keys[j][0]:
            continue
        for a in sentences[keys[i]]:
            for b in sentences[keys[j]]:
                pairs.add((a, b) if a < b else (b, a))
    return pairs


def _candidate_pairs(mentions: list[Told], index: dict[str, list[int]]) -> set[tuple[int, int]]:
    """Pairs worth testing: sharing one of ``_keys``."""
    pairs = set()
    for members in index.values():
        for x, i in enumerate(members):
            article = mentions[i].article.id
            for j in members[x + 1:]:
                if mentions[j].article.id != article:
                    pairs.add((i, j))
    return pairs


def match_events(mentions: list[Told]) -> list[EventGroup]:
    """The story's happenings: mentions with a time grouped by average link, then the timeless placed."""
    timed = [m for m in mentions if m.time is not None and m.status != "not"]
    timeless = [m for m in mentions if m.time is None and m.status != "not"]
    ids = [f"{i:06d}" for i in range(len(timed))]
    common = commonplace(timed + timeless)
    index = _index(timed, common)
    pairs = _candidate_pairs(timed, index) | _word_pairs(timed, common)
    votes = {(ids[i], ids[j]): 1.0 for i, j in sorted(pairs) if same_event(timed[i], timed[j], common)}
    by_id = dict(zip(ids, timed))

    def can_merge(a: list[str], b: list[str]) -> bool:
        return not any(_excludes(by_id[x], by_id[y]) for x in a for y in b)

    groups = [EventGroup([by_id[k] for k in members])
              for members in average_link(ids, votes, GROUPING, can_merge)]
    group_of = {id(m): g for g in groups for m in g.members}
    words = _word_postings(timed, common)
    unplaced: list[Told] = []
    for m in timeless:
        near = {i for k in _keys(m, common) for i in index.get(k, ())}
        near |= _near_by_words(m, words, common)
        fits = list({id(group_of[id(timed[i])]): group_of[id(timed[i])] for i in sorted(near)
                     if same_event(m, timed[i], common)}.values())
        if not fits:
            unplaced.append(m)
            continue
        fits.sort(key=lambda g: (g.start() or date.max, min(x.key for x in g.members)))
        target = fits[-1] if m.mention is not None and m.mention.repeated else fits[0]
        target.members.append(m)
    return groups + _timeless_groups(unplaced, common)


def _word_postings(mentions: list[Told], common: Commonplace) -> dict[str, list[int]]:
    """Word -> the mentions whose sentence has it (read once per sentence: it holds several)."""
    sentences: dict[tuple[str, int], list[int]] = {}
    for i, m in enumerate(mentions):
        sentences.setdefault((m.article.id, m.sentence[0]), []).append(i)
    postings: dict[str, list[int]] = {}
    for members in sentences.values():
        for t in mentions[members[0]].sentence_terms - common.terms:
            postings.setdefault(t, []).extend(members)
    return {t: members for t, members in postings.items() if len(members) <= WORD_POSTING}


def _near_by_words(m: Told, postings: dict[str, list[int]], common: Commonplace) -> set[int]:
    counts = Counter(i for t in m.sentence_terms - common.terms for i in postings.get(t, ()))
    return {i for i, n in counts.items() if n >= NEAR_COPY_TERMS}


def _timeless_groups(mentions: list[Told], common: Commonplace) -> list[EventGroup]:
    """Mentions with no time that fit no timed happening: near copies of each other are one
    (an undated fact several outlets retell), every other one stands alone."""
    ids = [f"{i:06d}" for i in range(len(mentions))]
    votes = {(ids[i], ids[j]): 1.0 for i, j in sorted(_word_pairs(mentions, common))
             if same_event(mentions[i], mentions[j], common)}
    return [EventGroup([mentions[int(k)] for k in members]) for members in average_link(ids, votes, GROUPING)]


def most_common_date(members: list[Told]) -> DateExpression | None:
    """The date most of the group's own-dated mentions give, the finest first on a tie."""
    dated = [m.date for m in members if m.own_date and m.date and m.date.resolved] or \
            [m.date for m in members if m.date and m.date.resolved]
    if not dated:
        return None
    counts = Counter((d.resolved, d.precision) for d in dated)
    rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5}
    (resolved, precision), _ = min(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0][1] or "", 9), kv[0][0]))
    return next(d for d in dated if (d.resolved, d.precision) == (resolved, precision))
