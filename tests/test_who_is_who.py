"""Who is who in one article: verbs and role descriptions kept out of names, the named speaker credited."""

from __future__ import annotations

from storyline.analyze import analyze_many
from storyline.model import Article


def analysed(text: str, nlp):
    article = Article(id="w1", source="t", text=text, published="2025-05-02")
    return article, next(iter(analyze_many([article], nlp)))


def test_a_sentence_opening_on_a_gerund_keeps_the_verb_out_of_the_name(nlp):
    text = ("Port Ashby Mayor Lionel Brandt signed the bridge contract on Monday. "
            "Calling Brandt's deal \"reckless,\" the Eastbank Merchants Association said it would sue. "
            "Brandt said the bridge would reopen in June.")
    _, analysis = analysed(text, nlp)
    names = {e.name for e in analysis.entities}
    assert "Lionel Brandt" in names and not any(n.startswith("Calling") for n in names)


def test_a_role_and_a_place_before_a_name_credit_the_name(nlp):
    text = ("Republican mayor of Chicago Maria Delgado said she is working to reopen the bridge by June. "
            "Delgado met the council on Tuesday.")
    _, analysis = analysed(text, nlp)
    quote = next(q for q in analysis.quotes if "reopen the bridge" in q.text)
    entity = next(e for e in analysis.entities if e.id == quote.speaker_entity_id)
    assert entity.name == "Maria Delgado"
