"""Who wrote a plain-text scrape: the credit lines printed around its headline, read in the shapes pages
give them, and the one that belongs to the article chosen among the many a page shows.

A page prints credits for its own article and for everything around it: "By Region" in a menu, "By
Jane Doe" on each teaser card, the writer's box at the foot. The article's credit stands between its
headline and its body, so that one is taken: a labelled credit ("By ...", "Written by ...") before a
bare name over a date, and one under the page's foot only when none stands above the body.
"""

from __future__ import annotations

import re

from ..model import Removed
from .cues import ANY_DATE, BY_LINE, CONTRIBUTORS, NAMES_LINE, PAREN_BYLINE, REPORTING_BY
from .metadata import split_names
from .names import CREDENTIAL, CREDIT_LABEL, MONTH_WORDS, PERSON, ROLE_NOUNS, tidied, without_job_titles

MAX_CREDIT_WORDS = 30  # a longer line is prose, or a menu, not a credit
# where a credit line's pieces part: "By Jane Doe | March 5, 2024 | 4 min read", "Jane Doe · Updated ..."
_MONTH = r"(?:" + "|".join(MONTH_WORDS) + r")"
_PIECES = re.compile(r"\s+[-–—]\s+|\s*[|•·●⋅—–]\s*")
# a label glued to the word after it: "ByJane Doe UpdatedMarch 5, 2024", "Updated onMarch 5"
_GLUED_LABEL = re.compile(r"\b(By|Updated|Published|Posted|on)(?=[A-Z])")
# a credential after a name: "MD", "PhD" (not the month of a date: "Jane Doe, Dec 17, 2025")
_CREDENTIAL = r"(?!(?i:" + _MONTH + r")\b)[A-Z][A-Za-z]{1,3}\.?(?![\w'’-])(?!\s*\d)"
_PEOPLE = (rf"(?P<names>{PERSON}(?:\s*,\s*(?:{PERSON}|{_CREDENTIAL}))*"
           rf"(?:(?:,?\s+and\s+|\s*&\s*){PERSON}(?:\s*,\s*{_CREDENTIAL})*)?)")
# what may follow the names in a credit: nothing, a role after a comma, a date, "on"/"in" a date or section
_AFTER_NAMES = rf"(?=\s*$|\s*,|\s+(?i:on|in|at|for|of|updated|published|posted|last)\b|\s+{ANY_DATE}|\s*\d)"
_WRITING_LABEL = r"(?i:(?:written|reported|posted|story|article|words|text|authored|compiled)\s+by|by|authors?)"
# "By Jane Doe", "Written by: Jane Doe and John Roe", "Last updated March 5, 2024 by Jane Doe"
_LABELLED = re.compile(
    rf"^(?:(?i:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?):?\s*{ANY_DATE},?\s+)?"
    rf"{_WRITING_LABEL}(?:\s*:\s*|\s+){_PEOPLE}{_AFTER_NAMES}"
)
# "Jane Doe | March 5, 2024", "Jane Doe May 18, 2016", "Jane Doe - Published on March 5, 2024"
_NAME_BY_DATE = re.compile(
    rf"^{_PEOPLE}\s*(?:[|•·●⋅,–—-]\s*)?(?i:(?:(?:last\s+)?(?:updated|published|posted)\s*(?:on)?:?\s*)|on\s+)?{ANY_DATE}"
)
_LIST_PARTS = re.compile(r"\s*,\s*|,?\s+and\s+|\s*&\s*")


def credited_names(line: str) -> list[str]:
    """The people a labelled credit line names ("By Jane Doe, Senior Editor | March 5, 2024" -> Jane Doe);
    none when the line is no writing credit ("Reviewed by ...", "By the time ...")."""
    if len(line.split()) > MAX_CREDIT_WORDS:
        return []
    for piece in _PIECES.split(_GLUED_LABEL.sub(r"\1 ", line)):
        match = _LABELLED.match(piece.lstrip("0123456789 "))
        if match:
            return people_in(match["names"])
    return []


def dated_names(line: str) -> list[str]:
    """The people a line names beside the date, with no label: "Jane Doe | March 5, 2024"."""
    if len(line.split()) > MAX_CREDIT_WORDS or not any(c.isdigit() for c in line):
        return []
    match = _NAME_BY_DATE.match(_GLUED_LABEL.sub(r"\1 ", line.strip()))
    return people_in(match["names"]) if match else []


def people_in(names: str) -> list[str]:
    """"Jane Doe, MD, John Roe and Jo Bloggs" -> one entry per person, a credential kept with its name; a
    job title after a comma ends the list, taking any affiliation after it ("Jane Doe, Associate Editor,
    Some Outlet" -> Jane Doe)."""
    people: list[str] = []
    for part in _LIST_PARTS.split(names.strip()):
        words = part.split()
        if not words:
            continue
        if any(w.lower() in ROLE_NOUNS for w in words):
            break
        if people and CREDENTIAL.match(part):
            people[-1] = f"{people[-1]}, {part}"
        elif len(words) >= 2:
            people.append(part)
    return without_job_titles(tidied(people)) if people else []


def article_authors(removed: list[Removed], head: int) -> list[str]:
    """The writers of the article: its credit nearest under the headline, then every contributor line.

    Looked for in this order: a labelled credit under the headline, above the body (``head`` is how many
    removed items stand above it); a bare name set beside a date there; a labelled credit a little way
    into the page (a standfirst taken for the body stands over it); one above the headline; a bare
    name there."""
    title_at = next((i for i, item in enumerate(removed[:head]) if item.reason == "title"), None)
    labelled, unlabelled = [], []
    for i, item in enumerate(removed):
        if item.reason in ("title", "contributor_line"):
            continue
        names = _labelled_names(item)
        if names:
            labelled.append((i, names))
        elif i < head and (names := _unlabelled_names(item)):
            unlabelled.append((i, names))
    under = -1 if title_at is None else title_at  # with no headline found, the head's last credit is nearest
    choices = (
        [names for i, names in labelled if under < i < head][:1] if title_at is not None else
        [names for i, names in labelled if i < head][-1:],
        [names for i, names in unlabelled if under < i < head][:1] if title_at is not None else
        [names for i, names in unlabelled][-1:],
        [names for i, names in labelled if i >= head][:1],
        [names for i, names in labelled if i < under][-1:],
        [names for i, names in unlabelled if i < under][-1:],
    )
    authors = next((found[0] for found in choices if found), [])
    for item in removed:
        if item.reason == "contributor_line":
            match = CONTRIBUTORS.match(item.text.strip()) or REPORTING_BY.match(item.text.strip())
            if match:
                authors = authors + [n for n in people_in(match["names"]) if n not in authors]
    return list(dict.fromkeys(authors))


def _labelled_names(item: Removed) -> list[str]:
    text = item.text.strip()
    if item.reason == "byline" and (paren := PAREN_BYLINE.match(text + " ")):
        return [paren["name"]]
    lowered = text.lower()
    if "by" not in lowered and "author" not in lowered:
        return []
    names = credited_names(text)
    if not names and item.reason == "byline" and (match := BY_LINE.match(text)):
        names = split_names(match["names"])  # a one-word or team credit the segmenter read: "By Staff"
    return names


def _unlabelled_names(item: Removed) -> list[str]:
    text = item.text.strip()
    if CREDIT_LABEL.match(text):
        return []  # a credit the labelled reading could not take ("Written By Somebody") is no bare name
    if item.reason == "byline" and NAMES_LINE.fullmatch(text):
        return people_in(text)  # a name the segmenter found set over its date
    return dated_names(text)
