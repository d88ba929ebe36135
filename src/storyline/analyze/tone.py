"""Tone toward people (placeholder until issue H lands: finds nothing)."""
from ..model import Tone


def assess_tone(doc, article, entities, mentions) -> list[Tone]:
    return []
