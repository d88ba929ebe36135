"""Doubly-decoded UTF-8 ("donâ€™t") is repaired before anything reads the text."""

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

from storyline.extract.html import extract_html
from storyline.extract.mojibake import fix_mojibake
from storyline.extract.text import extract_text
from storyline.model import RawDocument


def mangle(text: str) -> str:
    """What a scraper does when it reads UTF-8 bytes as Windows-1252 (undefined bytes passed through,
    as browsers do) and saves the result as UTF-8."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


SENTENCE = "“We won’t close the café,” said Lena Varga, who has run it since 1998 — through two floods."


def test_mangled_curly_quotes_dashes_and_accents_come_back():
    assert mangle(SENTENCE) != SENTENCE
    assert fix_mojibake(mangle(SENTENCE)) == SENTENCE


def test_text_that_only_looks_foreign_is_left_alone():
    for text in ("Ã la carte", "São Paulo and Zürich", "£5 or €3", "Âmbar Ávila", "Straße, naïve, Øresund"):
        assert fix_mojibake(text) == text


def test_an_html_page_saved_with_mojibake_reads_as_the_writer_wrote_it():
    paragraphs = [SENTENCE] + [
        f"The council’s {n} budget meetings ran late — each one past midnight, members said on Tuesday night."
        for n in ("first", "second", "third")
    ]
    html = ("<html><head><title>Café stays open</title></head><body><article><h1>Caf\u00c3\u00a9 stays open</h1>"
            + "".join(f"<p>{mangle(p)}</p>" for p in paragraphs) + "</article></body></html>")
    article = extract_html(RawDocument(source="cafe.html", content=html, format="html"))
    assert article.title == "Café stays open"
    assert SENTENCE in article.text
    assert "â€" not in article.text


def test_a_plain_text_scrape_with_mojibake_keeps_its_quotes_findable():
    body = (f"{SENTENCE}\n\nThe café opened in a former bakery on the square and now employs eleven people, "
            "most of them students from the college up the hill.\n")
    article = extract_text(RawDocument(source="cafe.txt", content="Café stays open\n\n" + mangle(body), format="text"))
    assert SENTENCE in article.text


def test_the_byte_pattern_finds_exactly_the_telltale_character_pairs():
    """The screen searches UTF-8 bytes for speed; it must flag the same pairs as the character ranges
    it stands for: a lead U+00C2-U+00F4 and a continuation byte read as Latin-1 or Windows-1252."""
    import re

    from storyline.extract.mojibake import _SUSPECT

    pairs = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
    for lead in range(0xB0, 0x100):
        for follow in [*range(0x70, 0x200), 0x2C6, 0x2DC, *range(0x2000, 0x2130)]:
            text = chr(lead) + chr(follow)
            assert bool(_SUSPECT.search(text.encode("utf-8"))) == bool(pairs.search(text)), text


def test_only_the_text_nodes_holding_mojibake_are_repaired_and_the_rest_is_left_as_written():
    untouched = "<p>Ã la carte, as the menu says</p>"
    markup = f"<div>{untouched}<p>{mangle(SENTENCE)}</p>\n<span>{mangle('naïve')}</span></div>"
    assert fix_mojibake(markup) == f"<div>{untouched}<p>{SENTENCE}</p>\n<span>naïve</span></div>"
