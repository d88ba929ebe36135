"""One happening two outlets tell in different verbs is one row: a predicate no class knows ("spotted",
"noted") joins when the rest of the clause says the same of the same name, a speech verb with a thing
for object tells a happening, and a minor dated clause does not take its sentence from the row."""

from __future__ import annotations

import pytest

from linked import cells, link
from storyline.analyze import analyze_many
from storyline.model import Article

FIRST = Article(
    id="whirl1", source="t", outlet="Harbour Post", published="2025-03-04", title="Plankton whirlpools found",
    text=("Plankton whirlpools found\n\n"
          "Marine biologists from Corvale University have spotted giant whirlpools of plankton in the Pellan Sea, "
          "confirming last week's rumours. "
          "Arno Kessel went 40-12 as head coach of the Corvale Hawks before joining the survey team."))
SECOND = Article(
    id="whirl2", source="t", outlet="Valley Ledger", published="2025-03-05", title="Whirlpools of plankton seen",
    text=("Whirlpools of plankton seen\n\n"
          "Scientists noted the giant whirlpools of plankton in the Pellan Sea. "
          "Arno Kessel became the first head coach of the Corvale Hawks to lead a research survey."))
TEXTS = {"whirl1": FIRST.text, "whirl2": SECOND.text}


@pytest.fixture(scope="module")
def read(nlp):
    articles = [FIRST, SECOND]
    return articles, list(analyze_many(articles, nlp))


@pytest.fixture(scope="module")
def story(read):
    stories = link(*read)
    assert len(stories) == 1
    return stories[0]


def _cells(row: dict) -> list[str]:
    return cells(row, TEXTS)


def test_a_speech_verb_with_a_thing_for_object_tells_a_happening(read):
    _, (_, second) = read
    noted = next(e for e in second.events if e.predicate == "note")
    assert noted.kind == "action"


def test_a_speech_verb_with_something_said_stays_a_statement(nlp):
    text = "Reef survey\n\nDr Ilse Varga of Corvale University noted that the whirlpools had grown since January."
    analysis, = analyze_many([Article(id="x", source="t", text=text, published="2025-03-05")], nlp)
    assert next(e for e in analysis.events if e.predicate == "note").kind == "statement"


def test_one_finding_told_in_two_verbs_is_one_row_with_both_outlets(story):
    rows = [row for row in story.facts if any("spotted" in s for s in _cells(row))]
    assert rows, "the finding has a row"
    assert any(len(row["reported_by"]) == 2 and any("noted" in s for s in _cells(row)) for row in rows)


def test_a_shared_title_with_empty_verbs_is_no_shared_happening(story):
    for row in story.facts:
        cells = _cells(row)
        assert not (any("went 40-12" in s for s in cells) and any("became the first" in s for s in cells))


LEADS = {  # outlet: (title, lead, what else it tells)
    "Harbour Post": ("Horror at Velmont festival",
                     "A van rammed into a crowd of festival-goers in Velmont late on Saturday, killing five people.",
                     "The mayor of Velmont cancelled the rest of the week's events."),
    "Valley Ledger": ("Five dead in Velmont",
                      "A driver ploughed a van into crowds celebrating the harvest festival in Velmont.",
                      "Hospitals in Velmont asked for blood donors."),
    "Coastal Times": ("Velmont mourns its dead",
                      "Five people died when a van plowed into a crowd at the Velmont harvest festival.",
                      "Flowers were laid outside the town hall of Velmont."),
    "Ridge Herald": ("Driver held after Velmont deaths",
                     "Police in Velmont are questioning the driver of a van that rammed the crowd at the festival.",
                     "Officers in Velmont searched a flat on the edge of town."),
    "Lowland News": ("A festival in Velmont ends in grief",
                     "The Velmont harvest festival ended in horror when a van ploughed through the crowd.",
                     "Shops in Velmont stayed shut on Sunday."),
    "North Star": ("Velmont: what we know",
                   "Residents of Velmont were woken by sirens after a van attack on the festival crowd.",
                   "The football match in Velmont was postponed."),
}
FESTIVAL = [Article(id=f"fest{i}", source="t", outlet=outlet, published="2025-05-11", title=title,
                    text=f"{title}\n\n{lead} {more}")
            for i, (outlet, (title, lead, more)) in enumerate(LEADS.items())]


def test_the_main_happening_of_a_story_is_one_row_though_its_names_are_everywhere(nlp):
    """Every report names Velmont, so the name tells no two happenings apart; the leads of reports of
    the same days that share the name and a thing ("a van", "the crowd") still tell one."""
    stories = link(FESTIVAL, list(analyze_many(FESTIVAL, nlp)))
    texts = {a.id: a.text for a in FESTIVAL}
    rows = [row for s in stories for row in s.facts if any("rammed" in words for words in cells(row, texts))]
    assert max(len(row["reported_by"]) for row in rows) >= 3


def test_what_a_threat_or_a_bid_is_to_do_is_not_done(nlp):
    text = ("Launch\n\nWhile Norland has not carried out its threat to fire rockets toward Velmont, it launched "
            "one over the sea on Tuesday. Ada Brun was the first pilot to fly over the sea on Monday.")
    analysis, = analyze_many([Article(id="x", source="t", text=text, published="2025-08-30")], nlp)
    by_predicate = {e.predicate: e for e in analysis.events}
    assert by_predicate["fire"].modality == "planned"
    assert by_predicate["launch"].modality == "asserted"
    assert by_predicate["fly"].modality == "asserted"  # "the first pilot to fly" did
