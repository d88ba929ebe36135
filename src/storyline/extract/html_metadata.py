"""Metadata a page states about itself: JSON-LD, <meta> tags, microdata and visible bylines.

Structured data (JSON-LD ``NewsArticle``/``Article``, ``article:published_time``) is what the
publisher's CMS wrote on purpose, so it is preferred to anything guessed from the visible page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterator

from lxml.html import HtmlElement

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "techarticle",
    "scholarlyarticle", "report", "liveblogposting", "medicalwebpage", "howto", "recipe", "review",
}
PAGE_TYPES = {"webpage", "itempage", "collectionpage", "faqpage", "aboutpage", "qapage"}
SITE_TYPES = {"website", "organization", "newsmediaorganization", "corporation", "localbusiness"}

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article.published", "published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date",
    "parsely-pub-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "citation_publication_date",
    "citation_date", "cxenseparse:recs:publishtime", "original-publish-date", "article:post_date",
)
AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator", "citation_author")
TITLE_META = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title")
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher", "dc.publisher", "citation_publisher")

_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")
_BY = re.compile(r"^(?:by|written by|posted by|article by|author:?)\s+", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_URL_LIKE = re.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net)\b", re.I)


@dataclass
class PageMetadata:
    """Everything the page says about itself, raw; ``html.py`` chooses among the candidates."""

    headline: str | None = None  # JSON-LD headline of the article object
    meta_titles: list[str] = field(default_factory=list)
    title_tag: str | None = None
    h1: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # JSON-LD article authors
    meta_authors: list[str] = field(default_factory=list)
    published: str | None = None  # JSON-LD datePublished (YYYY-MM-DD)
    meta_published: str | None = None
    time_published: str | None = None  # <time>/itemprop="datePublished" in the page
    publisher: str | None = None  # JSON-LD publisher.name
    site_name: str | None = None  # og:site_name or JSON-LD WebSite name
    url: str | None = None  # og:url / canonical
    language: str | None = None
    visible_chars: int = 0  # length of the page's visible text
    byline: list[str] = field(default_factory=list)  # "By Jane Doe" shown near the headline
    shown_date: str | None = None  # the first date written out around the headline ("March 5, 2024")


_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
# title-case words a byline runs into on the page ("By Jane Doe Published ...", "... Table of contents")
_LAYOUT_WORDS = r"(?:published|updated|posted|last|table|view|content|contents|share|read|follow|reviewed|edited|in|on|at|and|the|contributor|editor|writer|reporter|staff|author|team)\b"
_NAME_TOKEN = r"(?!(?i:" + _MONTH + r"\b|" + _LAYOUT_WORDS + r"))(?:[A-Z][\w'’-]*\.?|[A-Z]\.)"
# "Jane Doe", and lists of such names closed by "and"/"&" ("A, B and C"); "Jane Doe, Some Outlet" stays one
_PERSON = _NAME_TOKEN + r"(?:\s+(?:" + _NAME_TOKEN + r"|van|de|der|von|da|la|le)){1,3}"
_BYLINE_TEXT = re.compile(
    r"(?:\bBy|\bBY|\bWritten by|\bArticle by|\bAuthor):?\s+"
    r"(?P<name>" + _PERSON + r"(?:(?:\s*,\s*" + _PERSON + r"){0,2}(?:,?\s+and\s+|\s*&\s*)" + _PERSON + r")?)"
    r"(?P<suffix>\s*,\s*[A-Z]{2,4}\b\.?)?(?!\s*[A-Z]{2,}\b)"
)
_BYLINE_BEFORE, _BYLINE_AFTER, _BYLINE_NO_HEADLINE = 300, 1500, 3000
_DATE_BEFORE, _DATE_AFTER = 300, 800  # where a page shows its date: just above or under the headline
_MONTH_NUMBER = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_WRITTEN_DATE = re.compile(
    r"\b(?:(?P<m1>" + _MONTH + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})|"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH + r"),?\s+(?P<y2>\d{4}))\b",
    re.IGNORECASE,
)


def visible_text(tree: HtmlElement) -> str:
    """The page's readable text (script, style and noscript left out), whitespace collapsed."""
    body = tree.find("body")
    if body is None:
        return ""
    nodes = body.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return " ".join(" ".join(nodes).split())


def visible_byline(text: str, headline: str | None) -> list[str]:
    """The name in a "By Jane Doe" line shown around the headline (where bylines sit)."""
    at = text.find(headline) if headline else -1
    window = text[max(0, at - _BYLINE_BEFORE) : at + _BYLINE_AFTER] if at >= 0 else text[:_BYLINE_NO_HEADLINE]
    match = _BYLINE_TEXT.search(window)
    if not match or any(len(word) > 2 and word.isupper() for word in match["name"].split()):
        return []  # shouted labels ("USE CASE"), not names
    names = split_authors(match["name"])
    names[-1] += match["suffix"] or ""
    return names


_NAME_LIST_SEPARATOR = re.compile(r"\s*;\s*|,?\s+and\s+|\s*&\s*|\s*,\s*")
_LIST_CLOSER = re.compile(r"\s+and\s+|\s*[&;]\s*")  # what makes commas separate people, not a name from a role
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]{1,3}\.?|[JS]r\.?|I{2,3}|IV)$")  # "MD", "PhD", "Jr."


def split_authors(names: str) -> list[str]:
    """ "Jane Doe and John Roe", "A, B and C", "By A & B" -> one entry per person. A string is only
    split when "and", "&" or ";" joins it and every part is a full name (two words or more), so
    "Procter and Gamble", "Sandra Anderson" and "Jane Doe, Senior Editor" stay whole; a credential
    after a comma ("Jane Doe, MD and John Roe, PhD") stays with its name."""
    text = _BY.sub("", " ".join(names.split())).strip(" ,;")
    if not _LIST_CLOSER.search(text):
        return [text] if text else []  # "Jane Doe, Senior Editor, Some Outlet": one person and their role
    parts = [p for p in _NAME_LIST_SEPARATOR.split(text) if p]
    people: list[str] = []
    for part in parts:
        if people and _CREDENTIAL.match(part):
            people[-1] = f"{people[-1]}, {part}"
        else:
            people.append(part)
    if len(people) < 2 or any(len(p.split(",")[0].split()) < 2 for p in people):
        return [text] if text else []
    return people


def shown_date(text: str, headline: str | None) -> str | None:
    """The first date written out in words just above or under the headline (``YYYY-MM-DD``)."""
    at = text.find(headline) if headline else -1
    window = text[max(0, at - _DATE_BEFORE) : at + _DATE_AFTER] if at >= 0 else text[:_DATE_AFTER]
    for match in _WRITTEN_DATE.finditer(window):
        month = match["m1"] or match["m2"]
        day, year = match["d1"] or match["d2"], match["y1"] or match["y2"]
        try:
            return date(int(year), _MONTH_NUMBER[month[:3].lower()], int(day)).isoformat()
        except ValueError:
            continue
    return None


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like date string, or None when it does not start with a real date."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def clean_name(value: Any) -> str | None:
    """A person or organisation name from JSON-LD/meta values: strings or ``{"name": ...}`` objects."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    value = _BY.sub("", " ".join(html.unescape(value).split())).strip(" ,;|-")
    if not value or _URL_LIKE.search(value) or len(value) > 80 or value.startswith("@") or not _LETTER.search(value):
        return None
    return value


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type", ())
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _walk(obj: Any) -> Iterator[dict]:
    if isinstance(obj, list):
        for item in obj:
            yield from _walk(item)
    elif isinstance(obj, dict):
        yield obj
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in obj:
                yield from _walk(obj[key])


def json_ld_objects(tree: HtmlElement) -> list[dict]:
    objects: list[dict] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = (script.text or "").strip()
        if not text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            try:  # a common CMS fault: several objects pasted one after the other
                data = json.loads("[" + re.sub(r"}\s*{", "},{", text) + "]", strict=False)
            except ValueError:
                continue
        objects.extend(_walk(data))
    return objects


def _names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [person for n in (clean_name(v) for v in values) if n for person in split_authors(n)]


def _read_json_ld(objects: list[dict], meta: PageMetadata) -> None:
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if isinstance(value, dict) and set(value) == {"@id"} and value["@id"] in by_id:
            return by_id[value["@id"]]
        return value

    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objects if _types(o) & PAGE_TYPES]
    for obj in articles + pages:
        if meta.headline is None and obj in articles:
            headline = obj.get("headline") or obj.get("name")
            meta.headline = " ".join(html.unescape(headline).split()) if isinstance(headline, str) else None
        if not meta.authors:
            meta.authors = _names(resolve(obj.get("author") or obj.get("creator")))
        if meta.published is None:
            meta.published = iso_date(obj.get("datePublished") or obj.get("dateCreated"))
        if meta.publisher is None:
            meta.publisher = clean_name(resolve(obj.get("publisher")))
    for obj in objects:
        if meta.site_name is None and "website" in _types(obj):
            meta.site_name = clean_name(obj)


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, []).append(content)
    return tags


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def read_page_metadata(tree: HtmlElement) -> PageMetadata:
    """Collect the page's own statements about title, authors, dates and site (no guessing here)."""
    meta = PageMetadata()
    _read_json_ld(json_ld_objects(tree), meta)
    tags = _meta_tags(tree)
    meta.meta_titles = [" ".join(html.unescape(tags[k][0]).split()) for k in TITLE_META if k in tags]
    meta.meta_authors = next((names for k in AUTHOR_META if (names := _names(tags.get(k, [])))), [])
    meta.meta_published = next((d for k in PUBLISHED_META for d in map(iso_date, tags.get(k, [])) if d), None)
    meta.site_name = next((clean_name(tags[k][0]) for k in SITE_META if k in tags and clean_name(tags[k][0])), meta.site_name)
    meta.url = (tags.get("og:url") or [None])[0]
    title = tree.find(".//title")
    meta.title_tag = _text(title) if title is not None else None
    meta.h1 = [t for t in (_text(h) for h in tree.iter("h1")) if t]
    for element in tree.xpath('.//*[@itemprop="datePublished"] | .//time[@datetime]'):
        found = iso_date(element.get("datetime") or element.get("content") or _text(element))
        if found:
            meta.time_published = found
            break
    text = visible_text(tree)
    meta.visible_chars = len(text)
    meta.byline = visible_byline(text, meta.h1[0] if meta.h1 else None)
    meta.shown_date = shown_date(text, meta.h1[0] if meta.h1 else None)
    meta.language = (tree.get("lang") or "").split("-")[0].lower() or None
    return meta
