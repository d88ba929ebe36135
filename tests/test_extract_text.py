"""The plain-text segmenter on small invented scrapes: what stays body, what is cut and why."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.blocks import split_blocks
from storyline.extract.text import extract_text
from storyline.model import RawDocument, article_id_for

PARAGRAPHS = [
    "The city council voted on Monday to expand the bus network, adding three routes that will "
    "connect the northern suburbs with the central station by the end of next year.",
    "Supporters said the plan would cut commuting times for thousands of residents, while critics "
    "argued that the budget for road repairs would suffer as a result of the decision.",
    "The new routes are expected to start running in the spring, the transport office said in a "
    "statement, adding that fares would stay the same for at least another year.",
]
BODY = "\n\n".join(PARAGRAPHS)
MORE_PARAGRAPHS = [
    "Drivers for the new routes will be hired over the winter, and the union said it welcomed the "
    "extra jobs but wanted a say in how the new timetables would be drawn up.",
    "Residents of the northern suburbs have asked for a direct link to the centre for more than a "
    "decade, and several of them spoke in favour of the plan at the public hearing.",
    "The council will review the routes after their first year of service and may add more stops "
    "if the number of passengers grows faster than the transport office expects.",
]


def extract(content: str, **hints) -> object:
    return extract_text(RawDocument(source="test.txt", content=content, format="text", **hints))


def reasons(article) -> dict[str, str]:
    return {removed.text: removed.reason for removed in article.removed}


def test_a_plain_article_comes_through_unchanged():
    article = extract(BODY)
    assert article.text == BODY
    assert article.removed == [] and article.embeds == []
    assert article.id == article_id_for(BODY)


def test_whitespace_is_normalised_to_paragraph_breaks():
    messy = "\n\n\n".join("  " + p + " \u00a0" for p in PARAGRAPHS) + "\n\n"
    assert extract(messy).text == BODY


def test_share_widgets_are_cut():
    long_one = "Share this page to Facebook Share this page to X Share this page via Email"
    article = extract(f"Share and Follow\n\n{BODY}\n\nShare on Facebook Tweet Email\n\n{long_one}")
    assert article.text == BODY
    assert set(reasons(article).values()) == {"share_widget"}


def test_related_links_list_is_cut_with_its_teasers():
    related = (
        "You May Also Like\n"
        "Zoo welcomes twin panda cubs after long wait\n\n"
        "Panda Twins Delight Visitors at the City Zoo\n\n"
        "The zoo announced on Friday that its giant panda had given birth to…\n"
        "Local bakery wins national bread prize\n\n"
        "A family bakery has taken home the top award in…"
    )
    article = extract(f"{BODY}\n\n{related}")
    assert article.text == BODY
    assert "panda" not in article.text
    assert reasons(article)["You May Also Like"] == "related_links"
    assert reasons(article)["A family bakery has taken home the top award in…"] == "related_links"


def test_a_numbered_top_topics_list_after_the_pager_ends_the_article():
    tail = "1 | 2 | 3\n\nNext Page >\n\nTop 8 News Topics\n\n" + "\n\n".join(
        f"{n}.\n\n{topic}" for n, topic in enumerate(["Night Buses", "Harbour Dredging", "School Lunches",
                                                        "Bridge Tolls"], 1))
    article = extract(f"{BODY}\n\n{tail}")
    assert article.text == BODY
    assert reasons(article)["Top 8 News Topics"] == "related_links"


def test_a_menu_whose_entries_carry_a_sentence_each_stays_out_of_the_body_and_the_headline():
    entries = [("Route Planner", "Find the fastest way across the city by bus, tram or ferry."),
               ("Timetables", "Check when the next departure leaves from your stop today."),
               ("Fares and Passes", "Compare single tickets, day passes and yearly season tickets."),
               ("Service Alerts", "See which lines are delayed and why before you set out."),
               ("Lost Property", "Report an item you left on board and track its return to you.")]
    menu = "\n".join(f"{name}\n{sentence}" for name, sentence in entries)
    head = "Council expands the night bus network\nBy Jane Doe\nTransport Desk"
    article = extract(f"Skip to content\nMenu\n{menu}\n{head}\n\n{BODY}\n\n" + "\n\n".join(MORE_PARAGRAPHS))
    assert article.text.startswith(PARAGRAPHS[0])
    assert "Route Planner" not in article.text and "departure" not in article.text
    assert article.title == "Council expands the night bus network"
    assert article.authors == ["Jane Doe"]


def test_aggregator_banner_is_cut_and_marks_a_republished_copy():
    banner = "We share stories from partner sites. Read the full story on their website by clicking here."
    article = extract(f"{banner}\n\n{BODY}", url="https://aggregator.example/story/1")
    assert article.text == BODY
    assert reasons(article)[banner] == "banner"
    assert article.host == "aggregator.example"
    assert "republished" in article.outlet_basis


def test_listen_to_article_line_is_a_banner():
    article = extract(f"Listen to this article\n\n{BODY}")
    assert article.text == BODY
    assert reasons(article)["Listen to this article"] == "banner"


def test_photo_caption_and_credit_are_cut():
    caption = "The mayor (r.) speaks to reporters outside city hall on Monday. © Photo: Jane Roe / AFP"
    credit = "Photo: John Smith/Getty Images"
    article = extract(f"{PARAGRAPHS[0]}\n\n{caption}\n\n{credit}\n\n{PARAGRAPHS[1]}")
    assert article.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert reasons(article) == {caption: "caption", credit: "credit"}


def test_a_caption_with_its_credit_glued_on_is_cut():
    caption = "The mayor speaks to reporters outside city hall on Monday.CreditCreditJane Roe/Example Wire for Example.com"
    article = extract(f"{PARAGRAPHS[0]}\n\n{caption}\n\n{PARAGRAPHS[1]}")
    assert article.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}" and reasons(article) == {caption: "caption"}
    prose = "The council approved the plan. Credit unions in the city said they would lend to the new depot."
    assert prose in extract(f"{PARAGRAPHS[0]}\n\n{prose}\n\n{PARAGRAPHS[1]}").text


def test_embedded_post_becomes_an_embed():
    post = ("Big news for riders today! Three new routes are coming. pic.twitter.com/Ab12Cd34 "
            "— City Transit (@citytransit) March 4, 2024")
    article = extract(f"{PARAGRAPHS[0]}\n\n{post}\n\n{PARAGRAPHS[1]}")
    assert "Big news" not in article.text
    [embed] = article.embeds
    assert embed.text == "Big news for riders today! Three new routes are coming."
    assert (embed.author, embed.handle, embed.date) == ("City Transit", "citytransit", "2024-03-04")
    assert embed.url == "https://pic.twitter.com/Ab12Cd34"
    assert reasons(article)[post] == "social_embed"


def test_contributor_line_gives_authors_and_is_cut():
    line = "Daily Planet's Ana Lima and Tom Berg contributed to this report."
    article = extract(f"{BODY}\n\n{line}")
    assert article.text == BODY
    assert article.authors == ["Ana Lima", "Tom Berg"]
    assert article.outlet == "Daily Planet"
    assert reasons(article)[line] == "contributor_line"


def test_leading_parenthesised_byline_gives_author_and_outlet():
    article = extract(f"(Ana Lima, Daily Planet) {BODY}")
    assert article.text == BODY
    assert article.authors == ["Ana Lima"]
    assert (article.outlet, article.outlet_basis) == ("Daily Planet", "byline")
    assert reasons(article)["(Ana Lima, Daily Planet)"] == "byline"


def test_by_line_gives_authors():
    article = extract(f"By Ana Lima and Tom Berg\n\n{BODY}")
    assert article.text == BODY
    assert article.authors == ["Ana Lima", "Tom Berg"]
    assert reasons(article)["By Ana Lima and Tom Berg"] == "byline"


@pytest.mark.parametrize(
    "head",
    [
        "Written By: Ana Lima",  # a label with a colon
        "By\nAna Lima",  # the label and the name on lines of their own
        "Written by\nAna Lima",
        "Ana Lima\nMarch 4, 2024",  # the name over the date, under the headline
        "Ana Lima, @analima\n1h ago",  # the name beside her handle
        "Ana Lima | @analima",
        "Ana Lima\nSenior Transport Reporter",  # the name over her job title
        "Ana Lima\nSoftware Engineer in Springfield",
    ],
)
def test_bylines_as_pages_lay_them_out_give_the_author(head):
    article = extract("\n".join(["Council votes to expand the bus network", head, *PARAGRAPHS]))
    assert article.authors == ["Ana Lima"] and article.text == BODY


@pytest.mark.parametrize(
    "head",
    [
        "by Ana Lima | Mar 11, 2023 | City Hall, Transport | 0 comments",  # a lower-case label among pieces
        "ByAna Lima UpdatedMarch 4, 2024",  # labels glued to the words after them
        "Last updated on March 4, 2024 by Ana Lima",  # the credit after the date
        "Ana Lima | March 4, 2024",  # a name beside the date
        "By Ana Lima, Transport Reporter, The Daily Planet",  # a job title and the outlet after the name
        "By Ana Lima, AFP",  # the agency she files for
        "\U0001f464by Ana Lima",  # an icon before the label, scraped as a symbol
        "\u270d Ana Lima | March 4, 2024",
        "Updated by Ana Lima@analima Mar 4, 2024, 10:20am EST",  # the writer who last updated it
    ],
)
def test_more_byline_shapes_give_the_author(head):
    article = extract("\n".join(["Council votes to expand the bus network", head, *PARAGRAPHS]))
    assert article.authors == ["Ana Lima"] and article.text == BODY


def test_a_newsletter_pitch_and_a_follow_me_line_around_the_byline_are_neither_body_nor_headline():
    pitch = ["Transit Notes is a weekly newsletter about buses and trams. Want it in your inbox? Subscribe below!",
             "I respect your privacy and you won't get spam. Just a weekly newsletter about getting around town."]
    head = ["Council votes to expand the bus network", *pitch, "Ana Lima, March 4, 2024",
            "Follow me on Twitter as @analima"]
    article = extract("\n".join(["Home", "Newsletter", "Contact", *head, *PARAGRAPHS]))
    assert article.text == BODY
    assert article.title == "Council votes to expand the bus network"
    assert (article.authors, article.published) == (["Ana Lima"], "2024-03-04")
    assert [reasons(article)[line] for line in pitch] == ["newsletter", "newsletter"]
    assert reasons(article)["Follow me on Twitter as @analima"] == "share_widget"


def test_a_photo_caption_over_the_headline_is_not_where_the_article_opens():
    caption = "Riders wait for the last night bus at the central station in Springfield, Ill., on Dec. 6, 2024."
    article = extract("\n".join(["Home", "Transport", caption, "Photo by Sam Roe/Example Agency",
                                 "Council votes to expand the bus network", "12/20/24 08:00 AM", "By Ana Lima",
                                 *PARAGRAPHS]))
    assert article.text == BODY
    assert (article.title, article.authors, article.published) == (
        "Council votes to expand the bus network", ["Ana Lima"], "2024-12-20")


def test_a_menu_run_together_after_by_names_no_writer():
    article = extract("\n".join(["Council votes to expand the bus network",
                                 "By Bus RoutesNight ServiceTram Lines Timetables", *PARAGRAPHS]))
    assert article.authors == []


def test_a_team_credited_after_the_date_and_time_is_the_byline():
    article = extract("\n".join(["Council votes to expand the bus network", "11/28/2024 11:00 AM PST BY DAILY PLANET STAFF",
                                 *PARAGRAPHS]))
    assert article.authors == ["DAILY PLANET STAFF"] and article.published == "2024-11-28" and article.text == BODY


def test_of_two_dates_a_credit_prints_the_earlier_is_the_publication_date():
    article = extract("\n".join(["Council votes to expand the bus network", "March 7, 2024March 5, 2024 by Ana Lima",
                                 *PARAGRAPHS]))
    assert (article.authors, article.published) == (["Ana Lima"], "2024-03-05")


@pytest.mark.parametrize("menu", ["Advertise With Us\nLetters To The Editor", "Job Openings\nContributors",
                                  "Attend Training\nBecome a Grant Reviewer", "All Insights\nMay 20, 2025"])
def test_a_menu_entry_over_a_job_or_a_back_link_over_the_date_names_no_writer(menu):
    article = extract("\n".join(["Council votes to expand the bus network", menu, *PARAGRAPHS]))
    assert article.authors == []


def test_two_names_over_the_date_are_both_writers():
    article = extract("\n".join(["Council votes to expand the bus network", "Ana Lima and Tom Berg",
                                 "Tuesday 5 March 2024 15.26 EST", *PARAGRAPHS]))
    assert article.authors == ["Ana Lima", "Tom Berg"] and article.text == BODY


def test_a_credit_under_the_standfirst_is_cut_from_the_body_and_names_the_writer():
    standfirst = "Riders on three routes will see buses every ten minutes from the spring, the council says."
    article = extract("\n".join(["Council votes to expand the bus network", standfirst, "ByAna Lima", *PARAGRAPHS]))
    assert article.authors == ["Ana Lima"]
    assert "ByAna Lima" not in article.text and reasons(article)["ByAna Lima"] == "byline"


def test_the_date_on_the_byline_dates_the_article_not_a_teaser_s_date_above_it():
    teaser = ["Ferry timetable changes for the summer", "May 2, 2024"]
    article = extract("\n".join([*teaser, "Council votes to expand the bus network",
                                 "By Ana Lima | March 4, 2024 | 4 min read", *PARAGRAPHS]))
    assert (article.authors, article.published) == (["Ana Lima"], "2024-03-04")


def test_a_name_beside_its_date_under_the_standfirst_is_the_byline():
    standfirst = "Riders on three routes will see buses every ten minutes from the spring, the council says."
    credit = "Ana Lima • March 4, 2024 — 4 minutes read"
    article = extract("\n".join(["Council votes to expand the bus network", standfirst, credit, *PARAGRAPHS]))
    assert (article.authors, article.published) == (["Ana Lima"], "2024-03-04")
    assert credit not in article.text


def test_a_credit_run_into_the_job_title_is_cut_to_the_name_the_writer_s_box_prints():
    head = ["Council votes to expand the bus network",
            "Written By: Ana Lima Executive Digital Editor and Master Gardener", "March 4, 2024"]
    box = ["About The Author", "Ana Lima", "Executive Digital Editor and Master Gardener"]
    article = extract("\n".join([*head, *PARAGRAPHS, *box]))
    assert article.authors == ["Ana Lima"]


def test_a_menu_s_by_line_over_its_items_names_no_writer():
    menu = ["Reviews", "By Manufacturer", "Best Projectors", "Best Sellers", "By Category", "Home Cinema"]
    article = extract("\n".join([*menu, "Council votes to expand the bus network", *PARAGRAPHS]))
    assert article.authors == []


def test_the_line_over_a_wire_dateline_is_the_headline_even_with_a_full_stop():
    lede = "CAPITAL CITY (AP) — " + PARAGRAPHS[0]
    article = extract("\n\n".join(["Council votes to expand the bus network.", lede, *PARAGRAPHS[1:]]))
    assert article.title == "Council votes to expand the bus network."
    assert article.authors == ["AP"] and article.text.startswith("The city council voted")


def test_a_title_case_first_line_closed_by_a_full_stop_is_the_headline():
    article = extract("\n\n".join(["Council Votes to Expand the Bus Network.", *PARAGRAPHS]))
    assert article.title == "Council Votes to Expand the Bus Network." and article.text == BODY


def test_a_title_case_headline_the_body_run_took_in_under_a_menu_is_the_headline():
    menu = ["Home", "Politics", "Transport", "What's Working: Night Owls", "What's Working: Small Towns", "CITY"]
    headline = "Council Expands Night Buses. Will Riders Actually Use Them?"
    article = extract("\n".join([*menu, headline, "11/28/2024 04:23 pm ET", *PARAGRAPHS]))
    assert article.title == headline and article.text == BODY


def test_a_headline_closing_on_a_quoted_exclamation_is_the_headline():
    headline = "Council on the New Bus Routes: 'Thousands of Residents Will Cut Their Commuting Times!'"
    article = extract("\n".join(["Home", "Transport", "Buses", headline, "By Ana Lima", *PARAGRAPHS]))
    assert article.title == headline


def test_a_headline_about_your_inbox_is_no_newsletter_banner_but_a_pitch_to_it_is():
    headline = "The Only Three Bus Routes Your Inbox Will Ever Need"
    pitch = "Get the transit briefing in your inbox"
    article = extract("\n".join(["Home", "Transport", pitch, headline, "By Ana Lima", *PARAGRAPHS]))
    assert article.title == headline
    assert reasons(article)[pitch] == "banner"


def test_a_short_first_paragraph_in_sentence_case_stays_the_lede():
    lede = "The council has voted for more buses."
    article = extract("\n\n".join([lede, *PARAGRAPHS]))
    assert article.text.startswith(lede)


def test_names_beside_their_job_title_under_the_standfirst_are_the_byline():
    standfirst = "Riders on three routes will see buses every ten minutes from the spring, the council says."
    credit = "Ana Lima and Joe Park | Guest Columnists"
    article = extract("\n".join(["Council votes to expand the bus network", standfirst, credit, *PARAGRAPHS]))
    assert article.authors == ["Ana Lima", "Joe Park"] and credit not in article.text


def test_a_name_under_the_date_and_over_its_job_title_is_the_byline():
    head = ["Council votes to expand the bus network", "Updated March 4, 2024, 1:24 PM EST", "Ana Lima",
            "Transport Editor"]
    article = extract("\n".join([*head, *PARAGRAPHS]))
    assert article.authors == ["Ana Lima"]


def test_by_inside_a_title_case_headline_names_no_writer():
    article = extract("\n".join(["Night Buses Saved By Council Vote After Long Campaign", *PARAGRAPHS]))
    assert article.authors == []


def test_the_site_s_name_after_the_headline_is_left_out_of_the_title():
    head = ["The Daily Planet – Local news since 1938", "Home", "Transport",
            "Council votes to expand the bus network - The Daily Planet"]
    article = extract("\n".join([*head, *PARAGRAPHS]))
    assert article.title == "Council votes to expand the bus network"


def test_the_date_printed_after_the_headline_is_left_out_of_the_title():
    article = extract("\n".join(["Council votes to expand the bus network / Mar 2024", *PARAGRAPHS]))
    assert article.title == "Council votes to expand the bus network"


def test_a_reading_time_line_is_no_headline():
    article = extract("\n".join(["Council votes to expand the bus network", "Reading time: 2 minutes", *PARAGRAPHS]))
    assert article.title == "Council votes to expand the bus network"
    assert reasons(article)["Reading time: 2 minutes"] == "header"


@pytest.mark.parametrize(
    "note",
    [
        "Ana Lima is a former transport planner for the city.",
        "Ana Lima, a former transport planner for the city, is a fellow at the Institute for Streets.",
    ],
)
def test_an_opinion_piece_names_its_writer_in_a_closing_note(note):
    article = extract("\n".join([*PARAGRAPHS, note]))
    assert article.authors == ["Ana Lima"] and note not in article.text


def test_a_closing_line_about_someone_the_story_quoted_names_no_writer():
    quoted = "Supporters were led by Tova Brindlemark, who said the routes were long overdue for riders."
    closing = "Tova Brindlemark is the chair of the riders' association."
    article = extract("\n".join([*PARAGRAPHS, quoted, closing]))
    assert article.authors == [] and closing in article.text


def test_follow_the_writer_on_social_media_names_the_writer():
    article = extract("\n".join([*PARAGRAPHS, "Follow Daily Planet reporter Ana Lima on X: @analima"]))
    assert article.authors == ["Ana Lima"] and "@analima" not in article.text


def test_a_headline_printed_twice_is_the_title_not_the_first_paragraph():
    headline = "Which bus routes will run all night from the spring?"
    article = extract("\n".join(["News/", "Transport/", headline, headline, "March 4, 2024", *PARAGRAPHS]))
    assert article.title == headline and article.text == BODY


@pytest.mark.parametrize(
    "under_headline, date",
    [
        ("March 4, 2024 · 6 min read", "2024-03-04"),  # the date under the headline, not a teaser's below
        ("Last updated: March 9, 2024", "2024-03-09"),  # an "Updated" date, when it is the only one shown
        ("NewsMarch 4, 2024", "2024-03-04"),  # a date the scrape ran into the section's name
    ],
)
def test_the_date_shown_under_the_headline_dates_the_article(under_headline, date):
    teaser = ["More from the desk", "Ferry timetable changes for the summer", "Published: May 2, 2023"]
    article = extract("\n".join(["Council votes to expand the bus network", under_headline, *PARAGRAPHS, *teaser]))
    assert article.published == date


def test_a_wire_story_no_person_signs_is_credited_to_the_agency_its_dateline_names():
    wire = f"SPRINGFIELD (AP) — {PARAGRAPHS[0]}"
    assert extract("\n".join(["Council votes to expand the bus network", wire, *PARAGRAPHS[1:]])).authors == ["AP"]
    signed = extract("\n".join(["Council votes to expand the bus network", "By Ana Lima", wire, *PARAGRAPHS[1:]]))
    assert signed.authors == ["Ana Lima"]


def test_the_article_byline_is_the_one_under_its_headline_not_a_menu_or_a_teaser_card():
    menu = ["Browse", "By Region", "By Topic"]
    cards = ["More from the desk", "Ferry timetable changes for the summer", "By Tova Brindlemark",
             "Bridge repairs start in June", "By Edda Sorrel"]
    article = extract("\n".join([*menu, "Council votes to expand the bus network", "By Ana Lima",
                                 *PARAGRAPHS, *cards]))
    assert article.authors == ["Ana Lima"]


def test_a_name_over_a_date_far_from_the_article_is_no_byline():
    cards = ["Ferry timetable changes for the summer", "Tova Brindlemark", "May 2, 2024",
             "Bridge repairs start in June", "Edda Sorrel", "May 3, 2024"]
    article = extract("\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS, *cards]))
    assert article.authors == []


def test_header_line_and_dateline_are_metadata_not_body():
    article = extract(f" date 2024-05-06 Springfield, Illinois - {BODY}")
    assert article.text == BODY
    assert article.published == "2024-05-06"
    assert reasons(article) == {"date 2024-05-06": "header", "Springfield, Illinois -": "dateline"}


def test_wire_dateline_is_cut():
    article = extract(f"LISBON (Reuters) — {BODY}")
    assert article.text == BODY
    assert reasons(article) == {"LISBON (Reuters) —": "dateline"}


def test_headline_on_the_first_line_becomes_the_title():
    article = extract(f"Council votes to expand the city bus network\n\n{BODY}")
    assert article.title == "Council votes to expand the city bus network"
    assert article.text == BODY
    assert reasons(article)["Council votes to expand the city bus network"] == "title"


def test_container_hints_take_precedence():
    article = extract(f"(Ana Lima, Daily Planet) {BODY}", title="Given title", outlet="Given Outlet",
                      authors=["Given Author"], published="2020-01-02")
    assert (article.title, article.outlet, article.authors, article.published) == (
        "Given title", "Given Outlet", ["Given Author"], "2020-01-02")


def test_page_furniture_around_the_body_falls_away():
    navigation = "\n".join(["Home", "World", "Politics", "Business", "Sport", "Sign in", "Subscribe"])
    footer = "\n".join(["About us", "Contact", "Privacy Policy", "© 2024 Example Media. All rights reserved."])
    article = extract(f"{navigation}\n{navigation}\n{BODY}\n{footer}")
    assert article.text == BODY


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(content):
    article = extract(content)
    assert isinstance(article.text, str)
    assert isinstance(article.removed, list) and isinstance(article.embeds, list)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS + ["Share", "You May Also Like", "(l.) ©", "date 2024-01-01",
                                               "— A (@b) May 1, 2024", "By X", "…", "\n", ""]), max_size=12))
def test_never_raises_on_shuffled_furniture(parts):
    article = extract("\n".join(parts))
    assert isinstance(article.text, str)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS + ["ByAna Lima", "Ana Lima • March 4, 2024", "Follow Ana Lima on X",
                                               "Ana Lima is a writer.", "Last updated March 9, 2024", "By Region",
                                               "Written by", "Ana Lima", "Council votes on buses", ""]), max_size=12))
def test_credit_lines_in_any_order_never_break_the_reading(parts):
    article = extract("\n".join(parts))
    assert all(isinstance(name, str) and name for name in article.authors)
    assert article.published is None or len(article.published) == 10


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([", and then", ".", "the council", "said on Monday that", "Home", "according to",
                                 "Routes", "(see map)", "”", "new routes start in May.", "About:"]), max_size=20))
def test_joining_broken_sentences_loses_and_reorders_nothing(lines):
    blocks = split_blocks("\n".join([", a", ", b", ", c", *lines]))  # three comma lines: a broken scrape
    assert "".join(b.text for b in blocks).replace(" ", "") == "".join([", a", ", b", ", c", *lines]).replace(" ", "")


def test_container_date_is_normalised_to_a_day():
    assert extract(BODY, published="2024-05-06T09:30:00Z").published == "2024-05-06"


def test_advertisement_and_inline_promo_lines_are_cut():
    promo = "READ MORE: Council names new head of the transport office"
    article = extract(f"{PARAGRAPHS[0]}\n\nAdvertisement\n\n{promo}\n\n{PARAGRAPHS[1]}")
    assert article.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert reasons(article) == {"Advertisement": "advertisement", promo: "related_links"}


def test_affiliate_disclosure_is_a_banner():
    notice = "We may earn a commission when you buy through the links on this page."
    article = extract(f"{notice}\n\n{BODY}")
    assert article.text == BODY
    assert reasons(article)[notice] == "banner"


def test_comment_thread_after_the_article_is_cut():
    thread = "\n".join([
        "12 Comments",
        "Maria Lopez says:",
        "March 4, 2024 at 9:15 am",
        "I have been waiting for a bus to the north side for years, and I am glad it is finally coming.",
        "Reply",
        "Sam Okafor says:",
        "March 4, 2024 at 10:02 am",
        "The council should have fixed the roads first before spending money on any new bus routes.",
        "Reply",
    ])
    article = extract(f"{BODY}\n{thread}")
    assert article.text == BODY
    assert reasons(article)["12 Comments"] == "end_matter"


def test_table_of_contents_is_navigation_but_its_headings_stay_in_the_body():
    content = "\n".join([PARAGRAPHS[0], "Table of Contents", "What changes", "What it costs",
                         "What changes", PARAGRAPHS[1], "What it costs", PARAGRAPHS[2]])
    article = extract(content)
    assert article.text == "\n\n".join([PARAGRAPHS[0], "What changes", PARAGRAPHS[1], "What it costs", PARAGRAPHS[2]])
    assert reasons(article)["Table of Contents"] == "navigation"


def test_closing_author_box_is_cut():
    bio = "Ana Lima is a staff writer who covers transport and city politics for the paper."
    article = extract(f"{BODY}\n\n{bio}")
    assert article.text == BODY
    assert reasons(article)[bio] == "author_bio"


def test_a_malformed_url_names_no_site():
    article = extract(BODY, url="http://[not-a-host")
    assert article.text == BODY and article.host is None


def test_caption_closed_by_its_credit_is_cut():
    caption = "Riders wait for the first bus on the new northern route. Credit: Jane Roe"
    article = extract(f"{PARAGRAPHS[0]}\n\n{caption}\n\n{PARAGRAPHS[1]}")
    assert article.text == f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"
    assert reasons(article) == {caption: "caption"}


def test_a_paragraph_shown_twice_is_kept_once():
    signup = "Get the day's transport news sent to you every morning, free of charge and without adverts."
    article = extract("\n\n".join([PARAGRAPHS[0], signup, PARAGRAPHS[1], signup, PARAGRAPHS[2]]))
    assert article.text == "\n\n".join([PARAGRAPHS[0], signup, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert reasons(article) == {signup: "duplicate"}


def test_table_figures_inside_the_body_stay():
    rows = [f"Route {n}\n{n},{n}50 riders\n+{n}.5%" for n in range(1, 13)]
    article = extract("\n".join([PARAGRAPHS[0], "Route\nRiders per day\nChange", *rows, *PARAGRAPHS[1:]]))
    assert article.text.startswith(PARAGRAPHS[0]) and article.text.endswith(PARAGRAPHS[2])
    assert "12,1250 riders" in article.text and "+7.5%" in article.text


def test_a_notes_heading_early_in_the_article_does_not_end_it():
    later = MORE_PARAGRAPHS
    content = "\n".join([*PARAGRAPHS[:2], "Notes", "Weekday service only", PARAGRAPHS[2], *later])
    article = extract(content)
    assert article.text.endswith(later[2])
    assert "Notes" not in reasons(article)


def test_teaser_list_after_most_of_the_article_ends_it():
    body = PARAGRAPHS + MORE_PARAGRAPHS
    teasers = ["Related Articles", "Council approves new cycle lanes downtown",
               "Rail strike called off after late-night talks", "Ferry fares to rise in the new year"]
    reviews = [
        "Great service and friendly drivers, we use the bus every single day and it is always on time.",
        "The app is easy to use and the buses are clean, I would recommend it to anyone in the city.",
    ]
    article = extract("\n".join([*body, *teasers, *reviews]))
    assert article.text == "\n\n".join(body)
    assert reasons(article)[reviews[0]] == "end_matter"


def test_a_sentence_length_newsletter_pitch_and_a_tag_list_are_cut():
    pitch = "Sign up for our free morning newsletter and get the day's biggest local stories delivered to your inbox."
    article = extract(f"{BODY}\n\n{pitch}\n\nTags: transport, council, buses")
    assert article.text == BODY
    assert reasons(article)[pitch] == "newsletter"


def test_an_outlet_name_line_under_the_headline_is_the_outlet_not_the_title():
    article = extract(
        "Harbor ferry fares to rise 8 percent in spring\n"
        "By Lena Varga\n"
        "Lowen Bay Tide\n\n"
        "Ferry fares on the harbor line will rise 8 percent from April, the transit board decided on "
        "Tuesday after a long and at times heated public hearing at City Hall.\n\n"
        "The board said higher fuel prices and new crew contracts left it no other choice this year.")
    assert article.title == "Harbor ferry fares to rise 8 percent in spring"
    assert article.outlet == "Lowen Bay Tide"
    assert article.authors == ["Lena Varga"]
    assert reasons(article)["Lowen Bay Tide"] == "outlet_line"


def test_a_short_headline_of_capitalised_words_is_still_the_title():
    article = extract(
        "Ferry Fares Rise Again\n\n"
        "Ferry fares on the harbor line will rise 8 percent from April, the transit board decided on "
        "Tuesday after a long and at times heated public hearing at City Hall.")
    assert article.title == "Ferry Fares Rise Again"


def test_the_box_introducing_the_byline_writer_closes_the_article_in_a_scrape_too():
    box = "Jane Example\n\nTransport Editor\n\nJane Example is the transport editor of the Courier, where she has led coverage of the city since 2016."
    article = extract("By Jane Example\n\n" + BODY + "\n\n" + box)
    assert article.authors == ["Jane Example"]
    assert article.text == BODY
    assert reasons(article)["Transport Editor"] == "author_bio"
    unnamed = extract("By John Sample\n\n" + BODY + "\n\n" + box)
    assert unnamed.text.endswith("Jane Example\n\nTransport Editor")  # not the byline's writer: no box by name


def test_a_comment_thread_longer_than_the_article_is_cut_at_its_heading():
    comment = ("I have been waiting for a bus to the north side for years, and I hope the council keeps its word "
               "this time, because every plan before this one was dropped after the first hearing.")
    thread = ["20 Comments"]
    for n in range(20):
        thread += [f"Reader {n} says:", f"March {n + 4}, 2024 at 9:15 am", comment, "Reply"]
    article = extract(BODY + "\n" + "\n".join(thread))
    assert article.text == BODY
    assert reasons(article)["20 Comments"] == "end_matter"


def test_blank_or_odd_author_hints_do_not_break_the_closing_box_reading():
    article = extract(BODY + "\n\nJane Example is the head of the transit lab at the university.",
                      authors=[" ", "", "Jane  Example"])
    assert article.text == BODY


def test_a_menu_whose_entries_the_scrape_ran_together_is_cut():
    menu = "Bus RoutesNight BusesFares and PassesTimetablesService AlertsPark and RideAccessibility"
    article = extract("\n".join([menu, *PARAGRAPHS, menu]))
    assert article.text == BODY
    assert reasons(article)[menu] == "glued_menu"


def test_brand_names_code_and_sentences_are_no_glued_menu():
    from storyline.extract.cues import glued_menu

    assert glued_menu("Top SearchesNight BusesBridge RepairsFerry TimesCouncil Votes")
    assert not glued_menu("TikTok, YouTube, LinkedIn and WhatsApp all changed their policies on Monday")
    assert not glued_menu("const routeMap = buildRouteMap(); routeMap.addStop(stopId);")
    assert not glued_menu("The app is on iPhone. PayPal and YouTube said so. LinkedIn did too.")


def test_a_republishing_box_holding_the_article_as_html_is_cut():
    box = "<h1>Council expands the bus network</h1> " + " ".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = extract("\n".join([*PARAGRAPHS, "Republish this story", box]))
    assert article.text == BODY
    assert reasons(article)[box] == "page_markup"


def test_a_sentence_naming_a_tag_is_no_page_markup():
    sentence = ("The editor wraps each paragraph in a <p> tag and each heading in an <h2> tag before the "
                "story is published on the website, the council's web team said.")
    article = extract("\n".join([PARAGRAPHS[0], sentence, PARAGRAPHS[1]]))
    assert sentence in article.text


def test_the_key_word_scan_takes_the_longest_key_at_each_place():
    from storyline.extract.cues import _longest_of

    keys = _longest_of(["support", "support our", "sub", "subscribe"])
    assert keys.findall("please support our work, subscribe, support them") == ["support our", "subscribe", "support"]


LONG_CONSENT = (
    "By clicking Get Started below, I consent to receive recurring marketing and promotional e-mails, phone calls "
    "and text messages from the Courier and its partners at the number and address I provided, including "
    "messages sent by an automated system. Consent is not a condition of any purchase, and I may opt out at any "
    "time by replying STOP to any text message or by following the link in any e-mail. Message and data rates "
    "may apply, and message frequency varies from week to week. See our Privacy Policy and Terms of Use for details.")


@pytest.mark.parametrize(
    "notice",
    [
        "Got a news tip? Fill out the form below or email the newsroom, and a reporter will get back to you about "
        "your story within two working days.",
        LONG_CONSENT,  # longer than the cue patterns read: notices are still looked for
    ],
)
def test_a_notice_under_the_article_is_cut(notice):
    article = extract("\n".join([*PARAGRAPHS, notice]))
    assert article.text == BODY
    assert reasons(article)[notice] == "banner"


def test_a_police_appeal_for_tips_is_the_article_s_own():
    appeal = ("Anyone who may have a tip about the break-in is asked to call the county sheriff's office, "
              "which said it would treat every call in confidence.")
    article = extract("\n".join([*PARAGRAPHS, appeal]))
    assert appeal in article.text


def test_a_prompt_to_make_the_outlet_a_preferred_search_source_is_cut():
    prompt = "Add The Example Courier as a preferred source on Google"
    article = extract("\n".join([PARAGRAPHS[0], prompt, *PARAGRAPHS[1:]]))
    assert article.text == BODY
    assert reasons(article)[prompt] == "banner"


def test_what_a_sign_up_form_says_once_sent_is_cut():
    messages = ["Thank you! Your submission has been received!",
                "Oops! Something went wrong while submitting the form.", "Thanks for signing up!"]
    article = extract("\n".join([*PARAGRAPHS, *messages]))
    assert article.text == BODY
    assert {reasons(article)[m] for m in messages} == {"banner"}


def test_thanking_someone_for_joining_in_prose_stays():
    line = "Thank you for joining us, the host told the two council members at the start of the debate."
    assert line in extract("\n".join([PARAGRAPHS[0], line, PARAGRAPHS[1]])).text


def test_a_name_over_a_line_introducing_that_name_closes_the_article():
    box = "Ann Other\n\nAnn Other is Trending Editor at the Courier and lives on the north side of the city."
    article = extract(BODY + "\n\n" + box)  # no byline: the box names its own writer
    assert article.text == BODY
    assert reasons(article)["Ann Other"] == "author_bio"


def test_an_about_the_author_heading_run_into_the_name_closes_the_article():
    box = "About the AuthorCourier City Desk\n\nThe desk is a team of reporters who cover the council and its committees."
    article = extract(BODY + "\n\n" + box)
    assert article.text == BODY


def test_a_response_heading_inside_the_article_does_not_end_it():
    middle = ["Response:", "The transport office replied that the routes had been studied for a full year "
              "before the vote, and that the study would be published with the timetables."]
    article = extract("\n\n".join([*PARAGRAPHS, *middle, *MORE_PARAGRAPHS]))
    assert article.text.endswith(MORE_PARAGRAPHS[-1])
    assert extract(BODY + "\n\n3 Responses\n\nGreat news for the north side!").text == BODY


def test_a_line_that_only_dates_the_page_is_a_header_even_without_a_day():
    article = extract("\n\n".join(["Last updated January 2025", *PARAGRAPHS]))
    assert article.text == BODY
    assert reasons(article)["Last updated January 2025"] == "header"


def test_a_forms_scaffolding_is_cut():
    scaffolding = ["Name", "Email(Required)", "This field is for validation purposes and should be left unchanged.",
                   "Δ", "* Indicates a required field"]
    article = extract("\n".join([*PARAGRAPHS, *scaffolding]))
    assert article.text == BODY
    assert reasons(article)["Δ"] == "banner"


def test_a_line_of_sample_markup_in_a_tutorial_stays():
    sample = "<h2>Night buses</h2><p>Four routes.</p><p>Until 3 a.m.</p>"
    article = extract("\n".join([PARAGRAPHS[0], sample, PARAGRAPHS[1], PARAGRAPHS[2]]))
    assert reasons(article).get(sample) != "page_markup"


def test_a_threaded_forums_comments_are_cut_at_their_score_headers():
    comment = ("The north side has waited for these buses for a decade, and nobody believes the council will "
               "keep the routes once the first budget cut comes around again next spring.")
    thread = []
    for n in range(6):
        thread += [f"Re: Night buses (Score:{n % 5}, Insightful)",
                   f"by reader{n} ( {1000 + n} ) writes: on Friday March 8, 2024 @09:1{n}PM (#{5000 + n})", comment]
    article = extract("\n\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS, *thread]))
    assert article.text == "\n\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS])


def _results_table(heading: str, votes: list[int]) -> list[str]:
    rows = [heading, "Candidate", "Party", "Votes", "Share"]
    for name, party, count in zip(["Ada Quill", "Bram Oster", "Cleo Marsh"], ["Harbour", "Civic", "Green"], votes):
        rows += [name, party, f"{count:,}", f"{100 * count / sum(votes):.1f}%"]
    return rows


def test_a_results_table_flattened_one_cell_per_line_stays_in_the_body():
    # the same candidates in two tables: their names repeat, as a menu's entries would
    tables = _results_table("North ward", [4120, 3380, 990]) + _results_table("South ward", [2875, 3310, 1402])
    article = extract("\n".join([PARAGRAPHS[0], *tables, *PARAGRAPHS[1:]]))
    assert article.text.startswith(PARAGRAPHS[0]) and article.text.endswith(PARAGRAPHS[2])
    assert "South ward" in article.text and article.text.count("Bram Oster") == 2 and "1,402" in article.text


def test_quote_cards_whose_labels_repeat_are_no_table():
    cards = []
    for ticker, price in [("NYSE: ABC", "$41.20"), ("NASDAQ: DEF", "$8.75"), ("NYSE: GHI", "$130.02"),
                          ("NASDAQ: JKL", "$17.40")]:
        cards += [ticker, "Current Price", price, "Market Cap", "$12B", "Day's Range", f"{price} - {price}"]
    article = extract("\n".join([PARAGRAPHS[0], *cards, *PARAGRAPHS[1:], *MORE_PARAGRAPHS]))
    assert "Market Cap" not in article.text and article.text.endswith(MORE_PARAGRAPHS[2])


def test_posts_embedded_in_the_article_do_not_cut_off_its_opening_or_its_close():
    opening = "The mayor announced the new routes on social media late on Friday, in three posts."
    posts = [f"Route {n} starts in May, and fares stay the same for everyone. pic.twitter.com/Ab12Cd3{n} "
             f"— City Transit (@citytransit) March {n}, 2024" for n in range(1, 4)]
    closing = "The transport office confirmed the plan on Saturday."
    article = extract("\n".join([opening, posts[0], PARAGRAPHS[0], *posts[1:], closing]))
    assert article.text == "\n\n".join([opening, PARAGRAPHS[0], closing])
    assert len(article.embeds) == 3


@pytest.mark.parametrize("lead", [
    "The buses are coming back.",
    "(Example Wire) A bus crash Sunday in northern Utopia injured 12 commuters, including 3 drivers, officials said.",
])
def test_a_short_or_name_dense_sentence_opening_the_article_stays(lead):
    article = extract("\n".join(["Photo: A bus at the central station. (Example Photo Agency)", lead, *PARAGRAPHS]))
    assert article.text.startswith(lead + "\n\n" + PARAGRAPHS[0])


def test_sentences_a_scrape_broke_at_every_link_are_put_back_together():
    # every text node on its own line, as get_text("\n") gives it: a link or an emphasis breaks the sentence
    broken = [
        "The city council voted on Monday to expand the", "bus network", ", adding three routes that will",
        "connect the northern suburbs with the central station by the end of next year.",
        "Supporters said the plan would cut commuting times for thousands of residents, according to",
        "a survey", "by the", "Example Gazette", ", while critics argued that road repairs would suffer.",
        "The new routes are expected to start running in the spring, the", "transport office",
        "said in a statement", ".", "Ada Quill", "said on Tuesday that the routes were long overdue.",
    ]
    article = extract("\n".join(["Home", "news", "about us", *broken, "Follow us:", "facebook", "instagram"]))
    assert article.text.split("\n\n") == [
        "The city council voted on Monday to expand the bus network, adding three routes that will connect the "
        "northern suburbs with the central station by the end of next year.",
        "Supporters said the plan would cut commuting times for thousands of residents, according to a survey by "
        "the Example Gazette, while critics argued that road repairs would suffer.",
        "The new routes are expected to start running in the spring, the transport office said in a statement.",
        "Ada Quill said on Tuesday that the routes were long overdue.",
    ]


def test_lines_of_a_scrape_that_kept_its_sentences_whole_are_not_joined():
    lines = ["Opening hours of the central library", "weekdays from nine to five", *PARAGRAPHS]
    article = extract("\n".join(lines))
    assert article.text == BODY and set(lines[:2]) <= set(reasons(article))


def test_lines_introducing_quotes_are_no_comment_headers():
    quotes = []
    for n, paragraph in enumerate(MORE_PARAGRAPHS):
        quotes += [paragraph, "One rider said:" if n % 2 else "To which the driver replied:",
                   f"“I have waited {n + 2} years for a bus that runs after midnight on the north side.”"]
    article = extract("\n".join([*PARAGRAPHS, *quotes]))
    assert article.text.endswith("runs after midnight on the north side.”") and "One rider said:" in article.text


def test_a_commenters_name_before_said_or_wrote_marks_a_comment():
    thread = [f"{name} wrote:\n“The night buses are the best thing the council has done in years, honestly.”"
              for name in ("Jane Roe", "kbus77", "Jane Roe")]
    article = extract("\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS, *thread]))
    assert article.text == "\n\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS])


def test_a_code_sample_shattered_one_token_per_line_does_not_split_the_article():
    tokens = "const routes = loadRoutes ( city ) ; if ( routes.length > 3 ) { notify ( riders ) ; }".split()
    article = extract("\n".join([*PARAGRAPHS[:2], *tokens, PARAGRAPHS[2], *MORE_PARAGRAPHS]))
    assert article.text == "\n\n".join([*PARAGRAPHS, *MORE_PARAGRAPHS])
    assert reasons(article)["{"] == "code"


def test_the_headline_of_a_whole_page_scrape_is_the_line_the_body_is_about():
    page = [
        "Home", "News", "Transport", "Sign in",
        "Council votes to expand the night bus network",  # the headline
        "By Mara Quill", "March 4, 2024", "Share", "Save",
        "Ticket offers for students",  # a promo box's title, nearer the body
        "Get 20% off monthly passes",
        *PARAGRAPHS, *MORE_PARAGRAPHS,
    ]
    assert extract("\n".join(page)).title == "Council votes to expand the night bus network"


def test_a_byline_under_a_line_marks_it_as_the_headline():
    page = ["Council votes to expand the bus network", "By Mara Quill", "Share",
            "Explore more", "Bus network changes: the council plan and the new routes explained", *PARAGRAPHS]
    assert extract("\n".join(page)).title == "Council votes to expand the bus network"


@pytest.mark.parametrize("head, published", [
    ("By Ana Lima on January 21, 2023 | 4 min read", "2023-01-21"),
    ("Sat, 20 Jan, 2024 - 06:36", "2024-01-20"),
    ("Transport desk | March 4, 2024 (8:42 AM ET)", "2024-03-04"),
])
def test_the_date_written_around_the_headline_dates_the_scrape(head, published):
    article = extract("\n".join(["Council votes to expand the bus network", head, *PARAGRAPHS]))
    assert article.published == published


def test_a_date_the_article_mentions_does_not_date_it():
    opening = "On March 3, 2024, the city council voted to expand the bus network, adding three new routes."
    article = extract("\n".join(["Council votes to expand the bus network", opening, *PARAGRAPHS[1:]]))
    assert article.published is None


def test_a_news_story_closing_on_a_newly_named_spokesman_names_no_writer():
    closing = "Tova Brindlemark, a spokeswoman for the transport office, was more blunt. “The buses will run,” she said."
    article = extract("\n".join([*PARAGRAPHS, closing]))
    assert article.authors == [] and closing in article.text


FRENCH_PARAGRAPHS = [
    "Le conseil municipal a voté lundi soir pour agrandir le réseau de bus, avec trois nouvelles lignes "
    "qui relieront les quartiers du nord à la gare centrale avant la fin de l'année prochaine.",
    "Les partisans du projet estiment que les trajets seront plus courts pour des milliers d'habitants, "
    "mais les opposants craignent que le budget de l'entretien des routes en souffre.",
    "Les nouvelles lignes devraient entrer en service au printemps, a indiqué le service des transports "
    "dans un communiqué, en précisant que les tarifs ne changeront pas pendant au moins un an.",
]
GERMAN_PARAGRAPHS = [
    "Der Stadtrat hat am Montagabend beschlossen, das Busnetz zu erweitern, und drei neue Linien sollen "
    "die nördlichen Stadtteile bis zum Ende des nächsten Jahres mit dem Hauptbahnhof verbinden.",
    "Die Befürworter sagen, dass sich die Fahrzeit für tausende Einwohner verkürzen wird, während die "
    "Kritiker befürchten, dass das Geld für die Reparatur der Straßen fehlen wird.",
    "Die neuen Linien sollen im Frühling den Betrieb aufnehmen, teilte das Verkehrsamt in einer "
    "Mitteilung mit, und die Preise bleiben mindestens ein weiteres Jahr gleich.",
]


@pytest.mark.parametrize("paragraphs, menu", [
    (FRENCH_PARAGRAPHS, "Se connecter\nS'abonner\nPolitique\nSociété\nMonde\nÉconomie\nCulture\nSports"),
    (GERMAN_PARAGRAPHS, "Anmelden\nAbonnieren\nPolitik\nWirtschaft\nKultur\nSport\nWissen\nReisen"),
])
def test_an_article_in_another_language_keeps_its_paragraphs(paragraphs, menu):
    # the prose test counts the page's own function words ("le", "de", "die", "und"), not English ones
    article = extract(f"{menu}\n\n" + "\n\n".join(paragraphs) + "\n\nMentions légales\nContact\nImpressum")
    assert article.text == "\n\n".join(paragraphs)


def test_a_related_heading_inside_another_related_list_still_ends_the_article():
    teasers = ("More stories\nOther Opinion Columns\nEditorial Ferry fares rise again\n"
               "JANE EXAMPLE The operators blame fuel, but the accounts tell a longer story about the fleet and its debts.\n"
               "Pier plans A new life for the customs house\n"
               "JOHN ROE It has stood empty for ten years; the council now has three offers to weigh before the spring.")
    long_body = "\n\n".join(PARAGRAPHS + MORE_PARAGRAPHS)
    article = extract(f"{long_body}\n\n{teasers}")
    assert article.text == long_body


def test_a_menu_entry_the_body_talks_about_is_no_headline():
    menu = ["Home", "Transport", "City Bus Network", "Trains", "Cycling", "Council votes to expand the bus network"]
    article = extract("\n".join([*menu, *PARAGRAPHS]))
    assert article.title == "Council votes to expand the bus network"


def test_a_day_first_date_with_its_weekday_and_a_dotted_time_is_a_header():
    article = extract("\n".join(["Council votes to expand the bus network", "By Ana Lima",
                                 "Tuesday 29 November 2016 15.26 EST", *PARAGRAPHS]))
    assert article.published == "2016-11-29" and article.text == BODY
    assert reasons(article)["Tuesday 29 November 2016 15.26 EST"] == "header"


@pytest.mark.parametrize("line", [
    "You are here: Home / Transport / Council votes to expand the bus network",
    "City Hall|Council votes to expand the bus network",
    "Home › News › Council votes to expand the bus network",
])
def test_a_breadcrumb_run_into_the_headline_is_left_out_of_the_title(line):
    assert extract("\n".join([line, *PARAGRAPHS])).title == "Council votes to expand the bus network"


def test_a_headline_with_a_slash_keeps_it():
    assert extract("\n".join(["Why 24/7 buses matter to the city's night workers", *PARAGRAPHS])).title \
        == "Why 24/7 buses matter to the city's night workers"


def test_a_menu_on_one_line_is_no_headline():
    menu = "Transport · Bus Network · Night Routes · City Council · Fares"
    article = extract("\n".join(["Council votes to expand the bus network", menu, *PARAGRAPHS]))
    assert article.title == "Council votes to expand the bus network"


def test_a_sentence_opening_a_quote_with_a_colon_stays_in_the_body():
    intro = ("After the vote, the transport office issued a statement to reporters that said the new routes "
             "would follow the council's plan:")
    quote = ("“The night network will run every thirty minutes from midnight until five, and every route will "
             "stop at the central station, the hospital and the university campus.”")
    head = ["Home", "Transport", "Council votes to expand the bus network", "By Ana Lima", "Photo by Tom Berg/Example Images"]
    article = extract("\n".join([*head, intro, quote, *PARAGRAPHS]))
    assert article.text.startswith(intro)
