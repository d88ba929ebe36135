"""One short-lived, read-only store connection per request.

``storyline serve`` may run while ``storyline ingest`` writes the same file: SQLite's WAL lets a
read-only connection keep answering from the last committed state, and closing it after each
request never holds a reader open across an ingest's checkpoint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from fastapi import Request

from ...store.sqlite import SCHEMA_VERSION, Store


def prepare_store(db_path: str) -> None:
    """Create or migrate the store file when it needs it, so read-only opens find the schema."""
    try:
        if Path(db_path).exists():
            with Store(db_path, readonly=True) as store:
                if store.schema_version >= SCHEMA_VERSION:
                    return
        Store(db_path).close()
    except sqlite3.DatabaseError as exc:
        raise ValueError(f"{db_path} cannot be served: it is not a storyline store ({exc})") from exc


def read_store(request: Request) -> Iterator[Store]:
    """A read-only store holding one snapshot for the whole request, however many queries it makes
    (an ingest committing meanwhile cannot show a page half old, half new)."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        store.hold_snapshot()
        yield store
    finally:
        store.close()
