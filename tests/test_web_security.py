"""Article text is untrusted: markup in it shows as text everywhere, and the app's edges hold."""

from __future__ import annotations

import asyncio
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from web_samples import IMG, PAYLOAD, RAW_MARKERS, SCRIPT, build_sample_store, hostile_records, local_links

from storyline.serve.report import render_report
from storyline.serve.web.app import create_app
from storyline.store.sqlite import Store

@pytest.fixture
def db_path(tmp_path):
    article, analysis, story, entity = hostile_records()
    path = tmp_path / "hostile.db"
    with Store(path) as store:
        store.add_batch([(article, analysis, None)])
        store.replace_links([story], [entity], {"x1evil:e1": "x-ent"})
    return path


@pytest.fixture
def client(db_path):
    return TestClient(create_app(str(db_path)))


def assert_inert(html: str) -> None:
    for marker in RAW_MARKERS:
        assert marker not in html, marker
    assert "&lt;script&gt;" in html or "&lt;img" in html


PAGES = ["/", "/stories/x-story", "/articles/x1evil", "/articles", "/entities", "/entities/x-ent",
         "/search?q=alert", "/articles/x1evil?hl=0-30"]


@pytest.mark.parametrize("path", PAGES)
def test_markup_from_articles_shows_as_text_on_every_page(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert_inert(page.text)


def test_the_payload_is_shown_escaped_not_dropped(client):
    page = client.get("/articles/x1evil").text
    assert "Title &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in page
    assert 'class="hl hl-quote"' in page  # highlighting still works around escaped text


def test_a_javascript_url_is_never_a_link(client):
    page = client.get("/articles/x1evil").text
    assert 'href="javascript' not in page.lower()
    assert "javascript:alert(1)//&lt;script&gt;" in page
    assert all(not link.lower().startswith("javascript") for link in local_links(page))


def test_report_escapes_the_payload(db_path):
    with Store(db_path, readonly=True) as store:
        html = render_report(store, "x-story")
    assert_inert(html)
    assert 'href="javascript' not in html.lower()


def test_api_returns_the_payload_intact_as_json(client):
    reply = client.get("/api/articles/x1evil")
    assert reply.headers["content-type"] == "application/json"
    assert reply.headers["x-content-type-options"] == "nosniff"
    record = reply.json()
    assert record["title"] == f"Title {PAYLOAD}"
    assert record["authors"][0] == PAYLOAD
    assert record["outlet"] == f"Outlet {PAYLOAD}"
    assert client.get("/api/stories/x-story").json()["title"] == f"Story {PAYLOAD}"


def test_search_with_a_payload_is_inert(client):
    page = client.get("/search", params={"q": PAYLOAD})
    assert page.status_code == 200
    assert_inert(page.text)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.text  # shown back, as text
    reply = client.get("/api/search", params={"q": PAYLOAD})
    assert reply.headers["content-type"] == "application/json"
    assert reply.json()["query"] == PAYLOAD


def test_search_snippets_are_escaped_before_marking(client):
    page = client.get("/search", params={"q": "alert"}).text
    assert "<mark>alert</mark>" in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("path", ["/", "/stories/x-story", "/articles/x1evil", "/api/stories",
                                  "/static/style.css", "/nowhere", "/api/nowhere", "/api/stories?limit=100000"])
def test_every_response_has_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_an_unexpected_error_is_a_plain_500_with_the_headers(db_path, monkeypatch):
    from storyline.serve.web import pages

    def broken(*args, **kwargs):
        raise RuntimeError(f"boom {SCRIPT}")

    monkeypatch.setattr(pages, "build_story_view", broken)
    reply = TestClient(create_app(str(db_path))).get("/stories/x-story")
    assert reply.status_code == 500 and reply.text == "Internal Server Error"
    assert "default-src 'self'" in reply.headers["content-security-policy"]


def test_pages_carry_no_inline_script_or_style(client):
    for path in ("/", "/stories/x-story", "/articles/x1evil", "/api/docs"):
        html = client.get(path).text
        assert "<script" not in html and "<style" not in html and " style=" not in html


TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2f..%2fsrc%2fstoryline%2fmodel.py",
    "/static/%2e%2e",
    "/static/",
    "/static/style.css%00.txt",
    "/static/../app.py",
    "/static/..%5capp.py",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_on_static_is_a_404(client, path):
    reply = client.get(path)
    assert reply.status_code == 404, path
    assert "root:" not in reply.text and "def create_app" not in reply.text


@pytest.mark.parametrize("raw_path", [*TRAVERSALS, "/static/..", "/static/./style.css/../../app.py"])
def test_path_traversal_reaching_the_server_unnormalised_is_a_404(db_path, raw_path):
    """HTTP clients fold ``..`` away before sending; a raw request hands the server the dots."""
    status, body = asgi_get(create_app(str(db_path)), raw_path)
    assert status == 404, raw_path
    assert b"root:" not in body and b"def create_app" not in body


def asgi_get(app, raw_path: str) -> tuple[int, bytes]:
    """Send one GET with ``raw_path`` exactly as given, the way uvicorn hands it to the app."""
    path = unquote(raw_path)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": raw_path.encode(), "root_path": "",
             "query_string": b"", "headers": [(b"host", b"testserver")],
             "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("path", ["/api/stories", "/api/articles", "/api/entities"])
def test_oversized_page_sizes_are_refused(client, path):
    assert client.get(path, params={"limit": 100000}).status_code == 422
    assert client.get(path, params={"offset": 10**30}).status_code == 422


@pytest.mark.parametrize("path", ["/search", "/api/search"])
def test_oversized_queries_are_refused(client, path):
    reply = client.get(path, params={"q": "a" * 10_000})
    assert 400 <= reply.status_code < 500
    assert "a" * 600 not in reply.text  # the error does not echo the input back


def test_oversized_page_numbers_are_refused(client):
    assert client.get("/articles", params={"page": 10**30}).status_code == 422
    assert client.get("/", params={"page": "x"}).status_code == 422


def test_no_endpoint_writes_without_a_token(client):
    for method in ("post", "put", "delete", "patch"):
        reply = client.request(method, "/api/articles", json={"text": "x"})
        assert reply.status_code in (403, 405), method
    assert client.post("/api/articles", json={"text": "x"}).status_code == 403
    assert client.get("/api/articles").json()["total"] == 1


def test_unknown_ids_with_markup_answer_an_escaped_404(client):
    for path in (f"/stories/{SCRIPT}", f"/articles/{IMG}", f"/entities/{SCRIPT}"):
        reply = client.get(path)
        assert reply.status_code == 404
        assert "<script" not in reply.text and "<img" not in reply.text


def test_sample_store_pages_are_inert_too(tmp_path):
    """The ordinary sample store with one hostile article added: the story pages stay clean."""
    article, analysis, _, _ = hostile_records()
    client = TestClient(create_app(str(build_sample_store(tmp_path / "mixed.db", [(article, analysis)]))))
    for path in ("/", "/articles", "/search?q=alert"):
        for marker in RAW_MARKERS:
            assert marker not in client.get(path).text
