"""HTML pages (placeholder until the HTML path lands: trafilatura's text only)."""
import trafilatura

from ..model import Article, RawDocument, article_id_for


def extract_html(raw: RawDocument) -> Article:
    text = (trafilatura.extract(raw.content) or "").strip()
    return Article(id=article_id_for(text, raw.url), source=raw.source, text=text, url=raw.url,
                   title=raw.title, outlet=raw.outlet, authors=list(raw.authors), published=raw.published)
