"""Date expressions, found in text and resolved against an article's anchor date."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.dates import find_dates, reresolve_dates, resolve_date_expression
from storyline.model import Article, InferredDate

TUESDAY = "2026-01-13"  # a Tuesday
BLANK = spacy.blank("en")  # a tokenizer only: no tagger, parser or entities
WEDNESDAY = "2025-02-12"


def article(text: str, published: str | None = TUESDAY, **kwargs) -> Article:
    return Article(id="a", source="test", text=text, published=published, **kwargs)


def dates_in(text: str, published: str | None = TUESDAY, doc=None) -> list[tuple[str, str | None, str | None]]:
    doc = doc if doc is not None else BLANK(text)
    return [(d.text, d.resolved, d.precision) for d in find_dates(doc, article(text, published))]


# --------------------------------------------------------------------------- weekdays


def test_a_weekday_in_past_narrative_is_the_most_recent_one():
    assert dates_in("Homan said Monday he would meet the mayor.") == [("Monday", "2026-01-12", "day")]
    assert dates_in("The prosecutor resigned on Friday.") == [("Friday", "2026-01-09", "day")]


def test_a_weekday_that_names_the_publication_day_is_that_day():
    assert dates_in("The mayor said Tuesday he is committed.") == [("Tuesday", "2026-01-13", "day")]


def test_a_weekday_in_a_future_context_is_the_coming_one():
    assert dates_in("The two will meet Thursday at the mayor's office.") == [("Thursday", "2026-01-15", "day")]
    assert dates_in("He is set to testify on Monday.") == [("Monday", "2026-01-19", "day")]
    assert dates_in("Protesters gathered ahead of Friday's vote.") == [("Friday", "2026-01-16", "day")]


def test_a_future_word_after_a_past_speech_verb_still_reads_as_future():
    assert dates_in("Officials said the council will vote Wednesday.") == [("Wednesday", "2026-01-14", "day")]


def test_a_past_verb_right_before_the_weekday_wins_over_an_earlier_future():
    text = "The mayor will sign the order, his office announced Monday."
    assert dates_in(text) == [("Monday", "2026-01-12", "day")]


def test_last_and_next_weekday_skip_the_publication_day():
    assert dates_in("It happened last Tuesday.") == [("last Tuesday", "2026-01-06", "day")]
    assert dates_in("It opens next Tuesday.") == [("next Tuesday", "2026-01-20", "day")]


def test_a_weekday_with_a_part_of_day_keeps_day_precision():
    assert dates_in("They met Thursday morning.", published=WEDNESDAY) == [("Thursday morning", "2025-02-06", "day")]


def test_holidays_named_after_weekdays_are_not_weekdays():
    assert dates_in("Shoppers lined up on Black Friday.") == []


# --------------------------------------------------------------------------- months, weeks, years


def test_a_bare_month_in_past_narrative_is_the_most_recent_one_not_after_publication():
    assert dates_in("They first met in December.", published="2025-02-12") == [("December", "2024-12", "month")]
    assert dates_in("The report came out in February.", published="2025-02-12") == [("February", "2025-02", "month")]


def test_a_bare_month_in_a_future_context_is_the_coming_one():
    assert dates_in("The trial will start in March.", published="2025-02-12") == [("March", "2025-03", "month")]
    assert dates_in("The law will take effect in January.", published="2025-02-12") == [("January", "2026-01", "month")]


def test_next_and_last_month_names():
    assert dates_in("He does not want to wait till next January.", published="2025-02-12") == [
        ("next January", "2026-01", "month")
    ]
    assert dates_in("Prices rose last March.", published="2025-02-12") == [("last March", "2024-03", "month")]


def test_month_names_need_a_date_context_to_be_months():
    assert dates_in("Thousands march in the capital. Officials may respond.") == []
    assert dates_in("April Ryan asked Trump and May about the deal at Mar-a-Lago.") == []
    assert dates_in("It began in May.", published="2025-08-01") == [("May", "2025-05", "month")]


def test_last_week_is_monday_to_friday_of_the_previous_calendar_week():
    assert dates_in("Noem offered similar remarks last week.") == [("last week", "2026-01-05/2026-01-09", "week")]
    assert dates_in("Talks resume next week.") == [("next week", "2026-01-19/2026-01-23", "week")]


def test_weekends_and_seasons_are_ranges():
    assert dates_in("Protests spread last weekend.") == [("last weekend", "2026-01-10/2026-01-11", "week")]
    assert dates_in("Crops failed last summer.") == [("last summer", "2025-06-01/2025-08-31", "season")]
    assert dates_in("Sales peaked in the summer of 2019.") == [("summer of 2019", "2019-06-01/2019-08-31", "season")]


def test_months_and_years_relative_to_publication():
    assert dates_in("She posted a video last month.") == [("last month", "2025-12", "month")]
    assert dates_in("They met last year.") == [("last year", "2025", "year")]
    assert dates_in("Crime fell earlier this month.") == [("earlier this month", "2026-01", "month")]
    assert dates_in("Elections are due next year.") == [("next year", "2027", "year")]


def test_days_relative_to_publication():
    assert dates_in("He spoke yesterday and will speak again tomorrow.") == [
        ("yesterday", "2026-01-12", "day"),
        ("tomorrow", "2026-01-14", "day"),
    ]
    assert dates_in("The rule changed three days ago.") == [("three days ago", "2026-01-10", "day")]


# --------------------------------------------------------------------------- absolute dates


def test_absolute_dates_keep_their_precision_and_are_not_relative():
    found = find_dates(BLANK("x"), article("Posted December 3, 2024 after a 2014 law.", published=None))
    assert [(d.text, d.resolved, d.precision, d.relative) for d in found] == [
        ("December 3, 2024", "2024-12-03", "day", False)
    ]
    assert dates_in("It has applied since 2014.") == [("2014", "2014", "year")]
    assert dates_in("Filed on 2025-02-14.") == [("2025-02-14", "2025-02-14", "day")]
    assert dates_in("Sales peaked in March 2019.") == [("March 2019", "2019-03", "month")]
    assert dates_in("Rents doubled in the 1990s.") == [("the 1990s", "1990-01-01/1999-12-31", "decade")]


def test_a_month_and_day_without_a_year_takes_the_nearest_year_unless_tense_says_otherwise():
    assert dates_in("The hearing is on Feb. 20.", published="2025-02-14") == [("Feb. 20", "2025-02-20", "day")]
    assert dates_in("The decision came on Dec. 30.", published="2025-01-04") == [("Dec. 30", "2024-12-30", "day")]
    assert dates_in("He was arrested Feb. 20.", published="2025-02-14") == [("Feb. 20", "2024-02-20", "day")]


def test_a_weekday_written_with_its_date_is_read_as_that_date():
    assert dates_in("In this Thursday, Dec. 28, 2017 file photo, she waits.") == [
        ("this Thursday, Dec. 28, 2017", "2017-12-28", "day")
    ]


def test_a_passive_future_is_still_future():
    assert dates_in("The next mission will be launched in June.", published="2018-01-16") == [("June", "2018-06", "month")]


def test_names_that_look_like_dates_are_not_dates():
    assert dates_in("A Long March 4c rocket lifted off. (Photo: Florida Today)") == []
    assert dates_in("Sales rose over the past week and the last year.") == []


def test_named_days_resolve_like_weekdays():
    assert dates_in("The storm hit on Christmas Day.", published="2017-12-27") == [("Christmas Day", "2017-12-25", "day")]
    assert dates_in("Stores will open on Thanksgiving.", published="2017-11-01") == [("Thanksgiving", "2017-11-23", "day")]
    assert dates_in("Turnout on Election Day was high.", published="2016-11-10") == [("Election Day", "2016-11-08", "day")]


def test_a_year_followed_by_a_comma_is_still_a_year():
    assert dates_in("In 2016, Apple dropped the jack.") == [("2016", "2016", "year")]


def test_a_run_of_days_is_a_range_of_days():
    assert dates_in("The launch window runs Feb. 7-14.", published="2016-02-06") == [
        ("Feb. 7-14", "2016-02-07/2016-02-14", "day")
    ]


def test_durations_are_not_dates():
    assert dates_in("He served eight years and stayed 30 days.", doc=None) == []


# --------------------------------------------------------------------------- anchors


def test_without_an_anchor_relative_dates_are_listed_but_unresolved():
    found = find_dates(BLANK("x"), article("He said Monday.", published=None))
    assert [(d.text, d.resolved, d.relative, d.anchor) for d in found] == [("Monday", None, True, None)]


def test_an_inferred_day_is_used_as_the_anchor():
    inferred = InferredDate(date="2026-01-13", precision="day", basis="test")
    found = find_dates(BLANK("x"), article("He said Monday.", published=None, published_inferred=inferred))
    assert [(d.resolved, d.anchor) for d in found] == [("2026-01-12", "2026-01-13")]


def test_spacy_date_entities_the_patterns_miss_are_added(nlp):
    text = "The ruling came on the 3rd of December, 2024."
    found = dates_in(text, doc=nlp(text))
    assert ("2024-12-03", "day") in [(resolved, precision) for _, resolved, precision in found]


# --------------------------------------------------------------------------- pure functions


def test_resolve_date_expression_reads_the_context():
    assert resolve_date_expression("Thursday", WEDNESDAY) == ("2025-02-06", "day")
    assert resolve_date_expression("Thursday", WEDNESDAY, "Homan will meet Adams Thursday.") == ("2025-02-13", "day")
    assert resolve_date_expression("last week", TUESDAY) == ("2026-01-05/2026-01-09", "week")
    assert resolve_date_expression("in December", "2025-02-12") == ("2024-12", "month")
    assert resolve_date_expression("Monday", None) == (None, "day")
    assert resolve_date_expression("not a date", TUESDAY) == (None, None)


def test_reresolve_dates_moves_relative_dates_to_a_new_anchor_and_keeps_absolute_ones():
    text = "He said Monday a law from 2014 stands."
    first = find_dates(BLANK(text), article(text, published=None))
    again = reresolve_dates(first, "2025-02-12", text)
    assert [(d.text, d.resolved, d.anchor) for d in again] == [("Monday", "2025-02-10", "2025-02-12"), ("2014", "2014", None)]


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_finding_dates_never_raises_and_offsets_hold(text, anchor):
    found = find_dates(BLANK(text), article(text, published=anchor))
    for d in found:
        assert 0 <= d.start <= d.end <= len(text)
        assert text[d.start : d.end] == d.text


WORDS = st.sampled_from(
    "said will meet on in last next this week month year Monday Thursday December May March 2014 3 , . "
    "Feb. 20 the ago two days earlier yesterday 1990s summer of '90s".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join), st.dates().map(str))
def test_finding_dates_in_date_like_text_with_the_real_pipeline(nlp, text, anchor):
    for d in find_dates(nlp(text), article(text, published=anchor)):
        assert text[d.start : d.end] == d.text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(WORDS, max_size=6).map(" ".join)), st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)), st.text(max_size=60))
def test_resolve_date_expression_never_raises(text, anchor, context):
    resolved, precision = resolve_date_expression(text, anchor, context)
    assert resolved is None or isinstance(resolved, str)


@pytest.mark.parametrize("anchor", ["2024-02-29", "2025-12-31", "2026-01-01"])
def test_calendar_edges(anchor):
    for expression in ["last week", "next month", "last year", "Feb. 29", "last winter", "this summer", "next Sunday"]:
        resolved, _ = resolve_date_expression(expression, anchor)
        assert resolved is not None, (expression, anchor)


def test_deadlines_plans_and_starts_point_months_forward_but_recalled_months_stay_past():
    anchor = "2025-03-20"
    forward = [
        ("in late April", "Bids are due in late April, the city said."),
        ("in May", "The city hopes to award a contract in May."),
        ("in June", "The council voted to close the bridge for repairs beginning in June."),
        ("by early October", "She has said the hospital must submit a plan by early October."),
        ("in November", "The department would post the figures online, starting in November."),
    ]
    for expression, sentence in forward:
        assert resolve_date_expression(expression, anchor, sentence)[0] > anchor[:7], sentence
    backward = [
        ("in December", "The pair's first sit-down was in December."),
        ("December", "The council met at the beginning of December."),
        ("in March", "The report, released in March, said costs would rise."),
    ]
    for expression, sentence in backward:
        assert resolve_date_expression(expression, anchor, sentence)[0] <= anchor[:7], sentence


def test_a_sentence_that_opens_with_an_earlier_year_places_its_months_and_days_in_that_year():
    anchor = "2026-11-20"
    assert resolve_date_expression("March 5", anchor, "In 2019, the council voted on March 5 to close it.") == ("2019-03-05", "day")
    assert resolve_date_expression("April 2", anchor, "On Jan. 5, 2019, the board met, and on April 2 it voted.") == ("2019-04-02", "day")
    assert resolve_date_expression("March", anchor, "In 2019, the board met in March and approved it.") == ("2019-03", "month")
    assert resolve_date_expression("March 5", anchor, "Last year, on March 5, the council voted.") == ("2025-03-05", "day")


def test_a_year_named_mid_sentence_or_a_future_sentence_does_not_move_the_date():
    anchor = "2026-11-20"
    assert resolve_date_expression("March 1", anchor, "The law, passed in 2019, takes effect March 1.") == ("2027-03-01", "day")
    assert resolve_date_expression("March 5", anchor, "The council voted on March 5.") == ("2026-03-05", "day")
    assert resolve_date_expression("March", anchor, "In 2019, the board said it will meet next March.")[0] == "2027-03"


def test_between_and_from_to_make_one_period_from_two_dates():
    assert dates_in("Nearly 4,000 patients left between January and June.", published="2025-09-08") == [
        ("January and June", "2025-01/2025-06", "month")]
    assert dates_in("The road will be closed from Friday to Monday.", published="2025-09-08") == [
        ("Friday to Monday", "2025-09-12/2025-09-15", "day")]
    assert dates_in("Sales grew between November and February.", published="2025-09-08") == [
        ("November and February", "2024-11/2025-02", "month")]


def test_a_range_is_resolved_again_as_one_period_against_a_new_anchor():
    text = "Nearly 4,000 patients left between January and June."
    article = Article(id="r", source="t", text=text, published="2025-09-08")
    moved = reresolve_dates(find_dates(BLANK(text), article), "2026-03-01", text)
    assert [(d.text, d.resolved) for d in moved] == [("January and June", "2025-01/2025-06")]


def test_a_verb_before_from_sets_the_tense_of_what_follows():
    assert dates_in("The talks ran from Feb. 7-14.", published="2025-09-08") == [
        ("Feb. 7-14", "2025-02-07/2025-02-14", "day")]


# --------------------------------------------------------------------------- a careful reader: tense, shapes, anaphora, datelines

MONDAY = "2025-03-10"


def read(text: str, published: str | None = MONDAY, doc=None):
    return find_dates(doc if doc is not None else BLANK(text), article(text, published))


def test_the_tense_of_the_clause_in_the_parse_sets_the_direction(nlp):
    text = "The board votes Wednesday on the budget. Officials said the vote would be held on Friday."
    found = read(text, doc=nlp(text))
    assert [(d.text, d.resolved, d.direction, d.cue) for d in found] == [
        ("Wednesday", "2025-03-12", "future", "votes"),
        ("Friday", "2025-03-14", "future", "would"),
    ]
    text = "Officials first raised concerns on Nov. 5."
    assert [(d.resolved, d.direction) for d in read(text, "2026-10-30", nlp(text))] == [("2025-11-05", "past")]


def test_a_date_on_a_noun_does_not_take_the_tense_of_the_verb(nlp):
    text = "Reports of attacks on New Year's Eve are being investigated."
    assert [d.resolved for d in read(text, "2016-01-05", nlp(text))] == ["2015-12-31"]


def test_anaphoric_dates_count_from_the_date_last_talked_about():
    found = read("The fire broke out on Feb. 20. Two days later, investigators arrived.")
    assert [(d.text, d.resolved, d.anchor, d.cue) for d in found] == [
        ("Feb. 20", "2025-02-20", MONDAY, None),
        ("Two days later", "2025-02-22", "2025-02-20", "later"),
    ]
    assert [d.resolved for d in read("She joined in 2008. The following year, she became partner.")] == ["2008", "2009"]
    assert [d.resolved for d in read("The mine flooded in March 2020. Three months later, it reopened.")] == ["2020-03", "2020-06"]


def test_an_anaphor_finer_than_its_reference_is_left_out():
    assert [d.text for d in read("The plant opened in 2019. Two days later, it closed.")] == ["2019"]


def test_a_yardstick_a_year_earlier_does_not_move_the_reference():
    text = "Profit rose in the third quarter, up 8 percent from the year-earlier quarter. A year earlier, it fell."
    found = read(text, "2026-10-30")
    assert [(d.text, d.resolved, d.precision) for d in found] == [
        ("the third quarter", "2026-07-01/2026-09-30", "quarter"),
        ("the year-earlier quarter", "2025-07-01/2025-09-30", "quarter"),
        ("A year earlier", "2025", "year"),
    ]


def test_a_dateline_dates_what_follows_it():
    text = "BEIJING, Jan. 14 (Xinhua) -- The ministry said yesterday that exports rose."
    found = read(text, "2026-01-15")
    assert [(d.text, d.resolved, d.anchor, d.cue) for d in found] == [
        ("Jan. 14", "2026-01-14", "2026-01-15", "dateline"),
        ("yesterday", "2026-01-13", "2026-01-14", None),
    ]
    assert [d.resolved for d in read("ROME (Reuters) - Today the cabinet met.")] == [MONDAY]


def test_a_dateline_long_before_publication_is_not_the_anchor():
    found = read("BEIJING, Jan. 14 (Xinhua) -- The ministry said yesterday that exports rose.", "2026-03-01")
    assert [d.resolved for d in found] == ["2026-01-14", "2026-02-28"]


def test_spelled_years_are_years_but_counts_are_not():
    assert [d.resolved for d in read("The tower was built in nineteen ninety-six.")] == ["1996"]
    assert [d.resolved for d in read("He has not visited since the year two thousand.")] == ["2000"]
    assert [d.resolved for d in read("The mine closed in two thousand and eight.")] == ["2008"]
    assert read("Rain flooded two thousand homes in two thousand streets.") == []


def test_fiscal_years_quarters_and_halves():
    assert [(d.resolved, d.precision) for d in read("The company lost money in fiscal 2024.")] == [("2024", "year")]
    assert [d.resolved for d in read("Revenue fell in the second quarter.", "2025-08-07")] == ["2025-04-01/2025-06-30"]
    assert [d.resolved for d in read("Sales will improve in the second quarter.", MONDAY)] == ["2025-04-01/2025-06-30"]
    assert [d.resolved for d in read("Q3 2024 revenue was flat.")] == ["2024-07-01/2024-09-30"]
    assert [d.resolved for d in read("Shipments rose in the first half of 2024.")] == ["2024-01-01/2024-06-30"]


def test_quarters_of_a_game_and_a_quarter_in_a_row_are_not_dates():
    assert read("He scored twice in the second quarter of the game.") == []
    assert read("Sales fell for a third quarter in a row.") == []


def test_year_end_the_end_of_the_month_and_the_weekend():
    assert [d.resolved for d in read("The deal is expected to close by year-end.", "2024-12-05")] == ["2024"]
    assert [d.resolved for d in read("The report will be released at the end of the month.", "2025-08-07")] == ["2025-08"]
    assert [d.resolved for d in read("Storms battered the coast over the weekend.")] == ["2025-03-08/2025-03-09"]
    assert [d.resolved for d in read("The museum will host tours over the weekend.", "2025-08-07")] == ["2025-08-09/2025-08-10"]


def test_a_year_named_after_the_day_or_month_is_that_year():
    assert [(d.text, d.resolved) for d in read("A gunman opened fire on June 12 last year.", "2017-10-03")] == [
        ("June 12 last year", "2016-06-12")
    ]
    assert [d.resolved for d in read("On New Year's Eve 2015, crowds gathered.")] == ["2015-12-31"]


def test_reresolving_keeps_the_direction_and_the_anaphora_of_the_first_reading(nlp):
    text = "The board votes Wednesday on the budget. The vote was held on March 3. The day before, he spoke."
    doc = nlp(text)
    undated = find_dates(doc, article(text, published=None))
    again = reresolve_dates(undated, MONDAY, text)
    direct = find_dates(doc, article(text, published=MONDAY))
    assert [(d.text, d.resolved, d.anchor, d.cue) for d in again] == [(d.text, d.resolved, d.anchor, d.cue) for d in direct]
    assert [d.resolved for d in direct] == ["2025-03-12", "2025-03-03", "2025-03-02"]


def test_the_following_weekday_counts_from_the_date_last_talked_about():
    found = read("The vote was held on Feb. 20. The following Thursday, the board met again. It meets next Tuesday.")
    assert [(d.text, d.resolved, d.anchor) for d in found] == [
        ("Feb. 20", "2025-02-20", MONDAY),
        ("Thursday", "2025-02-27", "2025-02-20"),
        ("next Tuesday", "2025-03-11", MONDAY),
    ]


def test_a_month_of_that_year_takes_the_year_last_talked_about():
    found = read("The team won in 1969. Fans rioted in September of that year.")
    assert [(d.text, d.resolved, d.anchor) for d in found] == [("1969", "1969", None), ("September of that year", "1969-09", "1969")]


def test_a_count_of_years_later_needs_a_date_before_it():
    assert read("108 years later, the drought is over.") == []
    assert [d.resolved for d in read("The drought began in 1908. 108 years later, it is over.")] == ["1908", "2016"]


def test_could_not_is_past_and_can_says_nothing_of_time(nlp):
    text = "The family could not be reached on Sunday."
    assert [d.resolved for d in read(text, doc=nlp(text))] == ["2025-03-09"]
