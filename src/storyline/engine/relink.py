"""Corpus-wide linking over what the store holds: copies, stories, corpus entities, and dates
inferred from story context (which re-resolve those articles' relative dates)."""

from __future__ import annotations

from ..store import Store


def relink(store: Store) -> None:
    """Recompute links from stored features and analyses, then replace them in one transaction."""
    from ..link import StoryLinker

    articles = {a.id: a for a in store.iter_articles()}
    analyses = {a.article_id: a for a in store.iter_analyses()}
    linker = StoryLinker.from_features(record for _, record in store.iter_features())
    result = linker.result(articles, analyses)
    changed_articles = []
    for article_id, inferred in result.inferred_dates.items():
        article = articles.get(article_id)
        if article is not None and not article.published and article.published_inferred != inferred:
            article.published_inferred = inferred
            changed_articles.append(article)
    if changed_articles:
        store.update_articles(changed_articles)
    if getattr(result, "analyses", None):
        store.update_analyses(result.analyses)
    store.replace_links(result.stories, result.entities, result.entity_map)
