"""Dating undated articles from a cue of their own, never from the story alone.

"Sources said on Wednesday" in an undated article whose closest dated story-mate appeared on Friday
14 February means the article is from Wednesday 12 February: the weekday is the article's cue, the
neighbour only says which week. Dates the article itself cites are lower bounds; an embedded post's
date anchors the weekday instead of the neighbour. A copy appears on or after its original, so it is
never dated before it. An article with no cue of its own stays undated, shown as such: the story's
dates are not its date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Analysis, Article, DateExpression, InferredDate
from .features import LinkFeatures

# A weekday guess further than this from the story's median date is dropped: the weekday is placed
# within three days of the most similar dated article, so this only fires when that article sits far
# from the rest of its story, where the lead's weekday more often names an earlier event than the
# day of writing.
STORY_DAY_SLACK = 3
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = "january february march april may june july august september october november december".split()
_STATED_DAY = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})\b"
)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 and value[4] == "-" else None
    except ValueError:
        return None


def cited_days(article: Article, analysis: Analysis | None) -> list[date]:
    """Absolute calendar days the article's text cites ("December 3, 2024"): weak lower bounds."""
    days = []
    if analysis is not None:
        days += [_day(d.resolved) for d in analysis.dates if not d.relative and d.precision == "day"]
    for m in _STATED_DAY.finditer(article.text or ""):
        try:
            days.append(date(int(m.group(3)), _MONTHS.index(m.group(1).lower()) + 1, int(m.group(2))))
        except ValueError:
            continue
    return sorted(d for d in days if d is not None)


def weekday_on_or_before(day: date, weekday: str) -> date:
    return day - timedelta(days=(day.weekday() - WEEKDAYS.index(weekday)) % 7)


def weekday_on_or_after(day: date, weekday: str) -> date:
    return day + timedelta(days=(WEEKDAYS.index(weekday) - day.weekday()) % 7)


def weekday_nearest(day: date, weekday: str) -> date:
    """The named weekday closest to ``day`` (three days either side; the earlier one on a tie)."""
    before = weekday_on_or_before(day, weekday)
    return before if (day - before).days <= 3 else before + timedelta(days=7)


def _day_guess(day: date, basis: str) -> InferredDate:
    return InferredDate(date=day.isoformat(), precision="day", earliest=day.isoformat(),
                        latest=(day + timedelta(days=1)).isoformat(), basis=basis)


def infer_date(
    article: Article, analysis: Analysis | None, features: LinkFeatures, neighbour: LinkFeatures | None,
    story_day: date | None = None,
) -> InferredDate | None:
    """The publication date an undated article's story context supports, with its basis.

    The lead's weekday ("said Tuesday") is the news day; it is placed nearest the dated neighbour's
    date, never before a date the article itself cites, and is dropped when it lands more than
    STORY_DAY_SLACK days from ``story_day`` (the median date of the story's dated articles). An
    embedded post's date is a stronger anchor than the neighbour: pages embed posts from the days
    they are written. Without a weekday or an embedded post the article stays undated (None).
    """
    neighbour_day = _day(neighbour.published) if neighbour else None
    embedded = sorted(d for d in (_day(e.date) for e in article.embeds) if d)
    cited = cited_days(article, analysis)
    if neighbour_day:
        embedded = [d for d in embedded if d <= neighbour_day] or embedded
        cited = [d for d in cited if d <= neighbour_day]
    weekday = features.lead_weekday
    if weekday and embedded:
        day = weekday_on_or_after(embedded[-1], weekday)
        return _day_guess(day, f"'{weekday.capitalize()}' in the lead, first such day on or after the "
                               f"embedded post of {embedded[-1]}")
    if weekday and neighbour_day:
        day = weekday_nearest(neighbour_day, weekday)
        basis = f"'{weekday.capitalize()}' in the lead, nearest story article {neighbour.article_id} dated {neighbour_day}"
        if 0 < (neighbour_day - day).days <= 1:  # the neighbour appeared the day after the news: so did this one
            day = neighbour_day
            basis += ", published like it the day after"
        if cited and day < cited[-1]:
            day = weekday_on_or_after(cited[-1], weekday)
            basis += f", moved on to the first such day after {cited[-1]} (a date the article cites)"
        if story_day and abs((day - story_day).days) > STORY_DAY_SLACK:
            return None  # the lead's weekday names an earlier event more often than the day of writing
        return _day_guess(day, basis)
    if embedded:
        return InferredDate(date=embedded[-1].isoformat(), precision="day", earliest=embedded[-1].isoformat(),
                            latest=neighbour_day.isoformat() if neighbour_day and neighbour_day > embedded[-1] else None,
                            basis=f"embedded post dated {embedded[-1]}; no weekday cue")
    return None


def not_before_original(guess: InferredDate | None, original_id: str, original_day: date | None) -> InferredDate | None:
    """A copy's date: never before its original's. Without a guess of its own the copy takes the
    original's day (a reprint appears on or after it), with that basis."""
    if original_day is None:
        return guess
    if guess is not None and (_day(guess.date) is None or _day(guess.date) >= original_day):
        return guess
    basis = f"copy of article {original_id} dated {original_day}: a copy appears on or after its original"
    if guess is not None:
        basis += f" (its own cue pointed earlier: {guess.basis})"
    return InferredDate(date=original_day.isoformat(), precision="day", earliest=original_day.isoformat(),
                        latest=None, basis=basis)


def working_anchor(inferred: InferredDate) -> str | None:
    """A day to resolve relative dates against: the inferred day, else the latest day allowed."""
    if inferred.precision == "day":
        return inferred.date
    return inferred.latest


def reresolve(article: Article, analysis: Analysis, anchor: str | None) -> Analysis:
    """A copy of the analysis with its relative dates resolved against ``anchor`` (dates.py, when present).

    Without an anchor the relative dates go back to unresolved, as analysis left them for an
    article with no date: a date inferred by an earlier link run leaves no trace.
    """
    try:
        from ..analyze.dates import reresolve_dates, resolve_date_expression
    except ImportError:
        return analysis
    if anchor is not None:
        dates = reresolve_dates([replace(d) for d in analysis.dates], anchor, article.text)
        return replace(analysis, dates=list(dates))
    unresolved: list[DateExpression] = []
    for d in analysis.dates:
        if d.relative:
            _, precision = resolve_date_expression(d.text, None)
            d = replace(d, resolved=None, precision=precision, anchor=None)
        unresolved.append(d)
    return replace(analysis, dates=unresolved)
