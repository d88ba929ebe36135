"""End to end in headless Chromium: a reader opens the stories, a story, an article.

Needs Chromium (Debian's /usr/bin/chromium, or the path in STORYLINE_CHROMIUM) and the Playwright
Python package; skips cleanly without them.
A screenshot of the story page is left in tests/artifacts/story.png for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from web_samples import build_sample_store, hostile_records

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serving(db):
    """The app over ``db`` under uvicorn on a free local port, in a thread; yields its base URL."""
    uvicorn = pytest.importorskip("uvicorn")
    from storyline.serve.web.app import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over the sample store plus one hostile article."""
    article, analysis, _, _ = hostile_records()
    db = build_sample_store(tmp_path_factory.mktemp("browser") / "web.db", [(article, analysis)])
    yield from _serving(db)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is absent ({CHROMIUM})")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test on any dialog (an alert would mean injected script ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    assert not dialogs, f"a dialog fired: {dialogs}"
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_reader_goes_from_stories_to_a_story_to_an_article(server, page):
    page.goto(server + "/")
    page.get_by_role("link", name="Harbour Bridge closure").click()
    page.wait_for_url("**/stories/s-bridge")

    timeline = page.locator("ol.timeline > li")
    assert timeline.count() == 2
    assert timeline.first.is_visible()
    assert "Transport authority announces" in timeline.first.inner_text()
    quotes = page.locator("#quotes blockquote")
    assert quotes.count() == 3 and quotes.first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)

    page.locator("ol.timeline .evidence a").first.click()
    page.wait_for_url("**/articles/a1ledger?hl=*")
    evidence = page.locator("#hl")
    assert evidence.is_visible()
    assert evidence.inner_text().startswith("The Harbour Bridge will close")
    assert page.locator(".article-text .hl-quote").count() == 1
    assert page.locator(".article-text .hl-claim").count() == 3
    assert page.locator(".article-text .hl-date").count() >= 2
    assert page.locator(".article-text .hl-entity").count() == 2
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_the_stylesheet_applies(server, page):
    page.goto(server + "/articles/a1ledger")
    colour = page.locator(".article-text .hl-quote").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_hostile_article_runs_no_script(server, page):
    for path in ("/articles/x1evil", "/articles", "/search?q=alert", "/api/articles/x1evil"):
        page.goto(server + path)
        page.wait_for_load_state("load")
    page.goto(server + "/articles/x1evil")
    assert page.locator("img").count() == 0
    assert page.locator("main script").count() == 0
    assert '<script>alert("x")</script>' in page.locator("h1").inner_text()


def test_search_from_the_header(server, page):
    page.goto(server + "/")
    page.get_by_label("Search articles").fill("ferry")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=ferry")
    assert page.locator(".search-hit mark").first.inner_text().lower() == "ferry"


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory, seeds_dir):
    """The app over a store holding the five seed articles, ingested as a user would."""
    from storyline.engine import ingest
    from storyline.store import Store

    db = tmp_path_factory.mktemp("seeds-browser") / "seeds.db"
    store = Store(str(db))
    ingest([str(p) for p in sorted(seeds_dir.glob("*.txt"))], store)
    store.close()
    yield from _serving(db)


def test_the_seeds_story_page_is_compact_with_a_drawn_timeline(seeds_server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(seeds_server + "/")
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_url("**/stories/**")
    assert page.locator("svg.timeline-svg a").count() >= 10  # one mark per dated event, each a link
    assert page.locator("table.matrix .tag.shared").count() >= 2  # rows several outlets reported
    height = page.evaluate("document.documentElement.scrollHeight")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seeds-story.png"), full_page=True)
    context.close()
    assert height < 4000, f"the seeds' story page is {height} px tall at 1400 px wide"


def test_the_legend_switches_highlight_kinds_on_and_off(server, page):
    page.goto(server + "/articles/a1ledger")

    def coloured(kind: str) -> bool:
        return page.eval_on_selector(f".article-text .hl-{kind}",
                                     "e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")

    assert coloured("quote") and not coloured("entity")  # mentions start switched off
    page.click("#show-quote")
    page.click("#show-entity")
    assert not coloured("quote") and coloured("entity")
