"""The bundled example corpus: every file parses, and the hand-made reading in expected.json matches it.

expected.json strings must be exact substrings of the document they describe: the file's text (gzip
decompressed), one JSONL line's text/html field, or one feed entry's content.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import storyline

EXAMPLES = Path(storyline.__file__).resolve().parent / "examples"
CORPUS = EXAMPLES / "corpus"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
DOCUMENTS = EXPECTED["documents"]

CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"


def read_file_text(path: Path) -> str:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def jsonl_records(path: Path) -> list[dict]:
    return [json.loads(line) for line in read_file_text(path).splitlines() if line.strip()]


def feed_entries(path: Path) -> dict[str, str]:
    """Entry guid -> full content, read with the standard library (feedparser is checked separately)."""
    root = ET.fromstring(read_file_text(path))
    return {item.findtext("guid"): item.findtext(CONTENT_NS) for item in root.iter("item")}


def document_text(doc: dict) -> str:
    path = CORPUS.parent / doc["file"]
    if "line" in doc:
        record = jsonl_records(path)[doc["line"] - 1]
        assert record["id"] == doc["id"], f"{doc['file']} line {doc['line']} is not {doc['id']}"
        return record.get("text") or record["html"]
    if "entry" in doc:
        return feed_entries(path)[doc["entry"]]
    return read_file_text(path)


def container_text(doc: dict) -> str:
    """Where a title, byline or page furniture lives: the JSONL record's fields, the feed file, or the file."""
    path = CORPUS.parent / doc["file"]
    if "line" in doc:
        return json.dumps(jsonl_records(path)[doc["line"] - 1], ensure_ascii=False)
    return read_file_text(path)


def doc_label(doc: dict) -> str:
    return doc["file"] + (f"#{doc['line']}" if "line" in doc else f"#{doc['entry']}" if "entry" in doc else "")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file())


def test_corpus_has_the_expected_shapes():
    names = [p.name for p in corpus_files()]
    assert sum(n.endswith(".txt") for n in names) >= 6
    assert sum(n.endswith((".html", ".html.gz")) for n in names) >= 3
    assert any(n.endswith(".html.gz") for n in names)
    assert any(n.endswith(".jsonl") for n in names)
    assert any(n.endswith(".xml") for n in names)
    assert (EXAMPLES / "README.md").exists()


def test_every_corpus_file_has_a_reference_reading_and_every_reading_a_file():
    described = {doc["file"] for doc in DOCUMENTS}
    on_disk = {str(p.relative_to(CORPUS.parent)) for p in corpus_files()}
    assert described == on_disk
    assert 14 <= len(DOCUMENTS) <= 18
    assert {doc["story"] for doc in DOCUMENTS} == set(EXPECTED["stories"])


def test_html_gz_decompresses_to_html():
    for path in CORPUS.rglob("*.html.gz"):
        assert read_file_text(path).lstrip().lower().startswith("<!doctype html")


def test_jsonl_lines_are_articles_with_text_or_html():
    for path in CORPUS.rglob("*.jsonl"):
        records = jsonl_records(path)
        assert 3 <= len(records) <= 4
        for record in records:
            assert ("text" in record) != ("html" in record), record["id"]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
            assert {"id", "url", "title", "outlet"} <= record.keys()
            assert isinstance(record["authors"], list) and record["authors"]


def test_feed_parses_with_feedparser_and_carries_full_content():
    feedparser = pytest.importorskip("feedparser")
    for path in CORPUS.rglob("*.xml"):
        parsed = feedparser.parse(read_file_text(path))
        assert not parsed.bozo, f"{path.name}: {parsed.get('bozo_exception')}"
        assert len(parsed.entries) == 2
        for entry in parsed.entries:
            assert len(entry.content[0].value.split()) > 250, entry.id


def test_feed_parses_as_xml():
    for path in CORPUS.rglob("*.xml"):
        entries = feed_entries(path)
        assert len(entries) == 2 and all(entries.values())


@pytest.mark.parametrize("doc", DOCUMENTS, ids=doc_label)
def test_every_expected_string_is_in_its_document(doc):
    text = document_text(doc)
    strings = [doc["body_first"], doc["body_last"], *doc["embeds"], *doc["loaded_terms"]]
    strings += [quote["starts"] for quote in doc["quotes"]]
    strings += [claim["text"] for claim in doc["claims"]]
    strings += [date["text"] for date in doc["dates"]]
    around = container_text(doc)
    around_strings = [*doc["not_body"], *doc["byline"], *([doc["title"]] if doc.get("title") else [])]
    missing = [s for s in strings if s not in text] + [s for s in around_strings if s not in around]
    assert not missing, f"{doc_label(doc)} lacks {missing}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=doc_label)
def test_every_document_has_enough_quotes_with_speakers(doc):
    assert len(doc["quotes"]) >= 3
    assert all(quote["speaker"] and quote["kind"] in {"direct", "partial", "indirect"} for quote in doc["quotes"])


@pytest.mark.parametrize("doc", DOCUMENTS, ids=doc_label)
def test_articles_are_of_news_length(doc):
    body = re.sub(r"<[^>]+>", " ", document_text(doc))
    assert 250 <= len(body.split()) <= 900, doc_label(doc)


def test_reprints_and_wire_copies_point_at_documents_in_the_corpus():
    files = {doc["file"] for doc in DOCUMENTS}
    links = [doc.get("reprint_of") or doc.get("near_duplicate_of") for doc in DOCUMENTS]
    assert sum(link is not None for link in links) >= 3
    assert all(link in files for link in links if link)


def test_corpus_uses_no_names_from_the_seed_articles(seeds_gold):
    seed_names = {name for entity in seeds_gold["entities"].values() for name in entity["names"]}
    for article in seeds_gold["articles"].values():
        seed_names.update(article.get("byline") or [])
        if article.get("outlet"):
            seed_names.add(article["outlet"])
    seed_names.update(seeds_gold.get("must_not_extract", []))
    assert seed_names
    for path in corpus_files():
        text = read_file_text(path)
        found = [name for name in seed_names if re.search(rf"\b{re.escape(name)}\b", text)]
        assert not found, f"{path.name} uses seed names {found}"
