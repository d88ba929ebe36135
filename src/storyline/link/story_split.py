"""Stories that keep events apart: a cluster of one kind of news (two summits, two quarterly
reports) splits where nothing ties its articles but the kind.

Clustering joins articles by shared words, and articles about one kind of event share many. Once a
cluster's story is built, its articles are tied together by what is real evidence of one story: an
event or quotation told by both (a row of the fact matrix), a copy, or a pair score well above the
clustering threshold. Groups left untied that lie more than ``SPLIT_GAP_DAYS`` apart are separate
stories; groups close in time stay one (outlets covering one event in the same days often share no
matched sentence). A developing story whose articles months apart are each tied to the next stays
whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..model import Story

STRONG_PAIR = 0.25  # a pair score this high ties two articles on its own (the clustering threshold is 0.13)
SPLIT_GAP_DAYS = 7
_TYING_KINDS = ("event", "quote")


def tied_groups(story: Story, scores: Mapping[tuple[str, str], float], days: Mapping[str, date | None]) -> list[list[str]]:
    """The story's articles in groups nothing ties together and time keeps apart (one group: no split)."""
    members = list(story.article_ids)
    parent = {a: a for a in members}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def tie(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    for row in story.facts:
        if not isinstance(row, dict) or row.get("kind") not in _TYING_KINDS:
            continue
        told = sorted({ev["article_id"] for cell in (row.get("cells") or {}).values()
                       for ev in cell.get("evidence", []) if isinstance(ev, dict) and "article_id" in ev})
        for other in told[1:]:
            tie(told[0], other)
    for c in story.copies:
        tie(c.article_id, c.copy_of)
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if scores.get((a, b) if a < b else (b, a), 0.0) >= STRONG_PAIR:
                tie(a, b)
    groups: dict[str, list[str]] = {}
    for a in members:
        groups.setdefault(find(a), []).append(a)
    return _close_in_time(list(groups.values()), days)


def _close_in_time(groups: list[list[str]], days: Mapping[str, date | None]) -> list[list[str]]:
    """Groups whose dates lie within SPLIT_GAP_DAYS of each other (or that are undated) rejoin."""
    spans = [[_span(g, days), sorted(g)] for g in groups]
    merged = True
    while merged and len(spans) > 1:
        merged = False
        for i in range(len(spans)):
            for j in range(i + 1, len(spans)):
                if _near(spans[i][0], spans[j][0]):
                    (a, ga), (b, gb) = spans[i], spans.pop(j)
                    spans[i] = [_union(a, b), sorted(ga + gb)]
                    merged = True
                    break
            if merged:
                break
    return sorted((g for _, g in spans), key=lambda g: g[0])


def _span(group: list[str], days: Mapping[str, date | None]) -> tuple[date, date] | None:
    known = sorted(d for d in (days.get(a) for a in group) if d is not None)
    return (known[0], known[-1]) if known else None


def _near(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    return (b[0] - a[1]).days <= SPLIT_GAP_DAYS and (a[0] - b[1]).days <= SPLIT_GAP_DAYS


def _union(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), max(a[1], b[1]))
