"""store: where records live between runs. SQLite is the embedded default (one file)."""

from .sqlite import SCHEMA_VERSION, BatchResult, SearchHit, Store

__all__ = ["SCHEMA_VERSION", "BatchResult", "SearchHit", "Store"]
