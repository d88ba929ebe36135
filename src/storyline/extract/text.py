"""Plain-text scrapes (placeholder until the segmenter lands: keeps everything)."""
from ..model import Article, RawDocument, article_id_for


def extract_text(raw: RawDocument) -> Article:
    text = raw.content.strip()
    return Article(id=article_id_for(text, raw.url), source=raw.source, text=text, url=raw.url,
                   title=raw.title, outlet=raw.outlet, authors=list(raw.authors), published=raw.published)
