"""Split a plain-text scrape into blocks, and measure the shape of each block.

A block is one line of the scrape (paragraphs separated by blank lines, or one element per line as
a page's visible text comes out), with hard-wrapped paragraphs joined back into one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
TERMINAL = re.compile(r"[.!?]\s*\(\w+\)$")  # "... the end. (AP)"
TERMINALS = (".", "!", "?")
CLOSERS = "\"'”’)]"
ELLIPSES = ("…", "...")
FIGURE_MARKS = frozenset("%$€£¥.,/")  # what a number in a table carries besides its digits

# Function words: prose is full of them, menus, titles and credits are not.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours yourself yourselves said says say it's that's there's
    i'm don't can't won't isn't wasn't didn't doesn't""".split()
)
STOPWORDS = STOPWORDS | {w.replace("'", "’") for w in STOPWORDS} | {w.capitalize() for w in STOPWORDS}


@dataclass(slots=True)
class Block:
    """One block of the scrape with the measures the segmenter decides from."""

    text: str
    words: int = 0
    stopwords: int = 0
    terminal: bool = False  # ends like a sentence
    ellipsis: bool = False  # ends in a teaser's "…"
    blank_before: bool = False
    tokens: list[str] = field(default_factory=list, repr=False)

    @property
    def stop_ratio(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def prose(self) -> bool:
        """Reads like running text: long enough, full of function words, ends like a sentence."""
        if self.words >= 30 and self.stop_ratio >= 0.2:
            return True
        return self.words >= 8 and self.terminal and self.stop_ratio >= 0.2

    @property
    def figure(self) -> bool:
        """A table cell or chart value ("+13.1%", "$75,000 – $100,000", "94.4% (1542/1633)"): a few
        tokens, most of them numbers."""
        if not 1 <= self.words <= 6 or not any(c in FIGURE_MARKS for c in self.text):
            return False  # a bare "4" is as likely a rating, a page number or a comment count
        return 2 * sum(1 for t in self.tokens if t[:1].isdigit()) > self.words

    @property
    def title_like(self) -> bool:
        """A headline or heading: short, capitalised, not closed by a full stop."""
        if not 1 <= self.words <= 25 or self.terminal and not self.text.endswith(("?", "!")):
            return False
        first = self.tokens[0]
        return first[:1].isupper() or first[:1].isdigit()


def measure(text: str, blank_before: bool = False) -> Block:
    tokens = WORD.findall(text)
    tail = text.rstrip()
    bare_tail = tail.rstrip(CLOSERS)
    return Block(
        text=text,
        words=len(tokens),
        stopwords=sum(map(STOPWORDS.__contains__, tokens)),
        terminal=bare_tail.endswith(TERMINALS) or bool(tail.endswith(")") and TERMINAL.search(tail[-12:])),
        ellipsis=tail.rstrip("]) ").endswith(ELLIPSES),
        blank_before=blank_before,
        tokens=tokens,
    )


def _hard_wrapped(paragraphs: list[list[str]]) -> bool:
    """Fixed-width text (e-mail, wire copy): most paragraph lines fill a similar width."""
    lines = [line for para in paragraphs if len(para) > 1 for line in para[:-1]]
    if len(lines) < 4:
        return False
    widths = sorted(len(line) for line in lines)
    median = widths[len(widths) // 2]
    if not 40 <= median <= 100:
        return False
    near = sum(1 for w in widths if abs(w - median) <= 12)
    return near / len(widths) >= 0.75


def split_blocks(content: str) -> list[Block]:
    """Lines of the scrape as blocks; hard-wrapped paragraphs are joined into one block each."""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        line = line.strip(" \t\u00a0\u200b\ufeff")
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    paragraphs = [p for p in paragraphs if p]
    blocks: list[Block] = []
    if _hard_wrapped(paragraphs):
        for para in paragraphs:
            blocks.append(measure(" ".join(para), blank_before=True))
        return blocks
    for para in paragraphs:
        for i, line in enumerate(para):
            blocks.append(measure(line, blank_before=i == 0))
    return blocks
