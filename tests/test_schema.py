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


def test_an_untitled_article_is_shown_by_its_opening_words():
    from storyline.model import Article

    assert Article(id="a", source="s.txt", text="Median waits fell to 90 minutes.").display_title() == \
        "Median waits fell to 90 minutes."
    assert Article(id="a", source="s.txt", text="one two three", title="Waits fall").display_title() == "Waits fall"
    assert Article(id="a", source="s.txt", text=" ".join(["w"] * 20)).display_title(3) == "w w w…"
    assert Article(id="a", source="s.txt", text="").display_title() == "s.txt"
