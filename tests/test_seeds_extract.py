"""The plain-text path against the hand-made reading of the seed articles (skips without ../shared)."""

from __future__ import annotations

import pytest

from storyline.extract.text import extract_text
from storyline.model import RawDocument

SEEDS = [
    "000_1f1fd43593b4a411.txt",
    "001_04d0048f191d10da.txt",
    "002_f40ad246a75a0579.txt",
    "003_39d87e2fedacfc5a.txt",
    "004_857ee7422a5b84ec.txt",
]


@pytest.fixture(scope="module")
def articles(seeds_dir):
    return {
        name: extract_text(RawDocument(source=name, content=(seeds_dir / name).read_text(encoding="utf-8"),
                                       format="text"))
        for name in SEEDS
    }


@pytest.mark.parametrize("name", SEEDS)
def test_body_boundaries_match_the_reference_reading(articles, seeds_gold, name):
    gold = seeds_gold["articles"][name]
    article = articles[name]
    assert gold["body_first"] in article.text
    assert gold["body_last"] in article.text
    assert article.text.startswith(gold["body_first"])
    assert article.text.rstrip("\"”’").endswith(gold["body_last"])  # the reference leaves closing quotes out
    for furniture in gold["not_body"] + gold["embeds"]:
        assert furniture not in article.text


@pytest.mark.parametrize("name", SEEDS)
def test_embedded_posts_are_kept_as_embeds(articles, seeds_gold, name):
    embeds = [e.text for e in articles[name].embeds]
    for expected in seeds_gold["articles"][name]["embeds"]:
        assert any(expected in text for text in embeds)


def test_nothing_from_the_related_links_list_reaches_any_article(articles, seeds_gold):
    for article in articles.values():
        for phrase in seeds_gold["must_not_extract"]:
            assert phrase not in article.text


def test_outlets_are_read_from_the_text(articles):
    assert articles["000_1f1fd43593b4a411.txt"].outlet == "Headline USA"
    assert "Post" in articles["003_39d87e2fedacfc5a.txt"].outlet
    assert articles["004_857ee7422a5b84ec.txt"].outlet == "Fox News"


def test_stated_dates(articles, seeds_gold):
    assert articles["002_f40ad246a75a0579.txt"].published == "2025-02-14"
    assert articles["004_857ee7422a5b84ec.txt"].published == "2026-01-13"


def test_inferred_date_of_000_lies_in_the_reference_range(articles, seeds_gold):
    earliest, latest = seeds_gold["articles"]["000_1f1fd43593b4a411.txt"]["published"]["inferred_range"]
    inferred = articles["000_1f1fd43593b4a411.txt"].published_inferred
    assert inferred is not None and inferred.precision == "day"
    assert earliest <= inferred.date <= latest
    assert articles["000_1f1fd43593b4a411.txt"].anchor_date == inferred.date


def test_authors(articles, seeds_gold):
    for name in ("000_1f1fd43593b4a411.txt", "004_857ee7422a5b84ec.txt"):
        assert articles[name].authors == seeds_gold["articles"][name]["byline"]


def test_title_of_003(articles, seeds_gold):
    name = "003_39d87e2fedacfc5a.txt"
    assert articles[name].title == seeds_gold["articles"][name]["title"]


def test_republished_copy_is_flagged(articles):
    assert "republished" in (articles["001_04d0048f191d10da.txt"].outlet_basis or "")


def test_every_removed_block_says_why(articles):
    for article in articles.values():
        for removed in article.removed:
            assert removed.reason and removed.text.strip()
