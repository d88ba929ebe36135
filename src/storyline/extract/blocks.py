"""Split a plain-text scrape into blocks, and measure the shape of each block.

A block is one line of the scrape (paragraphs separated by blank lines, or one element per line as
a page's visible text comes out), with hard-wrapped paragraphs joined back into one block, and the
sentences of a scrape that put every text node on its own line joined back where links broke them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

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
_ENGLISH = frozenset(w.lower() for w in STOPWORDS)
_INTRO_WORDS = 12  # a line this long closed by a colon introduces a quote or a list
_FOREIGN_SHARE = 0.2  # a page in another language: a fifth of its words are that language's function words...
_ENGLISH_SHARE = 0.1  # ...and under a tenth English ones (English pages, menus and all, have 0.1 and more)


def function_words(blocks: list[Block]) -> frozenset[str]:
    """The function words the prose test should count in these blocks (measured with English ones):
    English ones, unless the text is plainly in another language whose jusText stoplist it matches (a
    French article's "le", "de", "et" make its paragraphs prose; English ones would leave it none)."""
    words = sum(block.words for block in blocks)
    if sum(block.stopwords for block in blocks) >= _ENGLISH_SHARE * words:
        return STOPWORDS
    counts = Counter(t.lower() for block in blocks for t in block.tokens if len(t) > 1 and t.isalpha())
    stoplists, languages_of = _other_languages()
    hits = Counter()
    for word, count in counts.items():
        for language in languages_of.get(word, ()):
            hits[language] += count
    if not hits or hits.most_common(1)[0][1] < _FOREIGN_SHARE * counts.total():
        return STOPWORDS
    stoplist = stoplists[hits.most_common(1)[0][0]]
    return stoplist | {w.capitalize() for w in stoplist}


@cache
def _other_languages() -> tuple[list[frozenset[str]], dict[str, list[int]]]:
    """jusText's stoplists for every language but English, less the English function words (some lists,
    drawn from Wikipedia text, carry English ones), and for each word the lists that hold it."""
    import justext

    stoplists = [frozenset(justext.get_stoplist(name)) - _ENGLISH for name in sorted(justext.get_stoplists())
                 if "English" not in name]
    languages_of: dict[str, list[int]] = {}
    for language, stoplist in enumerate(stoplists):
        for word in stoplist:
            languages_of.setdefault(word, []).append(language)
    return stoplists, languages_of


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
        if self.words >= _INTRO_WORDS and self.text.rstrip().endswith(":"):
            return False  # "After the vote, the mayor issued a statement that read:": a sentence opening a quote
        first = self.tokens[0]
        return first[:1].isupper() or first[:1].isdigit()


def measure(text: str, blank_before: bool = False, function_words: frozenset[str] = STOPWORDS) -> Block:
    tokens = WORD.findall(text)
    tail = text.rstrip()
    bare_tail = tail.rstrip(CLOSERS)
    return Block(
        text=text,
        words=len(tokens),
        stopwords=sum(map(function_words.__contains__, tokens)),
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


def split_blocks(content: str, words: frozenset[str] = STOPWORDS) -> list[Block]:
    """Lines of the scrape as blocks, measured with the function ``words`` of its language;
    hard-wrapped paragraphs are joined into one block each."""
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
            blocks.append(measure(" ".join(para), True, words))
        return blocks
    fragmented = sum(1 for para in paragraphs for line in para if _CLOSING.match(line)) >= MIN_BROKEN_SENTENCES
    for para in paragraphs:
        para = _rejoin_bylines(para)
        for i, line in enumerate(_rejoin_fragments(para) if fragmented else para):
            blocks.append(measure(line, i == 0, words))
    return blocks


_BARE_BY = re.compile(r"^(?:(?:written|posted|reported|story|words) )?by:?$", re.IGNORECASE)
_BYLINE_NAME_WORDS = 6


def _rejoin_bylines(lines: list[str]) -> list[str]:
    """A byline the page's markup split in two: "By" (or "Written by") on a line, the name on the next."""
    joined: list[str] = []
    for line in lines:
        if joined and _BARE_BY.match(joined[-1]) and line[:1].isupper() and len(line.split()) <= _BYLINE_NAME_WORDS:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


# Words that never end a sentence or a heading: a line ending in one runs on into the next line.
_RUNS_ON = frozenset("""a an the of to in on at by for with from into and or but nor that as than according
    via""".split())
_CLOSING = re.compile(r"^[,.;:!?)\]’'”%]")
_LOWER = re.compile(r"^[a-z](?!ttps?:|ww\.)")
MIN_BROKEN_SENTENCES = 3  # lines opening with a comma or a full stop that show the scrape broke sentences
_MIN_SENTENCE_START = 4  # words a line needs before it can be the start of a sentence a link broke


def _rejoin_fragments(lines: list[str]) -> list[str]:
    """A scrape that put every text node on its own line breaks a sentence wherever a link or an
    emphasis sits in it ("The council said, according to" / "the city paper" / ", that ..."): a line
    continues the one before when it opens with closing punctuation, when the line before ends in a word
    no sentence ends with, or when it opens in lower case after the start of a sentence (not after a
    menu's entries or a colon)."""
    joined: list[str] = []
    for line in lines:
        if joined and _runs_on(joined[-1], line):
            joined[-1] = joined[-1] + ("" if _CLOSING.match(line) else " ") + line
        else:
            joined.append(line)
    return joined


def _runs_on(before: str, line: str) -> bool:
    if before.endswith(TERMINALS) or before.endswith(":"):
        return False
    if _CLOSING.match(line):
        return True
    words = before.split()
    if words[-1].lower() in _RUNS_ON:
        return True
    return bool(_LOWER.match(line)) and (len(words) >= _MIN_SENTENCE_START or _ends_sentence(line))


def _ends_sentence(line: str) -> bool:
    """The rest of a sentence whose subject a link carried ("Mayor Jane Doe" / "said on Monday that ...")."""
    return line.rstrip(CLOSERS).endswith(TERMINALS) and len(line.split()) >= _MIN_SENTENCE_START
