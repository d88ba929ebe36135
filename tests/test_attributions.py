"""Attributions without quotation marks, one small invented sentence per behaviour: who is
attributed what, with which cue and kind."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.model import Article


def attributions_of(text: str, nlp):
    return analyze(Article(id="t", source="test", text=text), nlp).quotes


def only(quotes, cue: str):
    found = [q for q in quotes if q.cue == cue]
    assert len(found) == 1, f"not one attribution cued by {cue!r}: {[(q.cue, q.text) for q in quotes]}"
    return found[0]


def test_a_poll_shows_what_it_measured(nlp):
    q = only(attributions_of("The new poll shows a tightening race in the state.", nlp), "shows")
    assert q.kind == "indirect" and q.text == "a tightening race in the state" and "poll" in q.speaker


def test_a_study_found_what_it_counted_but_a_mayor_finding_a_way_reports_nothing(nlp):
    quotes = attributions_of("A 2014 study by a law professor found 31 cases of fraud among a billion ballots.", nlp)
    q = only(quotes, "found")
    assert q.text.startswith("31 cases of fraud") and "study" in q.speaker
    assert attributions_of("The mayor found a way across the river.", nlp) == []


def test_people_named_by_what_they_do_hold_views(nlp):
    q = only(attributions_of("Regulators worried that the deal would collapse.", nlp), "worried")
    assert q.kind == "belief" and q.text.endswith("the deal would collapse") and q.speaker == "Regulators"


def test_states_that_sue_are_attributed_their_challenge(nlp):
    q = only(attributions_of("Twenty-seven states are challenging the new emission rules.", nlp), "challenging")
    assert q.text == "the new emission rules" and "states" in q.speaker


def test_what_a_verb_attributes_runs_on_past_its_object_but_not_into_when_it_was_said(nlp):
    quotes = attributions_of("Senator Paul Reyes described crass behavior by the host behind the scenes of "
                             "the show during a radio interview.", nlp)
    q = only(quotes, "described")
    assert q.text == "crass behavior by the host behind the scenes of the show"


def test_a_verb_after_a_preposition_borrows_the_subject_of_the_verb_it_hangs_on(nlp):
    quotes = attributions_of("Senator Paul Reyes started off by emphasizing economic fairness.", nlp)
    q = only(quotes, "emphasizing")
    assert q.text == "economic fairness" and q.speaker == "Paul Reyes"


def test_an_unresolved_they_is_kept_as_the_one_who_blames(nlp):
    quotes = attributions_of("The council members met on Monday. They blamed the mayor for the delay.", nlp)
    q = only(quotes, "blamed")
    assert q.text.startswith("the mayor") and q.speaker_start is not None


def test_a_stance_noun_after_a_linking_verb_is_a_stance(nlp):
    q = only(attributions_of("Senator Paul Reyes is a staunch opponent of the death penalty.", nlp), "opponent")
    assert q.text == "the death penalty" and q.speaker == "Paul Reyes"


def test_a_clause_given_on_the_word_of_a_poll(nlp):
    q = only(attributions_of("In the latest poll, Mayor Jane Okafor led by five points.", nlp), "In")
    assert q.kind == "according-to" and q.text.startswith("Mayor Jane Okafor led by five points")
    assert "poll" in q.speaker


def test_an_expectation_without_a_source_keeps_no_source(nlp):
    q = only(attributions_of("The council vote is expected to slip to March.", nlp), "expected")
    assert q.kind == "belief" and q.speaker is None and q.speaker_start is None
    assert q.text.startswith("The council vote") and q.text.endswith("to slip to March")


def test_how_something_seems_is_a_belief_with_no_source(nlp):
    q = only(attributions_of("Borrowing against the house seems too risky for most families.", nlp), "seems")
    assert q.kind == "belief" and q.speaker is None
    assert q.text.startswith("Borrowing against the house") and "too risky" in q.text


def test_a_that_clause_misread_as_relative_is_what_was_told(nlp):
    quotes = attributions_of("In Springfield last week, Mayor Jane Okafor told a meeting of county leaders "
                             "that few people understood the cost of the bridge.", nlp)
    q = only(quotes, "told")
    assert q.text.endswith("few people understood the cost of the bridge") and q.speaker == "Jane Okafor"


def test_questions_someone_faces_from_nobody_named_keep_no_source(nlp):
    q = only(attributions_of("Mayor Jane Okafor has faced questions about the bridge contracts.", nlp), "questions")
    assert q.text == "the bridge contracts" and q.speaker is None


def test_a_headline_verb_read_as_a_noun_still_reports(nlp):
    q = only(attributions_of("Federal court rules against the county's purge of voter rolls.", nlp), "rules")
    assert q.text == "against the county's purge of voter rolls" and "court" in q.speaker


def test_an_aside_closing_the_content_is_the_writers_not_the_sources(nlp):
    quotes = attributions_of("Senator Paul Reyes questioned the wisdom of the bridge tax, which has never "
                             "faced a vote in the county.", nlp)
    q = only(quotes, "questioned")
    assert q.text == "the wisdom of the bridge tax"


def test_according_to_a_source_whose_phrase_the_parser_ran_to_the_end(nlp):
    quotes = attributions_of("According to talk radio host Paul Reyes, the move reeks of “fear” and panic.", nlp)
    q = only([q for q in quotes if q.kind == "according-to"], "according to")
    assert q.text.startswith("the move reeks of") and q.speaker == "Paul Reyes"



def test_a_subhead_in_capitals_reports_nothing(nlp):
    quotes = attributions_of("EVEN HIS BOSS THINKS HE IS FULL OF NONSENSE — The head of the studio said as much "
                             "in an email.", nlp)
    assert not [q for q in quotes if q.cue and q.cue.isupper()]


def test_a_second_thing_mentioned_in_the_same_breath_is_part_of_what_was_mentioned(nlp):
    quotes = attributions_of("Jane Okafor has mentioned refinancing car loans and forcing banks to cut more "
                             "from their fees to help drivers.", nlp)
    q = only(quotes, "mentioned")
    assert q.text == "refinancing car loans and forcing banks to cut more from their fees to help drivers"
