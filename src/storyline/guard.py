"""Fault isolation for optional fields: one field that cannot be read is left out, and why is kept.

Every stage reads many optional things about an article (its date, writers, title, outlet, embeds,
each analysis component). A fault in one of them (a page's absurd date, a bug on odd markup) must
not lose the article: ``attempt`` runs the reader and, when it raises, records a warning on the
record ("published: not read (OverflowError: date value out of range)") and gives the default.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
_MAX_REASON = 200


def warning_for(field: str, exc: BaseException) -> str:
    """What a reader of the record is told: which field, and what went wrong."""
    reason = " ".join(str(exc).split())
    if len(reason) > _MAX_REASON:
        reason = reason[: _MAX_REASON - 1] + "…"
    return f"{field}: not read ({type(exc).__name__}: {reason})" if reason else \
        f"{field}: not read ({type(exc).__name__})"


def attempt(warnings: list[str], field: str, read: Callable[..., T], *args: Any, default: Any = None,
            **kwargs: Any) -> T:
    """``read(*args, **kwargs)``, or ``default`` with a warning added to ``warnings`` when it raises."""
    try:
        return read(*args, **kwargs)
    except Exception as exc:  # any fault in one optional field: leave the field out, say why
        note = warning_for(field, exc)
        log.debug("%s", note, exc_info=True)
        if note not in warnings:
            warnings.append(note)
        return default
