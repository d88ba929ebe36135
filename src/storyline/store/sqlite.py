"""The embedded store: one SQLite file (WAL, FTS5), schema versioned with migrations.

Records are kept whole as JSON (``record`` columns, rebuilt with ``model.from_json``) beside the
plain columns that listing, sorting and joining need, so ``sqlite3``/``datasette`` can open the file
and read it without storyline. Every write of a batch is one transaction: a crash leaves either the
whole batch or none of it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..model import Analysis, Article, Entity, Story, from_json, to_dict

SCHEMA_VERSION = 2

MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source      TEXT NOT NULL,
        url         TEXT,
        outlet      TEXT,
        title       TEXT,
        published   TEXT,            -- stated publication date
        date        TEXT,            -- stated, else inferred: what lists sort by
        text        TEXT NOT NULL,
        record      TEXT NOT NULL,   -- the whole Article as JSON
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_date ON articles(date);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        record     TEXT NOT NULL     -- the whole Analysis as JSON
    );

    CREATE TABLE link_features (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        record     TEXT NOT NULL
    );

    CREATE TABLE sources (           -- which inputs produced which article (idempotent re-ingest)
        source       TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,   -- of the raw input: the same bytes again need no work
        article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );

    CREATE TABLE stories (
        id                  TEXT PRIMARY KEY,
        title               TEXT NOT NULL,
        first_date          TEXT,
        last_date           TEXT,
        article_count       INTEGER NOT NULL,
        outlet_count        INTEGER NOT NULL,
        independent_sources INTEGER,
        record              TEXT NOT NULL   -- the whole Story as JSON
    );
    CREATE TABLE story_articles (
        story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (story_id, article_id)
    );
    CREATE INDEX story_articles_article ON story_articles(article_id);

    CREATE TABLE entities (          -- corpus-level entities from linking
        id     TEXT PRIMARY KEY,
        name   TEXT NOT NULL,
        label  TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE TABLE entity_articles (   -- corpus entity -> articles mentioning it
        entity_id  TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (entity_id, article_id)
    );
    CREATE INDEX entity_articles_article ON entity_articles(article_id);
    CREATE TABLE entity_map (        -- article-level entity id -> corpus entity id
        local_id  TEXT PRIMARY KEY,
        entity_id TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    """,
    # which storyline and spaCy pipeline extracted and analysed each article: a re-ingest after an
    # upgrade (or with another model) redoes the work instead of keeping the old reading
    2: """
    ALTER TABLE articles ADD COLUMN pipeline TEXT NOT NULL DEFAULT ''
    """,
}


@dataclass
class BatchResult:
    new: list[str]
    existing: list[str]
    redone: list[str] = field(default_factory=list)  # stored before by another pipeline, now replaced


@dataclass
class SearchHit:
    article_id: str
    title: str | None
    outlet: str | None
    date: str | None
    snippet: str  # FTS5 snippet with \x02 ... \x03 around matches: escape, then mark up
    opening: str = ""  # the text's first characters: what to show for an article without a headline


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dumps(record: Any) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


class Store:
    """Open with ``Store(path)`` (creates and migrates the file); use as a context manager."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.db = sqlite3.connect(
                uri, uri=True, check_same_thread=False, timeout=30, isolation_level=None
            )
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(
                self.path, check_same_thread=False, timeout=30, isolation_level=None
            )
        self.db.row_factory = sqlite3.Row
        self._lock = threading.RLock()
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # ------------------------------------------------------------------ lifecycle

    def hold_snapshot(self) -> None:
        """Read every later query of this connection from one committed state (until it closes)."""
        self.db.execute("BEGIN")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Bring the file up to SCHEMA_VERSION, one migration per transaction."""
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path} was written by a newer storyline (schema {current} > "
                f"{SCHEMA_VERSION}); upgrade storyline to open it."
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._lock:
                self.db.executescript(
                    f"BEGIN IMMEDIATE; {MIGRATIONS[version]}; PRAGMA user_version = {version}; COMMIT;"
                )

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            else:
                self.db.execute("COMMIT")

    # ------------------------------------------------------------------ writes

    def add_batch(
        self,
        items: Sequence[tuple[Article, Analysis | None, Any | None]],
        sources: Iterable[tuple[str, str, str]] = (),
        pipeline: str | None = None,
    ) -> BatchResult:
        """Store (article, analysis, link features) triples in one transaction. A known id is skipped,
        unless ``pipeline`` is given and the stored copy was made by another one: then it is replaced.
        A source that now gives another article than before drops the old one (when no other input
        still gives it): the store follows its inputs."""
        result = BatchResult(new=[], existing=[])
        sources = list(sources)
        with self._transaction() as db:
            for article, analysis, features in items:
                stored = db.execute("SELECT pipeline FROM articles WHERE id = ?", (article.id,)).fetchone()
                if stored and (pipeline is None or stored[0] == pipeline):
                    result.existing.append(article.id)
                    continue
                if stored:
                    db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                    result.redone.append(article.id)
                else:
                    result.new.append(article.id)
                self._insert_article(db, article, pipeline or "")
                if analysis is not None:
                    db.execute(
                        "INSERT INTO analyses(article_id, record) VALUES (?, ?)",
                        (article.id, _dumps(analysis)),
                    )
                if features is not None:
                    db.execute(
                        "INSERT INTO link_features(article_id, record) VALUES (?, ?)",
                        (article.id, json.dumps(features, separators=(",", ":"))),
                    )
            dropped = self._drop_superseded(db, sources)
            db.executemany(
                "INSERT OR REPLACE INTO sources(source, content_hash, article_id) VALUES (?, ?, ?)",
                sources,
            )
            if result.new or result.redone or dropped:  # in the same transaction: a crash never leaves them unlinked
                self._set_meta(db, "links_stale", "1")
        return result

    @staticmethod
    def _drop_superseded(db: sqlite3.Connection, sources: list[tuple[str, str, str]]) -> int:
        """Delete the article a source gave before when it now gives another one and no other
        source gives the old one (an upgraded extractor, an edited file); how many went."""
        dropped = 0
        for source, _, article_id in sources:
            row = db.execute("SELECT article_id FROM sources WHERE source = ?", (source,)).fetchone()
            if not row or row[0] == article_id:
                continue
            others = db.execute(
                "SELECT 1 FROM sources WHERE article_id = ? AND source != ?", (row[0], source)
            ).fetchone()
            if not others:
                db.execute("DELETE FROM articles WHERE id = ?", (row[0],))
                dropped += 1
        return dropped

    @staticmethod
    def _set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def links_stale(self) -> bool:
        """True when articles were added since stories were last computed."""
        row = self.db.execute("SELECT value FROM meta WHERE key='links_stale'").fetchone()
        return bool(row and row[0] == "1")

    def _insert_article(self, db: sqlite3.Connection, article: Article, pipeline: str = "") -> None:
        inferred = article.published_inferred.date if article.published_inferred else None
        db.execute(
            "INSERT INTO articles(id, source, url, outlet, title, published, date, text, record,"
            " ingested_at, pipeline) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id, article.source, article.url, article.outlet, article.title,
                article.published, article.published or inferred, article.text,
                _dumps(article), _now(), pipeline,
            ),
        )

    def update_articles(self, articles: Iterable[Article]) -> None:
        """Rewrite stored articles' metadata (e.g. dates inferred from story context)."""
        with self._transaction() as db:
            for a in articles:
                inferred = a.published_inferred.date if a.published_inferred else None
                db.execute(
                    "UPDATE articles SET outlet=?, title=?, published=?, date=?, record=? WHERE id=?",
                    (a.outlet, a.title, a.published, a.published or inferred, _dumps(a), a.id),
                )

    def update_analyses(self, analyses: Iterable[Analysis]) -> None:
        with self._transaction() as db:
            db.executemany(
                "UPDATE analyses SET record=? WHERE article_id=?",
                [(_dumps(a), a.article_id) for a in analyses],
            )

    def replace_links(
        self,
        stories: Sequence[Story],
        entities: Sequence[Entity] = (),
        entity_map: dict[str, str] | None = None,
    ) -> None:
        """Replace the corpus-wide link results (stories, corpus entities) in one transaction."""
        entity_map = entity_map or {}
        with self._transaction() as db:
            db.execute("DELETE FROM story_articles")
            db.execute("DELETE FROM stories")
            db.execute("DELETE FROM entity_articles")
            db.execute("DELETE FROM entity_map")
            db.execute("DELETE FROM entities")
            for s in stories:
                outlets = {
                    r[0]
                    for r in db.execute(
                        # an article of unknown outlet is an outlet of its own, as in the comparison
                        f"SELECT DISTINCT COALESCE(outlet, 'unknown:' || id) FROM articles WHERE id IN "
                        f"({','.join('?' * len(s.article_ids))})",
                        s.article_ids,
                    )
                } if s.article_ids else set()
                db.execute(
                    "INSERT INTO stories(id, title, first_date, last_date, article_count,"
                    " outlet_count, independent_sources, record) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        s.id, s.title, s.first_date, s.last_date, len(s.article_ids),
                        len(outlets), s.independent_sources, _dumps(s),
                    ),
                )
                db.executemany(
                    "INSERT OR IGNORE INTO story_articles(story_id, article_id) VALUES (?, ?)",
                    [(s.id, aid) for aid in s.article_ids],
                )
            db.executemany(
                "INSERT INTO entities(id, name, label, record) VALUES (?,?,?,?)",
                [(e.id, e.name, e.label, _dumps(e)) for e in entities],
            )
            db.executemany(
                "INSERT OR REPLACE INTO entity_map(local_id, entity_id) VALUES (?, ?)",
                list(entity_map.items()),
            )
            counts: dict[tuple[str, str], int] = {}
            for local_id, entity_id in entity_map.items():
                article_id = local_id.split(":", 1)[0]
                counts[(entity_id, article_id)] = counts.get((entity_id, article_id), 0) + 1
            db.executemany(
                "INSERT OR IGNORE INTO entity_articles(entity_id, article_id, mentions)"
                " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)"
                " AND EXISTS (SELECT 1 FROM entities WHERE id = ?)",
                [(e, a, n, a, e) for (e, a), n in counts.items()],
            )
            self._set_meta(db, "links_stale", "0")

    # ------------------------------------------------------------------ reads

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def article_for_source(self, source: str, content_hash: str, pipeline: str | None = None) -> str | None:
        """The article an input produced before, if the same bytes were ingested from there (and, with
        ``pipeline``, extracted and analysed by that pipeline)."""
        row = self.db.execute(
            "SELECT s.article_id, a.pipeline FROM sources s JOIN articles a ON a.id = s.article_id"
            " WHERE s.source=? AND s.content_hash=?",
            (source, content_hash),
        ).fetchone()
        return row[0] if row and (pipeline is None or row[1] == pipeline) else None

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def count_stories(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT record FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_json(Article, row[0]) if row else None

    def analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT record FROM analyses WHERE article_id=?", (article_id,)
        ).fetchone()
        return from_json(Analysis, row[0]) if row else None

    def find_article_id(self, prefix: str) -> str | None:
        """Resolve a full id or a unique id prefix (as `storyline show` accepts)."""
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[sqlite3.Row]:
        """Summary rows (id, source, url, outlet, title, published, date, opening: the text's first
        characters), newest first."""
        return self.db.execute(
            "SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, a.date, substr(a.text, 1, 200) AS opening,"
            " (SELECT story_id FROM story_articles s WHERE s.article_id = a.id) AS story_id"
            " FROM articles a ORDER BY a.date IS NULL, a.date DESC, a.id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()

    def article_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def analysed_ids(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT article_id FROM analyses ORDER BY article_id")]

    def iter_articles(self) -> Iterator[Article]:
        for (record,) in self.db.execute("SELECT record FROM articles ORDER BY id"):
            yield from_json(Article, record)

    def iter_analyses(self) -> Iterator[Analysis]:
        for (record,) in self.db.execute("SELECT record FROM analyses ORDER BY article_id"):
            yield from_json(Analysis, record)

    def iter_features(self) -> Iterator[tuple[str, Any]]:
        for article_id, record in self.db.execute(
            "SELECT article_id, record FROM link_features ORDER BY article_id"
        ):
            yield article_id, json.loads(record)

    def list_stories(
        self, limit: int = 50, offset: int = 0, sort: str = "last_date"
    ) -> list[sqlite3.Row]:
        order = {
            "last_date": "last_date IS NULL, last_date DESC",
            "first_date": "first_date IS NULL, first_date ASC",
            "articles": "article_count DESC",
            "outlets": "outlet_count DESC",
            "sources": "independent_sources DESC",
            "title": "title COLLATE NOCASE ASC",
        }.get(sort)
        if order is None:
            raise ValueError(f"unknown sort {sort!r}")
        return self.db.execute(
            "SELECT id, title, first_date, last_date, article_count, outlet_count,"
            f" independent_sources FROM stories ORDER BY {order}, id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()

    def story(self, story_id: str) -> Story | None:
        row = self.db.execute("SELECT record FROM stories WHERE id=?", (story_id,)).fetchone()
        return from_json(Story, row[0]) if row else None

    def story_for_article(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def iter_stories(self) -> Iterator[Story]:
        for (record,) in self.db.execute("SELECT record FROM stories ORDER BY id"):
            yield from_json(Story, record)

    def entity(self, entity_id: str) -> Entity | None:
        row = self.db.execute("SELECT record FROM entities WHERE id=?", (entity_id,)).fetchone()
        return from_json(Entity, row[0]) if row else None

    def iter_entities(self) -> Iterator[Entity]:
        for (record,) in self.db.execute("SELECT record FROM entities ORDER BY id"):
            yield from_json(Entity, record)

    def list_entities(self, limit: int = 50, offset: int = 0) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT e.id, e.name, e.label, COUNT(ea.article_id) AS articles"
            " FROM entities e LEFT JOIN entity_articles ea ON ea.entity_id = e.id"
            " GROUP BY e.id ORDER BY articles DESC, e.name LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()

    def entity_article_ids(self, entity_id: str, limit: int = 200) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT ea.article_id FROM entity_articles ea JOIN articles a ON a.id = ea.article_id"
                " WHERE ea.entity_id=? ORDER BY a.date DESC LIMIT ?",
                (entity_id, limit),
            )
        ]

    def entity_map(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT local_id, entity_id FROM entity_map"))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search; the query is matched as plain words (FTS syntax is neutralised)."""
        fts_query = _plain_fts_query(query)
        if not fts_query:
            return []
        rows = self.db.execute(
            "SELECT a.id, a.title, a.outlet, a.date,"
            " snippet(articles_fts, 1, char(2), char(3), ' … ', 24) AS snip, substr(a.text, 1, 200)"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?",
            (fts_query, limit, offset),
        ).fetchall()
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows]

    def integrity_ok(self) -> bool:
        return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_SEARCH_WORD = re.compile(r"[^\W_]+(\*)?")


def _plain_fts_query(query: str) -> str:
    """Turn user input into an FTS5 query of quoted terms, so no input is a syntax error; a word
    ending in ``*`` ("Rik*") matches every word it begins (FTS5's prefix query ``"Rik"*``)."""
    terms = [f'"{m.group(0).rstrip("*")}"' + ("*" if m.group(1) else "") for m in _SEARCH_WORD.finditer(query)]
    return " ".join(terms[:32])
