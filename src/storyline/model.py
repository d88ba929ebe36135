"""The records that flow through storyline: one data model, one module.

ingest yields ``RawDocument``; extract turns one into an ``Article``; analyze turns an Article into
an ``Analysis``; link turns many of them into ``Story`` records. Every fact carries offsets
``(start, end)`` into ``Article.text`` (and its ``article_id`` where it can leave its article), so
``article.text[start:end]`` is always the exact words the fact came from.

Field names that appear in the export data contract (see README, "Data contract") are fixed.
Records are plain dataclasses; ``to_dict``/``from_dict`` and the JSON Schema go through pydantic.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, TypeVar

Precision = Literal["day", "week", "month", "season", "year", "decade", "time", "quarter"]
# direct/partial: in quotation marks; indirect: reported speech or stance without them ("X said the
# plan would fail", "X attacked the plan"); according-to: "according to X"; belief: what X believes,
# fears, hopes, expects or intends
QuoteKind = Literal["direct", "partial", "indirect", "according-to", "belief"]
# who an attribution's source is: a named entity, a person or group the article leaves unnamed on
# purpose ("two people briefed on the talks"), a group ("Democrats", "officials"), a role without a
# name ("a spokeswoman"), a document or body that speaks ("the poll", "the report"), a pronoun
# the text does not resolve
SourceType = Literal["named", "anonymous", "group", "role", "document", "pronoun"]
Polarity = Literal["negative", "neutral", "positive"]
CopyKind = Literal["identical", "reprint", "rewrite"]
Tense = Literal["past", "present", "future"]
# how a clause presents its happening: as fact, as a plan or prediction, as someone's wish, as not
# happening, or under a condition ("if ..."); only asserted ones are things that happened
Modality = Literal["asserted", "planned", "wished", "negated", "conditional"]
EventKind = Literal["action", "statement", "state"]


# --------------------------------------------------------------------------- ingest


@dataclass
class RawDocument:
    """One input document before extraction: its content plus whatever the container told us.

    ``source`` names where it came from (a path, ``path:line`` for JSONL, ``path#record`` for
    WARC/feeds, or a URL) so every error and every article can point back at its input.
    """

    source: str
    content: str
    format: Literal["html", "text"]
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given by the container (JSONL field, feed entry)
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    external_id: str | None = None


@dataclass
class IngestError:
    """An input (or one line/record of it) that could not be read; the batch goes on without it."""

    source: str
    reason: str
    skipped: bool = False  # readable, but not an article (e.g. a JSON data file): not a failure


# --------------------------------------------------------------------------- extract


@dataclass
class Removed:
    """A block cut from the raw text, and why (``share_widget``, ``related_links``, ``caption``...)."""

    text: str
    reason: str


@dataclass
class Embed:
    """An embedded post (tweet, Instagram...) kept out of the body prose but not thrown away."""

    text: str
    kind: str = "social_post"
    author: str | None = None
    handle: str | None = None
    date: str | None = None  # YYYY-MM-DD when the embed states it
    url: str | None = None


@dataclass
class InferredDate:
    """A publication date not stated by the page but worked out, with how precise and why."""

    date: str  # YYYY-MM-DD (or YYYY-MM / YYYY for coarse precision)
    precision: Precision
    basis: str
    earliest: str | None = None  # the range the evidence allows, when it is a range
    latest: str | None = None


@dataclass
class Article:
    """A clean article: the body text every offset points into, plus its metadata."""

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, only when the input states it
    published_inferred: InferredDate | None = None
    removed: list[Removed] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    # provenance of metadata: a republished copy keeps both the host site and the original outlet
    host: str | None = None  # the site the copy was found on (domain or aggregator name)
    original_outlet: str | None = None
    outlet_confidence: float | None = None
    outlet_basis: str | None = None
    language: str | None = None
    # optional fields that could not be read, each with why ("published: not read (OverflowError: ...)");
    # the article is kept without them
    warnings: list[str] = field(default_factory=list)

    @property
    def anchor_date(self) -> str | None:
        """The date relative expressions are resolved against: stated, else inferred (day precision)."""
        if self.published:
            return self.published
        if self.published_inferred and self.published_inferred.precision == "day":
            return self.published_inferred.date
        return None

    def display_title(self, words: int = 14) -> str:
        """The title, else the opening words of the text (a scrape without a headline), else the source."""
        if self.title:
            return self.title
        opening = (self.text or "").split()
        if opening:
            return " ".join(opening[:words]) + ("…" if len(opening) > words else "")
        return self.source


# --------------------------------------------------------------------------- analyze


@dataclass
class Span:
    start: int
    end: int


@dataclass
class Mention:
    entity_id: str
    text: str
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, ROLE (a role noun resolved to a person)...


@dataclass
class Entity:
    """One person/organisation/place/group; article-level in Analysis, corpus-level after linking."""

    id: str
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)  # other names the text uses
    roles: list[str] = field(default_factory=list)  # role nouns used for it ("the transit chief")


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # the speaker's name as resolved (an entity name, or "anonymous source")
    speaker_entity_id: str | None = None
    speaker_start: int | None = None  # where the speaker is named for this quote (name, pronoun, role)
    speaker_end: int | None = None
    cue: str | None = None  # the speech verb or phrase ("said", "told reporters", "according to")
    cue_start: int | None = None  # where the cue is (None where the speaker was carried over)
    cue_end: int | None = None
    source_type: SourceType | None = None  # what kind of source speaks (None: no speaker found)


@dataclass
class Claim:
    text: str
    start: int
    end: int
    value: float | list[float]
    unit: str | None = None  # "percent", "USD", "days", ... or None for a plain count
    qualifier: str | None = None  # exact, approximately, at least, at most, change, range
    subject: str | None = None  # the noun phrase counted
    kind: str | None = None  # count, money, percent, measure, score (what the reader and the matrix filter on)
    subject_head: str | None = None  # lemma of the subject's head noun, for matching across articles
    direction: str | None = None  # a change's direction: "up", "down", or None
    date: str | None = None  # the date the figure refers to: stated in its sentence, else the article's day
    source: str | None = None  # who the sentence attributes the figure to ("the fire brigade")
    source_start: int | None = None
    source_end: int | None = None


@dataclass
class DateExpression:
    text: str
    start: int
    end: int
    resolved: str | None  # YYYY-MM-DD, YYYY-MM, YYYY, or "YYYY-MM-DD/YYYY-MM-DD" for a week/range
    precision: Precision | None
    relative: bool = False  # depends on the anchor date (re-resolved when the anchor changes)
    anchor: str | None = None  # the date it was resolved against
    cue: str | None = None  # the word(s) that set its direction in time ("will", "met", "later", "dateline")
    direction: Literal["past", "future"] | None = None  # the direction they set, kept for re-resolving


@dataclass
class LoadedTerm:
    text: str
    start: int
    end: int
    neutral: str
    leaning: str  # which side the wording comes from: "left" | "right" | "sensational"


@dataclass
class ToneEvidence:
    start: int
    end: int


@dataclass
class ToneSentence:
    """One sentence's tone toward one person, from the trained classifier, with what decided it.

    ``start``/``end`` is the sentence, ``mention_start``/``mention_end`` the person's first mention
    in it; ``evidence`` the words whose weights decided the rating. ``confidence`` is the model's
    probability of its answer; a lean below the threshold is rated "neutral" with ``uncertain``.
    ``holder`` is whose tone it is: None for the outlet's own words, else the speaker of the
    quotation the deciding words (or the mention) sit in ("X said of Y").
    """

    start: int
    end: int
    mention_start: int
    mention_end: int
    polarity: Polarity
    confidence: float
    uncertain: bool = False
    evidence: list[ToneEvidence] = field(default_factory=list)
    holder: str | None = None
    holder_entity_id: str | None = None


@dataclass
class Tone:
    """How the outlet's own sentences treat one person (quoted speakers' tone kept apart in
    ``sentences`` with their ``holder``); ``evidence`` the sentences behind the rating."""

    entity_id: str
    polarity: Polarity
    evidence: list[ToneEvidence] = field(default_factory=list)
    sentences: list[ToneSentence] = field(default_factory=list)
    confidence: float | None = None
    uncertain: bool = False


@dataclass
class EventMention:
    """One clause of one article that tells of something happening: what, who, when, where.

    ``start``/``end`` is the clause (the predicate's part of its sentence). The time is the date
    expression that modifies the predicate in the parse, kept by its offsets so linking reads it
    from ``Analysis.dates`` as (re-)resolved; participants and places are article-level entity ids.
    """

    start: int
    end: int
    predicate: str  # lemma of the verb or event noun heading the clause ("meet", "resignation")
    predicate_start: int
    predicate_end: int
    sentence_start: int
    sentence_end: int
    kind: EventKind = "action"
    also: list[str] = field(default_factory=list)  # event nouns the clause names ("talks" in "held talks")
    participants: list[str] = field(default_factory=list)  # entity ids, the subject's first
    places: list[str] = field(default_factory=list)
    agent: str | None = None  # the participant that does it (the active subject, a passive's "by" agent)
    date_start: int | None = None
    date_end: int | None = None
    date_inherited: bool = False  # the date is the governing clause's ("met in May and agreed to ...")
    tense: Tense | None = None
    modality: Modality = "asserted"
    cue: str | None = None  # the word that set the modality ("will", "wants", "if", "not")
    repeated: bool = False  # the clause says it happened again ("again", "second", "another")


@dataclass
class Analysis:
    """Everything analyze found in one article; all offsets point into that article's text."""

    article_id: str
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    loaded_terms: list[LoadedTerm] = field(default_factory=list)
    tone: list[Tone] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    model: str | None = None  # the spaCy pipeline that produced it
    warnings: list[str] = field(default_factory=list)  # components that failed ("claims: not read (...)")


# --------------------------------------------------------------------------- link


@dataclass
class Evidence:
    article_id: str
    start: int
    end: int


@dataclass
class Copy:
    article_id: str
    copy_of: str
    similarity: float
    kind: CopyKind = "reprint"


@dataclass
class WordNote:
    """A loaded word in words storyline shows (a summary, a title), with the plainer word to read
    beside it, never in its place."""

    start: int  # offsets into the annotated text: the article of ``Event.summary_evidence``, or the title
    end: int
    text: str
    neutral: str
    leaning: str


@dataclass
class Event:
    """One happening of a story, told by one or more articles.

    ``summary`` is a source's own words: ``summary_evidence`` is the span of that article it shows,
    cut at either end ("…" marks a cut), never reworded. ``evidence`` holds every article's passage
    telling it (one per article); ``status`` says whether it happened, is expected, or is background.
    """

    date: str | None  # YYYY-MM-DD, YYYY-MM, YYYY or a "start/end" week; None only in ``Story.events``
    precision: Precision | None
    summary: str
    evidence: list[Evidence] = field(default_factory=list)
    id: str | None = None
    date_label: str | None = None  # the date as a reader says it: "December 2024", "week of 5 January 2026"
    summary_evidence: Evidence | None = None
    notes: list[WordNote] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # the outlets telling it (copies count with their source)
    predicate: str | None = None
    participants: list[str] = field(default_factory=list)  # corpus entity names
    status: Literal["happened", "expected", "background"] = "happened"
    generated: bool = False  # True only for wording storyline wrote itself


@dataclass
class Story:
    id: str
    title: str  # an article's headline as printed (shortened only by cutting)
    article_ids: list[str] = field(default_factory=list)
    copies: list[Copy] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    background: list[Event] = field(default_factory=list)  # dated long before the story's reporting
    expected: list[Event] = field(default_factory=list)  # planned, predicted or wished, not (yet) happened
    events: list[Event] = field(default_factory=list)  # undated happenings two or more outlets tell
    outlets: list[dict[str, Any]] = field(default_factory=list)  # per-outlet comparison (link/compare.py)
    facts: list[dict[str, Any]] = field(default_factory=list)  # fact x outlet matrix rows
    number_conflicts: list[dict[str, Any]] = field(default_factory=list)  # differing figures, or updates
    entity_ids: list[str] = field(default_factory=list)
    original_article_id: str | None = None
    independent_sources: int | None = None
    first_date: str | None = None
    last_date: str | None = None
    title_article_id: str | None = None  # whose headline the title is
    title_notes: list[WordNote] = field(default_factory=list)  # loaded words in the title


# --------------------------------------------------------------------------- helpers


def content_hash(raw: RawDocument) -> str:
    """Fingerprint of an input as read, to skip all work when the same input comes again."""
    return hashlib.sha1(raw.content.encode("utf-8", "surrogatepass")).hexdigest()

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form an article's identity is computed from: NFKC, casefolded, whitespace collapsed."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id_for(text: str, url: str | None = None) -> str:
    """Stable identity: the same text (and URL, when known) always gets the same id."""
    h = hashlib.sha256(normalise_text(text).encode("utf-8"))
    if url:
        h.update(b"\x00" + url.strip().encode("utf-8"))
    return h.hexdigest()[:16]


T = TypeVar("T")


@lru_cache(maxsize=None)
def _adapter(cls: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(cls)


def to_dict(record: Any) -> dict[str, Any]:
    """Plain dicts and lists all the way down, as ``dataclasses.asdict`` gives them, built by
    pydantic's compiled serializer (several times faster than asdict on a story or an analysis)."""
    return _adapter(type(record)).dump_python(record, warnings=False)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record (and its nested records) from ``to_dict`` output or stored JSON."""
    return _adapter(cls).validate_python(data)


def from_json(cls: type[T], data: str | bytes) -> T:
    """Rebuild a record straight from its stored JSON (faster than json.loads + from_dict)."""
    return _adapter(cls).validate_json(data)


def json_schema(cls: type) -> dict[str, Any]:
    return _adapter(cls).json_schema()
