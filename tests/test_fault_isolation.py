"""One bad field never loses an article: it lands without that field, and the reason is kept.

The case that started this: pages of one publishing platform state a JSON-LD ``datePublished`` far
outside the calendar ("0001-01-01T00:00:00Z"); reading how early that moment could fall overflowed
Python's dates, and the whole page gave no article."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.engine.local import extract_one, process_documents
from storyline.model import RawDocument
from storyline.serve.cli import main
from storyline.store import Store

BODY = "".join(
    f"<p>The harbour commission voted on Tuesday to extend the ferry timetable for paragraph {n}, "
    f"a change that riders had requested for several years, officials said at the meeting.</p>\n"
    for n in range(8)
)


def page(date_published: str, extra_ld: str = "") -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Ferry timetable extended after vote", "datePublished": date_published,
                     "author": {"@type": "Person", "name": "Jane Doe"}})
    return f"""<!doctype html><html lang="en"><head><title>Ferry timetable extended after vote</title>
<script type="application/ld+json">{ld}</script>{extra_ld}</head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Ferry timetable extended after vote</h1>{BODY}</article>
<footer>Copyright Example Harbour News</footer></body></html>"""


@pytest.mark.parametrize("stated", [
    "0001-01-01T00:00:00Z",  # the platform's placeholder: 12 hours earlier is before year 1
    "9999-12-31T23:59:59-12:00",  # the calendar's other end, in UTC
    "2024-03-05T10:00:00+99:00",  # an offset no clock has
    "0000-00-00 00:00:00",
])
def test_a_page_whose_stated_date_is_outside_the_calendar_still_gives_its_article(stated):
    article = extract_one(RawDocument(source="harbour.html", content=page(stated), format="html",
                                      url="https://news.example.org/ferry-timetable"))
    assert not isinstance(article, Exception) and hasattr(article, "text"), article
    assert "ferry timetable" in article.text and article.title == "Ferry timetable extended after vote"
    assert article.authors == ["Jane Doe"]
    assert article.published in (None, "2024-03-05")  # never year 1 or 9999


def test_a_failing_field_is_left_out_and_named_in_the_warnings(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a reader bug on odd markup")

    monkeypatch.setattr("storyline.extract.html._choose_authors", broken)
    article = extract_one(RawDocument(source="harbour.html", content=page("2024-03-05"), format="html"))
    assert "ferry timetable" in article.text and article.published == "2024-03-05"
    assert article.authors == []
    assert article.warnings == ["authors: not read (ValueError: a reader bug on odd markup)"]


def test_a_failing_analysis_component_leaves_the_others(monkeypatch):
    monkeypatch.setattr("storyline.analyze.find_claims", lambda *a: 1 / 0)
    [(article, analysis, _)] = process_documents([RawDocument(source="harbour.html", content=page("2024-03-05"),
                                                              format="html")])
    assert analysis.claims == [] and analysis.sentences and analysis.dates and analysis.quotes
    assert analysis.warnings == ["claims: not read (ZeroDivisionError: division by zero)"]


def test_ingest_stores_a_partly_read_article_counts_it_and_exits_0(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.html").write_text(page("2024-03-05"), encoding="utf-8")
    monkeypatch.setattr("storyline.extract.html._choose_title", lambda meta: [][0])
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(main, ["--db", db, "ingest", str(tmp_path / "in"), "--jobs", "1"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "1 partly read" in result.output
    assert "partly read" in result.output and "title: not read (IndexError" in result.output
    with Store(db) as store:
        [article_id] = store.article_ids()
    shown = runner.invoke(main, ["--db", db, "show", article_id[:10]], catch_exceptions=False)
    assert shown.exit_code == 0
    assert "warning   title: not read (IndexError: list index out of range)" in shown.output


def test_an_article_after_the_page_closed_once_is_still_read():
    """A theme that writes ``</body></html>`` before the article and again after it: browsers show
    the article, and so does storyline (the parser had left it in a second root nobody read)."""
    early_close = page("2024-03-05").replace("<article>", "<div>Menu</div></body></html>\n<article>", 1)
    article = extract_one(RawDocument(source="harbour.html", content=early_close, format="html"))
    assert "ferry timetable for paragraph 7" in article.text
