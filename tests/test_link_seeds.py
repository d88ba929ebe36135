"""The five seed articles, through the real pipeline, make one story with the gold timeline."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_many
from storyline.extract import extract
from storyline.link import StoryLinker
from storyline.model import RawDocument


@pytest.fixture(scope="module")
def seed_articles(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    return paths, [extract(RawDocument(source=str(p), content=p.read_text(encoding="utf-8"), format="text"))
                   for p in paths]


@pytest.fixture(scope="module")
def seeds(seed_articles, nlp):
    paths, articles = seed_articles
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


def test_timeline_words_are_the_sources_own_with_loaded_words_noted_not_replaced(seeds, seed_articles):
    result, _ = seeds
    texts = {a.id: a.text for a in seed_articles[1]}
    story = result.stories[0]
    for event in story.timeline + story.expected + story.background + story.events:
        shown = event.summary_evidence
        assert event.summary.strip("…") == texts[shown.article_id][shown.start:shown.end]
        assert not event.generated
        for note in event.notes:
            assert shown.start <= note.start < note.end <= shown.end
            assert texts[shown.article_id][note.start:note.end] == note.text and note.neutral


def test_no_sentence_twice_and_no_wish_or_background_among_the_dated_events(seeds, seed_articles):
    result, names = seeds
    story = result.stories[0]
    texts = {a.id: a.text for a in seed_articles[1]}
    shown = [(e.article_id, e.start) for event in story.timeline for e in event.evidence]
    assert len(shown) == len(set(shown))
    timeline_text = " ".join(texts[e.article_id][e.start:e.end] for ev in story.timeline for e in ev.evidence)
    assert "lived continuously since 2007" not in timeline_text  # background
    assert "doesn’t want to wait" not in timeline_text  # a wish
    assert any("since 2007" in texts[e.article_id][e.start:e.end] for ev in story.background for e in ev.evidence)


@pytest.mark.parametrize("gold_date, docs, words", [
    ("2024-12", {"001_04d0048f191d10da.txt", "003_39d87e2fedacfc5a.txt"}, "first sit-down"),
    ("2025-02-13", {"002_f40ad246a75a0579.txt", "003_39d87e2fedacfc5a.txt"}, "Thursday morning meeting"),
])
def test_each_event_two_outlets_share_is_one_row_with_evidence_in_both(seeds, seed_articles, gold_date, docs, words):
    result, names = seeds
    texts = {a.id: a.text for a in seed_articles[1]}
    story = result.stories[0]
    event, = [e for e in story.timeline if any(words in texts[x.article_id][x.start:x.end] for x in e.evidence)]
    assert event.date == gold_date
    assert {names[x.article_id] for x in event.evidence} == docs
    row, = [f for f in story.facts if f.get("event_id") == event.id]
    assert len(row["reported_by"]) == 2


def test_the_fact_matrix_shows_what_only_one_outlet_reported(seeds, seed_articles):
    result, _ = seeds
    texts = {a.id: a.text for a in seed_articles[1]}

    def evidence(fact):
        return " ".join(texts[e["article_id"]][e["start"]:e["end"]]
                        for cell in fact["cells"].values() for e in cell["evidence"])

    facts = result.stories[0].facts
    children = [f for f in facts if f["kind"] == "claim" and "320,000" in f["label"]]
    charges = [f for f in facts if "drop a suite of corruption charges" in evidence(f)]
    assert children and all(len(f["reported_by"]) == 1 for f in children)
    assert charges and all(len(f["reported_by"]) == 1 for f in charges)
