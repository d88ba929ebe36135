"""Embedded social posts (tweets, Instagram, TikTok, Threads, Bluesky): kept as ``Embed``, out of the prose.

Embed widgets ship as a ``<blockquote>`` with a vendor class; the post text is in its ``<p>`` and
the attribution line reads "— Name (@handle) Month D, YYYY".
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..model import Embed, Removed
from .embeds import parse_month_date
from .html_cleanup import Block

_EMBED_CLASSES = {
    "twitter-tweet": "tweet",
    "twitter-video": "tweet",
    "instagram-media": "instagram",
    "tiktok-embed": "tiktok",
    "text-post-media": "threads",
    "bluesky-embed": "bluesky",
    "reddit-embed-bq": "reddit",
}
_ATTRIBUTION = re.compile(r"[\u2014-]\s*(?P<author>[^(@\n]{1,80}?)\s*\((?P<handle>@\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2},? \d{4})?")


def find_embeds(tree: HtmlElement) -> list[Embed]:
    """Every vendor-marked social embed in the page, with author, handle, date and URL where shown."""
    embeds = []
    for element in tree.iter("blockquote"):
        classes = (element.get("class") or "").split()
        kind = next((_EMBED_CLASSES[c] for c in classes if c in _EMBED_CLASSES), None)
        if kind is None:
            continue
        paragraphs = [" ".join(p.text_content().split()) for p in element.iter("p")]
        text = " ".join(p for p in paragraphs if p) or " ".join(element.text_content().split())
        whole = " ".join(element.text_content().split())
        attribution = _ATTRIBUTION.search(whole)
        links = [a.get("href") for a in element.iter("a") if a.get("href")]
        embeds.append(
            Embed(
                text=text,
                kind=kind,
                author=attribution["author"].strip() if attribution else None,
                handle=attribution["handle"] if attribution else None,
                date=parse_month_date(attribution["date"] or "") if attribution else None,
                url=links[-1] if links else element.get("cite"),
            )
        )
    return embeds


def strip_embeds(blocks: list[Block], embeds: list[Embed]) -> tuple[list[Block], list[Removed]]:
    """Take the lines an embed contributed out of the body text (the Embed keeps them)."""
    if not embeds:
        return blocks, []
    embedded = " ".join(" ".join(e.text.split()) for e in embeds)
    kept, removed = [], []
    for block in blocks:
        is_embed = len(block.text) > 15 and block.text in embedded
        is_attribution = bool(_ATTRIBUTION.match(block.text)) and len(block.text) < 140
        if is_embed or is_attribution:
            removed.append(Removed(text=block.text, reason="social_embed"))
        else:
            kept.append(block)
    return kept, removed
