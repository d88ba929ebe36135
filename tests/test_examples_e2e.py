"""End to end on the bundled example corpus, checked against its hand-made reading (expected.json)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.engine import ingest
from storyline.examples import corpus_dir
from storyline.serve.cli import main
from storyline.store import Store

CORPUS = corpus_dir()
EXPECTED = json.loads((CORPUS.parent / "expected.json").read_text(encoding="utf-8"))


def source_of(doc: dict) -> str:
    """The `source` storyline gives the input a reference document came from."""
    path = CORPUS.parent / doc["file"]
    if "line" in doc:
        return f"{path}:{doc['line']}"
    if "entry" in doc:
        import feedparser

        ids = [e.get("id") for e in feedparser.parse(path.read_bytes()).entries]
        return f"{path}#{ids.index(doc['entry']) + 1}"
    return str(path)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("examples") / "s.db"
    with Store(db) as store:
        report = ingest([str(CORPUS)], store, jobs=1)
        assert not report.failed, report.failed
        yield store


@pytest.fixture(scope="module")
def by_source(store):
    return {a.source: a for a in store.iter_articles()}


def test_every_example_lands_as_one_article(by_source):
    assert sorted(by_source) == sorted(source_of(d) for d in EXPECTED["documents"])


def test_stories_are_the_reference_stories(store, by_source):
    expected: dict[str, set[str]] = {}
    for doc in EXPECTED["documents"]:
        expected.setdefault(doc["story"], set()).add(by_source[source_of(doc)].id)
    found = [set(s.article_ids) for s in store.iter_stories() if len(s.article_ids) > 1]
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected.values()))


def test_bodies_keep_the_article_and_drop_the_furniture(by_source):
    for doc in EXPECTED["documents"]:
        article = by_source[source_of(doc)]
        assert doc["body_first"] in article.text, doc["file"]
        assert doc["body_last"] in article.text, doc["file"]
        for junk in doc.get("not_body", []):
            assert junk not in article.text, (doc["file"], junk)
        for embed in doc.get("embeds", []):
            assert embed not in article.text
            assert any(embed in e.text for e in article.embeds), (doc["file"], embed)


def test_reprints_and_wire_copies_are_found_as_copies(store, by_source):
    copies = {frozenset((c.article_id, c.copy_of)) for s in store.iter_stories() for c in s.copies}
    for doc in EXPECTED["documents"]:
        other = doc.get("reprint_of") or doc.get("near_duplicate_of")
        if other:
            pair = frozenset((by_source[source_of(doc)].id, by_source[str(CORPUS.parent / other)].id))
            assert pair in copies, doc["file"]


def test_most_reference_quotes_are_found_with_their_speaker(store, by_source):
    found = total = 0
    for doc in EXPECTED["documents"]:
        article = by_source[source_of(doc)]
        quotes = store.analysis(article.id).quotes
        for ref in doc.get("quotes", []):
            total += 1
            found += any(ref["starts"] in q.text and q.speaker and (
                ref["speaker"] == "anonymous source" and "anonymous" in q.speaker.lower()
                or ref["speaker"].split()[-1] in q.speaker) for q in quotes)
    assert total > 50 and found / total >= 0.8, f"{found}/{total}"


def test_reference_claims_are_found_with_value_and_qualifier(store, by_source):
    found = total = 0
    for doc in EXPECTED["documents"]:
        claims = store.analysis(by_source[source_of(doc)].id).claims
        for ref in doc.get("claims", []):
            total += 1
            found += any(ref["text"] in c.text or c.text in ref["text"] and c.value == ref["value"]
                         for c in claims if c.qualifier == ref["qualifier"])
    assert total > 10 and found / total >= 0.8, f"{found}/{total}"


def test_demo_prints_the_stories(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "demo.db"), "demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\nstory ") == 3


def test_the_default_demo_store_is_rebuilt_on_each_run(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    stale = tmp_path / "storyline" / "demo.db"
    stale.parent.mkdir()
    stale.write_bytes(b"a store an older version left behind")
    result = CliRunner().invoke(main, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    assert "16 new, 0 already present" in result.output
