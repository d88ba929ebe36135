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


def test_titles_and_summaries_storyline_writes_carry_no_loaded_wording(seeds, nlp):
    from storyline.analyze.loaded import find_loaded_terms
    from storyline.model import Article

    result, _ = seeds
    story = result.stories[0]
    for text in [story.title] + [event.summary for event in story.timeline]:
        generated = Article(id="generated", source="storyline", text=text)
        assert find_loaded_terms(nlp(text), generated, include_quoted=True) == [], text


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
