"""A story as one self-contained HTML file to share: inline CSS, no scripts, no external resources.

The story view is the web page's, and every article of the story follows it with its facts
highlighted, so evidence links jump within the file.
"""

from __future__ import annotations

from datetime import datetime, timezone

from markupsafe import Markup

from ..model import Article
from ..store.sqlite import Store
from .web.highlight import Highlight, highlight_html, highlights_for
from .web.rendering import STATIC_DIR, ReportLinks, render, report_anchor
from .web.story_view import StoryView, build_story_view


def render_report(store: Store, story_id: str | None = None) -> str:
    """The story ``story_id`` (the one with the most articles when None) as one HTML document."""
    if story_id is None:
        rows = store.list_stories(limit=1, sort="articles")
        if not rows:
            raise LookupError(f"{store.path} holds no story yet: ingest and link articles first")
        story_id = rows[0]["id"]
    story = store.story(story_id)
    if story is None:
        raise LookupError(f"{store.path} has no story with id {story_id!r}")
    links = ReportLinks()
    view = build_story_view(store, story)
    return render(
        "report.html",
        links=links,
        view=view,
        articles=[ArticleSection(view, article, links) for article in view.articles],
        css=_inline_css(),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


class ArticleSection:
    """One article of the report; its body is built when the template reaches it, after the story
    part has been rendered, so it can anchor every span that part links to."""

    def __init__(self, view: StoryView, article: Article, links: ReportLinks):
        self.view = {"article": article}
        self._story = view
        self._article = article
        self._links = links

    def body(self) -> Markup:
        article = self._article
        spans = highlights_for(self._story.analyses.get(article.id), len(article.text))
        evidence = {(e.start, e.end) for ev in self._story.story.timeline
                    for e in ev.evidence if e.article_id == article.id}
        linked = self._links.linked_spans.get(article.id, set()) - evidence
        spans += [Highlight(s, e, "evidence", "timeline evidence", f"ev-{s}-{e}") for s, e in evidence]
        spans += [Highlight(s, e, "anchor", "", f"ev-{s}-{e}") for s, e in linked]
        return highlight_html(article.text, spans, id_prefix=report_anchor(article.id, ""))


def _inline_css() -> Markup:
    """The app's own stylesheet (a file shipped with storyline, never input) for a <style> element."""
    css = (STATIC_DIR / "style.css").read_text(encoding="utf-8")
    return Markup(css.replace("</", "<\\/"))
