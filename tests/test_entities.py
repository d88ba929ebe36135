"""Entities and their mentions within one article, one small invented article per behaviour."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.model import Article


def analysis_of(text: str, nlp, article_id: str = "a1"):
    article = Article(id=article_id, source="test", text=text)
    return article, analyze(article, nlp)


def entity_named(analysis, name: str):
    found = [e for e in analysis.entities if e.name == name]
    assert found, f"no entity {name!r}: {[e.name for e in analysis.entities]}"
    return found[0]


def mentions_of(analysis, entity) -> list[str]:
    return [m.text for m in analysis.mentions if m.entity_id == entity.id]


def test_surname_after_full_name_is_the_same_person(nlp):
    _, a = analysis_of("Maria Gonzalez won the vote. Gonzalez thanked her staff.", nlp)
    maria = entity_named(a, "Maria Gonzalez")
    assert maria.label == "PERSON"
    assert mentions_of(a, maria) == ["Maria Gonzalez", "Gonzalez"]
    assert "Gonzalez" in maria.aliases


def test_entity_ids_are_local_to_the_article(nlp):
    _, a = analysis_of("Maria Gonzalez won the vote in Ohio.", nlp, article_id="story7")
    assert all(e.id.startswith("story7:e") for e in a.entities)
    assert {m.entity_id for m in a.mentions} <= {e.id for e in a.entities}


def test_title_before_a_name_is_a_role(nlp):
    _, a = analysis_of("Secretary Helen Park toured the port. Park said it was busy.", nlp)
    helen = entity_named(a, "Helen Park")
    assert "Secretary" in helen.roles


def test_apposition_introduces_a_role_used_later(nlp):
    article, a = analysis_of(
        "The governor named Omar Haddad, the water commissioner, on Monday. "
        "The water commissioner promised new pipes.", nlp)
    omar = entity_named(a, "Omar Haddad")
    roles = [m for m in a.mentions if m.entity_id == omar.id and m.label == "ROLE"]
    assert [m.text for m in roles] == ["the water commissioner", "The water commissioner"]
    assert all(article.text[m.start:m.end] == m.text for m in roles)


def test_role_title_before_name_resolves_the_definite_role_noun(nlp):
    _, a = analysis_of(
        "Transit czar Lucia Ferrante met the drivers' union on Friday. "
        "The czar said service would improve.", nlp)
    lucia = entity_named(a, "Lucia Ferrante")
    assert "The czar" in mentions_of(a, lucia)


def test_role_noun_for_the_person_the_text_is_about(nlp):
    _, a = analysis_of(
        "Dana Wright said the unit would be closed.\n\n"
        "The former detective said she had no choice.", nlp)
    dana = entity_named(a, "Dana Wright")
    assert "The former detective" in mentions_of(a, dana)
    assert "The former detective" in dana.roles


def test_the_mayor_is_whoever_holds_the_office_now(nlp):
    _, a = analysis_of(
        "Mayor Bob Jones took office in January.\n\n"
        "When Mayor Ann Smith was here, the city had a deal with the state.\n\n"
        "The mayor said he would not renew it.", nlp)
    jones = entity_named(a, "Bob Jones")
    the_mayor = [m for m in a.mentions if m.text == "The mayor"]
    assert the_mayor and the_mayor[0].entity_id == jones.id


def test_acronym_defined_in_parentheses(nlp):
    _, a = analysis_of(
        "The Office of Coastal Resilience (OCR) opened a field station. "
        "OCR staff will survey the dunes.", nlp)
    office = entity_named(a, "Office of Coastal Resilience")
    assert office.label == "ORG"
    assert "OCR" in office.aliases
    assert mentions_of(a, office) == ["Office of Coastal Resilience", "OCR", "OCR"]


def test_acronym_the_model_does_not_tag_is_still_found(nlp):
    _, a = analysis_of(
        "The Bureau of Quiet Streets (BQS) measured noise. Later the BQS said traffic was down.",
        nlp)
    bureau = entity_named(a, "Bureau of Quiet Streets")
    assert mentions_of(a, bureau).count("BQS") == 2


def test_street_address_is_a_place(nlp):
    _, a = analysis_of("Protesters gathered outside 26 Federal Plaza on Thursday.", nlp)
    plaza = entity_named(a, "26 Federal Plaza")
    assert plaza.label == "FAC"


def test_mentions_point_at_their_words(nlp):
    article, a = analysis_of(
        "Governor Maria Lopez visited the valley. Lopez met farmers, and the governor left.", nlp)
    assert a.mentions
    for m in a.mentions:
        assert article.text[m.start:m.end] == m.text


def test_a_name_set_beside_a_persons_role_is_a_person_even_if_tagged_an_organisation(nlp):
    # the small model reads "Mallam Tunde Bakari" as an organisation; the apposition says otherwise
    _, analysis = analysis_of(
        "The spokesman, Mallam Tunde Bakari, said the schools would reopen. Bakari added that "
        "teachers would be paid.", nlp)
    person = entity_named(analysis, "Mallam Tunde Bakari")
    assert person.label == "PERSON"
    assert "Bakari" in mentions_of(analysis, person)


def test_a_titled_name_the_ner_missed_is_a_person_and_its_surname_follows_it(nlp):
    _, a = analysis_of("Mayor Ana Ruiz issued a statement on Monday. Ruiz later left the hall.", nlp)
    ruiz = entity_named(a, "Ana Ruiz")
    assert ruiz.label == "PERSON"
    assert mentions_of(a, ruiz) == ["Ana Ruiz", "Ruiz"]  # the title is a role, not part of the name


def test_words_after_a_title_that_name_an_organisation_are_not_a_person(nlp):
    _, a = analysis_of("Mayor Ana Ruiz wrote to the Harbor Transit Department. General Motors said "
                       "sales fell.", nlp)
    assert not any(e.label == "PERSON" and e.name in ("General Motors", "Transit Department")
                   for e in a.entities)


def test_spans_without_a_capitalised_word_are_no_names(nlp):
    _, a = analysis_of("MUST WATCH Rosa Quill interviews the mayor 02:39\nThe max speed fell. The moon rose.", nlp)
    assert all(any(w[:1].isupper() for w in e.name.split()) for e in a.entities)


def test_the_union_and_the_hospital_are_the_organisations_named_before(nlp):
    _, a = analysis_of("The Harbor Nurses Union filed a complaint on Monday. The union said staffing had "
                       "fallen.\n\nCalder Regional Medical Center disputed the figures. The hospital said the "
                       "survey was flawed. The union contract expires in May.", nlp)
    union = entity_named(a, "Harbor Nurses Union")
    assert mentions_of(a, union) == ["Harbor Nurses Union", "The union"]  # not "The union contract"
    assert mentions_of(a, entity_named(a, "Calder Regional Medical Center"))[-1] == "The hospital"


def test_the_company_is_the_most_named_organisation_when_a_legal_designator_marks_it_a_company(nlp):
    _, a = analysis_of("Brightwater Foods Inc. said on Monday it would close two plants. Brightwater Foods Inc. "
                       "employs 900 people. The company said the closures would affect 300 workers.", nlp)
    assert mentions_of(a, entity_named(a, "Brightwater Foods Inc."))[-1] == "The company"
    _, a = analysis_of("Regulators fined Meridian Airways on Friday. Meridian Airways had missed three deadlines, the "
                       "regulator said, and Meridian Airways will appeal. Lessing Capital Ltd., a shareholder, "
                       "was not fined. The company said it would appeal.", nlp)
    assert "The company" not in mentions_of(a, entity_named(a, "Lessing Capital Ltd."))  # not the one the story is about


def test_a_name_the_ner_reads_two_ways_is_one_entity(nlp):
    _, a = analysis_of("Regulators fined Orsolo Bank on Friday. Orsolo Bank had missed three deadlines, the "
                       "regulator said, and Orsolo Bank will appeal.", nlp)
    [bank] = [e for e in a.entities if e.name == "Orsolo Bank"]  # the NER read it ORG once, PERSON twice
    assert bank.label == "ORG" and len(mentions_of(a, bank)) == 3


def _readings(text: str, *labels: str, name: str):
    from storyline.analyze.entities import _Candidate

    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return [_Candidate(s, s + len(name), label, "ner") for s, label in zip(starts, labels) if label]


def test_one_label_per_name_most_readings_win_and_a_person_loses_ties():
    from storyline.analyze.entities import _agree_labels

    text = "Tesla said. Tesla shares rose. Tesla will appeal. Veltra said. Veltra agreed."
    tesla = _readings(text, "ORG", "PERSON", "ORG", name="Tesla")
    veltra = _readings(text, "PERSON", "GPE", name="Veltra")
    _agree_labels(tesla + veltra, text)
    assert {c.label for c in tesla} == {"ORG"} and {c.label for c in veltra} == {"GPE"}


def test_a_title_or_a_full_name_makes_a_person_whatever_most_readings_say():
    from storyline.analyze.entities import _agree_labels

    text = "Senator Hale spoke. Hale left. Hale returned. Hale won."
    hale = _readings(text, "PERSON", "ORG", "ORG", "ORG", name="Hale")
    _agree_labels(hale, text)
    assert {c.label for c in hale} == {"PERSON"}
    text = "Ana Ruiz spoke. Ruiz left. Ruiz returned. Ruiz won."
    ruiz = _readings(text, None, "PERSON", "GPE", "GPE", name="Ruiz")  # not the one inside "Ana Ruiz"
    full = _readings(text, "PERSON", name="Ana Ruiz")
    _agree_labels(full + ruiz, text)
    assert {c.label for c in ruiz} == {"PERSON"}


def test_a_one_word_name_named_twice_is_found_where_the_ner_missed_it_unless_it_is_also_a_word():
    from storyline.analyze.entities import _Record, _spelled_like_a_name
    from storyline.model import Entity, Mention

    def record(name: str, label: str = "ORG", times: int = 2) -> _Record:
        return _Record(Entity(id="a1:e1", name=name, label=label), 1, mentions=[Mention("a1:e1", name, 0, len(name), label)] * times)

    text = "Veltra said. Veltra agreed. Heavy rain fell; the load was heavy. CLOSE the player."
    assert _spelled_like_a_name(record("Veltra"), text)
    assert not _spelled_like_a_name(record("Veltra", times=1), text)
    assert not _spelled_like_a_name(record("Heavy"), text)  # written in lower case too: a word
    assert not _spelled_like_a_name(record("CLOSE"), text)  # shouted, not an acronym
    assert not _spelled_like_a_name(record("Veltra", label="PERSON"), text)  # surnames have their own rule


def test_the_team_is_the_team_named_before_whose_name_ends_in_a_plural(nlp):
    _, a = analysis_of("The Lowen Bay Herons beat the Carver City Miners 4-2 on Sunday. The Lowen Bay Herons "
                       "have won six straight. The team will host Carver City again on Tuesday.", nlp)
    assert mentions_of(a, entity_named(a, "Lowen Bay Herons"))[-1] == "The team"


def test_a_name_ending_in_an_institutional_plural_is_no_team():
    from storyline.analyze.entities import _team_name

    assert _team_name("Lowen Bay Herons") and _team_name("Cubs")
    assert not any(_team_name(n) for n in ("United Nations", "Harbor Studios", "Delta Airlines", "NASA", "Ross"))


def test_the_ministry_is_the_organisation_whose_name_opens_with_it():
    from storyline.analyze.entities import _named_by_head

    assert _named_by_head("ministry of defence", (" ministry",), "ministry")
    assert _named_by_head("calder ministry", (" ministry",), "ministry")
    assert not _named_by_head("bank of england", (" port",), "port")


def test_a_company_called_by_the_first_word_of_its_name_is_that_company(nlp):
    """The small NER reads the lone "Corvane" as a person; the name it opens says otherwise."""
    _, a = analysis_of("Shares of Corvane Computer rose on Monday. Corvane said its sales grew, and Corvane "
                       "stock jumped.", nlp)
    company = entity_named(a, "Corvane Computer")
    assert mentions_of(a, company) == ["Corvane Computer", "Corvane"]
    assert [e.name for e in a.entities if e.label == "PERSON"] == []


def test_a_first_word_two_organisations_open_with_belongs_to_neither(nlp):
    _, a = analysis_of("Shares of Corvane Computer rose after Corvane Records sued it on Monday. "
                       "Corvane said the case was about its name.", nlp)
    for name in ("Corvane Computer", "Corvane Records"):
        assert mentions_of(a, entity_named(a, name)) == [name]


def test_a_maker_before_a_model_number_is_part_of_a_product_name(nlp):
    from storyline.analyze.entities import _model_number_after

    doc = nlp("The final Aerovex 717 left the factory, and Aerovex A350 jets still fly for Aerovex in 2008.")
    after = {t.i: _model_number_after(doc, t) for t in doc if t.text == "Aerovex"}
    assert list(after.values()) == [True, True, False]


def test_a_thing_a_firm_makes_does_not_take_the_firms_name(nlp):
    _, a = analysis_of("Shoppers lined up for the new Corvane Watch on Monday. Corvane said its sales grew.", nlp)
    assert mentions_of(a, entity_named(a, "Corvane Watch")) == ["Corvane Watch"]


def test_a_place_that_opens_an_institutions_name_stays_the_place(nlp):
    _, a = analysis_of("The Corvane Police Department arrested two men on Monday. Corvane has 40,000 people.", nlp)
    police = entity_named(a, "Corvane Police Department")
    assert mentions_of(a, police) == ["Corvane Police Department"]


def test_a_quoted_phrase_is_no_role_of_who_said_it(nlp):
    _, a = analysis_of("Eastside Council member Ines Varga on Wednesday called Mayor Tom Reyes’s plan to shut the "
                       "Harlow Street Bridge for more than a year “a radical experiment on working families” and "
                       "vowed to fight it.", nlp)
    varga = next(e for e in a.entities if e.name == "Ines Varga")
    assert not any("experiment" in r for r in varga.roles)
