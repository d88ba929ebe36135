"""What closes a page after the article, read from its last paragraphs (once the writers are known):
the writer's box ("Jane Doe is a freelance writer who covers ...", or her name alone on a line and a
few lines of bio under it), the tag list, and a "Sources" list of web addresses. Shared by the HTML and
the plain-text paths."""

from __future__ import annotations

import re

from ..model import Removed
from .cues import AUTHOR_BIO, SOURCES_HEADING, TAG_LIST
from .names import PERSON

MAX_CLOSING_BIOS = 3  # an author box runs to a few paragraphs at most
AUTHOR_BOX_MAX_WORDS = 250  # more is an article
_TAG_LIST_WORDS = 30
_INTRODUCES_SOMEONE = re.compile(r"^[\w.'’ -]{2,40} (?:is|was) (?:an?|the) ")
_INTRODUCING_VERB = re.compile(r"(?:is|was|has|covers|writes|joined)\b")
_NAME_WORDS = 4
_HEADING_WORDS = 12
MIN_CITED_SOURCES = 2
WRITER_NOTE_WORDS = 60  # "Jane Doe is a former mayor of Springfield." closing an opinion piece
# "Follow Jane Doe on Twitter @jdoe", "Follow Example Times reporter Jane Doe on X: @jdoe"
_FOLLOW_WRITER = re.compile(
    rf"^[\"“]?Follow (?:(?:[A-Z][\w.&'’]*\s+){{0,3}}(?:reporter|writer|columnist|correspondent|editor)\s+)?"
    rf"(?P<name>{PERSON}) on (?:Twitter|X|Instagram|Facebook|Threads|Bluesky|Mastodon)\b"
)
# "Jane Doe is ...", "Jane Doe, a former adviser to the mayor, is ..."
# (a past between commas only before a present "is", in a line that quotes no one: "Jane Doe, a spokeswoman for
# the ministry, was more blunt. “...”" closes a news story)
_NOTE_OPENING = re.compile(rf"^(?P<name>{PERSON})(?: (?:is|was)|, [^;:“”\"]{{3,200}}?, is) (?!.*[“”\"])")
_CITES_ADDRESS = re.compile(r"https?://|\bwww\.\w")


def closing_furniture(paragraphs: list[str], authors: list[str]) -> tuple[int, list[Removed]]:
    """Where the page's tail begins among ``paragraphs`` (their number when it holds none), and what
    the tail holds; the first paragraph always stays."""
    end = _source_list(paragraphs)
    removed = [Removed(text=text, reason="sources") for text in paragraphs[end:]]
    box = _named_author_box(paragraphs[:end], authors)
    removed[:0] = [Removed(text=text, reason="author_bio") for text in paragraphs[box:end]]
    end = box
    bios = 0
    while end > 1:
        text = paragraphs[end - 1]
        if TAG_LIST.match(text) and len(text.split()) <= _TAG_LIST_WORDS:
            reason = "tags"
        elif bios < MAX_CLOSING_BIOS and _author_bio(text, authors):
            reason, bios = "author_bio", bios + 1
        else:
            break
        removed.insert(0, Removed(text=text, reason=reason))
        end -= 1
    return end, removed


def closing_writer(paragraphs: list[str], cut_below: list[str] = ()) -> list[str]:
    """The writer an article names in its closing lines when no byline does: "Follow Jane Doe on Twitter
    @jdoe" (among its last paragraphs or the lines ``cut_below`` the body's start), or an opinion piece's
    note on its writer, "Jane Doe(, a former adviser,) is a former mayor of Springfield." (a name the
    article mentions nowhere else: a news story's closing line about someone it quoted names them
    earlier)."""
    for text in [*reversed(paragraphs[-2:]), *cut_below]:
        follow = _FOLLOW_WRITER.match(text.strip())
        if follow:
            return [follow["name"]]
    last = paragraphs[-1].strip() if len(paragraphs) > 1 else ""
    note = _NOTE_OPENING.match(last)
    if note and len(last.split()) <= WRITER_NOTE_WORDS:
        surname = note["name"].split()[-1]
        if not any(surname in text for text in paragraphs[:-1]):
            return [note["name"]]
    return []


def _source_list(paragraphs: list[str]) -> int:
    """Where a closing list of sources begins: a "Sources" heading over entries that cite web addresses
    ("https://...", "Example Health. "Title." https://... Accessed 11 Apr. 2025."), one line of editorial
    note allowed among them; else the paragraphs' number. Named people or books under the heading may be
    the article's own."""
    uncited = 0
    for index in range(len(paragraphs) - 1, 0, -1):
        text = paragraphs[index].strip()
        if SOURCES_HEADING.match(text):
            cited = len(paragraphs) - 1 - index - uncited
            return index if cited >= MIN_CITED_SOURCES else len(paragraphs)
        if not _CITES_ADDRESS.search(text):
            uncited += 1
            if uncited > 1:
                break
    return len(paragraphs)


def _named_author_box(paragraphs: list[str], authors: list[str]) -> int:
    """Where an author box headed by the writer's name alone on its line begins near the end of the
    page ("Jane Doe", "Senior Editor", a line of bio, "View author page"), or by a name the next line
    introduces ("Jane Doe" over "Jane Doe is Trending Editor at ..."), or by an "About the author"
    heading the scrape ran into the name; else the paragraphs' number."""
    names = {" ".join(name.split()).casefold() for name in authors if name.strip()}
    for index in range(len(paragraphs) - 1, max(1, len(paragraphs) - MAX_CLOSING_BIOS - 1) - 1, -1):
        line = paragraphs[index].strip()
        if line.casefold() in names or _introduced_below(line, paragraphs[index + 1 : index + 2]) or (
                len(line.split()) <= _HEADING_WORDS and line.casefold().startswith("about the author")):
            if sum(len(text.split()) for text in paragraphs[index:]) <= AUTHOR_BOX_MAX_WORDS:
                return index
            break
    return len(paragraphs)


def _introduced_below(line: str, below: list[str]) -> bool:
    """A name alone on its line, and the next paragraph introducing that name ("Jane Doe is ...")."""
    words = line.split()
    return (2 <= len(words) <= _NAME_WORDS and all(w[:1].isupper() for w in words) and bool(below)
            and below[0].startswith(line + " ") and bool(_INTRODUCING_VERB.match(below[0][len(line) + 1:])))


def _author_bio(text: str, authors: list[str]) -> bool:
    """A paragraph introducing a writer: cues' general shape, or "<the byline's name> is a/the ..."
    ("Jane Doe is the health editor ...", "Jane is a freelance writer ...")."""
    if AUTHOR_BIO.match(text) or _FOLLOW_WRITER.match(text.strip()):
        return True
    if any(text.startswith((f"{name} is ", f"{name} was ")) for name in authors if len(name.split()) >= 2):
        return True  # a note on the writer: "Jane Doe is director of debate at ..."
    note = _NOTE_OPENING.match(text)
    if note and note["name"] in authors and len(note["name"].split()) >= 2:
        return True  # ..."Jane Doe, a former adviser to the mayor, is director of ..."
    if not _INTRODUCES_SOMEONE.match(text):
        return False
    for name in authors:
        words = name.split()
        if words and (text.startswith(" ".join(words)) or text.startswith((f"{words[0]} is ", f"{words[0]} was "))):
            return True
    return False
