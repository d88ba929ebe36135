"""Quotes (placeholder until issue B lands: finds nothing)."""
from ..model import Quote


def find_quotes(doc, article, entities, mentions) -> list[Quote]:
    return []
