"""Numeric claims (placeholder until issue B lands: finds nothing)."""
from ..model import Claim


def find_claims(doc, article) -> list[Claim]:
    return []
