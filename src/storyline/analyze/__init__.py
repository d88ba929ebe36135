"""analyze: one spaCy pass per article, then small components over the parsed Doc.

``analyze_many`` batches articles through ``nlp.pipe``; each component is a pure function of
``(doc, article, ...)`` returning records whose offsets point into ``article.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..guard import attempt
from ..model import Analysis, Article, Span
from .claims import find_claims
from .dates import find_dates
from .entities import find_entities
from .events import find_events
from .loaded import find_loaded_terms
from .nlp import load_nlp, model_name
from .quotes import find_quotes
from .tone import assess_tone


def analyze_doc(article: Article, doc, model: str | None = None) -> Analysis:
    """Run every component over one parsed article. Each runs alone (``guard.attempt``): one that fails
    leaves its records out and is named in ``Analysis.warnings``; the others still run."""
    notes: list[str] = []
    entities, mentions = attempt(notes, "entities", find_entities, doc, article, default=([], []))
    dates = attempt(notes, "dates", find_dates, doc, article, default=[])
    quotes = attempt(notes, "quotes", find_quotes, doc, article, entities, mentions, default=[])
    return Analysis(
        article_id=article.id,
        entities=entities,
        mentions=mentions,
        quotes=quotes,
        claims=attempt(notes, "claims", find_claims, doc, article, dates, default=[]),
        dates=dates,
        events=attempt(notes, "events", find_events, doc, article, mentions, dates, default=[]),
        loaded_terms=attempt(notes, "loaded terms", find_loaded_terms, doc, article, default=[]),
        tone=attempt(notes, "tone", assess_tone, doc, article, entities, mentions, quotes, default=[]),
        sentences=attempt(notes, "sentences", lambda: [Span(s.start_char, s.end_char) for s in doc.sents], default=[]),
        model=model,
        warnings=notes,
    )


def analyze(article: Article, nlp=None) -> Analysis:
    nlp = nlp or load_nlp()
    return analyze_doc(article, nlp(article.text), model=nlp.meta.get("name"))


def analyze_many(articles: Iterable[Article], nlp=None, batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse articles in order, parsing them in batches (``nlp.pipe``) for speed."""
    nlp = nlp or load_nlp()
    name = nlp.meta.get("name")
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analyze_doc(article, doc, model=name)


__all__ = ["analyze", "analyze_doc", "analyze_many", "load_nlp", "model_name"]
