"""What a reader sees on a page: its text (as one run, or one line per block) and the byline and dates
shown around its headline; and how a page writes a date out ("March 5, 2024", "05.03.2024"), which
the structured metadata readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from lxml import etree
from lxml.html import HtmlElement

from .names import PERSON, split_authors, unglued

_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_BYLINE_TEXT = re.compile(
    r"(?:\bBy|\bBY|\bWritten by|\bArticle by|\bAuthor):?\s+"
    r"(?P<name>" + PERSON + r"(?:(?:\s*,\s*" + PERSON + r"){0,2}(?:,?\s+and\s+|\s*&\s*)" + PERSON + r")?)"
    r"(?P<suffix>\s*,\s*[A-Z]{2,4}\b\.?)?(?!\s*[A-Z]{2,}\b)"
)
_BYLINE_BEFORE, _BYLINE_AFTER, _BYLINE_NO_HEADLINE = 300, 1500, 3000
_DATE_BEFORE, _DATE_AFTER = 300, 800  # where a page shows its date: just above or under the headline
_MONTH_NUMBER = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# a date the page runs into the words around it is still one: "by Jane DoeNovember 20, 2007", "March 1,
# 2016March 8, 2016", "December 15, 20163:33 PM" (a capital glued to a lower-case letter or a year, a year
# glued to the next word or to the time)
_GLUED_BEFORE = r"(?:\b|(?<=[a-z0-9])(?-i:(?=[A-Z])))"
WRITTEN_DATE = re.compile(
    _GLUED_BEFORE + r"(?:(?P<m1>" + _MONTH + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(?P<m2>" + _MONTH + r")(?:,?\s+|-)(?P<y2>\d{4}))"
    r"(?:\b|(?-i:(?=[A-Z]))|(?=\d{1,2}:\d\d))",
    re.IGNORECASE,
)
# "2024-03-05", "03/05/2024", "05.03.2024": only with a four-digit year ("3/5/24" is too often not a date),
# unless the time follows ("12/20/16 08:00 AM")
NUMERIC_DATE = re.compile(
    r"\b(?:(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)|"
    r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<yy>(?:19|20)\d\d)|"
    r"(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<y2>\d\d)(?=,?\s+\d{1,2}:\d\d))\b"
)
# the words that make a shown date a revision date rather than the article's own
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|reviewed|revised|edited)\b[\s:|,-]*(?:on|at)?[\s:|,-]*$", re.I)
_LABEL_CHARS = 40
# a date that closes a sentence ("... on Jan. 23, 2016. Next") or runs on into one (", with ...")
_SENTENCE_GOES_ON = re.compile(r"\.(?:\s|$)|,\s+[a-z]")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_DATE_LABEL_WORDS = frozenset("on at by in published posted updated modified last first date dated".split())
_WORDS_BEFORE, _PROSE_WORDS = 12, 2
DATELINE_REACH = 400  # a byline's date sits this close to the headline; farther ones may be the lede's


_HIDDEN_TAGS = frozenset({"script", "style", "noscript"})
# elements a browser sets on lines of their own: where a plain-text scrape of the page breaks its lines
_LINE_TAGS = frozenset("""address article aside blockquote body br caption dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr
ul button option label""".split())
_ONE_LINE = str.maketrans("\n\r\f\v\u2028\u2029", "      ")  # a line break in the source is only whitespace


@dataclass
class ShownDate:
    """A date written on the page near the headline: where it sits and whether it is labelled a revision."""

    iso: str
    offset: int  # characters after the end of the headline; negative: before its start
    updated: bool = False


def visible_lines(tree: HtmlElement) -> str:
    """The page's readable text as a plain-text scrape gives it: one line per block (paragraph, heading,
    list entry, table cell), whitespace inside a line collapsed."""
    body = tree.find("body")
    if body is None:
        return ""
    text = "".join("\n" if piece is None else piece.translate(_ONE_LINE) for piece in _pieces(body, _LINE_TAGS))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def visible_text(tree: HtmlElement) -> str:
    """The page's readable text (script, style and noscript left out), whitespace collapsed, a space
    between any two text nodes."""
    body = tree.find("body")
    if body is None:
        return ""
    return " ".join(" ".join(_pieces(body)).split())


def _pieces(body: HtmlElement, line_tags: frozenset[str] = frozenset()) -> Iterator[str | None]:
    """The text nodes under ``body`` in reading order, and None where an element of ``line_tags`` opens or
    closes. One walk that skips the hidden subtrees: half the time of an XPath that tests every text
    node's ancestors."""
    walk = etree.iterwalk(body, events=("start", "end", "comment", "pi"))
    for event, element in walk:
        if event == "start":
            if element.tag in _HIDDEN_TAGS:
                walk.skip_subtree()
                continue
            if element.tag in line_tags:
                yield None
            if element.text:
                yield element.text
            continue
        if event == "end" and element.tag in line_tags:
            yield None
        if element.tail and element is not body:  # after an element, a comment, an instruction
            yield element.tail


def visible_byline(text: str, headline: str | None) -> list[str]:
    """The name in a "By Jane Doe" line shown around the headline (where bylines sit), not in the headline
    itself ("Schoolgirls Freed By Rebel Group Return Home"); a name ends with its line ("By Topic" over a
    menu's next item is no name)."""
    at = text.find(headline) if headline else -1
    start = max(0, at - _BYLINE_BEFORE) if at >= 0 else 0
    window = text[start : at + _BYLINE_AFTER] if at >= 0 else text[:_BYLINE_NO_HEADLINE]
    inside = range(at - start, at - start + len(headline)) if at >= 0 and headline else range(0)
    match = next((m for m in _BYLINE_TEXT.finditer(window) if m.start() not in inside and "\n" not in m["name"]
                  and not any(len(word) > 2 and word.isupper() for word in m["name"].split())), None)
    if not match:
        return []  # none, or only shouted labels ("BY USE CASE"), not names
    names = split_authors(unglued(match["name"]))
    names[-1] += match["suffix"] or ""
    return names


def shown_dates(text: str, headline: str | None, day_first: bool = False) -> list[ShownDate]:
    """Every date written out just above or under the headline, in words ("March 5, 2024") or digits
    ("03/05/2024"; ``day_first`` decides an ambiguous one), each with its place and "Updated" label."""
    at = text.find(headline) if headline else -1
    start = max(0, at - _DATE_BEFORE) if at >= 0 else 0
    window = text[start : at + _DATE_AFTER] if at >= 0 else text[:_DATE_AFTER]
    top, bottom = (at, at + len(headline)) if at >= 0 and headline else (0, 0)
    found = []
    for match in [*WRITTEN_DATE.finditer(window), *NUMERIC_DATE.finditer(window)]:
        iso = date_from_words(match) if match.re is WRITTEN_DATE else date_from_digits(match, day_first)
        place = start + match.start()
        if not iso or _in_prose(window, match, bottom - start if place >= bottom > 0 else 0):
            continue  # under the headline, its sentence starts no higher than the headline's end
        offset = place - top if place < top else max(0, place - bottom)
        label = window[max(0, match.start() - _LABEL_CHARS) : match.start()]
        found.append(ShownDate(iso, offset, bool(_UPDATED_LABEL.search(label))))
    return sorted(found, key=lambda d: d.offset)


def _in_prose(window: str, match: re.Match, floor: int) -> bool:
    """A date inside running prose rather than set beside a byline: a photo caption's "... speaks at a
    rally in Springfield, Ill., on Jan. 23, 2016.", a deadline in the body ("... is January 6, 2017,
    with ..."). The sentence goes on or ends right after it, and the words before it (back to the
    headline where the date is under it) hold lower-case ones other than a date's label."""
    if not _SENTENCE_GOES_ON.match(window, match.end()):
        return False
    before = window[floor : match.start()].split()[-_WORDS_BEFORE:]
    return sum(word not in _DATE_LABEL_WORDS for word in _LOWER_WORD.findall(" ".join(before))) >= _PROSE_WORDS


def byline_date(dates: list[ShownDate], reach: int | None = None) -> str | None:
    """The article's own shown date: the one nearest the headline, above or under it (a dateline,
    a byline), that is not labelled "Updated"; farther ones belong to captions and sidebars.
    With ``reach``, only a date that many characters from the headline or closer counts."""
    plain = [d for d in dates if not d.updated and (reach is None or abs(d.offset) <= reach)]
    return min(plain, key=lambda d: abs(d.offset)).iso if plain else None


def shown_date(text: str, headline: str | None, day_first: bool = False, updated: bool = False) -> str | None:
    """The article's date as written around the headline (``YYYY-MM-DD``); see ``byline_date``. With
    ``updated``, an "Updated ..." date nearest the headline stands in when no other is shown."""
    dates = shown_dates(text, headline, day_first)
    return byline_date(dates) or (next((d.iso for d in dates if d.updated), None) if updated else None)


def date_from_words(match: re.Match) -> str | None:
    month = match["m1"] or match["m2"]
    return real_date(match["y1"] or match["y2"], _MONTH_NUMBER[month[:3].lower()], match["d1"] or match["d2"])


def date_from_digits(match: re.Match, day_first: bool) -> str | None:
    if match["y"]:
        return real_date(match["y"], match["mo"], match["d"])
    if match["y2"]:
        first, second, year = int(match["a2"]), int(match["b2"]), 2000 + int(match["y2"])
    else:
        first, second, year = int(match["a"]), int(match["b"]), int(match["yy"])
    if first > 12 or (day_first and second <= 12):
        first, second = second, first
    return real_date(year, first, second)


def real_date(year: Any, month: Any, day: Any) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def written_forms(iso: str) -> set[str]:
    """How a page may write the day ``iso``: "2025-03-05", "March 5, 2025", "5 Mar 2025", "03/05/2025"..."""
    day = date.fromisoformat(iso)
    month, short = day.strftime("%B").lower(), day.strftime("%b").lower()
    d, m, y = day.day, day.month, day.year
    return {iso, f"{y}/{m:02d}/{d:02d}", f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{d:02d}.{m:02d}.{y}",
            f"{month} {d}, {y}", f"{month} {d:02d}, {y}", f"{short} {d}, {y}", f"{short}. {d}, {y}",
            f"{short} {d:02d}, {y}", f"{d} {month} {y}", f"{d:02d} {month} {y}", f"{d} {short} {y}"}
