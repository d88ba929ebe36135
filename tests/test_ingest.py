"""Reading inputs: formats are sniffed from content, and bad input is named, never raised."""

from __future__ import annotations

import gzip
import io
import json

from storyline.ingest import read_bytes, read_inputs, sniff
from storyline.model import IngestError, RawDocument

PAGE = b"<!doctype html><html><head><title>T</title></head><body><p>Body text.</p></body></html>"


def docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def errors(items):
    return [i for i in items if isinstance(i, IngestError)]


def test_sniff_tells_formats_apart_by_content_not_extension():
    assert sniff(PAGE, "story.txt") == "html"
    assert sniff(b'{"text": "hello"}\n{"text": "again"}\n', "dump.txt") == "jsonl"
    assert sniff(b"WARC/1.0\r\n", "x") == "warc"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed") == "feed"
    assert sniff(gzip.compress(PAGE), "page.html.gz") == "gzip"
    assert sniff(b"Plain words, as scraped.\n\nMore words.", "a.html") == "text"
    assert sniff(bytes(range(256)) * 4, "a.txt") == "binary"
    assert sniff(b"   \n", "a.txt") == "empty"


def test_gzipped_html_is_read_as_html():
    [doc] = docs(read_bytes(gzip.compress(PAGE), "page.html.gz"))
    assert doc.format == "html" and "Body text." in doc.content


def test_truncated_gzip_is_named_with_a_reason():
    [err] = errors(read_bytes(gzip.compress(PAGE * 50)[:-30], "cut.html.gz"))
    assert err.source == "cut.html.gz" and "truncated" in err.reason


def test_invalid_utf8_falls_back_to_a_single_byte_encoding():
    [doc] = docs(read_bytes("Café said “hello”.".encode("cp1252"), "latin.txt"))
    assert doc.content == "Café said “hello”."


def test_jsonl_good_lines_land_and_bad_lines_are_named_by_line_number():
    data = "\n".join([
        json.dumps({"id": 1, "text": "First article.", "title": "One", "published": "2024-05-02T10:00:00Z",
                    "outlet": "Daily Example", "authors": ["A. Writer"]}),
        "{not json",
        json.dumps({"text": 42}),
        json.dumps({"html": "<p>Second article.</p>", "url": "https://example.org/2"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Third.", "authors": "Solo Writer"}),
        json.dumps({"text": "Bad title type.", "title": ["x"]}),
    ]).encode()
    items = list(read_bytes(data, "dump.jsonl"))
    good, bad = docs(items), errors(items)
    assert [d.source for d in good] == ["dump.jsonl:1", "dump.jsonl:4", "dump.jsonl:6"]
    assert good[0].published == "2024-05-02" and good[0].authors == ["A. Writer"]
    assert good[1].format == "html" and good[1].url == "https://example.org/2"
    assert good[2].authors == ["Solo Writer"]
    assert [e.source for e in bad] == ["dump.jsonl:2", "dump.jsonl:3", "dump.jsonl:5", "dump.jsonl:7"]
    assert "not valid JSON" in bad[0].reason and '"text" or "html"' in bad[1].reason


def test_json_document_of_articles_and_json_that_is_not_an_article():
    many = json.dumps({"articles": [{"text": "One."}, {"maintext": "Two.", "date_publish": "2017-01-02 10:00:00",
                                                         "source_domain": "example.org"}]}).encode()
    got = docs(read_bytes(many, "dump.json"))
    assert [d.content for d in got] == ["One.", "Two."]
    assert got[1].published == "2017-01-02" and got[1].outlet == "example.org"
    [skip] = errors(read_bytes(json.dumps({"about": "a data file"}).encode(), "gold.json"))
    assert skip.skipped


def test_warc_html_responses_become_documents():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i, ctype in enumerate(["text/html; charset=utf-8", "image/png"]):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(PAGE), http_headers=headers))
    [doc] = docs(read_bytes(buf.getvalue(), "crawl.warc"))
    assert doc.url == "https://example.org/0" and doc.format == "html" and doc.source == "crawl.warc#1"


def test_rss_entries_carry_title_date_author_and_feed_title_as_outlet():
    feed = b"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>The Example Courier</title>
    <item><title>Bridge closes</title><link>https://example.org/bridge</link>
      <pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate><author>desk@example.org (Ana Ruiz)</author>
      <content:encoded><![CDATA[<p>The bridge closed on Monday.</p><p>Drivers were told to detour.</p>]]></content:encoded>
    </item><item><title>Empty</title></item></channel></rss>"""
    items = list(read_bytes(feed, "courier.xml"))
    [doc], [err] = docs(items), errors(items)
    assert (doc.title, doc.published, doc.outlet, doc.format) == (
        "Bridge closes", "2025-03-04", "The Example Courier", "html")
    assert err.source == "courier.xml#2"


def test_a_feed_titled_with_its_section_gives_the_outlet_alone():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>The Example Courier - Local News</title>
    <item><title>Bridge closes</title><link>https://example.org/bridge</link>
      <description>The bridge closed on Monday. Drivers were told to detour.</description></item>
    </channel></rss>"""
    [doc] = docs(read_bytes(feed, "courier-local.xml"))
    assert doc.outlet == "The Example Courier"


def test_directories_globs_and_missing_paths(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One article.")
    (tmp_path / "a" / ".hidden.txt").write_text("Not this.")
    (tmp_path / "two.html").write_bytes(PAGE)
    (tmp_path / "empty.txt").write_text("")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "*.html"), str(tmp_path / "missing.txt")]))
    assert sorted(d.source.rsplit("/", 1)[1] for d in docs(items)) == ["one.txt", "two.html"]
    reasons = {e.source.rsplit("/", 1)[1]: e.reason for e in errors(items)}
    assert reasons == {"empty.txt": "the file is empty", "missing.txt": "no such file or directory"}


def test_files_over_the_size_limit_are_skipped_with_a_clear_message(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    [err] = list(read_inputs([str(big)], max_bytes=1000))
    assert "over the" in err.reason and "--max-size" in err.reason
