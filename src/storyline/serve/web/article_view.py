"""What the article page shows: the text with its facts highlighted, metadata, entities."""

from __future__ import annotations

import re
from collections import Counter

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from ...model import Analysis, Article
from ...store.sqlite import Store
from ...store import reads
from .highlight import Highlight, highlight_html, highlights_for


def article_date(article: Article) -> str | None:
    if article.published:
        return article.published
    return article.published_inferred.date if article.published_inferred else None


def source_name(article: Article) -> str:
    """What to call an article when citing it: its outlet, else the site it was found on (its URL's
    host), else "unknown outlet" (never its lead sentence, which reads like a quote)."""
    return article.outlet or article.host or _url_host(article.url) or "unknown outlet"


def article_label(article: Article | None, article_id: str) -> str:
    if article is None:
        return article_id
    title = article.display_title()
    return f"{article.outlet} — {title}" if article.outlet else title


def copy_label(article: Article | None, article_id: str, other: Article | None = None) -> str:
    """An article in the copies table: by the site that (re)published it where that is not the outlet
    credited ("KPAB 7 News, from Heartland Wire — ..."), so two copies of one wire story on two sites
    read apart. Where no site is known and both copies credit the same outlet, the input says which is which."""
    if article is None:
        return article_id
    title = article.display_title()
    credited = article.original_outlet or article.outlet
    site = article.host if article.host and article.host != credited and not _own_site(credited, article.host) \
        else None
    if site is None and other is not None and credited and credited == (other.original_outlet or other.outlet):
        site = _url_host(article.url)
        if site and _own_site(credited, site):  # on the outlet's own site: the original
            return article_label(article, article_id)
        if site is None:
            return f"{credited} — {title} ({_source_name(article.source)})"
    if site and credited:
        return f"{site}, from {credited} — {title}"
    return article_label(article, article_id)


def _own_site(name: str | None, host: str) -> bool:
    """Whether ``host`` is the outlet's own site ("The Port Ashby Ledger", portashbyledger.example)."""
    compact = re.sub(r"[^a-z0-9]", "", (name or "").lower())
    label = re.sub(r"[^a-z0-9]", "", host.lower().removeprefix("www.").split(".")[0])
    return bool(compact and label) and (label in compact or compact in label)


def _url_host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _source_name(source: str) -> str:
    return source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or source


@dataclass
class ArticleView:
    article: Article
    analysis: Analysis | None
    body: Markup
    story_id: str | None
    story_title: str | None
    entities: list[dict[str, Any]]
    evidence: tuple[int, int] | None
    quote_kind: str | None = None  # the attribution kind the quotes card is filtered to

    @property
    def date(self) -> str | None:
        return article_date(self.article)

    @property
    def quotes(self) -> list:
        """The article's attributions, only those of ``quote_kind`` when one is chosen."""
        quotes = self.analysis.quotes if self.analysis else []
        return [q for q in quotes if self.quote_kind in (None, q.kind)]

    @property
    def quote_kinds(self) -> list[tuple[str, int]]:
        """Each attribution kind the article has, with how many, in a fixed order."""
        counts = Counter(q.kind for q in (self.analysis.quotes if self.analysis else []))
        return [(k, counts[k]) for k in QUOTE_KINDS if counts[k]]


def parse_span(value: str | None, text_length: int) -> tuple[int, int] | None:
    """``"START-END"`` from a link's ``hl`` parameter, or None when it is absent or not a span of the text."""
    if not value or len(value) > 24:
        return None
    start, sep, end = value.partition("-")
    if not (sep and start.isdigit() and end.isdigit()):
        return None
    span = int(start), int(end)
    return span if 0 <= span[0] < span[1] <= text_length else None


QUOTE_KINDS = ("direct", "partial", "indirect", "according-to", "belief")
QUOTATION_KINDS = frozenset({"direct", "partial"})  # the kinds in quotation marks


def build_article_view(store: Store, article: Article, evidence: tuple[int, int] | None = None,
                       quote_kind: str | None = None) -> ArticleView:
    analysis = reads.load_analyses(store, [article.id]).get(article.id)
    spans = highlights_for(analysis, len(article.text))
    if evidence:
        spans.append(Highlight(evidence[0], evidence[1], "evidence", "linked evidence", "hl"))
    story_id = store.story_for_article(article.id)
    story_title = reads.story_titles(store, [story_id]).get(story_id) if story_id else None
    return ArticleView(
        article=article,
        analysis=analysis,
        body=highlight_html(article.text, spans),
        story_id=story_id,
        story_title=story_title,
        entities=_article_entities(store, analysis),
        evidence=evidence,
        quote_kind=quote_kind,
    )


def _article_entities(store: Store, analysis: Analysis | None) -> list[dict[str, Any]]:
    """The article's entities with their mention counts and, when linked, their corpus entity."""
    if analysis is None:
        return []
    counts: dict[str, int] = {}
    for m in analysis.mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    local = {e.id: e for e in analysis.entities}
    to_corpus = reads.corpus_entity_ids(store, list(local) + list(counts))
    rows = []
    for entity_id in dict.fromkeys([*local, *counts]):
        entity = local.get(entity_id)
        first = next((m for m in analysis.mentions if m.entity_id == entity_id), None)
        rows.append({
            "name": entity.name if entity else (first.text if first else entity_id),
            "label": entity.label if entity else (first.label if first else ""),
            "mentions": counts.get(entity_id, 0),
            "corpus_id": to_corpus.get(entity_id),
            "aliases": entity.aliases if entity else [],
        })
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"]))
