"""What the story page shows, gathered from the store into plain view objects.

The same story view feeds the web page and the static report; only how links are written differs.
Everything here renders what the records hold: an empty list is a normal state, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Analysis, Article, Evidence, Event, Quote, Story, normalise_text
from ...store.sqlite import Store
from ...store import reads
from .article_view import article_date, copy_label, source_name
from .highlight import excerpt
from .outlets_view import FactMatrix, HowTold, build_how_told
from .timeline_svg import timeline_svg

UNATTRIBUTED = "Unattributed"
QUOTATION_KINDS = ("direct", "partial")  # the speaker's own words; the other kinds are the writer's


@dataclass
class EvidenceView:
    article_id: str
    start: int
    end: int
    outlet: str | None
    title: str | None
    before: str
    span: str
    after: str
    date: str | None = None


@dataclass
class SummaryPart:
    """A run of an event's summary; ``note`` set where the words are loaded (the neutral word beside them)."""

    text: str
    note: Any = None


@dataclass
class EventView:
    event: Event
    evidence: list[EvidenceView]
    parts: list[SummaryPart] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"event-{self.event.id}" if self.event.id else ""

    @property
    def summary_is_evidence(self) -> bool:
        """True when the summary only repeats the evidence's words (then the page cites, not quotes, them)."""
        summary = _comparable(self.event.summary.rstrip("…. "))
        spans = [_comparable(e.span) for e in self.evidence if e.span]
        return bool(summary and spans) and all(summary in span for span in spans)


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class QuoteSource:
    """One article that carries a quote, and where in it."""

    article_id: str
    start: int
    end: int
    outlet: str | None
    date: str | None


@dataclass
class QuoteView:
    """A quote as the story shows it once, with every article that carries the same words."""

    quote: Quote
    sources: list[QuoteSource] = field(default_factory=list)


@dataclass
class SpeakerGroup:
    name: str
    entity_id: str | None
    by_words: dict[str, QuoteView] = field(default_factory=dict)

    @property
    def quotes(self) -> list[QuoteView]:
        """Their own words (direct, partial) first, then what is reported of them, each in story order."""
        views = list(self.by_words.values())
        return [v for v in views if v.quote.kind in QUOTATION_KINDS] + \
               [v for v in views if v.quote.kind not in QUOTATION_KINDS]

    @property
    def outlets(self) -> list[str]:
        return sorted({s.outlet for q in self.quotes for s in q.sources if s.outlet})

    def add(self, quote: Quote, source: QuoteSource) -> None:
        view = self.by_words.setdefault(_comparable(quote.text), QuoteView(quote))
        view.sources.append(source)


@dataclass
class ClaimSource:
    """Where one outlet states a value: its first article saying so, and how many articles do."""

    outlet: str | None
    article_id: str
    start: int
    end: int
    text: str
    articles: int = 1


@dataclass
class ClaimValue:
    value: float | list[float]
    unit: str | None
    qualifiers: list[str] = field(default_factory=list)
    by_outlet: dict[str | None, ClaimSource] = field(default_factory=dict)

    @property
    def sources(self) -> list[ClaimSource]:
        return list(self.by_outlet.values())


@dataclass
class ClaimGroup:
    """Every number the story's articles give for one subject, so differing figures stand side by side."""

    subject: str | None
    values: list[ClaimValue]

    @property
    def differs(self) -> bool:
        """True when outlets give different values for the same subject and unit."""
        by_unit: dict[str | None, set[str]] = {}
        for v in self.values:
            by_unit.setdefault(v.unit, set()).add(repr(v.value))
        return self.subject is not None and any(len(vals) > 1 for vals in by_unit.values())


@dataclass
class OutletView:
    name: str
    articles: list[Article]


@dataclass
class CopyView:
    article_id: str
    copy_of: str
    similarity: float
    kind: str
    article_label: str
    original_label: str


@dataclass
class StoryView:
    story: Story
    articles: list[Article]
    analyses: dict[str, Analysis]
    timeline: list[EventView]
    speakers: list[SpeakerGroup]
    claims: list[ClaimGroup]
    outlets: list[OutletView]
    copies: list[CopyView]
    entities: list[dict[str, Any]]
    original: Article | None
    how_told: HowTold = field(default_factory=lambda: HowTold([], FactMatrix([], []), []))
    background: list[EventView] = field(default_factory=list)
    expected: list[EventView] = field(default_factory=list)
    undated_events: list[EventView] = field(default_factory=list)
    timeline_svg: str = ""

    SPEAKERS_SHOWN = 2
    ENTITIES_SHOWN = 10

    @property
    def speakers_head(self) -> list[SpeakerGroup]:
        return self.speakers[:self.SPEAKERS_SHOWN]

    @property
    def speakers_rest(self) -> list[SpeakerGroup]:
        return self.speakers[self.SPEAKERS_SHOWN:]

    @property
    def outlet_count(self) -> int:
        return len({a.outlet or f"unknown:{a.id}" for a in self.articles})  # as the store counts


def build_story_view(store: Store, story: Story) -> StoryView:
    by_id = reads.load_articles(store, story.article_ids)
    articles = sorted(by_id.values(), key=lambda a: (article_date(a) or "9999", a.id))
    analyses = reads.load_analyses(store, list(by_id))
    local_ids = [q.speaker_entity_id for an in analyses.values() for q in an.quotes if q.speaker_entity_id]
    to_corpus = reads.corpus_entity_ids(store, local_ids)
    corpus_names = {r["id"]: r["name"] for r in reads.entity_rows(store, list(to_corpus.values())).values()}
    timeline = [_event_view(e, by_id) for e in sorted(story.timeline, key=lambda e: e.date or "")]
    return StoryView(
        story=story,
        articles=articles,
        analyses=analyses,
        timeline=timeline,
        background=[_event_view(e, by_id) for e in sorted(story.background, key=lambda e: e.date or "")],
        expected=[_event_view(e, by_id) for e in sorted(story.expected, key=lambda e: e.date or "")],
        undated_events=[_event_view(e, by_id) for e in story.events],
        timeline_svg=timeline_svg([v.event for v in timeline], anchor=lambda e: f"#event-{e.id}" if e.id else ""),
        speakers=_speaker_groups(articles, analyses, to_corpus, corpus_names),
        claims=_claim_groups(articles, analyses),
        how_told=build_how_told(story),
        outlets=_outlet_views(articles),
        copies=_copy_views(story, by_id),
        entities=_story_entities(store, story, [a.id for a in articles]),
        original=by_id.get(story.original_article_id or ""),
    )


def _event_view(event: Event, articles: dict[str, Article]) -> EventView:
    return EventView(event, [_evidence_view(ev, articles) for ev in event.evidence],
                     summary_parts(event, articles.get(event.summary_evidence.article_id)
                                   if event.summary_evidence else None))


def summary_parts(event: Event, article: Article | None) -> list[SummaryPart]:
    """The summary split at its loaded words, each such run carrying its note (the plainer word).

    Notes hold offsets into the article the summary was cut from, so they are placed through
    ``summary_evidence``; a summary that is not that article's substring is shown whole, unmarked.
    """
    summary, source = event.summary, event.summary_evidence
    if not event.notes or article is None or source is None:
        return [SummaryPart(summary)]
    span = article.text[source.start:source.end]
    offset = summary.find(span) if span else -1
    if offset < 0:
        return [SummaryPart(summary)]
    parts, cursor = [], 0
    for note in sorted(event.notes, key=lambda n: n.start):
        start, end = offset + note.start - source.start, offset + note.end - source.start
        if start < cursor or end > len(summary) or summary[start:end] != note.text:
            continue
        if start > cursor:
            parts.append(SummaryPart(summary[cursor:start]))
        parts.append(SummaryPart(summary[start:end], note))
        cursor = end
    if cursor < len(summary):
        parts.append(SummaryPart(summary[cursor:]))
    return parts


def _evidence_view(ev: Evidence, articles: dict[str, Article]) -> EvidenceView:
    article = articles.get(ev.article_id)
    if article is None:
        return EvidenceView(ev.article_id, ev.start, ev.end, None, None, "", "", "", None)
    before, span, after = excerpt(article.text, ev.start, ev.end)
    return EvidenceView(ev.article_id, ev.start, ev.end, source_name(article), article.title,
                        before, span, after, article_date(article))


def _speaker_groups(
    articles: list[Article],
    analyses: dict[str, Analysis],
    to_corpus: dict[str, str],
    corpus_names: dict[str, str],
) -> list[SpeakerGroup]:
    """Quotes from every article of the story, one group per speaker (corpus entity when linked).

    The same words carried by several articles (a reprint, a wire quote) are shown once, with each source.
    """
    groups: dict[str, SpeakerGroup] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        for q in analysis.quotes if analysis else []:
            entity_id = to_corpus.get(q.speaker_entity_id or "")
            if entity_id:
                key, name = f"e:{entity_id}", corpus_names.get(entity_id, q.speaker or entity_id)
            elif q.speaker:
                key, name = f"n:{q.speaker.casefold()}", q.speaker
            else:
                key, name = "", UNATTRIBUTED
            group = groups.setdefault(key, SpeakerGroup(name, entity_id))
            group.add(q, QuoteSource(article.id, q.start, q.end, source_name(article), article_date(article)))
    return sorted(groups.values(), key=lambda g: (g.name == UNATTRIBUTED, -len(g.by_words), g.name))


def _claim_groups(articles: list[Article], analyses: dict[str, Analysis]) -> list[ClaimGroup]:
    """Claims grouped by subject, then by (value, unit), then by outlet (one link per outlet)."""
    groups: dict[str, dict[tuple[str, str | None], ClaimValue]] = {}
    subjects: dict[str, str | None] = {}
    for a in articles:
        for c in analyses[a.id].claims if a.id in analyses else []:
            key = normalise_text(c.subject) if c.subject else ""
            subjects.setdefault(key, c.subject)
            value = groups.setdefault(key, {}).setdefault(
                (repr(c.value), c.unit), ClaimValue(c.value, c.unit)
            )
            if c.qualifier and c.qualifier not in value.qualifiers:
                value.qualifiers.append(c.qualifier)
            name = source_name(a)
            source = value.by_outlet.get(name)
            if source:
                source.articles += 1
            else:
                value.by_outlet[name] = ClaimSource(name, a.id, c.start, c.end, c.text)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", kv[0]))
    return [ClaimGroup(subjects[key], list(values.values())) for key, values in ordered]


def _outlet_views(articles: list[Article]) -> list[OutletView]:
    outlets: dict[str, list[Article]] = {}
    for a in articles:
        outlets.setdefault(a.outlet or "Unknown outlet", []).append(a)
    return [OutletView(name, arts) for name, arts in sorted(outlets.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def _copy_views(story: Story, articles: dict[str, Article]) -> list[CopyView]:
    return [
        CopyView(c.article_id, c.copy_of, c.similarity, c.kind,
                 copy_label(articles.get(c.article_id), c.article_id, articles.get(c.copy_of)),
                 copy_label(articles.get(c.copy_of), c.copy_of, articles.get(c.article_id)))
        for c in story.copies
    ]


def _story_entities(store: Store, story: Story, article_ids: list[str]) -> list[dict[str, Any]]:
    """The story's entities: those the story names first, then the rest its articles mention."""
    mentioned = {r["id"]: dict(r) for r in reads.entities_in_articles(store, article_ids)}
    named = reads.entity_rows(store, story.entity_ids)
    ordered = [mentioned.get(i) or {**dict(named[i]), "articles": None} for i in story.entity_ids if i in named]
    seen = {e["id"] for e in ordered}
    rows = ordered + [e for i, e in mentioned.items() if i not in seen]
    return sorted(rows, key=lambda e: -(e.get("articles") or 0))  # stable: most often named first
