"""The boilerplate segmenter: which blocks of a plain-text scrape are the article body.

Four passes over the blocks:

1. content cues (cues.py) label furniture: share widgets, banners, captions, credits, bylines,
   contributor lines, embedded posts, related-links headings; header lines, "(Name, Outlet)"
   bylines and datelines are peeled off the head of a block;
2. a related-links heading (or a table of contents) opens a zone of teasers (title-like lines,
   lines ending in "…"), and short lines repeated across the page are navigation, unless they are
   cells of a table flattened one cell per line (a long stretch of short lines, many of them numbers);
   a code sample shattered one token per line is set aside without splitting the article (shapes.py);
3. the body is the contiguous run of blocks with the best score, prose counting for and furniture
   against it (a maximum-sum segment), so menus, footers and sidebars around it fall away (captions
   and embedded posts cost little: they stand inside articles); a short sentence opening the article
   joins the run; a second run nearly as strong joins it (an article split by a gallery or a large
   advert);
4. the run is cut where the page's tail begins (comments, an "About the author" heading, tags,
   sources, or a teaser list once nearly all of the article has gone by); a paragraph shown twice
   is kept once. The headline is the title-shaped line before the body whose words the body is
   about (headline.py). The writer's box closing the body is read afterwards (page_tail.py), once the
   byline has named the writer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Embed, Removed
from .blocks import STOPWORDS, Block, function_words, measure, split_blocks
from .bylines import credited_names, dated_names, names_with_role, undated
from .cues import (BY_LINE, COMMENT_MARK, COMMENTS_HEADING, DATELINE, END_OF_ARTICLE, HEADER, NAMES_LINE, PAREN_BYLINE,
                   SECTION_END,
                   cue_reason)
from .embeds import parse_embed
from .headline import headline_index
from .shapes import mark_shattered_code, table_cells

TEASER_MAX_WORDS = 60
BYLINE_REACH = 12  # lines before the body where a name set over a date is the article's byline
HEADLINE_WORDS = 25
CREDIT_LINE_WORDS = 20  # a credit line with its date, reading time and comment count
DATED_NAME_WORDS = 12  # a name beside its date, with a reading time
MIN_NAME_WORDS = 2  # a byline's bare name: "Jane Doe" (a single word is as likely a section's name)
IN_BODY_FURNITURE = frozenset({"caption", "credit", "social_embed"})
MIN_DUPLICATE_WORDS = 9  # a body paragraph this long that repeats word for word is shown twice, not said twice
ZONE_HEADINGS = {"related_heading": "related_links", "toc_heading": "navigation"}  # heading -> its list
MIN_BODY_WORDS_BEFORE_END = 50  # an "end of article" marker only counts once some body has gone by
SECOND_RUN_SHARE = 0.5  # a second run joins the body when it scores at least this share of the first
MIN_TEASER_LIST = 3  # lines of a related-links zone in a row that show the article has ended
TEASER_END_SHARE = 0.25  # ...once what prose is left in the run is under this share of what went by
ABOVE_BYLINE_PROSE_WORDS = 60  # prose in a row above the byline this long is the article's, not a caption's


@dataclass
class Segmentation:
    body: list[str]
    removed: list[Removed] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)
    title: str | None = None
    head: int = 0  # how many of ``removed`` stand above the body's first paragraph (headline, byline, menus)
    lead: int = 0  # ...and above its second (a byline under a standfirst the body begins with)


def _peel_head(block: Block, words: frozenset[str]) -> tuple[list[Removed], Block]:
    """Cut header lines ("date 2025-02-14") and "(Name, Outlet)" bylines off the head of a block."""
    peeled: list[Removed] = []
    text = block.text
    while True:
        header = HEADER.match(text)
        if header and header.end() > 0 and header.group(0).strip():
            if header.group("bare") and header.end() < len(text):
                break  # a bare date only counts as a header when it is the whole block
            peeled.append(Removed(text=header.group(0).strip(), reason="header"))
            text = text[header.end():]
            continue
        byline = PAREN_BYLINE.match(text) if text.startswith("(") else None
        if byline:
            peeled.append(Removed(text=byline.group(0).strip(), reason="byline"))
            text = text[byline.end():]
            continue
        break
    if not peeled:
        return peeled, block
    return peeled, measure(text, block.blank_before, words)


def _block_score(block: Block, reason: str | None, repeated: bool) -> float:
    """How much a block argues for being inside the body run (positive) or outside it."""
    if reason == "code":
        return 0.0  # a code sample the scrape shattered token by token stands inside the article
    if reason in IN_BODY_FURNITURE:
        return -2.0  # photos, their captions and embedded posts stand inside the article as often as beside it
    if reason:
        return -(3.0 + block.words)
    if repeated:
        return -5.0
    if block.figure:
        return 0.0  # numbers in a table are neither body prose nor page furniture
    if block.prose:
        return float(block.words)
    if block.title_like:
        return -1.0
    if block.words >= 12 and block.stop_ratio >= 0.25:
        return block.words * 0.5
    return -2.0


def _end_of_article(blocks: list[Block], reasons: list[str | None], start: int, end: int) -> tuple[int, str]:
    """Where comments, the author box or the tag list begin inside the chosen run, and which it is
    (``end`` if nowhere)."""
    marks_left = sum(1 for i in range(start, end) if reasons[i] == "comment" or _timestamp(blocks[i]))
    body_words = 0
    run_words = sum(b.words for b, r in zip(blocks[start:end], reasons[start:end]) if r is None and b.prose)
    enough = max(MIN_BODY_WORDS_BEFORE_END, 0.2 * run_words)
    for i in range(start, end):
        block = blocks[i]
        is_mark = reasons[i] == "comment" or _timestamp(block)
        if (body_words >= MIN_BODY_WORDS_BEFORE_END and marks_left >= 2 and block.words <= 6
                and COMMENTS_HEADING.match(block.text)):
            return i, "end_matter"  # however long the thread: readers can outwrite the article
        if body_words >= enough:
            words_left = run_words - body_words
            if _end_heading(block, reasons[i]) and not (SECTION_END.match(block.text) and words_left > body_words):
                return i, "end_matter"  # "Notes" with most of the article still to come titles a section
            if is_mark and marks_left >= 2:
                return i, "comments"
            if words_left < TEASER_END_SHARE * body_words and _teaser_list(reasons, i, i + MIN_TEASER_LIST):
                return i, "end_matter"
        marks_left -= is_mark
        if reasons[i] is None and block.prose:
            body_words += block.words
    return end, "end_matter"


def _end_heading(block: Block, reason: str | None) -> bool:
    return block.words <= 12 and reason in (None, "header") and bool(END_OF_ARTICLE.match(block.text))


def _timestamp(block: Block) -> bool:
    return block.words <= 10 and ":" in block.text and bool(COMMENT_MARK.match(block.text))


def _second_run(scores: list[float], start: int, end: int) -> tuple[int, int] | None:
    """Another strong run beside the main one: an article split by a large advert or gallery."""
    main = sum(scores[start:end])
    best = None
    for lo, hi in ((0, start), (end, len(scores))):
        a, b = _best_run(scores[lo:hi])
        total = sum(scores[lo + a: lo + b])
        if b > a and total >= SECOND_RUN_SHARE * main and (best is None or total > best[2]):
            best = (lo + a, lo + b, total)
    return best[:2] if best else None


def _tail_begins(blocks: list[Block], reasons: list[str | None], start: int, end: int) -> bool:
    """Comments or an end-of-article heading somewhere in blocks[start:end]."""
    return any(reasons[i] == "comment" or _timestamp(blocks[i])
               or blocks[i].words <= 12 and END_OF_ARTICLE.match(blocks[i].text) for i in range(start, end))


def _teaser_list(reasons: list[str | None], start: int, end: int) -> bool:
    """A related-links zone (its heading and teasers, several lines in a row) in reasons[start:end]."""
    streak = 0
    for i in range(start, min(end, len(reasons))):
        # a heading inside the list counts too: "More stories" over "Other Columns" over teasers
        streak = streak + 1 if reasons[i] in ("related_links", "related_heading") else 0
        if streak >= MIN_TEASER_LIST:
            return True
    return False


def _best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run [start, end) with the highest total score (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _mark_related_zones(blocks: list[Block], reasons: list[str | None]) -> None:
    """A related-links heading and the teaser list after it; a title line followed by a teaser."""
    i = 0
    while i < len(blocks):
        zone = ZONE_HEADINGS.get(reasons[i] or "")
        if zone:
            reasons[i] = zone
            j = i + 1
            while j < len(blocks) and _teaser_like(blocks[j], reasons[j]):
                if zone == "navigation" and _heading_of_next(blocks, reasons, j):
                    break  # the contents list has ended where its first heading opens a paragraph
                reasons[j] = reasons[j] or zone
                j += 1
            i = j
            continue
        i += 1
    for i in range(len(blocks) - 1):
        nxt = blocks[i + 1]
        if reasons[i] is None and blocks[i].title_like and nxt.ellipsis and nxt.words <= TEASER_MAX_WORDS:
            reasons[i] = reasons[i + 1] = "related_links"


def _teaser_like(block: Block, reason: str | None) -> bool:
    if reason and reason not in ZONE_HEADINGS:
        return True
    if block.ellipsis and block.words <= TEASER_MAX_WORDS:
        return True
    return block.title_like or block.words <= 6


def segment(content: str) -> Segmentation:
    """Split a plain-text scrape into body paragraphs and labelled furniture."""
    blocks, peeled_at = _blocks_with_heads_peeled(content)
    known: dict[str, str | None] = {}  # menus repeat lines; judge each distinct line once
    for block in blocks:
        if block.text not in known:
            known[block.text] = cue_reason(block) or _credit_line(block)
    reasons = [known[block.text] for block in blocks]
    _mark_related_zones(blocks, reasons)
    mark_shattered_code(blocks, reasons)
    counts = Counter(b.text for b in blocks if b.words <= 8)
    cells = table_cells(blocks, reasons)
    repeated = [b.words <= 8 and counts[b.text] > 1 and not b.prose and not b.figure and not cell
                for b, cell in zip(blocks, cells)]
    in_run = _choose_body_runs(blocks, reasons, repeated, cells)

    result = Segmentation(body=[])
    def body_start() -> int | None:
        return next((i for i, ok in enumerate(in_run) if ok and reasons[i] is None and not repeated[i]), None)

    first_body = body_start()
    while first_body is not None and _shown_twice(blocks, first_body):
        in_run[first_body] = in_run[first_body + 1] = False  # the headline, printed twice (a crumb, then the title)
        first_body = body_start()
    headline_atop = None  # a headline the body run took in: over a dateline, or a Title Case first line
    if first_body is not None and _over_a_dateline(blocks, in_run, first_body):
        headline_atop = first_body  # the story opens under it, at its dateline
    elif first_body in (0, 1) and reasons[0] is None and _title_cased(blocks, in_run, 0):
        headline_atop = 0
    elif first_body is not None and _title_cased(blocks, in_run, first_body):
        headline_atop = first_body  # the run took in the headline over its standfirst
    if headline_atop is not None:
        in_run[headline_atop] = False
        first_body = body_start()
    title_at, outlet_at = _title_index(blocks, reasons, in_run, first_body)
    if title_at is None and headline_atop is not None:
        title_at = headline_atop
    if first_body is not None:
        _mark_dated_names(blocks, reasons, peeled_at, first_body)
    if first_body is not None:
        body = [b for b, r, ok, rep in zip(blocks, reasons, in_run, repeated) if ok and r is None and not rep]
        cued = [known[b.text] for b in blocks]  # a headline can stand inside what looks like a teaser list
        headline = headline_index(blocks, cued, first_body, body)
        if headline is not None and headline != title_at:
            title_at, outlet_at = headline, None
    kept: set[str] = set()
    for i, block in enumerate(blocks):
        result.removed.extend(peeled_at.get(i, []))
        reason = reasons[i]
        if reason == "social_embed":
            result.embeds.append(parse_embed(block.text))
        if i == title_at:
            result.title, reason = block.text, "title"
        elif i == outlet_at:
            reason = "outlet_line"
        elif reason is None and repeated[i] and not (in_run[i] and _heading_of_next(blocks, reasons, i)):
            reason = "navigation"
        elif reason is None and not in_run[i]:
            reason = "boilerplate"
        elif reason is None and block.words >= MIN_DUPLICATE_WORDS and block.text in kept:
            reason = "duplicate"  # a pull quote, a glossary pop-up or a sign-up box shown twice
        if reason:
            result.removed.append(Removed(text=block.text, reason=reason))
        else:
            kept.add(block.text)
            if i == first_body:
                result.head = len(result.removed)
            elif len(result.body) == 1:
                result.lead = len(result.removed)
            result.body.append(_peel_dateline(block.text, result.removed) if i == first_body else block.text)
    result.removed.extend(peeled_at.get(len(blocks), []))
    return result


def _mark_dated_names(blocks: list[Block], reasons: list[str | None], peeled_at: dict[int, list[Removed]],
                      first_body: int) -> None:
    """A byline the page set as the writer's name on a line and the date on the next ("Jane Doe" over
    "March 4, 2024") shortly before the body: the date line was peeled as a header, the name line is the
    byline. (Further off, a name over a date is a teaser card's or a comment's.)"""
    for i in range(max(0, first_body - BYLINE_REACH), first_body):
        block = blocks[i]
        dated = any(r.reason == "header" for r in peeled_at.get(i + 1, []))
        if dated and reasons[i] is None and _bare_name(block.text):
            reasons[i] = "byline"


def _shown_twice(blocks: list[Block], i: int) -> bool:
    """A headline-sized line the page prints twice in a row (a breadcrumb's last entry, then the title)."""
    return i + 1 < len(blocks) and blocks[i].words <= HEADLINE_WORDS and blocks[i].text == blocks[i + 1].text


def _credit_line(block: Block) -> str | None:
    """A writing credit in a shape the cue patterns leave to the byline reader: "ByJane Doe", "by Jane Doe |
    March 5, 2024 | 4 min read", "Posted on March 5, 2024 by Jane Doe", "Jane Doe • March 5, 2024 — 7 min
    read", "Jane Doe | Guest Columnist" (short, and no sentence: "Jane Doe on March 5, 2024 said ..." is one)."""
    if block.words > CREDIT_LINE_WORDS:
        return None
    if "by" in block.text.lower() and (credited_names(block.text) or BY_LINE.match(undated(block.text))):
        return "byline"  # ... or a team's credit after the date: "11/28/2016 11:00 AM PST BY EXAMPLE STAFF"
    if block.words <= DATED_NAME_WORDS and not block.terminal and (dated_names(block.text)
                                                                   or names_with_role(block.text)):
        return "byline"
    return None


def _bare_name(text: str) -> bool:
    """A line that is only a name or two; not one opening on a common word ("All Insights", a back link)."""
    words = text.split()
    return MIN_NAME_WORDS <= len(words) <= _NAME_LINE_WORDS and not any(c.isdigit() for c in text) \
        and words[0].lower() not in STOPWORDS and NAMES_LINE.fullmatch(text.strip()) is not None


def _blocks_with_heads_peeled(content: str) -> tuple[list[Block], dict[int, list[Removed]]]:
    blocks: list[Block] = []
    peeled_at: dict[int, list[Removed]] = {}  # what was cut off before block i
    blocks_as_split = split_blocks(content)
    words = function_words(blocks_as_split)
    if words is not STOPWORDS:
        blocks_as_split = split_blocks(content, words)
    for block in blocks_as_split:
        peeled, block = _peel_head(block, words)
        if peeled:
            peeled_at.setdefault(len(blocks), []).extend(peeled)
        if block.text.strip():
            blocks.append(block)
    return blocks, peeled_at


def _choose_body_runs(blocks: list[Block], reasons: list[str | None], repeated: list[bool],
                      cells: list[bool]) -> list[bool]:
    """Which blocks lie in the body: the best run, cut where the page's tail begins, plus a second
    run when the article is split in two; labels the tail (``end_matter``, ``comments``)."""
    scores = [0.0 if cell else _block_score(b, r, rep) for b, r, rep, cell in zip(blocks, reasons, repeated, cells)]
    start, end = _best_run(scores)
    start = _opened_by_byline(blocks, reasons, start, end)
    while start > 0 and reasons[start - 1] is None and not repeated[start - 1] and _lead_sentence(blocks[start - 1]):
        start -= 1
    cut, tail = _end_of_article(blocks, reasons, start, end)
    for i in range(cut, end):
        reasons[i] = reasons[i] or tail
    in_run = [start <= i < end for i in range(len(blocks))]
    extra = _second_run(scores, start, end)
    if extra and extra[0] >= end and (cut < end or _tail_begins(blocks, reasons, end, extra[1])):
        extra = None  # what follows the end of the article is not more article
    if extra:
        for i in range(*extra):
            in_run[i] = True
    return in_run


def _opened_by_byline(blocks: list[Block], reasons: list[str | None], start: int, end: int) -> int:
    """Where the article opens when the best run took in what stands above its byline: the first prose
    under the byline, when above it there is no stretch of prose as long as a few paragraphs and less
    prose than under it. What a page sets there is a photo's caption over its credit, a standfirst, or a
    menu whose entries carry a sentence each ("Physician Directory" over "Find a doctor in your area.").
    On the WCXB dev pages: 40 bodies better, 5 worse (a standfirst the gold keeps, 0.02 at most), 10
    headlines and 4 dates more. Keeping a prose line set right under a title-like one (a standfirst)
    kept captions too: half the gain. Else ``start``."""
    byline = next((i for i in range(start, end) if reasons[i] == "byline"), None)
    if byline is None or byline == start:
        return start
    prose = [blocks[i].words if blocks[i].prose and reasons[i] is None else 0 for i in range(start, byline)]
    stretch = longest = 0
    for words in prose:
        stretch = stretch + words if words else 0
        longest = max(longest, stretch)
    below = sum(blocks[i].words for i in range(byline, end) if blocks[i].prose and reasons[i] is None)
    if longest >= ABOVE_BYLINE_PROSE_WORDS or below <= sum(prose):
        return start
    return next(i for i in range(byline + 1, end) if blocks[i].prose and reasons[i] is None)


def _lead_sentence(block: Block) -> bool:
    """A sentence opening the article too short or too dense with names to count as prose ("The buses
    are coming back.", "(Example Wire) A bus crash Sunday in northern Utopia injured 12 commuters.")."""
    opening = block.text[:1]
    return (block.terminal and block.words >= 4 and block.stopwords >= 1 and not block.text.endswith("?")
            and (opening.isupper() or opening.isdigit() or opening in "\"“'‘("))


def _heading_of_next(blocks: list[Block], reasons: list[str | None], i: int) -> bool:
    """A short line that opens the paragraph after it (a table of contents repeats headings)."""
    nxt = i + 1
    return blocks[i].title_like and nxt < len(blocks) and reasons[nxt] is None and blocks[nxt].prose


def _over_a_dateline(blocks: list[Block], in_run: list[bool], i: int) -> bool:
    """A headline-sized line over the paragraph a dateline opens ("WASHINGTON (AP) — ..."): a wire story
    starts at its dateline, so the line above it is its headline even when it ends in a full stop."""
    if i + 1 >= len(blocks) or not in_run[i + 1] or blocks[i].words > HEADLINE_WORDS or "\n" in blocks[i].text:
        return False
    return _dateline(blocks[i + 1].text) is not None


def _title_cased(blocks: list[Block], in_run: list[bool], i: int) -> bool:
    """A line in Title Case over a paragraph of prose: a headline, even closed by a full stop as some dumps
    print it ("Council Votes to Expand the Bus Network."). A lede is written in sentence case."""
    if i + 1 >= len(blocks) or not in_run[i + 1] or not blocks[i + 1].prose:
        return False
    block = blocks[i]
    if not 3 <= block.words <= HEADLINE_WORDS or "\n" in block.text or not block.terminal:
        return False
    long_words = [token for token in block.tokens if len(token) > 3]
    return len(long_words) >= 3 and sum(token[0].isupper() for token in long_words) >= 0.75 * len(long_words)


def _dateline(text: str) -> re.Match[str] | None:
    """The dateline opening a paragraph, when it is one: a place in capitals, or with its region or agency."""
    dateline = DATELINE.match(text)
    if not dateline or dateline.end() >= len(text):
        return None
    if not (dateline.group("region") or dateline.group("agency") or dateline.group("place").isupper()):
        return None
    return dateline


def _peel_dateline(text: str, removed: list[Removed]) -> str:
    """"WASHINGTON (AP) — " / "Paris, France - " opening the first paragraph is metadata."""
    dateline = _dateline(text)
    if dateline is None:
        return text
    removed.append(Removed(text=dateline.group(0).strip(), reason="dateline"))
    return text[dateline.end():]


_NAME_LINE_WORDS = 5
_NAME_CONNECTORS = frozenset({"of", "the", "and", "&", "de", "for", "on"})


def _name_line(text: str) -> bool:
    """"The Port Ashby Ledger", "Tamsin County Courier": a short line of capitalised words naming an
    outlet, which a scrape often leaves between the headline (or its byline) and the body."""
    words = text.split()
    return (0 < len(words) <= _NAME_LINE_WORDS and not any(c.isdigit() for c in text)
            and text.rstrip()[-1:].isalpha()
            and all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words))


def _title_index(blocks: list[Block], reasons: list[str | None], in_run: list[bool],
                 first_body: int | None) -> tuple[int | None, int | None]:
    """A headline by position (used where headline.py finds none by topic, and for the outlet line): the
    nearest title-like line shortly before the body, with only furniture between; and the outlet's name
    line, when one sits between that headline and the body."""
    if first_body is None:
        return None, None
    found: list[int] = []
    for i in range(first_body - 1, max(-1, first_body - 7), -1):
        if reasons[i] is None and blocks[i].title_like and blocks[i].words >= 3:
            found.append(i)
            if not _name_line(blocks[i].text) or len(found) == 2:
                break
        elif reasons[i] is None and in_run[i]:
            break
    if len(found) == 2 and not _name_line(blocks[found[1]].text):
        return found[1], found[0]  # the headline above, the outlet's name under it
    return (found[0] if found else None), None
