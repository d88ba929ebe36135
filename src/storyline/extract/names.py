"""People's names as pages print them in credits: one entry per person, without the job title, the
avatar's initials or the date the page sets beside a name. Shared by the HTML and plain-text paths."""

from __future__ import annotations

import re

# a writing credit's label; "Sponsored by", "Reviewed by" credit no writer and stay
CREDIT_LABEL = re.compile(
    r"^(?:(?:written|posted|article|story|recipe|words|text|reporting|compiled|created) by|by|author:?)\s+", re.I)
MONTH_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
WEEKDAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# a job title a byline runs into when the page sets it beside the name: its head noun, then its modifiers
ROLE_NOUNS = frozenset("""reporter writer editor columnist correspondent contributor producer founder co-founder
cofounder ceo cto director manager analyst reviewer associate intern fellow architect engineer officer designer
scientist strategist consultant specialist""".split())
ROLE_MODIFIERS = frozenset("""senior lead head chief managing executive deputy assistant contributing staff tech
technology science health politics business sports features news digital""".split())
ROLE_WORDS = ROLE_NOUNS | ROLE_MODIFIERS

_MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAY_WORDS) + r")\b"  # "Released Wednesday, March 2" is no name
# title-case words a byline runs into on the page ("By Jane Doe Published ...", "... Table of contents",
# share buttons)
_LAYOUT_WORDS = (r"(?:published|updated|posted|last|table|view|content|contents|share|read|follow|reviewed|edited|in|"
                 r"on|at|and|the|contributor|editor|writer|reporter|staff|author|team|facebook|twitter|tweet|linkedin|"
                 r"pinterest|whatsapp|email|print)\b")
# a month opens a date, not a name, only when a day or year follows it ("By Jane Doe March 5", "By April Fulton")
# ...and a word followed by "by" labels the next credit ("Written by Jane Doe Researched by John Roe")
_NAME_TOKEN = (r"(?!(?i:" + _MONTH + r"\s*\d|" + _WEEKDAY + r"|" + _LAYOUT_WORDS + r"|[\w'’-]+\s+by\b))"
               r"(?:[A-Z][\w'’-]+\.?|[A-Z]\.|[A-Z](?=\s+[A-Z][a-z]))")  # "A new": a sentence
# one person's name as a byline prints it: "Jane Doe", "Jo van der Berg", "J. R. Doe"
PERSON = _NAME_TOKEN + r"(?:\s+(?:" + _NAME_TOKEN + r"|van|de|der|von|da|la|le)){1,3}"

# where a scrape glued the label or date after a name onto its last word: "Jane DoeIn Travel", "Jane DoeNovember 5"
GLUED_TAIL = (r"(?<=[a-z]{2})(?=(?:Updated|Published|Posted|In|On|By|"
              + "|".join(sorted((m.capitalize() for m in MONTH_WORDS), key=len, reverse=True)) + r")\b)")
_GLUED_TAIL = re.compile(GLUED_TAIL)
# two joins of one word's end to the next word's capital ("ChecklistsJust EngagedWedding"; "McDonald" has none)
_GLUED_WORDS = re.compile(r"[a-z]{2}[A-Z].*[a-z]{2}[A-Z]")
_NAME_LIST_SEPARATOR = re.compile(r"\s*;\s*|,?\s+and\s+|\s*&\s*|\s*,\s*")
_LIST_CLOSER = re.compile(r"\s+and\s+|\s*[&;]\s*")  # what makes commas separate people, not a name from a role
CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{1,3}\.?|[JS]r\.?|I{2,3}|IV)$")  # "MD", "PhD", "Jr."


def split_authors(names: str) -> list[str]:
    """ "Jane Doe and John Roe", "A, B and C", "By A & B" -> one entry per person. A string is only
    split when "and", "&" or ";" joins it and every part is a full name (two words or more), so
    "Procter and Gamble", "Sandra Anderson" and "Jane Doe, Senior Editor" stay whole; a credential
    after a comma ("Jane Doe, MD and John Roe, PhD") stays with its name."""
    text = CREDIT_LABEL.sub("", " ".join(names.split())).strip(" ,;")
    if not _LIST_CLOSER.search(text):
        return [text] if text else []  # "Jane Doe, Senior Editor, Some Outlet": one person and their role
    parts = [p for p in _NAME_LIST_SEPARATOR.split(text) if p]
    people: list[str] = []
    for part in parts:
        if people and CREDENTIAL.match(part):
            people[-1] = f"{people[-1]}, {part}"
        else:
            people.append(part)
    if len(people) < 2 or any(len(p.split(",")[0].split()) < 2 for p in people):
        return [text] if text else []
    return people


# news agencies that sign copy with their initials beside or instead of a reporter's name ("Jane Doe, AFP")
WIRE_AGENCIES = frozenset("AP AFP UPI PTI IANS ANI TNN AAP DPA EFE ANSA IPS".split())
_CONTACT_LINKS = frozenset("twitter x facebook instagram linkedin email e-mail mail threads bluesky mastodon rss"
                           .split())


def tidied(names: list[str]) -> list[str]:
    """Names without what a page prints around them: an avatar's initials before ("JD Jane Doe"), a
    month that opens the date after ("Jane Doe December"), a former employer ("Jane Doe Former Acme
    Consultant"), the agency beside a reporter ("Jane Doe, AFP"), the writer's contact links ("Jane Doe Twitter Email"), the name printed twice ("Jane Doe
    Jane Doe"); none for menu entries run together
    ("OfficeSuppliesFilingPapers")."""
    tidy = []
    for name in names:
        person, comma, after = name.rpartition(",")
        if comma and person.strip() and after.strip() in WIRE_AGENCIES:
            name = person  # "Jane Doe, AP": the agency she files for, not a credential
        words = name.split()
        if len(words) >= 3 and _initials_of(words[0], words[1:]):
            words = words[1:]
        if len(words) >= 3 and words[-1].lower().rstrip(".") in MONTH_WORDS:
            words = words[:-1]
        while len(words) >= 3 and words[-1].lower() in _CONTACT_LINKS:
            words = words[:-1]  # the writer's links after the name: "Jane Doe Twitter Email"
        if len(words) >= 4 and len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2 :]:
            words = words[: len(words) // 2]  # the avatar's caption and the name: "Jane Doe Jane Doe"
        if _GLUED_WORDS.search(name):
            continue  # a menu's entries run together: "OrganizationOfficeOrganizingPapers"
        former = next((i for i, w in enumerate(words) if w.lower() == "former"), None)
        if former is not None and former >= 2:
            words = words[:former]
        tidy.append(" ".join(words))
    people = [name for name in tidy if name not in WIRE_AGENCIES]
    return list(dict.fromkeys(people or tidy))  # an agency credited alone stays: the page's only answer


def _initials_of(word: str, names: list[str]) -> bool:
    return 2 <= len(word) <= 3 and word.isupper() and word == "".join(n[0] for n in names[: len(word)])


def without_job_titles(names: list[str]) -> list[str]:
    """Names without the job title a page sets beside them ("Jane Doe Tech Reporter", "Jane Doe Founder"),
    and without entries that are only a title ("Lead Reviewer"); a title after a comma ("Jane Doe, Senior
    Editor") is the byline's own wording and stays."""
    kept = []
    for name in names:
        words = name.split()
        if "," not in name and words and words[-1].lower() in ROLE_NOUNS:
            if all(w.lower() in ROLE_WORDS for w in words):
                continue
            titled = list(words)
            while len(words) > 2 and words[-1].lower() in ROLE_WORDS:
                words.pop()
            if any(len(w) > 1 and w.isupper() for w in words):
                words = titled  # "EXC Travel Editor": an organisation's desk, not a person and a title
        kept.append(" ".join(words))
    return list(dict.fromkeys(kept)) or names


def unglued(name: str) -> str:
    """"Jane DoeIn Travel" -> "Jane Doe": the name, without the label or date a scrape glued onto it."""
    return _GLUED_TAIL.split(name, maxsplit=1)[0]


def as_printed_alone(names: list[str], lines: list[str]) -> list[str]:
    """A credit that ran into the job title or section after the name ("Jane Doe Executive Digital", "Jane Doe
    Global Affairs") is cut to the name the page prints on a line of its own, as the writer's box does."""
    if all(len(name.split()) < 3 for name in names):
        return names
    alone = {line.strip() for line in lines if len(line) < 60}
    cut = []
    for name in names:
        words = name.split()
        cut.append(next((" ".join(words[:n]) for n in range(len(words) - 1, 1, -1)
                         if " ".join(words[:n]) in alone), name))
    return list(dict.fromkeys(cut))


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def name_words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def written_lower(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` (lower-cased) in lower case somewhere: an ordinary word, where a
    person's name is capitalised wherever it stands."""
    if word not in text:
        return False  # most names: a plain substring search settles it
    return re.search(r"(?<![\w'’])" + re.escape(word) + r"(?![\w'’])", text) is not None
