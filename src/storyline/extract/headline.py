"""Which line of a whole-page scrape is the article's headline.

Between the menus and the body a page prints the headline, but also section names, bylines, dates,
"Table of contents", deal boxes and the first subheading. The headline is the title-shaped line before
the body whose words the body is about: most of its content words occur in the body, several of them
often; a byline, a date or share buttons right under it, a longer line and a line nearer the body
weigh for it too.
"""

from __future__ import annotations

import re
from collections import Counter

from .blocks import STOPWORDS, WORD, Block

WINDOW = 60  # lines before the body's first paragraph where the headline may stand
MIN_WORDS, MAX_WORDS = 3, 25
MIN_CONTENT_WORDS = 2
MIN_COVERED = 0.3  # share of the line's content words the body must use
FREQUENT = 3  # a content word used this often in the body is one the article is about
TOPIC_WEIGHT = 1.0
LENGTH_WEIGHT = 0.5  # ...for a line of LONG_LINE words or more
LONG_LINE = 12
DISTANCE_COST = 0.002  # per line between the candidate and the body
UNDER_HEADLINE = frozenset({"byline", "header", "contributor_line", "share_widget"})  # what a page sets under it
UNDER_REACH = 4  # lines below the candidate where a byline, a date or share buttons count
UNDER_WEIGHT = 0.5
_ITEM_SEPARATOR = re.compile(r"\s[·|•/]\s")
MENU_LINE_SEPARATORS = 3
_CLOSING_QUOTES = " \t'\"’”»"  # a headline may close on a quote: ... 'I Wore It Four Times!'"
MENU_ENTRY_WORDS = 4  # a line this short between two as short on each side is a menu's entry


def headline_index(blocks: list[Block], reasons: list[str | None], first_body: int, body: list[Block]) -> int | None:
    """The index of the headline among ``blocks[:first_body]``, or None when no line there fits."""
    used = Counter(WORD.findall(" ".join(block.text for block in body).lower()))
    best: tuple[float, int] | None = None
    for i in range(max(0, first_body - WINDOW), first_body):
        block = blocks[i]
        if reasons[i] is not None or not MIN_WORDS <= block.words <= MAX_WORDS:
            continue
        if not (block.title_like or block.text.rstrip(_CLOSING_QUOTES).endswith(("?", "!"))):
            continue
        if len(_ITEM_SEPARATOR.findall(block.text)) >= MENU_LINE_SEPARATORS:
            continue  # "US · UK · Australia · France": a menu on one line
        if block.words <= MENU_ENTRY_WORDS and all(
                _menu_entry(blocks, reasons, j) for j in (i - 2, i - 1, i + 1, i + 2)):
            continue  # "Oil and Gas" amid "Coal", "Energy" and "Utilities", "Solar": a menu's entry
        words = set(_content_words(block))
        if len(words) < MIN_CONTENT_WORDS:
            continue
        covered = sum(1 for w in words if used[w]) / len(words)
        if covered < MIN_COVERED:
            continue
        topic = sum(min(1.0, used[w] / FREQUENT) for w in words) / len(words)
        score = (covered + TOPIC_WEIGHT * topic + LENGTH_WEIGHT * min(block.words, LONG_LINE) / LONG_LINE
                 - DISTANCE_COST * (first_body - i))
        if any(r in UNDER_HEADLINE for r in reasons[i + 1: min(first_body, i + 1 + UNDER_REACH)]):
            score += UNDER_WEIGHT
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _menu_entry(blocks: list[Block], reasons: list[str | None], i: int) -> bool:
    """A short title-like line nothing else explains (a byline or a date under a headline has its reason)."""
    return (0 <= i < len(blocks) and reasons[i] in (None, "navigation") and blocks[i].title_like
            and blocks[i].words <= MENU_ENTRY_WORDS)


def _content_words(block: Block) -> list[str]:
    return [token.lower() for token in block.tokens if len(token) > 2 and token not in STOPWORDS]
