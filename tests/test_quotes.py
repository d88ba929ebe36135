"""Quotes with their speakers, one small invented article per behaviour."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.analyze import analyze
from storyline.model import Article


def quotes_of(text: str, nlp):
    article = Article(id="t", source="test", text=text)
    return article, analyze(article, nlp).quotes


def quote_starting(quotes, words: str):
    found = [q for q in quotes if q.text.startswith(words)]
    assert found, f"no quote starts with {words!r}: {[q.text for q in quotes]}"
    return found[0]


def test_direct_quote_with_name_after_it(nlp):
    article, quotes = quotes_of(
        "Mayor Jane Okafor spoke on Monday.\n\n“We will rebuild the bridge,” Okafor said.", nlp)
    q = quote_starting(quotes, "We will rebuild")
    assert q.kind == "direct"
    assert q.speaker == "Jane Okafor"
    assert q.cue == "said"
    assert article.text[q.speaker_start:q.speaker_end] == "Okafor"
    assert q.text == article.text[q.start:q.end] == "We will rebuild the bridge,"


def test_split_quote_keeps_one_speaker(nlp):
    _, quotes = quotes_of(
        "Council member Paul Reyes voted no.\n\n"
        "“Well, vote me out,” Reyes continued, “because I am going to protect this town.”", nlp)
    first = quote_starting(quotes, "Well, vote me out")
    second = quote_starting(quotes, "because I am going")
    assert first.speaker == second.speaker == "Paul Reyes"


def test_paragraph_that_is_only_a_quotation_continues_the_speaker(nlp):
    _, quotes = quotes_of(
        "“The budget is balanced,” Treasurer Ana Silva told reporters.\n\n"
        "“We have cut waste in every department. Nobody will lose their job.”", nlp)
    q = quote_starting(quotes, "We have cut waste")
    assert q.kind == "direct"
    assert q.speaker == "Ana Silva"
    assert "Nobody will lose their job." in q.text  # several sentences in one quotation


def test_pronoun_after_a_paragraph_about_someone_else(nlp):
    _, quotes = quotes_of(
        "Governor Maria Lopez visited the flooded valley on Tuesday.\n\n"
        "The levee was built by engineer Tom Baker in 1990 and was repaired last year.\n\n"
        "“We will not let this happen again,” she said.", nlp)
    q = quote_starting(quotes, "We will not let")
    assert q.speaker == "Maria Lopez"


def test_he_said_goes_to_the_subject_not_the_last_name_mentioned(nlp):
    _, quotes = quotes_of(
        "Senator John Park said he met Robert Hale, the union leader, on Friday.\n\n"
        "“I am willing to meet with anybody,” he said.", nlp)
    assert quote_starting(quotes, "I am willing").speaker == "John Park"


def test_role_noun_as_speaker(nlp):
    article, quotes = quotes_of(
        "Police Commissioner Dana Wright said the unit would be closed.\n\n"
        "“I have been clear that I want to work with them,” the former detective said.", nlp)
    q = quote_starting(quotes, "I have been clear")
    assert q.speaker == "Dana Wright"
    assert article.text[q.speaker_start:q.speaker_end] == "the former detective"


def test_anonymous_source_is_kept_as_such(nlp):
    article, quotes = quotes_of(
        "The talks stalled this week.\n\n"
        "“Nobody is happy with the progress,” a source with knowledge of the meeting said.", nlp)
    q = quote_starting(quotes, "Nobody is happy")
    assert q.speaker == "anonymous source"
    assert article.text[q.speaker_start:q.speaker_end] == "a source with knowledge of the meeting"


def test_unnamed_spokesman_is_not_the_organisation_before_him(nlp):
    article, quotes = quotes_of("“We disagree with the ruling,” a White House spokesman said.", nlp)
    q = quote_starting(quotes, "We disagree")
    assert q.speaker == "a White House spokesman"
    assert q.speaker_entity_id is None


@pytest.mark.parametrize("text, speaker", [
    ("“The ferry will run all night,” prosecutors in Lisbon said on Monday.", "prosecutors in Lisbon"),
    ("“The ferry will run all night,” a Portuguese newspaper reported.", "a Portuguese newspaper"),
])
def test_a_place_or_nationality_qualifies_the_speakers_but_does_not_speak(nlp, text, speaker):
    _, quotes = quotes_of(text, nlp)
    q = quote_starting(quotes, "The ferry will run")
    assert q.speaker == speaker and q.speaker_entity_id is None


def test_an_unnamed_speaker_is_named_without_the_clause_that_follows(nlp):
    _, quotes = quotes_of(
        "A railing broke on Sunday. A zoo visitor who was at the exhibit when it happened said the crowd "
        "“heard a crash” first.", nlp)
    assert quote_starting(quotes, "heard a crash").speaker == "A zoo visitor"


@pytest.mark.parametrize("text", [
    "“The vote stands,” the council's spokesman, Daniel Mbeki, said.",
    "“The vote stands,” a spokesman for the council, Daniel Mbeki, said.",
    "“The vote stands,” council chairman and chief executive Daniel Mbeki said.",
])
def test_a_role_set_beside_a_name_is_that_person(nlp, text):
    _, quotes = quotes_of(text, nlp)
    assert quote_starting(quotes, "The vote stands").speaker == "Daniel Mbeki"


def test_organisation_as_speaker_in_a_statement(nlp):
    _, quotes = quotes_of(
        "The Harbor Workers Alliance said in a statement that the deal was “a betrayal of every "
        "dock worker in the city.”", nlp)
    q = quote_starting(quotes, "a betrayal of every")
    assert q.kind == "partial"
    assert q.speaker == "Harbor Workers Alliance"


def test_she_said_in_a_statement(nlp):
    _, quotes = quotes_of(
        "City spokeswoman Lena Ortiz said the mayor has long been clear.\n\n"
        "“That work includes meeting with the governor,” she said in a statement.", nlp)
    assert quote_starting(quotes, "That work includes").speaker == "Lena Ortiz"


def test_partial_quote_inside_reported_speech(nlp):
    _, quotes = quotes_of(
        "Mayor Ken Adeyemi met the governor on Monday. The Republican expressed his desire to "
        "“work together” on the budget.", nlp)
    q = quote_starting(quotes, "work together")
    assert q.kind == "partial"
    assert q.speaker == "Ken Adeyemi"


@pytest.mark.parametrize("text, term", [
    ("The city kept its “sanctuary” status for another year.", "sanctuary"),
    ("She said she had met the state's “water czar” Tim Dole in May.", "water czar"),
    ("The band played “Born to Run” at the rally on Sunday.", "Born to Run"),
])
def test_scare_quotes_and_titles_are_not_speech(nlp, text, term):
    _, quotes = quotes_of(text, nlp)
    assert not [q for q in quotes if q.kind != "indirect" and q.text.startswith(term)]


def test_indirect_speech(nlp):
    article, quotes = quotes_of(
        "Chief Sara Kim told reporters that the station would reopen next week.", nlp)
    q = [q for q in quotes if q.kind == "indirect"][0]
    assert q.speaker == "Sara Kim"
    assert q.cue == "told"
    assert "the station would reopen next week" in q.text


def test_a_report_that_puts_its_clause_first_is_indirect_speech(nlp):
    article, quotes = quotes_of(
        "Mayor Tom Hale visited the site on Monday.\n\nThe bridge will reopen in May, Hale told reporters.\n\n"
        "Three people were hurt in the crash, police said.", nlp)
    bridge = quote_starting(quotes, "The bridge will reopen")
    assert (bridge.kind, bridge.speaker, bridge.cue) == ("indirect", "Tom Hale", "told")
    assert bridge.text == "The bridge will reopen in May"
    assert quote_starting(quotes, "Three people were hurt").speaker == "police"


def test_a_report_set_between_commas_inside_its_clause_gives_the_whole_clause(nlp):
    article, quotes = quotes_of("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.", nlp)
    q = quote_starting(quotes, "Lenox was a juggernaut")
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Clarke", "said")
    assert q.text == "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999"


def test_a_clause_before_a_verb_that_only_continues_the_sentence_is_no_report(nlp):
    _, quotes = quotes_of("After the vote, the council said nothing and went home.\n\n"
                          "The plan, which the council approved, will cost $5 million.", nlp)
    assert quotes == []


TRANSCRIPT = """Mayor Tom Hale sat down with the Gazette on Friday. This interview has been edited for length.

Q: Why did you run again?

A: Because the city needs a new bridge, and nobody else was going to build it.

HALE: The budget is fine. We have the money.

Update: This story was corrected on Monday to fix the date of the vote."""


def test_transcript_lines_are_direct_quotes_of_the_labelled_person(nlp):
    _, quotes = quotes_of(TRANSCRIPT, nlp)
    answer = quote_starting(quotes, "Because the city needs")
    assert (answer.kind, answer.speaker) == ("direct", "Tom Hale")
    assert quote_starting(quotes, "The budget is fine").speaker == "Tom Hale"
    assert not [q for q in quotes if q.text.startswith(("Why did you", "This story was corrected"))]


def test_one_label_line_is_a_kicker_not_a_transcript(nlp):
    _, quotes = quotes_of("Fact check: Mayor Tom Hale is right about the bridge budget this year.\n\n"
                          "The council approved the plan on Monday.", nlp)
    assert quotes == []


def test_a_name_the_ner_missed_speaks_rather_than_the_organisation_in_its_aside(nlp):
    from storyline.analyze.quotes import find_quotes
    from storyline.model import Entity, Mention

    text = "“The path to dialogue will open,” Ilse Varga, professor emeritus at Calder University, told the paper."
    article = Article(id="t", source="test", text=text)
    at = text.index("Calder University")
    university = Entity(id="t:e1", name="Calder University", label="ORG")  # as if the NER had missed the name
    mention = Mention(university.id, "Calder University", at, at + len("Calder University"), "ORG")
    quotes = find_quotes(nlp(text), article, [university], [mention])
    assert quote_starting(quotes, "The path to dialogue").speaker == "Ilse Varga"


def test_reported_claim_holding_a_partial_quote(nlp):
    _, quotes = quotes_of(
        "Auditors rejected Mayor Ann Lee's claim that the budget had “no hidden costs” at all.", nlp)
    q = [q for q in quotes if q.kind == "indirect" and q.cue == "claim"][0]
    assert q.text.startswith("that the budget had “no hidden costs”")
    assert q.speaker == "Ann Lee"
    rejected = [q for q in quotes if q.cue == "rejected"][0]  # the auditors' stance holds her claim
    assert rejected.text.startswith("Mayor Ann Lee's claim") and rejected.speaker == "Auditors"
    assert rejected.source_type == "group"


def test_according_to_is_indirect_speech(nlp):
    _, quotes = quotes_of("According to the Port Authority, traffic fell by a third in May.", nlp)
    q = [q for q in quotes if q.kind == "according-to"][0]
    assert q.cue == "according to"
    assert q.text.startswith("traffic fell by a third")
    assert (q.cue_start, q.cue_end) == (0, len("According to"))


def test_single_quotation_marks_with_a_speech_verb(nlp):
    _, quotes = quotes_of(
        "Health Minister Priya Shah said: ‘We will not close a single ward.’\n\n"
        "Critics called the plan ‘Operation Patience’ in a new report.", nlp)
    assert quote_starting(quotes, "We will not close").speaker == "Priya Shah"
    assert not [q for q in quotes if q.text.startswith("Operation Patience")]


def test_straight_quotes_and_signed_quotations(nlp):
    _, quotes = quotes_of(
        '"It was the least bad outcome," Mr. Morgan of the river trust said.\n'
        "“Nothing will change for us.” ― Carla Ruiz", nlp)
    assert quote_starting(quotes, "It was the least bad").speaker_start is not None
    assert quote_starting(quotes, "Nothing will change").speaker == "Carla Ruiz"


_WORDS = ["Mayor", "Ann", "Lee", "said", "told", "he", "she", "the", "mayor", "a", "source",
          "“", "”", '"', ",", ".", ":", "\n\n", "\n", "(", "ABC", ")", "Office", "of", "Roads",
          "work", "together", "’s", "according", "to", "—", "Bob", "Stone", "added", " "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join))
def test_offsets_round_trip_on_random_text(nlp, text):
    article = Article(id="r", source="random", text=text)
    analysis = analyze(article, nlp)
    for m in analysis.mentions:
        assert text[m.start:m.end] == m.text
    for q in analysis.quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_an_ing_cue_without_a_subject_borrows_the_speaker_of_the_verb_it_hangs_on(nlp):
    _, quotes = quotes_of(
        "Speaking outside the clinic, where he is being treated for broken ribs, Tom Hale said people "
        "were screaming and there was \"blood everywhere\", describing the scene as \"like something "
        "out of a film\".", nlp)
    for words in ("blood everywhere", "like something"):
        assert quote_starting(quotes, words).speaker == "Tom Hale"  # never "the scene" it describes


def test_adding_reports_the_same_speaker_as_the_verb_before_it(nlp):
    _, quotes = quotes_of(
        "Speaking Friday, ministry spokeswoman Lena Varga said it was \"unhelpful to blame others,\" "
        "adding those parties directly involved \"should shoulder the responsibility.\"", nlp)
    assert quote_starting(quotes, "should shoulder").speaker == "Lena Varga"


def test_quoted_as_saying_names_the_one_quoted(nlp):
    _, quotes = quotes_of(
        "Rosa Quill is quoted in the Harbor Courier on Monday as saying the depot would close.", nlp)
    assert quote_starting(quotes, "the depot would close").speaker == "Rosa Quill"


def test_a_clause_after_amid_fears_is_not_what_the_verb_reports(nlp):
    _, quotes = quotes_of("The tower is safe, a leading engineer has said amid fears it could soon collapse.", nlp)
    assert not any(q.text.startswith("it could soon collapse") for q in quotes)
    _, quotes = quotes_of("The water board said in a statement it would raise rates in July.", nlp)
    assert quote_starting(quotes, "it would raise rates").speaker == "The water board"


def test_whoever_issued_the_statement_is_its_speaker(nlp):
    _, quotes = quotes_of('President Ana Ruiz issued a statement saying, "We stand with the families."', nlp)
    assert quote_starting(quotes, "We stand").speaker == "Ana Ruiz"


def test_turns_of_phrase_with_say_or_tell_report_nothing(nlp):
    _, quotes = quotes_of("It was too soon to tell whether the flood would hurt tourism. But it is safe to "
                          "say that the plans are the most advanced.", nlp)
    assert quotes == []


def test_someone_kept_unnamed_at_their_request_is_an_anonymous_source(nlp):
    _, quotes = quotes_of("A hospital administrator who was not authorized to speak publicly said executives "
                          "had discussed a fast-track area.", nlp)
    assert quote_starting(quotes, "executives had discussed").speaker == "anonymous source"
    _, quotes = quotes_of("A hospital administrator said the new wing would open in May.", nlp)
    assert quote_starting(quotes, "the new wing").speaker == "A hospital administrator"


def test_a_day_never_speaks_and_a_name_the_parser_hung_a_clause_on_does(nlp):
    _, quotes = quotes_of("Council member Teresa Quill on Wednesday called the mayor’s plan to shut the bridge "
                          "“a radical experiment on working families” and vowed to fight it.", nlp)
    assert quote_starting(quotes, "a radical experiment").speaker == "Teresa Quill"


# ------------------------------------------------------------------ every attribution, not only quotations


def only(quotes, cue: str):
    found = [q for q in quotes if q.cue == cue]
    assert len(found) == 1, f"not one attribution cued by {cue!r}: {[(q.cue, q.text) for q in quotes]}"
    return found[0]


def test_reported_speech_without_quotation_marks_is_indirect_with_cue_offsets(nlp):
    article, quotes = quotes_of("Governor Maria Lopez warned that the levee would not hold another storm.", nlp)
    q = only(quotes, "warned")
    assert q.kind == "indirect" and q.speaker == "Maria Lopez" and q.source_type == "named"
    assert q.text == "that the levee would not hold another storm"
    assert article.text[q.cue_start:q.cue_end] == "warned"


def test_a_belief_is_its_own_kind_and_a_group_is_kept_as_a_group(nlp):
    _, quotes = quotes_of("Democrats fear the bill will raise prices for families.", nlp)
    q = only(quotes, "fear")
    assert q.kind == "belief" and q.text == "the bill will raise prices for families"
    assert q.speaker == "Democrats" and q.source_type == "group"


def test_anonymous_sources_stay_anonymous(nlp):
    _, quotes = quotes_of("Two people briefed on the talks said the deal was close.", nlp)
    q = only(quotes, "said")
    assert q.speaker == "anonymous source" and q.source_type == "anonymous"


def test_an_unnamed_spokeswoman_is_a_role_and_a_named_one_is_her(nlp):
    _, quotes = quotes_of("A spokeswoman for the council said the vote would wait until March.", nlp)
    q = only(quotes, "said")
    assert q.speaker_entity_id is None and q.source_type in ("role", "anonymous")
    assert "spokeswoman" in (q.speaker or "")
    _, quotes = quotes_of("A council spokeswoman, Ana Ruiz, said the vote would wait until March.", nlp)
    assert only(quotes, "said").speaker == "Ana Ruiz"


def test_a_stance_attributes_what_it_acts_on(nlp):
    _, quotes = quotes_of("Senator Paul Reyes criticized the transit plan as reckless.", nlp)
    q = only(quotes, "criticized")
    assert q.kind == "indirect" and q.text == "the transit plan as reckless" and q.speaker == "Paul Reyes"


def test_a_passive_with_its_agent_attributes_to_the_agent(nlp):
    _, quotes = quotes_of("Mayor Jane Okafor was endorsed by the state teachers union on Friday.", nlp)
    q = only(quotes, "endorsed")
    assert q.text == "Mayor Jane Okafor" and "union" in q.speaker


def test_things_that_hold_no_view_attribute_nothing(nlp):
    _, quotes = quotes_of("The rate declined by four points in May, and the river reached the bridge.", nlp)
    assert quotes == []


def test_attributions_off_keeps_only_quotes_and_say_reports(nlp):
    from storyline.analyze.quotes import find_quotes

    text = "Democrats fear the bill will raise prices. Senator Paul Reyes criticized the transit plan."
    article = Article(id="t", source="test", text=text)
    analysis = analyze(article, nlp)
    off = find_quotes(nlp(text), article, analysis.entities, analysis.mentions, attributions=False)
    assert off == [] and {q.cue for q in analysis.quotes} == {"fear", "criticized"}


def test_two_apostrophes_are_a_double_quotation_mark(nlp):
    article, quotes = quotes_of(
        "Mayor Jane Okafor spoke on Monday.\n\n''We will rebuild the bridge,'' Okafor said. ''It will be safe.''", nlp)
    q = quote_starting(quotes, "We will rebuild")
    assert q.kind == "direct" and q.speaker == "Jane Okafor"
    assert q.text == "We will rebuild the bridge,"
    assert quote_starting(quotes, "It will be safe").speaker == "Jane Okafor"


def test_a_day_after_the_verb_never_speaks_and_an_aside_names_who_does(nlp):
    _, quotes = quotes_of(
        "Retired Gen. Paul Reyes said the mayor was right.\n\n"
        "“She's entirely right. There's a deep gap between this City Hall and frankly the mayor and our "
        "police,” Reyes, a top Okafor ally, said Thursday morning on Channel Four’s “Good Morning.”", nlp)
    q = quote_starting(quotes, "She's entirely right")
    assert q.speaker == "Paul Reyes"
