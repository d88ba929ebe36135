"""News-specific cleanup of the blocks trafilatura keeps: what is cut, and why.

Each rule looks at a block's shape (a label at its start, its length, its neighbours, what the
page's metadata says), never at particular sites. The furniture patterns are cues.py's, shared with
the plain-text path; this module adds what only markup tells (the head of the article, captions the
page marked as such, list items, author boxes and comment threads its class names mark). Every cut
block is returned as ``Removed`` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..model import Removed
from .blocks import measure
from .segment import MIN_DUPLICATE_WORDS
from .cues import (AUTHOR_BIO, BUTTON, BYLINE_OPENING, COOKIE_NOTICE, FOLLOW_US, HEADER, MAX_CUE_WORDS, NOTICE,
                   RELATED_HEADING, UPDATED_LINE, cue_reason)
from .page_tail import AUTHOR_BOX_MAX_WORDS, closing_furniture

_SHORT_WORDS = 12
# cues that only mean furniture in a flattened scrape: in markup a menu's entries stand apart (a glued
# line is trafilatura's joining of cells), and HTML shown as text is a code sample (a republishing
# box's <textarea> never reaches the extraction)
_SCRAPE_ONLY = frozenset({"glued_menu", "page_markup"})
_PROSE_TAGS = ("p", "quote")
_TEASER_WORDS = 60
_ELLIPSES = ("...", "…")
# the furniture that looks like content when it stands in a list the page marked up as content
_NOT_IN_LISTS = frozenset({"banner", "credit", "caption"})
# a heading that only goes when the link list it announces follows (clean_blocks decides); a table of
# contents' heading goes alone: trafilatura has already dropped its list of in-page links
_HEADINGS_ONLY_WITH_A_LIST = frozenset({"related_heading"})
_CARD_HEADLINE_WORDS, _CARD_STANDFIRST_WORDS = 16, 50
_TAIL_PROSE_WORDS = 25  # a paragraph this long below a related heading is the article going on
# "5 min read", "- 11 min read", "December 15, 2025 // 8 min read": the reading time under a headline
_READING_TIME = re.compile(r"\b\d+\s*(?:-|\s)?min(?:ute)?s?\.?\s+read(?:ing)?(?: time)?\b", re.IGNORECASE)
_READING_TIME_WORDS = 10
_NOTICE_WORDS = 150  # a consent notice runs long; a paragraph longer than this is prose
_FOLLOW_WORDS = 40
# The box introducing the writer under an article: "author-box", "author_bio", "about-the-author",
# "AuthorBio", "contributor-bio" in the class or id of its container.
_AUTHOR_BOX = re.compile(
    r"author[-_]?(?:box|bio|info|desc|card|profile|details|about)|about[-_]?(?:the[-_]?)?author|"
    r"contributor[-_]?(?:short)?bio",
    re.IGNORECASE,
)
_AUTHOR_BOX_WORDS = (12, AUTHOR_BOX_MAX_WORDS)  # fewer is a byline (the name and a date), more is an article
_AUTHOR_BOX_PARAGRAPHS = 5
# A reader comment thread: a class or id token such as "comments", "comment-list", "wp-block-comments",
# "comments-area", "comment-respond" (whole tokens: "comment-count" or "no-comments-yet" are not threads).
_COMMENTS_TOKEN = re.compile(
    r"^(?:[a-z]+-)*(?:comments|comment-list|commentlist|comments-(?:area|section|wrap|wrapper|container)|"
    r"comment-section|comment-respond|comment-form|commentform)$",
    re.IGNORECASE,
)
_COMMENTS_SHARE = 0.5  # a "thread" holding half the page's words is the page itself
_FURNITURE_TAGS = ("div", "section", "aside", "ol", "ul")
_HIGHLIGHTS = "//*[contains(local-name(), 'highlights') or contains(@class, 'ighlights') or contains(@id, 'ighlights')]"
_HIGHLIGHTS_MAX_WORDS = 200
_HIGHLIGHTS_MAX_PARAGRAPHS = 2  # highlights come as bullets or lines, not paragraphs


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
    notice = _fine_print(block.text, measured.words)
    if notice:
        return notice
    if block.text[:16].lower() == "about the author" and AUTHOR_BIO.match(block.text):
        return "author_bio"  # wherever it stands: a comment prompt may follow it
    if measured.words <= _READING_TIME_WORDS and "min" in block.text and _READING_TIME.search(block.text):
        return "header"
    reason = cue_reason(measured)
    if reason in _HEADINGS_ONLY_WITH_A_LIST:  # clean_blocks decides, from what follows; but a button
        return "button" if BUTTON.match(block.text) else None  # ("Read more" alone) goes either way
    if reason in _NOT_IN_LISTS and block.tag == "item":
        return None  # a list the page marked up as content ("- Email/SMS campaigns") is content
    if reason == "banner" and measured.words > MAX_CUE_WORDS:
        return None  # a long notice in markup is _fine_print's to judge, with the consent notice it continues
    if reason == "banner" and measured.words > _SHORT_WORDS and not NOTICE.search(block.text):
        return None  # "click here", "originally published" inside a paragraph of the article's own prose
    if reason == "banner" and (block.tag == "table" or block.text.rstrip().endswith(":")):
        return None  # a table row ("Privacy policy | Yes"), a line introducing what follows ("... says:")
    return None if reason in _SCRAPE_ONLY else reason


def _fine_print(text: str, words: int) -> str | None:
    """A cookie-consent notice or a "follow us on ..." line, whatever its length (up to a limit): the cue
    patterns stop at 80 words, where a consent notice runs longer."""
    lowered = text.lower()
    if words <= _NOTICE_WORDS and ("cookie" in lowered or "consent" in lowered) and COOKIE_NOTICE.search(text):
        return "consent"
    if words <= _FOLLOW_WORDS and "follow" in lowered and FOLLOW_US.search(text):
        return "share_widget"
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
    """Cut captions, author boxes, comment threads, highlights boxes and headed related-link lists from
    the page before trafilatura reads it (and before the byline fallback reads it: commenters are not
    the authors)."""
    removed = _prune_marked_furniture(tree) + _prune_highlights(tree)
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


def _prune_marked_furniture(tree: HtmlElement) -> list[Removed]:
    """The writer's box under the article and the readers' comment thread, as the page's class or id
    names them ("author-box", "comments-area"); trafilatura's own filters miss them when its fallback
    extractors take over, and its byline fallback reads commenters' names as the article's authors."""
    removed: list[Removed] = []
    dropped: set[HtmlElement] = set()
    page_words = 0
    for element in list(tree.iter(*_FURNITURE_TAGS)):
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        if "uthor" not in marks and "omment" not in marks and "ontributor" not in marks:
            continue  # the quick test: "uthor" is in Author and author alike
        if element.getparent() is None or any(a in dropped for a in element.iterancestors()):
            continue
        if _author_box(element, marks):
            reason = "author_bio"
        elif _comment_thread(element, marks):
            page_words = page_words or len(tree.text_content().split()) or 1
            if len(element.text_content().split()) > _COMMENTS_SHARE * page_words:
                continue
            reason = "comments"
        else:
            continue
        text = _text(element)
        if text:
            removed.append(Removed(text=text, reason=reason))
        dropped.add(element)
        element.drop_tree()
    return removed


def _prune_highlights(tree: HtmlElement) -> list[Removed]:
    """A "highlights" box (``<story-highlights>``, ``class="highlights"``): the article's points again,
    in bullets over it, or a product card's selling points; never the article's own text. ("Key
    takeaways" boxes are kept: on the WCXB dev pages the gold holds about half of them.)"""
    removed: list[Removed] = []
    for element in tree.xpath(_HIGHLIGHTS):
        if element.getparent() is None:
            continue  # dropped with an enclosing box already
        if (len(element.text_content().split()) > _HIGHLIGHTS_MAX_WORDS or element.find(".//h1") is not None
                or len(element.findall(".//p")) > _HIGHLIGHTS_MAX_PARAGRAPHS):
            continue  # a wrapper around the article, or a short article in a box so named: paragraphs of prose
        text = _text(element)
        if text:
            removed.append(Removed(text=text, reason="highlights"))
        element.drop_tree()
    return removed


def _author_box(element: HtmlElement, marks: str) -> bool:
    """A short block marked as the author's box: more than a byline, less than an article."""
    if element.tag in ("ol", "ul") or not _AUTHOR_BOX.search(marks):
        return False
    low, high = _AUTHOR_BOX_WORDS
    words = len(element.text_content().split())
    return (low <= words <= high and element.find(".//h1") is None
            and len(element.findall(".//p")) <= _AUTHOR_BOX_PARAGRAPHS)


def _comment_thread(element: HtmlElement, marks: str) -> bool:
    return any(_COMMENTS_TOKEN.match(token) for token in marks.split()) and element.find(".//h1") is None


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
    related_until = 0  # the teaser cards under a related heading end here
    for index, block in enumerate(blocks):
        if block.tag == "code":  # a program or a preformatted document (an RFC): its lines are no page furniture
            kept.append(block)
            in_head = in_head and _short(block.text, 14)
            continue
        reason = (_top_rule(block, authors, title) if in_head else None) or _line_rule(block, captions)
        if not reason and removed and removed[-1].reason == "consent" and "cookie" in block.text.lower():
            reason = "consent"  # the notice goes on: the kinds of cookies it sets, one paragraph each
        if in_related and _link_like(block):
            reason = "related_links"
        elif block.tag in ("head", "p") and _short(block.text, 8) and RELATED_HEADING.match(block.text):
            following = blocks[index + 1 : index + 4]
            in_related = bool(following) and all(_link_like(b) for b in following)
            cards_end = index + 1 + _teaser_cards(blocks[index + 1 :]) if not in_related else index
            reason = "related_links" if in_related or cards_end > index + 1 else reason
            related_until = max(related_until, cards_end)
        elif index < related_until:
            reason = "related_links"
        else:
            in_related = False
        if reason:
            removed.append(Removed(text=block.text, reason=reason))
        else:
            kept.append(block)
            in_head = in_head and _short(block.text, 14)
    kept = _drop_related_tail(_drop_teaser_runs(_drop_repeats(kept, removed), removed), removed)
    return _drop_page_tail(kept, removed, authors)


def _teaser_cards(blocks: list[Block]) -> int:
    """How many of ``blocks`` are teaser cards for other articles, as under "Other Opinion Columns": two
    or more headline-sized headings, each over at most one standfirst-sized paragraph; 0 if fewer."""
    end = cards = 0
    while end < len(blocks) and blocks[end].tag == "head" and _short(blocks[end].text, _CARD_HEADLINE_WORDS):
        end += 1
        if end < len(blocks) and blocks[end].tag != "head" and _short(blocks[end].text, _CARD_STANDFIRST_WORDS):
            end += 1
        cards += 1
    return end if cards >= 2 else 0


def _drop_related_tail(kept: list[Block], removed: list[Removed]) -> list[Block]:
    """A related-links heading after the article's text ("You Might Also Like") with no paragraph of prose
    anywhere below it: it and all that follows (slide-show controls, video lists) are the page's tail."""
    prose_at = [i for i, block in enumerate(kept) if block.tag == "p" and not _short(block.text, _TAIL_PROSE_WORDS)]
    if not prose_at:
        return kept
    for i in range(prose_at[-1] + 1, len(kept)):
        if kept[i].tag in ("head", "p") and _short(kept[i].text, 8) and RELATED_HEADING.match(kept[i].text):
            removed.extend(Removed(text=block.text, reason="related_links") for block in kept[i:])
            return kept[:i]
    return kept


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
    """Tag lists and the author box closing the page (page_tail.py)."""
    end, tail = closing_furniture([block.text for block in kept], authors)
    removed.extend(tail)
    return kept[:end], removed
