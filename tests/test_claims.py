"""Numeric claims: value, unit, qualifier and the thing counted, from parsed or blank documents."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.claims import find_claims, parse_number
from storyline.model import Article


def article(text: str) -> Article:
    return Article(id="a", source="test", text=text, published="2025-02-12")


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def claims_in(text: str, nlp) -> list[tuple]:
    return [(c.text, c.value, c.unit, c.qualifier) for c in find_claims(nlp(text), article(text))]


# --------------------------------------------------------------------------- qualifiers


def test_qualifiers_before_and_after_the_number(blank):
    assert claims_in("The city houses nearly 60,000 migrants.", blank) == [
        ("nearly 60,000", 60000, None, "approximately")
    ]
    assert claims_in("They found more than 320,000 children.", blank) == [
        ("more than 320,000", 320000, None, "at least")
    ]
    assert claims_in("Up to 40 officers were sent.", blank) == [("Up to 40", 40, None, "at most")]
    assert claims_in("Fewer than 12 cases were filed.", blank) == [("Fewer than 12", 12, None, "at most")]
    assert claims_in("It drew 500 or more protesters.", blank) == [("500 or more", 500, None, "at least")]
    assert claims_in("Police arrested 17 people.", blank) == [("17", 17, None, "exact")]


# --------------------------------------------------------------------------- ranges and changes


def test_a_from_to_change_keeps_both_values(blank):
    assert claims_in("The policy cut new arrivals from 220,000 to 50,000.", blank) == [
        ("from 220,000 to 50,000", [220000, 50000], None, "change")
    ]


def test_a_change_from_a_word_keeps_the_number_and_its_unit(blank):
    assert claims_in("It reduced the stay from indefinite to 30 days.", blank) == [
        ("from indefinite to 30 days", 30, "days", "change")
    ]


def test_ranges_share_their_scale_and_unit(blank):
    assert claims_in("Between 5 and 10 million people voted.", blank) == [
        ("Between 5 and 10 million", [5_000_000, 10_000_000], None, "range")
    ]
    assert claims_in("Support stood at 40 to 45 percent.", blank) == [
        ("40 to 45 percent", [40, 45], "percent", "range")
    ]
    assert claims_in("Ages ranged from 18 to 30 years.", blank) == [
        ("from 18 to 30 years", [18, 30], "years", "range")
    ]
    assert claims_in("Aim for 10-15 minutes.", blank) == [("10-15 minutes", [10, 15], "minutes", "range")]


# --------------------------------------------------------------------------- money and percent


def test_money_is_valued_in_its_currency(blank):
    assert claims_in("The grant was $2.5 million.", blank) == [("$2.5 million", 2_500_000, "USD", "exact")]
    assert claims_in("Fines reached €3bn.", blank) == [("€3bn", 3_000_000_000, "EUR", "exact")]
    assert claims_in("It costs about 40 dollars.", blank) == [("about 40 dollars", 40, "USD", "approximately")]
    assert claims_in("A £50 fee applies.", blank) == [("£50", 50, "GBP", "exact")]


def test_percentages(blank):
    assert claims_in("Turnout rose 12% this year.", blank) == [("12%", 12, "percent", "exact")]
    assert claims_in("Roughly 30 per cent of voters agreed.", blank) == [
        ("Roughly 30 per cent", 30, "percent", "approximately")
    ]
    assert claims_in("Support fell 3 percentage points.", blank) == [
        ("3 percentage points", 3, "percentage points", "exact")
    ]


# --------------------------------------------------------------------------- spelled-out numbers


def test_spelled_out_numbers():
    assert parse_number("a dozen") == 12
    assert parse_number("twenty-five") == 25
    assert parse_number("three hundred thousand") == 300_000
    assert parse_number("1.5 million") == 1_500_000
    assert parse_number("banana") is None


def test_spelled_out_counts_are_claims_when_they_count_something(blank):
    assert claims_in("Three officers were injured.", blank) == [("Three", 3, None, "exact")]
    assert claims_in("About a dozen protesters stayed.", blank) == [("About a dozen", 12, None, "approximately")]
    assert claims_in("The city has 1.5 million residents.", blank) == [("1.5 million", 1_500_000, None, "exact")]
    assert claims_in("The two strategized over lunch.", blank) == []
    assert claims_in("One of them left. No one cared.", blank) == []


# --------------------------------------------------------------------------- what is not a claim


@pytest.mark.parametrize(
    "text",
    [
        "The law dates from 2014.",
        "It was posted on December 3, 2024.",
        "The meeting starts at 10:30 a.m.",
        "Doors open at 7 p.m. sharp.",
        "She finished 3rd in the race.",
        "Call 555-123-4567 for details.",
        "Call (212) 555-0199 today.",
        "Offices at 26 Federal Plaza were closed.",
        "Traffic on Route 66 was slow.",
        "Cases of COVID-19 fell.",
        "The 45-year-old was charged.",
        "John Smith, 45, was charged.",
        "The Rangers won 4-2 on Sunday.",
        "He held talks for 30 days.",
        "Thousands marched in the capital.",
        "The Cubs beat the Indians 8-7 in extra innings.",
        "Apple removed the jack from the iPhone 7.",
        "All Nippon Airways flight 175 turned back.",
        "Wide receiver DeAndre Hopkins (10) caught it.",
        "Children as young as 6 use the app.",
        "The crowd was made up of men between the ages of 18 and 35.",
        "The lens RX J1131-1231 bends light.",
        "Massa crashed on lap 48.",
        "The window is Feb 7-14 this year.",
    ],
)
def test_numbers_that_claim_nothing_are_skipped(blank, text):
    assert claims_in(text, blank) == []


def test_a_percentage_and_a_price_side_by_side_are_two_claims_not_a_range(blank):
    assert claims_in("Ethereum rose 2 percent to $753.57 on Friday.", blank) == [
        ("2 percent", 2, "percent", "exact"),
        ("$753.57", 753.57, "USD", "exact"),
    ]


def test_a_count_of_places_is_a_claim(blank):
    assert claims_in("The chicken was shipped to 7 states.", blank) == [("7", 7, None, "exact")]


# --------------------------------------------------------------------------- subjects


def test_the_subject_is_the_noun_phrase_counted_with_or_without_a_parser(nlp, blank):
    text = "The city houses nearly 60,000 illegal migrants who are facing charges."
    for pipeline in (nlp, blank):
        (claim,) = find_claims(pipeline(text), article(text))
        assert claim.subject == "illegal migrants"


def test_the_subject_of_a_change_is_what_changed(nlp):
    text = "That policy change helped reduce the number of new arrivals from 220,000 to 50,000."
    (claim,) = find_claims(nlp(text), article(text))
    assert claim.subject == "new arrivals"


def test_the_subject_of_a_percentage_follows_of(nlp, blank):
    text = "About 30 percent of voters stayed home."
    for pipeline in (nlp, blank):
        (claim,) = find_claims(pipeline(text), article(text))
        assert claim.subject == "voters"


def test_the_period_of_a_rate_is_not_its_subject_the_spender_is(nlp):
    text = "Consumers will be spending $20 billion a year on headsets."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.text, claim.subject) == ("$20 billion", "Consumers")


def test_money_a_verb_moves_belongs_to_the_verbs_subject(nlp):
    assert read("The insurer agreed to pay $90 million to settle the case.", nlp) == [
        ("$90 million", "money", "insurer")]
    assert read("A man was charged $84,522.54 for a tank of gas.", nlp) == [("$84,522.54", "money", "man")]
    assert read("They captured about 20 percent.", nlp) == [("about 20 percent", "percent", None)]


def test_tagged_but_unparsed_documents_use_the_tags(nlp):
    text = "Officials counted 400 new cases on the island."
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp(text)
    assert not doc.has_annotation("DEP")
    (claim,) = find_claims(doc, article(text))
    assert claim.subject == "new cases"


# --------------------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_finding_claims_never_raises_and_offsets_hold(blank, text):
    for claim in find_claims(blank(text), article(text)):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text


NUMBERISH = st.sampled_from(
    "from to between and nearly more than over up 1,000 3 2.5 million $ € % percent days 2014 7 "
    "three a dozen of people the - , . Route 66 at 10:30 555-1234 won 4-2 indefinite".split()
)


@settings(max_examples=80, deadline=None)
@given(st.lists(NUMBERISH, max_size=14).map(" ".join))
def test_finding_claims_in_number_heavy_text_with_the_real_pipeline(nlp, text):
    for claim in find_claims(nlp(text), article(text)):
        assert text[claim.start : claim.end] == claim.text
        assert claim.value is not None


# --------------------------------------------------------------------------- read from real pages


def test_over_after_a_noun_is_a_preposition_not_a_qualifier(nlp):
    assert claims_in("The agency has power over 12 programs.", nlp) == [("12", 12, None, "exact")]
    assert claims_in("Over 138 domains were seized.", nlp) == [("Over 138", 138, None, "at least")]


def test_a_minus_sign_touching_the_number_makes_it_negative(blank):
    assert claims_in("The low reached -14 degrees overnight.", blank) == [("-14 degrees", -14, "degrees", "exact")]
    assert claims_in("Scores ranged 10-14 points.", blank) == [("10-14", [10, 14], None, "range")]


def test_gallery_counters_and_emergency_numbers_are_not_claims(blank):
    assert claims_in("Hide Caption 16 of 30\n\nPhotos: crowds at the fair.", blank) == []
    assert claims_in("A woman shouted for someone to call 911.", blank) == []


def test_the_phrase_around_an_amount_is_not_its_subject(nlp):
    text = "The offer takes the form of $60 in cash and $22 in shares."
    assert [c.subject for c in find_claims(nlp(text), article(text))] == [None, None]


def test_changes_across_time_units_and_with_a_time_for_each_end(nlp):
    assert claims_in("Median waits have fallen from 6 hours to 90 minutes.", nlp) == [
        ("from 6 hours to 90 minutes", [360, 90], "minutes", "change")]
    assert claims_in("Ambulance diversions fell from 37 hours in August to under 5 hours in October.", nlp) == [
        ("from 37 hours in August to under 5 hours in October", [37, 5], "hours", "change")]


def test_up_from_makes_a_change_to_the_figure_just_given(nlp):
    assert claims_in("Unemployment fell to 4.1 percent, down from 4.5 percent in May.", nlp) == [
        ("4.1 percent", 4.1, "percent", "exact"), ("down from 4.5 percent", [4.5, 4.1], "percent", "change")]


def test_a_large_count_in_a_compound_adjective_is_a_claim_a_small_one_is_not(nlp):
    assert claims_in("The team plans a 5,500-seat ballpark and signed a 30-year lease.", nlp) == [
        ("5,500", 5500, None, "exact")]


# --------------------------------------------------------------------------- what is counted (parse)


def read(text: str, nlp) -> list[tuple]:
    """(text, kind, subject head) of each claim, the way a fact-checker's table lists them."""
    return [(c.text, c.kind, c.subject_head) for c in find_claims(nlp(text), article(text))]


def test_the_counted_noun_and_its_head_lemma(nlp):
    assert read("At least 60 people were killed after a truck drove through a crowd.", nlp) == [
        ("At least 60", "count", "people")]
    assert read("Officials said 10 of the 12 victims were foreign citizens.", nlp) == [
        ("10", "count", "victim"), ("12", "count", "victim")]


def test_two_coordinated_counts_are_two_claims_with_their_own_subjects(nlp):
    assert read("The blast left at least 50 dead and more than 400 injured.", nlp) == [
        ("at least 50", "count", "dead"), ("more than 400", "count", "injure")]


def test_money_and_percentages_say_what_they_are_of(nlp):
    assert read("The company made an unsolicited $103 billion offer for its rival.", nlp) == [
        ("$103 billion", "money", "offer")]
    assert read("The gang demanded a ransom of $5.2 billion.", nlp) == [("$5.2 billion", "money", "ransom")]
    assert read("They captured about 20 percent of the global market.", nlp) == [
        ("about 20 percent", "percent", "market")]
    assert read("The deal, which amounts to $148.9 billion, would be the largest ever.", nlp) == [
        ("$148.9 billion", "money", "deal")]
    assert read("The new law will boost earnings by 13 percent next year.", nlp) == [
        ("13 percent", "percent", "earning")]


def test_what_an_amount_is_in_or_for_is_what_it_is_of(nlp):
    assert read("Goldman had $31.2 billion in earnings reinvested abroad.", nlp) == [
        ("$31.2 billion", "money", "earning")]
    assert read("Overseas money faces a levy: 15.5 percent for earnings held in cash and 8 percent for "
                "earnings held in other assets.", nlp) == [
        ("15.5 percent", "percent", "earning"), ("8 percent", "percent", "earning")]
    assert read("The law offers a remedy of as much as $1,000 for every affected consumer.", nlp) == [
        ("as much as $1,000", "money", "remedy")]
    assert read("The airline was fined $1.5 million for delays.", nlp) == [
        ("$1.5 million", "money", "airline")]  # money "for" something is often its reason
    assert read("The deal gives shareholders $60 a share in cash.", nlp) == [("$60", "money", "share")]


def test_an_amount_beside_a_noun_restates_it(nlp):
    assert read("A lower corporate tax rate -- down to 21% from 35% -- is expected to help.", nlp) == [
        ("21%", "percent", "rate"), ("35%", "percent", "rate")]


def test_of_two_subjects_the_one_nearest_the_verb_owns_the_share(nlp):
    # a headline run into the sentence gives the verb a second subject
    assert read("Bond market chaos – live coverage The price of gold rose by 12% last year.", nlp) == [
        ("12%", "percent", "price")]


def test_a_plural_possessive_read_as_an_apposition_still_owns_the_noun(nlp):
    assert read("Analysts said that in the long run, small lenders’ quarterly profits would increase by 13 percent.",
                nlp) == [("13 percent", "percent", "profit")]


def test_it_owning_a_share_is_what_owned_the_last_share(nlp):
    assert read("Insurers would have paid an effective tax rate of 26.1 percent next year. "
                "Now, it will be 14.3 percent.", nlp) == [
        ("26.1 percent", "percent", "rate"), ("14.3 percent", "percent", "rate")]


def test_the_noun_an_amount_is_of_even_after_the_and_a_hyphenated_amount(nlp):
    assert read("The new offer of $82 billion will be final.", nlp) == [("$82 billion", "money", "offer")]
    text = "Holders say the $110-a-share offer must be improved."
    assert [c.text for c in find_claims(nlp(text), article(text))] == ["$110"]


def test_a_verbless_change_after_a_figure_is_a_change_in_what_it_is_of(nlp):
    assert read("The company reported revenue of $5 billion, up 10% from a year earlier.", nlp) == [
        ("$5 billion", "money", "revenue"), ("10%", "percent", "revenue")]


def test_it_in_a_reported_clause_is_the_one_reporting(nlp):
    assert read("The group says it has raised £2 million for the appeal.", nlp) == [
        ("£2 million", "money", "group")]


def test_what_a_verb_sets_at_an_amount_is_what_the_amount_is_of(nlp):
    assert read("The deal values the company at $30 billion.", nlp) == [("$30 billion", "money", "company")]
    assert read("The firm put its losses at $2 billion.", nlp) == [("$2 billion", "money", "loss")]
    assert read("The company has a market capitalisation of £4bn.", nlp) == [("£4bn", "money", "capitalisation")]


def test_what_something_costs_is_a_cost(nlp):
    assert read("Moving the funds home could cost the bank up to $2 billion.", nlp) == [
        ("up to $2 billion", "money", "cost")]
    assert read("Tickets cost $25 each.", nlp) == [("$25", "money", "ticket")]
    assert read("The ship, which cost $1 billion to build, sank.", nlp) == [("$1 billion", "money", "ship")]


def test_the_same_amount_named_again_counts_what_it_did_first(nlp):
    claims = read("The bank expects a $5 billion hit. It said two thirds of the $5 billion comes from a new tax.", nlp)
    assert [c for c in claims if c[1] == "money"] == [("$5 billion", "money", "hit")] * 2


def test_measures_have_their_kind(nlp):
    assert read("The storm brought 34 inches of snow.", nlp) == [("34 inches", "measure", "snow")]
    assert read("The grant was $2.5 million and covered 12% of the cost.", nlp)[0][1:2] == ("money",)


def test_a_change_is_one_claim_with_both_values_and_its_direction(nlp):
    text = "The policy cut new arrivals from 220,000 to 50,000."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.value, claim.qualifier, claim.direction) == ([220000, 50000], "change", "down")
    text = "The number of arrests doubled to 400."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.value, claim.qualifier, claim.direction, claim.subject_head) == ([200, 400], "change", "up", "arrest")
    text = "Qualcomm shares fell 6.6% on Monday."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.subject_head, claim.direction) == ("share", "down")


def test_the_attributed_source_is_linked(nlp):
    text = "At least 12 people died, according to the fire brigade."
    (claim,) = find_claims(nlp(text), article(text))
    assert claim.source == "the fire brigade"
    assert text[claim.source_start : claim.source_end] == "the fire brigade"


def test_the_date_stated_with_the_figure(nlp):
    text = "The country registered 1.1 million asylum seekers in 2015."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.subject_head, claim.date) == ("seeker", "2015")


def test_references_time_anchors_ranks_ratios_and_names_are_not_claims(nlp):
    assert read("The two companies have been battling over licensing fees.", nlp) == []
    assert read("He gave a television interview that aired 18 years ago.", nlp) == []
    assert read("But just six laps later, the leader crashed.", nlp) == []
    assert read("The remaining top 10 currencies fell.", nlp) == []
    assert read("The phone keeps the large 18:9 screen.", nlp) == []
    assert read("The boosters will land at Landing Zones 1 and 2 in Florida.", nlp) == []


def test_a_result_is_one_claim_of_kind_score(nlp):
    text = "Pittsburgh clinched a playoff bye with a 34-6 win over Houston."
    (claim,) = find_claims(nlp(text), article(text))
    assert (claim.text, claim.value, claim.kind, claim.subject_head) == ("34-6", [34, 6], "score", "win")


def test_identifiers_date_lists_and_guide_listings_are_not_claims(nlp):
    assert read("Virtual reality 101\nHow the headsets work.", nlp) == []
    assert read("Meetings will be held on Jan. 12, 19 and 26 at the hall.", nlp) == []
    assert read("Venus (-0.3 magnitude, bright) sets at dusk.", nlp) == []


def test_a_spelled_number_counts_the_plural_noun_it_quantifies(nlp):
    assert read("The plane's two Costa Rican pilots also died.", nlp) == [("two", "count", "pilot")]
    assert read("The phones infringe on six of its patents.", nlp) == [("six", "count", "patent")]


def test_money_in_other_notations_and_brackets_and_after_a_name(nlp):
    text = "Prices fell to less than $US6,500 on Monday."
    assert [(c.text, c.value, c.unit) for c in find_claims(nlp(text), article(text))] == [
        ("less than $US6,500", 6500, "USD")]
    text = "It fell 14% to $5,920 (£4,250) before Qualcomm's $47 billion bid."
    assert [c.text for c in find_claims(nlp(text), article(text))] == ["14%", "$5,920", "£4,250", "$47 billion"]


def test_link_lines_and_verbless_labels_are_not_claims(nlp):
    assert read("The fine was announced.\nMore: EU fines a chipmaker $1.23 billion for paying a rival\n", nlp) == []
    assert read("Six largest cryptocurrencies by market cap\nPrices fell.", nlp) == []
