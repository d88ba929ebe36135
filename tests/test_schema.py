"""The published JSON Schema (schema/records.json) is the one generated from storyline.model."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.schema import export_schema

REPO = Path(__file__).resolve().parent.parent


def test_the_published_schema_matches_the_model():
    published = json.loads((REPO / "schema" / "records.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(export_schema())), (
        "schema/records.json is stale: run `storyline schema -o schema/records.json`"
    )


def test_contract_field_names_are_present():
    schema = export_schema()
    article = schema["article"]["properties"]
    for name in ("id", "source", "url", "outlet", "authors", "title", "published",
                 "published_inferred", "text", "removed"):
        assert name in article
    assert {"quotes", "claims", "dates", "mentions", "loaded_terms", "tone"} <= set(
        schema["analysis"]["properties"])
    assert {"id", "title", "article_ids", "copies", "timeline", "outlets"} <= set(
        schema["story"]["properties"])
