"""Date expressions (placeholder until issue B lands: finds nothing)."""
from ..model import DateExpression


def find_dates(doc, article) -> list[DateExpression]:
    return []
