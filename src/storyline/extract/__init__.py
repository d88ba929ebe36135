"""extract: RawDocument -> Article. HTML goes through trafilatura plus news post-processing;
plain-text scrapes go through the boilerplate segmenter. Pure functions, no I/O."""

from __future__ import annotations

from ..model import Article, RawDocument


def extract(raw: RawDocument) -> Article:
    if raw.format == "html":
        from .html import extract_html

        return extract_html(raw)
    from .text import extract_text

    return extract_text(raw)


__all__ = ["extract"]
