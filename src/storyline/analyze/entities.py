"""Entities (placeholder until issue B lands: finds nothing)."""
from ..model import Entity, Mention


def find_entities(doc, article) -> tuple[list[Entity], list[Mention]]:
    return [], []
