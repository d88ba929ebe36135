"""Per-outlet comparison of a story: fact matrix, omissions, number conflicts vs updates, copies."""

from __future__ import annotations

import json

import pytest

from storyline.link.compare import compare_outlets, compare_story, same_value
from storyline.model import (
    Analysis,
    Article,
    Claim,
    Copy,
    Entity,
    Event,
    Evidence,
    LoadedTerm,
    Quote,
    Story,
    Tone,
    ToneEvidence,
)

TEXT = "The river flooded the town. Officials said 1,200 people were evacuated. " * 2


def art(id_: str, outlet: str | None, day: str, host: str | None = None) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text=TEXT, outlet=outlet, published=day, host=host)


def evacuated(value: float, text: str = "1,200 people") -> Claim:
    start = TEXT.index("1,200 people")
    return Claim(text=text, start=start, end=start + len("1,200 people"), value=value, subject="people evacuated")


def ev(article_id: str) -> Evidence:
    return Evidence(article_id, 0, 27)


@pytest.fixture()
def flood():
    """Outlets A (two days), B (one article, reprinted by an aggregator as d1) and C."""
    articles = [
        art("a1", "A", "2025-01-01"),
        art("a2", "A", "2025-01-03"),
        art("b1", "B", "2025-01-01"),
        art("c1", "C", "2025-01-02"),
        art("d1", "Aggregator", "2025-01-02", host="aggregator.example"),
    ]
    analyses = [
        Analysis("a1", claims=[evacuated(1200)],
                 loaded_terms=[LoadedTerm("slammed", 0, 7, "criticized", "sensational")],
                 entities=[Entity("p1", "Jane Doe", "PERSON")],
                 tone=[Tone("p1", "negative", [ToneEvidence(0, 27)])]),
        Analysis("a2", claims=[evacuated(2000, "2,000 people")]),
        Analysis("b1", claims=[evacuated(1500, "1,500 people")]),
        Analysis("c1", claims=[evacuated(1200)]),
        Analysis("d1", claims=[evacuated(1500, "1,500 people")]),
    ]
    story = Story(
        id="s1", title="Flood", article_ids=[a.id for a in articles],
        copies=[Copy("d1", "b1", 0.97, "identical")],
        timeline=[
            Event("2025-01-01", "day", "The river flooded the town", [ev("a1"), ev("b1"), ev("c1"), ev("d1")]),
            Event("2025-01-02", "day", "The dam operator opened the gates", [ev("c1")]),
            Event("2025-01-01", "day", "Officials ordered an evacuation", [ev("a1"), ev("c1")]),
        ],
    )
    return story, articles, analyses


def by_outlet(outlets: list[dict]) -> dict[str, dict]:
    return {o["outlet"]: o for o in outlets}


def test_copies_count_with_their_source_not_as_outlets(flood):
    story, articles, analyses = flood
    outlets = by_outlet(compare_outlets(story, articles, analyses, story.copies))
    assert set(outlets) == {"A", "B", "C"}
    assert outlets["B"]["articles"] == ["b1"]
    assert outlets["B"]["copies"] == [{"article_id": "d1", "copy_of": "b1", "host": "aggregator.example"}]


def test_a_fact_reported_by_one_outlet_shows_only_there(flood):
    story, articles, analyses = flood
    result = compare_story(story, articles, analyses)
    gates = next(f for f in result["facts"] if f["label"] == "The dam operator opened the gates")
    assert gates["reported_by"] == ["C"]
    assert gates["cells"]["C"] == {"reported": True, "evidence": [{"article_id": "c1", "start": 0, "end": 27}]}
    assert gates["cells"]["A"]["reported"] is False and gates["cells"]["B"]["reported"] is False


def test_omission_is_a_fact_most_other_outlets_reported(flood):
    story, articles, analyses = flood
    outlets = by_outlet(compare_outlets(story, articles, analyses))
    assert [o["label"] for o in outlets["B"]["omissions"]] == ["Officials ordered an evacuation"]
    assert outlets["C"]["omissions"] == []  # a fact only one other outlet reported is no omission


def test_a_fact_after_the_outlets_coverage_is_no_omission():
    articles = [art("a1", "A", "2025-01-01"), art("b1", "B", "2025-01-05"), art("c1", "C", "2025-01-05")]
    story = Story(id="s", title="t", article_ids=["a1", "b1", "c1"],
                  timeline=[Event("2025-01-04", "day", "Later development", [ev("b1"), ev("c1")])])
    outlets = by_outlet(compare_outlets(story, articles, [Analysis(a.id) for a in articles]))
    assert outlets["A"]["omissions"] == []


def test_differing_numbers_same_day_conflict_later_day_update(flood):
    story, articles, analyses = flood
    result = compare_story(story, articles, analyses)
    pairs = {(c["earlier"]["article_id"], c["later"]["article_id"]): c["kind"] for c in result["number_conflicts"]}
    assert pairs[("a1", "b1")] == "conflict"  # same day, 1,200 vs 1,500
    assert pairs[("a1", "a2")] == "update"  # two days later, 2,000
    assert pairs[("b1", "a2")] == "update"
    assert ("a1", "c1") not in pairs  # the same figure
    assert not any("d1" in pair for pair in pairs)  # the reprint repeats its source
    b = by_outlet(result["outlets"])["B"]
    # B's 1,500 against A the same day, and superseded by A's 2,000 and C's 1,200 on later days
    assert {(c["kind"], c["other"]["outlet"]) for c in b["number_conflicts"]} == {
        ("conflict", "A"), ("update", "A"), ("update", "C")}


def test_claims_about_one_subject_form_one_fact(flood):
    story, articles, analyses = flood
    claims = [f for f in compare_story(story, articles, analyses)["facts"] if f["kind"] == "claim"]
    assert len(claims) == 1
    assert claims[0]["reported_by"] == ["A", "B", "C"]


def test_values_within_rounding_are_the_same_figure():
    assert same_value(60000, 60200)
    assert not same_value(60000, 50000)
    assert same_value([220000, 50000], 50000)


def test_loaded_terms_and_tone_per_outlet(flood):
    story, articles, analyses = flood
    a = by_outlet(compare_outlets(story, articles, analyses))["A"]
    assert a["loaded_terms"][0]["text"] == "slammed" and a["loaded_terms"][0]["count"] == 1
    assert a["leaning_counts"] == {"left": 0, "right": 0, "sensational": 1}
    assert a["tone"][0]["name"] == "Jane Doe" and a["tone"][0]["polarity"] == "negative"
    assert a["tone"][0]["evidence"] == [{"article_id": "a1", "start": 0, "end": 27}]


def test_a_quote_printed_by_two_outlets_is_one_fact():
    text = 'The mayor said: "We will rebuild every home that the water destroyed." Then he left.'
    start = text.index("We will")
    end = text.index('."') + 1
    quote = Quote(text[start:end], start, end, "direct", speaker="The Mayor")
    articles = [art("a1", "A", "2025-01-01"), art("b1", "B", "2025-01-01")]
    for a in articles:
        a.text = text
    story = Story(id="s", title="t", article_ids=["a1", "b1"])
    result = compare_story(story, articles, [Analysis("a1", quotes=[quote]), Analysis("b1")])
    quotes = [f for f in result["facts"] if f["kind"] == "quote"]
    assert len(quotes) == 1 and quotes[0]["reported_by"] == ["A", "B"]
    assert quotes[0]["cells"]["B"]["evidence"] == [{"article_id": "b1", "start": start, "end": end}]


def test_output_is_json_ready(flood):
    story, articles, analyses = flood
    json.dumps(compare_story(story, articles, analyses))


def test_seed_story_comparison(seeds_dir, seeds_gold, nlp):
    from storyline.analyze import analyze_doc
    from storyline.extract import extract
    from storyline.model import RawDocument

    articles, analyses = [], []
    for path in sorted(seeds_dir.glob("*.txt")):
        article = extract(RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), format="text"))
        articles.append(article)
        analyses.append(analyze_doc(article, nlp(article.text)))
    try:
        from storyline.link.timeline import build_timeline

        timeline = build_timeline(articles, {a.article_id: a for a in analyses})
    except ImportError:
        timeline = []
    story = Story(id="seeds", title="seeds", article_ids=[a.id for a in articles], timeline=timeline)
    result = compare_story(story, articles, analyses)
    texts = {a.id: a.text for a in articles}
    assert len(result["outlets"]) == len(articles)  # five outlets, none a copy of another
    for row in result["facts"]:
        for cell in row["cells"].values():
            for e in cell["evidence"]:
                assert 0 <= e["start"] < e["end"] <= len(texts[e["article_id"]])
    found = {t["text"] for o in result["outlets"] for t in o["loaded_terms"]}
    assert {"illegals", "non-citizens", "cozying up", "criminal migrants"} <= found
    json.dumps(result)
