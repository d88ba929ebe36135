"""Near-duplicates and reprint lineage: MinHash LSH over word shingles, then a pair classifier.

identical: the same words (exact or MinHash Jaccard >= 0.95); reprint: a syndicated or wire copy
with edits (Jaccard >= 0.5); rewrite: few shared shingles but the same quotes, numbers and people.
Only articles of COPY_MIN_WORDS or more can be copies: shorter "articles" are what extraction left of
a page it could not read (a messenger widget, a subscription notice), and two unrelated pages of the
same site leave the same few words.
"""

from __future__ import annotations

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from ..model import Copy
from .features import MINHASH_SCHEME, MINHASH_SEED, NUM_PERM, LinkFeatures

LSH_THRESHOLD = 0.45
IDENTICAL = 0.95
REPRINT = 0.5
CONTAINED = 0.8  # a shortened reprint: most of the shorter article's shingles are in the longer one
CONTAINED_MIN_JACCARD = 0.2
REWRITE_MIN_QUOTES = 2
REWRITE_NAME_OVERLAP = 0.5
# In news-cluster the pages extraction cut to a widget or notice have 4-21 words and the shortest
# article of a true reprint pair has 98; 40 words is a two-sentence wire brief.
COPY_MIN_WORDS = 40


def lean_minhash(features: LinkFeatures) -> LeanMinHash:
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=np.array(features.signature, dtype=np.uint64), scheme=MINHASH_SCHEME)


def jaccard(a: LinkFeatures, b: LinkFeatures) -> float:
    """MinHash estimate of the shingle Jaccard of two articles."""
    if not a.signature or not b.signature:
        return 0.0
    return float(np.mean(np.array(a.signature, dtype=np.uint64) == np.array(b.signature, dtype=np.uint64)))


class DuplicateIndex:
    """Incremental LSH index: ``add`` one article, ``near(article_id)`` its likely copies."""

    def __init__(self, threshold: float = LSH_THRESHOLD):
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._by_hash: dict[str, list[str]] = {}

    def add(self, features: LinkFeatures) -> None:
        if features.article_id in self._lsh or not features.signature:
            return
        self._lsh.insert(features.article_id, lean_minhash(features))
        self._by_hash.setdefault(features.text_hash, []).append(features.article_id)

    def near(self, features: LinkFeatures) -> set[str]:
        if not features.signature:
            return set()
        found = set(self._lsh.query(lean_minhash(features)))
        found.update(self._by_hash.get(features.text_hash, ()))
        found.discard(features.article_id)
        return found


def containment(a: LinkFeatures, b: LinkFeatures, similarity: float) -> float:
    """Estimated share of the shorter article's shingles found in the longer one (from Jaccard and sizes)."""
    small, large = sorted((max(a.words, 1), max(b.words, 1)))
    return min(1.0, similarity * (small + large) / ((1.0 + similarity) * small))


def _overlap(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / min(len(sa), len(sb))


def copy_kind(a: LinkFeatures, b: LinkFeatures, similarity: float | None = None) -> str | None:
    """identical / reprint / rewrite for a pair of articles, or None when neither copies the other.

    A reprint may be cut short (a wire story trimmed to its first paragraphs): high containment
    counts as well as high Jaccard. Too little text (under COPY_MIN_WORDS) is no evidence of copying.
    """
    if min(a.words, b.words) < COPY_MIN_WORDS:
        return None
    if a.text_hash and a.text_hash == b.text_hash:
        return "identical"
    sim = jaccard(a, b) if similarity is None else similarity
    if sim >= IDENTICAL:
        return "identical"
    if sim >= REPRINT or (sim >= CONTAINED_MIN_JACCARD and containment(a, b, sim) >= CONTAINED):
        return "reprint"
    shared_quotes = len(set(a.quotes) & set(b.quotes))
    same_numbers = not (a.numbers and b.numbers) or bool(set(a.numbers) & set(b.numbers))
    same_people = _overlap(a.names, b.names) >= REWRITE_NAME_OVERLAP
    if shared_quotes >= REWRITE_MIN_QUOTES and same_numbers and same_people:
        return "rewrite"
    return None


def _original_key(f: LinkFeatures, outlets_claimed: set[str]):
    """Sort key for the original of a copy group: earliest date, then the outlet others credit."""
    named_by_others = f.outlet is not None and f.outlet in outlets_claimed and not f.original_outlet
    republished = bool(f.original_outlet and f.original_outlet != f.outlet) or bool(
        f.host and f.outlet and f.host != f.outlet
    )
    return (f.published or "9999", not named_by_others, republished, -f.words, f.article_id)


def copy_groups(pairs: dict[tuple[str, str], tuple[float, str]]) -> list[list[str]]:
    """Connected components of the copy graph, each sorted, in a stable order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(pairs):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in sorted(parent):
        groups.setdefault(find(x), []).append(x)
    return sorted(groups.values())


def lineage(
    group: list[str], features: dict[str, LinkFeatures], pairs: dict[tuple[str, str], tuple[float, str]]
) -> tuple[str, list[Copy]]:
    """The original of one copy group and a Copy record for every other member."""
    claimed = {features[a].original_outlet for a in group if features[a].original_outlet}
    original = min(group, key=lambda a: _original_key(features[a], claimed))
    copies = []
    for member in group:
        if member == original:
            continue
        key = (min(member, original), max(member, original))
        if key not in pairs:  # copied through another member: describe it by its closest direct copy
            direct = [k for k in pairs if member in k]
            key = max(direct, key=lambda k: (pairs[k][0], k))
        sim, kind = pairs[key]
        copies.append(Copy(article_id=member, copy_of=original, similarity=round(sim, 3), kind=kind))
    return original, copies
