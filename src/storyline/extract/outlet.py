"""Outlet names from what a page says (``og:site_name``, publisher) or, failing that, its URL.

General rules only, no list of outlets: a domain is reduced to its registered name (``www.``,
``m.``, ``amp.``, ``edition.``... and the public suffix go), hyphenated names become words,
two- and three-letter names read as acronyms, and anything else keeps the registered domain
(``nytimes.com``) because splitting run-together words would be a guess.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tld import get_tld

_SEPARATORS = re.compile(r"\s+[|\u2013\u2014:·•»-]\s+")
_URL_LIKE = re.compile(r"^(?:https?:|www\.)|/", re.I)
_MAX_NAME = 60


def registered_domain(url: str | None) -> str | None:
    """``www.bbc.co.uk/news`` -> ``bbc.co.uk``; None for hosts without a public suffix (localhost, IPs)."""
    if not url:
        return None
    if "://" not in url:
        url = "http://" + url.lstrip("/")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    found = get_tld("http://" + host, as_object=True, fail_silently=True)
    return found.fld.lower() if found else None


def outlet_from_url(url: str | None) -> str | None:
    """A readable outlet name from a URL's domain by general rules; the registered domain when unsure."""
    domain = registered_domain(url)
    if not domain:
        return None
    found = get_tld("http://" + domain, as_object=True, fail_silently=True)
    label = found.domain if found else domain.split(".")[0]
    if "-" in label and all(part.isalpha() for part in label.split("-")):
        return " ".join(part.capitalize() for part in label.split("-"))
    if label.isalpha() and len(label) <= 3:
        return label.upper()
    return domain


def outlet_from_site_name(name: str | None) -> str | None:
    """Clean an ``og:site_name``/publisher value: drop a tagline after `` | `` or `` - ``, reject URLs."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" |-,;:")
    if not name or _URL_LIKE.search(name):
        return None
    parts = [p.strip() for p in _SEPARATORS.split(name) if p.strip()]
    name = parts[0] if parts else name
    if len(name) > _MAX_NAME:
        return None
    return name


def same_outlet(name: str | None, url: str | None) -> bool:
    """Whether a site name and a URL's domain plausibly name the same outlet ("The Verge"/theverge.com)."""
    domain = registered_domain(url)
    if not name or not domain:
        return False
    compact = re.sub(r"[^a-z0-9]", "", name.lower())
    label = re.sub(r"[^a-z0-9]", "", domain.split(".")[0])
    return bool(compact) and (label in compact or compact in label)
