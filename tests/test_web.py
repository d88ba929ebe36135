"""The web app over a small hand-made store: every page and API route, links that resolve, paging."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from web_samples import LEDGER_TEXT, SENTINEL_TEXT, build_sample_store, local_links, span

from storyline.model import Event, Evidence, Quote
from storyline.serve.report import render_report
from storyline.serve.web.app import create_app
from storyline.serve.web.highlight import LAYERS, Highlight, highlight_html, mark_snippet, snippet_plain
from storyline.serve.web.rendering import render
from storyline.serve.web.story_view import build_story_view
from storyline.store.sqlite import Store

@pytest.fixture
def db_path(tmp_path) -> Path:
    return build_sample_store(tmp_path / "web.db")


@pytest.fixture
def client(db_path) -> TestClient:
    return TestClient(create_app(str(db_path)))


# --------------------------------------------------------------------------- pages


def test_home_lists_stories_with_counts(client):
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Harbour Bridge closure" in page.text
    row = re.search(r'<a href="/stories/s-bridge">Harbour Bridge closure</a></td>(.*?)</tr>', page.text, re.S)
    cells = re.findall(r'<td[^>]*>(.*?)</td>', row.group(1))
    assert cells[:3] == ["3", "3", "2"]  # articles, outlets, independent sources
    assert "2025-02-24" in row.group(1) and "2025-02-26" in row.group(1)


@pytest.mark.parametrize("sort", ["last_date", "first_date", "articles", "outlets", "sources", "title"])
def test_home_sorts_by_every_column(client, sort):
    assert client.get("/", params={"sort": sort}).status_code == 200


def test_home_rejects_an_unknown_sort(client):
    page = client.get("/", params={"sort": "secret"})
    assert page.status_code == 422
    assert "text/html" in page.headers["content-type"]


def test_every_link_on_home_and_story_pages_answers(client):
    seen: set[str] = set()
    for start in ("/", "/stories/s-bridge"):
        for link in local_links(client.get(start).text):
            if link in seen:
                continue
            seen.add(link)
            assert client.get(link).status_code == 200, link
    assert "/articles/a1ledger" in seen and "/entities/ent-okafor" in seen


def test_every_link_on_article_and_entity_pages_answers(client):
    for start in ("/articles/a1ledger", "/articles/b2sentinel", "/entities/ent-okafor"):
        for link in local_links(client.get(start).text):
            assert client.get(link).status_code == 200, (start, link)


def test_story_page_shows_timeline_quotes_claims_outlets_copies_entities(client):
    page = client.get("/stories/s-bridge").text
    for section in ("timeline", "quotes", "claims", "outlets", "copies", "entities"):
        assert f'<section id="{section}">' in page
    assert "Transport authority announces a six-week closure" in page
    assert page.index("2025-02-24") < page.index("Bridge closes")
    # evidence links land on the highlighted span of the article
    start, end = span(LEDGER_TEXT, "The Harbour Bridge will close for six weeks from 3 March")
    assert f'href="/articles/a1ledger?hl={start}-{end}#hl"' in page
    # quotes grouped under the linked speaker, with the unattributed one last
    okafor = page.index('<a href="/entities/ent-okafor">Maria Okafor</a> <small>2 quotes')
    assert okafor < page.index("Unattributed")
    assert "overdue" in page
    # the reprint carries the same words: one quote, both sources
    assert len(re.findall(r"<blockquote>\s*We cannot keep patching", page)) == 1
    assert re.search(r'href="/articles/a1ledger\?hl=\d+-\d+#hl">Northern Ledger 2025-02-24</a>, '
                     r'<a href="/articles/c3reprint\?hl=\d+-\d+#hl">Valley Wire 2025-02-26</a>', page)
    # claims, the outlet comparison, copies
    repair = page[page.index("repair cost\n"):]
    repair = repair[:repair.index("</tbody>")]
    assert "figures differ" in repair
    assert re.search(r"12,500,000</td>.*Northern Ledger</a> · <a [^>]+>Valley Wire</a>", repair, re.S)
    assert re.search(r"14,000,000</td>.*Coast Sentinel</a>", repair, re.S)
    bridge_age = page[page.index("bridge age"):]
    assert "figures differ" not in bridge_age[:bridge_age.index("</tbody>")]
    comparison = page[page.index("Outlet comparison"):page.index('<section id="outlets">')]
    assert "Figures that differ" in comparison and "Which outlet reported what" in comparison
    assert '<a href="/articles/a1ledger?hl=0-20#hl" title="$12.5 million">12,500,000</a>' in comparison
    assert "Valley Wire" in page and "reprint" in page and "0.97" in page


def test_a_timeline_event_that_repeats_its_evidence_cites_it_instead(db_path):
    words = "the Harbour Bridge shuts on 3 March"
    with Store(db_path, readonly=True) as store:
        story = store.story("s-bridge")
        story.timeline = [Event("2025-03-03", "day", words[0].upper() + words[1:] + ".",
                                [Evidence("b2sentinel", *span(SENTINEL_TEXT, words))])]
        view = build_story_view(store, story)
        html = render("story.html", view=view)
    assert view.timeline[0].summary_is_evidence
    assert '<div class="cited"><a href="/articles/b2sentinel?hl=' in html
    assert '<div class="evidence">' not in html


def test_a_speaker_with_many_quotes_shows_the_first_few_and_folds_the_rest(db_path):
    with Store(db_path, readonly=True) as store:
        view = build_story_view(store, store.story("s-bridge"))
    group = view.speakers[0]
    first = group.quotes[0]
    for n in range(5):
        group.add(Quote(f"Quote number {n}", 0, 5, "direct", speaker=group.name), first.sources[0])
    html = render("story.html", view=view)
    shown = len(group.quotes) - 5  # the page shows the first two quotes of a speaker
    assert shown == 2
    assert '<details class="more"><summary>5 more from Maria Okafor</summary>' in html
    assert html.index(first.quote.text) < html.index("5 more from") < html.index("Quote number 0")


def test_story_page_404s_for_an_unknown_story(client):
    page = client.get("/stories/nope")
    assert page.status_code == 404
    assert "There is no story with id" in page.text


def test_article_page_highlights_facts_from_offsets(client):
    page = client.get("/articles/a1ledger").text
    assert '<span class="hl hl-quote" title="direct quote — Maria Okafor (said)" id="q-' in page
    assert 'class="hl hl-claim"' in page and 'class="hl hl-date"' in page and 'class="hl hl-entity"' in page
    # the claim "90 years old" sits inside the quote: nested, not dropped
    quote_at = page.index('class="hl hl-quote"')
    assert page.index(">90 years old</span>", quote_at) > quote_at
    assert "legend" in page


def test_article_page_marks_the_linked_evidence(client):
    start, end = span(LEDGER_TEXT, "The Harbour Bridge will close for six weeks from 3 March")
    page = client.get(f"/articles/a1ledger?hl={start}-{end}").text
    assert '<span class="hl hl-evidence" title="linked evidence" id="hl">' in page


@pytest.mark.parametrize("hl", ["x", "5-2", "0-99999", "-1-4", "1-2-3"])
def test_article_page_ignores_a_span_that_is_not_in_the_text(client, hl):
    page = client.get("/articles/a1ledger", params={"hl": hl})
    assert page.status_code == 200
    assert 'id="hl"' not in page.text


def test_article_page_shows_removed_blocks_and_metadata_bases(client):
    page = client.get("/articles/a1ledger").text
    assert "<details class=\"removed\">" in page and "share_widget" in page
    assert "basis: og:site_name" in page
    inferred = client.get("/articles/b2sentinel").text
    assert "(inferred, day)" in inferred and "basis: &#39;on Tuesday&#39; in the lead" in inferred
    reprint = client.get("/articles/c3reprint").text
    assert "Original outlet" in reprint and "valleywire.example" in reprint


def test_article_page_404s_for_an_unknown_article(client):
    assert client.get("/articles/0000").status_code == 404


def test_articles_list_pages(client):
    page = client.get("/articles")
    assert page.status_code == 200
    assert all(f"/articles/{i}" in page.text for i in ("a1ledger", "b2sentinel", "c3reprint", "d4other"))
    assert client.get("/articles?page=2").status_code == 200
    assert client.get("/articles?page=0").status_code == 422


def test_entity_pages(client):
    listing = client.get("/entities").text
    assert '<a href="/entities/ent-okafor">Maria Okafor</a>' in listing
    page = client.get("/entities/ent-okafor").text
    assert "chief engineer" in page and "Okafor" in page
    assert "/articles/a1ledger" in page and "/stories/s-bridge" in page
    assert client.get("/entities/nobody").status_code == 404


def test_an_entity_page_shows_each_name_with_the_sentence_that_uses_it(client):
    """A reader can check every merge: each name the articles use, in its first sentence, linked."""
    page = client.get("/entities/ent-okafor").text
    names = page[page.index("Names used for it"):page.index("Quoted saying")]
    assert "Maria Okafor" in names and "chief engineer" in names  # the sentence that names her
    assert "/articles/" in names and "?hl=" in names
    quoted = page[page.index("Quoted saying"):page.index("Outlets that name it")]
    assert "overdue" in quoted and "Coast Sentinel" in quoted
    outlets = page[page.index("Outlets that name it"):]
    assert "Northern Ledger" in outlets and "Coast Sentinel" in outlets


def test_search_page_marks_matches(client):
    page = client.get("/search", params={"q": "ferry"})
    assert page.status_code == 200
    assert "<mark>ferry</mark>" in page.text
    assert "/articles/a1ledger" in page.text
    assert "Nothing matches" in client.get("/search", params={"q": "zeppelin"}).text
    assert client.get("/search").status_code == 200


def test_unknown_route_is_an_html_404(client):
    page = client.get("/nowhere")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_static_files_are_served_locally(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert ".hl-quote" in css.text


# --------------------------------------------------------------------------- API


def test_api_stories_lists_json(client):
    reply = client.get("/api/stories")
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/json"
    body = reply.json()
    assert body["total"] == 1 and body["limit"] == 50 and body["offset"] == 0
    assert body["items"][0] == {
        "id": "s-bridge", "title": "Harbour Bridge closure", "first_date": "2025-02-24",
        "last_date": "2025-02-26", "article_count": 3, "outlet_count": 3, "independent_sources": 2,
    }


def test_api_story_is_the_story_record(client):
    story = client.get("/api/stories/s-bridge").json()
    assert story["article_ids"] == ["a1ledger", "b2sentinel", "c3reprint"]
    assert story["timeline"][0]["evidence"][0]["article_id"] == "a1ledger"
    assert story["copies"][0] == {"article_id": "c3reprint", "copy_of": "a1ledger", "similarity": 0.97,
                                  "kind": "reprint"}
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories/nope").json() == {"detail": "no story with id 'nope'"}


def test_api_article_has_the_data_contract_shape(client):
    record = client.get("/api/articles/a1ledger").json()
    for key in ("id", "source", "url", "outlet", "authors", "title", "published", "published_inferred",
                "text", "removed", "mentions", "quotes", "claims", "dates", "loaded_terms", "tone"):
        assert key in record, key
    q = record["quotes"][0]
    assert record["text"][q["start"]:q["end"]] == q["text"]
    assert q["speaker"] == "Maria Okafor" and q["kind"] == "direct"
    assert record["story_id"] == "s-bridge"
    # entity ids point at corpus entities, as `storyline export` writes them
    assert {m["entity_id"] for m in record["mentions"]} == {"ent-okafor", "ent-bridge"}
    assert q["speaker_entity_id"] == "ent-okafor"
    assert client.get("/api/articles/d4other").json()["quotes"] == []


def test_api_lists_articles_entities_and_search(client):
    articles = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert articles["total"] == 4 and len(articles["items"]) == 2
    entities = client.get("/api/entities").json()
    assert {e["id"] for e in entities["items"]} == {"ent-okafor", "ent-bridge"}
    entity = client.get("/api/entities/ent-okafor").json()
    assert entity["name"] == "Maria Okafor" and set(entity["article_ids"]) == {"a1ledger", "b2sentinel", "c3reprint"}
    first = {n["name"]: n for n in entity["names_used"]}["Maria Okafor"]
    assert first["articles"] == 3 and "Maria Okafor" in first["sentence"]
    assert {o["outlet"] for o in entity["outlets"]} >= {"Northern Ledger", "Coast Sentinel"}
    hits = client.get("/api/search", params={"q": "ferry"}).json()["items"]
    assert {h["article_id"] for h in hits} == {"a1ledger", "c3reprint"}
    s, e = hits[0]["matches"][0]
    assert hits[0]["snippet"][s:e].lower() == "ferry"


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles", "/api/entities", "/api/search?q=bridge"])
def test_api_paging_limits(client, path):
    joiner = "&" if "?" in path else "?"
    assert client.get(f"{path}{joiner}limit=200").status_code == 200
    assert client.get(f"{path}{joiner}limit=201").status_code == 422
    assert client.get(f"{path}{joiner}limit=0").status_code == 422
    assert client.get(f"{path}{joiner}offset=-1").status_code == 422


def test_openapi_and_local_docs(client):
    spec = client.get("/api/openapi.json").json()
    assert "/api/stories/{story_id}" in spec["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower()
    assert client.get("/docs", follow_redirects=False).headers["location"] == "/api/docs"
    assert client.get("/redoc").status_code == 404


def test_writes_are_refused_without_a_token(client):
    reply = client.post("/api/articles", json={"text": "A new article."})
    assert reply.status_code == 403


def test_writes_need_the_bearer_token(db_path):
    client = TestClient(create_app(str(db_path), write_token="s3cret"))
    article = {"text": "The ferry timetable doubles during the closure.", "title": "More ferries",
               "outlet": "Coast Sentinel"}
    assert client.post("/api/articles", json=article).status_code == 401
    assert client.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 401
    reply = client.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
    assert reply.status_code == 201 and reply.json()["new"] is True
    assert client.get(f"/api/articles/{reply.json()['id']}").json()["title"] == "More ferries"
    exported = client.get("/api/articles/a1ledger").json()
    exported.update(id="a1copy", source="re-import")
    again = client.post("/api/articles", json=exported, headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 201
    assert client.get("/api/articles/a1copy").json()["quotes"] == exported["quotes"]
    bad = client.post("/api/articles", json={"title": "no text"}, headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 422


def test_pages_keep_answering_while_the_store_is_written(db_path, client):
    """A writer holding the file (as an ingest does) does not stop readers (WAL)."""
    with Store(db_path) as writer:
        writer.db.execute("BEGIN IMMEDIATE")
        writer.db.execute("UPDATE articles SET title = 'changing' WHERE id = 'd4other'")
        assert client.get("/stories/s-bridge").status_code == 200
        assert client.get("/api/articles/d4other").json()["title"] == "Park budget approved"
        writer.db.execute("ROLLBACK")


def test_a_request_reads_one_snapshot_of_the_store(db_path):
    """Everything one request reads comes from the same committed state."""
    from starlette.requests import Request

    from storyline.serve.web.database import read_store

    app = create_app(str(db_path))
    request = Request({"type": "http", "app": app})
    reader = read_store(request)
    store = next(reader)
    assert store.article("d4other").title == "Park budget approved"
    with Store(db_path) as writer:
        renamed = writer.article("d4other")
        renamed.title = "Renamed"
        writer.update_articles([renamed])
    assert store.article("d4other").title == "Park budget approved"
    reader.close()
    assert TestClient(app).get("/api/articles/d4other").json()["title"] == "Renamed"


def test_a_missing_store_file_is_created_empty(tmp_path):
    client = TestClient(create_app(str(tmp_path / "new.db")))
    assert "No stories yet" in client.get("/").text
    assert client.get("/api/stories").json()["total"] == 0


def test_a_file_that_is_not_a_store_is_refused_with_its_name(tmp_path):
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(ValueError, match="notes.db cannot be served: it is not a storyline store"):
        create_app(str(not_a_store))


# --------------------------------------------------------------------------- report


def test_report_is_one_self_contained_file(db_path):
    with Store(db_path, readonly=True) as store:
        html = render_report(store)
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "Harbour Bridge closure" in html and "We cannot keep patching" in html
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('href="https://ledger.example', ""))
    assert "<script" not in html and 'rel="stylesheet"' not in html
    # every in-file link lands on an element of the file
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = set(re.findall(r'href="#([^"]+)"', html))
    assert targets and targets <= ids


def test_report_for_an_unknown_story_says_so(db_path):
    with Store(db_path, readonly=True) as store, pytest.raises(LookupError, match="no story with id 'x'"):
        render_report(store, "x")


# --------------------------------------------------------------------------- highlighting


def test_highlight_escapes_text_and_nests_spans():
    text = 'He said "<b>5 days</b>" & left'
    inner = span(text, "5 days")
    outer = span(text, '"<b>5 days</b>"')
    html = highlight_html(text, [Highlight(*inner, "claim"), Highlight(*outer, "quote", anchor="q-8")])
    assert html == ('He said <span class="hl hl-quote" id="q-8">&#34;&lt;b&gt;'
                    '<span class="hl hl-claim">5 days</span>&lt;/b&gt;&#34;</span> &amp; left')


def test_highlight_splits_crossing_spans():
    text = "one two three four"
    html = highlight_html(text, [Highlight(0, 7, "quote", anchor="q-0"), Highlight(4, 13, "date", anchor="d-4")])
    assert html == ('<span class="hl hl-quote" id="q-0">one <span class="hl hl-date" id="d-4">two</span></span>'
                    '<span class="hl hl-date hl-cont"> three</span> four')


def test_highlight_drops_spans_outside_the_text():
    html = highlight_html("short", [Highlight(3, 99, "claim"), Highlight(4, 4, "date"), Highlight(-1, 2, "quote")])
    assert html == "short"


@given(
    text=st.text(alphabet='ab <>&"\'\n', max_size=40),
    spans=st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45), st.sampled_from(LAYERS)), max_size=8),
)
def test_highlight_keeps_the_text_and_balances_tags(text, spans):
    html = str(highlight_html(text, [Highlight(s, e, kind, label=text, anchor=f"x{s}") for s, e, kind in spans]))
    assert html.count("<span") == html.count("</span>")
    depth = 0
    for tag in re.findall(r"</?span", html):
        depth += 1 if tag == "<span" else -1
        assert depth >= 0
    assert unescape(re.sub(r"<[^>]*>", "", html)) == text


def test_snippets_are_escaped_before_matches_are_marked():
    assert mark_snippet("a \x02<b>\x03 c") == "a <mark>&lt;b&gt;</mark> c"
    assert snippet_plain("a \x02bc\x03 d") == ("a bc d", [(2, 4)])


def test_article_quotes_card_filters_by_kind_and_marks_only_quotations(tmp_path):
    from storyline.model import Analysis, Article

    text = ("“We will reopen in May,” the mayor said. The council fears the repairs will run late, "
            "according to the city budget office.")
    article = Article(id="e5kinds", source="kinds.txt", text=text, outlet="Coast Sentinel", title="Kinds")

    def at(words: str, kind: str, speaker: str, cue: str) -> Quote:
        start = text.index(words)
        return Quote(words, start, start + len(words), kind, speaker=speaker, cue=cue)

    analysis = Analysis(article_id="e5kinds", quotes=[
        at("We will reopen in May,", "direct", "the mayor", "said"),
        at("the repairs will run late", "belief", "The council", "fears"),
        at("The council fears the repairs will run late", "according-to", "the city budget office", "according to"),
    ])
    client = TestClient(create_app(str(build_sample_store(tmp_path / "kinds.db", [(article, analysis)]))))
    page = unescape(client.get("/articles/e5kinds").text)
    assert "belief (1)" in page and "according-to (1)" in page
    assert "“We will reopen in May,”" in page  # a quotation, in quotation marks
    assert "“the repairs will run late”" not in page  # an attributed belief, not someone's words
    filtered = unescape(client.get("/articles/e5kinds?kind=belief").text)
    card = filtered[filtered.index('id="quotes"'):]
    card = card[:card.index("</div>")]
    assert "The council" in card and "the mayor" not in card
    assert client.get("/articles/e5kinds?kind=rumour").status_code == 422
