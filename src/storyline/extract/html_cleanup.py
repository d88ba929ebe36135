"""News-specific cleanup of the blocks trafilatura keeps: what is cut, and why.

Each rule looks at a block's shape (a label at its start, its length, its neighbours, what the
page's metadata says), never at particular sites. The furniture patterns are cues.py's, shared with
the plain-text path; this module adds what only markup tells (the head of the article, captions the
page marked as such, list items). Every cut block is returned as ``Removed`` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..model import Removed
from .blocks import measure
from .segment import MIN_DUPLICATE_WORDS
from .cues import AUTHOR_BIO, BYLINE_OPENING, HEADER, NOTICE, RELATED_HEADING, TAG_LIST, UPDATED_LINE, cue_reason

_SHORT_WORDS = 12
_PROSE_TAGS = ("p", "quote")
_TEASER_WORDS = 60
_ELLIPSES = ("...", "…")
_MAX_CLOSING_BIOS = 3  # an author box runs to a few paragraphs at most
_INTRODUCES_SOMEONE = re.compile(r"^[\w.'’ -]{2,40} (?:is|was) an? ")
# the furniture that looks like content when it stands in a list the page marked up as content
_NOT_IN_LISTS = frozenset({"banner", "credit", "caption"})
# a heading that only goes when the link list it announces follows (clean_blocks decides)
_HEADINGS_ONLY_WITH_A_LIST = frozenset({"related_heading", "toc_heading"})


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
    if _short(text, 14) and (BYLINE_OPENING.match(text) or any(a and text.casefold().startswith(a.casefold()) for a in authors)):
        return "byline"
    if _dateline(text) or (_short(text, 14) and UPDATED_LINE.match(text) and not text.endswith(":")):
        return "dateline"
    return None


def _dateline(text: str) -> bool:
    header = HEADER.match(text)
    return bool(header) and header.end() >= len(text.rstrip()) and _short(text, 14)


def _line_rule(block: Block, captions: set[str]) -> str | None:
    """Reason to cut a block wherever it appears."""
    if block.text in captions:
        return "caption"
    measured = measure(block.text)
    reason = cue_reason(measured)
    if reason in _HEADINGS_ONLY_WITH_A_LIST:
        return None
    if reason in _NOT_IN_LISTS and block.tag == "item":
        return None  # a list the page marked up as content ("- Email/SMS campaigns") is content
    if reason == "banner" and measured.words > _SHORT_WORDS and not NOTICE.search(block.text):
        return None  # "click here", "originally published" inside a paragraph of the article's own prose
    return reason


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
        if following is None or not _short(label, 8) or not RELATED_HEADING.match(label):
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
        elif block.tag in ("head", "p") and _short(block.text, 8) and RELATED_HEADING.match(block.text):
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
    kept = _drop_teaser_runs(_drop_repeats(kept, removed), removed)
    return _drop_page_tail(kept, removed, authors)


def _drop_repeats(kept: list[Block], removed: list[Removed]) -> list[Block]:
    """A paragraph shown twice (a pull quote, a sign-up box, a tab and its mobile copy) is kept once;
    list items and code lines repeat on purpose (a training plan, a query and its output)."""
    seen: set[str] = set()
    result = []
    for block in kept:
        if block.text in seen and block.tag in _PROSE_TAGS and not _short(block.text, MIN_DUPLICATE_WORDS - 1):
            removed.append(Removed(text=block.text, reason="duplicate"))
            continue
        seen.add(block.text)
        result.append(block)
    return result


def _teaser(block: Block) -> bool:
    return block.text.rstrip().endswith(_ELLIPSES) and _short(block.text, _TEASER_WORDS)


def _drop_teaser_runs(kept: list[Block], removed: list[Removed]) -> list[Block]:
    """Two or more cut-off excerpts in a row ("Every January, companies promise...") are teasers for
    other articles, not the article's own paragraphs."""
    teaser = [_teaser(b) for b in kept]
    result = []
    for i, block in enumerate(kept):
        if teaser[i] and ((i > 0 and teaser[i - 1]) or (i + 1 < len(kept) and teaser[i + 1])):
            removed.append(Removed(text=block.text, reason="related_links"))
        else:
            result.append(block)
    return result


def _drop_page_tail(kept: list[Block], removed: list[Removed], authors: list[str]) -> tuple[list[Block], list[Removed]]:
    """Tag lists and the author box ("Jane Doe is a freelance writer who covers ...") closing the page."""
    bios = 0
    while len(kept) > 1:
        text = kept[-1].text
        if TAG_LIST.match(text) and _short(text, 30):
            removed.append(Removed(text=kept.pop().text, reason="tags"))
        elif bios < _MAX_CLOSING_BIOS and _author_bio(text, authors):
            removed.append(Removed(text=kept.pop().text, reason="author_bio"))
            bios += 1
        else:
            break
    return kept, removed


def _author_bio(text: str, authors: list[str]) -> bool:
    """A paragraph introducing a writer: cues' general shape, or "<the byline's first name> ... is a ..."."""
    if AUTHOR_BIO.match(text):
        return True
    return any(name and text.startswith(name.split()[0]) and _INTRODUCES_SOMEONE.match(text) for name in authors)
