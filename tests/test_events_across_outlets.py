"""One happening told by two outlets is one row, in their words; different happenings stay apart."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze_many
from storyline.link import StoryLinker
from storyline.model import Article

LEDGER = Article(
    id="ledger1", source="t", outlet="Valley Ledger", published="2025-03-04", title="Marlow County passes budget",
    text=("Marlow County passes budget\n\n"
          "The Marlow County council approved a new budget on Monday after a long debate. "
          "Engineers said the old pumping station at Fenwick Lake had flooded twice, leaving three villages "
          "without clean water for nine days. The council will meet again in April."))
HERALD = Article(
    id="herald1", source="t", outlet="Coast Herald", published="2025-03-06", title="Budget approved in Marlow County",
    text=("Budget approved in Marlow County\n\n"
          "Marlow County approved its new budget this week after a long debate in the council. "
          "The old pumping station at Fenwick Lake had flooded twice, engineers said, leaving three villages "
          "without clean water for nine days. A firm from Dover will rebuild the Fenwick Lake pumping station."))


@pytest.fixture(scope="module")
def story(nlp):
    articles = [LEDGER, HERALD]
    analyses = list(analyze_many(articles, nlp))
    linker = StoryLinker()
    for article, analysis in zip(articles, analyses):
        linker.add(article, analysis)
    stories = linker.result(articles, analyses).stories
    assert len(stories) == 1
    return stories[0]


def _rows_with(story, words: str) -> list[dict]:
    texts = {"ledger1": LEDGER.text, "herald1": HERALD.text}
    return [row for row in story.facts
            if any(words in texts[ev["article_id"]][ev["start"]:ev["end"]]
                   for cell in row["cells"].values() for ev in cell["evidence"])]


def test_a_fact_two_outlets_retell_in_nearly_the_same_words_is_one_row(story):
    rows = _rows_with(story, "flooded twice")
    assert len(rows) == 1
    assert set(rows[0]["reported_by"]) == {"Coast Herald", "Valley Ledger"} and rows[0]["reported_count"] == 2


def test_one_vote_dated_monday_by_one_outlet_and_this_week_by_the_other_is_one_row(story):
    rows = _rows_with(story, "approved")
    assert len(rows) == 1 and set(rows[0]["reported_by"]) == {"Coast Herald", "Valley Ledger"}
    assert rows[0]["date"] == "2025-03-03"  # the finer of the two dates


def test_the_row_label_is_one_outlet_s_own_words(story):
    row, = _rows_with(story, "flooded twice")
    label = row["label"].strip("…")
    assert label in LEDGER.text or label in HERALD.text


def test_a_different_happening_at_the_same_place_is_not_joined_to_it(story):
    flooding, = _rows_with(story, "flooded twice")
    assert not _rows_with(story, "will rebuild")  # a plan with no date is no row of what happened
    herald = [HERALD.text[ev["start"]:ev["end"]] for ev in flooding["cells"]["Coast Herald"]["evidence"]]
    assert not any("rebuild" in sentence for sentence in herald)


# --------------------------------------------------------------------------- the same rows in every export


@pytest.fixture(scope="module")
def stored(story, nlp, tmp_path_factory):
    from storyline.store import Store

    path = tmp_path_factory.mktemp("exports") / "marlow.db"
    articles = [LEDGER, HERALD]
    with Store(str(path)) as store:
        store.add_batch([(a, an, None) for a, an in zip(articles, analyze_many(articles, nlp))])
        store.replace_links([story], [], {})
    return path


def test_the_markdown_digest_dates_entries_as_a_reader_says_them_with_the_outlets_telling_them(stored):
    from storyline.serve.export import markdown_digest
    from storyline.store import Store

    with Store(str(stored), readonly=True) as store:
        digest = markdown_digest(store)
    line, = [x for x in digest.splitlines() if "approved a new budget" in x or "approved its new budget" in x]
    assert line.startswith("- **3 March 2025**") and "Valley Ledger" in line and "Coast Herald" in line


def test_the_facts_csv_says_how_many_outlets_reported_each_row(stored):
    import csv
    import io

    from storyline.serve.export import write_csv
    from storyline.store import Store

    out = io.StringIO()
    with Store(str(stored), readonly=True) as store:
        write_csv(store, out, "facts")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    flooding = [r for r in rows if "flooded twice" in r["label"]]
    assert {r["outlet"] for r in flooding} == {"Valley Ledger", "Coast Herald"}
    assert all(r["reported"] == "1" and r["reported_count"] == "2" and r["outlet_count"] == "2" for r in flooding)
