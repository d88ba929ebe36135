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


def analysed_from(text: str, nlp, outlet: str | None = None):
    article = Article(id="w2", source="t", text=text, published="2025-05-02", outlet=outlet)
    return next(iter(analyze_many([article], nlp)))


def test_the_outlet_speaking_of_itself_is_not_an_entity_of_the_story(nlp):
    text = ("Mayor Lionel Brandt will meet the council on Thursday, sources told The Herald. "
            "Brandt did not return requests for comment from The Herald on Wednesday.")
    names = {e.name for e in analysed_from(text, nlp, outlet="The Herald").entities}
    assert "Lionel Brandt" in names and not {"Herald", "The Herald"} & names


def test_a_programme_named_in_quotation_marks_is_one_name(nlp):
    text = 'Lionel Brandt said the bridge would reopen, Brandt told "Canada\'s Morning Desk."'
    names = {e.name for e in analysed_from(text, nlp).entities}
    assert "Canada's Morning Desk" in names and "Canada" not in names and "Morning Desk" not in names


def test_a_party_adjective_before_a_role_is_not_an_entity(nlp):
    text = "Democratic mayor of Port Ashby Lionel Brandt said the bridge would reopen in June."
    labels = {(e.name, e.label) for e in analysed_from(text, nlp).entities}
    assert ("Democratic", "NORP") not in labels


def test_initials_of_a_place_named_before_are_that_place(nlp):
    text = ("Lionel Brandt, the mayor of Port Ashby City, spoke on Monday. PAC is a sanctuary city, "
            "and Brandt said PAC would keep its laws.")
    analysis = analysed_from(text, nlp)
    city = next(e for e in analysis.entities if e.name == "Port Ashby City")
    assert "PAC" in city.aliases


def test_a_nickname_where_the_city_goes_is_the_citys(nlp):
    text = ("Mayor Lionel Brandt of Chicago said the city would change its laws. He wants to slow the flow of "
            "migrants into the Big Pear, he said.")
    analysis = analysed_from(text, nlp)
    city = next(e for e in analysis.entities if e.name == "Chicago")
    assert "Big Pear" in city.aliases


def test_a_role_of_a_place_before_a_name_is_the_persons_role(nlp):
    text = "Republican mayor of Chicago Maria Delgado said she is working to reopen the bridge by June."
    _, analysis = analysed(text, nlp)
    person = next(e for e in analysis.entities if e.name == "Maria Delgado")
    assert "Republican mayor of Chicago" in person.roles


def test_a_paper_named_where_a_place_could_go_is_no_nickname(nlp):
    text = ("Mayor Lionel Brandt of Chicago said the city would change its laws. He made the case in an "
            "interview in the Calder Courier on Monday, and Brandt wrote in the Lakeside Journal on Tuesday.")
    analysis = analysed_from(text, nlp)
    city = next(e for e in analysis.entities if e.name == "Chicago")
    assert city.aliases == []


def test_a_slogan_in_quotation_marks_is_not_a_title(nlp):
    text = 'Protesters chanted "Canada First" outside the hall, Lionel Brandt said.'
    names = {e.name for e in analysed_from(text, nlp).entities}
    assert "Canada First" not in names
