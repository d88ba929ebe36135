"""Plain-text scrapes: boilerplate segmenter, then metadata read from the text (the writer and date from the
credit under the headline, bylines.py; else the date shown nearest the headline, read as on an HTML page's
visible text, else a date line the segmenter cut; else the writer an article names at its close), then
the writer's box closing the page once the byline has named the writer.

Container hints on the RawDocument (title, published, outlet, authors, url) take precedence over
what the text suggests; the text fills what they leave out.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..guard import attempt
from ..model import Article, RawDocument, article_id_for
from .bylines import read_byline
from .cues import ANY_DATE, MONTH
from .metadata import infer_published, published_from, read_outlet, to_iso
from .mojibake import fix_mojibake
from .names import as_printed_alone, tidied
from .page_tail import closing_furniture, closing_writer
from .segment import Segmentation, segment
from .visible import shown_date, visible_byline


def site_name(url: str | None) -> str | None:
    """The outlet a URL belongs to (outlet.py's mapping when present, else the bare domain)."""
    if not url:
        return None
    try:
        from .outlet import outlet_from_url
    except ImportError:
        outlet_from_url = None
    if outlet_from_url is not None:
        name = outlet_from_url(url)
        if name:
            return name
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # a malformed URL names no site
        return None
    return host.removeprefix("www.") or None


def _above_the_body(seg: Segmentation) -> str:
    """The lines cut above the body's first paragraph: where a headline's byline and date stand. A date
    the article itself mentions is no publication date."""
    return "\n".join(item.text for item in seg.removed[: seg.head]) if seg.body else ""


_TITLE_SUFFIX = re.compile(
    r"^(?P<headline>.+?)\s+[|\u2013\u2014/-]\s+(?P<suffix>[^|\u2013\u2014/]{2,40}?)\s*[|\u2013\u2014/-]?$")


_DATE_SUFFIX = re.compile(rf"(?<=\w)\s+[|/\u2013\u2014-]\s+(?:{ANY_DATE}|{MONTH}\.? \d{{4}})\s*$")


# a breadcrumb run into the headline: "You are here: Home / Education / Headline", "New York|Headline"
_CRUMB_LABEL = re.compile(r"^(?i:you are here)\s*:\s*")
_CRUMB_STEP = re.compile(r"\s*[|»›>]\s*|\s+/\s+")  # not "24/7" or "AC/DC"
_CRUMB_WORDS, _HEADLINE_WORDS = 3, 4


def _without_breadcrumb(title: str | None) -> str | None:
    """The headline at the end of a breadcrumb the scrape ran into it: after "You are here:", two or more
    steps or a "|", each step a few words, the last a headline's length."""
    if not title:
        return title
    labelled = _CRUMB_LABEL.match(title)
    steps = _CRUMB_STEP.split(title[labelled.end():] if labelled else title)
    headline = steps[-1].strip()
    if len(steps) < 2 or len(headline.split()) < _HEADLINE_WORDS \
            or any(len(step.split()) > _CRUMB_WORDS for step in steps[:-1]):
        return title
    return headline if labelled or len(steps) > 2 or "|" in title else title


def _without_site_suffix(title: str | None, head: str) -> str | None:
    """"Headline - Some Site" -> "Headline", when the suffix also opens a line of its own above the body
    (the site's name line, "Some Site – News about ...", or the section's); "Headline / Dec 2025" ->
    "Headline"."""
    title = _DATE_SUFFIX.sub("", title) if title else title
    match = _TITLE_SUFFIX.match(title or "")
    if not match or len(match["headline"].split()) < 3:
        return title
    suffix = match["suffix"].casefold()
    opens_a_line = any(line.casefold().startswith(suffix) for line in head.splitlines() if line != title)
    return match["headline"] if opens_a_line else title


def extract_text(raw: RawDocument) -> Article:
    """A plain-text scrape -> Article with clean body text, removed furniture, embeds and metadata."""
    content = attempt(notes := [], "encoding repair", fix_mojibake, raw.content or "", default=raw.content or "")
    seg = segment(content)
    head = attempt(notes, "headline area", _above_the_body, seg, default="")
    byline = attempt(notes, "byline", read_byline, seg.removed, seg.head, seg.lead, seg.body, default=None)
    authors = list(raw.authors) or (byline.authors if byline else []) or attempt(
        notes, "authors", _authors_elsewhere, seg, head, default=[])
    end, tail = attempt(notes, "body (writer's box)", closing_furniture, seg.body, authors, default=(len(seg.body), []))
    seg.removed.extend(tail)
    text = "\n\n".join(seg.body[:end])
    published = ((to_iso(raw.published) or raw.published) if raw.published
                 else attempt(notes, "published", lambda: (byline.date if byline else None)
                              or shown_date(head, seg.title, updated=True) or published_from(seg.removed)))
    inferred = None if published else attempt(notes, "published (inferred)", infer_published, seg.embeds, text)
    outlet = attempt(notes, "outlet", lambda: read_outlet(seg.removed, text, site_name(raw.url)))
    title = raw.title or attempt(notes, "title", lambda: _without_site_suffix(_without_breadcrumb(seg.title), head),
                                 default=seg.title)
    article = Article(
        id=article_id_for(text, raw.url),
        source=raw.source,
        text=text,
        url=raw.url,
        outlet=outlet.outlet if outlet else None,
        authors=authors,
        title=title,
        published=published,
        published_inferred=inferred,
        removed=seg.removed,
        embeds=seg.embeds,
        host=outlet.host if outlet else None,
        original_outlet=outlet.original_outlet if outlet else None,
        outlet_confidence=outlet.confidence if outlet else None,
        outlet_basis=outlet.basis if outlet else None,
        warnings=notes,
    )
    if raw.outlet:
        article.outlet, article.outlet_confidence, article.outlet_basis = raw.outlet, 1.0, "container"
    return article


def _authors_elsewhere(seg: Segmentation, head: str) -> list[str]:
    """The writer where no byline names one: a credit over the body, else the one the article closes on."""
    authors = tidied(visible_byline(head, seg.title)) or closing_writer(
        seg.body, [item.text for item in seg.removed[seg.head:] if "Follow" in item.text])
    if any(len(name.split()) > 2 for name in authors):
        authors = as_printed_alone(authors, [*seg.body, *(item.text for item in seg.removed)])
    return authors
