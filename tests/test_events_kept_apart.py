"""What two outlets tell that only looks alike stays in two rows: a condition is no result, and two
different things one person said are two statements, however alike the words around them."""

from __future__ import annotations

import pytest

from linked import cells, link
from storyline.analyze import analyze_many
from storyline.model import Article

BEFORE = Article(
    id="preview1", source="t", outlet="Harbour Post", published="2025-06-13", title="Okafor eyes the title in Lisbon",
    text=("Okafor eyes the title in Lisbon\n\n"
          "Grace Okafor can take her first championship if she wins Sunday's race in Lisbon. "
          "The Lisbon circuit has been resurfaced for the race this year after complaints from drivers. "
          "\"We are thrilled with how the new surface behaves in the wet,\" said Dr Lena Voss, a materials "
          "engineer at Harlow University who tested the circuit."))
AFTER = Article(
    id="report1", source="t", outlet="Valley Ledger", published="2025-06-16", title="Petrova wins in Lisbon",
    text=("Petrova wins in Lisbon\n\n"
          "Sunday's race in Lisbon was won by Mira Petrova, who kept the championship open. "
          "The Lisbon circuit had been resurfaced for the race this year after complaints from drivers. "
          "\"Nobody had measured grip on a circuit in that way before,\" said Professor Lena Voss, a materials "
          "engineer at Harlow University who tested the circuit."))
TEXTS = {"preview1": BEFORE.text, "report1": AFTER.text}


@pytest.fixture(scope="module")
def read(nlp):
    articles = [BEFORE, AFTER]
    return articles, list(analyze_many(articles, nlp))


@pytest.fixture(scope="module")
def story(read):
    stories = link(*read)
    assert len(stories) == 1
    return stories[0]


def _rows_with(story, words: str) -> list[dict]:
    return [row for row in story.facts if any(words in sentence for sentence in cells(row, TEXTS))]


def test_what_happens_only_under_a_condition_is_read_as_conditional(read):
    _, (before, _) = read
    in_condition = [e for e in before.events if "if she wins" in BEFORE.text[e.sentence_start:e.sentence_end]]
    # the race the condition names ("if she wins Sunday's race") is no race the sentence tells of
    assert {e.predicate for e in in_condition} >= {"win", "race"}
    assert all(e.modality == "conditional" and e.cue == "if" for e in in_condition)


def test_the_main_clause_of_a_condition_is_conditional_too(nlp):
    text = ("Budget vote\n\nMayor Tom Reyes will resign if the Dunmore council rejects the budget on Friday. "
            "Tom Reyes met the Dunmore council on Monday, even if the talks were short.")
    analysis, = analyze_many([Article(id="x", source="t", text=text, published="2025-01-07")], nlp)
    by_predicate = {e.predicate: e for e in analysis.events}
    assert by_predicate["resign"].modality == "conditional"
    assert by_predicate["meet"].modality == "asserted"  # "even if" poses no condition


def test_a_condition_before_the_race_is_not_a_row_with_the_race_result(story):
    for row in _rows_with(story, "was won by"):
        assert not any("if she wins" in sentence for sentence in cells(row, TEXTS))


def test_two_different_things_one_person_said_are_not_one_row(story):
    for row in _rows_with(story, "thrilled"):
        assert not any("Nobody had measured" in sentence for sentence in cells(row, TEXTS))


def test_the_same_retold_background_is_still_one_row(story):
    rows = _rows_with(story, "resurfaced")
    assert len(rows) == 1 and set(rows[0]["reported_by"]) == {"Harbour Post", "Valley Ledger"}


BANK_ONE = Article(
    id="bank1", source="t", outlet="Harbour Post", published="2025-02-05", title="Banks stop card sales of coins",
    text=("Banks stop card sales of coins\n\n"
          "Halden Bank stopped customers from buying digital coins with its credit cards on Monday. "
          "Regulators have warned that the price of digital coins could collapse."))
BANK_TWO = Article(
    id="bank2", source="t", outlet="Valley Ledger", published="2025-02-05", title="Another lender stops card sales of coins",
    text=("Another lender stops card sales of coins\n\n"
          "Corvo Bank stopped customers from buying digital coins with its credit cards on Monday. "
          "Regulators have warned that the price of digital coins could collapse."))


def test_the_same_thing_done_by_two_named_doers_on_one_day_is_two_rows(nlp):
    articles = [BANK_ONE, BANK_TWO]
    texts = {a.id: a.text for a in articles}
    for story in link(articles, list(analyze_many(articles, nlp))):
        for row in story.facts:
            told = cells(row, texts)
            assert not (any("Halden Bank" in s for s in told) and any("Corvo Bank" in s for s in told))


def test_a_tally_of_happenings_is_no_happening_of_its_own(nlp):
    text = ("Tests\n\nNorland has conducted dozens of missile tests under Ada Brun. "
            "Ada Brun held several meetings with Tom Reyes. Norland launched three missiles on Saturday.")
    analysis, = analyze_many([Article(id="x", source="t", text=text, published="2017-08-30")], nlp)
    kinds = {e.predicate: e.kind for e in analysis.events}
    assert kinds["conduct"] == kinds["hold"] == "state"
    assert kinds["launch"] == "action"  # three missiles on one Saturday are one launch told
