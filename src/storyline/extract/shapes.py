"""Shapes a flattened page takes that are neither prose nor furniture: a table put one cell per line,
and a syntax-highlighted code sample put one token per line. The segmenter scores both as neutral, so
the article runs through them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from .blocks import Block

CODE_TOKEN_WORDS = 3  # a code sample shattered one token per line: lines this short...
CODE_MIN_TOKENS = 12  # ...this many in a row...
CODE_SYMBOL_SHARE = 0.3  # ...with at least this share of them holding code punctuation ("(", "{", "=", ";")
CODE_MIN_BARE_SYMBOLS = 2  # ...and some lines of punctuation alone: a bracket opening or closing a block
_CODE_MARKS = re.compile(r"[(){}\[\];=<>]")
TABLE_CELL_WORDS = 8  # a table cell is a short line...
TABLE_MIN_CELLS = 12  # ...and this many in a row can be a table flattened one cell per line
TABLE_NUMERIC_SHARE = 0.35  # ...of which at least this share hold numbers
CARD_LABEL_REPEATS = 3  # a label shown this often on the page heads a widget card ("Market Cap"), not a column
CARD_LABEL_SHARE = 0.3  # ...and a stretch whose labels are this often such labels is a row of widgets


def table_cells(blocks: list[Block], reasons: list[str | None]) -> list[bool]:
    """Which blocks are cells of a table flattened one cell per line (a ranking, a results table, a
    shopping list): a long stretch of short unlabelled lines, many of them numbers. Cells are neither
    body prose nor furniture, and a school or party named in two tables is not navigation."""
    cells = [False] * len(blocks)
    shown = Counter(b.text for b in blocks)
    for i, j in _stretches(blocks, reasons, lambda b: b.words <= TABLE_CELL_WORDS and not b.prose):
        stretch = blocks[i:j]
        if len(stretch) >= TABLE_MIN_CELLS:
            numeric = sum(map(_numeric_cell, stretch))
            labels = [b.text for b in stretch if not any(c.isdigit() for c in b.text)]
            card_labels = sum(1 for text in labels if shown[text] >= CARD_LABEL_REPEATS)
            if numeric >= TABLE_NUMERIC_SHARE * len(stretch) and card_labels < CARD_LABEL_SHARE * len(labels):
                cells[i:j] = [True] * len(stretch)
    return cells


def mark_shattered_code(blocks: list[Block], reasons: list[str | None]) -> None:
    """A syntax-highlighted code sample that a scrape put one token per line ("export", "function",
    "(", "num:", "10);"): a long stretch of lines of a few words, many of them holding code punctuation."""
    for i, j in list(_stretches(blocks, reasons, lambda b: b.words <= CODE_TOKEN_WORDS)):
        stretch = blocks[i:j]
        if (len(stretch) >= CODE_MIN_TOKENS and sum(b.words == 0 for b in stretch) >= CODE_MIN_BARE_SYMBOLS
                and sum(_CODE_MARKS.search(b.text) is not None for b in stretch) >= CODE_SYMBOL_SHARE * len(stretch)):
            reasons[i:j] = ["code"] * len(stretch)


def _stretches(blocks: list[Block], reasons: list[str | None], fits: Callable[[Block], bool]) -> Iterator[tuple[int, int]]:
    """The maximal runs [i, j) of blocks that no cue has labelled and that ``fits`` accepts."""
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and reasons[j] is None and fits(blocks[j]):
            j += 1
        if j > i:
            yield i, j
        i = j + 1


def _numeric_cell(block: Block) -> bool:
    """A value in a table: a figure ("$175,000", "37%"), a count or a quantity ("160g")."""
    return block.figure or block.words <= 4 and any(t[:1].isdigit() for t in block.tokens)
