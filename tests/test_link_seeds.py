"""The five seed articles, through the real pipeline, make one story with the gold timeline."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_many
from storyline.extract import extract
from storyline.link import StoryLinker
from storyline.model import RawDocument


@pytest.fixture(scope="module")
def seeds(seeds_dir, nlp):
    paths = sorted(seeds_dir.glob("*.txt"))
    articles = [extract(RawDocument(source=str(p), content=p.read_text(encoding="utf-8"), format="text")) for p in paths]
    analyses = list(analyze_many(articles, nlp))
    names = {a.id: p.name for a, p in zip(articles, paths)}
    linker = StoryLinker()
    for article, analysis in zip(articles, analyses):
        linker.add(article, analysis)
    return linker.result(articles, analyses), names


def test_all_five_seed_articles_make_one_story(seeds, seeds_gold):
    result, names = seeds
    assert len(result.stories) == 1
    assert sorted(names[a] for a in result.stories[0].article_ids) == sorted(seeds_gold["story"]["all_in_one_story"])


def test_gold_timeline_events_are_found_with_their_date_and_article(seeds, seeds_gold):
    result, names = seeds
    timeline = result.stories[0].timeline
    missing = [
        (gold["date"], gold["what"])
        for gold in seeds_gold["timeline"]
        if not any(e.date == gold["date"] and any(names[ev.article_id] in gold["docs"] for ev in e.evidence)
                   for e in timeline)
    ]
    assert len(missing) <= 1, missing


def test_undated_seed_articles_get_inferred_dates_inside_the_gold_range(seeds, seeds_gold):
    result, names = seeds
    for article_id, inferred in result.inferred_dates.items():
        low, high = seeds_gold["articles"][names[article_id]]["published"]["inferred_range"]
        if inferred.precision == "day":
            assert low <= inferred.date <= high, (names[article_id], inferred)


def test_timeline_evidence_points_at_the_sentence_holding_the_date(seeds):
    result, _ = seeds
    for event in result.stories[0].timeline:
        assert event.summary and len(event.summary.split()) <= 25
        for ev in event.evidence:
            assert 0 <= ev.start < ev.end
