"""Who wrote a plain-text scrape (or an HTML page whose markup names no writer, read line by line): the
credit lines printed around its headline, read in the shapes pages give them, and the one that belongs
to the article chosen among the many a page shows.

A page prints credits for its own article and for everything around it: "By Region" in a menu, "By
Jane Doe" on each teaser card, the writer's box at the foot. The article's credit stands between its
headline and its body, so that one is taken: a labelled credit ("By ...", "Written by ...") before a
bare name over a date, and one under the page's foot only when none stands above the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Removed
from .blocks import STOPWORDS
from .cues import ANY_DATE, BY_LINE, CONTRIBUTORS, DATELINE, NAMES_LINE, PAREN_BYLINE, REPORTING_BY
from .metadata import split_names
from .names import (CREDENTIAL, CREDIT_LABEL, GLUED_TAIL, MONTH_WORDS, PERSON, ROLE_NOUNS, ROLE_WORDS,
                    WEEKDAY_WORDS, as_printed_alone, name_words, tidied, unglued, without_job_titles, written_lower)
from .visible import shown_dates

MAX_CREDIT_WORDS = 30  # a longer line is prose, or a menu, not a credit
MAX_CREDIT_CHARS = 240
_NOT_CREDITS = ("title", "contributor_line")  # a contributor line adds its names whatever the byline says
_DIGIT = re.compile(r"\d")
_MONTH = r"(?:" + "|".join(MONTH_WORDS) + r")"
# where a credit line's pieces part: "By Jane Doe | March 5, 2024 | 4 min read", "Jane Doe · Updated ...",
# a standfirst's last sentence and the credit the scrape ran into it ("... Canada. By Jane Doe")
_PIECES = re.compile(r"\s+[-–—]\s+|\s*[|•·●⋅—–]\s*|(?<=[a-z][.!?])\s+(?=[Bb]y\s+[A-Z])")
# the writer's social handle printed after the name, glued or not ("by Jane Doe@janedoe"); an e-mail
# address ("jdoe@example.com") goes on with its domain and stays
_HANDLE = re.compile(r"\s*@\w{2,}(?![\w.@-])")
# a label glued to the word after it ("ByJane Doe UpdatedMarch 5, 2024", "Updated onMarch 5"), or a label or
# date glued to the name before it ("By Jane DoePublished: March 5, 2024", "Jane DoeNovember 5, 2024")
_GLUED_LABEL = re.compile(r"\b(By|Updated|Published|Posted|on)(?=[A-Z])|" + GLUED_TAIL)
# a credential after a name: "MD", "PhD" (not the month of a date: "Jane Doe, Dec 17, 2025")
_CREDENTIAL = r"(?!(?i:" + _MONTH + r")\b)[A-Z][A-Za-z]{1,3}\.?(?![\w'’-])(?!\s*\d)"
_PEOPLE = (rf"(?P<names>{PERSON}(?:\s*,\s*(?:{PERSON}|{_CREDENTIAL}))*"
           rf"(?:(?:,?\s+and\s+|\s*&\s*){PERSON}(?:\s*,\s*{_CREDENTIAL})*)?)")
# what may follow the names in a credit: nothing, a role after a comma, a date, "on"/"in" a date or section
_AFTER_NAMES = rf"(?=\s*$|\s*[,(]|\s+(?i:on|in|at|for|of|updated|published|posted|last)\b|\s+{ANY_DATE}|\s*\d)"
_WRITING_LABEL = (r"(?i:(?:this\s+(?:post|article|story|piece|guide)\s+was\s+)?"
                  r"(?:written|reported|posted|updated|story|article|words|text|authored|compiled)\s+by|by|authors?)")
# a date as a credit prints it: "January 17, 2017 at 6:08 PM ET", "Wednesday January 18, 2017 11:44 am PST",
# "February 22, 2019February 20, 2019" (updated, then first published)
_CLOCK = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?i:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?"
_DATED = rf"{ANY_DATE}(?:\s*{ANY_DATE})?{_CLOCK}"
_LEADING_DATE = re.compile(rf"^{_DATED},?\s*")
# "4 hours ago" beside a name: when the page was scraped, the credit's date
_AGO = r"\d{1,2}\s+(?i:minutes?|mins?|hours?|hrs?|days?)\s+ago\b"
# "By Jane Doe", "Written by: Jane Doe and John Roe", "Last updated March 5, 2024 by Jane Doe"
_LABELLED = re.compile(
    rf"^(?:(?i:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?:?\s*)?{_DATED},?\s+)?"
    rf"{_WRITING_LABEL}(?:\s*:\s*|\s+){_PEOPLE}{_AFTER_NAMES}"
)
# "Jane Doe | March 5, 2024", "Jane Doe May 18, 2016", "Jane Doe - Published on March 5, 2024",
# "Jane Doe | AFP | Updated: Oct 9, 2019" (the agency she files for between), "Jane Doe - 4 hours ago"
_NAME_BY_DATE = re.compile(
    rf"^{_PEOPLE}(?:\s*[|•·●⋅,]\s*[A-Z]{{2,5}})?\s*(?:[|•·●⋅,–—-]\s*)?"
    rf"(?i:(?:(?:last\s+)?(?:updated|published|posted)\s*(?:on)?:?\s*)|on\s+)?(?:{ANY_DATE}|{_AGO})"
)
# "March 5, 2024 • Jane Doe in Transport", "Dec 17, 2025Jane Doe" (the date before the name)
_DATE_BY_NAME = re.compile(
    rf"^{ANY_DATE}\s*(?:[|•·●⋅,–—-]\s*)?{_PEOPLE}(?=\s*$|\s+(?:in|on behalf of|for)\s)")
# a label on a line of its own over the names on the next: "Written by" / "Jane Doe"
_LABEL_LINE = re.compile(r"^(?i:(?:written|posted|article|story|words|reported)\s+by|authors?|author\(s\)|"
                         r"contributors?)\s*:?$")
_NAMES_UNDER_LABEL = 4  # "Author(s)" over one name a line
# "Jane Doe", "Jane Doe, Managing Editor", "Jane Doe, MS, RD"
_NAME_AND_ROLE = re.compile(rf"{PERSON}(?:,\s*[A-Z][\w.&' -]+){{0,3}}")
_PERSON_ALONE = re.compile(PERSON)
_AFTER_A_ROLE = frozenset({"in", "at", "of", "for", "with", "and"})  # "Editor at Example News", "Reporter, ..."
_NAME_AND_HANDLE = re.compile(rf"(?P<name>{PERSON})\s*[,|·•]?\s*@\w{{2,}}")
_NAME_LIST = re.compile(rf"{PERSON}(?:(?:\s*,\s*|,?\s+and\s+|\s*&\s*){PERSON})+")  # "Jane Doe and John Roe"
_GLUED_BY = re.compile(r"[a-z]By\b")
# what kind of piece it is, set over the date where a byline would stand
_CONTENT_KINDS = frozenset({"press release", "news release", "media release", "guest post", "sponsored content",
                            "partner content", "paid content", "case study", "white paper", "fact sheet",
                            "photo gallery", "news story", "feature story", "blog post", "op-ed"})
# an icon the page set before the credit, scraped as a symbol ("👤by Jane Doe", "✍ Jane Doe | March 5, 2024")
_ICON = re.compile(r"^[^\w\s\"“'‘(\[]+\s*")
_PIECE_MARK = re.compile(r"[|•·●⋅—–]|\s-\s")  # what _PIECES splits on, found fast
_ROLE_NOUN = re.compile(r"(?i)\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")s?\b")
_NAME_WORDS = 8
_ROLE_LINE_WORDS = 6  # "Co-founder of Example Co", "Senior Trending Editor"
_LIST_PARTS = re.compile(r"\s*,\s*|,?\s+and\s+|\s*&\s*")


def credited_names(line: str) -> list[str]:
    """The people a labelled credit line names ("By Jane Doe, Senior Editor | March 5, 2024" -> Jane Doe);
    none when the line is no writing credit ("Reviewed by ...", "By the time ...")."""
    if len(line.split()) > MAX_CREDIT_WORDS:
        return []
    for piece in _PIECES.split(_GLUED_LABEL.sub(r"\1 ", _HANDLE.sub(" ", line))):
        match = _LABELLED.match(_ICON.sub("", piece.strip()))
        if match:
            return people_in(match["names"])
    return []


def undated(line: str) -> str:
    """The line without the date (and time) it opens with: "11/28/2016 11:00 AM PST BY EXAMPLE STAFF" ->
    "BY EXAMPLE STAFF", for the credit after it."""
    return _LEADING_DATE.sub("", line.strip(), count=1)


def dated_names(line: str) -> list[str]:
    """The people a line names beside the date, with no label: "Jane Doe | March 5, 2024"."""
    if len(line) > MAX_CREDIT_CHARS or not _DIGIT.search(line):
        return []
    line = _GLUED_LABEL.sub(r"\1 ", _ICON.sub("", line.strip()))
    match = _NAME_BY_DATE.match(line) or _DATE_BY_NAME.match(line)
    return people_in(match["names"]) if match else []


def people_in(names: str) -> list[str]:
    """"Jane Doe, MD, John Roe and Jo Bloggs" -> one entry per person, a credential kept with its name; a
    job title after a comma ends the list, taking any affiliation after it ("Jane Doe, Associate Editor,
    Some Outlet" -> Jane Doe)."""
    people: list[str] = []
    for part in _LIST_PARTS.split(names.strip()):
        part = CREDIT_LABEL.sub("", part)  # "BySarah July 30" read as "By Sarah": the label is no name
        words = part.split()
        if not words:
            continue
        if any(w.lower() in ROLE_NOUNS for w in words) or part.lower() in ROLE_WORDS:  # "Editor", "Head of ..."
            break
        if people and CREDENTIAL.match(part):
            people[-1] = f"{people[-1]}, {part}"
        elif len(words) >= 2:
            people.append(part)
    return without_job_titles(tidied(people)) if people else []


@dataclass
class Byline:
    """What the article's credit says: who wrote it, and the date printed with the credit."""

    authors: list[str] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD, from the credit line or the line under it


def read_byline(removed: list[Removed], head: int, lead: int | None = None, body: list[str] = ()) -> Byline:
    """The article's credit, nearest under the headline, and every contributor line's names.

    ``head`` is how many removed items stand above the body, ``lead`` how many above its second
    paragraph. Looked for in this order: a labelled credit under the headline, above the body; a bare
    name set beside a date there; a labelled credit further into the page (a standfirst taken for the
    body stands over it); a bare name beside a date under the body's first paragraph; a labelled credit
    above the headline; a bare name there; else the agency a dateline credits ("WASHINGTON (AP) —"). Its
    date is the one printed on the credit line ("By Jane Doe | March 5, 2024"; an "Updated" one only when
    no other is shown) or on the line under it. A bare name whose every word the page (``body`` and
    ``removed``) also writes in lower case is a phrase set over a date ("Climate Change", "Copy Link"),
    not a person."""
    found = _article_credit(removed, head, head if lead is None else lead, body)
    byline = Byline()
    if found:
        at, byline.authors = found
        if any(len(name.split()) > 2 for name in byline.authors):  # "Jane Doe Executive Digital"
            byline.authors = as_printed_alone(byline.authors, [*body, *(item.text for item in removed)])
        byline.date = _date_on(removed[at].text) or (_date_on(removed[at + 1].text) if at + 1 < len(removed)
                                                     and removed[at + 1].reason == "header" else None)
    else:
        byline.authors = _wire_credit(removed)
    for item in removed:
        if item.reason == "contributor_line":
            match = CONTRIBUTORS.match(item.text.strip()) or REPORTING_BY.match(item.text.strip())
            if match:
                byline.authors += [n for n in people_in(match["names"]) if n not in byline.authors]
    return byline


def article_authors(removed: list[Removed], head: int, lead: int | None = None, body: list[str] = ()) -> list[str]:
    """The writers of the article (see ``read_byline``)."""
    return read_byline(removed, head, lead, body).authors


def _article_credit(removed: list[Removed], head: int, lead: int, body: list[str]) -> tuple[int, list[str]] | None:
    title_at = next((i for i, item in enumerate(removed[:head]) if item.reason == "title"), None)
    if title_at is None:  # no headline found: the head's credits nearest the body first
        under, above = range(head - 1, -1, -1), range(0)
    else:
        under, above = range(title_at + 1, head), range(title_at - 1, -1, -1)
    after = range(head, len(removed))
    right_after = range(head, lead)  # between a standfirst taken for the body and the next paragraph
    page = _Page(removed, body)
    for where, read in ((under, page.labelled), (under, page.unlabelled), (after, page.labelled),
                        (right_after, page.unlabelled), (above, page.labelled), (above, page.unlabelled)):
        found = next(((i, names) for i in where if removed[i].reason not in _NOT_CREDITS and (names := read(i))),
                     None)
        if found:
            return found
    return None


class _Page:
    """The page a credit is read from: its lines, its menu's facets, and the words it writes in lower case
    (read once, and only for a page with a credit to check)."""

    def __init__(self, removed: list[Removed], body: list[str]) -> None:
        self.removed, self.body = removed, body
        self.facets = _facets(removed)
        self._text: str | None = None
        self._ordinary: dict[str, bool] = {}

    def labelled(self, i: int) -> list[str]:
        """A labelled credit ("By Jane Doe"), or names under a label on its own line."""
        names = _labelled_names(self.removed[i])
        if names and (names[0] in self.facets
                      or (self.ordinary(names) and (" " not in names[0] or self._menu_facets() > 1))):
            return []  # "By Kristin" names a writer; "By Industry", "By Company Type" are a menu's facets
        if not names and (names := _names_under_label(self.removed, i)) and self.ordinary(names):
            return []  # "Contributors" over "Online Services": a menu's entries
        return names

    def unlabelled(self, i: int) -> list[str]:
        """A bare name set over or beside a date, unless it is a topic ("Climate Change")."""
        names = _unlabelled_names(self.removed[i], self.removed[i + 1 : i + 3], self.removed[max(0, i - 2) : i])
        return [] if names and self.ordinary(names) else names

    def ordinary(self, names: list[str]) -> bool:
        """Names made of words the page writes in lower case: a topic or a menu's facet, not a person."""
        return all(self._written_lower(word) for name in names for word in name_words(name))

    def _written_lower(self, word: str) -> bool:
        if word not in self._ordinary:
            if self._text is None:
                self._text = "\n".join([*self.body, *(item.text for item in self.removed)])
            self._ordinary[word] = word in WEEKDAY_WORDS or written_lower(word, self._text)  # "Business Monday"
        return self._ordinary[word]

    def _menu_facets(self) -> int:
        """How many distinct "By ..." lines of ordinary words the page shows: a menu's when several."""
        shown = {match["names"].casefold() for item in self.removed
                 if item.reason == "byline" and (match := BY_LINE.match(item.text.strip()))}
        return sum(self.ordinary([names]) for names in shown)


def _wire_credit(removed: list[Removed]) -> list[str]:
    """The agency a dateline credits, for a story no person signs: "WASHINGTON (AP) —" -> AP."""
    for item in removed:
        if item.reason == "dateline" and (match := DATELINE.match(item.text)) and match["agency"]:
            return [match["agency"].strip()]
    return []


def _date_on(line: str) -> str | None:
    """The credit's date; of two it prints unlabelled, the earlier ("February 22, 2019February 20, 2019 by
    Jane Doe": updated, then first published)."""
    dates = shown_dates(line, None)
    return min((d.iso for d in dates if not d.updated), default=dates[0].iso if dates else None)


def _facets(removed: list[Removed]) -> set[str]:
    """The one-word names of the page's "By ..." lines when there are several: a menu's facets ("By Region",
    "By Topic"); a page's one such credit names its writer ("By Kristin")."""
    one_word = {match["names"] for item in removed if item.reason == "byline"
                and (match := BY_LINE.match(item.text.strip())) and " " not in match["names"]}
    return one_word if len(one_word) > 1 else set()


def _labelled_names(item: Removed) -> list[str]:
    text = item.text.strip()
    if item.reason == "byline" and (paren := PAREN_BYLINE.match(text + " ")):
        return [paren["name"]]
    lowered = text.lower()
    if "by" not in lowered and "author" not in lowered:
        return []
    names = credited_names(text)
    if not names and item.reason == "byline" and (match := BY_LINE.match(undated(text))):
        if _GLUED_BY.search(match["names"]):
            return []  # "By CategoryBy Maker": a menu's labels run together
        names = split_names(match["names"])  # a one-word or team credit the segmenter read: "By Staff"
        if any(" " in name for name in names):  # "Jane Doe Gardener & Astrologer": the job's words are no one
            names = [name for name in names if " " in name]
        names = without_job_titles(tidied([unglued(name) for name in names]))
    return names



def _names_under_label(removed: list[Removed], i: int) -> list[str]:
    """The names on the lines under a label set on its own ("Author(s)" over "Jane Doe" over "John Roe")."""
    if removed[i].reason == "navigation" or not _LABEL_LINE.match(removed[i].text.strip()):
        return []  # a menu's "Contributors" over its next entry names no one
    names: list[str] = []
    plural = re.search(r"(?i)s\b|\(s\)", removed[i].text)  # "Author" over one name, "Authors" over several
    for item in removed[i + 1 : i + 1 + (_NAMES_UNDER_LABEL if plural else 1)]:
        text = item.text.strip()
        if not (len(text.split()) <= _NAME_WORDS and _NAME_AND_ROLE.fullmatch(text)):
            break
        names += [name for name in people_in(text) if name not in names]
    return names


def _dated(below: list[Removed], above: list[Removed]) -> bool:
    """A date line right under, or under a job title that is: "Jane Doe" over "Trending Editor" over the
    date; or a date just above and the job title under ("Updated March 5, 2024" over "Jane Doe" over
    "Trending Editor")."""
    if below and below[0].reason == "header":
        return True
    dated = (len(below) == 2 and below[1].reason == "header") or any(item.reason == "header" for item in above)
    return dated and bool(below) and _role_line(below[0].text)


def _over_a_role(text: str, below: list[Removed]) -> bool:
    """A bare name over one person's job title on its own line: "Jane Doe" over "Senior Transport Reporter"
    or "Software Engineer in Chicago"; not a menu's entry over the next ("Job Openings" over "Contributors",
    "Change Management" over "Change Manager Skills")."""
    name = text.split()
    if not below or not 2 <= len(name) <= 3 or not _PERSON_ALONE.fullmatch(text) \
            or any(word.isupper() or word.lower() in STOPWORDS for word in name):
        return False  # "Advertise With Us", "Expand About NIDDK"
    words = below[0].text.split()
    at = next((i for i, word in enumerate(words) if word.lower().strip(",.") in ROLE_NOUNS), None)
    return (at is not None and len(words) <= _ROLE_LINE_WORDS
            and not any(word.lower() in STOPWORDS for word in words[:at])  # "Letters To The Editor"
            and (at == len(words) - 1 or words[at].endswith(",") or words[at + 1].lower() in _AFTER_A_ROLE))


def _role_line(text: str) -> bool:
    """A job title on its own: "Senior Transport Editor", "Guest Columnists"."""
    words = text.split()
    return len(words) <= _ROLE_LINE_WORDS and any(word.lower().strip(",.").removesuffix("s") in ROLE_NOUNS
                                                  for word in words)


def names_with_role(text: str) -> list[str]:
    """Names and their job title as pieces of one line: "Jane Doe and John Roe | Guest Columnists"."""
    if not _PIECE_MARK.search(text) or not _ROLE_NOUN.search(text):
        return []  # most lines: spared the split
    pieces = _PIECES.split(text)
    if len(pieces) < 2 or not _role_line(pieces[1]):
        return []
    match = re.fullmatch(_PEOPLE, pieces[0].strip())
    return people_in(match["names"]) if match else []


def _unlabelled_names(item: Removed, below: list[Removed], above: list[Removed] = ()) -> list[str]:
    text = item.text.strip()
    if CREDIT_LABEL.match(text) or text.casefold() in _CONTENT_KINDS:
        return []  # a credit the labelled reading could not take ("Written By Somebody") is no bare name
    set_as_credit = item.reason == "byline" or _dated(below, above) or _over_a_role(text, below)
    names_alone = (_NAME_AND_ROLE.fullmatch(text) or _NAME_LIST.fullmatch(text)) \
        and text.split()[0].lower() not in STOPWORDS  # "All Insights", a back link over the date
    if set_as_credit and len(text.split()) <= _NAME_WORDS and names_alone:
        return people_in(text)  # a name (and its job title), or two, set over their date
    if item.reason == "byline" and NAMES_LINE.fullmatch(text):
        return split_names(text)  # a team the segmenter found over its date: "The Example Team"
    if "@" in text and (handled := _NAME_AND_HANDLE.fullmatch(text)):
        return people_in(handled["name"])  # "Jane Doe | @janedoe": a writer's credit, her handle beside it
    return dated_names(text) or names_with_role(text)
