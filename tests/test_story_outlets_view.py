"""How each outlet told a story, on the story page and in the report: the fact x outlet matrix,
one card per outlet, and the figures that differ between articles."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from web_samples import LEDGER_TEXT, SENTINEL_TEXT, build_sample_store, sample_records, span

from storyline.link.compare import compare_story
from storyline.model import Article, Story
from storyline.serve.report import render_report
from storyline.serve.web.app import create_app
from storyline.serve.web.rendering import WebLinks, render
from storyline.serve.web.outlets_view import MATRIX_ROWS_SHOWN, build_how_told
from storyline.store.sqlite import Store

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LEDGER, SENTINEL, PORT = "Northern Ledger", "Coast Sentinel", f"Port Gazette {PAYLOAD}"
CLOSURE = span(LEDGER_TEXT, "The Harbour Bridge will close for six weeks from 3 March")
SHUTS = span(SENTINEL_TEXT, "the Harbour Bridge shuts on 3 March")
COST_LEDGER = span(LEDGER_TEXT, "$12.5 million")
COST_SENTINEL = span(SENTINEL_TEXT, "$14 million")
FERRY = span(LEDGER_TEXT, "use the ferry")
SHOPS = span(SENTINEL_TEXT, "Shops near the bridge fear a quiet spring")


def ev(article_id: str, where: tuple[int, int]) -> dict:
    return {"article_id": article_id, "start": where[0], "end": where[1]}


def cell(*evidence: dict) -> dict:
    return {"reported": bool(evidence), "evidence": list(evidence)}


def claim_ref(outlet: str, article_id: str, where: tuple[int, int], text: str, value: float, date: str) -> dict:
    return {"outlet": outlet, "article_id": article_id, "start": where[0], "end": where[1],
            "text": text, "value": value, "date": date}


COST_CONFLICT = {"kind": "conflict", "subject": "repair cost", "unit": "USD",
                 "earlier": claim_ref(LEDGER, "a1ledger", COST_LEDGER, "$12.5 million", 12_500_000.0, "2025-02-24"),
                 "later": claim_ref(SENTINEL, "b2sentinel", COST_SENTINEL, "$14 million", 14_000_000.0, "2025-02-24")}


def compared_story() -> Story:
    """The sample bridge story with comparison records in compare.py's shape, one outlet hostile."""
    story = sample_records()[1][0]
    story.facts = [
        {"id": "claim:0", "kind": "claim", "label": "repair cost: $12.5 million / $14 million", "date": "2025-02-24",
         "reported_by": [LEDGER, SENTINEL],
         "cells": {LEDGER: cell(ev("a1ledger", COST_LEDGER)), SENTINEL: cell(ev("b2sentinel", COST_SENTINEL)),
                   PORT: cell()}},
        {"id": "quote:0", "kind": "quote", "label": f"Shops fear a quiet spring {PAYLOAD}", "date": "2025-02-25",
         "reported_by": [SENTINEL],
         "cells": {LEDGER: cell(), SENTINEL: cell(ev("b2sentinel", SHOPS)), PORT: cell()}},
        {"id": "event:0", "kind": "event", "label": "Bridge closes", "date": "2025-02-20",
         "reported_by": [LEDGER, SENTINEL],
         "cells": {LEDGER: cell(ev("a1ledger", CLOSURE)), SENTINEL: cell(ev("b2sentinel", SHUTS)), PORT: cell()}},
    ]
    story.number_conflicts = [COST_CONFLICT]
    story.outlets = [
        {"outlet": LEDGER, "articles": ["a1ledger"],
         "copies": [{"article_id": "c3reprint", "copy_of": "a1ledger", "host": "valleywire.example"}],
         "first_date": "2025-02-24", "last_date": "2025-02-26", "reported_count": 2,
         "omissions": [],
         "number_conflicts": [{"kind": "conflict", "subject": "repair cost", "unit": "USD",
                               "this": COST_CONFLICT["earlier"], "other": COST_CONFLICT["later"]}],
         "loaded_terms": [{"text": f"slammed {PAYLOAD}", "neutral": "criticised", "leaning": "sensational",
                           "count": 2, "evidence": [ev("a1ledger", FERRY)]}],
         "leaning_counts": {"left": 0, "right": 0, "sensational": 2},
         "tone": [{"entity_id": "ent-okafor", "name": "Maria Okafor", "polarity": "neutral",
                   "counts": {"negative": 0, "neutral": 1, "positive": 0}, "evidence": [ev("a1ledger", CLOSURE)]}]},
        {"outlet": SENTINEL, "articles": ["b2sentinel"], "copies": [],
         "first_date": "2025-02-25", "last_date": "2025-02-25", "reported_count": 3,
         "omissions": [], "number_conflicts": [], "loaded_terms": [], "tone": []},
        {"outlet": PORT, "articles": [], "copies": [], "first_date": None, "last_date": None, "reported_count": 0,
         "omissions": [{"fact_id": "event:0", "kind": "event", "label": "Bridge closes", "date": "2025-02-20",
                        "reported_by": [LEDGER, SENTINEL]}],
         "unknown_key": {"nested": PAYLOAD}},
    ]
    return story


@pytest.fixture
def db_path(tmp_path):
    path = build_sample_store(tmp_path / "told.db")
    with Store(path) as store:
        stories = list(store.iter_stories())
        store.replace_links([compared_story() if s.id == "s-bridge" else s for s in stories])
    return path


@pytest.fixture
def page(db_path) -> str:
    response = TestClient(create_app(str(db_path))).get("/stories/s-bridge")
    assert response.status_code == 200
    return response.text


@pytest.fixture
def report(db_path) -> str:
    with Store(db_path, readonly=True) as store:
        return render_report(store, "s-bridge")


def matrix_row(html: str, label: str) -> str:
    row = re.search(r"<tr[^>]*>\s*<th scope=\"row\" class=\"fact\"[^>]*>(?:(?!</tr>).)*?" + re.escape(label)
                    + r".*?</tr>", html, re.S)
    assert row, label
    return row.group(0)


def test_the_matrix_links_each_reported_fact_to_its_passage(page):
    closes = matrix_row(page, "Bridge closes")
    assert f'href="/articles/a1ledger?hl={CLOSURE[0]}-{CLOSURE[1]}#hl"' in closes
    assert f'href="/articles/b2sentinel?hl={SHUTS[0]}-{SHUTS[1]}#hl"' in closes
    assert closes.count("✓") == 2 and closes.count("—") == 1  # the third outlet did not report it


def test_the_matrix_lists_outlets_as_columns_and_copies_under_their_source(page):
    header = page[page.index('<table class="matrix">'):]
    header = header[:header.index("</thead>")]
    assert header.index(LEDGER) < header.index(SENTINEL)
    assert "with copies on valleywire.example" in header


def test_the_matrix_is_sorted_by_date_and_marks_what_only_one_outlet_reported(page):
    matrix = page[page.index('<table class="matrix">'):]
    assert matrix.index("Bridge closes") < matrix.index("repair cost: $12.5") < matrix.index("Shops fear")
    assert f"only {SENTINEL}" in matrix_row(page, "Shops fear")
    assert "only " not in matrix_row(page, "Bridge closes")


def test_outlet_cards_show_period_coverage_omissions_conflicts_words_and_tone(page):
    cards = page[page.index('id="outlet-cards"'):]
    ledger = cards[cards.index(f"<h4>{LEDGER}</h4>"):cards.index(f"<h4>{SENTINEL}</h4>")]
    assert "2025-02-24 → 2025-02-26" in ledger and "<b>2</b> of 3 facts" in ledger
    other_value = f'href="/articles/b2sentinel?hl={COST_SENTINEL[0]}-{COST_SENTINEL[1]}#hl"'
    assert "repair cost" in ledger and other_value in ledger
    assert "criticised" in ledger and '<span class="tag">sensational</span>' in ledger
    assert f'href="/articles/a1ledger?hl={FERRY[0]}-{FERRY[1]}#hl"' in ledger
    assert "Maria Okafor" in ledger and "1 neutral" in ledger
    port = cards[cards.index("<h4>Port Gazette"):]
    assert "Left out" in port and "Bridge closes" in port and f"reported by {LEDGER}, {SENTINEL}" in port


def test_story_level_figures_that_differ_sit_with_the_numbers_and_tell_conflict_from_update(page):
    claims = page[page.index('<section id="claims">'):page.index('<section id="outlets">')]
    conflicts = claims[claims.index('id="number-conflicts"'):claims.index('id="fact-matrix"')]
    assert ">conflict</span>" in conflicts and "repair cost" in conflicts
    assert "12,500,000" in conflicts and "14,000,000" in conflicts
    assert LEDGER in conflicts and SENTINEL in conflicts and "2025-02-24" in conflicts


def test_an_update_reads_as_a_later_value_not_a_conflict():
    update = {**COST_CONFLICT, "kind": "update"}
    told = build_how_told(Story("s", "t", number_conflicts=[update]))
    assert told.conflicts[0].is_update


@pytest.mark.parametrize("kind", ["page", "report"])
def test_markup_in_outlet_names_fact_labels_and_loaded_words_stays_text(kind, request):
    html = request.getfixturevalue(kind)
    for marker in ("<script", "<img", "onerror=alert(1)>"):
        assert marker not in html
    assert "Port Gazette &lt;script&gt;" in html
    assert "Shops fear a quiet spring &lt;script&gt;" in html
    assert "slammed &lt;script&gt;" in html


def test_the_report_links_matrix_cells_to_anchors_in_the_same_file(report):
    closes = matrix_row(report, "Bridge closes")
    anchor = re.search(r'href="#(a-a1ledger-ev-\d+-\d+)"', closes).group(1)
    assert f'id="{anchor}"' in report
    assert 'id="outlet-cards"' in report and 'id="number-conflicts"' in report


def test_a_story_without_comparison_records_renders_no_comparison(tmp_path):
    path = build_sample_store(tmp_path / "old.db")
    with Store(path) as store:
        old = store.story("s-bridge")
        old.outlets, old.facts, old.number_conflicts = [], [], []
        store.replace_links([old])
    page = TestClient(create_app(str(path))).get("/stories/s-bridge")
    assert page.status_code == 200
    assert 'class="how-told"' not in page.text and "Outlet comparison" not in page.text


def test_records_of_odd_shape_do_not_break_the_page():
    told = build_how_told(Story("s", "t", outlets=[{"outlet": 3, "omissions": "no", "tone": [{"counts": None}]}, "x"],
                                facts=[{"cells": {"A": {"reported": True, "evidence": [{"article_id": 1}]}}}],
                                number_conflicts=[{"kind": "conflict", "earlier": None}]))
    assert told.conflicts == [] and [c.outlet for c in told.matrix.columns] == ["3"]
    assert [c.reported for c in told.matrix.rows[0].cells] == [False] and told.cards[0].omissions == []


def test_more_than_a_screenful_of_facts_folds_the_rest(tmp_path):
    facts = [{"id": f"event:{i}", "kind": "event", "label": f"Step {i}", "date": f"2025-03-{i % 28 + 1:02d}",
              "reported_by": [LEDGER], "cells": {LEDGER: cell(ev("a1ledger", CLOSURE))}} for i in range(60)]
    told = build_how_told(Story("s", "t", facts=facts, outlets=[{"outlet": LEDGER}]))
    assert len(told.matrix.head) == MATRIX_ROWS_SHOWN and len(told.matrix.rest) == 60 - MATRIX_ROWS_SHOWN
    dates = [r.date for r in told.matrix.rows]
    assert dates == sorted(dates)


def test_compare_story_output_renders_on_the_page(tmp_path):
    items, stories, entities, entity_map = sample_records()
    story = stories[0]
    articles: dict[str, Article] = {a.id: a for a, _ in items if a.id in story.article_ids}
    analyses = {an.article_id: an for _, an in items if an.article_id in story.article_ids}
    compared = compare_story(story, articles, analyses, story.copies)
    story.outlets, story.facts, story.number_conflicts = (compared["outlets"], compared["facts"],
                                                          compared["number_conflicts"])
    path = tmp_path / "compared.db"
    with Store(path) as store:
        store.add_batch([(a, an, None) for a, an in items])
        store.replace_links([story], entities, entity_map)
    page = TestClient(create_app(str(path))).get("/stories/s-bridge").text
    assert '<table class="matrix">' in page and 'id="outlet-cards"' in page
    for outlet in compared["outlets"]:
        assert f"<h4>{outlet['outlet']}</h4>" in page


def test_an_outlet_known_only_by_its_article_reads_as_unknown():
    told = build_how_told(Story("s", "t", outlets=[{"outlet": "unknown:ab12", "first_date": "2025-01-02",
                                                    "last_date": "2025-01-02"}]))
    html = render("_outlets.html", view=SimpleNamespace(how_told=told), links=WebLinks())
    assert "<h4>unknown outlet <small>(article ab12)</small></h4>" in html
    assert "<span>2025-01-02</span>" in html  # a one-day period shows its day once


def test_an_outlet_known_only_by_its_article_is_named_by_that_article_s_headline():
    told = build_how_told(Story("s", "t", outlets=[{"outlet": "unknown:ab12", "label": "unknown outlet: “Ferry fares rise”",
                                                    "first_date": "2025-01-02", "last_date": "2025-01-02"}]))
    html = render("_outlets.html", view=SimpleNamespace(how_told=told), links=WebLinks())
    assert "<h4>unknown outlet: “Ferry fares rise”</h4>" in html and "ab12" not in html


def test_tone_toward_a_person_is_counts_of_the_outlet_s_own_sentences_each_linked_and_quoted_tone_apart():
    tone = {"name": "Ana Ruiz", "polarity": "negative", "counts": {"negative": 2, "neutral": 1, "positive": 0},
            "sentences": [{"polarity": "negative", "article_id": "a1", "start": 0, "end": 10},
                          {"polarity": "negative", "article_id": "a1", "start": 20, "end": 30},
                          {"polarity": "neutral", "article_id": "a1", "start": 40, "end": 50}],
            "said_of": [{"holder": "Tom Reyes", "polarity": "positive", "article_id": "a1", "start": 60, "end": 70}]}
    told = build_how_told(Story("s", "t", outlets=[{"outlet": "Ledger", "tone": [tone]}]))
    html = render("_outlets.html", view=SimpleNamespace(how_told=told), links=WebLinks())
    assert "2 negative" in html and "1 neutral" in html and "sentences of its own" in html
    assert html.count('href="/articles/a1?hl=') == 4  # two negative, one neutral, one said by someone else
    assert "Tom Reyes said of Ana Ruiz" in html
