"""link: corpus-wide linking of analysed articles into stories.

``link_features(article, analysis)`` computes what linking needs per article (kept by the store).
``StoryLinker`` holds the incremental indexes (MinHash LSH for copies, an inverted term index for
story candidates); ``result(articles, analyses)`` decides copies, stories, corpus entities, inferred
dates and timelines from the whole set of features, so the outcome does not depend on batch order.

    linker = StoryLinker()
    for article, analysis in pairs:
        linker.add(article, analysis)
    result = linker.result(articles, analyses)
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ..model import Analysis, Article, Copy, Entity, InferredDate, Story, WordNote, from_dict
from .compare import article_outlets, compare_story
from .aliases import entity_id_for, merge_corpus_entities, story_entities
from .duplicates import DuplicateIndex, copy_groups, copy_kind, jaccard, lineage
from .features import LinkFeatures, link_features
from .stories import StoryIndex, StorySettings, attach_orphans, average_link
from .story_split import tied_groups
from .timeline import story_timeline
from .undated import infer_date, not_before_original, reresolve, working_anchor

TITLE_WORDS = 14
COPY_SCORE = 1.0


@dataclass
class LinkResult:
    stories: list[Story] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    entity_map: dict[str, str] = field(default_factory=dict)  # article-level entity id -> corpus entity id
    inferred_dates: dict[str, InferredDate] = field(default_factory=dict)  # article id -> date linking inferred
    # every article stating no date -> the inferred date it should carry now: linking's, else extraction's
    # (None clears a date an earlier run inferred)
    published_inferred: dict[str, InferredDate | None] = field(default_factory=dict)
    analyses: list[Analysis] = field(default_factory=list)  # undated articles' analyses, relative dates re-resolved


def _by_id(records, key: str) -> Mapping:
    """Records by id; a Mapping is used as given, so one that reads lazily (relink) stays lazy."""
    if records is None:
        return {}
    if isinstance(records, Mapping):
        return records
    return {getattr(r, key): r for r in records}


class StoryLinker:
    """The incremental linking index over every article added so far."""

    def __init__(self, settings: StorySettings | None = None):
        self.settings = settings or StorySettings()
        self.features: dict[str, LinkFeatures] = {}
        self._duplicates = DuplicateIndex()
        self._stories = StoryIndex(self.settings)

    @classmethod
    def from_features(cls, features: Iterable[LinkFeatures | dict], settings: StorySettings | None = None) -> StoryLinker:
        """Rebuild the index from stored features (``LinkFeatures`` or their dicts)."""
        linker = cls(settings)
        for f in features:
            linker.add_features(f if isinstance(f, LinkFeatures) else from_dict(LinkFeatures, f))
        return linker

    def add(self, article: Article, analysis: Analysis | None = None, features: LinkFeatures | None = None) -> LinkFeatures:
        features = features or link_features(article, analysis)
        self.add_features(features)
        return features

    def add_features(self, features: LinkFeatures) -> None:
        if features.article_id in self.features:
            return
        self.features[features.article_id] = features
        self._duplicates.add(features)
        self._stories.add(features)

    def __len__(self) -> int:
        return len(self.features)

    # ------------------------------------------------------------------ decisions

    def link_new(self, article_id: str) -> dict[str, float]:
        """Scored story-mates of one added article: LSH copies (score 1) and index candidates.

        This is the per-article work of incremental linking; it touches only what the LSH and the
        inverted index return, so its cost stays flat as the corpus grows.
        """
        features = self.features[article_id]
        found = self._stories.neighbours(article_id)
        for other in self._duplicates.near(features):
            if copy_kind(features, self.features[other]):
                found[other] = COPY_SCORE
        return found

    def copy_pairs(self) -> dict[tuple[str, str], tuple[float, str]]:
        """Every identical / reprint pair the LSH index finds, classified."""
        pairs: dict[tuple[str, str], tuple[float, str]] = {}
        for a in sorted(self.features):
            for b in self._duplicates.near(self.features[a]):
                key = (a, b) if a < b else (b, a)
                if key in pairs:
                    continue
                fa, fb = self.features[key[0]], self.features[key[1]]
                sim = jaccard(fa, fb)
                kind = copy_kind(fa, fb, sim)
                if kind:
                    pairs[key] = (sim, kind)
        return pairs

    def story_copy_pairs(self, scores: dict[tuple[str, str], float]) -> dict[tuple[str, str], tuple[float, str]]:
        """Copies among likely story-mates that LSH misses: rewrites and shortened reprints."""
        pairs = {}
        for (a, b), score in scores.items():
            if score < self.settings.threshold:
                continue
            fa, fb = self.features[a], self.features[b]
            sim = jaccard(fa, fb)
            kind = copy_kind(fa, fb, sim)
            if kind:
                pairs[(a, b)] = (sim, kind)
        return pairs

    def result(self, articles: Iterable[Article] | Mapping[str, Article] | None = None,
               analyses: Iterable[Analysis] | Mapping[str, Analysis] | None = None) -> LinkResult:
        """Stories, corpus entities and inferred dates for everything added (pure in the features)."""
        articles_by_id = _by_id(articles, "id")
        analyses_by_id = _by_id(analyses, "article_id")
        copies = self.copy_pairs()
        forced = {k: COPY_SCORE for k in copies}
        scores = self._stories.scored_pairs(forced)
        copies.update({k: v for k, v in self.story_copy_pairs(scores).items() if k not in copies})
        forced.update({k: COPY_SCORE for k in copies})
        scores.update(forced)
        clusters = attach_orphans(average_link(sorted(self.features), scores, self.settings.threshold),
                                  scores, self.settings.threshold)
        story_of = {a: i for i, members in enumerate(clusters) for a in members}
        totals: Counter = Counter()
        for (a, b), s in scores.items():
            if story_of[a] == story_of[b]:
                totals[a] += s
                totals[b] += s
        copies_of: dict[int, dict] = {}
        for (a, b), value in copies.items():
            if story_of[a] == story_of[b]:
                copies_of.setdefault(story_of[a], {})[(a, b)] = value
        result = LinkResult()
        groups_all = []
        days = {a: _day_value(self.features[a].published or "") for a in self.features}
        for i, members in enumerate(clusters):
            built = self._story(members, copies_of.get(i, {}), scores, totals, articles_by_id, analyses_by_id)
            parts = tied_groups(built[0], scores, days) if len(members) > 1 else [members]
            if len(parts) > 1:  # one kind of news, several events: a story each
                story_copies = copies_of.get(i, {})
                builds = [self._story(part, {k: v for k, v in story_copies.items() if k[0] in part and k[1] in part},
                                      scores, totals, articles_by_id, analyses_by_id) for part in parts]
            else:
                builds = [built]
            for story, inferred, dates_of, reresolved, groups, where in builds:
                result.stories.append(story)
                result.inferred_dates.update(inferred)
                result.published_inferred.update(dates_of)
                result.analyses.extend(reresolved)
                groups_all.append((story, groups, where))
        corpus = merge_corpus_entities([g for _, groups, _ in groups_all for g in groups])
        for story, groups, where in groups_all:
            ids = set()
            for (_, entity_id), group in where.items():
                cid = entity_id_for(group.label, group.canonical)
                result.entity_map[entity_id] = cid
                ids.add(cid)
            story.entity_ids = sorted(ids)
        result.entities = sorted(corpus.values(), key=lambda e: e.id)
        result.stories.sort(key=lambda s: (s.first_date or "9999", s.id))
        return result

    def _story(self, members, story_copies, scores, totals, articles_by_id, analyses_by_id):
        """One Story from its members: lineage, inferred dates, entities, timeline, title."""
        feats = {a: self.features[a] for a in members}
        copy_list: list[Copy] = []
        for group in copy_groups(story_copies):
            copy_list.extend(lineage(group, feats, story_copies)[1])
        copy_ids = {c.article_id for c in copy_list}
        known = [articles_by_id[a] for a in members if a in articles_by_id]
        originals_of = {c.article_id: c.copy_of for c in copy_list}
        inferred, analyses, reresolved = self._date_undated(known, scores, analyses_by_id, originals_of)
        dates_of = {a.id: inferred.get(a.id, self._ingest_inferred(a)) for a in known if not a.published}
        dated = [replace(a, published_inferred=dates_of[a.id]) if a.id in dates_of else a for a in known]
        groups, where = story_entities(dated, analyses)
        days = sorted(d for d in (_day_of(self.features[a], inferred.get(a)) for a in members) if d)
        originals = [a for a in members if a not in copy_ids]
        central = self._central(members, totals)
        title, title_source = titled_by(self.features[central], [self.features[a] for a in members])
        layout = story_timeline(
            dated, analyses, {key: group.canonical for key, group in where.items()},
            outlets=article_outlets(dated, copy_list), copies=frozenset(copy_ids),
            story_start=_day_value(days[0]) if days else None,
        )
        story = Story(
            id=_story_id(members, self.features),
            title=title,
            title_article_id=title_source,
            title_notes=title_notes(title, analyses.values()),
            article_ids=sorted(members, key=lambda a: (_day_of(self.features[a], inferred.get(a)) or "9999", a)),
            copies=sorted(copy_list, key=lambda c: (c.copy_of, c.article_id)),
            timeline=layout.timeline,
            background=layout.background,
            expected=layout.expected,
            events=layout.undated,
            original_article_id=min(originals, key=lambda a: (_day_of(self.features[a], inferred.get(a)) or "9999", a)),
            independent_sources=len({self.features[a].original_outlet or self.features[a].outlet or a for a in originals}),
            first_date=days[0] if days else None,
            last_date=days[-1] if days else None,
        )
        comparison = compare_story(story, dated, analyses, story.copies,
                                   {key: group.canonical for key, group in where.items()})
        story.outlets = comparison["outlets"]
        story.facts = comparison["facts"]
        story.number_conflicts = comparison["number_conflicts"]
        return story, inferred, dates_of, reresolved, groups, where

    @staticmethod
    def _central(members: list[str], totals: Counter) -> str:
        """The article most similar to the rest of its story (ties: smallest id)."""
        return min(members, key=lambda a: (-round(totals[a], 9), a))

    def _date_undated(self, known: list[Article], scores, analyses_by_id, originals_of: dict[str, str]):
        """Infer dates for the story's undated articles and re-resolve their relative dates.

        Whether an article is dated, and what extraction inferred for it, is read from its features
        (taken at ingest, before linking), so a date inferred by an earlier run never anchors or
        survives a later one: the result is the same whatever the batches were. Returns the dates
        linking inferred, the story's analyses with those re-resolved, and the re-resolved ones
        (every undated article's, against its inferred day or, with none, against no anchor).
        """
        inferred: dict[str, InferredDate] = {}
        analyses = {a.id: analyses_by_id[a.id] for a in known if a.id in analyses_by_id}
        reresolved: list[Analysis] = []
        dated = [self.features[a.id] for a in known if self.features[a.id].published]
        story_day = _median_day(dated)
        for article in sorted(known, key=lambda a: a.id):
            features = self.features[article.id]
            if features.published:
                continue
            guess = None
            if dated:
                neighbour = _choose_neighbour(features, dated, scores)
                guess = infer_date(article, analyses.get(article.id), features, neighbour, story_day)
            if guess is not None and guess.precision != "day" and self._ingest_inferred(article) is not None:
                guess = None  # a coarse story guess does not replace what extraction inferred
            original = self._original_of(article.id, originals_of)
            if original is not None:
                own = guess or self._ingest_inferred(article)
                clamped = not_before_original(own, original, _day_value(self.features[original].published or ""))
                if clamped is not own:
                    guess = clamped
            if guess is not None:
                inferred[article.id] = guess
            if article.id in analyses:
                anchor = working_anchor(guess) if guess is not None else None
                analyses[article.id] = reresolve(article, analyses[article.id], anchor)
                reresolved.append(analyses[article.id])
        return inferred, analyses, reresolved

    def _original_of(self, article_id: str, originals_of: dict[str, str]) -> str | None:
        """The dated article a copy was (through any chain of copies) copied from."""
        seen, current = {article_id}, originals_of.get(article_id)
        while current is not None and current not in seen:
            if self.features.get(current) is not None and self.features[current].published:
                return current
            seen.add(current)
            current = originals_of.get(current)
        return None

    def _ingest_inferred(self, article: Article) -> InferredDate | None:
        """The inferred date an article had before any linking (from its features)."""
        features = self.features[article.id]
        if article.published:
            return article.published_inferred
        if features.ingest_inferred is None and features.published:
            return article.published_inferred  # features stored before they kept the extraction date
        return features.ingest_inferred


def _choose_neighbour(
    features: LinkFeatures, dated: list[LinkFeatures], scores: dict[tuple[str, str], float]
) -> LinkFeatures:
    """The dated story-mate an undated article is anchored on: the most similar one."""
    return min(dated, key=lambda o: (-scores.get(_pair(features.article_id, o.article_id), 0.0), o.article_id))


def _median_day(dated: list[LinkFeatures]) -> date | None:
    """The median publication day of a story's dated articles (the later one of an even pair)."""
    days = sorted(f.published[:10] for f in dated if f.published and len(f.published) >= 10)
    try:
        return date.fromisoformat(days[len(days) // 2]) if days else None
    except ValueError:
        return None


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _day_of(f: LinkFeatures, inferred: InferredDate | None) -> str | None:
    if f.published:
        return f.published
    if inferred is not None and inferred.precision == "day":
        return inferred.date
    return None


def _day_value(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _story_id(members: list[str], features: dict[str, LinkFeatures]) -> str:
    """Named after its earliest article, so a story keeps its id while newer articles join it."""
    first = min(members, key=lambda a: (features[a].published or "9999", a))
    return "story_" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:12]


_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{2,40}$")
_SHOUT_PREFIX = re.compile(r"^(?:[A-Z]{3,}[A-Z ]*|WATCH|BREAKING|EXCLUSIVE|UPDATE[D]?)\s*[:!|\-–—]\s*")


def story_title(central: LinkFeatures, members: list[LinkFeatures], analyses: Iterable[Analysis]) -> str:
    """A short title: the most central article's headline as printed, shortened only by cutting."""
    return titled_by(central, members)[0]


def titled_by(central: LinkFeatures, members: list[LinkFeatures]) -> tuple[str, str | None]:
    """The title and the article whose headline it is (None for a title made from key terms)."""
    candidates = [central] + sorted((m for m in members if m is not central), key=lambda m: m.article_id)
    for f in candidates:
        if f.title and f.title.strip():
            title = clean_title(f.title)
            if title:
                return title, f.article_id
    return keyterm_title(members), None


def title_notes(title: str, analyses: Iterable[Analysis]) -> list[WordNote]:
    """The loaded words a title prints, with the plainer word beside each (the title keeps its words)."""
    terms = {t.text.casefold(): t for an in analyses for t in an.loaded_terms}
    notes = []
    for text in sorted(terms, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", title, flags=re.I):
            if not any(n.start < m.end() and m.start() < n.end for n in notes):
                term = terms[text]
                notes.append(WordNote(m.start(), m.end(), m.group(0), term.neutral, term.leaning))
    return sorted(notes, key=lambda n: n.start)


def clean_title(title: str, neutral: dict[str, str] | None = None) -> str:
    """The headline without a shouted prefix ("BREAKING:"), a site's name after it, or "!"; cut, not reworded."""
    t = " ".join(title.split())
    t = _SHOUT_PREFIX.sub("", t)
    if len(t.split()) > 6:
        t = _TITLE_SUFFIX.sub("", t)
    t = re.sub(r"[!?]+$", "", t).replace("!", "")
    words = t.split()
    if len(words) > TITLE_WORDS:
        t = " ".join(words[:TITLE_WORDS]) + "…"
    return t.strip(" '\"“”‘’")


def keyterm_title(members: list[LinkFeatures]) -> str:
    """Without headlines: the names and terms most of the story's leads share."""
    names = Counter(n for m in members for n in m.names)
    terms = Counter(t for m in members for t in m.lead_terms)
    top_names = [n.title() for n, _ in sorted(names.items(), key=lambda x: (-x[1], x[0]))[:2]]
    top_terms = [t for t, _ in sorted(terms.items(), key=lambda x: (-x[1], x[0])) if t not in " ".join(top_names).lower()][:3]
    return ", ".join(top_names) + (": " if top_names and top_terms else "") + " ".join(top_terms) or "Untitled story"


__all__ = ["LinkFeatures", "LinkResult", "StoryLinker", "StorySettings", "link_features"]
