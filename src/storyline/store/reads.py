"""Batch reads for pages and the API beyond the Store's own read methods: every SQL the web runs lives in
``store/``; these read whole sets of ids in one query (a story page asks for 30 articles at once)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ..model import Analysis, Article
from .sqlite import Store


def _placeholders(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def article_rows(store: Store, article_ids: Sequence[str]) -> dict[str, sqlite3.Row]:
    """Summary rows (id, url, outlet, title, published, date) for the given ids, keyed by id."""
    if not article_ids:
        return {}
    rows = store.db.execute(
        "SELECT id, url, outlet, title, published, date, substr(text, 1, 200) AS opening FROM articles"
        f" WHERE id IN ({_placeholders(article_ids)})",
        list(article_ids),
    ).fetchall()
    return {r["id"]: r for r in rows}


@lru_cache(maxsize=None)
def _record_reader(cls: type) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def load_articles(store: Store, article_ids: Sequence[str]) -> dict[str, Article]:
    """Many articles in one query (a story page needs all of its articles at once).

    Records are validated straight from their stored JSON: about ten times faster than
    ``json.loads`` then ``model.from_dict`` for an analysis, which matters at 30 articles a page.
    """
    if not article_ids:
        return {}
    ids = list(dict.fromkeys(article_ids))
    rows = store.db.execute(f"SELECT record FROM articles WHERE id IN ({_placeholders(ids)})", ids)
    reader = _record_reader(Article)
    articles = (reader.validate_json(r[0]) for r in rows)
    return {a.id: a for a in articles}


def load_analyses(store: Store, article_ids: Sequence[str]) -> dict[str, Analysis]:
    if not article_ids:
        return {}
    ids = list(dict.fromkeys(article_ids))
    rows = store.db.execute(f"SELECT record FROM analyses WHERE article_id IN ({_placeholders(ids)})", ids)
    reader = _record_reader(Analysis)
    analyses = (reader.validate_json(r[0]) for r in rows)
    return {a.article_id: a for a in analyses}


def count_entities(store: Store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM entities").fetchone()[0]


def corpus_entity_ids(store: Store, local_ids: Sequence[str]) -> dict[str, str]:
    """Map article-level entity ids to corpus entity ids; an id that already names a corpus entity maps to itself."""
    if not local_ids:
        return {}
    ids = list(dict.fromkeys(local_ids))
    mapped = dict(store.db.execute(
        f"SELECT local_id, entity_id FROM entity_map WHERE local_id IN ({_placeholders(ids)})", ids
    ))
    direct = {r[0] for r in store.db.execute(
        f"SELECT id FROM entities WHERE id IN ({_placeholders(ids)})", ids
    )}
    return {i: mapped.get(i, i) for i in ids if i in mapped or i in direct}


def entity_rows(store: Store, entity_ids: Sequence[str]) -> dict[str, sqlite3.Row]:
    if not entity_ids:
        return {}
    ids = list(dict.fromkeys(entity_ids))
    rows = store.db.execute(
        f"SELECT id, name, label FROM entities WHERE id IN ({_placeholders(ids)})", ids
    ).fetchall()
    return {r["id"]: r for r in rows}


def entities_in_articles(store: Store, article_ids: Sequence[str], limit: int = 100) -> list[sqlite3.Row]:
    """Corpus entities mentioned in these articles, most mentioned first (id, name, label, articles, mentions)."""
    if not article_ids:
        return []
    return store.db.execute(
        "SELECT e.id, e.name, e.label, COUNT(DISTINCT ea.article_id) AS articles,"
        " SUM(ea.mentions) AS mentions FROM entity_articles ea JOIN entities e ON e.id = ea.entity_id"
        f" WHERE ea.article_id IN ({_placeholders(article_ids)})"
        " GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name LIMIT ?",
        [*article_ids, limit],
    ).fetchall()


def stories_for_entity(store: Store, entity_id: str, limit: int = 50) -> list[sqlite3.Row]:
    return store.db.execute(
        "SELECT s.id, s.title, s.first_date, s.last_date, COUNT(*) AS articles"
        " FROM entity_articles ea JOIN story_articles sa ON sa.article_id = ea.article_id"
        " JOIN stories s ON s.id = sa.story_id WHERE ea.entity_id = ?"
        " GROUP BY s.id ORDER BY articles DESC, s.last_date DESC LIMIT ?",
        (entity_id, limit),
    ).fetchall()


def story_titles(store: Store, story_ids: Sequence[str]) -> dict[str, str]:
    if not story_ids:
        return {}
    ids = list(dict.fromkeys(story_ids))
    return dict(store.db.execute(
        f"SELECT id, title FROM stories WHERE id IN ({_placeholders(ids)})", ids
    ))
