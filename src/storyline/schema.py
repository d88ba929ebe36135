"""The JSON Schema of the records, generated from storyline.model (published as schema/records.json)."""

from __future__ import annotations

from typing import Any

from .model import Analysis, Article, Entity, Story, json_schema


def export_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "storyline records",
        "description": "Records of the storyline data contract; the export nests Analysis fields "
                       "(mentions, quotes, claims, dates, loaded_terms, tone) into each article.",
        "article": json_schema(Article),
        "analysis": json_schema(Analysis),
        "entity": json_schema(Entity),
        "story": json_schema(Story),
    }
