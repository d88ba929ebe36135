"""The Jinja2 environment (autoescape always on) and the two ways pages write their links.

The web app links to its own routes; the static report links to anchors inside the one file.
Templates never mark input as safe: the only trusted markup comes from ``highlight.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .highlight import LEGEND, mark_snippet

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


@lru_cache(maxsize=4096)
def _seg(value: str) -> str:
    """An id as one URL path segment (ids repeat a lot on one page, hence the cache)."""
    return quote(value, safe="")


class WebLinks:
    """Links between the web app's pages."""

    standalone = False

    def home(self, **params: Any) -> str:
        return url("/", **params)

    def story(self, story_id: str) -> str:
        return f"/stories/{_seg(story_id)}"

    def article(self, article_id: str, span: tuple[int, int] | None = None, anchor: str | None = None) -> str:
        url = f"/articles/{_seg(article_id)}"
        if span:
            return f"{url}?hl={span[0]}-{span[1]}#hl"
        return f"{url}#{anchor}" if anchor else url

    def entity(self, entity_id: str | None) -> str | None:
        return f"/entities/{_seg(entity_id)}" if entity_id else None

    def static(self, name: str) -> str:
        return f"/static/{name}"


class ReportLinks(WebLinks):
    """Links inside one self-contained report file: articles are sections of the same page.

    Every span linked to is remembered (``linked_spans``) so the article sections, rendered after
    the story, can put an anchor on each one.
    """

    standalone = True

    def __init__(self) -> None:
        self.linked_spans: dict[str, set[tuple[int, int]]] = {}

    def story(self, story_id: str) -> str:
        return "#top"

    def article(self, article_id: str, span: tuple[int, int] | None = None, anchor: str | None = None) -> str:
        if span:
            self.linked_spans.setdefault(article_id, set()).add((span[0], span[1]))
            return f"#{report_anchor(article_id, f'ev-{span[0]}-{span[1]}')}"
        return f"#{report_anchor(article_id, anchor)}" if anchor else f"#article-{_seg(article_id)}"

    def entity(self, entity_id: str | None) -> str | None:
        return None


def report_anchor(article_id: str, anchor: str) -> str:
    return f"a-{_seg(article_id)}-{anchor}"


def url(path: str, **params: Any) -> str:
    """``path`` with the given query parameters (those that are None or empty left out)."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def safe_href(url: str | None) -> str | None:
    """An article's URL only when it is plain http(s): a ``javascript:`` URL must never become a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _fmt_number(value: Any) -> str:
    if isinstance(value, list):
        return "–".join(_fmt_number(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value)


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


def code_spans(text: str | None) -> Markup:
    """Text with Markdown-style `code` set as <code> (the API's docstrings use them); all else escaped."""
    escaped = str(escape(text or ""))
    return Markup(_CODE_SPAN.sub(lambda m: f"<code>{m.group(1)}</code>", escaped))


def first_words(text: str | None, words: int = 12) -> str:
    """The opening words of an article without a headline, cut with an ellipsis."""
    opening = (text or "").split()
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["snippet"] = mark_snippet
    env.filters["number"] = _fmt_number
    env.filters["safe_href"] = safe_href
    env.filters["first_words"] = first_words
    env.filters["code_spans"] = code_spans
    env.globals["legend"] = LEGEND
    return env


def render(template: str, **context: Any) -> str:
    context.setdefault("links", WebLinks())
    return environment().get_template(template).render(**context)
