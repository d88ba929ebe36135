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
- Past or future comes first from the date's own words ("next", "last", "ago"), then a strong
  word before it ("ahead of", "since"), then a past verb right before it ("said Monday"), then
  the verb it hangs on in the parse: its auxiliaries ("will", "would", "had"), spaCy's Tense and
  VerbForm, a head that looks ahead ("plans to", "is due to"), a present tense of an arranged
  event ("the board votes Wednesday"). A date hanging on a noun ("a Tuesday interview", "the
  attacks on New Year's Eve") and a hypothesis ("if it rescheduled ...") take no direction from
  the verb; the words around then decide, as without a parse. Each date keeps the ``cue`` and
  ``direction`` that were used, and ``anchor``, the date it was resolved against.
- Anaphora count from the date the text last talked about (the anchor before any): "two days
  later", "that year", "the following Thursday", "September of that year", "the year-earlier
  quarter". A yardstick ("up 8 percent from a year earlier") does not move that date; a count
  ("108 years later") needs a date from the text; an anaphor finer than its reference ("two
  days later" after "in 2019") is left out.
- A dateline ("BEIJING, Aug. 7 (Xinhua) --") is read as past or same day; its day, if at most
  two weeks before publication, anchors what follows it.
- Quarters and halves are calendar ranges with precision "quarter" (fiscal years that start
  elsewhere are read as calendar ones): in the future the first not yet over, else the last one
  mostly over. "fiscal 2024" is 2024; "year-end" and "the end of the year" are the year (the one
  just over in a past sentence); "the end of the month" is the month; "the weekend" is the one
  just past or under way in a past sentence, the coming one in a future one.
- Spelled years: "nineteen ninety-six" anywhere; "two thousand (and) eight", "twenty thirty"
  and "nineteen hundred" only after "in", "by", "the year"... and where no noun follows.
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
    "fifteen": 15, "twenty": 20, "thirty": 30,
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
_PERIOD = r"(?:week|weekend|month|year|decade|quarter|spring|summer|fall|autumn|winter)"
_CENTURY_WORD = r"nineteen|eighteen|seventeen|sixteen"
_TENS_WORD = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS_WORD = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNITS_WORD = r"one|two|three|four|five|six|seven|eight|nine"
_ANAPHOR_UNIT = r"day|morning|afternoon|evening|night|week|weekend|month|year|spring|summer|fall|autumn|winter|quarter"
_AMOUNT_WORD = (
    r"(?:\d{1,3}|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"a\s+couple\s+of))"
)
# "June 12 last year", "in April of next year": the year named after the day or month
_REL_YEAR = (
    r"(?:,?\s+(?:of\s+)?(?:(?P<rel_year>[Ll]ast|[Tt]his|[Nn]ext)|(?P<ana_year>that|the\s+same|the\s+following|the\s+next|"
    r"the\s+previous|the\s+prior))\s+year(?![A-Za-z'’-]))"
)
_ANA_YEAR_STEP = {"that": 0, "the same": 0, "the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
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
            rf"(?:,?\s+(?P<year>{_YEAR})|{_REL_YEAR})?"
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
            rf"(?:\s+(?P<year>{_YEAR})|{_REL_YEAR})?"
        ),
    ),
    _Shape(
        "weekday",
        re.compile(rf"(?P<weekday>{_WEEKDAY}){_PART_OF_DAY}?"),
        _left(r"(?P<mod>(?i:last|next|this\s+past|this\s+coming|this|early|late))\s+"),
    ),
    _Shape(
        "month",
        re.compile(rf"(?P<month>{_MONTH})(?!\.?\s+\d){_REL_YEAR}?"),
        _left(rf"(?i:(?P<lead>{_MONTH_LEAD})\s+(?:(?P<edge>early|mid|late)[- ])?|(?P<edge_only>early|mid|late)[- ])"),
    ),
    _Shape(
        "spelled_year",
        re.compile(
            rf"(?P<spelled>(?i:{_CENTURY_WORD})\s+(?:hundred(?:\s+and\s+(?:{_UNITS_WORD}))?|(?:{_TENS_WORD})(?:[- ](?:{_UNITS_WORD}))?"
            rf"|{_TEENS_WORD}|oh[- ](?:{_UNITS_WORD}))"
            rf"|[Tt]wo\s+thousand(?:\s+and)?(?:\s+(?:(?:{_TENS_WORD})(?:[- ](?:{_UNITS_WORD}))?|{_TEENS_WORD}|{_UNITS_WORD}))?"
            rf"|[Tt]wenty\s+(?:(?:{_TENS_WORD})(?:[- ](?:{_UNITS_WORD}))?|{_TEENS_WORD}))(?![A-Za-z-])"
        ),
        _left(r"(?P<lead>(?i:the\s+year|year|in|since|by|until|till|during|from|of|through|before|after))\s+"),
        gate=re.compile(r"nineteen|eighteen|seventeen|sixteen|thousand|twenty"),
    ),
    _Shape(
        "fiscal_year",
        re.compile(rf"(?:[Ff]iscal(?:[- ][Yy]ear)?\s+|FY\s?)(?P<year>{_YEAR}|['’]\d\d(?!\d))"),
        gate=re.compile(r"fiscal|fy"),
    ),
    _Shape(
        "quarter",
        re.compile(
            rf"(?P<ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[- ](?P<unit>quarter|half)(?![A-Za-z])"
            rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal|financial)\s+(?:year\s+)?)?(?P<year>{_YEAR})|\s+(?P<year_after>{_YEAR})"
            r"|\s+of\s+(?P<year_word>(?:the|this|next|last)\s+year)(?![A-Za-z]))?"
        ),
        _left(rf"(?P<article>(?i:the|a|an|another|each|every|its|their)\s+)?(?:(?P<qyear>{_YEAR})(?:['’]s)?\s+)?"),
        gate=re.compile(r"quarter|half"),
    ),
    _Shape(
        "quarter_code",
        re.compile(rf"Q(?P<q>[1-4])(?![A-Za-z0-9])(?:\s+(?P<year>{_YEAR})|\s*['’](?P<yy>\d\d)(?!\d))?"),
        _left(rf"(?:(?P<qyear>{_YEAR})\s+)?"),
    ),
    _Shape(
        "year_end",
        re.compile(rf"(?P<edge>[Yy]ear)[- ]end(?![A-Za-z])(?:\s+(?P<year>{_YEAR}))?"),
        gate=re.compile(r"year.end"),
    ),
    _Shape(
        "period_edge",
        re.compile(r"(?P<edge>[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle)\s+of\s+the\s+(?P<unit>month|year)(?![A-Za-z'’-])"),
        _left(r"(?i:the\s+)"),
        left_required=True,
        gate=re.compile(r"of the (?:month|year)"),
    ),
    _Shape(
        "the_weekend",
        re.compile(r"[Tt]he\s+weekend(?![A-Za-z'’-])"),
        gate=re.compile(r"the\s+weekend"),
    ),
    # Anaphoric dates, each shape starting at a rare word so the scan stays cheap; the amount and
    # unit in front ("two days" of "two days later") are read by ``left``.
    _Shape(
        "anaphor",
        re.compile(r"(?P<dir>[Ll]ater|[Ee]arlier)(?![A-Za-z])(?!\s+than)"),
        _left(rf"(?P<amount>{_AMOUNT_WORD})\s+(?P<unit>(?i:day|week|month|year|decade))s?\s+"),
        left_required=True,
        gate=re.compile(r"later|earlier"),
    ),
    _Shape(
        "anaphor",
        re.compile(r"(?P<dir_b>[Bb]efore|[Aa]fter)(?=\s*[,;.:!?)—–]|\s*$)"),
        _left(rf"(?P<amount_b>{_AMOUNT_WORD})\s+(?P<unit_b>(?i:day|week|month|year))s?\s+"),
        left_required=True,
        gate=re.compile(r"before|after"),
    ),
    _Shape(
        "anaphor",
        re.compile(r"(?P<dir_d>[Bb]efore|[Aa]fter|[Ee]arlier|[Ll]ater)(?=\s*[,;.:!?)—–]|\s*$)"),
        _left(r"(?i:the)\s+(?P<unit_d>(?i:day|night|week|month|year))\s+"),
        left_required=True,
        gate=re.compile(r"before|after|earlier|later"),
    ),
    _Shape(
        "anaphor",
        re.compile(rf"[Tt]he\s+(?P<rel>following|next|previous|prior|preceding|same)\s+(?P<unit_c>{_ANAPHOR_UNIT})(?![A-Za-z-])"),
        gate=re.compile(r"the\s+(?:following|next|previous|prior|preceding|same)\s"),
    ),
    _Shape(
        "anaphor",
        re.compile(rf"(?P<that>[Tt]hat)(?:\s+same)?\s+(?P<unit_c>{_ANAPHOR_UNIT})(?![A-Za-z-])"),
        _left(r"(?P<edge>(?i:earlier|later))\s+"),
        gate=re.compile(r"that\s"),
    ),
    _Shape(
        "anaphor",
        re.compile(
            r"[Tt]he\s+(?:same\s+(?P<unit_f>period|quarter|month|week|day)(?:\s+(?:of\s+)?(?:last|the\s+(?:last|previous|prior))"
            r"\s+year|\s+(?:a|one)\s+year\s+(?:earlier|ago|before))"
            r"|(?P<rel_e>year[- ](?:earlier|ago|before)|prior[- ]year|previous[- ]year)\s+(?P<unit_e>quarter|period|month|half))"
            r"(?![A-Za-z-])"
        ),
        gate=re.compile(r"the\s+same\s|year.(?:earlier|ago|before)|prior.year|previous.year"),
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
    if previous is not None and previous.lower() in _PASSIVE_AUXILIARIES:
        return False  # "will be launched", "would be held": the auxiliary carries the tense
    if low in _IRREGULAR_PAST:
        return True
    if "-" in word or word[:1].isupper() or low in _NOT_PAST or len(low) < 5:
        return False
    return low.endswith("ed") and (previous is None or previous.lower() not in _DETERMINERS)


def _tense(left: str, expression: str, right: str, immediate_only: bool = False) -> str | None:
    """'future', 'past' or None (no cue) for an expression, from the words around it (see ``_tense_cue``)."""
    return _tense_cue(left, expression, right, immediate_only)[0]


def _tense_cue(left: str, expression: str, right: str, immediate_only: bool = False) -> tuple[str | None, str | None]:
    """('future' | 'past' | None, the word that said so) for an expression, from the words around it.

    Strong cues are the expression's own modifier and the verb right before it ("said Tuesday",
    "will meet Thursday"); weaker ones are the latest tense marker earlier in the sentence, then
    the first one shortly after. ``immediate_only`` keeps to the strong cues.
    """
    if m := re.search(r"(?i)\b(?:next|coming|upcoming)\b", expression):
        return "future", m.group()
    if m := re.search(r"(?i)\b(?:last|past|previous|ago)\b", expression):
        return "past", m.group()
    words = _WORD.findall(left)
    tail = [w for w in words[-3:] if w.lower() not in {"on", "early", "late", "this", "the", "by", "from", "between"}]
    if tail and _is_past_word(tail[-1], tail[-2] if len(tail) > 1 else None):
        return "past", tail[-1]
    if m := _FUTURE_MARKERS.search(" ".join(words[-4:])):
        return "future", m.group()
    if immediate_only:
        return None, None
    futures = list(_FUTURE_MARKERS.finditer(left))
    pasts = list(_past_words(left))
    last_future = futures[-1].end() if futures else -1
    last_past = pasts[-1][0] if pasts else -1
    if last_future > last_past:
        return "future", futures[-1].group()
    if last_past >= 0:
        return "past", pasts[-1][1]
    right = right[:80]
    first_future = next(_FUTURE_MARKERS.finditer(right), None)
    first_past = next(_past_words(right), None)
    if first_future is not None and (first_past is None or first_future.start() < first_past[0]):
        return "future", first_future.group()
    return ("past", first_past[1]) if first_past is not None else (None, None)


# --------------------------------------------------------------------------- tense from the parse

# Verbs whose infinitive complement lies ahead: "plans to open", "is due to rule", "hopes to draw".
_FUTURE_HEADS = frozenset(
    """going plan plans planned planning set expect expects expected expecting schedule schedules scheduled
    slated due hope hopes hoped hoping aim aims aimed aiming intend intends intended intending want wants
    wanted seek seeks sought prepare prepares prepared preparing poised likely about ready promise promises
    promised pledge pledges pledged vow vows vowed threaten threatens threatened propose proposes proposed
    agree agrees agreed vote votes voted forecast forecasts projected predicted bound certain sure unlikely""".split()
)
# Words that put the date they govern ahead: "scheduled for Sunday", "due on Friday", "set for March".
_SCHEDULE_WORDS = frozenset("scheduled slated due timed booked poised upcoming".split())
# Verbs whose present tense tells an arranged event ("the board votes Wednesday", "the law takes effect
# Jan. 1"); other present verbs ("is unknown", "mean") say nothing of the date's direction.
_ARRANGED_PRESENT = frozenset(
    """opens open closes close starts start begins begin ends end expires expire resumes resume returns return
    takes take arrives arrive departs depart meets meet convenes convene votes vote kicks kick plays play
    faces face hosts host testifies testify reopens reopen""".split()
)
_FUTURE_AUXILIARIES = frozenset("will 'll ’ll shall wo ll".split())
_MODALS = frozenset("would could might may should must 'd ’d".split())  # not "can": ability, not time
_PERFECT = frozenset("has have had 've ’ve having".split())
_PRESENT_BE = frozenset("is are am 're ’re 'm ’m".split())
_PRESENT_SPEECH = frozenset("say says tell tells report reports add adds note notes write writes".split())
_STRONG_LEFT = re.compile(
    r"(?i)(?:(?P<future>ahead\s+of|in\s+advance\s+of|in\s+the\s+run-up\s+to|leading\s+up\s+to|upcoming)|(?P<past>since))"
    r"(?:\s+(?:the|this|last|next|early|late|a|an))?\s*$"
)


def _is_verb(token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") or token.tag_ == "MD"


def _verb_direction(verb, depth: int = 0) -> tuple[str | None, str | None]:
    """The direction a verb group sets, from its morphology and auxiliaries (spaCy's Tense, VerbForm)."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
        return None, None  # "if it rescheduled the meeting from March 6": a hypothesis, not the past
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    lowered = [a.lower_ for a in auxiliaries]
    for aux in auxiliaries:
        if aux.lower_ in _FUTURE_AUXILIARIES:
            return "future", aux.text
    modal = next((a for a in auxiliaries if a.lower_ in _MODALS), None)
    if modal is not None and modal.lower_ == "could" and any(c.dep_ == "neg" for c in verb.children):
        return "past", f"{modal.text} not"  # "could not be reached on Sunday"
    if modal is not None:  # "would be held" (a report's future), "would have met" (its past)
        return ("past", f"{modal.text} have") if any(w in {"have", "'ve", "’ve"} for w in lowered) else ("future", modal.text)
    if verb.lower_ in _SCHEDULE_WORDS:
        return "future", verb.text
    tense = verb.morph.get("Tense")
    form = verb.morph.get("VerbForm")
    perfect = next((a for a in auxiliaries if a.lower_ in _PERFECT), None)
    if perfect is not None and ("Part" in form or verb.tag_ == "VBN"):
        return "past", f"{perfect.text} {verb.text}"
    for aux in auxiliaries:
        if aux.lower_ in {"was", "were", "did"}:
            return "past", aux.text
    if ("Fin" in form and "Past" in tense) or verb.tag_ == "VBD":
        return "past", verb.text
    if "Inf" in form or verb.tag_ == "VB":
        head = verb.head
        if "to" not in lowered or head is verb or depth > 3:
            return None, None
        if head.lower_ in _FUTURE_HEADS:
            return "future", f"{head.text} to"
        return _verb_direction(head, depth + 1) if _is_verb(head) else (None, None)
    if any(w in _PRESENT_BE for w in lowered) and verb.tag_ == "VBG":  # "is meeting on Friday": arranged
        return "future", f"{auxiliaries[0].text} {verb.text}"
    if verb.tag_ in {"VBZ", "VBP"} and verb.lower_ in _ARRANGED_PRESENT:
        return "future", verb.text  # "the board votes Wednesday", "the law takes effect Jan. 1"
    return None, None


def _doc_direction(doc, start: int, end: int) -> tuple[str | None, str | None]:
    """The direction set by the verb the date hangs on in the parse ("met on Sunday", "will meet
    Thursday", "plans to open in April"); (None, None) where the date hangs on a noun ("the attacks on
    New Year's Eve", "a Tuesday radio interview"), whose event the verb's tense does not date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    token = span.root
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head  # "on Sunday": the preposition's attachment decides
    head = token.head
    if head is token or not _is_verb(head) or head.dep_ in {"aux", "auxpass"}:
        return None, None
    if head.tag_ == "VBN" and head.dep_ in {"acl", "amod"} and head.lower_ not in _SCHEDULE_WORDS:
        return None, None  # "the measure, passed in 2019": a participle clause, no tense of its own
    return _verb_direction(head)


def _direction(doc, start: int, end: int, left: str, expression: str, right: str,
               immediate_only: bool) -> tuple[str | None, str | None]:
    """Past or future for a date, and the cue: its own modifier ("next"), a strong word before it
    ("ahead of", "since"), the tense of its clause in the parse, else the words around it."""
    if m := re.search(r"(?i)\b(?:next|coming|upcoming)\b", expression):
        return "future", m.group()
    if m := re.search(r"(?i)\b(?:last|past|previous|ago)\b", expression):
        return "past", m.group()
    if m := _STRONG_LEFT.search(left[-40:]):
        return ("future", m["future"]) if m["future"] else ("past", m["past"])
    words = _WORD.findall(left[-60:])
    tail = [w for w in words[-3:] if w.lower() not in {"on", "early", "late", "this", "the", "by", "from", "between"}]
    if tail and _is_past_word(tail[-1], tail[-2] if len(tail) > 1 else None):
        return "past", tail[-1]  # "said on Monday it would ...": the report's day
    if doc is not None:
        tense, cue = _doc_direction(doc, start, end)
        if tense is not None:
            return tense, cue
    return _tense_cue(left, expression, right, immediate_only)


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

_REL_YEAR_STEP = {"last": -1, "this": 0, "next": 1}
_UNSET = "unset"  # no direction given: read it from the words around the expression


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


def _framed_year(left: str, expression: str, right: str, anchor: date, tense: str | None = _UNSET) -> int | None:
    """``_sentence_year``, unless the sentence speaks of the future ("In 2019, it said it will ...")."""
    year = _sentence_year(left, anchor)
    if year is None:
        return None
    tense = _tense(left, expression, right) if tense == _UNSET else tense
    return year if tense != "future" else None


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


# --------------------------------------------------------------------------- fiscal periods, edges, spelled years

_WORD_NUMBERS = {
    **{w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                   "fourteen fifteen sixteen seventeen eighteen nineteen".split())},
    **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)},
}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _spelled_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and eight" -> 2008, "twenty thirty" -> 2030."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if len(parts) >= 2 and parts[0] == "two" and parts[1] == "thousand":
        return 2000 + sum(_WORD_NUMBERS.get(w, 0) for w in parts[2:])
    if not parts or parts[0] not in _WORD_NUMBERS:
        return None
    century = _WORD_NUMBERS[parts[0]] * 100
    rest = parts[1:]
    if rest[:1] == ["hundred"]:
        return century + sum(_WORD_NUMBERS.get(w, 0) for w in rest[1:])
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    return century + sum(_WORD_NUMBERS.get(w, 0) for w in rest)


def _full_year(written: str) -> int:
    """"2024" -> 2024, "'89" -> 1989, "'24" -> 2024."""
    digits = re.sub(r"\D", "", written)
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 30 else 2000
    return year


def _quarter_of(groups: dict) -> tuple[str, int]:
    if groups.get("q"):
        return "quarter", int(groups["q"])
    return groups["unit"].lower(), _ORDINALS[groups["ord"].lower()]


def _fiscal_period(year: int, unit: str, number: int) -> str:
    """A calendar quarter or half as "start/end" (fiscal years that start elsewhere are read as calendar ones)."""
    months = 3 if unit == "quarter" else 6
    first = date(year, (number - 1) * months + 1, 1)
    end_year, end_month = _shift_month(year, first.month, months)
    return f"{first.isoformat()}/{(date(end_year, end_month, 1) - timedelta(days=1)).isoformat()}"


def _resolve_quarter(unit: str, number: int, anchor: date, tense: str | None) -> str:
    """A quarter or half without a year: in the future the first one not yet over, else the last one
    more than half over ("said fourth-quarter earnings fell", told in late December, is this year's)."""
    spans = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = _fiscal_period(year, unit, number)
        spans.append((date.fromisoformat(value[:10]), date.fromisoformat(value[11:]), value))
    if tense == "future":
        return next(v for start, end, v in spans if end >= anchor)
    return [v for start, end, v in spans if start + (end - start) / 2 <= anchor][-1]  # over, or mostly over


def _year_end(anchor: date, tense: str | None) -> int:
    """The year whose end "year-end" is: the coming one, or in a past sentence the one just over."""
    if tense == "past":
        return anchor.year if anchor.month == 12 else anchor.year - 1
    if tense is None and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


def _resolve_edge(edge: str, unit: str, anchor: date, tense: str | None) -> Resolution:
    """"the end of the month", "the beginning of the year": the month or year whose edge it is."""
    if unit == "year":
        if edge == "end":
            return f"{_year_end(anchor, tense):04d}", "year", True
        if edge in {"beginning", "start"} and tense == "future" and anchor.month > 2:
            return f"{anchor.year + 1:04d}", "year", True
        return f"{anchor.year:04d}", "year", True
    year, month = anchor.year, anchor.month
    if edge == "end" and tense == "past" and anchor.day <= 15:
        year, month = _shift_month(year, month, -1)
    elif edge in {"beginning", "start"} and tense == "future" and anchor.day > 10:
        year, month = _shift_month(year, month, 1)
    return _month(year, month), "month", True


def _resolve_the_weekend(anchor: date, tense: str | None) -> str:
    """"the weekend": the one just past or under way in a past sentence, the coming one in a future one;
    with no cue, the nearer one (early in the week the last, late in the week the next)."""
    saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5)
    if anchor.weekday() >= 5:
        return _weekend(saturday)
    if tense == "past" or (tense is None and anchor.weekday() <= 2):
        saturday -= timedelta(weeks=1)
    return _weekend(saturday)


# --------------------------------------------------------------------------- anaphora


@dataclass(frozen=True)
class _Reference:
    """The date the text last talked about, as a first and last day and a precision."""

    first: date
    last: date
    precision: str
    value: str

    @classmethod
    def of_day(cls, day: date | None) -> _Reference | None:
        return None if day is None else cls(day, day, "day", day.isoformat())

    @classmethod
    def of(cls, value: str | None, precision: str | None) -> _Reference | None:
        """A resolved value ("2019", "2019-03", "2019-03-04", "a/b") as a reference; None if unreadable."""
        if not value or not precision or precision in {"decade", "time"}:
            return None
        try:
            ends = value.split("/")
            first = _first_day(ends[0])
            last = _last_day(ends[-1])
        except ValueError:
            return None
        return cls(first, last, precision, value)


def _first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = (parts[0], 12) if len(parts) == 1 else (parts[0], parts[1])
    next_year, next_month = _shift_month(year, month, 1)
    return date(next_year, next_month, 1) - timedelta(days=1)


_ANAPHOR_UNITS = {"morning": "day", "afternoon": "day", "evening": "day", "night": "day", "autumn": "fall"}


def _anaphor_parts(g: dict) -> tuple[int, int, str, bool]:
    """(amount, sign, unit, counted) of an anaphoric phrase: "two days later" is (2, +1, "day", True),
    "the previous year" (1, -1, "year", False), "that morning" (0, 0, "day", False)."""
    if g.get("amount") or g.get("amount_b"):
        amount = _amount(g.get("amount") or g.get("amount_b")) or 0
        word = (g.get("dir") or g.get("dir_b")).lower()
        unit = (g.get("unit") or g.get("unit_b")).lower()
        return amount, (1 if word in {"later", "after"} else -1), unit, True
    if g.get("unit_f"):  # "the same period last year": the reference a year back
        return 1, -1, "year-of-" + g["unit_f"].lower(), False
    if g.get("unit_d"):
        word = g["dir_d"].lower()
        return 1, (1 if word in {"later", "after"} else -1), _ANAPHOR_UNITS.get(g["unit_d"].lower(), g["unit_d"].lower()), False
    if g.get("unit_e"):
        rel = g["rel_e"].lower()
        return (0, 0, "period", False) if rel == "same" else (1, -1, "year-of-" + g["unit_e"].lower(), False)
    unit = g["unit_c"].lower()
    unit = _ANAPHOR_UNITS.get(unit, unit)
    rel = (g.get("rel") or "").lower()
    if rel in {"following", "next"}:
        return 1, 1, unit, False
    if rel in {"previous", "prior", "preceding"}:
        return 1, -1, unit, False
    return 0, 0, unit, False  # "that year", "the same day", "earlier that day"


def _resolve_anaphor(g: dict, ref: _Reference | None) -> Resolution:
    """An anaphoric date ("two days later", "that year", "the year-earlier quarter") from the reference;
    None where the reference is too coarse for it ("two days later" after "in 2019")."""
    if ref is None:
        return None, None, True
    amount, sign, unit, counted = _anaphor_parts(g)
    base = ref.last if sign > 0 else ref.first
    step = amount * sign
    day_ref = ref.precision == "day" and ref.first == ref.last
    if unit == "day" or (unit == "week" and counted):
        if not day_ref:
            return None, None, True
        return (ref.first + timedelta(days=step * (7 if unit == "week" else 1))).isoformat(), "day", True
    if unit == "week":
        if ref.precision not in {"day", "week"} or (ref.last - ref.first).days > 6:
            return None, None, True
        monday = ref.first - timedelta(days=ref.first.weekday()) + timedelta(weeks=step)
        return _week(monday), "week", True
    if unit == "weekend":
        if not day_ref:
            return None, None, True
        saturday = ref.first - timedelta(days=ref.first.weekday()) + timedelta(days=5) + timedelta(weeks=step)
        return _weekend(saturday), "week", True
    if unit == "month":
        if ref.precision not in {"day", "week", "month"}:
            return None, None, True
        year, month = _shift_month(base.year, base.month, step)
        return _month(year, month), "month", True
    if unit in {"year", "decade"}:
        return f"{base.year + step * (10 if unit == 'decade' else 1):04d}", "year", True
    if unit in _SEASON_MONTHS:
        if step == 0:
            return _season(ref.first.year if unit != "winter" or ref.first.month == 12 else ref.first.year - 1, unit), "season", True
        starts = [date(y, _SEASON_MONTHS[unit], 1) for y in range(base.year - 2, base.year + 3)]
        start = min(d for d in starts if d > base) if step > 0 else max(d for d in starts if d < base)
        return _season(start.year, unit), "season", True
    if unit == "quarter":
        if ref.precision != "quarter" or (ref.last - ref.first).days > 95:
            return None, None, True
        index = ref.first.year * 4 + (ref.first.month - 1) // 3 + step
        return _fiscal_period(index // 4, "quarter", index % 4 + 1), "quarter", True
    if unit == "period":  # "the same period", "the same month"
        return ref.value, ref.precision, True
    if unit.startswith("year-of-"):  # "the year-earlier quarter": the reference a year back
        wanted = unit.removeprefix("year-of-")
        if wanted in {"quarter", "half"} and ref.precision != "quarter":
            return None, None, True
        if wanted == "month" and ref.precision not in {"month", "day"}:
            return None, None, True
        return _year_back(ref), ref.precision, True
    return None, None, True


def _year_back(ref: _Reference) -> str:
    def back(value: str) -> str:
        year, _, rest = value.partition("-")
        shifted = f"{int(year) - 1:04d}" + ("-" + rest if rest else "")
        return "-".join(shifted.split("-")[:2]) + "-28" if shifted.endswith("-02-29") else shifted
    return "/".join(back(v) for v in ref.value.split("/"))


# --------------------------------------------------------------------------- resolution

Resolution = tuple[str | None, Precision | None, bool]  # value, precision, relative


@dataclass(frozen=True)
class _Match:
    kind: str
    groups: dict[str, str | None]
    numbered: tuple[str | None, ...]


@lru_cache(maxsize=4096)
def _classify(expression: str) -> _Match | None:
    """Which of our shapes the whole expression has (ignoring a leading preposition and "the")."""
    text = re.sub(r"\s+", " ", expression.strip().strip(".,;:!?\"“”'‘’()"))
    text = re.sub(r"['’]s$", "", text)
    bare = re.sub(r"(?i)^(?:(?:on|in|at|during|by|since|from|until|of|the)\s+)+", "", text)
    if re.fullmatch(_YEAR, bare):
        return _Match("year", {"year": bare}, (bare,))
    best = None
    for candidate in dict.fromkeys((text, bare)):
        whole = None
        for full_start, _, end, kind, groups, m in _scan(candidate, finding=False):
            if full_start == 0 and end == len(candidate):
                if kind == "anaphor":  # "the next year" told after a date is that date's next year
                    return _Match(kind, groups, m.groups())
                whole = whole or _Match(kind, groups, m.groups())
        if whole is not None:
            return whole
        for full_start, _, end, kind, groups, m in _scan(candidate, finding=False):
            if best is None and end == len(candidate) and kind in {"weekday", "month"}:
                best = _Match(kind, groups, m.groups())  # "the following Thursday": the name decides
    return best


def _resolve_match(match: _Match, anchor: date | None, left: str, expression: str, right: str,
                   direction: str | None = _UNSET) -> Resolution:
    g = match.groups
    kind = match.kind
    tense = direction if direction != _UNSET else _tense(left, expression, right, immediate_only=kind in {"month_day", "day_month"})
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
        elif g.get("rel_year"):
            found = _safe_date(anchor.year + _REL_YEAR_STEP[g["rel_year"].lower()], month, day)
        elif (year := _framed_year(left, expression, right, anchor, direction)) is not None:
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
    if kind == "spelled_year":
        year = _spelled_year(g["spelled"])
        return (f"{year:04d}", "year", False) if year else (None, None, False)
    if kind == "fiscal_year":
        return f"{_full_year(g['year'])}", "year", False
    if kind in {"quarter", "quarter_code"} and (g.get("year") or g.get("qyear") or g.get("yy") or g.get("year_after")):
        year = _full_year(g.get("year") or g.get("qyear") or g.get("yy") or g.get("year_after"))
        return _fiscal_period(year, *_quarter_of(g)), "quarter", False
    if kind == "year_end" and g.get("year"):
        return g["year"], "year", False
    if anchor is None:
        precision = {"relative_period": None, "ago": None, "day_word": "day", "weekday": "day", "month": "month",
                     "holiday": "day", "quarter": "quarter", "quarter_code": "quarter", "year_end": "year",
                     "the_weekend": "week"}
        return None, precision.get(kind), True
    if kind == "relative_period":
        return _resolve_period(g["mod"], g["period"], anchor, tense)
    if kind in {"quarter", "quarter_code"}:
        unit, number = _quarter_of(g)
        if g.get("year_word"):
            word = g["year_word"].split()[0].lower()
            year = anchor.year + {"next": 1, "last": -1}.get(word, 0)
            return _fiscal_period(year, unit, number), "quarter", True
        if (year := _framed_year(left, expression, right, anchor, tense)) is not None:
            return _fiscal_period(year, unit, number), "quarter", True
        return _resolve_quarter(unit, number, anchor, tense), "quarter", True
    if kind == "year_end":
        return f"{_year_end(anchor, tense):04d}", "year", True
    if kind == "period_edge":
        return _resolve_edge(g["edge"].lower(), g["unit"].lower(), anchor, tense)
    if kind == "the_weekend":
        return _resolve_the_weekend(anchor, tense), "week", True
    if kind == "anaphor":
        return _resolve_anaphor(g, _Reference.of_day(anchor))
    if kind == "ago":
        return _resolve_ago(g["amount"], g["unit"].lower(), anchor)
    if kind == "day_word":
        word = g["word"].lower()
        shift = -1 if word == "yesterday" or word == "last night" else 1 if word == "tomorrow" else 0
        return (anchor + timedelta(days=shift)).isoformat(), "day", True
    if kind == "holiday":
        if g.get("year") or g.get("rel_year"):
            year = int(g["year"]) if g.get("year") else anchor.year + _REL_YEAR_STEP[g["rel_year"].lower()]
            return _holiday_date(g["holiday"], year).isoformat(), "day", not g.get("year")
        return _resolve_holiday(g["holiday"], anchor, tense), "day", True
    if kind == "weekday":
        return _resolve_weekday(g["weekday"], (g.get("mod") or "").lower(), anchor, tense), "day", True
    if kind == "month":
        lead = (g.get("lead") or "").lower()
        if g.get("rel_year"):
            return _month(anchor.year + _REL_YEAR_STEP[g["rel_year"].lower()], _month_number(g["month"])), "month", True
        if lead not in {"last", "next", "this", "coming", "past"} and (
            year := _framed_year(left, expression, right, anchor, direction)
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
    if period == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return _fiscal_period(index // 4, "quarter", index % 4 + 1), "quarter", True
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


def _resolve_range(expression: str, anchor: date | None, left: str, right: str,
                   direction: str | None = _UNSET) -> Resolution | None:
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
        va, pa, ra = _resolve_match(a, anchor, left, first, right, direction)
        vb, pb, rb = _resolve_match(b, anchor, left, last, right, direction)
    except (ValueError, OverflowError, KeyError):
        return None
    if not va or not vb or pa != pb or pa not in _RANGE_PRECISIONS:
        return None
    start, end = va.split("/")[0], vb.split("/")[-1]
    if end < start and a.kind == b.kind and a.kind in {"weekday", "month"}:
        # "between November and February": in a past sentence the start moves back before the end,
        # otherwise the end moves on past the start
        if (_tense(left, expression, right) if direction == _UNSET else direction) == "past":
            before = date.fromisoformat((end + "-01")[:10])
            start = (_resolve_weekday(a.groups["weekday"], "", before, "past") if a.kind == "weekday"
                     else _resolve_month(a.groups["month"], "", before, "past"))
        else:
            after = date.fromisoformat((start + "-01")[:10])
            end = (_resolve_weekday(b.groups["weekday"], "", after, "future") if b.kind == "weekday"
                   else _resolve_month(b.groups["month"], "", after, "future"))
    return (f"{start}/{end}", pa, ra or rb) if start < end else None


def _resolve(expression: str, anchor: date | None, left: str = "", right: str = "",
             direction: str | None = _UNSET) -> Resolution:
    """Value, precision and relativeness of one expression, read in its sentence (left, right);
    ``direction`` ("past", "future" or None) where the caller has read it already."""
    if _RANGE_LEAD.search(left):
        joined = _resolve_range(expression, anchor, left, right, direction)
        if joined is not None:
            return joined
    match = _classify(expression)
    if match is None:
        return _dateparser_fallback(expression)
    try:
        return _resolve_match(match, anchor, left, expression, right, direction)
    except (ValueError, OverflowError, KeyError, StopIteration, IndexError):
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
            if kind in {"month", "year", "spelled_year"} and (groups.get("lead") or "").lower() not in _SPAN_KEEP_LEAD:
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
                if kind == "quarter" and not _is_fiscal_period(text, start, end, groups):
                    continue
                if kind == "anaphor" and _is_span_of_time(text, start, groups):
                    continue
                if kind == "spelled_year" and not _is_spelled_year(text, start, end, groups):
                    continue
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
    return not before or before[-1] in ".!?\n\"“‘'(:—–" or before.endswith((" -", "--"))


def _is_fiscal_period(text: str, start: int, end: int, groups: dict) -> bool:
    """"the third quarter", "first-half profit", "the first half of 2024"; not "a third quarter in a row",
    not a quarter or half of a game, and a bare "the second half" only in a sentence about money."""
    if (groups.get("article") or "").strip().lower() in {"a", "an", "another", "each", "every"}:
        return False
    left, right = _sentence_context(text, start, end)
    if _SPORT.search(left + " " + right):
        return False
    if groups["unit"].lower() != "half" or groups.get("year") or groups.get("year_word") or groups.get("qyear") \
            or groups.get("year_after"):
        return True
    return text[start:end].lower().startswith("the ") and _BUSINESS.search(left + " " + right) is not None


_BUSINESS = re.compile(
    r"(?i)(?<![a-z])(?:percent|per\s+cent|profits?|revenues?|sales|earnings|growth|econom(?:y|ic)|output|forecasts?|"
    r"demand|prices|inflation|quarter|fiscal|results|shares|investment|exports|imports|gdp)(?![a-z])|[%$€£]"
)
_SPORT = re.compile(
    r"(?i)(?<![a-z])(?:half-?time|touchdowns?|goals?|scored|scoring|innings?|quarterback|yards?|rebounds?|"
    r"assists?|overtime|playoffs?|free\s+throws?|penalt(?:y|ies)|the\s+(?:game|match)|kick-?off|cornerback|linebacker|"
    r"receiver|running\s+back|interceptions?|fumbled?|sacked|dunk|three-pointer|coach)(?![a-z])"
)


_DURATION_LEAD = re.compile(r"(?i)(?:over|within|for|during|throughout|across|through|in)\s+$")


def _is_span_of_time(text: str, start: int, groups: dict) -> bool:
    """"over the next year", "for the following week": a stretch of time, not an anaphoric date."""
    rel = (groups.get("rel") or "").lower()
    if rel not in {"next", "following", "previous", "prior", "preceding"}:
        return False
    lead = _DURATION_LEAD.search(text[max(0, start - 12) : start])
    return lead is not None and (rel == "next" or not lead.group().lower().startswith("in"))


_AFTER_YEAR = re.compile(
    r"\s*(?:[,.;:!?)\"”’]|$)|\s+(?:and|when|but|as|the|to|in|on|at|with|after|before|until|he|she|it|they|we)(?![A-Za-z])"
)


def _is_spelled_year(text: str, start: int, end: int, groups: dict) -> bool:
    """"nineteen ninety-six" is a year anywhere; "two thousand", "nineteen hundred" and "twenty thirty" are
    years only after "in", "by", "the year"... and where no noun follows ("in two thousand homes")."""
    parts = re.split(r"[\s-]+", groups["spelled"].lower())
    if parts[0] in {"nineteen", "eighteen", "seventeen", "sixteen"} and parts[1] != "hundred":
        return True
    if not groups.get("lead") and not _starts_sentence(text, start):
        return False
    return _AFTER_YEAR.match(text, end) is not None


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


# Kinds whose value turns on past or future; their cue and direction are kept on the expression.
_DIRECTIONAL = frozenset(
    "month_day day_month weekday month holiday relative_period quarter quarter_code year_end period_edge the_weekend".split()
)
# "BEIJING, Aug. 7 (Xinhua) --", "PARIS, Jan. 14 (Reuters) -": a place in capitals, the day, an agency, a dash.
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){{0,4}},\s+(?P<date>{_MONTH}\.?\s+{_DAY}(?:,\s*{_YEAR})?)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--|-|:)\s"
)
_DATELINE_DAYS = 14  # a dateline names the day the story was filed: at most this long before publication


class _Reading:
    """One article's text as a careful reader takes its dates: the dateline's day as the anchor of
    what follows it, each clause's tense for direction, and the date last talked about for anaphora."""

    def __init__(self, text: str, anchor: date | None, anchor_text: str | None, doc=None):
        self.text, self.anchor, self.anchor_text, self.doc = text, anchor, anchor_text, doc
        self.dateline: tuple[int, int] | None = None
        self.dateline_day: date | None = None
        m = _DATELINE.match(text)
        if m is not None:
            self.dateline = (m.start("date"), m.end("date"))
            value, precision, _ = _resolve(m["date"], anchor, "", "", "past")
            day = date.fromisoformat(value) if value and precision == "day" and "/" not in value else None
            if day is not None and (anchor is None or 0 <= (anchor - day).days <= _DATELINE_DAYS):
                self.dateline_day = day

    def anchor_at(self, start: int) -> tuple[date | None, str | None]:
        if self.dateline_day is not None and self.dateline is not None and start >= self.dateline[1]:
            return self.dateline_day, self.dateline_day.isoformat()
        return self.anchor, self.anchor_text

    def expression(self, start: int, end: int, direction: str | None = _UNSET, cue: str | None = None) -> DateExpression:
        text = self.text
        expression = text[start:end]
        left, right = _sentence_context(text, start, end)
        anchor, anchor_text = self.anchor_at(start)
        match = _classify(expression)
        kind = match.kind if match is not None else None
        if direction == _UNSET:
            if self.dateline == (start, end):
                direction, cue = "past", "dateline"
            elif kind in _DIRECTIONAL or kind is None:
                direction, cue = _direction(self.doc, start, end, left, expression, right,
                                            immediate_only=kind in {"month_day", "day_month"})
            else:
                direction, cue = None, None
        value, precision, relative = _resolve(expression, anchor, left, right, direction)
        directional = relative and (kind in _DIRECTIONAL or kind is None) and cue is not None
        return DateExpression(
            text=expression,
            start=start,
            end=end,
            resolved=value,
            precision=precision,
            relative=relative,
            anchor=anchor_text if relative and anchor is not None else None,
            cue=cue if directional else None,
            direction=direction if directional else None,
        )

    def follow_references(self, found: list[DateExpression]) -> list[DateExpression]:
        """Resolve "two days later", "that year", "the year-earlier quarter" against the date the text
        last talked about (the anchor before any); drop those whose reference cannot carry them."""
        anchor, _ = self.anchor_at(0)
        ref = _Reference.of_day(anchor)
        told = False  # whether the reference is a date the text gave (not the article's own day)
        kept = []
        for expression in found:
            match = _classify(expression.text) if _ANAPHOR_GATE.search(expression.text) else None
            after = _TOLD_AFTER.search(self.text, max(0, expression.start - 24), expression.start)
            if after is None and expression.text[:5].lower() == "next " and \
                    re.search(r"(?i)(?<![a-z])the\s+\Z", self.text[max(0, expression.start - 6):expression.start]):
                after = {"rel": "next"}  # "the next Monday", not "next Monday"
            if after is not None and ref is not None and ref.precision == "day" and ref.first == ref.last:
                weekday = _classify(expression.text)
                mod = (weekday.groups.get("mod") or "").lower() if weekday is not None else ""
                if weekday is not None and weekday.kind == "weekday" and mod in {"", "next"}:
                    # "the following Thursday": the first one after the date last talked about
                    step = "last" if after["rel"].lower() in {"previous", "preceding", "prior"} else "next"
                    expression = replace(expression, resolved=_resolve_weekday(weekday.groups["weekday"], step, ref.first, None),
                                         precision="day", relative=True, anchor=ref.value, cue=after["rel"].lower(),
                                         direction=None)
            if match is not None and match.groups.get("ana_year") and ref is not None and \
                    match.kind in {"month_day", "day_month", "month", "holiday"}:
                # "in September of that year": the month in the year the text last talked about
                year = ref.first.year + _ANA_YEAR_STEP[re.sub(r"\s+", " ", match.groups["ana_year"].lower())]
                g = match.groups
                if match.kind == "month":
                    value, precision = _month(year, _month_number(g["month"])), "month"
                else:
                    value, precision, _ = _resolve_match(_Match(match.kind, {**g, "year": str(year), "ana_year": None},
                                                                match.numbered), ref.first, "", expression.text, "", None)
                expression = replace(expression, resolved=value, precision=precision, relative=True, anchor=ref.value,
                                     cue=re.sub(r"\s+", " ", g["ana_year"].lower()) + " year", direction=None)
            elif match is not None and match.kind == "anaphor":
                counted = bool(match.groups.get("amount") or match.groups.get("amount_b"))
                if counted and not told and ref is not None:
                    continue  # "108 years later" with no date before it: not counted from the article's day
                value, precision, _ = _resolve_anaphor(match.groups, ref)
                if value is None and ref is not None:
                    continue  # "two days later" after "in 2019": no day to count from
                expression = replace(expression, resolved=value, precision=precision, relative=True,
                                     anchor=ref.value if ref is not None else None, cue=_anaphor_cue(match.groups),
                                     direction=None)
            kept.append(expression)
            following = _Reference.of(expression.resolved, expression.precision)
            if following is not None and not (
                    match is not None and match.kind == "anaphor"
                    and _COMPARED.search(self.text, max(0, expression.start - 12), expression.start)):
                ref, told = following, True  # "up 8 percent from a year earlier": a yardstick, not the story's time
        return kept


_TOLD_AFTER = re.compile(r"(?i)(?<![a-z])the\s+(?P<rel>following|next|previous|preceding|prior)\s+\Z")
_COMPARED = re.compile(r"(?i)(?:from|than|with|to|over|versus|vs\.?|against)\s+\Z")
_ANAPHOR_GATE = re.compile(r"(?i)later|earlier|following|next|previous|prior|preceding|same|that|before|after|ago")


def _anaphor_cue(groups: dict) -> str | None:
    if groups.get("unit_f"):
        return "same ... a year earlier"
    for name in ("dir", "dir_b", "dir_d", "rel", "rel_e", "edge", "that"):
        if groups.get(name):
            return re.sub(r"\s+", " ", groups[name].lower())
    return None


def find_dates(doc, article) -> list[DateExpression]:
    """Every date expression in the article, resolved against ``article.anchor_date`` (or the day of
    the article's dateline), in the direction its clause's tense sets, anaphora against the date
    the text last talked about."""
    text = article.text or ""
    anchor_text = article.anchor_date
    reading = _Reading(text, _parse_anchor(anchor_text), anchor_text, doc if doc_matches_text(doc, text) else None)
    found = [reading.expression(s, e) for s, e, _ in date_spans(text)]
    for start, end in _entity_spans(doc, text):
        if not any(d.start < end and start < d.end for d in found):
            extra = reading.expression(start, end)
            if extra.resolved is not None:  # what neither our shapes nor dateparser read stays out
                found.append(extra)
    return reading.follow_references(_join_ranges(text, sorted(found, key=lambda d: d.start), reading))


def _join_ranges(text: str, found: list[DateExpression], reading: _Reading) -> list[DateExpression]:
    """"between January and June", "from 2019 to 2021": the two ends as one period."""
    joined: list[DateExpression] = []
    i = 0
    while i < len(found):
        first = found[i]
        if i + 1 < len(found) and first.resolved and found[i + 1].resolved and \
                _RANGE_JOIN.fullmatch(text[first.end:found[i + 1].start]) and \
                _RANGE_LEAD.search(text[max(0, first.start - 12):first.start]):
            both = reading.expression(first.start, found[i + 1].end)
            if both.resolved and "/" in both.resolved:
                joined.append(both)
                i += 2
                continue
        joined.append(first)
        i += 1
    return joined


def reresolve_dates(dates: list[DateExpression], anchor: str, text: str) -> list[DateExpression]:
    """Resolve relative expressions again against a new anchor (a date inferred later from the story).

    ``text`` is the article text the expressions' offsets point into; absolute dates are kept, and
    each relative one keeps the direction its clause set when it was found.
    """
    new_anchor = _parse_anchor(anchor)
    if new_anchor is None:
        return list(dates)
    reading = _Reading(text if isinstance(text, str) else "", new_anchor, anchor)
    result = []
    for expression in dates:
        if not expression.relative:
            result.append(expression)
            continue
        if 0 <= expression.start <= expression.end <= len(reading.text) and \
                reading.text[expression.start:expression.end] == expression.text:
            direction = expression.direction if expression.cue is not None else _UNSET
            again = reading.expression(expression.start, expression.end, direction, expression.cue)
            # cue and direction stay as found: a record stored without them is resolved from its words
            result.append(replace(expression, resolved=again.resolved, precision=again.precision, anchor=again.anchor))
            continue
        value, precision, _ = _resolve(expression.text, new_anchor, "", "")
        result.append(replace(expression, resolved=value, precision=precision, anchor=anchor))
    return reading.follow_references(result)
