"""Corpus-wide linking over what the store holds: copies, stories, corpus entities, and dates
inferred from story context (which re-resolve those articles' relative dates).

A relink leaves the store as linking the whole corpus from scratch would: a date an earlier run
inferred is replaced, or cleared back to what extraction found, when the evidence has changed.
"""

from __future__ import annotations

from ..store import Store


def relink(store: Store) -> None:
    """Recompute links from stored features and analyses, then write what changed and replace the links."""
    from ..link import StoryLinker

    articles = {a.id: a for a in store.iter_articles()}
    analyses = {a.article_id: a for a in store.iter_analyses()}
    linker = StoryLinker.from_features(record for _, record in store.iter_features())
    result = linker.result(articles, analyses)
    changed_articles = []
    for article_id, inferred in result.published_inferred.items():
        article = articles.get(article_id)
        if article is not None and not article.published and article.published_inferred != inferred:
            article.published_inferred = inferred
            changed_articles.append(article)
    if changed_articles:
        store.update_articles(changed_articles)
    changed_analyses = [a for a in result.analyses if analyses.get(a.article_id) != a]
    if changed_analyses:
        store.update_analyses(changed_analyses)
    store.replace_links(result.stories, result.entities, result.entity_map)
