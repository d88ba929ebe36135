"""Story clustering: candidates from an inverted index, pair scores from the pair's features,
average-link clustering over the scored pairs, then each article left alone joins the story of its
closest neighbour when that one pair reaches the threshold.

Every decision is a function of the final set of features (IDF is recomputed at clustering time,
ties are broken by article id), so ingesting in five batches gives the same stories as one.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from .duplicates import COPY_MIN_WORDS
from .features import LinkFeatures

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
NAME_WEIGHT = 1.5
IDF_PRIOR_DOCS = 50  # pseudo-documents so a tiny corpus does not zero out the terms all its articles share
QUERY_TERMS = 15  # index look-ups per article
MAX_POSTING = 400  # terms in more articles than this are too common to find candidates with
MAX_CANDIDATES = 100  # the candidates sharing most query terms are scored, the rest dropped
QUOTE_BONUS = 0.1
EDGE_THRESHOLD = 0.13  # average-link similarity needed to merge two clusters
DECAY_DAYS = 365.0  # a pair published this many days apart counts half
MIN_PROSE_WORDS = 8  # teasers and related-link lists (no full sentence) join no story


@dataclass(frozen=True)
class StorySettings:
    threshold: float = EDGE_THRESHOLD
    decay_days: float = DECAY_DAYS
    query_terms: int = QUERY_TERMS
    max_posting: int = MAX_POSTING


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_link_list(f: LinkFeatures) -> bool:
    return f.prose_words is not None and f.prose_words < MIN_PROSE_WORDS


def _same_furniture(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Two pages extraction cut to the same few words (a widget, a notice): their text is no evidence."""
    return bool(a.text_hash) and a.text_hash == b.text_hash and min(a.words, b.words) < COPY_MIN_WORDS


def raw_terms(f: LinkFeatures) -> dict[str, float]:
    """Field-weighted term counts of one article (before IDF): title and lead count more than body."""
    counts: dict[str, float] = defaultdict(float)
    for t, n in f.body_terms.items():
        counts[t] += 1.0 + math.log(n)
    for t, n in f.lead_terms.items():
        counts[t] += LEAD_WEIGHT * (1.0 + math.log(n))
    for t in f.title_terms:
        counts[t] += TITLE_WEIGHT
    for name in f.names:
        counts["@" + name] += NAME_WEIGHT
    for q in f.quotes:
        counts['"' + q] += 1.0
    return counts


class StoryIndex:
    """Incremental inverted index over article terms; clusters on demand."""

    def __init__(self, settings: StorySettings | None = None):
        self.settings = settings or StorySettings()
        self.features: dict[str, LinkFeatures] = {}
        self._raw: dict[str, dict[str, float]] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._df: Counter[str] = Counter()
        self._vectors: dict[str, dict[str, float]] = {}
        self._vectors_at = 0  # corpus size the cached vectors' IDF was computed at

    def add(self, f: LinkFeatures) -> None:
        if f.article_id in self.features:
            return
        self.features[f.article_id] = f
        raw = raw_terms(f)
        self._raw[f.article_id] = raw
        for t in raw:
            self._postings[t].add(f.article_id)
            self._df[t] += 1

    def __len__(self) -> int:
        return len(self.features)

    # ------------------------------------------------------------------ scoring

    def idf(self, t: str) -> float:
        n = len(self.features) + IDF_PRIOR_DOCS
        return math.log(n / (self._df[t] + 1.0))

    def refresh_vectors(self) -> None:
        """Drop cached vectors so every vector is weighted with the IDF of the corpus as it is now."""
        self._vectors.clear()
        self._vectors_at = len(self.features)

    def vector(self, article_id: str) -> dict[str, float]:
        """L2-normalised TF-IDF vector; cached while the corpus grows by under 1% (exact after refresh)."""
        if len(self.features) > self._vectors_at * 1.01:
            self.refresh_vectors()
        cached = self._vectors.get(article_id)
        if cached is not None:
            return cached
        log_n = math.log(len(self.features) + IDF_PRIOR_DOCS)
        df, log = self._df, math.log
        vec = {t: w * (log_n - log(df[t] + 1.0)) for t, w in self._raw[article_id].items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items()}
        self._vectors[article_id] = vec
        return vec

    def candidates(self, article_id: str, vec: dict[str, float] | None = None) -> set[str]:
        """Articles sharing one of this article's most telling terms (bounded look-ups)."""
        vec = vec or self.vector(article_id)
        usable = [(w, t) for t, w in vec.items() if 1 < self._df[t] <= self.settings.max_posting]
        hits: Counter[str] = Counter()
        for _, t in heapq.nlargest(self.settings.query_terms, usable):
            hits.update(self._postings[t])
        hits.pop(article_id, None)
        ranked = sorted((-n, b) for b, n in hits.items())
        return {b for _, b in ranked[:MAX_CANDIDATES]}

    def neighbours(self, article_id: str) -> dict[str, float]:
        """Scored story-mate candidates of one article: the incremental cost of adding it."""
        va = self.vector(article_id)
        return {b: self.pair_score(article_id, b, va, self.vector(b)) for b in sorted(self.candidates(article_id, va))}

    def time_factor(self, a: LinkFeatures, b: LinkFeatures) -> float:
        da, db = _day(a.published), _day(b.published)
        if da is None or db is None:
            return 1.0
        gap = abs((da - db).days)
        return 1.0 / (1.0 + gap / self.settings.decay_days)

    def pair_score(self, a: str, b: str, va: dict[str, float], vb: dict[str, float]) -> float:
        """Same-story score of two articles from their features alone."""
        fa, fb = self.features[a], self.features[b]
        if _is_link_list(fa) or _is_link_list(fb) or _same_furniture(fa, fb):
            return 0.0
        cos = math.fsum(va[t] * vb[t] for t in va.keys() & vb.keys())  # exact: order of terms cannot matter
        shared_quotes = len(set(fa.quotes) & set(fb.quotes))
        score = cos + QUOTE_BONUS * min(shared_quotes, 3)
        return score * self.time_factor(fa, fb)

    def scored_pairs(self, forced: dict[tuple[str, str], float] | None = None) -> dict[tuple[str, str], float]:
        """Scores of every candidate pair in the corpus; ``forced`` pairs (copies) always count."""
        self.refresh_vectors()
        vectors = {a: self.vector(a) for a in sorted(self.features)}
        scores: dict[tuple[str, str], float] = {}
        for a in sorted(self.features):
            for b in self.candidates(a, vectors[a]):
                key = (a, b) if a < b else (b, a)
                if key not in scores:
                    scores[key] = self.pair_score(key[0], key[1], vectors[key[0]], vectors[key[1]])
        for key, value in (forced or {}).items():
            scores[key] = max(scores.get(key, 0.0), value)
        return scores


def average_link(items: list[str], scores: dict[tuple[str, str], float], threshold: float,
                 can_merge=None) -> list[list[str]]:
    """Agglomerative clustering over a sparse similarity graph (missing pairs count 0).

    Merges the pair of clusters with the highest average pairwise score while it is at least
    ``threshold``; ties go to the smallest ids, so the result depends on the scores only.
    ``can_merge(members_a, members_b)``, when given, vetoes a merge (a constraint that only clusters
    growing can break, so a vetoed pair is never tried again).
    """
    members: dict[str, list[str]] = {a: [a] for a in items}
    links: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), s in scores.items():
        if s > 0 and a in members and b in members:
            links[a][b] = links[a].get(b, 0.0) + s
            links[b][a] = links[b].get(a, 0.0) + s
    heap = []
    for a, nbrs in links.items():
        for b, s in nbrs.items():
            if a < b:
                heap.append((-s, a, b))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in links[a]:
            continue
        avg = links[a][b] / (len(members[a]) * len(members[b]))
        if abs(-neg - avg) > 1e-12:
            continue  # stale: the current average was pushed when a or b last merged
        if avg < threshold:
            break
        if can_merge is not None and not can_merge(members[a], members[b]):
            links[a].pop(b, None)
            links[b].pop(a, None)
            continue
        keep, gone = (a, b) if a < b else (b, a)
        members[keep] = sorted(members[keep] + members.pop(gone))
        for c, s in links.pop(gone).items():
            links[c].pop(gone, None)
            if c == keep:
                continue
            links[keep][c] = links[keep].get(c, 0.0) + s
            links[c][keep] = links[keep][c]
        links[keep].pop(keep, None)
        size = len(members[keep])
        for c, s in links[keep].items():
            x, y = (keep, c) if keep < c else (c, keep)
            heapq.heappush(heap, (-s / (size * len(members[c])), x, y))
    return sorted(members.values(), key=lambda m: m[0])


def attach_orphans(clusters: list[list[str]], scores: dict[tuple[str, str], float], threshold: float) -> list[list[str]]:
    """Each article average-link left alone joins the story of its best-scoring neighbour when that
    pair alone reaches ``threshold``.

    A late or narrow report of a story told from many angles scores high with one of its
    story-mates but low on average over all of them; an article that really stands alone has no
    such neighbour. Orphans are placed from the clusters as they were (no chaining), ties go to
    the smallest id, so the result still depends on the scores only.
    """
    story_of = {a: i for i, members in enumerate(clusters) for a in members}
    best: dict[str, tuple[float, str]] = {}
    for (a, b), s in scores.items():
        for x, y in ((a, b), (b, a)):
            if x in story_of and y in story_of and len(clusters[story_of[x]]) == 1 and s >= threshold:
                if x not in best or (-s, y) < (-best[x][0], best[x][1]):
                    best[x] = (s, y)
    grown = [list(members) for members in clusters]
    for orphan, (_, neighbour) in best.items():
        target = story_of[neighbour]
        if len(clusters[target]) > 1:
            grown[target].append(orphan)
            grown[story_of[orphan]] = []
    return sorted((sorted(m) for m in grown if m), key=lambda m: m[0])
