"""Loaded wording (placeholder until issue H lands: finds nothing)."""
from ..model import LoadedTerm


def find_loaded_terms(doc, article) -> list[LoadedTerm]:
    return []
