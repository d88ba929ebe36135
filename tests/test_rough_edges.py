"""Rough edges a new user hits, each as the user would see it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from storyline.model import Claim, Quote
from storyline.serve.cli import main
from storyline.serve.export import figure, quoted

REPORTED = "Council member Raj Patel said on Monday that the closure would hurt shops on Elm Street.\n\n" \
           "\"Nobody asked the people who work here,\" Patel told reporters.\n"


@pytest.fixture(scope="module")
def store_with_speech(tmp_path_factory):
    root = tmp_path_factory.mktemp("speech")
    (root / "in").mkdir()
    (root / "in" / "patel.txt").write_text(REPORTED, encoding="utf-8")
    db = str(root / "s.db")
    result = CliRunner().invoke(main, ["--db", db, "ingest", str(root / "in"), "--jobs", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def test_only_direct_quotes_get_quotation_marks():
    said = Quote(text="the closure would hurt shops", start=0, end=10, kind="indirect")
    own = Quote(text="Nobody asked the people who work here,", start=0, end=10, kind="direct")
    assert quoted(said) == "the closure would hurt shops"
    assert quoted(own) == "“Nobody asked the people who work here,”"


def test_show_and_the_markdown_digest_print_reported_speech_without_quotation_marks(store_with_speech):
    runner = CliRunner()
    listed = runner.invoke(main, ["--db", store_with_speech, "list"], catch_exceptions=False).output
    article_id = listed.split()[0]
    shown = runner.invoke(main, ["--db", store_with_speech, "show", article_id], catch_exceptions=False).output
    digest = runner.invoke(main, ["--db", store_with_speech, "export", "--format", "md"], catch_exceptions=False).output
    for out in (shown, digest):
        indirect = [line for line in out.splitlines() if "indirect" in line]
        direct = [line for line in out.splitlines() if "direct" in line and "indirect" not in line]
        assert indirect and direct, out
        assert all("that the closure would hurt shops" in line and not re.search("[“”\"]", line) for line in indirect)
        assert any("“Nobody asked the people who work here,”" in line for line in direct)


def test_claims_print_figures_as_people_write_them():
    assert figure(60000.0) == "60,000"
    assert figure([220000.0, 50000.0], "change") == "from 220,000 to 50,000"
    assert figure([5.0, 6.5], "range") == "5–6.5"
    assert figure(3.25) == "3.25"


# ---------------------------------------------------------------------------- copies and updates


def test_a_wire_copy_is_named_by_the_site_that_republished_it():
    from storyline.extract.text import extract_text
    from storyline.model import RawDocument

    body = ("(Jane Doe, Example Wire) RIVERTON - The council voted 5-4 on Tuesday to close the old bridge for "
            "repairs, ending weeks of argument.\n\nThe work will take about 14 months, engineers said.\n\n")
    on_station = extract_text(RawDocument(source="station.txt", format="text",
                                          content=body + "Copyright 2025 Example Wire. All rights reserved.\n\n"
                                                         "WXYZ 4 News | Watch live weeknights at 6 and 11\n"))
    assert on_station.outlet == "Example Wire" and on_station.host == "WXYZ 4 News"
    elsewhere = extract_text(RawDocument(source="feeds/paper.txt", format="text", content=body))
    assert elsewhere.host is None


def test_copies_of_one_wire_story_read_apart():
    from storyline.model import Article
    from storyline.serve.web.article_view import copy_label

    station = Article(id="a", source="in/station.txt", text="x", outlet="Example Wire", host="WXYZ 4 News",
                      title="Council closes bridge")
    paper = Article(id="b", source="in/paper.txt", text="x", outlet="Example Wire", title="Bridge to close")
    original = Article(id="c", source="c.html", text="x", outlet="The Riverton Ledger", title="Bridge cost",
                       url="https://riverton-ledger.example/bridge")
    reprint = Article(id="d", source="d.txt", text="x", outlet="The Riverton Ledger", host="NewsPile",
                      original_outlet="The Riverton Ledger", title="Bridge cost")
    assert copy_label(station, "a", paper) == "WXYZ 4 News, from Example Wire — Council closes bridge"
    assert copy_label(paper, "b", station) == "Example Wire — Bridge to close (paper.txt)"
    assert copy_label(reprint, "d", original) == "NewsPile, from The Riverton Ledger — Bridge cost"
    assert copy_label(original, "c", reprint) == "The Riverton Ledger — Bridge cost"  # on its own site


def test_an_update_lists_the_earlier_figure_first_on_every_card():
    from storyline.serve.web.outlets_view import _conflict

    earlier = {"outlet": "A", "text": "220,000", "value": 220000.0, "date": "2025-01-05"}
    later = {"outlet": "B", "text": "50,000", "value": 50000.0, "date": "2025-02-01"}
    on_later_card = _conflict({"kind": "update", "subject": "riders", "this": later, "other": earlier}, "this", "other")
    assert (on_later_card.first.value, on_later_card.second.value) == (220000.0, 50000.0)
    conflict = _conflict({"kind": "conflict", "subject": "riders", "this": later, "other": earlier}, "this", "other")
    assert conflict.first.value == 50000.0  # a conflict keeps this outlet's figure first


# ---------------------------------------------------------------------------- highlights


def test_a_highlight_over_a_paragraph_break_leaves_the_blank_line_unmarked():
    from storyline.serve.web.highlight import Highlight, highlight_html

    text = "The council voted on Tuesday.\n\nThe work begins in June."
    html = str(highlight_html(text, [Highlight(4, 46, "evidence", "timeline evidence", "ev-4-46")]))
    assert html == ('The <span class="hl hl-evidence" title="timeline evidence" id="ev-4-46">council voted on Tuesday.'
                    '</span>\n\n<span class="hl hl-evidence hl-cont" title="timeline evidence">The work begins</span>'
                    ' in June.')


def marked_breaks(html: str) -> int:
    """Line breaks that fall inside a highlight (the yellow bars on blank lines)."""
    depth = found = 0
    for token in re.split(r"(<[^>]+>)", html):
        if token.startswith("<span"):
            depth += 1 if token.startswith('<span class="hl') or depth else 0
        elif token == "</span>":
            depth = max(0, depth - 1)
        elif depth and not token.startswith("<") and "\n" in token:
            found += 1
    return found


def test_the_report_marks_no_blank_line_between_paragraphs(tmp_path):
    from web_samples import LEDGER_TEXT, build_sample_store

    from storyline.model import Event, Evidence
    from storyline.serve.report import render_report
    from storyline.store import Store

    assert "\n\n" in LEDGER_TEXT
    path = build_sample_store(tmp_path / "r.db")
    with Store(path) as store:
        stories = list(store.iter_stories())
        bridge = next(s for s in stories if s.id == "s-bridge")
        bridge.timeline.append(Event(date="2025-02-24", precision="day", summary="The whole article",
                                     evidence=[Evidence("a1ledger", 0, len(LEDGER_TEXT))]))
        store.replace_links(stories)
    with Store(path, readonly=True) as store:
        report = render_report(store, "s-bridge")
    assert 'class="hl hl-evidence hl-cont"' in report  # the evidence goes on past the break
    assert marked_breaks(report) == 0


def test_the_article_page_legend_switches_each_kind_on_and_off(tmp_path):
    from fastapi.testclient import TestClient
    from web_samples import build_sample_store

    from storyline.serve.web.app import create_app
    from storyline.serve.web.highlight import LEGEND

    client = TestClient(create_app(str(build_sample_store(tmp_path / "w.db"))))
    page = client.get("/articles/a1ledger").text
    css = client.get("/static/style.css").text
    for kind, _ in LEGEND:
        box = re.search(rf'<input type="checkbox" id="show-{kind}"[^>]*>', page)
        assert box, kind
        assert ("checked" in box.group()) == (kind != "entity")  # mentions mark most lines: off at first
        assert f"body:has(#show-{kind}:not(:checked)) .article-text .hl-{kind}" in css
    assert "<script" not in page  # a stylesheet rule does it, nothing to run


# ---------------------------------------------------------------------------- the command line


def test_global_options_work_after_the_subcommand_too(store_with_speech):
    after = CliRunner().invoke(main, ["list", "--db", store_with_speech], catch_exceptions=False)
    assert after.exit_code == 0, after.output
    assert "[no headline] Council member Raj Patel said on Monday" in after.output  # untitled: its first words


def test_a_report_on_a_store_without_stories_says_so_and_exits_2(tmp_path):
    from storyline.store import Store

    with Store(tmp_path / "empty.db"):
        pass
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "empty.db"), "report", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "holds no story yet" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_serve_on_a_taken_port_says_the_port_is_taken(store_with_speech):
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        result = CliRunner().invoke(main, ["--db", store_with_speech, "serve", "--port", str(port)])
    assert result.exit_code == 1 and f"port {port} is taken" in result.output
    assert "serving" not in result.output


def test_counts_read_as_words(store_with_speech):
    from storyline.engine.local import IngestReport

    assert IngestReport(stories=1).summary().endswith("; 1 story in the store")
    listed = CliRunner().invoke(main, ["--db", store_with_speech, "list", "--stories"]).output
    assert "1 article " in listed and "1 articles" not in listed


@pytest.mark.parametrize("command", ["ingest", "extract", "export", "list", "show", "schema", "serve", "report",
                                     "demo"])
def test_every_command_shows_examples_in_its_help(command):
    out = CliRunner().invoke(main, [command, "--help"]).output
    assert re.search(r"Examples?:\n\s+storyline " + command, out), out


# ---------------------------------------------------------------------------- exports

BRIDGE = """(Dana Whitfield, Riverside Ledger) Mayor Lena Ortiz said Tuesday the Elm Street bridge will close for repairs.

"We cannot wait another winter," Ortiz said. "The steel is failing."

The city estimates the work will cost nearly $18 million. Daily crossings fell from 22,000 to 5,000 vehicles since the limits began.
"""
SHOPS = """Council member Raj Patel said on Monday that the Elm Street bridge closure would hurt shops.

"Nobody asked the people who work here," Patel told reporters. The repairs will cost $18 million, the city said.
"""


@pytest.fixture(scope="module")
def bridge_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("bridge")
    (root / "in").mkdir()
    (root / "in" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (root / "in" / "shops.txt").write_text(SHOPS, encoding="utf-8")
    db = str(root / "s.db")
    assert CliRunner().invoke(main, ["--db", db, "ingest", str(root / "in"), "--jobs", "1"]).exit_code == 0
    return db


def export(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", db, "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_claims_csv_has_numeric_value_columns_and_the_articles_place(bridge_store):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(export(bridge_store, "--format", "csv", "--table", "claims"))))
    change = next(r for r in rows if r["qualifier"] == "change")
    assert (float(change["value"]), float(change["value_to"])) == (22000.0, 5000.0)
    single = next(r for r in rows if r["qualifier"] != "change")
    assert float(single["value"]) and single["value_to"] == ""
    quotes = list(csv.DictReader(io.StringIO(export(bridge_store, "--format", "csv", "--table", "quotes"))))
    assert {"date", "title", "outlet", "url"} <= set(quotes[0])
    assert any(q["outlet"] == "Riverside Ledger" and q["title"] for q in quotes)


@pytest.mark.parametrize("table, columns", [
    ("facts", {"story_id", "fact_id", "kind", "label", "outlet", "reported", "evidence"}),
    ("omissions", {"story_id", "outlet", "fact_id", "label", "reported_by"}),
    ("loaded_terms", {"article_id", "outlet", "text", "neutral", "leaning", "start", "end"}),
])
def test_the_comparison_tables_export_as_csv(bridge_store, table, columns):
    header = export(bridge_store, "--format", "csv", "--table", table).splitlines()[0].split(",")
    assert columns <= set(header)


def test_facts_csv_has_one_row_per_fact_and_outlet(bridge_store):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(export(bridge_store, "--format", "csv", "--table", "facts"))))
    assert rows and {r["reported"] for r in rows} <= {"0", "1"}
    assert all(r["evidence"] for r in rows if r["reported"] == "1")


def test_the_markdown_digest_has_claims_and_how_each_outlet_told_it(bridge_store):
    digest = export(bridge_store, "--format", "md")
    assert "### Claims" in digest and "from 22,000 to 5,000" in digest
    assert "### How each outlet told it" in digest and "| Riverside Ledger |" in digest


# ---------------------------------------------------------------------------- the web app


@pytest.fixture(scope="module")
def client(bridge_store, store_with_speech, tmp_path_factory):
    from fastapi.testclient import TestClient

    from storyline.serve.web.app import create_app

    return TestClient(create_app(bridge_store))


def test_a_page_past_the_end_says_so_and_links_back(client):
    for path in ("/?page=999", "/articles?page=999", "/entities?page=999", "/search?q=bridge&page=999"):
        page = client.get(path).text
        assert "is past the end" in page and "Back to the first page" in page, path
        assert "No stories yet" not in page and "Nothing matches" not in page


def test_a_prefix_query_finds_the_words_it_begins(client):
    assert "Elm Street" in client.get("/search?q=Ort*").text  # Ortiz
    assert client.get("/api/search", params={"q": "Ort*"}).json()["items"]
    assert "end a word with *" in client.get("/search?q=zzzq").text  # says how to search


def test_the_api_root_lists_its_endpoints(client):
    answer = client.get("/api")
    assert answer.status_code == 200
    assert answer.json()["docs"] == "/api/docs" and any(e["path"] == "/api/stories" for e in answer.json()["endpoints"])


def test_the_api_docs_set_backticks_as_code(client):
    docs = client.get("/api/docs").text
    body = re.sub(r"<pre>.*?</pre>", "", docs, flags=re.S)
    assert "`" not in re.sub(r"<[^>]+>", "", body)


def test_an_untitled_article_is_shown_by_its_first_words_marked_as_such(tmp_path):
    from fastapi.testclient import TestClient
    from web_samples import build_sample_store, sample_records

    from storyline.serve.web.app import create_app

    (ledger, analysis), *_ = sample_records()[0]
    ledger.id, ledger.title, ledger.source = "e5untitled", None, "untitled.txt"
    analysis.article_id = "e5untitled"
    client = TestClient(create_app(str(build_sample_store(tmp_path / "u.db", [(ledger, analysis)]))))
    opening = " ".join(ledger.text.split()[:5])
    for path in ("/articles", "/search?q=" + ledger.text.split()[1], "/articles/e5untitled"):
        page = client.get(path).text
        assert "[no headline]</span> " + opening in page, path
        assert ">e5untitled</a>" not in page  # no link named by the hex id


def test_an_article_of_no_known_outlet_is_cited_as_unknown_outlet_not_by_its_lead():
    from storyline.model import Article
    from storyline.serve.web.article_view import source_name

    lead = "Council member Raj Patel said on Monday that the closure would hurt shops."
    assert source_name(Article(id="x", source="x.txt", text=lead)) == "unknown outlet"
    assert source_name(Article(id="x", source="x", text=lead, url="https://www.news.example/a")) == "news.example"
