"""Embedded social posts in a scrape: kept as ``Embed`` records, out of the body prose."""

from __future__ import annotations

import re
from datetime import datetime

from ..model import Embed
from .cues import EMBED_SIGNATURE

PIC_LINK = re.compile(r"\s*\b(pic\.twitter\.com/\w+|https?://\S+)")
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def parse_month_date(text: str) -> str | None:
    """'December 3, 2024' / 'Dec. 3 2024' / '3 December 2024' -> '2024-12-03' (None if it is not one)."""
    m = re.search(r"([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})", text)
    if m:
        month, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = re.search(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})", text)
        if not m:
            return None
        day, month, year = m.group(1), m.group(2), m.group(3)
    number = _MONTHS.get(month[:3].lower())
    if number is None:
        return None
    try:
        return datetime(int(year), number, int(day)).strftime("%Y-%m-%d")
    except ValueError:
        return None


def parse_embed(text: str) -> Embed:
    """Split a scraped post into its words, author, handle, date and link."""
    author = handle = date = url = None
    body = text
    signature = EMBED_SIGNATURE.search(text)
    if signature:
        author = signature.group("author").strip() or None
        handle = signature.group("handle")
        date = parse_month_date(signature.group("date"))
        body = text[: signature.start()].rstrip()
    link = PIC_LINK.search(body)
    if link:
        url = link.group(1)
        if not url.startswith("http"):
            url = "https://" + url
        body = (body[: link.start()] + body[link.end():]).strip()
    return Embed(text=body or text, author=author, handle=handle, date=date, url=url)
