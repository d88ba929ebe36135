"""Hand-made records for the web tests: a small story over three outlets, and hostile input.

A helper module (not a test file) so test modules import it by name; pyproject's pytest
``pythonpath`` puts tests/ on the path whatever the import mode.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from storyline.model import (
    Analysis,
    Article,
    Claim,
    Copy,
    DateExpression,
    Entity,
    Event,
    Evidence,
    InferredDate,
    Mention,
    Quote,
    Removed,
    Story,
)
from storyline.store.sqlite import Store

LEDGER_TEXT = (
    "The Harbour Bridge will close for six weeks from 3 March, the transport authority said on Monday.\n\n"
    "\"We cannot keep patching a structure that is 90 years old,\" said Maria Okafor, the authority's "
    "chief engineer. The repairs will cost $12.5 million, according to the budget office.\n\n"
    "Commuters were told to use the ferry."
)
SENTINEL_TEXT = (
    "Officials confirmed on Tuesday that the Harbour Bridge shuts on 3 March.\n\n"
    "Maria Okafor called the closure \"overdue\". The city puts the bill at $14 million, "
    "and about 40,000 drivers cross the bridge each day.\n\n"
    "Shops near the bridge fear a quiet spring."
)


def span(text: str, words: str) -> tuple[int, int]:
    """The offsets of ``words`` in ``text`` (the way analyze reports them)."""
    start = text.index(words)
    return start, start + len(words)


def quote(text: str, words: str, speaker: str | None, entity_id: str | None, cue: str, kind="direct") -> Quote:
    s, e = span(text, words)
    return Quote(words, s, e, kind, speaker=speaker, speaker_entity_id=entity_id, cue=cue)


def claim(text: str, words: str, value, unit=None, subject=None, qualifier="exact") -> Claim:
    s, e = span(text, words)
    return Claim(words, s, e, value, unit=unit, qualifier=qualifier, subject=subject)


def date(text: str, words: str, resolved: str) -> DateExpression:
    s, e = span(text, words)
    return DateExpression(words, s, e, resolved, "day")


def mention(text: str, words: str, entity_id: str, label: str) -> Mention:
    s, e = span(text, words)
    return Mention(entity_id, words, s, e, label)


def sample_records() -> tuple[list[tuple[Article, Analysis]], list[Story], list[Entity], dict[str, str]]:
    """Three articles on one story (one a reprint), one unrelated article, two corpus entities."""
    ledger = Article(
        id="a1ledger", source="ledger.html", text=LEDGER_TEXT, url="https://ledger.example/bridge",
        outlet="Northern Ledger", authors=["Sam Reed"], title="Harbour Bridge to close for six weeks",
        published="2025-02-24", outlet_basis="og:site_name", outlet_confidence=0.95,
        removed=[Removed("Share this article on Facebook", "share_widget")],
    )
    sentinel = Article(
        id="b2sentinel", source="sentinel.txt", text=SENTINEL_TEXT, outlet="Coast Sentinel",
        title="Bridge shuts in March",
        published_inferred=InferredDate("2025-02-25", "day", "'on Tuesday' in the lead, week of the story"),
        outlet_basis="byline line",
    )
    reprint = Article(
        id="c3reprint", source="wire.txt", text=LEDGER_TEXT + "\n\nThis article first appeared in the Northern Ledger.",
        outlet="Valley Wire", host="valleywire.example", original_outlet="Northern Ledger",
        title="Harbour Bridge to close", published="2025-02-26",
    )
    other = Article(id="d4other", source="other.txt", text="The council approved a new park budget.",
                    outlet="Coast Sentinel", title="Park budget approved", published="2025-01-10")

    def ledger_analysis(article_id: str, text: str) -> Analysis:
        return Analysis(
            article_id=article_id,
            entities=[Entity(f"{article_id}:e1", "Maria Okafor", "PERSON", roles=["chief engineer"]),
                      Entity(f"{article_id}:e2", "Harbour Bridge", "FAC")],
            mentions=[mention(text, "Harbour Bridge", f"{article_id}:e2", "FAC"),
                      mention(text, "Maria Okafor", f"{article_id}:e1", "PERSON")],
            quotes=[quote(text, "We cannot keep patching a structure that is 90 years old",
                          "Maria Okafor", f"{article_id}:e1", "said")],
            claims=[claim(text, "$12.5 million", 12_500_000.0, "USD", "repair cost"),
                    claim(text, "90 years old", 90.0, "years", "bridge age"),
                    claim(text, "six weeks", 6.0, "weeks", "closure length")],
            dates=[date(text, "3 March", "2025-03-03"), date(text, "on Monday", "2025-02-24")],
        )

    sentinel_analysis = Analysis(
        article_id="b2sentinel",
        entities=[Entity("b2sentinel:e1", "Maria Okafor", "PERSON")],
        mentions=[mention(SENTINEL_TEXT, "Maria Okafor", "b2sentinel:e1", "PERSON")],
        quotes=[quote(SENTINEL_TEXT, "overdue", "Maria Okafor", "b2sentinel:e1", "called", "partial"),
                quote(SENTINEL_TEXT, "Shops near the bridge fear a quiet spring", None, None, "", "indirect")],
        claims=[claim(SENTINEL_TEXT, "$14 million", 14_000_000.0, "USD", "repair cost"),
                claim(SENTINEL_TEXT, "about 40,000 drivers", 40_000.0, None, "drivers", "approximately")],
        dates=[date(SENTINEL_TEXT, "on 3 March", "2025-03-03")],
    )
    items = [
        (ledger, ledger_analysis("a1ledger", LEDGER_TEXT)),
        (sentinel, sentinel_analysis),
        (reprint, ledger_analysis("c3reprint", reprint.text)),
        (other, Analysis(article_id="d4other")),
    ]
    closure = span(LEDGER_TEXT, "The Harbour Bridge will close for six weeks from 3 March")
    shuts = span(SENTINEL_TEXT, "the Harbour Bridge shuts on 3 March")
    repair_cost = {"kind": "conflict", "subject": "repair cost", "unit": "USD",
                   "earlier": {"outlet": "Northern Ledger", "article_id": "a1ledger", "start": 0, "end": 20,
                               "text": "$12.5 million", "value": 12_500_000.0, "date": "2025-02-24"},
                   "later": {"outlet": "Coast Sentinel", "article_id": "b2sentinel",
                             "start": SENTINEL_TEXT.index("$14 million"),
                             "end": SENTINEL_TEXT.index("$14 million") + len("$14 million"),
                             "text": "$14 million", "value": 14_000_000.0, "date": "2025-02-24"}}
    story = Story(
        id="s-bridge", title="Harbour Bridge closure",
        article_ids=["a1ledger", "b2sentinel", "c3reprint"],
        copies=[Copy("c3reprint", "a1ledger", 0.97, "reprint")],
        timeline=[
            Event("2025-02-24", "day", "Transport authority announces a six-week closure",
                  [Evidence("a1ledger", *closure)]),
            Event("2025-03-03", "day", "Bridge closes",
                  [Evidence("a1ledger", *closure), Evidence("b2sentinel", *shuts)]),
        ],
        outlets=[{"outlet": "Northern Ledger", "articles": ["a1ledger"], "first_date": "2025-02-24",
                  "last_date": "2025-02-24", "reported_count": 1,
                  "number_conflicts": [{"kind": "conflict", "subject": "repair cost", "unit": "USD",
                                        "this": repair_cost["earlier"], "other": repair_cost["later"]}]},
                 {"outlet": "Coast Sentinel", "articles": ["b2sentinel"], "reported_count": 1,
                  "number_conflicts": [{"kind": "conflict", "subject": "repair cost", "unit": "USD",
                                        "this": repair_cost["later"], "other": repair_cost["earlier"]}]}],
        facts=[{"id": "event:0", "kind": "event", "label": "Bridge closes", "date": "2025-03-03",
                "reported_by": ["Northern Ledger", "Coast Sentinel"],
                "cells": {"Northern Ledger": {"reported": True, "evidence": [
                              {"article_id": "a1ledger", "start": closure[0], "end": closure[1]}]},
                          "Coast Sentinel": {"reported": True, "evidence": [
                              {"article_id": "b2sentinel", "start": shuts[0], "end": shuts[1]}]}}}],
        number_conflicts=[repair_cost],
        entity_ids=["ent-okafor", "ent-bridge"],
        original_article_id="a1ledger", independent_sources=2,
        first_date="2025-02-24", last_date="2025-02-26",
    )
    entities = [Entity("ent-okafor", "Maria Okafor", "PERSON", aliases=["Okafor"], roles=["chief engineer"]),
                Entity("ent-bridge", "Harbour Bridge", "FAC", aliases=["the bridge"])]
    entity_map = {"a1ledger:e1": "ent-okafor", "a1ledger:e2": "ent-bridge", "b2sentinel:e1": "ent-okafor",
                  "c3reprint:e1": "ent-okafor", "c3reprint:e2": "ent-bridge"}
    return items, [story], entities, entity_map


def build_sample_store(path: Path, extra: list[tuple[Article, Analysis]] = ()) -> Path:
    items, stories, entities, entity_map = sample_records()
    items = items + list(extra)
    with Store(path) as store:
        store.add_batch([(a, an, None) for a, an in items])
        store.replace_links(stories, entities, entity_map)
    return path


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def local_links(html: str) -> list[str]:
    parser = LinkCollector()
    parser.feed(html)
    return sorted({urldefrag(link)[0] for link in parser.links if not urlsplit(link).scheme and link[:1] == "/"})


SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
PAYLOAD = f"{SCRIPT} {IMG}"
RAW_MARKERS = ("<script", "<img", "onerror=alert(1)>")


def hostile_records() -> tuple[Article, Analysis, Story, Entity]:
    text = f'Intro {PAYLOAD} and then "{PAYLOAD}" said {PAYLOAD}, citing 12 {PAYLOAD}.'
    q_start = text.index('"') + 1
    q_end = text.index('"', q_start)
    article = Article(
        id="x1evil", source=f"feed/{IMG}.html", text=text, url=f"javascript:alert(1)//{SCRIPT}",
        outlet=f"Outlet {PAYLOAD}", authors=[PAYLOAD, "Plain Author"], title=f"Title {PAYLOAD}",
        published="2025-05-05", outlet_basis=PAYLOAD, host=PAYLOAD, original_outlet=PAYLOAD,
        removed=[Removed(PAYLOAD, f"reason {IMG}")],
    )
    name_at = text.index(SCRIPT)
    analysis = Analysis(
        article_id="x1evil",
        entities=[Entity("x1evil:e1", f"Name {PAYLOAD}", "PERSON", aliases=[PAYLOAD])],
        mentions=[Mention("x1evil:e1", SCRIPT, name_at, name_at + len(SCRIPT), f"PERSON{IMG}")],
        quotes=[Quote(text[q_start:q_end], q_start, q_end, "direct", speaker=f'{PAYLOAD}"', cue=IMG)],
        claims=[Claim("12", text.index("12"), text.index("12") + 2, 12.0, unit=IMG, subject=PAYLOAD,
                      qualifier=SCRIPT)],
    )
    story = Story(
        id="x-story", title=f"Story {PAYLOAD}", article_ids=["x1evil"],
        outlets=[{"outlet": PAYLOAD, PAYLOAD: [PAYLOAD, {"nested": PAYLOAD}]}],
        entity_ids=["x-ent"], first_date="2025-05-05", last_date="2025-05-05",
    )
    entity = Entity("x-ent", f"Entity {PAYLOAD}", "PERSON", aliases=[PAYLOAD], roles=[PAYLOAD])
    return article, analysis, story, entity
