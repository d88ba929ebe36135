"""Metadata read from the text: authors, stated and inferred dates, outlet cues."""

from __future__ import annotations

from storyline.extract.metadata import (
    clean_outlet,
    infer_published,
    published_from,
    read_outlet,
    split_names,
    to_iso,
)
from storyline.model import Embed, Removed


def test_names_are_split_on_commas_and_ands():
    assert split_names("Ana Lima, Tom Berg and Joe Park") == ["Ana Lima", "Tom Berg", "Joe Park"]
    assert split_names("Ana Lima & Tom Berg.") == ["Ana Lima", "Tom Berg"]


def test_dates_as_pages_write_them():
    assert to_iso("2025-02-14") == "2025-02-14"
    assert to_iso("Feb. 14, 2025") == "2025-02-14"
    assert to_iso("14 February 2025") == "2025-02-14"
    assert to_iso("2/14/2025") == "2025-02-14"
    assert to_iso("2025-02-30") is None


def test_stated_date_from_a_header_line_or_a_dated_dateline():
    assert published_from([Removed("Published: March 3, 2024", "header")]) == "2024-03-03"
    assert published_from([Removed("PARIS, Jan. 5, 2023 (AFP) -", "dateline")]) == "2023-01-05"
    assert published_from([Removed("PARIS (AFP) -", "dateline")]) is None


def test_a_dated_post_and_a_weekday_in_the_lead_pin_the_day():
    # 2024-12-03 was a Tuesday: the article reports that Tuesday, so it is from then or just after.
    inferred = infer_published([Embed("post", date="2024-12-03")], "The mayor said Tuesday that the plan works.")
    assert (inferred.date, inferred.precision) == ("2024-12-03", "day")
    assert (inferred.earliest, inferred.latest) == ("2024-12-03", "2024-12-05")
    assert "said Tuesday" in inferred.basis


def test_a_later_weekday_moves_forward_from_the_post():
    inferred = infer_published([Embed("post", date="2024-12-03")], "Officials met on Thursday.")
    assert inferred.date == "2024-12-05"


def test_a_dated_post_alone_gives_a_lower_bound():
    inferred = infer_published([Embed("post", date="2024-12-03")], "No weekday is named here.")
    assert (inferred.precision, inferred.earliest) == ("week", "2024-12-03")


def test_no_dated_post_means_no_inference():
    assert infer_published([Embed("post")], "The mayor said Tuesday.") is None


def test_outlet_names_lose_the_words_running_text_glues_on():
    assert clean_outlet("The Ledger Wednesday") == "The Ledger"
    assert clean_outlet("Channel Nine News Digital") == "Channel Nine News"
    assert clean_outlet("The") is None


def test_outlet_from_sources_told():
    reading = read_outlet([], "The deal is close, sources told The Ledger on Monday.", None)
    assert (reading.outlet, reading.basis) == ("The Ledger", "sources told")


def test_outlet_from_request_for_comment():
    body = "The office did not respond to Channel Nine News Digital's request for comment."
    assert read_outlet([], body, None).outlet == "Channel Nine News"
    body = "He did not return requests for comment from The Ledger Friday."
    assert read_outlet([], body, None).outlet == "The Ledger"


def test_outlet_from_the_sites_own_listen_banner():
    reading = read_outlet([Removed("NEW You can now listen to Metro Wire articles!", "banner")], "", None)
    assert (reading.outlet, reading.basis) == ("Metro Wire", "listen banner")


def test_someone_told_another_outlet_is_no_self_reference():
    assert read_outlet([], "The senator told Channel Nine on Monday that he would run.", None).outlet is None


def test_without_text_cues_the_site_is_the_outlet():
    reading = read_outlet([], "Nothing to see.", "example.com")
    assert (reading.outlet, reading.confidence, reading.basis) == ("example.com", 0.5, "url")


def test_republisher_notice_keeps_host_and_original_outlet_apart():
    removed = [Removed("This story was originally published by The Ledger.", "banner")]
    reading = read_outlet(removed, "Officials told The Ledger on Monday that the plan works.", "aggregator.example")
    assert reading.host == "aggregator.example"
    assert reading.original_outlet == "The Ledger"
    assert "republished" in reading.basis


def test_a_publication_header_wins_over_an_update_header():
    removed = [Removed("Updated: May 2, 2024", "header"), Removed("Published: May 1, 2024", "header")]
    assert published_from(removed) == "2024-05-01"


def test_a_short_self_name_takes_the_sites_full_name():
    reading = read_outlet([], "The mayor did not respond, sources told The Ledger.", "Evening Ledger")
    assert reading.outlet == "Evening Ledger"
    assert "short form" in reading.basis


def test_a_bare_domain_does_not_replace_a_name_read_from_the_text():
    assert read_outlet([], "Sources told The Ledger.", "eveningledger.com").outlet == "The Ledger"


# --------------------------------------------------------------------------- dates an HTML page shows

import lxml.html  # noqa: E402

from storyline.extract.html_metadata import earliest_day, iso_date, read_page_metadata  # noqa: E402
from storyline.extract.visible import byline_date, shown_dates  # noqa: E402


def test_a_lax_cms_date_in_words_or_digits_is_still_read():
    assert iso_date("2024-03-05T09:30:00+00:00") == "2024-03-05"
    assert iso_date("Dec 18, 2025") == "2025-12-18"
    assert iso_date("13/11/2025 09:21:40") == "2025-11-13"
    assert iso_date("Last week") is None


def test_shown_dates_carry_their_place_and_their_updated_label():
    text = "Menu Friday, March 8, 2024 Council expands night buses By Jane Example 03/05/2024 Updated March 7, 2024"
    dates = shown_dates(text, "Council expands night buses")
    assert [(d.iso, d.updated) for d in dates] == [("2024-03-08", False), ("2024-03-05", False), ("2024-03-07", True)]
    assert dates[0].offset < 0 < dates[1].offset


def test_the_byline_date_is_the_plain_date_nearest_the_headline():
    text = "Menu Friday, March 8, 2024 News Council expands night buses By Jane Example 05.03.2024 The city council"
    assert byline_date(shown_dates(text, "Council expands night buses", day_first=True)) == "2024-03-05"
    text = "March 5, 2024 Council expands night buses A depot pictured on July 1, 1998, before the works."
    assert byline_date(shown_dates(text, "Council expands night buses")) == "2024-03-05"
    assert byline_date(shown_dates("Council expands night buses Updated May 2, 2024", "Council expands night buses")) is None
    far = shown_dates("Council expands night buses " + "word " * 100 + "on May 2, 2024", "Council expands night buses")
    assert byline_date(far) == "2024-05-02" and byline_date(far, reach=400) is None


def test_dates_run_into_their_time_or_written_with_a_two_digit_year_before_it_are_read():
    headline = "Council expands night buses"
    assert byline_date(shown_dates(f"{headline}\nDecember 15, 20163:33 PM ET\nThe city council", headline)) == "2016-12-15"
    assert byline_date(shown_dates(f"{headline}\n12/20/16 08:00 AM\nThe city council", headline)) == "2016-12-20"
    assert shown_dates(f"{headline}\nRoute 3/5/24 runs all night", headline) == []  # no time: no date


def test_a_date_inside_a_caption_or_a_sentence_is_not_the_byline_date():
    headline = "Council expands night buses"
    caption = "A driver speaks at a depot in Springfield, Ill., on Jan. 23, 2016. "
    assert shown_dates(caption + headline + " The city council", headline) == []
    long_caption = "A driver is escorted from the Central Depot Police Station in Springfield, Ill., on June 18, 2015.\n"
    assert shown_dates(headline + "\n" + long_caption, headline) == []
    deadline = f"{headline} The deadline to apply is January 6, 2017, with answers due in April."
    assert shown_dates(deadline, headline) == []
    byline = f"{headline} By Jane Example Published on March 5, 2024. The city council voted"
    assert byline_date(shown_dates(byline, headline)) == "2024-03-05"


def test_the_earliest_day_a_timestamp_can_fall_on():
    assert earliest_day("2024-03-06T02:30:00+00:00") == "2024-03-05"
    assert earliest_day("2024-03-06T22:30:00Z") == "2024-03-06"
    assert earliest_day("2024-03-06") == "2024-03-06"


def test_a_photos_microdata_author_is_not_the_articles():
    html = ("<html><head><meta name='author' content='Ana Lima'></head><body>"
            "<div itemscope itemtype='http://schema.org/ImageObject'>"
            "<meta itemprop='author' content='Tom Berg | The Daily Planet | Example Images'></div></body></html>")
    assert read_page_metadata(lxml.html.fromstring(html)).meta_authors == ["Ana Lima"]


def test_open_graph_calls_a_page_an_article_where_json_ld_names_no_type():
    og = "<html><head><meta property='og:type' content='article'></head><body></body></html>"
    assert read_page_metadata(lxml.html.fromstring(og)).article_kind == "prose"
    ld = ('<html><head><meta property="og:type" content="article"><script type="application/ld+json">'
          '{"@type": "NewsArticle", "headline": "Night buses"}</script></head><body></body></html>')
    assert read_page_metadata(lxml.html.fromstring(ld)).article_kind == "news"
    assert read_page_metadata(lxml.html.fromstring("<html><body></body></html>")).article_kind is None
