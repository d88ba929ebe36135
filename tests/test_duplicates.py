"""Copies: identical pages, wire reprints with edits, rewrites that keep the quotes and numbers."""

from __future__ import annotations

from storyline.link import StoryLinker, link_features
from storyline.link.duplicates import copy_kind, jaccard
from storyline.model import Article

WIRE = (
    "Harbour officials in Portvale said on Monday that the main container terminal would close for "
    "three weeks after a crane collapsed during a storm, stranding 14 cargo ships offshore. "
    "The collapse injured two dock workers, who were taken to the regional hospital with broken bones. "
    "“We cannot reopen the berths until every crane has been inspected,” harbour master Lena Ortiz said. "
    "Shipping companies warned that the closure could delay deliveries of fuel and grain across the region. "
    "The terminal handled about 2.4 million containers last year, according to the port authority. "
    "Engineers from the crane maker are expected to arrive on Wednesday to examine the wreckage. "
    "“Safety comes first, and the schedule comes second,” Ortiz told reporters at the quay. "
    "Local unions said they would hold a meeting to discuss pay for workers sent home during the closure."
)

REPRINT = (
    WIRE.replace("said on Monday", "said Monday")
    .replace("broken bones", "fractures")
    + " The Portvale Gazette contributed reporting to this article."
)

REWRITE = (
    "A storm brought down a crane at Portvale's biggest container terminal, and the port will now stay shut "
    "for three weeks while 14 ships wait at anchor. Two dockers were hurt. Harbour master Lena Ortiz was blunt: "
    "“We cannot reopen the berths until every crane has been inspected.” Freight firms fear knock-on delays "
    "for grain and fuel. The site moved some 2.4 million containers last year. Ortiz added: “Safety comes "
    "first, and the schedule comes second.” Inspectors employed by the manufacturer should be on site midweek."
)


def article(article_id: str, text: str, **meta) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, **meta)


def test_identical_copy_is_found_and_named_identical():
    a = link_features(article("a", WIRE, published="2024-03-04", outlet="wire.example"))
    b = link_features(article("b", WIRE, published="2024-03-04", outlet="daily.example"))
    assert copy_kind(a, b) == "identical"


def test_reprint_with_small_edits_is_a_reprint():
    a = link_features(article("a", WIRE))
    b = link_features(article("b", REPRINT))
    assert 0.5 <= jaccard(a, b) < 0.95
    assert copy_kind(a, b) == "reprint"


def test_rewrite_keeps_quotes_numbers_and_people_but_few_shingles():
    a = link_features(article("a", WIRE))
    b = link_features(article("b", REWRITE))
    assert jaccard(a, b) < 0.3
    assert copy_kind(a, b) == "rewrite"


def test_unrelated_articles_are_not_copies():
    other = "The city council approved a new budget for public libraries on Tuesday, adding 12 branches. " * 5
    assert copy_kind(link_features(article("a", WIRE)), link_features(article("b", other))) is None


def test_lineage_marks_the_earliest_article_as_the_original():
    linker = StoryLinker()
    docs = [
        article("late", REPRINT, published="2024-03-05", outlet="daily.example"),
        article("wire", WIRE, published="2024-03-04", outlet="wire.example"),
        article("mirror", WIRE, published="2024-03-06", outlet="mirror.example", host="mirror.example",
                original_outlet="wire.example"),
    ]
    for d in docs:
        linker.add(d)
    story, = linker.result(docs).stories
    assert story.original_article_id == "wire"
    assert {(c.article_id, c.copy_of, c.kind) for c in story.copies} == {
        ("late", "wire", "reprint"),
        ("mirror", "wire", "identical"),
    }
    assert story.independent_sources == 1


WIDGET = "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds."
BRIEF = (
    "Harbour officials in Portvale said on Monday that the main container terminal would close for three weeks "
    "after a crane collapsed during a storm, stranding 14 cargo ships offshore. The collapse injured two dock "
    "workers, who were taken to the regional hospital."
)


def test_two_pages_extraction_cut_to_the_same_widget_text_are_not_copies():
    a = link_features(article("a", WIDGET, title="Oil reached the North anyway", outlet="news.example"))
    b = link_features(article("b", WIDGET, title="The first shots fired", outlet="news.example"))
    assert copy_kind(a, b) is None
    linker = StoryLinker()
    for f in (a, b):
        linker.add_features(f)
    assert linker.copy_pairs() == {}
    assert sorted(s.article_ids for s in linker.result().stories) == [["a"], ["b"]]


def test_a_short_wire_brief_copied_word_for_word_is_still_identical():
    a = link_features(article("a", BRIEF, outlet="wire.example"))
    b = link_features(article("b", BRIEF, outlet="daily.example"))
    assert a.words < 60
    assert copy_kind(a, b) == "identical"
