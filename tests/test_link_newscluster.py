"""news-cluster's real wire reprints are found as copies; batch order does not change stories.

The expected copy pairs come from the data itself: every pair of articles about the same gold event
whose exact word-shingle Jaccard is at least 0.8 is a reprint (or identical copy) the MinHash LSH
index must find. Pairs as alike from different events are not reprints: they are pages extraction
cut to the same widget text ("Chat with us in Facebook Messenger..."), and must not be copies.
"""

from __future__ import annotations

import glob
import json
import random
from collections import defaultdict
from itertools import combinations

import pytest

from storyline.extract import extract
from storyline.link import StoryLinker, link_features
from storyline.link.features import shingles, words_of
from storyline.model import RawDocument

COPY_JACCARD = 0.8


@pytest.fixture(scope="module")
def corpus(shared_dir):
    paths = sorted(glob.glob(str(shared_dir / "data" / "news-cluster" / "*.json")))
    if not paths:
        pytest.skip("news-cluster data is absent")
    articles, events = [], {}
    for path in paths:
        d = json.loads(open(path, encoding="utf-8").read())
        raw = RawDocument(source=path, content=d["text"] or "", format="text", url=d.get("url"),
                          title=d.get("title"), published=(d.get("date_publish") or "")[:10] or None,
                          outlet=d.get("source_domain"))
        articles.append(extract(raw))
        events[articles[-1].id] = d["newsCluster"]["EventId"]
    features = [link_features(a) for a in articles]
    return articles, features, events


def link(articles, features, batches: int = 1):
    linker = StoryLinker()
    size = -(-len(features) // batches)
    result = None
    for start in range(0, len(features), size):
        for f in features[start : start + size]:
            linker.add_features(f)
        result = linker.result(articles)
    return result


def high_jaccard_pairs(articles) -> set[frozenset[str]]:
    """Article pairs whose exact word-shingle Jaccard is at least COPY_JACCARD."""
    sets = {a.id: set(shingles(words_of(a.text))) for a in articles}
    pairs = set()
    for a, b in combinations(sorted(sets), 2):
        sa, sb = sets[a], sets[b]
        if sa and sb and len(sa & sb) / len(sa | sb) >= COPY_JACCARD:
            pairs.add(frozenset((a, b)))
    return pairs


def copy_group_of(result) -> dict[str, str]:
    """Article id -> the original of its copy group (originals map to themselves)."""
    group_of = {}
    for s in result.stories:
        for c in s.copies:
            group_of[c.article_id] = c.copy_of
            group_of.setdefault(c.copy_of, c.copy_of)
    return group_of


def test_wire_reprints_are_found_as_copies(corpus):
    articles, features, events = corpus
    expected = {pair for pair in high_jaccard_pairs(articles) if len({events[a] for a in pair}) == 1}
    assert len(expected) == 12, "news-cluster holds 12 wire reprint pairs"
    result = link(articles, features)
    story_of = {a: s.id for s in result.stories for a in s.article_ids}
    group_of = copy_group_of(result)
    for pair in expected:
        a, b = sorted(pair)
        assert story_of[a] == story_of[b], pair
        assert group_of.get(a) is not None and group_of.get(a) == group_of.get(b), pair


def test_pages_cut_to_the_same_widget_text_are_neither_copies_nor_one_story(corpus):
    articles, features, events = corpus
    widget_pairs = {pair for pair in high_jaccard_pairs(articles) if len({events[a] for a in pair}) == 2}
    assert widget_pairs, "news-cluster should hold pages extraction cut to the same widget text"
    result = link(articles, features)
    group_of = copy_group_of(result)
    story_of = {a: s.id for s in result.stories for a in s.article_ids}
    for pair in widget_pairs:
        a, b = sorted(pair)
        assert group_of.get(a) is None or group_of.get(a) != group_of.get(b), pair
        assert story_of[a] != story_of[b], pair


def test_lineage_marks_one_original_per_copy_group(corpus):
    articles, features, _ = corpus
    result = link(articles, features)
    for story in result.stories:
        originals = defaultdict(set)
        for c in story.copies:
            originals[c.copy_of].add(c.article_id)
            assert c.kind in {"identical", "reprint", "rewrite"}
        copied = {c.article_id for c in story.copies}
        assert not copied & set(originals), "an original is never itself a copy"
        assert story.original_article_id not in copied
        assert story.independent_sources <= len(story.article_ids) - len(copied)


def test_five_batches_in_shuffled_order_give_the_same_stories_as_one_batch(corpus):
    articles, features, _ = corpus
    one = {frozenset(s.article_ids) for s in link(articles, features).stories}
    shuffled = list(features)
    random.Random(3).shuffle(shuffled)
    five = {frozenset(s.article_ids) for s in link(articles, shuffled, batches=5).stories}
    assert five == one
