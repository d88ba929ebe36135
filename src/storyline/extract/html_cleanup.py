"""News-specific cleanup of the blocks trafilatura keeps: what is cut, and why.

Each rule looks at a block's shape (a label at its start, its length, its neighbours, what the
page's metadata says), never at particular sites. Every cut block is returned as ``Removed``
with its reason so a reader can check what went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..model import Removed

_READ_MORE = re.compile(
    r"^(?:read (?:more|next|also|the full story)|related(?: (?:article|story|stories|content|coverage|reading))?|"
    r"see also|more from|more on this|also read|also see|recommended(?: reading)?|you (?:may|might) also like|"
    r"don'?t miss|watch(?: now)?|listen)\s*[:>»|\u2013\u2014-]",
    re.I,
)
_RELATED_HEADING = re.compile(
    r"^(?:related(?: articles?| stories| posts?| content| reading| coverage| news)?|read (?:more|next)|"
    r"more (?:stories|articles|news|from (?:\S+ ?){1,3}|like this|to read|on this topic)|you (?:may|might) also (?:like|enjoy)|"
    r"recommended(?: for you| articles| stories| reading)?|popular (?:posts|articles|stories)|most (?:read|popular)|"
    r"trending(?: now| stories)?|latest (?:news|stories|articles|posts)|further reading|see also|keep reading|"
    r"top stories|editor'?s picks)\s*:?$",
    re.I,
)
_NEWSLETTER = re.compile(
    r"\b(?:sign up|subscribe|join|register)\b.{0,40}\b(?:newsletters?|mailing list|inbox|e-?mail (?:updates|alerts))\b|"
    r"\benter your e-?mail\b|\bdelivered (?:straight |directly )?to your inbox\b",
    re.I,
)
_SHARE = re.compile(
    r"^(?:(?:share|tweet|email|e-mail|print|copy link|copy|link|facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|"
    r"flipboard|comments?|save|gift (?:this )?article|share (?:this|on|via) ?(?:article|story|page|post)?)[\s,:|/]*)+$",
    re.I,
)
_CAPTION = re.compile(
    r"(?:^(?:photo|image|picture|video|illustration|graphic|credit|photograph|source|file photo)s?(?: credit)?\s*[:|]|"
    r"\((?:photo|image|picture|credit)s?\b[^)]*\)\s*$|"
    r"\b(?:photo|image|picture) (?:by|courtesy of|credit)\b[^.]{0,80}$|"
    r"\b(?:getty images|shutterstock|istock(?:photo)?|associated press|ap photo|afp|reuters|epa|alamy)\s*\)?\s*$)",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by|story by|posted by|author:?)\s+[A-Z][\w.'’-]+", re.I)
_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified|first published)(?: on| at)?:?\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_UPDATED_LINE = re.compile(r"^(?:published|updated|posted|last updated|modified)\b.{0,60}\d{4}.{0,20}$", re.I)
_NAVIGATION = re.compile(r"^(?:skip to (?:main )?content|back to top|jump to (?:recipe|section|comments)|table of contents|toggle)$", re.I)
_TAGS = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*[:|]", re.I)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?min(?:ute)?s?\s+read$", re.I)


@dataclass
class Block:
    """One line of extracted body text and the trafilatura element it came from (p, head, item...)."""

    text: str
    tag: str


def _short(text: str, words: int = 12) -> bool:
    return len(text.split()) <= words


def _top_rule(block: Block, authors: list[str], title: str | None) -> str | None:
    """Reason to cut a block from the article's head: bylines, datelines, repeated title."""
    text = block.text
    if title and text.casefold().strip(" .") == title.casefold().strip(" ."):
        return "title"
    if _short(text, 14) and (_BYLINE.match(text) or any(a and text.casefold().startswith(a.casefold()) for a in authors)):
        return "byline"
    if _DATELINE.match(text) or (_short(text, 14) and _UPDATED_LINE.match(text) and not text.endswith(":")):
        return "dateline"
    if _READING_TIME.match(text):
        return "dateline"
    return None


def _line_rule(block: Block, captions: set[str]) -> str | None:
    """Reason to cut a block wherever it appears."""
    text = block.text
    if text in captions:
        return "caption"
    if _SHARE.match(text):
        return "share_widget"
    if _NAVIGATION.match(text):
        return "navigation"
    if _short(text, 25) and _READ_MORE.match(text):
        return "read_more"
    if _short(text, 30) and _NEWSLETTER.search(text):
        return "newsletter"
    if _short(text, 30) and _CAPTION.search(text) and not text.endswith((".\"", "?", "!")):
        return "caption"
    return None


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _is_link_list(element: HtmlElement) -> bool:
    """A <ul>/<ol> of two or more short entries that are (almost) all links."""
    if element.tag not in ("ul", "ol"):
        return False
    items = element.findall("li")
    linked = [li for li in items if li.find(".//a") is not None and _short(_text(li), 16)]
    return len(items) >= 2 and len(linked) >= 0.8 * len(items)


def prune_tree(tree: HtmlElement) -> list[Removed]:
    """Cut captions and headed related-link lists from the page before trafilatura reads it."""
    removed: list[Removed] = []
    for caption in list(tree.iter("figcaption")):
        text = _text(caption)
        if text:
            removed.append(Removed(text=text, reason="caption"))
        caption.drop_tree()
    for heading in list(tree.iter("h2", "h3", "h4", "h5", "h6")):
        label = _text(heading)
        following = heading.getnext()
        if following is None or not _short(label, 8) or not _RELATED_HEADING.match(label):
            continue
        if _is_link_list(following):
            removed.append(Removed(text="\n".join([label, *(_text(li) for li in following.findall("li"))]), reason="related_links"))
            following.drop_tree()
            heading.drop_tree()
    return removed


def _link_like(block: Block) -> bool:
    """A headline-sized list entry, as in a block of links to other articles."""
    return block.tag in ("item", "p") and _short(block.text, 16) and not block.text.endswith(":")


def clean_blocks(
    blocks: list[Block], *, authors: list[str], title: str | None, captions: set[str]
) -> tuple[list[Block], list[Removed]]:
    """Drop boilerplate blocks (bylines, captions, related links, newsletter pitches, tag lists)."""
    kept: list[Block] = []
    removed: list[Removed] = []
    in_head = True  # until the first real paragraph: where bylines and datelines sit
    in_related = False
    for index, block in enumerate(blocks):
        reason = (_top_rule(block, authors, title) if in_head else None) or _line_rule(block, captions)
        if in_related and _link_like(block):
            reason = "related_links"
        elif block.tag in ("head", "p") and _short(block.text, 8) and _RELATED_HEADING.match(block.text):
            following = blocks[index + 1 : index + 4]
            in_related = bool(following) and all(_link_like(b) for b in following)
            reason = "related_links" if in_related else reason
        else:
            in_related = False
        if reason:
            removed.append(Removed(text=block.text, reason=reason))
        else:
            kept.append(block)
            in_head = in_head and _short(block.text, 14)
    return _drop_trailing_tags(kept, removed)


def _drop_trailing_tags(kept: list[Block], removed: list[Removed]) -> tuple[list[Block], list[Removed]]:
    while kept and (_TAGS.match(kept[-1].text) and _short(kept[-1].text, 30)):
        removed.append(Removed(text=kept.pop().text, reason="tags"))
    return kept, removed
