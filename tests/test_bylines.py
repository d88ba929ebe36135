"""Credit lines of plain-text scrapes, read as pages print them, and the article's own chosen among them."""

from __future__ import annotations

import pytest

from storyline.extract.bylines import article_authors, credited_names, dated_names, read_byline
from storyline.model import Removed


@pytest.mark.parametrize(
    "line, names",
    [
        ("By Ana Lima | March 5, 2024 | 4 min read", ["Ana Lima"]),
        ("by Ana Lima on Dec 16, 2025 at 11:00 AM", ["Ana Lima"]),
        ("0 · by Ana Lima · Updated on 8 January 2026", ["Ana Lima"]),
        ("Written by:Ana Lima", ["Ana Lima"]),
        ("by: Ana Lima, Dec 17, 2025", ["Ana Lima"]),  # a month after the comma is the date's, no credential
        ("By Ana Lima , Tom Berg , Joe Park on March 12, 2026", ["Ana Lima", "Tom Berg", "Joe Park"]),
        ("By Ana Lima, Associate Editor, The Daily Planet", ["Ana Lima"]),
        ("Posted on March 5, 2024 by Ana Lima (Daily Planet) - 5 Comments", ["Ana Lima"]),
        ("03/05/2024 by Ana Lima", ["Ana Lima"]),
        ("Three routes will run all night from the spring. By Ana Lima on Dec. 19, 2025", ["Ana Lima"]),
        ("By Ana LimaPublished: Jan 29, 2025", ["Ana Lima"]),
        ("Reviewed by Mia Chen, MD — Written by Ana Lima, MS, RD — Updated on March 7, 2025", ["Ana Lima, MS, RD"]),
        ("This post was written by Ana Lima, Head of Transport at the Daily Planet.", ["Ana Lima"]),
        ("by Ana Lima@analima Dec 6, 2016, 4:08pm EST", ["Ana Lima"]),  # her handle glued on
        ("January 17, 2017 at 6:08 PM ET by Ana Lima", ["Ana Lima"]),  # the date and time before the label
        ("Wednesday January 18, 2017 11:44 am PST by Ana Lima", ["Ana Lima"]),
        ("February 22, 2019February 20, 2019 by Ana Lima", ["Ana Lima"]),  # updated, then first published
    ],
)
def test_labelled_credits_in_the_shapes_pages_give_them(line, names):
    assert credited_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By the time the bus arrived, the stop had closed.",
        "Reviewed by Mia Chen, MD",  # a reviewer wrote nothing
        "By March 2025, fares had risen twice.",
        "By Ana Lima's count, the council met nine times this spring and voted on every route change.",
    ],
)
def test_lines_that_are_no_writing_credit(line):
    assert credited_names(line) == []


def test_a_name_beside_a_date_without_a_label():
    assert dated_names("Ana Lima | May 22, 2025") == ["Ana Lima"]
    assert dated_names("Ana Lima May 18, 2016") == ["Ana Lima"]
    assert dated_names("Dec 26, 2025 • Ana Lima in Transport") == ["Ana Lima"]
    assert dated_names("Dec 17, 2025Ana Lima") == ["Ana Lima"]  # glued by the scrape
    assert dated_names("Ana Lima | AFP | Updated: Oct 9, 2019, 11:05 IST") == ["Ana Lima"]  # her agency between
    assert dated_names("Ana Lima - 4 hours ago") == ["Ana Lima"]  # when the page was saved
    assert dated_names("City Council Agenda") == []


def test_the_credit_under_the_headline_is_the_article_s():
    removed = [Removed("By Region", "navigation"), Removed("Council votes on buses", "title"),
               Removed("By Ana Lima", "byline"), Removed("By Tova Brindlemark", "byline")]
    assert article_authors(removed, head=3) == ["Ana Lima"]


def test_a_labelled_credit_outranks_a_bare_name_over_a_date():
    removed = [Removed("Council votes on buses", "title"), Removed("Tom Berg", "byline"),
               Removed("By Ana Lima", "byline")]
    assert article_authors(removed, head=3) == ["Ana Lima"]


def test_a_credit_under_the_body_counts_when_none_stands_above_it():
    removed = [Removed("Council votes on buses", "title"), Removed("Written by Ana Lima", "byline"),
               Removed("By Tova Brindlemark", "byline")]
    assert article_authors(removed, head=1) == ["Ana Lima"]


def test_contributor_lines_add_to_the_byline():
    removed = [
        Removed("(Ana Lima, Daily Planet)", "byline"),
        Removed("Joe Park and Ana Lima contributed reporting.", "contributor_line"),
        Removed("Reporting by Mia Chen; Editing by Sam Ode", "contributor_line"),
    ]
    assert article_authors(removed, head=1) == ["Ana Lima", "Joe Park", "Mia Chen"]


@pytest.mark.parametrize(
    "credit, date",
    [
        (["By Ana Lima | March 5, 2024 | 4 min read"], "2024-03-05"),
        (["By Ana Lima | Published March 5, 2024 | Updated March 9, 2024"], "2024-03-05"),
        (["By Ana Lima – Updated Mar 9, 2024 at 1:00 PM EST"], "2024-03-09"),  # the only date shown
        (["Ana Lima", "March 5, 2024"], "2024-03-05"),  # the name over the date
        (["By Ana Lima"], None),
        (["By Ana Lima | Published 19-Dec-2025"], "2025-12-19"),  # day, month and year joined by hyphens
    ],
)
def test_the_date_printed_with_the_credit_dates_the_article(credit, date):
    removed = [Removed("Council votes on buses", "title"),
               *(Removed(text, "header" if text[0] == "M" else "byline") for text in credit)]
    assert read_byline(removed, head=len(removed)).date == date


def test_one_word_credits_name_the_writer_unless_a_menu_lists_several():
    writer = [Removed("Council votes on buses", "title"), Removed("By Kristin", "byline"),
              Removed("By Kristin", "byline")]
    menu = [Removed("By Region", "byline"), Removed("By Topic", "byline"), Removed("Council votes on buses", "title"),
            Removed("By Topic", "byline")]
    assert article_authors(writer, head=3) == ["Kristin"]
    assert article_authors(menu, head=4) == []


def test_a_name_over_its_job_title_over_the_date_is_a_byline():
    removed = [Removed("Council votes on buses", "title"), Removed("Ana Lima", "boilerplate"),
               Removed("Senior Transport Editor", "boilerplate"), Removed("March 4, 2024", "header")]
    assert article_authors(removed, head=4) == ["Ana Lima"]


def test_a_topic_over_the_date_is_no_writer():
    """A breadcrumb's last step set over the date reads like a bare name; the page writes its words in
    lower case elsewhere, which no one's name is."""
    removed = [Removed("Bus Routes", "related_links"), Removed("Night Buses", "related_links"),
               Removed("March 4, 2024", "header"), Removed("Council votes on buses", "title")]
    body = ["The council voted to add three night buses to the routes that run past the depot."]
    assert article_authors(removed, head=4, body=body) == []
    assert article_authors(removed, head=4) == ["Night Buses"]  # without the body to tell


def test_a_weekday_is_no_part_of_a_name():
    assert dated_names("Released Wednesday, March 2, 2022") == []
    assert credited_names("By Ana Lima Saturday, March 5, 2022") == ["Ana Lima"]


@pytest.mark.parametrize(
    "line, names",
    [
        ("by Ana LimaIn Budget Travel", ["Ana Lima"]),  # the section's link glued to the name
        ("By Ana LimaMar 5, 2024", ["Ana Lima"]),
        ("By Curtis LeMay", ["Curtis LeMay"]),  # a capital inside a name is no glue
    ],
)
def test_a_label_or_date_glued_to_the_name_ends_it(line, names):
    assert credited_names(line) == names


def test_a_name_printed_twice_is_one_writer():
    assert credited_names("Written by: Ana Lima Ana Lima") == ["Ana Lima"]


@pytest.mark.parametrize(
    "credits, body",
    [
        # a menu's "By" lines are facets
        (["By Company Type", "By Region"], "Every company type and region got a vote on the bus routes this spring."),
        # a weekly section over the date: its weekday is no name either
        (["Business Monday", "March 4, 2024"],
         "The business owners along the route said the night buses would bring them more customers."),
    ],
)
def test_ordinary_words_credited_over_the_headline_name_no_writer(credits, body):
    removed = [Removed(credits[0], "byline"), Removed(credits[1], "header" if credits[1][-1].isdigit() else "byline"),
               Removed("Council votes on buses", "title")]
    assert article_authors(removed, head=3, body=[body]) == []


def test_a_label_on_its_own_line_credits_the_names_under_it():
    several = [Removed("Council votes on buses", "title"), Removed("Author(s)", "boilerplate"),
               Removed("Ana Lima", "boilerplate"), Removed("Joe Park", "boilerplate")]
    assert article_authors(several, head=4) == ["Ana Lima", "Joe Park"]
    one = [Removed("Council votes on buses", "title"), Removed("Author", "boilerplate"),
           Removed("Ana Lima", "boilerplate"), Removed("Related Program", "related_links")]
    assert article_authors(one, head=4) == ["Ana Lima"]
    menu = [Removed("Contributors", "navigation"), Removed("Online Services", "navigation"),
            Removed("Council votes on buses", "title")]
    assert article_authors(menu, head=3) == []


def test_the_kind_of_piece_over_the_date_is_no_writer():
    removed = [Removed("Council votes on buses", "title"), Removed("Press Release", "boilerplate"),
               Removed("March 4, 2024", "header")]
    assert article_authors(removed, head=3) == []


@pytest.mark.parametrize("line", ["Transport NewsBusesFerriesBridges", "Bus RoutesNight BusesFerry Times"])
def test_menu_entries_run_together_are_no_writer(line):
    removed = [Removed("Council votes on buses", "title"), Removed(line, "byline"), Removed("March 4, 2024", "header")]
    assert article_authors(removed, head=3) == []


def test_a_credit_label_glued_to_a_one_word_name_names_no_one():
    assert dated_names("BySarah July 30, 2019") == []  # not "By Sarah"
