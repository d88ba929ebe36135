"""The same quotation in several outlets: one row, each outlet's wording, and what differs.

Quotations (direct ones of MIN_QUOTE_WORDS words or more, and partial ones of MIN_PARTIAL_WORDS or
more) from different articles are one quotation when one is, word for word or nearly
(``QUOTE_SIMILARITY``), inside the other. The longest wording is the reference; every other wording
is compared with the stretch of the reference it renders, word by word (``difflib``): words it
cuts, words it adds, words it changes. Who each outlet credits is kept with its wording, so a row
shows when one outlet credits the mayor and another his spokeswoman with the same words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ..model import Quote

MIN_QUOTE_WORDS = 6  # shorter direct quotes are fragments, not facts of the story
MIN_PARTIAL_WORDS = 3
MIN_SHARED_CHARS = 15
QUOTE_SIMILARITY = 85  # rapidfuzz partial_ratio of two renderings of one quotation
PREFILTER_SHARE = 0.3  # words of the shorter rendering the longer must hold before the ratio is computed
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass
class QuoteRef:
    quote: Quote
    article_id: str
    outlet: str
    date: str | None
    speaker_name: str | None = None  # the speaker as the story knows them ("Ana Ruiz" for "Ruiz")

    @property
    def words(self) -> list[str]:
        return [w.casefold() for w in _WORD.findall(self.quote.text.translate(_MARKS))]


def quotable(q: Quote) -> bool:
    """Long enough to be a fact of the story rather than a fragment everyone uses."""
    n = len(_WORD.findall(q.text))
    if q.kind == "direct":
        return n >= MIN_QUOTE_WORDS
    return q.kind == "partial" and n >= MIN_PARTIAL_WORDS and len(q.text.strip()) >= MIN_SHARED_CHARS


@lru_cache(maxsize=65536)
def _normal(text: str) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text.translate(_MARKS)))


@lru_cache(maxsize=65536)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_normal(text).split())


def same_quotation(a: QuoteRef, b: QuoteRef) -> bool:
    if a.article_id == b.article_id:
        return False
    x, y = _normal(a.quote.text), _normal(b.quote.text)
    if not x or not y or min(len(x), len(y)) < MIN_SHARED_CHARS:
        return False
    wa, wb = _word_set(a.quote.text), _word_set(b.quote.text)
    if len(wa & wb) < PREFILTER_SHARE * min(len(wa), len(wb)):
        return False  # cheap bound: renderings close enough for the ratio below share most words
    return fuzz.partial_ratio(x, y) >= QUOTE_SIMILARITY


def quote_groups(refs: list[QuoteRef]) -> list[list[QuoteRef]]:
    """Quotations told by one or more articles (first match; the longest wording leads each group)."""
    groups: list[list[QuoteRef]] = []
    ordered = sorted(refs, key=lambda r: (-len(r.words), r.date or "9999", r.article_id, r.quote.start))
    for ref in ordered:
        for group in groups:
            if all(other.article_id != ref.article_id for other in group) and same_quotation(group[0], ref):
                group.append(ref)
                break
        else:
            groups.append([ref])
    return [sorted(g, key=lambda r: (r.date or "9999", r.article_id)) for g in groups]


def reference_of(group: list[QuoteRef]) -> QuoteRef:
    return max(group, key=lambda r: (len(r.words), r.quote.kind == "direct", -(ord(r.article_id[0]))))


def wording_changes(reference: list[str], wording: list[str]) -> list[dict]:
    """How a wording differs from the stretch of the reference it renders, word by word.

    Only the stretch between the first and last word they share is compared: a partial quotation
    leaving out the rest of a sentence cuts nothing, it quotes less.
    """
    matcher = difflib.SequenceMatcher(a=reference, b=wording, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return [{"op": "changed", "text": " ".join(wording), "instead_of": " ".join(reference)}]
    lo, hi = blocks[0].a, blocks[-1].a + blocks[-1].size
    matcher = difflib.SequenceMatcher(a=reference[lo:hi], b=wording, autojunk=False)
    changes = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "delete":
            changes.append({"op": "cut", "text": " ".join(reference[lo + a0:lo + a1])})
        elif op == "insert":
            changes.append({"op": "added", "text": " ".join(wording[b0:b1])})
        else:
            changes.append({"op": "changed", "text": " ".join(wording[b0:b1]),
                            "instead_of": " ".join(reference[lo + a0:lo + a1])})
    return changes


def quote_row_details(group: list[QuoteRef]) -> dict:
    """Each outlet's wording of one quotation, its changes against the reference, and its speaker."""
    reference = reference_of(group)
    wordings = []
    for r in group:
        q = r.quote
        changes = [] if r is reference else wording_changes(reference.words, r.words)
        wordings.append({
            "outlet": r.outlet, "article_id": r.article_id, "start": q.start, "end": q.end, "text": q.text,
            "kind": q.kind, "speaker": r.speaker_name or q.speaker, "speaker_entity_id": q.speaker_entity_id,
            "reference": r is reference, "changes": changes,
            "partial": r is not reference and len(r.words) < len(reference.words),
        })
    speakers = {_normal(r.speaker_name or r.quote.speaker or "") for r in group} - {""}
    return {"wordings": wordings, "speakers_differ": len(speakers) > 1,
            "worded_differently": any(w["changes"] for w in wordings)}
