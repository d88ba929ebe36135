"""Corpus-wide linking over what the store holds: copies, stories, corpus entities, and dates
inferred from story context (which re-resolve those articles' relative dates).

A relink leaves the store as linking the whole corpus from scratch would: a date an earlier run
inferred is replaced, or cleared back to what extraction found, when the evidence has changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

from ..store import Store

T = TypeVar("T")


class StoredRecords(Mapping[str, T]):
    """Stored records by article id, each read from the store when linking asks for it.

    Linking visits one story at a time, so a relink holds the link features of the whole corpus
    but only the articles and analyses of the story at hand: memory grows with the features
    (about 20 KB per article), not with the full records (about 150 KB each once parsed).
    """

    def __init__(self, ids: list[str], read: Callable[[str], T | None]):
        self._ids = ids
        self._known = set(ids)
        self._read = read

    def __getitem__(self, article_id: str) -> T:
        record = self._read(article_id) if article_id in self._known else None
        if record is None:
            raise KeyError(article_id)
        return record

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def relink(store: Store) -> None:
    """Recompute links from stored features and analyses, then write what changed and replace the links."""
    from ..link import StoryLinker

    articles = StoredRecords(store.article_ids(), store.article)
    analyses = StoredRecords(store.analysed_ids(), store.analysis)
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
