"""Date expressions: find them in an article and resolve them against its anchor date.

Finding is one pass of compiled patterns over the text (plus spaCy DATE/TIME entities the
patterns miss); resolving is calendar arithmetic with news conventions written out below, so
no per-token date parsing happens. dateparser is only a fallback for absolute spaCy dates our
patterns do not know.

Conventions (documented because readers and tests depend on them):

- A bare weekday ("said Tuesday", "on Monday") is the most recent such day on or before the
  anchor (the same day allowed); in a future context ("will meet Thursday", "ahead of
  Thursday's meeting") it is the first such day on or after the anchor.
- "last Monday" is strictly before the anchor, "next Monday" strictly after.
- A bare month ("in December") is the most recent such month not after the anchor; in a
  future context the first one not before it. "next January" is always the coming one.
- A month and day without a year takes the year its tense asks for, else the nearest one.
- Weeks are news weeks: "last week" is Monday to Friday of the previous calendar week,
  written "YYYY-MM-DD/YYYY-MM-DD" with precision "week"; a weekend is its Saturday/Sunday.
- Named days ("Christmas", "Thanksgiving", "Election Day") follow the weekday rule: the most
  recent one, or the coming one in a future context.
- A run of days ("Feb. 7-14", "January 1 and 2") is "YYYY-MM-DD/YYYY-MM-DD" with precision "day".
- Seasons are meteorological (northern hemisphere) ranges; decades are year ranges.
- Durations ("30 days", "eight years") and clock times are not dates and are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..model import DateExpression, Precision

__all__ = ["find_dates", "resolve_date_expression", "reresolve_dates", "date_spans", "doc_matches_text"]

# --------------------------------------------------------------------------- vocabulary

_MONTH_NUMBERS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAY_NUMBERS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
_SEASON_MONTHS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
}
# Named days that contain a weekday but are not "the most recent <weekday>".
_HOLIDAY_PREFIXES = {"black", "cyber", "good", "super", "ash", "holy", "maundy", "blue", "giving", "fat"}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![A-Za-z]|-[a-z])"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d|,\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:A-Za-z])"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))"
_NUMBER_WORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|a\s+few)"
_PERIOD = r"(?:week|weekend|month|year|decade|spring|summer|fall|autumn|winter)"
# A bare month needs one of these in front, so "May" the modal and "March" the verb stay out.
_MONTH_LEAD = (
    r"(?:in|on|since|until|till|by|during|through|throughout|from|before|after|of|to|that|"
    r"last|next|this|early|late|mid|earlier|later|between|and|or|every|each|coming|past)"
)



@dataclass(frozen=True)
class _Shape:
    """One shape of date expression.

    ``pattern`` starts with a required character class (a digit, a capitalised name, a keyword)
    so the regex engine can skip ahead fast; optional words in front ("last", "in early") are
    read by ``left`` from the few characters before a match, and belong to the expression.
    """

    kind: str
    pattern: re.Pattern[str]
    left: re.Pattern[str] | None = None
    left_required: bool = False
    gate: re.Pattern[str] | None = None  # what the lower-cased text must contain for this shape to be tried


def _left(words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z]){words}$")


_WEEKDAY_PREFIX = _left(rf"(?:(?i:this|last|next)\s+)?{_WEEKDAY},?\s+")
_SHAPES: list[_Shape] = [
    _Shape("iso", re.compile(r"(\d{4})-(\d{2})-(\d{2})(?![\d-])")),
    _Shape("numeric", re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    _Shape(
        "month_day",
        re.compile(
            rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:\s*(?:-|–|and|to|through)\s*(?P<last_day>{_DAY})(?!\s*%))?"
            rf"(?:,?\s+(?P<year>{_YEAR}))?"
        ),
        _WEEKDAY_PREFIX,
    ),
    _Shape(
        "day_month",
        re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?"),
        _left(rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?"),
    ),
    _Shape(
        "month_year",
        re.compile(rf"(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})"),
        _left(r"(?i:(?:early|mid|late)[- ]|(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+)"),
    ),
    _Shape(
        "decade",
        re.compile(r"(?:(?P<full>1[6-9]\d0|20\d0)|['’](?P<short>\d0))s(?![A-Za-z])"),
        _left(r"(?i:(?:early|mid|late)[- ](?:the\s+)?|the\s+)"),
        gate=re.compile(r"0s(?![a-z])"),
    ),
    _Shape(
        "season_year",
        re.compile(rf"(?P<season>[SsFfAaWw](?:pring|ummer|all|utumn|inter))(?:\s+of)?\s+(?P<year>{_YEAR})"),
    ),
    _Shape(
        "relative_period",
        re.compile(
            rf"(?P<mod>[LlTtNnCc](?:ast|his\s+past|his\s+coming|his|ext|oming))\s+(?P<period>{_PERIOD})"
            r"(?![A-Za-z])"
        ),
        _left(r"(?i:(?:earlier|later|early|late)\s+|(?:the\s+)?(?:beginning|start|middle|end)\s+of\s+|the\s+)"),
    ),
    _Shape(
        "ago",
        re.compile(
            rf"(?P<amount>\d{{1,3}}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            rf"a\s+couple\s+of|a\s+few))\s+(?P<unit>day|week|month|year)s?\s+ago(?![A-Za-z])"
        ),
        gate=re.compile(r"(?<![a-z])ago(?![a-z])"),
    ),
    _Shape(
        "day_word",
        re.compile(
            r"(?P<word>[TtYyLl](?:oday|onight|esterday|omorrow|his\s+(?:morning|afternoon|evening)|ast\s+night))"
            r"(?![A-Za-z])"
        ),
    ),
    _Shape(
        "holiday",
        re.compile(
            r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s(?:\s+(?:Day|Eve))?|Valentine['’]s\s+Day|"
            r"Halloween|Independence\s+Day|Fourth\s+of\s+July|Thanksgiving(?:\s+Day)?|Memorial\s+Day|"
            r"Labor\s+Day|Election\s+Day|Veterans\s+Day|Boxing\s+Day)(?![A-Za-z])"
        ),
    ),
    _Shape(
        "weekday",
        re.compile(rf"(?P<weekday>{_WEEKDAY}){_PART_OF_DAY}?"),
        _left(r"(?P<mod>(?i:last|next|this\s+past|this\s+coming|this|early|late))\s+"),
    ),
    _Shape(
        "month",
        re.compile(rf"(?P<month>{_MONTH})(?!\.?\s+\d)"),
        _left(rf"(?i:(?P<lead>{_MONTH_LEAD})\s+(?:(?P<edge>early|mid|late)[- ])?|(?P<edge_only>early|mid|late)[- ])"),
    ),
    _Shape(
        "year",
        re.compile(rf"(?P<year>{_YEAR})(?!\s*(?:%|percent|per\s+cent))"),
        _left(
            r"(?i:(?P<lead>in|since|until|till|by|during|through|from|before|after|of|early|late|mid|year|"
            r"the\s+end\s+of|the\s+beginning\s+of)[\s-]+)"
        ),
        left_required=True,
    ),
]


def _shape_matches(text: str, shape: _Shape, lowered: str):
    """(start, end, groups) of every match of one shape in ``text``, optional words in front included."""
    if shape.gate is not None and not shape.gate.search(lowered):
        return
    for m in shape.pattern.finditer(text):
        start = m.start()
        groups = m.groupdict()
        before = text[max(0, start - 40) : start]
        left = shape.left.search(before) if shape.left is not None else None
        if left is not None and left.start() < left.end():
            start -= len(before) - left.start()
            groups.update({k: v for k, v in left.groupdict().items() if v is not None})
        elif shape.left_required:
            continue
        elif start > 0 and (text[start - 1].isalnum() or (shape.kind in _DIGIT_SHAPES and text[start - 1] in ",./-")):
            continue  # inside a word, a number or a code
        yield start, m.end(), groups, m


_DIGIT_SHAPES = {"iso", "numeric", "day_month", "decade", "year", "ago"}

_SPAN_KEEP_LEAD = {"last", "next", "this", "early", "late", "mid", "earlier", "later", "coming", "past", "every", "each"}
_DURATION = re.compile(
    rf"^(?i:(?:the\s+)?(?:past|last|next|first|final|previous|coming|recent|several|few|many|some|"
    rf"{_NUMBER_WORD}|\d[\d,.]*|\w+-)?\s*(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|seconds?|centuries|century|nights?)"
    r"(?:\s+(?:old|long))?)$"
)
_BARE_NAME = re.compile(rf"(?:{_MONTH}|{_WEEKDAY})")
_AGE = re.compile(r"(?i)\d+[- ](?:year|month|week|day)s?[- ]old|\bages?\s+\d")
_CLOCK = re.compile(r"(?i)\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|o'clock|noon|midnight")

# --------------------------------------------------------------------------- tense cues

_FUTURE_MARKERS = re.compile(
    r"(?i)(?<![A-Za-z])(?:will|'ll|’ll|shall|won't|won’t|going\s+to|set\s+to|scheduled|slated|"
    r"expected\s+to|plans?\s+to|planning\s+to|upcoming|ahead\s+of|next|"
    r"must|would|(?:hopes?|aims?|intends?|wants?)\s+to|(?:starting|beginning)(?!\s+of)|"
    r"due(?:\s+(?:on|by|in))?|in\s+the\s+coming)(?![A-Za-z])"
)
_IRREGULAR_PAST = frozenset(
    """said told met went came saw made took gave held left spoke wrote began won lost found got
    sent brought thought knew ran fell rose struck sought fought paid led kept became broke chose
    drove flew hid hit shot sat stood stole swore taught threw understood woke wore withdrew was
    were had did didn't didn’t wasn't wasn’t weren't weren’t hadn't hadn’t felt heard meant
    sold spent""".split()
)
_NOT_PAST = frozenset(
    """need speed indeed hundred red bed shed seed feed embed proceed exceed succeed
    bred breed creed greed deed weed steed tweed scheduled planned expected slated""".split()
)
_PASSIVE_AUXILIARIES = frozenset("be being is are am get gets".split())
_DETERMINERS = frozenset("the a an his her their its our my your this that these those newly very more most so".split())
_WORD = re.compile(r"[A-Za-z’']+(?:-[A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“'‘(]?[A-Z0-9])|\n")


def _is_past_word(word: str, previous: str | None) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PAST:
        return True
    if "-" in word or word[:1].isupper() or low in _NOT_PAST or len(low) < 5:
        return False
    if previous is not None and previous.lower() in _PASSIVE_AUXILIARIES:
        return False  # "will be launched": the auxiliary carries the tense
    return low.endswith("ed") and (previous is None or previous.lower() not in _DETERMINERS)


def _tense(left: str, expression: str, right: str, immediate_only: bool = False) -> str | None:
    """'future', 'past' or None (no cue) for an expression, from the words around it.

    Strong cues are the expression's own modifier and the verb right before it ("said Tuesday",
    "will meet Thursday"); weaker ones are the latest tense marker earlier in the sentence, then
    the first one shortly after. ``immediate_only`` keeps to the strong cues.
    """
    if re.search(r"(?i)\b(?:next|coming|upcoming)\b", expression):
        return "future"
    if re.search(r"(?i)\b(?:last|past|previous|ago)\b", expression):
        return "past"
    words = _WORD.findall(left)
    tail = [w for w in words[-3:] if w.lower() not in {"on", "early", "late", "this", "the", "by", "from", "between"}]
    if tail and _is_past_word(tail[-1], tail[-2] if len(tail) > 1 else None):
        return "past"
    if _FUTURE_MARKERS.search(" ".join(words[-4:])):
        return "future"
    if immediate_only:
        return None
    last_future = max((m.end() for m in _FUTURE_MARKERS.finditer(left)), default=-1)
    last_past = max((end for end, _ in _past_words(left)), default=-1)
    if last_future > last_past:
        return "future"
    if last_past >= 0:
        return "past"
    right = right[:80]
    first_future = next((m.start() for m in _FUTURE_MARKERS.finditer(right)), None)
    first_past = next((end for end, _ in _past_words(right)), None)
    if first_future is not None and (first_past is None or first_future < first_past):
        return "future"
    return "past" if first_past is not None else None


def _past_words(text: str):
    """(end offset, word) of each word in ``text`` that reads as a past-tense verb."""
    previous = None
    for m in _WORD.finditer(text):
        if _is_past_word(m.group(), previous):
            yield m.end(), m.group()
        previous = m.group()


def _sentence_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the expression's sentence before and after it (at most 300 characters each)."""
    lo = max(0, start - 300)
    left = text[lo:start]
    cut = None
    for m in _SENTENCE_END.finditer(left):
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = text[end : end + 300]
    m = _SENTENCE_END.search(right)
    if m:
        right = right[: m.start() + 1]
    return left, right


# --------------------------------------------------------------------------- calendar helpers


def _parse_anchor(anchor: str | None) -> date | None:
    if not anchor or not isinstance(anchor, str):
        return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", anchor.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _week(monday: date) -> str:
    return f"{monday.isoformat()}/{(monday + timedelta(days=4)).isoformat()}"


def _weekend(saturday: date) -> str:
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _season(year: int, season: str) -> str:
    first = _SEASON_MONTHS[season]
    start = date(year, first, 1)
    end_year, end_month = _shift_month(year, first, 3)
    end = date(end_year, end_month, 1) - timedelta(days=1)
    return f"{start.isoformat()}/{end.isoformat()}"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A sentence that opens by setting its time ("In 2019, ...", "On Jan. 5, 2019, ...", "Last year, ...")
# places a month or month-day later in it, given without a year, in that year.
_SENTENCE_YEAR = re.compile(
    rf"^\W*(?:(?:[Ii]n|[Dd]uring|[Oo]n|[Bb]y)\s+)?(?:(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?"
    rf"(?:{_MONTH}\s+(?:{_DAY},?\s+)?)?(?P<year>{_YEAR})\s*,|^\W*(?P<last>[Ll]ast year)\s*,"
)


def _sentence_year(left: str, anchor: date) -> int | None:
    """The earlier year the expression's sentence opened with, if it opened with one."""
    match = _SENTENCE_YEAR.match(left)
    if match is None:
        return None
    year = anchor.year - 1 if match["last"] else int(match["year"])
    return year if year < anchor.year else None


def _framed_year(left: str, expression: str, right: str, anchor: date) -> int | None:
    """``_sentence_year``, unless the sentence speaks of the future ("In 2019, it said it will ...")."""
    year = _sentence_year(left, anchor)
    return year if year is not None and _tense(left, expression, right) != "future" else None


def _year_for_month_day(anchor: date, month: int, day: int, tense: str | None) -> date | None:
    candidates = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _safe_date(y, month, day))]  # Feb 29
    if not candidates:
        return None
    if tense == "future":
        after = [d for d in candidates if d >= anchor]
        return min(after) if after else None
    if tense == "past":
        before = [d for d in candidates if d <= anchor]
        return max(before) if before else None
    return min(candidates, key=lambda d: abs((d - anchor).days))


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


def _amount(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return _SMALL_NUMBERS.get(word)


# --------------------------------------------------------------------------- resolution

Resolution = tuple[str | None, Precision | None, bool]  # value, precision, relative


@dataclass(frozen=True)
class _Match:
    kind: str
    groups: dict[str, str | None]
    numbered: tuple[str | None, ...]


def _classify(expression: str) -> _Match | None:
    """Which of our shapes the whole expression has (ignoring a leading preposition and "the")."""
    text = re.sub(r"\s+", " ", expression.strip().strip(".,;:!?\"“”'‘’()"))
    text = re.sub(r"['’]s$", "", text)
    bare = re.sub(r"(?i)^(?:(?:on|in|at|during|by|since|from|until|of|the)\s+)+", "", text)
    if re.fullmatch(_YEAR, bare):
        return _Match("year", {"year": bare}, (bare,))
    best = None
    for candidate in dict.fromkeys((text, bare)):
        for full_start, _, end, kind, groups, m in _scan(candidate, finding=False):
            if full_start == 0 and end == len(candidate):
                return _Match(kind, groups, m.groups())
            if best is None and end == len(candidate) and kind in {"weekday", "month"}:
                best = _Match(kind, groups, m.groups())  # "the following Thursday": the name decides
    return best


def _resolve_match(match: _Match, anchor: date | None, left: str, expression: str, right: str) -> Resolution:
    g = match.groups
    kind = match.kind
    tense = _tense(left, expression, right, immediate_only=kind in {"month_day", "day_month"})
    if kind == "iso":
        y, mo, d = (int(x) for x in match.numbered[:3])
        return (_safe_date(y, mo, d).isoformat(), "day", False) if _safe_date(y, mo, d) else (None, None, False)
    if kind == "numeric":
        mo, d, y = (int(x) for x in match.numbered[:3])
        y = y + 2000 if y < 100 else y
        found = _safe_date(y, mo, d)
        return (found.isoformat(), "day", False) if found else (None, None, False)
    if kind in {"month_day", "day_month"}:
        month, day = _month_number(g["month"]), int(re.sub(r"\D", "", g["day"]))
        if g.get("year"):
            found = _safe_date(int(g["year"]), month, day)
        elif anchor is None:
            return None, "day", True
        elif (year := _framed_year(left, expression, right, anchor)) is not None:
            found = _safe_date(year, month, day)
        else:
            found = _year_for_month_day(anchor, month, day, tense)
        relative = not g.get("year")
        if found is None:
            return None, None, relative
        last_day = _safe_date(found.year, month, int(re.sub(r"\D", "", g["last_day"]))) if g.get("last_day") else None
        if last_day is not None and last_day > found:  # "Feb. 7-14": a run of days
            return f"{found.isoformat()}/{last_day.isoformat()}", "day", relative
        return found.isoformat(), "day", relative
    if kind == "month_year":
        return _month(int(g["year"]), _month_number(g["month"])), "month", False
    if kind == "decade":
        if g["full"]:
            first = int(g["full"])
        else:
            tens = int(g["short"])
            first = (1900 if tens >= 30 else 2000) + tens
        return f"{first:04d}-01-01/{first + 9:04d}-12-31", "decade", False
    if kind == "season_year":
        return _season(int(g["year"]), g["season"].lower()), "season", False
    if kind == "year":
        return g["year"], "year", False
    if anchor is None:
        precision = {"relative_period": None, "ago": None, "day_word": "day", "weekday": "day", "month": "month",
                     "holiday": "day"}
        return None, precision.get(kind), True
    if kind == "relative_period":
        return _resolve_period(g["mod"], g["period"], anchor, tense)
    if kind == "ago":
        return _resolve_ago(g["amount"], g["unit"].lower(), anchor)
    if kind == "day_word":
        word = g["word"].lower()
        shift = -1 if word == "yesterday" or word == "last night" else 1 if word == "tomorrow" else 0
        return (anchor + timedelta(days=shift)).isoformat(), "day", True
    if kind == "holiday":
        return _resolve_holiday(g["holiday"], anchor, tense), "day", True
    if kind == "weekday":
        return _resolve_weekday(g["weekday"], (g.get("mod") or "").lower(), anchor, tense), "day", True
    if kind == "month":
        lead = (g.get("lead") or "").lower()
        if lead not in {"last", "next", "this", "coming", "past"} and (
            year := _framed_year(left, expression, right, anchor)
        ) is not None:
            return _month(year, _month_number(g["month"])), "month", True
        return _resolve_month(g["month"], lead, anchor, tense), "month", True
    return None, None, False


def _resolve_weekday(name: str, modifier: str, anchor: date, tense: str | None) -> str:
    target = _WEEKDAY_NUMBERS[name.lower()]
    back = (anchor.weekday() - target) % 7
    forward = (target - anchor.weekday()) % 7
    modifier = re.sub(r"\s+", " ", modifier)
    if modifier == "last" or modifier == "this past":
        return (anchor - timedelta(days=back or 7)).isoformat()
    if modifier == "next" or modifier == "this coming":
        return (anchor + timedelta(days=forward or 7)).isoformat()
    if tense == "future":
        return (anchor + timedelta(days=forward)).isoformat()
    return (anchor - timedelta(days=back)).isoformat()


def _holiday_date(name: str, year: int) -> date:
    """The date of a (US-centred) named day in one year; movable ones by their weekday rule."""
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's": (1, 1),
        "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
        "independence day": (7, 4), "fourth of july": (7, 4), "veterans day": (11, 11), "boxing day": (12, 26),
    }
    if name in fixed:
        return date(year, *fixed[name])

    def nth_weekday(month: int, weekday: int, n: int) -> date:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))

    if name.startswith("thanksgiving"):
        return nth_weekday(11, 3, 4)
    if name == "labor day":
        return nth_weekday(9, 0, 1)
    if name == "memorial day":
        last = nth_weekday(5, 0, 5)
        return last if last.month == 5 else nth_weekday(5, 0, 4)
    return nth_weekday(11, 0, 1) + timedelta(days=1)  # election day: the Tuesday after the first Monday


def _resolve_holiday(name: str, anchor: date, tense: str | None) -> str:
    dates = [_holiday_date(name, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "future":
        return min(d for d in dates if d >= anchor).isoformat()
    return max(d for d in dates if d <= anchor).isoformat()


def _resolve_month(name: str, lead: str, anchor: date, tense: str | None) -> str:
    month = _month_number(name)
    if lead == "next" or lead == "coming":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif lead == "last" or lead == "past":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif lead == "this":
        year = anchor.year
    elif tense == "future":
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _month(year, month)


def _resolve_period(modifier: str, period: str, anchor: date, tense: str | None) -> Resolution:
    modifier = re.sub(r"\s+", " ", modifier.lower()).removeprefix("the ")
    period = period.lower()
    step = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get(modifier, 0)
    if period == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return _week(monday), "week", True
    if period == "weekend":
        saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5)
        if step < 0 or (step == 0 and tense == "past" and anchor.weekday() < 5):
            saturday -= timedelta(weeks=1)
        elif step > 0 and anchor.weekday() >= 5:
            saturday += timedelta(weeks=1)
        return _weekend(saturday), "week", True
    if period == "month":
        year, month = _shift_month(anchor.year, anchor.month, step)
        return _month(year, month), "month", True
    if period == "year":
        return f"{anchor.year + step:04d}", "year", True
    if period == "decade":
        first = anchor.year // 10 * 10 + 10 * step
        return f"{first:04d}-01-01/{first + 9:04d}-12-31", "decade", True
    return _resolve_season("fall" if period == "autumn" else period, step, anchor, tense), "season", True


def _resolve_season(season: str, step: int, anchor: date, tense: str | None) -> str:
    """"this/last/next summer": the season under way or just past is "this" one."""
    first = _SEASON_MONTHS[season]
    latest = max(date(y, first, 1) for y in range(anchor.year - 2, anchor.year + 1) if date(y, first, 1) <= anchor)
    end_year, end_month = _shift_month(latest.year, first, 3)
    in_season = anchor < date(end_year, end_month, 1)
    if step < 0:
        year = latest.year - 1 if in_season else latest.year
    elif step > 0:
        year = latest.year + 1
    else:
        year = latest.year + 1 if (not in_season and tense == "future") else latest.year
    return _season(year, season)


def _resolve_ago(amount_word: str, unit: str, anchor: date) -> Resolution:
    amount = _amount(amount_word)
    if amount is None:
        return None, None, True
    if unit == "day":
        return (anchor - timedelta(days=amount)).isoformat(), "day", True
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) - timedelta(weeks=amount)
        return _week(monday), "week", True
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, -amount)
        return _month(year, month), "month", True
    return f"{anchor.year - amount:04d}", "year", True


def _dateparser_fallback(expression: str) -> Resolution:
    """Absolute dates our shapes miss ("the 3rd of December, 2024"): ask dateparser, keep what it saw."""
    if not re.search(rf"{_MONTH}|\d{{4}}", expression):
        return None, None, False
    try:
        import dateparser
    except ImportError:  # optional at run time
        return None, None, False
    try:
        parsed = dateparser.parse(
            expression, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]}
        )
    except Exception:  # dateparser raises many types on odd input; an unparsed date is not an error
        return None, None, False
    if parsed is None:
        return None, None, False
    if re.search(r"(?<![\d:])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])", expression):
        return parsed.date().isoformat(), "day", False
    if re.search(_MONTH, expression):
        return _month(parsed.year, parsed.month), "month", False
    return f"{parsed.year:04d}", "year", False


# "January and June" after "between", "Monday to Wednesday" after "from": one period, two ends
_RANGE_JOIN = re.compile(r"\s*(?:\s(?:and|to|through|until|till)\s|[-–—])\s*")
_RANGE_LEAD = re.compile(r"(?i)\b(?:between|from)\s+$")
_RANGE_PRECISIONS = {"day", "month", "year"}


def _resolve_range(expression: str, anchor: date | None, left: str, right: str) -> Resolution | None:
    """Both ends of "January and June" resolved in the same sentence, joined as ``start/end``; None
    unless they share a precision and run forward."""
    joint = _RANGE_JOIN.search(expression)
    if joint is None:
        return None
    first, last = expression[:joint.start()], expression[joint.end():]
    a, b = _classify(first), _classify(last)
    if a is None or b is None:
        return None
    try:
        va, pa, ra = _resolve_match(a, anchor, left, first, right)
        vb, pb, rb = _resolve_match(b, anchor, left, last, right)
    except (ValueError, OverflowError, KeyError):
        return None
    if not va or not vb or pa != pb or pa not in _RANGE_PRECISIONS:
        return None
    start, end = va.split("/")[0], vb.split("/")[-1]
    if end < start and a.kind == b.kind and a.kind in {"weekday", "month"}:
        # "between November and February": in a past sentence the start moves back before the end,
        # otherwise the end moves on past the start
        if _tense(left, expression, right) == "past":
            before = date.fromisoformat((end + "-01")[:10])
            start = (_resolve_weekday(a.groups["weekday"], "", before, "past") if a.kind == "weekday"
                     else _resolve_month(a.groups["month"], "", before, "past"))
        else:
            after = date.fromisoformat((start + "-01")[:10])
            end = (_resolve_weekday(b.groups["weekday"], "", after, "future") if b.kind == "weekday"
                   else _resolve_month(b.groups["month"], "", after, "future"))
    return (f"{start}/{end}", pa, ra or rb) if start < end else None


def _resolve(expression: str, anchor: date | None, left: str = "", right: str = "") -> Resolution:
    """Value, precision and relativeness of one expression, read in its sentence (left, right)."""
    if _RANGE_LEAD.search(left):
        joined = _resolve_range(expression, anchor, left, right)
        if joined is not None:
            return joined
    match = _classify(expression)
    if match is None:
        return _dateparser_fallback(expression)
    try:
        return _resolve_match(match, anchor, left, expression, right)
    except (ValueError, OverflowError, KeyError):
        return None, None, False


def resolve_date_expression(
    text: str, anchor: str | None, context: str = ""
) -> tuple[str | None, Precision | None]:
    """Resolve one date expression ("last week", "Thursday", "Dec. 3") against an anchor date.

    ``context`` is the sentence around the expression; it decides past or future readings
    ("will meet Thursday"). Never raises: what cannot be resolved comes back as ``(None, ...)``.
    """
    if not isinstance(text, str):
        return None, None
    context = context if isinstance(context, str) else ""
    at = context.find(text) if text else -1
    left, right = (context[:at], context[at + len(text) :]) if at >= 0 else (context, "")
    value, precision, _ = _resolve(text, _parse_anchor(anchor), left, right)
    return value, precision


# --------------------------------------------------------------------------- finding


def _scan(text: str, finding: bool = True):
    """(full start, span start, end, kind, groups, match) for each date shape in ``text``.

    The span leaves out leading prepositions ("in December" -> "December"); ``finding`` adds
    the checks that keep look-alikes out of running text ("May" the modal, "Black Friday").
    """
    lowered = text.lower()
    for shape in _SHAPES:
        kind = shape.kind
        for start, end, groups, m in _shape_matches(text, shape, lowered):
            span_start = start
            if kind in {"month", "year"} and (groups.get("lead") or "").lower() not in _SPAN_KEEP_LEAD:
                edge = re.search(r"(?i)(?:early|mid|late)[- ]$", text[start : m.start()])
                span_start = start + edge.start() if edge else m.start()
            if not _valid_words(kind, groups):
                continue
            if finding:
                if kind == "month" and not _month_in_context(groups, m.group("month")):
                    continue
                if kind == "weekday" and _is_holiday(text, m.start()):
                    continue
                if kind == "day_word" and not m.group()[:1].islower() and not _starts_sentence(text, start):
                    continue  # "Florida Today": a name, not the day
                if kind == "relative_period" and text[start : m.start()].strip().lower() == "the":
                    if groups["mod"].lower() != "coming":
                        continue  # "the last year", "the next week": spans of time, not dates
            yield start, span_start, end, kind, groups, m


_VALID_WORDS = {
    "season_year": ("season", {"spring", "summer", "fall", "autumn"} | {"winter"}),
    "relative_period": ("mod", {"last", "this past", "this coming", "this", "next", "coming"}),
    "day_word": ("word", {"today", "tonight", "yesterday", "tomorrow", "this morning", "this afternoon",
                          "this evening", "last night"}),
}


def _valid_words(kind: str, groups: dict) -> bool:
    """Patterns start with a bare character class for speed; check the words they let through."""
    if kind in {"day_month"}:
        return 1 <= int(groups["day"]) <= 31
    if kind not in _VALID_WORDS:
        return True
    name, allowed = _VALID_WORDS[kind]
    return re.sub(r"\s+", " ", groups[name].lower()) in allowed


def _month_in_context(groups: dict, month: str) -> bool:
    """A bare month name needs a date word in front: "April Ryan", "Smith and May" are people."""
    lead = (groups.get("lead") or "").lower()
    if month.rstrip(".").lower() in {"may", "march", "mar"}:
        return lead not in {"", "and", "or", "to", "of", "that", "between"} or bool(groups.get("edge_only"))
    return bool(lead or groups.get("edge_only"))


@lru_cache(maxsize=16)
def date_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Non-overlapping (start, end, kind) of every date-shaped phrase in ``text``, in order."""
    found = [(span_start, end, kind) for _, span_start, end, kind, _, _ in _scan(text) if span_start < end]
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))  # the longest reading of overlapping ones wins
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if not any(s < span[1] and span[0] < e for s, e, _ in kept):
            kept.append(span)
    return tuple(sorted(kept))


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“‘'(:—–"


def _is_holiday(text: str, weekday_start: int) -> bool:
    before = text[max(0, weekday_start - 12) : weekday_start].split()
    return bool(before) and before[-1].lower() in _HOLIDAY_PREFIXES and before[-1][:1].isupper()


def doc_matches_text(doc, text: str) -> bool:
    """Whether ``doc`` was parsed from ``text`` (cheaply: without rebuilding ``doc.text``)."""
    if doc is None or not hasattr(doc, "__len__"):
        return False
    try:
        if len(doc) == 0:
            return text == ""
        last = doc[-1]
        return doc[0].idx == 0 and last.idx + len(last.text_with_ws) == len(text) and last.text == text[last.idx : last.idx + len(last.text)]
    except (AttributeError, IndexError, TypeError):
        return False


def _entity_spans(doc, text: str) -> list[tuple[int, int]]:
    """spaCy DATE/TIME entities that are points in time (not durations, ages or clock times)."""
    if not doc_matches_text(doc, text):
        return []
    spans = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        words = ent.text.strip()
        if _BARE_NAME.fullmatch(words):  # a lone month or weekday our own patterns left out on purpose
            continue
        if _DURATION.match(words) or _AGE.search(words) or _CLOCK.search(words):
            continue
        if not re.search(rf"{_MONTH}|{_WEEKDAY}|(?<!\d){_YEAR}|(?i:\b(?:christmas|easter|thanksgiving|new year))", words):
            continue
        if re.match(r"(?i)\s*(?:GMT|UTC|local\s+time|hours|hrs)\b", text[ent.end_char : ent.end_char + 20]):
            continue
        spans.append((ent.start_char, ent.end_char))
    return spans


def _expression(text: str, start: int, end: int, anchor: date | None, anchor_text: str | None) -> DateExpression:
    expression = text[start:end]
    left, right = _sentence_context(text, start, end)
    value, precision, relative = _resolve(expression, anchor, left, right)
    return DateExpression(
        text=expression,
        start=start,
        end=end,
        resolved=value,
        precision=precision,
        relative=relative,
        anchor=anchor_text if relative and anchor is not None else None,
    )


def find_dates(doc, article) -> list[DateExpression]:
    """Every date expression in the article, resolved against ``article.anchor_date``."""
    text = article.text or ""
    anchor_text = article.anchor_date
    anchor = _parse_anchor(anchor_text)
    found = [_expression(text, s, e, anchor, anchor_text) for s, e, _ in date_spans(text)]
    for start, end in _entity_spans(doc, text):
        if not any(d.start < end and start < d.end for d in found):
            extra = _expression(text, start, end, anchor, anchor_text)
            if extra.resolved is not None:  # what neither our shapes nor dateparser read stays out
                found.append(extra)
    return _join_ranges(text, sorted(found, key=lambda d: d.start), anchor, anchor_text)


def _join_ranges(text: str, found: list[DateExpression], anchor: date | None,
                 anchor_text: str | None) -> list[DateExpression]:
    """"between January and June", "from 2019 to 2021": the two ends as one period."""
    joined: list[DateExpression] = []
    i = 0
    while i < len(found):
        first = found[i]
        if i + 1 < len(found) and first.resolved and found[i + 1].resolved and \
                _RANGE_JOIN.fullmatch(text[first.end:found[i + 1].start]) and \
                _RANGE_LEAD.search(text[max(0, first.start - 12):first.start]):
            both = _expression(text, first.start, found[i + 1].end, anchor, anchor_text)
            if both.resolved and "/" in both.resolved:
                joined.append(both)
                i += 2
                continue
        joined.append(first)
        i += 1
    return joined


def reresolve_dates(dates: list[DateExpression], anchor: str, text: str) -> list[DateExpression]:
    """Resolve relative expressions again against a new anchor (a date inferred later from the story).

    ``text`` is the article text the expressions' offsets point into; absolute dates are kept.
    """
    new_anchor = _parse_anchor(anchor)
    result = []
    for expression in dates:
        if not expression.relative or new_anchor is None:
            result.append(expression)
            continue
        if 0 <= expression.start <= expression.end <= len(text):
            left, right = _sentence_context(text, expression.start, expression.end)
        else:
            left, right = "", ""
        value, precision, _ = _resolve(expression.text, new_anchor, left, right)
        result.append(replace(expression, resolved=value, precision=precision, anchor=anchor))
    return result
