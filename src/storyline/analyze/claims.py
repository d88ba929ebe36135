"""Numeric claims: the numbers an article asserts, with their qualifier, unit and what they count.

Quantities are found with compiled patterns over the text (digits, spelled-out numbers, money,
percentages, measured amounts), then joined into ranges ("between 5 and 10") and changes
("from 220,000 to 50,000"). Numbers that claim nothing are skipped by shape: dates and years,
clock times, ordinals, phone numbers, street addresses, ages, scores, codes and numbers that are
part of a name ("Route 66"). The counted noun phrase comes from the dependency parse when the
pipeline has one, else from the part-of-speech tags, else from the words that follow.

Conventions: a duration ("30 days") is a claim only with a qualifier or inside a range or
change, since bare durations are mostly time frames; vague plurals ("thousands of") and a
lone "one" are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Claim
from .dates import date_spans, doc_matches_text

__all__ = ["find_claims", "parse_number"]

# --------------------------------------------------------------------------- vocabulary

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000,
}
_CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "hk$": "HKD", "€": "EUR",
    "$us": "USD", "$a": "AUD", "$nz": "NZD", "$c": "CAD",
    "£": "GBP", "¥": "JPY", "₹": "INR",
}
_CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "yen": "JPY", "yuan": "CNY", "rupees": "INR", "francs": "CHF", "cent": "USD", "cents": "USD",
}
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_MEASURE_UNITS = {
    "pound", "ton", "tonne", "kilogram", "kg", "gram", "ounce", "mile", "kilometer", "kilometre", "km",
    "foot", "feet", "meter", "metre", "yard", "inch", "acre", "hectare", "gallon", "liter", "litre",
    "barrel", "degree", "square mile", "square foot", "square feet", "mph", "megawatt", "gigawatt",
    "centimeter", "centimetre", "millimeter", "millimetre", "kilometer", "kilometre", "cm", "mm",
}
_QUALIFIERS = [
    (r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|exceeding|above|north\s+of|"
     r"no\s+fewer\s+than|no\s+less\s+than|well\s+over|just\s+over|nearly\s+all\s+of", "at least"),
    (r"fewer\s+than|less\s+than|under|below|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as|"
     r"no\s+more\s+than|just\s+under|a\s+maximum\s+of|not\s+more\s+than", "at most"),
    (r"nearly|almost|about|around|roughly|approximately|some|an\s+estimated|estimated|close\s+to|"
     r"circa|approx\.|approx|an\s+approximate|more\s+or\s+less", "approximately"),
]
_QUALIFIER_BEFORE = [
    (re.compile(rf"(?i)(?<![A-Za-z])(?:{words})\s+$"), name) for words, name in _QUALIFIERS
]
_QUALIFIER_AFTER = [
    (re.compile(r"(?i)^(?:\s+or\s+more|\+|-plus|\s+plus(?!\s+\d))(?![A-Za-z])"), "at least"),
    (re.compile(r"(?i)^(?:\s+or\s+so)(?![A-Za-z])"), "approximately"),
    (re.compile(r"(?i)^(?:\s+or\s+(?:fewer|less))(?![A-Za-z])"), "at most"),
]
# Words that may stand capitalised right before a number without making it part of a name.
_FUNCTION_WORDS = frozenset(
    """a an the all about almost approximately around at nearly over more than some just only roughly
    up to of in on for with and but or by from between among under fewer less estimated another
    those these their his her its our my your no nearly well exactly just precisely some
    perhaps maybe another each every total totally least most""".split()
)
_STREET_SUFFIX = re.compile(
    r"^(?:\s+[A-Z][A-Za-z.'’]*){1,3}\s*(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Plaza|"
    r"Lane|Ln\.?|Drive|Dr\.?|Way|Place|Pl\.?|Court|Ct\.?|Square|Sq\.?|Parkway|Pkwy\.?|Highway|Terrace|"
    r"Broadway)(?![A-Za-z])"
)
_CHANGE_START = re.compile(
    r"(?i)(?<![A-Za-z])from\s+(?:(?P<word>indefinite(?:ly)?|unlimited|zero|none|nothing|scratch|"
    r"infinite|no\s+limit|nil)\s+to\s+)?$"
)
_FROM_BEFORE = re.compile(r"(?i)(?<![A-Za-z])from\s+$")
_CHANGE_TAIL = re.compile(r"\s+(?:in|on|by|as\s+of)\s+[A-Z][a-z]+(?:\s+\d{4})?(?=[\s,.;])")  # "... in October"
_BETWEEN_BEFORE = re.compile(r"(?i)(?<![A-Za-z])between\s+$")
_RANGE_WORDS = re.compile(r"(?i)(?:rang|vary|varies|varied|anywhere|spanning|ages|aged)\w*\s+(?:\S+\s+){0,3}$")

_NUMBER_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)"
_SPELLED = re.compile(
    rf"(?i)(?<![A-Za-z-])(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"{_NUMBER_WORD}(?:(?:\s+and\s+|[\s-]+){_NUMBER_WORD})*(?![A-Za-z-])"
)
_DIGITS = re.compile(
    r"(?<![\w.,$€£¥₹/:#’'])(?:(?P<cur>(?:US|C|A|NZ|HK)?\$(?:US|A|NZ|C)?|[€£¥₹])\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/])"
)
_SCALE_ABBREVIATION = re.compile(r"(?:k|m|mn|mln|bn|b|tn)(?![A-Za-z])")
_SCALE_AFTER = re.compile(
    r"(?i)(?:[\s-]+(?P<word>hundred|thousand|million|billion|trillion)(?![A-Za-z])|(?P<abbr>k|m|mn|mln|bn|b|tn)(?![A-Za-z]))"
)
_UNIT_AFTER = re.compile(
    r"(?i)(?:\s*(?P<percent>%|percent(?:age\s+points?)?|per\s+cent|percentage\s+points?)(?![A-Za-z])|"
    r"\s+(?P<currency>dollars?|euros?|pounds\s+sterling|yen|yuan|rupees|francs|cents?)(?![A-Za-z])|"
    r"[\s-]+(?P<unit>(?:square\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|"
    r"pounds?|tons?|tonnes?|kilograms?|kg|grams?|ounces?|miles?|kilometers?|kilometres?|km|feet|foot|"
    r"(?:centi|milli|kilo)?(?:meters?|metres?)|cm|mm|yards?|inches|inch|acres?|hectares?|gallons?|liters?|litres?|"
    r"barrels?|degrees?|mph|"
    r"megawatts?|gigawatts?))(?![A-Za-z]))"
)
_PHONE_TAIL = re.compile(r"\d{3}[-. ]\d{4}(?!\d)")
_PHONE_HEAD = re.compile(r"(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ])$")
_YEAR_RANGE = re.compile(r"(?<!\d)(?:1[6-9]|20)\d\d[-–/](?:\d\d){1,2}(?!\d)")
_CLOCK_AFTER = re.compile(r"(?i)^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC|ET|EST|EDT|PT)(?![A-Za-z]))")
_ORDINAL_AFTER = re.compile(r"(?i)^(?:st|nd|rd|th)(?![A-Za-z])")
_AGE_AFTER = re.compile(r"(?i)^[\s-]+(?:years?|months?)[\s-]+old|^-year")
_AGE_BEFORE = re.compile(
    r"(?:\b(?i:aged?|ages|turned|turns|turning|as\s+young\s+as|as\s+old\s+as)\s+(?:(?i:of|between)\s+)*"
    r"(?:\d{1,3}\s+(?:and|to|-|–)\s+)?|\b[A-Z][^\W\d_]+,\s)$"
)
_SCORE = re.compile(r"(\d{1,3})[-–](\d{1,3})(?![\d.,%])")
# Nouns that take a number as a name rather than a count: "flight 175", "section 8", "page 3".
_IDENTIFIER_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:flight|route|highway|interstate|number|room|case|bill|section|article|chapter|"
    r"page|line|gate|channel|episode|version|update|model|season|phase|stage|grade|class|category|tier|"
    r"exit|precinct|district|ward|unit|platform|terminal|track|level|week|day|game|round|lot|apartment|"
    r"suite|floor|amendment|proposition|measure|title|table|figure|step|volume|issue|lap|aisle|row|seat|"
    r"pier|bus|train|hole|inning|mile\s+marker|jersey|no)\s+$"
)
_DIALLED_BEFORE = re.compile(r"(?i)(?<![A-Za-z])(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing|ling)?|phoned)\s+(?:to\s+)?$")
_COUNTER_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:photo|image|picture|slide|page|caption|item|video|story|result)s?\s+\d+\s+of\s+$"
)
_MONEY_IN = re.compile(r"[$€£¥₹]\s?\d")
_PREPOSITION_QUALIFIERS = frozenset({"over", "under", "above", "below"})
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z][A-Za-z’'-]*)")
_PLURALISH = re.compile(r"(?i)^(?:[a-z-]+s|people|men|women|children|police|staff|personnel|feet|mice|geese|teeth|troops|cattle|crew|data)$")
_STOP_WORDS = frozenset(
    """who whom whose which that what when where why how and or but nor to of in on at by for from with
    into onto over under than as is are was were be been being has have had do does did will would
    shall should can could may might must this these those it its their his her our your my not
    so if then there here said says say told tell percent per cent a an the""".split()
)


@dataclass
class _Quantity:
    start: int  # where the claim text starts (qualifier or currency symbol included)
    number_start: int
    number_end: int
    end: int  # after scale and unit
    value: float
    unit: str | None
    qualifier: str | None
    spelled: bool
    scale: float = 1  # the multiplier a scale word applied ("million": 1e6)


# --------------------------------------------------------------------------- numbers


def parse_number(words: str) -> float | None:
    """The value of a number written in digits or words: "60,000", "1.5 million", "a dozen", "twenty-five"."""
    text = words.strip().lower().replace(",", "")
    parts = text.split()
    if parts and re.fullmatch(r"\d+(?:\.\d+)?", parts[0]):
        value = float(parts[0])
        for part in parts[1:]:
            if part not in _SCALES:
                return None
            value *= _SCALES[part]
        return value
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word in {"and", ""}:
            continue
        if word in {"a", "an"}:
            current = current or 1
            continue
        if word in _UNITS_WORDS:
            current += _UNITS_WORDS[word]
        elif word in _TENS_WORDS:
            current += _TENS_WORDS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in {"thousand", "million", "billion", "trillion"}:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _as_number(value: float) -> float:
    return int(value) if float(value).is_integer() else value


def _unit_name(match: re.Match[str]) -> str | None:
    if match.group("percent"):
        return "percentage points" if "point" in match.group("percent").lower() else "percent"
    if match.group("currency"):
        return _CURRENCY_WORDS.get(re.sub(r"\s+", " ", match.group("currency").lower()))
    unit = re.sub(r"\s+", " ", match.group("unit").lower())
    singular = {"feet": "foot", "centuries": "century", "inches": "inch"}.get(unit) or (
        unit[:-1] if unit.endswith("s") and unit[:-1] in _TIME_UNITS | _MEASURE_UNITS else unit
    )
    return {"foot": "feet", "century": "centuries", "inch": "inches"}.get(singular) or (
        singular if singular in {"kg", "km", "mph", "cm", "mm"} else singular + "s"
    )


# --------------------------------------------------------------------------- skip rules


def _blocked_spans(text: str) -> bytearray:
    """A mask over ``text`` of dates, phone numbers and year ranges: digits there never make a claim."""
    spans = [(s, e) for s, e, _ in date_spans(text)]
    for m in _PHONE_TAIL.finditer(text):
        if m.start() and text[m.start() - 1].isdigit():
            continue
        head = _PHONE_HEAD.search(text, max(0, m.start() - 8), m.start())
        if head or m.group()[3] == "-":
            spans.append((head.start() if head else m.start(), m.end()))
    spans += _date_list_days(text, spans)
    spans += [m.span() for m in _YEAR_RANGE.finditer(text)]
    spans += [m.span() for m in _SCORE.finditer(text) if _looks_like_score(text, m)]
    mask = bytearray(len(text))
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


_NEXT_DAY = re.compile(r"(?:,\s*|\s+(?:and|or|&)\s+|,\s+(?:and|or)\s+|\s*[-–]\s*)(\d{1,2})(?![\d:,.]\d)(?!\s*(?:%|percent))")


def _date_list_days(text: str, date_spans_found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Jan. 12, 19 and 26": the days listed after a date's own day are parts of dates too."""
    found = []
    for start, end in date_spans_found:
        if not text[start:end].rstrip(".,").split()[-1:] or not text[start:end].rstrip(".,").split()[-1].isdigit():
            continue
        at = end
        while (m := _NEXT_DAY.match(text, at)) and 1 <= int(m.group(1)) <= 31:
            found.append(m.span(1))
            at = m.end()
    return found


def _looks_like_score(text: str, m: re.Match[str]) -> bool:
    """ "won 8-7", "a 3-2 vote": the first number is not smaller, and nothing measured follows."""
    if m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,$€£"):
        return False
    return int(m.group(1)) >= int(m.group(2)) and not _UNIT_AFTER.match(text, m.end())


def _inside(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


def _is_year(number: str, cur: str | None, after: str) -> bool:
    if cur or not re.fullmatch(r"1[6-9]\d\d|20\d\d", number):
        return False
    return not (_SCALE_AFTER.match(after) or _UNIT_AFTER.match(after))


def _part_of_name(text: str, start: int) -> bool:
    """ "Route 66", "Boeing 737", "COVID-19": a number right after a capitalised word or a hyphenated code."""
    if start > 0 and text[start - 1] == "-":
        word = re.search(r"\S*$", text[max(0, start - 20) : start - 1]).group()
        if any(c.isalpha() for c in word):
            return True  # "COVID-19", "J1131-1231"
    m = re.search(r"([A-Za-z][\w.’'&-]*)\s+$", text[max(0, start - 40) : start])
    if not m or not any(c.isupper() for c in m.group(1)) or m.group(1).lower().rstrip(".") in _FUNCTION_WORDS:
        return False
    before_word = text[max(0, start - 40) : start][: m.start()].rstrip(" \t")
    sentence_start = not before_word or before_word[-1] in ".!?\n\"“‘'(:—–"
    return not sentence_start


def _skip(text: str, start: int, end: int, after: str, cur: str | None = None) -> bool:
    if _CLOCK_AFTER.match(after) or _ORDINAL_AFTER.match(after) or _AGE_AFTER.match(after):
        return True
    if after[:1].isalpha() and not (_SCALE_ABBREVIATION.match(after) or (cur and _SCALE_ABBREVIATION.match(after.lower()))):
        return True  # an alphanumeric code such as "32BJ", "5G" or "4K" ("$5M" and "300k" are amounts)
    if re.match(r"-[A-Za-z]", after) and not re.match(r"(?i)-plus\b", after) and not cur and \
            len(re.sub(r"\D", "", text[start:end])) < 4:
        return True  # a compound adjective such as "15-member" or "10-day" (but "a 5,500-seat arena" and
        # "a $110-a-share offer" count)
    before = text[max(0, start - 30) : start]
    if before.endswith(("No. ", "no. ", "#", "Nos. ")) or _AGE_BEFORE.search(before):
        return True
    if _RANK_BEFORE.search(before) or _RATIO_AFTER.match(after):
        return True  # a rank ("the top 10 currencies") or a ratio ("an 18:9 screen")
    if _IDENTIFIER_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    if text[start:end] in {"911", "999", "112"} and (
            re.match(r"(?i)\s+(?:call|dispatch|operator|emergency)", after) or _DIALLED_BEFORE.search(before)):
        return True  # an emergency number
    if _COUNTER_BEFORE.search(before):
        return True  # the total of a gallery or pager counter: "Photo 3 of 12", "Page 1 of 4"
    if _STREET_SUFFIX.match(after):
        return True
    if cur:
        return False  # an amount of money is never a label or part of a name ("Qualcomm's $47 billion bid")
    if before.endswith("(") and after.startswith(")"):
        return True  # a bare number in brackets: a jersey number, a list label, a footnote
    if _part_of_name(text, start):
        return True
    joined = _JOINED_NUMBER_BEFORE.search(text, max(0, start - 12), start)
    return bool(joined) and not _MONEY_IN.match(text, joined.start()) and _part_of_name(text, joined.start())


_RANK_BEFORE = re.compile(r"(?i)(?<![A-Za-z])(?:top|bottom)\s+$")
_RATIO_AFTER = re.compile(r"^:\d(?!\d)")
# "Zones 1 and 2", "iPhone X or 8": a number joined to one that is part of a name is part of it too
_JOINED_NUMBER_BEFORE = re.compile(r"(?<![\w.,])[\dA-Z]\w{0,3}\s*(?:and|or|&)\s+$")


# --------------------------------------------------------------------------- finding quantities


def _extend(text: str, start: int, number_end: int, value: float, cur: str | None, spelled: bool) -> _Quantity:
    end = number_end
    multiplier = 1
    scale = _SCALE_AFTER.match(text, end)
    if scale and not (scale.group("abbr") and not cur and scale.group("abbr").lower() in {"m", "b"}):
        multiplier = _SCALES[(scale.group("word") or scale.group("abbr")).lower()]
        value *= multiplier
        end = scale.end()
    unit = _CURRENCY_SYMBOLS.get(cur.lower()) if cur else None
    unit_match = None if unit else _UNIT_AFTER.match(text, end)
    if unit_match and (name := _unit_name(unit_match)):
        unit, end = name, unit_match.end()
        if (unit_match.group("currency") or "").lower().startswith("cent"):
            value /= 100  # "36 cents" is $0.36
    return _Quantity(start, start, number_end, end, value, unit, None, spelled, multiplier)


def _quantities(text: str) -> list[_Quantity]:
    blocked = _blocked_spans(text)
    found: list[_Quantity] = []
    for m in _DIGITS.finditer(text):
        number, cur = m.group("num"), m.group("cur")
        n_start, n_end = m.span("num")
        after = text[n_end : n_end + 60]
        if _inside(blocked, n_start, n_end) or _is_year(number, cur, after):
            continue
        if (len(number) > 1 and number.startswith("0") and not number.startswith("0.")) or len(number) > 21:
            continue  # "007", or an identifier too long to be a quantity
        if _skip(text, m.start(), n_end, after, cur):
            continue
        value = float(number.replace(",", ""))
        start = m.start()
        if not cur and _is_minus_sign(text, start):
            value, start = -value, start - 1
        q = _extend(text, start, n_end, value, cur, spelled=False)
        q.number_start = n_start
        found.append(q)
        blocked[q.start : q.end] = b"\x02" * (q.end - q.start)  # spelled scales ("million") stay part of it
    for m in _SPELLED.finditer(text):
        words = m.group()
        value = parse_number(words)
        if value is None or _inside(blocked, *m.span()):
            continue
        after = text[m.end() : m.end() + 60]
        if _skip(text, m.start(), m.end(), after):
            continue
        q = _extend(text, m.start(), m.end(), value, None, spelled=True)
        if words.lower() == "one" and q.scale == 1 and q.unit is None:
            continue
        found.append(q)
    found.sort(key=lambda q: q.start)
    return found


def _is_minus_sign(text: str, start: int) -> bool:
    """"at -14", "(-3.5)": a hyphen or minus touching the number after a space or bracket, not a
    range ("10-14"), a code ("COVID-19") or a list dash at the start of a line."""
    return start >= 2 and text[start - 1] in "-−" and text[start - 2] in " ("


def _attach_qualifier(text: str, q: _Quantity) -> None:
    before = text[max(0, q.start - 40) : q.start]
    for pattern, name in _QUALIFIER_BEFORE:
        m = pattern.search(before)
        if m:
            q.qualifier = name
            q.start -= len(before) - m.start()
            return
    after = text[q.end : q.end + 20]
    for pattern, name in _QUALIFIER_AFTER:
        m = pattern.match(after)
        if m:
            q.qualifier = name
            q.end += m.end()
            return


# --------------------------------------------------------------------------- pairs


@dataclass
class _Found:
    start: int
    end: int
    value: float | list[float]
    unit: str | None
    qualifier: str | None
    last: _Quantity  # the quantity whose noun the claim counts
    spelled: bool


# "from 37 hours in August to under 5 hours": the two ends of a change, each with its own time
_CHANGE_BETWEEN = re.compile(
    r"(?i)^\s+(?:in|on|at|during|by|for|as\s+of)\s+[^,.;:$\d]{1,30}?\s+to\s+"
    r"(?:(?:under|over|about|around|nearly|almost|roughly|just|only|more\s+than|less\s+than|fewer\s+than)\s+)?$"
)
_MINUTES_IN = {"seconds": 1 / 60, "minutes": 1, "hours": 60, "days": 1440, "weeks": 10080}


def _common_unit(first: _Quantity, second: _Quantity) -> tuple[float, float, str | None] | None:
    """Both values in one unit: "from 6 hours to 90 minutes" is 360 to 90 minutes; None for units
    that do not convert ("2 percent to $753")."""
    if not (first.unit and second.unit and first.unit != second.unit):
        return first.value, second.value, second.unit or first.unit
    if first.unit in _MINUTES_IN and second.unit in _MINUTES_IN:
        small = min((first.unit, second.unit), key=_MINUTES_IN.__getitem__)
        return (first.value * _MINUTES_IN[first.unit] / _MINUTES_IN[small],
                second.value * _MINUTES_IN[second.unit] / _MINUTES_IN[small], small)
    return None


def _pair(text: str, first: _Quantity, second: _Quantity) -> _Found | None:
    """ "from 220,000 to 50,000" (a change), "between 5 and 10 million", "10-15 minutes" (ranges)."""
    between = text[first.end : second.start]
    connector = between.strip().lower()
    common = _common_unit(first, second)
    if common is None:
        return None  # "rose 2 percent to $753": two claims, not a range
    if first.unit and not second.unit and connector not in {"-", "–"}:
        return None  # "falling 3% to 1,200 points": a change and the level it reached, not a range
    first_value, second_value, unit = common
    first_value *= second.scale if first.scale == 1 else 1  # "5 to 10 million"

    def found(start: int, qualifier: str) -> _Found:
        return _Found(start, second.end, [first_value, second_value], unit, qualifier, second, False)

    head = text[max(0, first.start - 60) : first.start]
    if connector != "to" and _CHANGE_BETWEEN.match(between) and (lead := _FROM_BEFORE.search(head)):
        end = _CHANGE_TAIL.match(text, second.end)
        change = found(first.start - (len(head) - lead.start()), "change")
        change.end = end.end() if end else second.end
        return change
    if connector == "to":
        lead = _FROM_BEFORE.search(head)
        if lead is None:
            return found(first.start, "range")
        qualifier = "range" if _RANGE_WORDS.search(head[: lead.start()]) else "change"
        return found(first.start - (len(head) - lead.start()), qualifier)
    if connector == "and":
        lead = _BETWEEN_BEFORE.search(head)
        return found(first.start - (len(head) - lead.start()), "range") if lead else None
    if connector in {"-", "–"} and between == connector and first.value < second.value:
        return found(first.start, "range")
    return None


def _is_score(text: str, first: _Quantity, second: _Quantity) -> bool:
    between = text[first.end : second.start]
    return between in {"-", "–"} and first.value >= second.value and first.unit is None


def _claims_from(text: str, quantities: list[_Quantity]) -> list[_Found]:
    found: list[_Found] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        if i + 1 < len(quantities):
            nxt = quantities[i + 1]
            if _is_score(text, q, nxt):
                i += 2
                continue
            pair = _pair(text, q, nxt)
            if pair is not None:
                found.append(pair)
                i += 2
                continue
        change = _CHANGE_START.search(text[max(0, q.start - 40) : q.start])
        if change and change.group("word"):
            start = q.start - (min(40, q.start) - change.start())
            found.append(_Found(start, q.end, q.value, q.unit, "change", q, q.spelled))
        elif (change := _change_from_earlier(text, q, found[-1] if found else None)) is not None:
            found.append(change)
        else:
            _attach_qualifier(text, q)
            found.append(_Found(q.start, q.end, q.value, q.unit, q.qualifier or "exact", q, q.spelled))
        i += 1
    return found


_UP_FROM = re.compile(r"(?i)(?<![A-Za-z])(?:up|down)\s+from\s+$")


def _change_from_earlier(text: str, q: _Quantity, before: _Found | None) -> _Found | None:
    """"reached 212,000, up from 168,000": a change from this value to the one just claimed."""
    lead = _UP_FROM.search(text[max(0, q.start - 15):q.start])
    if lead is None or before is None or isinstance(before.value, list) or q.start - before.end > 100:
        return None
    if before.unit and q.unit and before.unit != q.unit or re.search(r"[.!?]\s", text[before.end:q.start]):
        return None
    start = q.start - (min(15, q.start) - lead.start())
    return _Found(start, q.end, [q.value, before.value], q.unit or before.unit, "change", q, q.spelled)


# --------------------------------------------------------------------------- subjects


def _core_phrase(token, text: str, after: int = -1) -> str | None:
    """A noun with its compounds and adjectives ("illegal migrants", "migrant children"), as written.

    None for a time noun ("$20 billion a *year*"): a rate's period is not the thing counted.
    """
    if token.lower_.rstrip("s") in _TIME_UNITS:
        return None
    left = [t for t in token.lefts if t.dep_ in {"amod", "compound", "nmod"} and t.left_edge.i > after]
    start = min([t.left_edge.i for t in left] + [token.i])
    words = list(token.doc[start : token.i + 1])
    while len(words) > 1 and (words[0].pos_ in {"DET", "NUM", "PUNCT"} or words[0].like_num):
        words = words[1:]
    phrase = text[words[0].idx : token.idx + len(token)]
    return phrase.rsplit("\n", 1)[-1].strip()


_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_MEASURE_NOUNS = frozenset(
    "number amount total count share rate level percentage proportion population tally figure".split()
)


def _subject_from_parse(doc, text: str, found: _Found) -> str | None:
    phrase, _ = _subject_and_head(doc, text, found)
    return phrase


def _subject_and_head(doc, text: str, found: _Found):
    """The counted phrase and its head token: "at least 60 *people*", "10 of the 12 *victims*",
    "a $103 billion *offer*", "20 percent of the global *market*", "the *deal* amounts to $149bn"."""
    token = _quantified_token(doc, found)
    if token is not None:
        root = _quantity_root(doc, found)
        after = root.i if root is not None and root.i < token.i else -1
        phrase = _core_phrase(token, text, after=after) or token.text
        inner = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj" and _noun(c, found) and not found.start <= c.idx < found.end]
        of_what = _core_phrase(inner[0], text) if inner else None
        return (f"{phrase} of {of_what}" if of_what else phrase), token  # "the time of stay" (not "of £4bn")
    if _kind(found) in ("money", "percent"):
        return None, None  # an amount's verb and object say nothing of what it is of
    span = doc.char_span(found.last.number_start, found.last.number_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    token = span[-1]
    for _ in range(3):  # "more than 320,000": quantmod chains lead to the counted noun
        if token.dep_ in {"nummod", "quantmod", "compound"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
            token = token.head
            if token.pos_ in {"NOUN", "PROPN"} and not _is_unit_token(token, found):
                return _core_phrase(token, text, after=span[-1].i), token
        else:
            break
    if token.pos_ in {"NOUN", "PROPN"} and _is_unit_token(token, found):
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objects:
            return _core_phrase(objects[0], text), objects[0]
    verb = token
    while verb.dep_ not in {"ROOT"} and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    if verb.pos_ in {"VERB", "AUX"}:
        objects = [
            c
            for c in verb.children
            if c.dep_ in {"dobj", "nsubjpass"}
            and c.pos_ in {"NOUN", "PROPN"}
            and not _is_unit_token(c, found)
            and c.ent_type_ not in _TIME_ENTITIES
        ]
        if objects:
            noun = objects[0]
            of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
            inner = [c for c in of[0].children if c.dep_ == "pobj" and not _is_unit_token(c, found)] if of else []
            outer, of_what = _core_phrase(noun, text), _core_phrase(inner[0], text) if inner else None
            if of_what and noun.lower_ in _MEASURE_NOUNS:
                return of_what, inner[0]
            return (f"{outer} of {of_what}" if outer and of_what else outer), noun
    return None, None


def _is_unit_token(token, found: _Found) -> bool:
    """The quantity's own unit ("30 *days*") or any unit word, which is never the thing counted."""
    if found.last.number_end <= token.idx < found.end:
        return True
    return bool(_UNIT_AFTER.match(" " + token.text)) and len(token.text) + 1 == _UNIT_AFTER.match(" " + token.text).end()


def _subject_from_tags(doc, text: str, found: _Found) -> str | None:
    span = doc.char_span(found.end, min(len(text), found.end + 80), alignment_mode="expand")
    if span is None:
        return None
    tokens = list(span)
    if tokens and tokens[0].lower_ == "of":
        tokens = tokens[1:]
    words, last_noun = [], -1
    for t in tokens:
        if t.ent_type_ in _TIME_ENTITIES or t.lower_.rstrip("s") in _TIME_UNITS:
            break
        if t.pos_ in {"ADJ", "NOUN", "PROPN"} or (t.text == "-" and words):
            words.append(t)
            if t.pos_ in {"NOUN", "PROPN"}:
                last_noun = len(words)
        elif t.pos_ == "DET" and not words:
            continue
        else:
            break
    if last_noun <= 0:
        return None
    phrase = text[words[0].idx : words[last_noun - 1].idx + len(words[last_noun - 1])]
    return phrase if "\n" not in phrase else None


def _subject_from_words(text: str, found: _Found) -> str | None:
    rest = text[found.end : found.end + 80]
    rest = re.sub(r"(?i)^\s+of\s+(?:the\s+)?", " ", rest)
    words = []
    for m in re.finditer(r"\S+", rest):
        word = m.group()
        clean = word.strip(".,;:!?\"“”()’'")
        if not clean or clean.lower() in _STOP_WORDS or not re.fullmatch(r"[A-Za-z][A-Za-z-]*", clean):
            break
        if clean.lower().rstrip("s") in _TIME_UNITS:
            break
        if words and (clean.lower().endswith(("ed", "ing")) or clean[:1].isupper() != words[-1][:1].isupper()):
            break
        words.append(clean)
        if clean != word or len(words) == 3:
            break
    return " ".join(words) or None


def _subject(doc, annotations: set[str], text: str, found: _Found) -> str | None:
    if "DEP" in annotations:
        subject = _subject_from_parse(doc, text, found)
        if subject:
            return subject
    if "TAG" in annotations:
        return _subject_from_tags(doc, text, found)
    return _subject_from_words(text, found)


def _names_an_amount(subject: str, number: str) -> bool:
    return bool(_MONEY_IN.search(subject) or re.search(rf"(?<![\w.,]){re.escape(number)}(?!\w)", subject))


def _drop_prepositional_qualifier(doc, text: str, found: _Found) -> None:
    """"control over 138 domains": "over" belongs to the noun before it, so it is no qualifier."""
    if found.qualifier not in ("at least", "at most") or isinstance(found.value, list):
        return
    span = doc.char_span(found.start, found.last.number_start, alignment_mode="expand")
    if span is None or len(span) != 1:
        return
    word = span[0]
    if word.lower_ in _PREPOSITION_QUALIFIERS and word.dep_ == "prep" and word.head.i < word.i \
            and word.head.pos_ in ("NOUN", "PROPN"):
        start = word.idx + len(word.text)
        while start < found.end and text[start].isspace():
            start += 1
        found.start, found.qualifier = start, "exact"


def _annotations(doc, text: str) -> set[str]:
    """Which of the parse and the tags ``doc`` carries (none when it is not a parse of ``text``)."""
    if not doc_matches_text(doc, text):
        return set()
    return {name for name in ("DEP", "TAG") if doc.has_annotation(name)}


def _counts_something(text: str, found: _Found, subject: str | None, head=None) -> bool:
    """Spelled-out numbers and durations only count as claims in a clearly numeric use: a spelled
    number counts a plural noun right after it, or (parsed) a plural noun it quantifies ("two Costa
    Rican pilots", "six of its patents")."""
    unit = found.unit
    if unit in {f"{u}s" for u in _TIME_UNITS} | {"centuries"}:
        return found.qualifier not in {None, "exact"}
    if found.spelled and unit is None and found.last.scale == 1:
        if head is not None and head.tag_ in {"NNS", "NNPS"} and head.idx > found.end:
            return True
        follower = _WORD_AFTER.match(text, found.end)
        return bool(subject) and bool(follower) and bool(_PLURALISH.match(follower.group(1)))
    return True



# --------------------------------------------------------------------------- what is quantified

_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod", "npadvmod"})
_VALUE_DEPS = frozenset({"dobj", "attr", "npadvmod", "advmod", "oprd", "acomp", "nsubj", "appos"})
_NOUN_VALUE_PREPS = frozenset({"for", "at", "below", "above", "under", "over", "near", "around"})
_CHANGE_PREPS = frozenset({"by", "to", "from"})
_VALUE_PREPS = frozenset({"to", "at", "for", "by", "from", "around", "near", "above", "below", "over", "under", "of", "as"})
_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})  # not ccomp: a reported clause's speaker owns nothing


def _quantity_root(doc, found: _Found):
    """The token heading the quantity's own words ("$103 *billion*", "20 *percent*", "*60*")."""
    q = found.last
    span = doc.char_span(q.number_start, q.end, alignment_mode="expand")  # not its qualifier ("above $2")
    if span is None or len(span) == 0:
        return None
    if span.start > 0 and doc[span.start - 1].tag_ == "$":
        span = doc[span.start - 1 : span.end]
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    return roots[-1] if roots else span[-1]


def _noun(token, found: _Found) -> bool:
    """A noun that can be what is counted: not the quantity's unit, and not a span of time ("times",
    a frequency, can be)."""
    if token.pos_ not in {"NOUN", "PROPN"} or _is_unit_token(token, found) or token.ent_type_ in _TIME_ENTITIES:
        return False
    return token.lower_ == "times" or token.lower_.rstrip("s") not in _TIME_UNITS


def _quantified_token(doc, found: _Found):
    """The token naming what the quantity counts or what the amount or share is of, via the parse."""
    root = _quantity_root(doc, found)
    if root is None:
        return None
    unit = found.unit
    amount = unit is not None and (unit in _CURRENCY_CODES or unit.startswith("percent"))
    token = root
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if after is not None and after.head.i == root.i and after.tag_ == "NNS" and _noun(after, found):
        return after  # "21 times", parsed as the number's own modifier
    for child in root.children:  # "$60 per share", "$60 a share"
        if child.dep_ == "prep" and child.lower_ == "per":
            objects = [c for c in child.children if c.dep_ == "pobj" and _noun(c, found)]
            if objects:
                return objects[0]
        if child.dep_ == "npadvmod" and child.i > root.i and _noun(child, found) \
                and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in child.children):
            return child
    for _ in range(3):  # "a $103 billion offer", "an 11 percent tax rate", "more than 320,000 people"
        head = token.head
        if token.dep_ not in _MODIFIER_DEPS or head.i == token.i:
            break
        if _noun(head, found):
            return _what_changed(head, found)
        if head.pos_ == "NUM" or _is_unit_token(head, found):
            token = head
            continue
        if head.pos_ == "ADJ" and head.i == token.i + 1 and not amount and token.dep_ == "nummod":
            return head  # "at least 50 dead"
        break
    preps = {"of"} | ({"in"} if unit in _CURRENCY_CODES and not _split_by_form(token) else {"for"})
    # "20 percent of the market", "10 of the 12 victims", "$1.9 billion in earnings", "8 percent for earnings
    # held in cash" (not "$60 in cash and $22 in shares", the forms one amount is split into, nor "15% for
    # every member", a rate per head; money "for" something is as often its reason or purchase: "fined $1m for")
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ == "pobj" and _noun(c, found)
                       and (child.lower_ == "of" or c.pos_ == "NOUN")
                       and not (child.lower_ == "for" and any(d.lower_ in _DISTRIBUTIVE for d in c.lefts))]
            if objects:
                return objects[0]
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"}]
    if owners:
        return owners[0]  # "ethereum's $73 billion"
    if token.dep_ == "pobj" and token.head.lower_ in _NOUN_VALUE_PREPS | _CHANGE_PREPS and token.head.head.pos_ == "NOUN" \
            and _noun(token.head.head, found) and amount:
        return token.head.head  # "Dell's acquisition of EMC for about $65 billion", "a tax rate ... from 35%"
    if token.dep_ == "appos" and amount and token.head.pos_ == "NOUN" and _noun(token.head, found):
        return token.head  # "a lower tax rate -- down to 21%": an amount set beside a noun restates it
    outer = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _noun(outer, found) \
            and (amount or outer.lower_ not in _MEASURE_NOUNS) \
            and outer.lower_ not in _AMOUNT_FRAMES and not any(c.dep_ == "nummod" for c in outer.lefts):
        # "a ransom of $5.2 billion", "the new offer of $82"; "the form of", "to the tune of" frame an
        # amount, and "two thirds of the $5 billion" is a share of it
        return outer
    if token.dep_ == "conj" and not amount:
        follower = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if follower is not None and (follower.pos_ == "ADJ" or follower.tag_ == "VBN"):
            return follower  # "... and more than 400 injured"
    if not amount:
        head = token.head
        if token.dep_ in {"nsubj", "nsubjpass"} and head.i == token.i + 1 and head.tag_ in {"VBN", "JJ"}:
            return head  # "... and more than 400 injured"
        if token.dep_ == "nsubj" and unit is None:
            states = [c for c in head.children if c.dep_ == "acomp" and (c.pos_ == "ADJ" or c.tag_ == "VBN")]
            if states:
                return states[0]  # "at least 50 were dead"
        if token.dep_ == "dobj" and head.pos_ == "VERB" and unit is None and not _has_noun_object(head, found):
            return head if head.tag_ in {"VBG", "VBD", "VBN"} else None  # "wounding 120"
        if token.dep_ == "pobj" and head.lower_ in _CHANGE_PREPS and head.head.pos_ == "VERB":
            from .nlp import lemma_of

            if lemma_of(head.head) in _UP_WORDS | _DOWN_WORDS | set(_FACTORS):
                owner = _owner_of_value(token, found)  # "the number of arrests doubled to 400"
                if owner is not None and owner.lower_ in _MEASURE_NOUNS:
                    inner = [c for p in owner.children if p.dep_ == "prep" and p.lower_ == "of"
                             for c in p.children if c.dep_ == "pobj" and _noun(c, found)]
                    return inner[0] if inner else owner
                return owner
        return None
    return _owner_of_value(token, found)


_DISTRIBUTIVE = frozenset({"every", "each", "per"})
# Nouns that only frame an amount ("takes the form of $60", "to the tune of $5m", "in the region of"):
# the amount is not of them.
_AMOUNT_FRAMES = frozenset("form tune equivalent region order neighborhood neighbourhood excess sum".split())


def _split_by_form(token) -> bool:
    """ "$60 in cash and $22 in shares": amounts side by side, each "in" a noun, are one amount split by
    the form it takes, so the noun after "in" is no subject."""
    sentence = token.sent
    at = token.idx - sentence.start_char
    return any(m.start() <= at < m.end() for m in _SPLIT_AMOUNTS.finditer(sentence.text))


_AMOUNT = r"[$€£¥₹][\d.,]+(?:\s*(?:hundred|thousand|million|billion|trillion|bn|m)\b)?"
_SPLIT_AMOUNTS = re.compile(rf"{_AMOUNT}\s+in\s+[^$€£¥₹,;.]{{1,30}}?(?:,?\s+and\s+|,\s+){_AMOUNT}\s+in\s")


def _partitive(subject, found: _Found):
    """The subject noun, or what a quantifier subject is part of ("most of the banks" -> banks)."""
    owned = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i + 1
             and subject.doc[subject.i + 1].text in {"’", "'"} and _noun(c, found)]
    if owned:
        return owned[0]  # "big banks’ per-share earnings", the possessive read as an apposition
    if _noun(subject, found):
        return subject
    if subject.lower_ == "it" and found.unit is not None and (found.unit in _CURRENCY_CODES or found.unit.startswith("percent")):
        return subject  # "it has fallen by 50%": resolved to the amount's earlier owner by find_claims
    if subject.pos_ in {"ADJ", "DET", "PRON", "NUM"}:
        inner = [c for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                 for c in p.children if c.dep_ == "pobj" and _noun(c, found)]
        if inner:
            return inner[0]
    return None


def _what_changed(noun, found: _Found):
    """ "a 12% cut in taxes" -> taxes, "a 7 percent increase in sales" -> sales; other nouns stay."""
    from .nlp import lemma_of

    if lemma_of(noun) not in _UP_WORDS | _DOWN_WORDS | _CHANGE_NOUNS:
        return noun
    inner = [c for p in noun.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
             for c in p.children if c.dep_ == "pobj" and _noun(c, found)]
    return inner[0] if inner else noun


def _has_noun_object(verb, found: _Found) -> bool:
    return any(c.dep_ == "dobj" and _noun(c, found) for c in verb.children)


def _owner_of_value(token, found: _Found):
    """Whose amount or share a clause states: "the deal amounts to $149bn", "shares fell 6.6%"."""
    if token.dep_ == "pobj" and token.head.lower_ in _VALUE_PREPS:
        token = token.head
    elif token.dep_ not in _VALUE_DEPS:
        return None
    verb = token.head
    if verb.lower_ == "worth" and verb.head.i != verb.i and _noun(verb.head, found):
        return verb.head  # "a tax credit ..., worth $140 million"
    if token.lower_ in _CHANGE_PREPS | {"at"} and verb.pos_ == "VERB":
        objects = [c for c in verb.children if c.dep_ == "dobj" and _noun(c, found)
                   and (token.lower_ != "at" or any(d.dep_ in {"det", "poss"} for d in c.children))]
        if objects:
            # "boost earnings per share by 13 percent", "cut taxes to 5.25 percent", "values the company at $30bn"
            # (not the bare noun of an idiom: "changing hands at $6,156")
            return objects[0]
    if token.dep_ == "dobj" and verb.pos_ == "VERB":
        from .nlp import lemma_of

        if lemma_of(verb) == "cost":
            # "tickets cost $25": the price of the subject; "the move could cost the bank $2 billion": a cost
            # to someone, of what the clause says
            payer = [c for c in verb.children if c.dep_ in {"dative", "dobj"} and c.i != token.i]
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and _noun(c, found)]
            if verb.dep_ == "relcl" and _noun(verb.head, found) and \
                    any(c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"} for c in verb.children):
                subjects = [verb.head]  # "the ship, which cost $1 billion to build"
            return subjects[0] if subjects and not payer else verb
        if lemma_of(verb) not in _UP_WORDS | _DOWN_WORDS | _LEVEL_VERBS and found.unit not in _CURRENCY_CODES:
            return None  # "they captured 20 percent": the one who takes a share is not what it is of
        # money a verb moves is the mover's: "Anthem agreed to pay $115 million", "the fund raised $6 million"
    for _ in range(5):
        if verb.pos_ in {"ADV", "ADP", "ADJ"} and verb.head.i != verb.i:
            verb = verb.head  # "is up 34,700 percent"
            continue
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != token.i]
        subjects.sort(key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i else c.i))  # nearest before the verb first
        if subjects and subjects[0].tag_ in {"WDT", "WP"} and verb.dep_ == "relcl" and _noun(verb.head, found):
            return verb.head  # "the deal, which amounts to $148.9 billion"
        if subjects:
            return _partitive(subjects[0], found)
        if verb.dep_ in {"acl", "relcl"} and _noun(verb.head, found):
            return verb.head  # "its offer to acquire Qualcomm for $121 billion", "the deal, which amounts to"
        if verb.dep_ in _CLAUSE_DEPS and verb.head.i != verb.i:
            verb = verb.head
            continue
        return None
    return None


# --------------------------------------------------------------------------- kind, change, source, date

_CURRENCY_CODES = frozenset(_CURRENCY_SYMBOLS.values()) | frozenset(_CURRENCY_WORDS.values())
_CHANGE_NOUNS = frozenset("growth reduction loss hike increase decrease".split())
_FACTORS = {"double": 2, "triple": 3, "quadruple": 4, "halve": 0.5}
_UP_WORDS = frozenset("rise rose risen climb grow grew grown gain increase jump surge soar boost up double triple "
                      "raise higher".split())
_DOWN_WORDS = frozenset("fall fell fallen drop decline decrease cut slash plunge plummet slump sink sank shrink slow "
                        "shrank lose lost down reduce lower halve depreciate tumble".split())


def _kind(found: _Found) -> str:
    unit = found.unit
    if unit in _CURRENCY_CODES:
        return "money"
    if unit and unit.startswith("percent"):
        return "percent"
    return "measure" if unit else "count"


def _direction(doc, found: _Found, root) -> str | None:
    """ "up" or "down": a from-to change by its values, else by the verb or adverb governing the figure."""
    if found.qualifier == "change" and isinstance(found.value, list) and found.value[0] != found.value[1]:
        return "up" if found.value[1] > found.value[0] else "down"
    if root is None:
        return None
    from .nlp import lemma_of

    token = root
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            break
        if head.pos_ == "NOUN" and token.dep_ in _MODIFIER_DEPS:
            word = lemma_of(head)  # "a 12% cut", "a 7 percent increase"
            if word in _UP_WORDS or word in {"growth", "hike"}:
                return "up"
            if word in _DOWN_WORDS or word in {"reduction", "loss"}:
                return "down"
        if head.pos_ in {"VERB", "ADV", "ADP"} and token.dep_ in {"dobj", "npadvmod", "advmod", "pobj", "prep"} | {"quantmod"}:
            word = lemma_of(head) if head.pos_ == "VERB" else head.lower_
            if word in _UP_WORDS:
                return "up"
            if word in _DOWN_WORDS:
                return "down"
        token = head
    return None


_LEVEL_VERBS = frozenset("be total reach hit top cost amount stand trade exceed near equal".split())
_SPEECH_LEMMAS = frozenset("say tell report estimate announce state confirm add note show claim write".split())


def _source(doc, root):
    """Who the sentence credits with the figure: "according to X", or the subject of its speech verb."""
    if root is None:
        return None
    sentence = root.sent
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    from .nlp import lemma_of

    verb = root
    while verb.head.i != verb.i and verb.i in range(sentence.start, sentence.end):
        verb = verb.head
        if verb.pos_ == "VERB" and lemma_of(verb) in _SPEECH_LEMMAS:
            speakers = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}]
            if speakers:
                return speakers[0]
    return None


def _the_definite_few(doc, found: _Found, root) -> bool:
    """ "the two companies", "the two ends of the ring": a small spelled number after "the" refers back
    to things already named rather than counting them."""
    if not found.last.spelled or found.last.value > 10 or root is None or found.qualifier not in (None, "exact"):
        return False
    first = doc.char_span(found.last.number_start, found.last.number_end, alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    before = doc[first.start - 1]
    return before.lower_ in {"the", "these", "those", "both"}


_TIME_ANCHOR_AFTER = re.compile(r"(?i)^[\s,]*(?:ago|later|earlier|from\s+now|after|before|since|into)(?![A-Za-z])")


def _is_time_anchor(text: str, found: _Found) -> bool:
    """ "18 years ago", "20 minutes from now", "10 minutes after takeoff", "six laps later": a point in
    time, not a figure."""
    unit, after = found.unit, text[found.end:found.end + 30]
    if unit and unit.rstrip("s") in _TIME_UNITS | {"centurie"} and _TIME_ANCHOR_AFTER.match(after):
        return True
    return unit is None and bool(_COUNTED_LATER.match(after))


_COUNTED_LATER = re.compile(r"(?i)^\s+[a-z]+s\s+(?:later|earlier|ago)(?![A-Za-z])")


def _is_model_number(text: str, found: _Found, root) -> bool:
    """ "a fully laden 737 aircraft": a bare three- or four-digit number before a singular noun names a model."""
    q = found.last
    if q.spelled or q.unit or q.scale != 1 or isinstance(found.value, list) or root is None:
        return False
    if not re.fullmatch(r"\d{3,4}", text[q.number_start:q.number_end]) or found.qualifier not in (None, "exact"):
        return False
    head = root.head
    return root.dep_ in {"nummod", "compound"} and head.i == root.i + 1 and head.tag_ == "NN"


def _names_its_noun(doc, found: _Found, root) -> bool:
    """ "Apollo 11", "reality 101", "Falcon 9": a bare number after the noun it modifies is an identifier
    (a count stands before what it counts)."""
    q = found.last
    if q.unit or q.scale != 1 or isinstance(found.value, list) or root is None or found.qualifier not in (None, "exact"):
        return False
    head = root.head
    return root.dep_ in {"nummod", "appos", "compound", "npadvmod"} and head.i < root.i \
        and head.pos_ in {"NOUN", "PROPN"} and root.i - head.i == 1


_LINK_LABEL = re.compile(r"(?i)^\s*(?:more|related|read\s+more|see\s+also|watch|also\s+read)\s*:")


def _in_listing_line(doc, text: str, found: _Found, cache: dict[int, bool]) -> bool:
    """A line of links or a caption-like label ("More: EU fines ...", "Six largest cryptocurrencies by
    market cap"): one with a link label, or a short one with no verb and no closing punctuation."""
    start = text.rfind("\n", 0, found.start) + 1
    if start not in cache:
        end = text.find("\n", found.end)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        span = doc.char_span(start, end, alignment_mode="expand")
        verbless = span is not None and len(span) <= 12 and not any(t.pos_ in {"VERB", "AUX"} for t in span)
        cache[start] = bool(_LINK_LABEL.match(line)) or (verbless and not re.search(r"[.!?\"'”’:)]$", line))
    return cache[start]


_ASIDE = re.compile(r"[^()\n]{0,40},\s[^()\n]{0,40}\)")


def _in_listing_aside(text: str, found: _Found) -> bool:
    """ "Venus (-0.3 magnitude, bright)": a figure opening a bracketed list of attributes is a guide's
    listing, not a claim."""
    before = text[max(0, found.start - 1) : found.start]
    return before == "(" and bool(_ASIDE.match(text, found.end))


def _date_of(doc, found: _Found, root, dates) -> str | None:
    """The resolved date stated in the figure's own sentence, nearest to it ("in 2015", "on Oct. 19")."""
    if root is None or not dates:
        return None
    sentence = root.sent
    near = [d for d in dates if sentence.start_char <= d.start and d.end <= sentence.end_char and d.resolved]
    if not near:
        return None
    return min(near, key=lambda d: abs(d.start - found.start)).resolved


# --------------------------------------------------------------------------- public


def find_claims(doc, article, dates=None) -> list[Claim]:
    """Every numeric claim in the article, in text order; ``doc`` may be parsed, tagged or blank.
    ``dates`` are the article's date expressions where the caller has them (else they are read here)."""
    text = article.text or ""
    claims = []
    quantities = _quantities(text)
    annotations = _annotations(doc, text) if quantities or _SCORE.search(text) else set()
    parsed = "DEP" in annotations
    if parsed and dates is None:
        dates = _dates(doc, article)
    lines: dict[int, bool] = {}
    for found in _claims_from(text, quantities):
        if parsed:
            _drop_prepositional_qualifier(doc, text, found)
        root = _quantity_root(doc, found) if parsed else None
        head = None
        if parsed:
            subject, head = _subject_and_head(doc, text, found)
        else:
            subject = _subject(doc, annotations, text, found)
        if subject and _names_an_amount(subject, text[found.last.number_start:found.last.number_end]):
            subject, head = None, None  # "the form of $60": the phrase around an amount, not what it counts
        if head is not None and head.pos_ == "PRON":
            speaker = _reporting_subject(head)
            subject, head = (_phrase(speaker, text), speaker) if speaker is not None else \
                _what_it_refers_to(claims, _kind(found), found.start)
        if not _counts_something(text, found, subject, head) or _is_time_anchor(text, found):
            continue
        if parsed and (_the_definite_few(doc, found, root) or _is_model_number(text, found, root)
                       or _names_its_noun(doc, found, root)):
            continue
        if _in_listing_aside(text, found) or parsed and _in_listing_line(doc, text, found, lines):
            continue
        if parsed:
            _as_factor_change(found, root)
        value = [_as_number(v) for v in found.value] if isinstance(found.value, list) else _as_number(found.value)
        source = _source(doc, root) if parsed else None
        claims.append(
            Claim(
                text=text[found.start : found.end],
                start=found.start,
                end=found.end,
                value=value,
                unit=found.unit,
                qualifier=found.qualifier,
                subject=subject,
                kind=_kind(found),
                subject_head=(head.lemma if isinstance(head, _Head) else _lemma(head)) if head is not None else None,
                direction=_direction(doc, found, root) if parsed else None,
                date=_date_of(doc, found, root, dates) or _article_day(article),
                source=_phrase(source, text) if source is not None else None,
                source_start=source.left_edge.idx if source is not None else None,
                source_end=source.right_edge.idx + len(source.right_edge) if source is not None else None,
            )
        )
    if parsed:
        claims += _scores(doc, text, claims)
        claims.sort(key=lambda c: c.start)
    _share_with_conversions(text, claims)
    _share_with_earlier_mention(text, claims)
    _share_with_elliptical_change(text, claims)
    return claims


_ELLIPTICAL_CHANGE = re.compile(r"(?i)[,;–—-]\s*(?:up|down)\s+(?:[a-z]+\s+)?$")


def _share_with_elliptical_change(text: str, claims: list[Claim]) -> None:
    """ "revenue of $5 billion, up 10% from a year earlier": a verbless change set after a figure is a
    change in what that figure is of."""
    for before, claim in zip(claims, claims[1:]):
        if claim.subject_head is not None or before.subject_head is None or claim.kind != "percent":
            continue
        gap = text[before.end : claim.start]
        if len(gap) > 40 or re.search(r"[.!?]\s", gap):
            continue
        lead = text[max(before.end, claim.start - 20) : claim.start]
        if _ELLIPTICAL_CHANGE.search(text[before.end : claim.start]) or _ELLIPTICAL_CHANGE.search(lead):
            claim.subject, claim.subject_head = before.subject, before.subject_head


_REFERS_BACK_CHARS = 400


def _reporting_subject(pronoun):
    """ "The group says it has raised £2 million": "it" in a reported clause is the one reporting."""
    verb = pronoun.head
    while verb.dep_ in {"aux", "conj", "xcomp"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return None
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}]
    return subjects[0] if subjects else None


def _what_it_refers_to(claims: list[Claim], kind: str, start: int):
    """ "The rate will be 26.1 percent ... Now, it will be 14.3 percent": "it" owning an amount or share is
    what owned the last one of that kind a few lines before. Returns (subject phrase, head lemma holder)."""
    for claim in reversed(claims):
        if start - claim.end > _REFERS_BACK_CHARS:
            break
        if claim.kind == kind and claim.subject_head:
            return claim.subject, _Head(claim.subject_head)
    return None, None


@dataclass
class _Head:
    """A head already reduced to its lemma (one taken over from an earlier claim)."""

    lemma: str


_DEFINITE_BEFORE = re.compile(r"(?i)(?<![A-Za-z])the\s+(?:[a-z]+\s+)?$")


def _share_with_earlier_mention(text: str, claims: list[Claim]) -> None:
    """ "two thirds of the $5 billion", "pay the entire $284 billion": a definite amount with nothing of its
    own to be of refers back to the same amount named earlier, and counts what that one does."""
    for i, claim in enumerate(claims):
        if claim.subject_head is not None or claim.kind != "money" or isinstance(claim.value, list):
            continue
        if not _DEFINITE_BEFORE.search(text[max(0, claim.start - 20) : claim.start]):
            continue
        earlier = [c for c in claims[:i] if c.value == claim.value and c.unit == claim.unit and c.subject_head]
        if earlier:
            claim.subject, claim.subject_head = earlier[-1].subject, earlier[-1].subject_head


def _share_with_conversions(text: str, claims: list[Claim]) -> None:
    """ "$5,920 (£4,250)", "40 metres (131 feet)": a bracketed conversion counts what the figure before it does."""
    for before, claim in zip(claims, claims[1:]):
        if text[before.end : claim.start].strip() == "(" and text[claim.end : claim.end + 1] == ")" \
                and claim.subject is None and before.subject is not None:
            claim.subject, claim.subject_head = before.subject, before.subject_head


def _scores(doc, text: str, claims: list[Claim]) -> list[Claim]:
    """ "a 34-6 win", "led the series 3-1", "a 5-4 ruling": a result as one claim of kind "score",
    with the noun it is the score of where one follows ("win", "vote"), else the verb's object."""
    found, dates = [], None
    for m in _SCORE.finditer(text):
        if not _looks_like_score(text, m) or any(c.start < m.end() and m.start() < c.end for c in claims):
            continue
        dates = _date_mask(text) if dates is None else dates
        if _inside(dates, m.start(), m.end()) or _part_of_name(text, m.start()):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        attached = after is not None and any(t.head.i == after.i for t in span) or \
            after is not None and after.head.i in range(span.start, span.end)
        subject = after if attached and after.pos_ == "NOUN" else None
        if subject is None:
            verb = span.root.head
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < span.start]
            subject = objects[0] if objects else None
        found.append(Claim(text=m.group(), start=m.start(), end=m.end(), value=[int(m.group(1)), int(m.group(2))],
                           qualifier="exact", subject=subject.text if subject is not None else None, kind="score",
                           subject_head=_lemma(subject) if subject is not None else None))
    return found


def _date_mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for start, end, _ in date_spans(text):
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _article_day(article) -> str | None:
    """The article's publication day, the date a figure refers to when its sentence states none."""
    published = getattr(article, "published", None)
    return published[:10] if isinstance(published, str) and re.match(r"\d{4}-\d\d-\d\d", published) else None


def _as_factor_change(found: _Found, root) -> None:
    """ "doubled to 400": a change from 200 to 400, one claim with both values."""
    if root is None or isinstance(found.value, list) or root.dep_ != "pobj" or root.head.lower_ != "to":
        return
    from .nlp import lemma_of

    factor = _FACTORS.get(lemma_of(root.head.head)) if root.head.head.pos_ == "VERB" else None
    if factor:
        found.value, found.qualifier = [found.value / factor, found.value], "change"


def _lemma(token) -> str:
    """The head's lemma for matching ("victims" -> "victim"); a name stays as written, lower-cased."""
    from .nlp import lemma_of

    if token.tag_ == "NNP" or token.pos_ == "ADJ":
        return token.lower_  # a name, or "dead"
    lemma, word = lemma_of(token), token.lower_
    if word.endswith("es") and word[-4:-2] in {"ss", "sh", "ch"} | {c + "x" for c in "aeiou"} and lemma != word[:-2]:
        return word[:-2]  # "taxes" -> "tax" where the lookup table says otherwise
    if word.endswith("ies") and lemma == word[:-1]:
        return word[:-3] + "y"  # an unknown plural: "cryptocurrencies" -> "cryptocurrency"
    return lemma


def _phrase(token, text: str) -> str:
    return text[token.left_edge.idx : token.right_edge.idx + len(token.right_edge)]


def _dates(doc, article):
    """The article's resolved date expressions; none where dates cannot be read (never a lost claim)."""
    try:
        from .dates import find_dates

        return find_dates(doc, article)
    except Exception:  # noqa: BLE001 - a date failure must not lose the article's claims
        return []
