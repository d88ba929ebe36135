"""Metadata a page states about itself: JSON-LD, <meta> tags, microdata, and (visible.py) the byline and
date it shows around its headline.

Structured data (JSON-LD ``NewsArticle``/``Article``, ``article:published_time``) is what the
publisher's CMS wrote on purpose, so it is preferred to anything guessed from the visible page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

from lxml.html import HtmlElement

from ..guard import attempt
from .cues import BUTTON
from .names import CREDIT_LABEL, split_authors
from .visible import (DATELINE_REACH, NUMERIC_DATE, WRITTEN_DATE, byline_date, date_from_digits, date_from_words,
                      real_date, shown_dates, visible_byline, visible_text, written_forms)

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "techarticle",
    "scholarlyarticle", "report", "liveblogposting", "medicalwebpage", "howto", "recipe", "review",
}
# the kinds of article that are one run of prose, what trafilatura's default extraction is built for
# (a recipe, a how-to or a review is more often cards and lists)
PROSE_ARTICLE_TYPES = ARTICLE_TYPES - {"socialmediaposting", "liveblogposting", "medicalwebpage", "howto", "recipe",
                                       "review"}
NEWS_ARTICLE_TYPES = {"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                      "backgroundnewsarticle", "reviewnewsarticle"}
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
_TIMESTAMP = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)$")
# what a CMS writes where no one is named: a script's empty value, the site's account
_PLACEHOLDERS = frozenset({"undefined", "null", "none", "nan", "admin", "administrator", "webmaster", "user",
                           "guest", "unknown", "author"})
# a link to a social page listed among the authors: "Example Garden Network on Facebook"
_SOCIAL_PAGE = re.compile(r"\bon (?:Facebook|Twitter|X|Instagram|LinkedIn|YouTube|TikTok|Threads|Bluesky)$")
# a template's slot left unfilled ("page.head.extra.author", "{{ author }}"); "sara.r.peter" is a user name
_TEMPLATE_KEY = re.compile(
    r"^(?:[a-z_]+(?:\.[a-z_]+)*\.(?:author|authors|name|byline|writer)|\{\{.*\}\}|\$\{.*\}|%\w+%)$")
_LETTER = re.compile(r"[^\W\d_]")
_URL_LIKE = re.compile(r"^(?:https?:|www\.|/)|\.(?:com|org|net)\b", re.I)
# a link to the page of one of the site's writers: /author/jane-doe, /team/jane-doe/, /people/jane-doe?ref=byline
_PROFILE_PATH = re.compile(r"/(?:authors?|team|people|staff|writers?|contributors?|columnists?|editors?|reporters?|journalists?)/[^/?#]+/?(?:[?#].*)?$",
                           re.I)
_NAMED = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,4}$")  # "Jane Doe", "Jo O'Hara", "The Example Team"


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
    modified: str | None = None  # JSON-LD dateModified of the same object
    published_in_text: bool = False  # whether the reader sees ``published``'s day written anywhere on the page
    earliest: dict[str, str] = field(default_factory=dict)  # stated date -> earliest day its timestamp can be
    meta_published: str | None = None
    time_published: str | None = None  # <time>/itemprop="datePublished" in the page
    publisher: str | None = None  # JSON-LD publisher.name
    site_name: str | None = None  # og:site_name or JSON-LD WebSite name
    url: str | None = None  # og:url / canonical
    language: str | None = None
    visible_chars: int = 0  # length of the page's visible text
    byline: list[str] = field(default_factory=list)  # "By Jane Doe" shown near the headline
    shown_date: str | None = None  # the date written under (or over) the headline, not an "Updated" one
    shown_updated: str | None = None  # the first "Updated ..." date written around the headline
    dateline: str | None = None  # ``shown_date`` when it sits right against the headline (a byline's date)
    article_body: str | None = None  # JSON-LD articleBody: the article's text as the CMS stores it (may hold markup)
    article_kind: str | None = None  # what JSON-LD declares the page: "news" (NewsArticle...), "prose" (Article,
    # BlogPosting..., or og:type "article" where JSON-LD names no type)
    warnings: list[str] = field(default_factory=list)  # what could not be read, and why (guard.attempt)


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like date string (or one written out, "Dec 18, 2025", as some CMSs
    fill JSON-LD), or None when it does not start with a real date."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        return _plausible(real_date(match[1], match[2], match[3]))
    written = WRITTEN_DATE.match(value) or NUMERIC_DATE.match(value)  # "Dec 18, 2025" from a lax CMS
    if written:
        return _plausible(date_from_words(written) if written.re is WRITTEN_DATE else date_from_digits(written, False))
    return None


# a stated publication year outside these is a CMS's placeholder ("0001-01-01", "9999-12-31"), not a date
_FIRST_YEAR, _LAST_YEAR = 1800, 2200


def _plausible(day: str | None) -> str | None:
    return day if day and _FIRST_YEAR <= int(day[:4]) <= _LAST_YEAR else None


def earliest_day(value: Any) -> str | None:
    """The earliest calendar day a stated timestamp can be somewhere (at UTC-12): "2024-03-06T02:30Z"
    is still the 5th in the Americas, where the page may show it; a bare date is itself."""
    day = iso_date(value)
    match = _TIMESTAMP.match(value.strip()) if day else None
    if not match:
        return day
    try:
        moment = datetime.fromisoformat(f"{match[1]}T{match[2]}{match[3].replace('Z', '+00:00')}")
        return (moment.astimezone(timezone.utc) - timedelta(hours=12)).date().isoformat()
    except (ValueError, OverflowError):  # an offset of +99:00, a moment at the calendar's edge
        return day


def _stated_date(value: Any, meta: PageMetadata) -> str | None:
    """``iso_date`` of a date the page states, noting how early its timestamp could fall."""
    day = iso_date(value)
    if day:
        earliest = earliest_day(value) or day
        meta.earliest[day] = min(meta.earliest.get(day, day), earliest)
    return day


def clean_name(value: Any) -> str | None:
    """A person or organisation name from JSON-LD/meta values: strings or ``{"name": ...}`` objects."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    value = CREDIT_LABEL.sub("", " ".join(html.unescape(value).split())).strip(" ,;|-")
    if not value or _URL_LIKE.search(value) or len(value) > 80 or value.startswith("@") or not _LETTER.search(value):
        return None
    if _TEMPLATE_KEY.match(value) or value.casefold() in _PLACEHOLDERS or _SOCIAL_PAGE.search(value):
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
    types = set().union(*(_types(o) for o in articles)) if articles else set()
    meta.article_kind = "news" if types & NEWS_ARTICLE_TYPES else "prose" if types & PROSE_ARTICLE_TYPES else None
    pages = [o for o in objects if _types(o) & PAGE_TYPES]
    notes = meta.warnings
    for obj in articles + pages:
        if meta.headline is None and obj in articles:
            headline = obj.get("headline") or obj.get("name")
            meta.headline = attempt(notes, "title (json-ld)", lambda: " ".join(html.unescape(headline).split())) \
                if isinstance(headline, str) else None
        if not meta.authors:
            meta.authors = attempt(notes, "authors (json-ld)", lambda: _names(resolve(obj.get("author") or obj.get("creator"))),
                                   default=[])
        if meta.published is None:
            meta.published = attempt(notes, "published (json-ld)", _stated_date,
                                     obj.get("datePublished") or obj.get("dateCreated"), meta)
            meta.modified = attempt(notes, "modified (json-ld)", iso_date, obj.get("dateModified")) \
                if meta.published else None
        if meta.publisher is None:
            meta.publisher = attempt(notes, "outlet (json-ld publisher)", lambda: clean_name(resolve(obj.get("publisher"))))
        body = obj.get("articleBody")
        if obj in articles and isinstance(body, str) and len(body) > len(meta.article_body or ""):
            meta.article_body = body
    for obj in objects:
        if meta.site_name is None and "website" in _types(obj):
            meta.site_name = clean_name(obj)


_WORDS = re.compile(r"\w+")
_LOGO_WORDS = 3
_MEDIA_ITEM = re.compile(r"(?:Image|Video|Audio|Media)Object\b")


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key == element.get("itemprop", "").strip().lower() and _describes_media(element):
            continue  # a photo's "author" is its photographer
        if key and content:
            tags.setdefault(key, []).append(content)
    return tags


def _describes_media(element: HtmlElement) -> bool:
    """A microdata property of an image, video or audio object, not of the article around it."""
    scope = next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)
    return scope is not None and _MEDIA_ITEM.search(scope.get("itemtype") or "") is not None


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


_DATED_ELEMENTS = './/*[@itemprop="datePublished"] | .//time'


def _element_date(element: HtmlElement, meta: PageMetadata) -> str | None:
    """The date a <time> or ``itemprop="datePublished"`` element carries: its attribute, else the
    date written in its text ("On 8 Oct 2022")."""
    stated = element.get("datetime") or element.get("content")
    if stated:
        return _stated_date(stated, meta)
    written = WRITTEN_DATE.search(_text(element))
    return date_from_words(written) if written else None


def _written_in(text: str, iso: str) -> bool:
    lowered = text.lower()
    return any(form in lowered for form in written_forms(iso))


def day_first(lang: str) -> bool:
    """Whether "03/05/2024" is the 3rd of May: not on pages in US or plain English, or that name no language."""
    return bool(lang) and lang not in {"en", "en-us"}


def profile_link_name(tree: HtmlElement) -> str | None:
    """The name on the page's first link to a writer's own page (``rel="author"``, ``/author/jane-doe``):
    the link's first piece of text, so a job title in a span after the name stays out ("Jane Doe" then
    "Tech Reporter")."""
    for link in tree.iter("a"):
        if link.get("rel") == "author" or _PROFILE_PATH.search(link.get("href") or ""):
            name = CREDIT_LABEL.sub("", next((" ".join(t.split()) for t in link.itertext() if t.strip()), ""))
            if _NAMED.match(name) and not BUTTON.match(name):  # "Learn More" links to the writer's page too
                return name
    return None


def _headline_h1(meta: PageMetadata) -> str | None:
    """The <h1> the byline and date sit by: the first, unless it is a few words (a logo, a section's name)
    and another of the first few shares more words with the titles the page states."""
    if not meta.h1:
        return None
    titles = " ".join(t for t in [meta.headline, *meta.meta_titles, meta.title_tag] if t)
    stated = set(_WORDS.findall(titles.casefold()))
    shared = [len(stated.intersection(_WORDS.findall(h1.casefold()))) for h1 in meta.h1[:4]]
    best = max(range(len(shared)), key=shared.__getitem__)
    return meta.h1[best] if len(meta.h1[0].split()) <= _LOGO_WORDS and shared[best] > shared[0] else meta.h1[0]


def read_page_metadata(tree: HtmlElement) -> PageMetadata:
    """Collect the page's own statements about title, authors, dates and site (no guessing here).
    Each statement is read alone: one that cannot be read is left out and noted in ``meta.warnings``."""
    meta = PageMetadata()
    notes = meta.warnings
    attempt(notes, "json-ld", lambda: _read_json_ld(json_ld_objects(tree), meta))
    tags = attempt(notes, "meta tags", _meta_tags, tree, default={})
    meta.meta_titles = attempt(notes, "title (meta tags)", lambda: [
        " ".join(html.unescape(tags[k][0]).split()) for k in TITLE_META if k in tags], default=[])
    meta.meta_authors = attempt(notes, "authors (meta tags)", lambda: next(
        (names for k in AUTHOR_META if (names := _names(tags.get(k, [])))), []), default=[])
    meta.meta_published = attempt(notes, "published (meta tags)", lambda: next(
        (d for k in PUBLISHED_META for v in tags.get(k, []) if (d := _stated_date(v, meta))), None))
    meta.site_name = attempt(notes, "outlet (meta tags)", lambda: next(
        (clean_name(tags[k][0]) for k in SITE_META if k in tags and clean_name(tags[k][0])), meta.site_name),
        default=meta.site_name)
    meta.url = (tags.get("og:url") or [None])[0]
    if meta.article_kind is None and (tags.get("og:type") or [""])[0].strip().lower() == "article":
        meta.article_kind = "prose"  # no JSON-LD type, but Open Graph calls the page an article
    title = tree.find(".//title")
    meta.title_tag = attempt(notes, "title (<title>)", _text, title) if title is not None else None
    meta.h1 = attempt(notes, "title (<h1>)", lambda: [t for t in (_text(h) for h in tree.iter("h1")) if t], default=[])
    meta.time_published = attempt(notes, "published (<time>)", lambda: next(
        filter(None, (_element_date(e, meta) for e in tree.xpath(_DATED_ELEMENTS))), None))
    text = attempt(notes, "visible text", visible_text, tree, default="")
    meta.visible_chars = len(text)
    meta.published_in_text = bool(meta.published) and attempt(
        notes, "published (shown)", _written_in, text, meta.published, default=False)
    headline = attempt(notes, "title (<h1>)", _headline_h1, meta)
    meta.byline = attempt(notes, "authors (byline)", visible_byline, text, headline, default=[])
    lang = (tree.get("lang") or "").lower() if isinstance(tree.get("lang"), str) else ""
    shown = attempt(notes, "published (shown)", shown_dates, text, headline, day_first=day_first(lang), default=[])
    meta.shown_date = attempt(notes, "published (shown)", byline_date, shown)
    meta.dateline = attempt(notes, "published (dateline)", byline_date, shown, reach=DATELINE_REACH)
    meta.shown_updated = next((d.iso for d in shown if d.updated), None)
    meta.language = lang.split("-")[0] or None
    return meta
