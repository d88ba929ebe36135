"""The `storyline` command, used as a person would: ingest, re-ingest, extract, export, list, show."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from storyline.serve.cli import main
from storyline.store import Store

ARTICLE_ONE = """(Dana Whitfield, Riverside Ledger) Mayor Lena Ortiz said Tuesday the Elm Street bridge will close for repairs.

"We cannot wait another winter," Ortiz said. "The steel is failing."

The city estimates the work will cost nearly $18 million.
"""
ARTICLE_TWO = """Council member Raj Patel said on Monday that the closure would hurt shops on Elm Street.

"Nobody asked the people who work here," Patel told reporters.
"""


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (d / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return d


def run(*args, db):
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return result


def test_ingest_then_reingest_adds_nothing(tmp_path, corpus):
    db = tmp_path / "s.db"
    first = run("ingest", str(corpus), "--jobs", "1", db=db)
    assert first.exit_code == 0, first.output
    assert "2 new, 0 already present" in first.output
    again = run("ingest", str(corpus), "--jobs", "1", db=db)
    assert again.exit_code == 0 and "0 new, 2 already present" in again.output


def test_after_an_upgrade_a_reingest_reads_the_inputs_again_and_replaces_the_old_readings(tmp_path, corpus, monkeypatch):
    db = tmp_path / "s.db"
    assert "2 new" in run("ingest", str(corpus), "--jobs", "1", db=db).output
    monkeypatch.setattr("storyline.engine.pipeline_id", lambda model=None: "storyline 9.9; some_model 1.0")
    upgraded = run("ingest", str(corpus), "--jobs", "1", db=db)
    assert upgraded.exit_code == 0 and "0 new, 0 already present, 2 read again" in upgraded.output
    assert "0 new, 2 already present" in run("ingest", str(corpus), "--jobs", "1", db=db).output
    with Store(db) as store:
        assert store.count_articles() == 2 and store.count_stories() >= 1


def test_a_broken_input_is_named_and_the_rest_still_lands(tmp_path, corpus):
    (corpus / "broken.bin").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "s.db"
    result = run("ingest", str(corpus), str(tmp_path / "nope.txt"), "--jobs", "1", db=db)
    assert result.exit_code == 1
    assert "broken.bin: binary content" in result.output
    assert "nope.txt: no such file or directory" in result.output
    assert "2 new" in result.output


def test_usage_errors_exit_2(tmp_path):
    assert run("ingest", db=tmp_path / "s.db").exit_code == 2
    assert run("export", db=tmp_path / "missing.db").exit_code == 2


def test_extract_prints_one_contract_record_per_input(corpus):
    result = CliRunner().invoke(main, ["extract", str(corpus / "one.txt")])
    [line] = result.output.strip().splitlines()
    record = json.loads(line)
    assert record["source"] == str(corpus / "one.txt")
    assert record["text"].startswith("Mayor Lena Ortiz said Tuesday")
    for key in ("id", "url", "outlet", "authors", "title", "published", "published_inferred",
                "removed", "mentions", "quotes", "claims", "dates", "loaded_terms", "tone"):
        assert key in record


def test_export_formats_follow_the_data_contract(tmp_path, corpus):
    db = tmp_path / "s.db"
    run("ingest", str(corpus), "--jobs", "1", db=db)
    doc = json.loads(run("export", "--format", "json", db=db).output)
    assert set(doc) >= {"articles", "entities", "stories"}
    article = doc["articles"][0]
    assert {"id", "source", "text", "removed", "mentions", "quotes", "claims", "dates"} <= set(article)
    for fact in article["mentions"] + article["quotes"] + article["claims"] + article["dates"]:
        assert article["text"][fact["start"]:fact["end"]] == fact["text"]
    lines = [json.loads(x) for x in run("export", "--format", "jsonl", db=db).output.splitlines()]
    assert {x["record_type"] for x in lines} >= {"article"}
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", db=db).output)))
    assert len(rows) == 2 and rows[0]["id"]
    quotes = list(csv.DictReader(io.StringIO(
        run("export", "--format", "csv", "--table", "quotes", db=db).output)))
    assert all(q["text"] for q in quotes)
    assert run("export", "--format", "md", db=db).output.startswith("# storyline export")
    out = tmp_path / "out.json"
    run("export", "-o", str(out), db=db)
    assert json.loads(out.read_text())["articles"]


def test_list_and_show(tmp_path, corpus):
    db = tmp_path / "s.db"
    run("ingest", str(corpus), "--jobs", "1", db=db)
    listing = run("list", db=db).output.strip().splitlines()
    assert len(listing) == 2
    article_id = listing[0].split()[0]
    shown = run("show", article_id[:8], db=db)
    assert shown.exit_code == 0 and article_id in shown.output
    assert json.loads(run("show", "--json", article_id, db=db).output)["id"] == article_id
    assert run("show", "zzzz", db=db).exit_code == 1


def test_schema_is_generated_from_the_model():
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    assert "quotes" in schema["analysis"]["properties"]
    assert "published_inferred" in schema["article"]["properties"]
