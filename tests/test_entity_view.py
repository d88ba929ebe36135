"""An entity's page shows the basis of every merge: each name with the sentence that first uses it, and
each role noun read as the entity over the dates of the articles that give it."""

from __future__ import annotations

from storyline.model import Analysis, Article, Mention, Quote, Span
from storyline.serve.web.entity_view import entity_view

FIRST = Article(id="p1", source="t", outlet="Harbour Post", published="2025-01-10",
                text="Mayor Ana Ruiz opened the bridge. The mayor said it was overdue.")
LATER = Article(id="v2", source="t", outlet="Valley Ledger", published="2025-03-02",
                text="Ruiz, the mayor, closed the bridge again.")


def _at(text: str, words: str, entity: str, label: str) -> Mention:
    start = text.index(words)
    return Mention(entity, words, start, start + len(words), label)


ANALYSES = {
    "p1": Analysis(article_id="p1", sentences=[Span(0, 33), Span(34, 64)],
                   mentions=[_at(FIRST.text, "Ana Ruiz", "p1:e1", "PERSON"), _at(FIRST.text, "The mayor", "p1:e1", "ROLE")],
                   quotes=[Quote("it was overdue", 52, 66, "indirect", speaker="Ana Ruiz", speaker_entity_id="p1:e1")]),
    "v2": Analysis(article_id="v2", sentences=[Span(0, 41)],
                   mentions=[_at(LATER.text, "Ruiz", "v2:e1", "PERSON"), _at(LATER.text, "the mayor", "v2:e1", "ROLE")]),
}
CORPUS = {"p1:e1": "ruiz", "v2:e1": "ruiz"}


def test_each_name_comes_with_the_first_sentence_that_uses_it():
    view = entity_view("ruiz", ["v2", "p1"], {"p1": FIRST, "v2": LATER}, ANALYSES, CORPUS)
    names = {n.name: n for n in view.names}
    assert set(names) == {"Ana Ruiz", "Ruiz"}  # a role noun is no name
    assert names["Ana Ruiz"].sentence == "Mayor Ana Ruiz opened the bridge."
    assert names["Ruiz"].article_id == "v2"


def test_a_role_is_shown_over_the_dates_of_the_articles_that_give_it():
    view = entity_view("ruiz", ["v2", "p1"], {"p1": FIRST, "v2": LATER}, ANALYSES, CORPUS)
    (mayor,) = view.roles
    assert (mayor.first_date, mayor.last_date, mayor.articles) == ("2025-01-10", "2025-03-02", 2)
    assert mayor.sentence == "The mayor said it was overdue."
    assert [q.text for q in view.quotes] == ["it was overdue"]
    assert view.outlets == [("Harbour Post", 1), ("Valley Ledger", 1)]
