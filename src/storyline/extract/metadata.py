"""Article metadata read from the text itself: stated or inferred date, outlet (the authors: bylines.py).

Everything here reads patterns of news writing ("(Name, Outlet)" bylines, "X and Y contributed to
this report", "sources told The Herald", "date 2024-06-01" headers, a dated embedded post plus "said
Tuesday"), never a list of known outlets or people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Embed, InferredDate, Removed
from .cues import BY_LINE, CONTRIBUTORS, DATELINE, HEADER, PAREN_BYLINE, REPUBLISHED, WEEKDAY
from .embeds import parse_month_date

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_AFTER_WEEKDAY_CUE = 2  # "said Tuesday" is written that day or within a couple of days
DAYS_AFTER_EMBED = 7

_OUTLET = r"(?:The |the )?[A-Z][\w&.’'-]*(?: (?:[A-Z][\w&.’'-]*|of|on|and|&)){0,4}"
SELF_REFERENCE = [
    (re.compile(rf"\bcan now listen to (?P<outlet>{_OUTLET}) (?:articles|stories)\b"), 0.9, "listen banner"),
    (re.compile(rf"\b(?P<outlet>{_OUTLET})['’]s? (?:requests?|inquiry|inquiries) for comment\b"), 0.75,
     "request for comment"),
    (re.compile(rf"\b(?:requests?|inquiries|inquiry|queries) (?:for comment )?from (?P<outlet>{_OUTLET})"), 0.75,
     "request for comment"),
    (re.compile(rf"\b(?:[Ss]ources?|[Oo]fficials?|[Aa] source|[Aa]n? official|[Ss]pokesm[ae]n|[Ss]pokeswom[ae]n|"
                rf"[Aa] spokesperson) (?:[\w ,]{{0,40}} )?told (?P<outlet>{_OUTLET})"), 0.65, "sources told"),
    (re.compile(rf"\b(?P<outlet>{_OUTLET}) (?:has|have) (?:reached out|contacted)\b"), 0.6, "reached out"),
]
_KEYWORDS = [re.compile(k) for k in (r"listen to", r"for comment", r"from (?:The |the )?[A-Z]", r"\btold\b",
                                        r"reached out|contacted")]
# Words that end an outlet name read from running text ("The Herald Wednesday").
_NOT_OUTLET = set(WEEKDAYS) | {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Digital", "Online", "on", "of", "and", "&", "Monday's", "Today", "Tonight",
}


# a site's own promotion line at the page's edge: "KPAB 7 News | Watch live weeknights at 5, 6 and 11",
# "Example Radio · Listen live". It names the site the page was read on (the host), not the writer's outlet.
_PROMO_LINE = re.compile(
    r"^(?P<site>(?:The )?[A-Z][\w&.’'-]*(?: (?:[A-Z0-9][\w&.’'-]*|of|on|and|&)){0,4}) [|•·] .{0,80}\b(?:[Ww]atch|[Ll]isten|[Ss]tream|[Tt]une in|[Ll]ive|[Ss]ubscribe|"
    r"[Dd]ownload (?:the|our)|[Ff]ollow us)\b")
_PROMO_REASONS = {"boilerplate", "banner", "related_links", "navigation"}
# a republisher's notice opening on its own name: "NewsHarbor shares stories from local newsrooms ..."
_REPUBLISHER = re.compile(r"^(?P<site>(?:The )?[A-Z][\w&.’'-]*(?: [A-Z0-9][\w&.’'-]*){0,3}) "
                          r"(?:shares|republishes|publishes|curates|features|brings you|collects)\b")
_EDGE_LINES = 3  # promotion lines stand among the first or last few cut lines


@dataclass
class OutletReading:
    outlet: str | None = None
    confidence: float | None = None
    basis: str | None = None
    host: str | None = None
    original_outlet: str | None = None


def split_names(names: str) -> list[str]:
    parts = re.split(r",\s*and\s+|\s+and\s+|\s*,\s*|\s*&\s*", names.strip().rstrip("."))
    return [p.strip() for p in parts if p.strip()]


def clean_outlet(name: str) -> str | None:
    """Trim words running text glues onto an outlet name ("The Herald Wednesday", "X News Digital")."""
    words = name.strip().rstrip(".,;:").split()
    while words and words[-1].strip("’'") in _NOT_OUTLET:
        words.pop()
    if not words or words == ["The"] or words == ["the"]:
        return None
    if words[0] == "the":
        words[0] = "The"
    return " ".join(words)


def to_iso(text: str) -> str | None:
    """A date as written on a page ('2025-02-14', 'Feb. 14, 2025', '14/2/2025'?) -> 'YYYY-MM-DD'."""
    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        except ValueError:
            return None
    us = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if us:
        try:
            return date(int(us.group(3)), int(us.group(1)), int(us.group(2))).isoformat()
        except ValueError:
            return None
    return parse_month_date(text)


def published_from(removed: list[Removed]) -> str | None:
    """The stated date: a header line (a publication date before an update date), else a dated dateline."""
    headers = [item.text for item in removed if item.reason == "header"]
    headers.sort(key=lambda text: text.lower().lstrip().startswith(("updated", "last updated")))
    for text in headers:
        match = HEADER.match(text)
        if match:
            stated = to_iso(match.group("date") or match.group("bare") or "")
            if stated:
                return stated
    for item in removed:
        if item.reason == "dateline":
            match = DATELINE.match(item.text)
            if match and match.group("date") and re.search(r"\d{4}", match.group("date")):
                return to_iso(match.group("date"))
    return None


def infer_published(embeds: list[Embed], body: str) -> InferredDate | None:
    """A date from the newest dated embedded post, narrowed by a weekday the lead reports on.

    An article cannot predate a post it embeds. When it also reports what happened on a bare
    weekday ("said Tuesday"), that is the first such weekday on or after the post, and news
    written about "Tuesday" comes out that day or within a couple of days.
    """
    dated = sorted(d for d in (e.date for e in embeds) if d)
    if not dated:
        return None
    newest = date.fromisoformat(dated[-1])
    cue = re.search(rf"\b(?:(?:said|says|told|announced|wrote|posted|added|on|late|early) )?({WEEKDAY})\b",
                    body[:1500])
    if cue and not re.search(r"\b(?:last|next)\s+$", body[max(0, cue.start() - 6): cue.start()]):
        weekday = WEEKDAYS.index(cue.group(1))
        day = newest + timedelta(days=(weekday - newest.weekday()) % 7)
        latest = day + timedelta(days=DAYS_AFTER_WEEKDAY_CUE)
        return InferredDate(
            date=day.isoformat(), precision="day",
            basis=(f"embedded post dated {newest.isoformat()} and '{cue.group(0)}' in the lead: the "
                   f"reported {cue.group(1)} is {day.isoformat()}, published then or within "
                   f"{DAYS_AFTER_WEEKDAY_CUE} days"),
            earliest=day.isoformat(), latest=latest.isoformat(),
        )
    return InferredDate(
        date=newest.isoformat(), precision="week",
        basis=f"embedded post dated {newest.isoformat()}: the article is not older than the post",
        earliest=newest.isoformat(), latest=(newest + timedelta(days=DAYS_AFTER_EMBED)).isoformat(),
    )


def outlet_cues(removed: list[Removed], body: str) -> list[tuple[str, float, str]]:
    """Every (outlet, confidence, basis) the text offers, strongest first."""
    found: list[tuple[str, float, str]] = []
    for item in removed:
        text = item.text.strip()
        if item.reason == "byline":
            match = PAREN_BYLINE.match(text + " ") or BY_LINE.match(text)
            if match and match.group("outlet"):
                found.append((match.group("outlet"), 0.9, "byline"))
        elif item.reason == "contributor_line":
            match = CONTRIBUTORS.match(text)
            if match and match.group("outlet"):
                found.append((match.group("outlet"), 0.85, "contributor line"))
        elif item.reason == "outlet_line":
            found.append((text, 0.8, "name line under the headline"))
        elif item.reason == "banner":
            found.extend(_self_references(text))
    found.extend(_self_references(body))
    cleaned = [(clean_outlet(name), conf, basis) for name, conf, basis in found]
    return sorted(((n, c, b) for n, c, b in cleaned if n), key=lambda cue: -cue[1])


def _self_references(text: str) -> list[tuple[str, float, str]]:
    """Outlet self-references, searched only around their key words (the texts can be long)."""
    found = []
    for keyword, (pattern, confidence, basis) in zip(_KEYWORDS, SELF_REFERENCE):
        for hit in keyword.finditer(text):
            window = text[max(0, hit.start() - 120): hit.end() + 80]
            for match in pattern.finditer(window):
                found.append((match.group("outlet"), confidence, basis))
    return list(dict.fromkeys(found))


def _short_form_of(name: str, site: str) -> bool:
    """'The Herald' for a site named 'Evening Herald' (a name, not a bare domain): papers call themselves so."""
    words = name.split()
    return (len(words) == 2 and words[0] == "The" and "." not in site and name != site
            and words[1].lower() in site.lower().split())


def read_outlet(removed: list[Removed], body: str, site: str | None) -> OutletReading:
    """The outlet from text cues; a republisher's notice makes the page a copy hosted by ``site``."""
    cues = outlet_cues(removed, body)
    republished = any(item.reason == "banner" and REPUBLISHED.search(item.text) for item in removed)
    reading = OutletReading(host=site)
    if cues:
        name, confidence, basis = cues[0]
        agreeing = sum(1 for n, _, _ in cues if n == name)
        reading.outlet = name
        reading.confidence = min(0.99, confidence + 0.05 * (agreeing - 1))
        reading.basis = basis if agreeing == 1 else f"{basis} (+{agreeing - 1} agreeing cue(s))"
        if site and not republished and _short_form_of(name, site):
            reading.outlet = site
            reading.basis += f"; '{name}' is the short form of the site's name"
    elif site and not republished:
        reading.outlet, reading.confidence, reading.basis = site, 0.5, "url"
    if republished:
        reading.original_outlet = reading.outlet
        reading.basis = ((reading.basis + "; ") if reading.basis else "") + "republished copy (aggregator notice)"
    if reading.host is None and republished:
        reading.host = next((clean_outlet(m["site"]) for item in removed if item.reason == "banner"
                             and REPUBLISHED.search(item.text) and (m := _REPUBLISHER.match(item.text.strip()))), None)
    if reading.host is None:
        promoted = promoted_site(removed)
        if promoted and promoted != reading.outlet:
            reading.host = promoted
    return reading


def promoted_site(removed: list[Removed]) -> str | None:
    """The site a page promotes itself as in a line at its top or bottom ("KPAB 7 News | Watch live ...")."""
    edges = removed[:_EDGE_LINES] + removed[-_EDGE_LINES:]
    for item in edges:
        match = _PROMO_LINE.match(item.text.strip()) if item.reason in _PROMO_REASONS else None
        if match:
            return clean_outlet(match["site"])
    return None
