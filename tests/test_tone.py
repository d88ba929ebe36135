"""Tone toward people: target-dependent, quotes by the person left out, negation, evidence sentences."""

from __future__ import annotations

import pytest

from storyline.analyze.tone import assess_tone
from storyline.model import Article, Entity, Mention


def tones(text: str, nlp, people: list[str], others: list[str] = ()) -> dict[str, tuple[str, list[str]]]:
    """{name: (polarity, evidence sentences)} with every occurrence of each name as a mention."""
    entities = [Entity(n, n, "PERSON") for n in people] + [Entity(n, n, "ORG") for n in others]
    mentions = []
    for name in [*people, *others]:
        at = text.find(name)
        while at >= 0:
            mentions.append(Mention(name, name, at, at + len(name), "PERSON" if name in people else "ORG"))
            at = text.find(name, at + 1)
    result = assess_tone(nlp(text), Article(id="a", source="t", text=text), entities, mentions)
    return {t.entity_id: (t.polarity, [text[e.start:e.end] for e in t.evidence]) for t in result}


def test_an_accusation_is_negative_for_its_target_not_for_the_accuser(nlp):
    found = tones("Smith accused Jones of corruption. Jones denied it.", nlp, ["Smith", "Jones"])
    polarity, evidence = found["Jones"]
    assert polarity == "negative" and evidence[0] == "Smith accused Jones of corruption."
    # (the classifier, like NewsMTSC's annotators, may also read the denial as unfavourable)
    assert found["Smith"][0] == "neutral"


def test_praise_and_success_are_positive(nlp):
    found = tones("Voters praised Smith for her reforms. Smith won a second term.", nlp, ["Smith"])
    assert found["Smith"] == ("positive", ["Voters praised Smith for her reforms.", "Smith won a second term."])


def test_passive_charges_count_against_the_person(nlp):
    found = tones("The embattled mayor, Jones, was indicted on Friday.", nlp, ["Jones"])
    assert found["Jones"][0] == "negative"


def test_a_modifier_of_the_name_counts(nlp):
    found = tones("The disgraced Jones returned to the city on Monday.", nlp, ["Jones"])
    assert found["Jones"][0] == "negative"


def test_words_quoted_from_the_person_are_not_tone_toward_them(nlp):
    found = tones('Smith said: "I am a failure and my critics are right." He left.', nlp, ["Smith"])
    assert found["Smith"][0] == "neutral"


def test_words_about_someone_else_in_the_sentence_do_not_count(nlp):
    found = tones("Smith said he would deport violent criminals.", nlp, ["Smith"])
    assert found["Smith"] == ("neutral", [])


def test_negation_flips_the_word(nlp):
    found = tones("Jones was not corrupt, the inquiry found.", nlp, ["Jones"])
    assert found["Jones"][0] == "positive"


def test_one_unfavourable_sentence_among_many_neutral_ones_stays_neutral(nlp):
    text = ("Jones was indicted in May. Jones visited the school. Jones met teachers. "
            "Jones spoke about budgets. Jones toured the library. Jones returned home.")
    polarity, evidence = tones(text, nlp, ["Jones"])["Jones"]
    assert polarity == "neutral"
    assert evidence[0] == "Jones was indicted in May."  # the sentence that carried tone is still shown
    assert len(evidence) <= 2  # (the classifier may lean on one more of the plain ones)


def test_only_people_are_rated(nlp):
    found = tones("Acme Corp was accused of fraud by Smith.", nlp, ["Smith"], others=["Acme Corp"])
    assert set(found) == {"Smith"}


def test_evidence_offsets_are_sentences_of_the_article(nlp):
    text = "Smith accused Jones of corruption. Jones denied it."
    doc = nlp(text)
    sentences = {(s.start_char, s.end_char) for s in doc.sents}
    entities = [Entity("j", "Jones", "PERSON")]
    mentions = [Mention("j", "Jones", 14, 19, "PERSON"), Mention("j", "Jones", 35, 40, "PERSON")]
    (tone,) = assess_tone(doc, Article(id="a", source="t", text=text), entities, mentions)
    assert tone.evidence and all((e.start, e.end) in sentences for e in tone.evidence)


def test_without_a_parse_there_is_no_rating():
    assert assess_tone(None, Article(id="a", source="t", text="Smith won."), [Entity("s", "Smith", "PERSON")], []) == []


@pytest.mark.parametrize("name", ["Eric Adams", "Tom Homan"])
def test_seed_people_get_a_rating(seeds_dir, nlp, name):
    from storyline.analyze import analyze_doc
    from storyline.extract import extract
    from storyline.model import RawDocument

    path = sorted(seeds_dir.glob("*.txt"))[1]
    article = extract(RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), format="text"))
    analysis = analyze_doc(article, nlp(article.text))
    names = {e.id: e.name for e in analysis.entities}
    rated = {names[t.entity_id]: t for t in analysis.tone}
    if name not in rated:
        pytest.skip("the entity finder did not report this person")
    sentences = {(s.start, s.end) for s in analysis.sentences}
    assert all((e.start, e.end) in sentences for e in rated[name].evidence)


def rated_sentences(text: str, nlp, name: str, quotes=None):
    entities = [Entity(name, name, "PERSON")]
    mentions = []
    at = text.find(name)
    while at >= 0:
        mentions.append(Mention(name, name, at, at + len(name), "PERSON"))
        at = text.find(name, at + 1)
    (tone,) = assess_tone(nlp(text), Article(id="a", source="t", text=text), entities, mentions, quotes)
    return tone, {text[s.start:s.end]: s for s in tone.sentences}


def test_the_classifier_rates_a_damning_sentence_negative_and_says_which_words(nlp):
    # no word of the hand lexicon bears on Reyes here: the classifier alone decides
    text = "Reyes has been a disaster for the city, leaving behind a trail of broken promises and wasted money."
    tone, sentences = rated_sentences(text, nlp, "Reyes")
    (rating,) = sentences.values()
    assert rating.polarity == "negative" and not rating.uncertain
    assert 0.4 <= rating.confidence <= 1
    words = {text[e.start:e.end] for e in rating.evidence}
    assert "disaster" in words, words
    assert rating.holder is None  # the outlet's own sentence
    assert tone.polarity == "negative"


def test_the_classifier_rates_a_glowing_sentence_positive(nlp):
    text = "Supporters cheered as Senator Okafor won a landslide victory, celebrated for her tireless work."
    tone, sentences = rated_sentences(text, nlp, "Okafor")
    (rating,) = sentences.values()
    assert rating.polarity == "positive"
    assert rating.evidence and all(text[e.start:e.end].strip() for e in rating.evidence)
    assert tone.polarity == "positive"


def test_each_person_in_one_sentence_gets_their_own_answer(nlp):
    text = "Voters praised Smith for her honest campaign, while Jones was indicted for fraud."
    found = tones(text, nlp, ["Smith", "Jones"])
    assert found["Smith"][0] == "positive"
    assert found["Jones"][0] == "negative"


def test_tone_inside_a_quotation_is_the_speakers_not_the_outlets(nlp):
    from storyline.model import Quote

    text = '"Lee is a disgrace and a liar," Park said. Lee spoke at the hearing.'
    end = text.index(',"') + 1
    quotes = [Quote(text[1:end], 1, end, "direct", speaker="Park", speaker_entity_id="park")]
    tone, sentences = rated_sentences(text, nlp, "Lee", quotes)
    quoted = sentences['"Lee is a disgrace and a liar," Park said.']
    assert quoted.polarity == "negative"
    assert (quoted.holder, quoted.holder_entity_id) == ("Park", "park")  # Park said of Lee
    assert tone.polarity == "neutral"  # the outlet's own sentence about Lee is plain
    assert [text[e.start:e.end] for e in tone.evidence] == []


def feature_names(text: str, nlp, name: str) -> set[str]:
    from storyline.analyze.tone import target_feature_set

    doc = nlp(text)
    at = text.index(name)
    span = doc.char_span(at, at + len(name))
    return set(target_feature_set(span.sent, [span], text, dense=False).values)


def test_the_words_before_and_after_a_person_are_told_apart(nlp):
    winner = feature_names("Smith beat Jones in the final round.", nlp, "Smith")
    loser = feature_names("Smith beat Jones in the final round.", nlp, "Jones")
    assert "rb:beat" in winner and "lb:beat" not in winner
    assert "lb:beat" in loser and "rb:beat" not in loser


def test_a_negator_turns_the_valence_of_the_persons_clause(nlp):
    assert "nv:neg" in feature_names("Jones was not honest, the inquiry found.", nlp, "Jones")
    assert "nv:pos" in feature_names("Jones was honest, the inquiry found.", nlp, "Jones")


def test_the_other_people_a_sentence_names_are_counted(nlp):
    names = feature_names("Smith met Jones and Alice Walker in Paris.", nlp, "Smith")
    assert any(n.startswith("others:") and n != "others:0" for n in names), sorted(n for n in names if "others" in n)


def test_the_hand_rule_stands_only_for_directed_verbs_and_negated_words():
    from storyline.analyze.tone import _rule_stands
    from storyline.analyze.tone_features import FeatureSet

    def fs(rule=0, actor=False, flipped=False):
        f = FeatureSet()
        f.rule, f.actor, f.flipped = rule, actor, flipped
        return f

    assert _rule_stands(fs(actor=True), "directed")  # "X accused Y": nothing about X
    assert _rule_stands(fs(rule=1, flipped=True), "directed")  # "not corrupt"
    assert not _rule_stands(fs(rule=-1), "directed")  # a plain lean: the classifier reads it
    assert _rule_stands(fs(rule=-1), "lean")  # (main's behaviour)
    assert not _rule_stands(fs(actor=True), "never")


def test_the_shipped_weights_are_small_linear_and_licensed():
    from importlib import resources

    from storyline.analyze.tone import MODEL_FILE, load_tone_model

    root = resources.files("storyline.analyze")
    assert len(root.joinpath(MODEL_FILE).read_bytes()) < 2_000_000
    models = root.joinpath("models")
    assert "MIT" in models.joinpath("LICENSE.NewsMTSC").read_text("utf-8")
    model = load_tone_model()
    assert model.classes == ["negative", "neutral", "positive"]
    assert all(len(w) == 3 for w in model.weights.values())
