"""How each outlet told one story: which facts it reported, what it left out, where its numbers differ
from others', its loaded wording and its tone toward people.

``compare_outlets(story, articles, analyses, copies)`` returns ``Story.outlets`` (the export's
``stories[].outlets``); ``compare_story`` returns the same plus the story-level fact matrix and the
number conflicts. Copies count with their source: a reprint adds no outlet, its host is listed
under the source's ``copies``.

Story level, ``compare_story(...)``::

    {"facts": [                       # one row per fact of the story
        {"id": "event:0" | "claim:0" | "quote:0",
         "kind": "event" | "claim" | "quote",
         "label": str,                 # a source's words: event summary, "subject: value", "speaker: quote"
         "date": str | null,           # when it happened (event) or was first reported, as precise as
                                       # known: "2024-12-03", "2024-12", "2025", "2026-01-05/2026-01-09"
         "precision", "date_label",    # "day"..; "3 December 2024", "December 2024", "week of 5 January 2026"
         "sort_date": "YYYY-MM-DD" | null,   # the period's first day, for ordering
         "status": "happened" | "expected" | "background" | null,   # events
         "event_id": str | null,       # the timeline entry (Story.timeline/expected/background/events)
         "reported_by": [outlet, ..], "reported_count": k, "outlet_count": n,   # "reported by k of n"
         "first_reported_by": [outlet, ..],   # the outlets whose article telling it came first
         "cells": {outlet: {"reported": bool,
                            "evidence": [{"article_id", "start", "end"}]}},
         # quotes only: each outlet's wording against the longest one, and who it credits
         "wordings": [{"outlet", "article_id", "start", "end", "text", "kind", "speaker",
                       "speaker_entity_id", "reference": bool, "partial": bool,
                       "changes": [{"op": "cut" | "added" | "changed", "text", "instead_of"?}]}],
         "speakers_differ": bool, "worded_differently": bool}],
     "number_conflicts": [          # differing values about one subject, across articles
        {"kind": "conflict" | "update", "subject", "unit", "earlier": claim ref, "later": claim ref}],
     "outlets": [outlet dict, ..]}

One outlet dict (``compare_outlets`` returns the list of them)::

    {"outlet": str,                    # original outlet, else outlet, else host, else "unknown:<article id>"
     "label": str,                     # how a reader sees it: the name, or "unknown outlet: “<headline>”"
     "articles": [article id, ..],     # its own articles (originals)
     "copies": [{"article_id", "copy_of", "host"}],   # reprints of its articles elsewhere
     "first_date", "last_date": "YYYY-MM-DD" | null,  # the period it covered
     "facts": [{"fact_id", "kind", "label", "reported": bool, "evidence": [...]}],  # its matrix column
     "reported_count": int,
     "omissions": [{"fact_id", "kind", "label", "date", "reported_by": [outlet, ..]}],
     "first_to_report": [{"fact_id", "kind", "label", "date"}],   # facts it told before the others
     "only_it_reported": [{"fact_id", "kind", "label", "date"}],
     "quotes_worded_differently": [{"fact_id", "label", "changes", "speaker", "other_speakers"}],
     "number_conflicts": [{"kind": "conflict" | "update", "subject", "unit",
                           "this": claim ref, "other": claim ref}],
     "loaded_terms": [{"text", "neutral", "leaning", "count", "evidence": [...]}],
     "leaning_counts": {"left": int, "right": int, "sensational": int},
     "tone": [{"entity_id", "name", "polarity", "counts": {"negative", "neutral", "positive"},
               "evidence": [...]}]}     # per person (by name): the majority of its articles' ratings

    claim ref = {"outlet", "article_id", "start", "end", "text", "value", "date"}

Rules. An omission is a fact the outlet did not report although more than half of the other outlets
covering the story at the fact's date reported it (at least two of them when there are two or more
such outlets), and the fact surely happened before the outlet's last article (its whole period ends
by then: "December" is no omission of an article of 3 December). An outlet covers the story at a
date from COVERAGE_LEAD_DAYS before its first article to its last; an outlet whose articles carry no
date is neither counted nor blamed. Only things that happened are omissions (not plans, not
background). Two claims are about the same thing when their units agree and their subjects (else
their sentences) are near-identical; differing values are an *update* when the later one was
published on a later date, a *conflict* when published the same day or undated.
"""

from __future__ import annotations

import re
from functools import cached_property
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from rapidfuzz import fuzz

from ..model import Analysis, Article, Claim, Copy, Event, Story
from .date_roles import date_label, period_end, period_start
from .quote_groups import QuoteRef, quotable, quote_groups, quote_row_details

LEANINGS = ("left", "right", "sensational")
SUBJECT_SIMILARITY = 85  # rapidfuzz token_set_ratio of two claim subjects naming the same thing
SENTENCE_SIMILARITY = 70  # token_sort_ratio of two claim sentences without subjects
VALUE_TOLERANCE = 0.02  # relative difference under which two values are the same figure
COVERAGE_LEAD_DAYS = 7  # an outlet's first article still covers what happened this long before it
_SPACE = re.compile(r"\s+")
_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


# --------------------------------------------------------------------------- outlets and copies


def outlet_of(article: Article) -> str:
    """The outlet an article speaks for: the original outlet of a republished copy, else its own."""
    return article.original_outlet or article.outlet or article.host or f"unknown:{article.id}"


def outlet_label(name: str, articles_by_id: Mapping[str, Article]) -> str:
    """How a reader sees an outlet: its name; an article of no known outlet or site is
    "unknown outlet" with the opening of its headline, so two such columns can be told apart."""
    if not name.startswith("unknown:"):
        return name
    article = articles_by_id.get(name[len("unknown:"):])
    return f"unknown outlet: “{article.display_title(6)}”" if article is not None else "unknown outlet"


def _roots(copies: Iterable[Copy], ids: set[str]) -> dict[str, str]:
    """Each copy's source article within the story (following chains of copies)."""
    parent = {c.article_id: c.copy_of for c in copies if c.article_id != c.copy_of}
    roots = {}
    for article_id in parent:
        root, seen = article_id, set()
        while root in parent and root not in seen and parent[root] in ids:
            seen.add(root)
            root = parent[root]
        if root != article_id:
            roots[article_id] = root
    return roots


def article_outlets(articles: Iterable[Article], copies: Iterable[Copy]) -> dict[str, str]:
    """Article id -> the outlet its facts count for: its source's for a copy, else its own."""
    by_id = {a.id: a for a in articles}
    roots = _roots(copies, set(by_id))
    return {i: outlet_of(by_id[roots.get(i, i)]) for i in by_id}


def _date_of(article: Article) -> str | None:
    if article.anchor_date:
        return article.anchor_date
    if article.published_inferred:
        return article.published_inferred.date
    return None


def _period_start(date: str | None) -> str | None:
    """A comparable day for a date, month, year or range: its first day."""
    if not date:
        return None
    first = date.split("/")[0]
    parts = first.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts))) if parts[0].isdigit() else None


# --------------------------------------------------------------------------- facts


@dataclass
class _Fact:
    id: str
    kind: str
    label: str
    date: str | None = None
    precision: str | None = "day"
    status: str | None = None
    event_id: str | None = None
    evidence: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # outlet -> refs
    first_seen: dict[str, str] = field(default_factory=dict)  # outlet -> date of its first article telling it
    extra: dict = field(default_factory=dict)  # kind-specific fields of the row (a quote's wordings)

    @cached_property
    def sort_date(self) -> str | None:
        return period_start(self.date) if self.date else None

    @cached_property
    def end_date(self) -> str | None:
        end = period_end(self.date) if self.date else None
        return end.isoformat() if end else None

    def add(self, outlet: str, article_id: str, start: int, end: int, when: str | None = None) -> None:
        ref = {"article_id": article_id, "start": start, "end": end}
        if ref not in self.evidence[outlet]:
            self.evidence[outlet].append(ref)
        if when and (outlet not in self.first_seen or when < self.first_seen[outlet]):
            self.first_seen[outlet] = when


@dataclass
class _ClaimRef:
    claim: Claim
    article_id: str
    outlet: str
    date: str | None
    key: str  # what the claim counts: its subject, else its sentence

    @property
    def when(self) -> str | None:
        """The day the figure is of: the date its sentence states, else its article's."""
        return self.claim.date or self.date

    def as_dict(self) -> dict:
        c = self.claim
        return {"outlet": self.outlet, "article_id": self.article_id, "start": c.start, "end": c.end,
                "text": c.text, "value": c.value, "date": self.date}


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_MARKS)).strip().casefold()


def _sentence_of(analysis: Analysis, article: Article, start: int) -> str:
    for s in analysis.sentences:
        if s.start <= start < s.end:
            return article.text[s.start:s.end]
    return article.text[max(0, start - 100):start + 100]


def _same_subject(a: _ClaimRef, b: _ClaimRef) -> bool:
    """One figure's subject in two articles: the same unit and kind, the same counted noun where
    both name one (so "50 dead" and "400 injured" stay apart), and close wording."""
    if (a.claim.unit or None) != (b.claim.unit or None):
        return False
    if a.claim.kind and b.claim.kind and a.claim.kind != b.claim.kind:
        return False
    if a.claim.subject_head and b.claim.subject_head and a.claim.subject_head != b.claim.subject_head:
        return False
    if a.claim.subject and b.claim.subject:
        return fuzz.token_set_ratio(a.key, b.key) >= SUBJECT_SIMILARITY
    return fuzz.token_sort_ratio(a.key, b.key) >= SENTENCE_SIMILARITY


def _values(value: float | list[float]) -> tuple[float, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def same_value(a: float | list[float], b: float | list[float]) -> bool:
    va, vb = _values(a), _values(b)
    if len(va) != len(vb):  # a change "from X to Y" and a plain figure: compare the figure reached
        va, vb = va[-1:], vb[-1:]
    return all(abs(x - y) <= VALUE_TOLERANCE * max(abs(x), abs(y), 1e-9) for x, y in zip(va, vb))


def _claim_label(refs: list[_ClaimRef]) -> str:
    subject = refs[0].claim.subject or refs[0].key
    figures = sorted({r.claim.text for r in refs})
    return f"{subject}: {' / '.join(figures)}"


def _claim_groups(refs: list[_ClaimRef]) -> list[list[_ClaimRef]]:
    groups: list[list[_ClaimRef]] = []
    for ref in sorted(refs, key=lambda r: (r.date or "9999", r.article_id, r.claim.start)):
        for group in groups:
            if all(other.article_id != ref.article_id for other in group) and any(
                _same_subject(ref, other) for other in group
            ):
                group.append(ref)
                break
        else:
            groups.append([ref])
    return groups


def number_conflicts(group: list[_ClaimRef]) -> list[dict]:
    """Differing values about one subject across articles: a later-dated one is an update."""
    found = []
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.article_id == b.article_id or same_value(a.claim.value, b.claim.value):
                continue
            earlier, later = sorted((a, b), key=lambda r: r.when or "")
            kind = "update" if earlier.when and later.when and later.when > earlier.when else "conflict"
            found.append({"kind": kind, "subject": a.claim.subject or b.claim.subject, "unit": a.claim.unit,
                          "earlier": earlier.as_dict(), "later": later.as_dict()})
    return found


# --------------------------------------------------------------------------- the comparison


@dataclass
class _Outlet:
    name: str
    articles: list[str] = field(default_factory=list)
    copies: list[dict] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)

    @property
    def first_date(self) -> str | None:
        return min(self.dates) if self.dates else None

    @property
    def last_date(self) -> str | None:
        return max(self.dates) if self.dates else None

    def lead_in(self) -> str | None:
        """The first day counted as covering the story: COVERAGE_LEAD_DAYS before its first article."""
        if self._lead_in_of != self.first_date:
            self._lead_in_of = self.first_date
            try:
                self._lead_in = (date.fromisoformat(self.first_date) - timedelta(days=COVERAGE_LEAD_DAYS)).isoformat()
            except (TypeError, ValueError):
                self._lead_in = None
        return self._lead_in

    _lead_in_of: str | None = field(default=None, repr=False, compare=False)
    _lead_in: str | None = field(default=None, repr=False, compare=False)


def _by_id(records, key: str) -> dict:
    if isinstance(records, Mapping):
        return dict(records)
    return {getattr(r, key): r for r in records or []}


def compare_story(story: Story, articles, analyses, copies: Iterable[Copy] | None = None,
                  entity_names: Mapping[tuple[str, str], str] | None = None) -> dict:
    """The fact x outlet matrix, number conflicts and per-outlet comparison of one story.

    ``entity_names`` maps (article id, article-level entity id) to the name the story knows the
    entity by, so two outlets crediting one speaker by different names count as one speaker."""
    members = set(story.article_ids)
    articles_by_id = {i: a for i, a in _by_id(articles, "id").items() if not members or i in members}
    analyses_by_id = _by_id(analyses, "article_id")
    copy_list = list(story.copies if copies is None else copies)
    roots = _roots(copy_list, set(articles_by_id))

    outlets: dict[str, _Outlet] = {}
    speaks_for: dict[str, str] = {}  # article id -> outlet its facts count for
    for article_id in sorted(articles_by_id, key=lambda i: (_date_of(articles_by_id[i]) or "9999", i)):
        article = articles_by_id[article_id]
        source = articles_by_id[roots.get(article_id, article_id)]
        name = outlet_of(source)
        speaks_for[article_id] = name
        outlet = outlets.setdefault(name, _Outlet(name))
        if article_id in roots:
            outlet.copies.append({"article_id": article_id, "copy_of": roots[article_id],
                                  "host": article.host or article.outlet})
        else:
            outlet.articles.append(article_id)
            if _date_of(article):
                outlet.dates.append(_period_start(_date_of(article)))

    claim_groups = _claim_groups(_claim_refs(articles_by_id, analyses_by_id, speaks_for, roots))
    facts = _event_facts(story, speaks_for, articles_by_id) + _claim_facts(claim_groups)
    facts += _quote_facts(articles_by_id, analyses_by_id, speaks_for, roots, entity_names or {})
    conflicts = [c for group in claim_groups for c in number_conflicts(group)]

    names = sorted(outlets, key=lambda n: (outlets[n].first_date or "9999", n))
    facts.sort(key=lambda f: f.sort_date or "9999")  # stable: by kind within a day, undated last
    rows = [_fact_row(f, names) for f in facts]
    outlet_dicts = [
        _outlet_dict(outlets[n], facts, outlets, conflicts, articles_by_id, analyses_by_id, roots) for n in names
    ]
    return {"facts": rows, "number_conflicts": conflicts, "outlets": outlet_dicts}


def compare_outlets(story: Story, articles, analyses, copies: Iterable[Copy] | None = None) -> list[dict]:
    """Per outlet: facts reported, omissions, number conflicts, loaded terms, tone (``Story.outlets``)."""
    return compare_story(story, articles, analyses, copies)["outlets"]


def _event_facts(story: Story, speaks_for: dict[str, str], articles_by_id: dict[str, Article]) -> list[_Fact]:
    """One row per merged event: the dated ones, the undated ones several outlets tell, the expected
    and the background (each row keeps its status)."""
    facts = []
    events: list[Event] = list(story.timeline) + list(story.events) + list(story.expected) + list(story.background)
    for i, event in enumerate(events):
        fact = _Fact(f"event:{i}", "event", event.summary, event.date, event.precision,
                     status=event.status if event.date else "happened", event_id=event.id)
        for ev in event.evidence:
            if ev.article_id in speaks_for:
                article = articles_by_id.get(ev.article_id)
                fact.add(speaks_for[ev.article_id], ev.article_id, ev.start, ev.end,
                         _date_of(article) if article else None)
        facts.append(fact)
    return facts


def _claim_refs(articles_by_id, analyses_by_id, speaks_for, roots) -> list[_ClaimRef]:
    refs = []
    for article_id, article in articles_by_id.items():
        analysis = analyses_by_id.get(article_id)
        if analysis is None or article_id in roots:  # a copy repeats its source's claims
            continue
        for claim in analysis.claims:
            key = _normal(claim.subject) if claim.subject else _normal(_sentence_of(analysis, article, claim.start))
            refs.append(_ClaimRef(claim, article_id, speaks_for[article_id], _date_of(article), key))
    return refs


def _claim_facts(claim_groups: list[list[_ClaimRef]]) -> list[_Fact]:
    facts = []
    for i, group in enumerate(claim_groups):
        dates = [r.date for r in group if r.date]
        first = min(dates) if dates else None
        fact = _Fact(f"claim:{i}", "claim", _claim_label(group), first, _precision_of(first))
        for r in group:
            fact.add(r.outlet, r.article_id, r.claim.start, r.claim.end, r.date)
        facts.append(fact)
    return facts


def _precision_of(value: str | None) -> str | None:
    """The precision of a date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    if not value:
        return None
    return {1: "year", 2: "month"}.get(len(value.split("/")[0].split("-")), "day")


def _quote_facts(articles_by_id, analyses_by_id, speaks_for, roots, entity_names) -> list[_Fact]:
    """One row per quotation; several outlets printing it are one row with each outlet's wording."""
    refs = []
    for article_id, article in articles_by_id.items():
        analysis = analyses_by_id.get(article_id)
        if analysis is None or article_id in roots:
            continue
        for q in analysis.quotes:
            if quotable(q):
                name = entity_names.get((article_id, q.speaker_entity_id)) if q.speaker_entity_id else None
                refs.append(QuoteRef(q, article_id, speaks_for[article_id], _date_of(article), name))
    facts = []
    for i, group in enumerate(quote_groups(refs)):
        head = max(group, key=lambda r: len(r.words)).quote
        dates = [r.date for r in group if r.date]
        first = min(dates) if dates else None
        speaker = next((r.speaker_name or r.quote.speaker for r in group if r.quote is head), None)
        label = f"{speaker + ': ' if speaker else ''}“{head.text}”"
        fact = _Fact(f"quote:{i}", "quote", label, first, _precision_of(first))
        for r in group:
            fact.add(r.outlet, r.article_id, r.quote.start, r.quote.end, r.date)
        _find_quote_elsewhere(fact, head, articles_by_id, speaks_for, roots)
        if len(group) > 1:
            fact.extra = quote_row_details(group)
        facts.append(fact)
    return facts


def _find_quote_elsewhere(fact: _Fact, quote, articles_by_id, speaks_for, roots) -> None:
    """An outlet that prints the quotation word for word reported it, whoever the quote finder credited."""
    probe = quote.text.strip()[:60]
    if len(probe) < 20:
        return
    for article_id, article in articles_by_id.items():
        if article_id in roots or speaks_for[article_id] in fact.evidence:
            continue
        at = article.text.find(probe)
        if at >= 0:
            fact.add(speaks_for[article_id], article_id, at, at + len(quote.text.strip()), _date_of(article))


def _fact_row(fact: _Fact, names: list[str]) -> dict:
    reported_by = [n for n in names if fact.evidence.get(n)]
    first = min(fact.first_seen.values()) if fact.first_seen else None
    return {
        "id": fact.id, "kind": fact.kind, "label": fact.label, "date": fact.date,
        "precision": fact.precision, "date_label": date_label(fact.date, fact.precision) if fact.date else None,
        "sort_date": fact.sort_date, "status": fact.status, "event_id": fact.event_id,
        "reported_by": reported_by, "reported_count": len(reported_by), "outlet_count": len(names),
        "first_reported_by": sorted(n for n, d in fact.first_seen.items() if d == first) if len(reported_by) > 1 else [],
        "cells": {
            n: {"reported": bool(fact.evidence.get(n)), "evidence": list(fact.evidence.get(n, []))} for n in names
        },
        **fact.extra,
    }


def _covers(outlet: _Outlet, fact: _Fact) -> bool:
    """Whether the outlet was covering the story when the fact happened (see the module docstring)."""
    if not outlet.first_date or not fact.sort_date:
        return False
    lead_in = outlet.lead_in()
    return lead_in is not None and lead_in <= (fact.end_date or fact.sort_date) and fact.sort_date <= outlet.last_date


def _omissions(outlet: _Outlet, facts: list[_Fact], outlets: dict[str, _Outlet]) -> list[dict]:
    found = []
    for fact in facts:
        if fact.evidence.get(outlet.name) or fact.status not in (None, "happened") or not fact.end_date:
            continue
        if not outlet.last_date or fact.end_date > outlet.last_date or not _covers(outlet, fact):
            continue  # it may have happened after this outlet's last article, or before it covered the story
        others = [o for o in outlets.values() if o.name != outlet.name and _covers(o, fact)]
        reported = [o.name for o in others if fact.evidence.get(o.name)]
        if others and len(reported) > len(others) / 2 and len(reported) >= min(2, len(others)):
            found.append({"fact_id": fact.id, "kind": fact.kind, "label": fact.label, "date": fact.date,
                          "reported_by": sorted(reported)})
    return found


def _firsts_and_onlies(outlet: _Outlet, facts: list[_Fact]) -> tuple[list[dict], list[dict]]:
    """Facts this outlet told before every other outlet that told them, and facts only it told."""
    first, only = [], []
    for fact in facts:
        if not fact.evidence.get(outlet.name):
            continue
        brief = {"fact_id": fact.id, "kind": fact.kind, "label": fact.label, "date": fact.date}
        tellers = [n for n, refs in fact.evidence.items() if refs]
        if len(tellers) == 1:
            only.append(brief)
        elif fact.first_seen.get(outlet.name) and fact.first_seen[outlet.name] == min(fact.first_seen.values()) \
                and len(set(fact.first_seen.values())) > 1:
            first.append(brief)
    return first, only


def _worded_differently(outlet: _Outlet, facts: list[_Fact]) -> list[dict]:
    """Quotations this outlet prints in other words, or credits to someone else, than another outlet."""
    found = []
    for fact in facts:
        wordings = fact.extra.get("wordings") or []
        mine = [w for w in wordings if w["outlet"] == outlet.name]
        if not mine:
            continue
        others = sorted({w["speaker"] for w in wordings if w["outlet"] != outlet.name and w["speaker"]})
        for w in mine:
            if w["changes"] or fact.extra.get("speakers_differ"):
                found.append({"fact_id": fact.id, "label": fact.label, "text": w["text"], "changes": w["changes"],
                              "speaker": w["speaker"], "other_speakers": [o for o in others if o != w["speaker"]],
                              "article_id": w["article_id"], "start": w["start"], "end": w["end"]})
    return found


def _loaded(outlet: _Outlet, analyses_by_id, articles_by_id) -> tuple[list[dict], dict[str, int]]:
    grouped: dict[tuple[str, str], dict] = {}
    counts = Counter({leaning: 0 for leaning in LEANINGS})
    for article_id in outlet.articles:
        analysis = analyses_by_id.get(article_id)
        for term in analysis.loaded_terms if analysis else []:
            entry = grouped.setdefault((term.text.casefold(), term.leaning), {
                "text": term.text, "neutral": term.neutral, "leaning": term.leaning, "count": 0, "evidence": []})
            entry["count"] += 1
            entry["evidence"].append({"article_id": article_id, "start": term.start, "end": term.end})
            counts[term.leaning] += 1
    terms = sorted(grouped.values(), key=lambda e: (-e["count"], e["text"].casefold()))
    return terms, dict(counts)


def _tone(outlet: _Outlet, analyses_by_id) -> list[dict]:
    people: dict[str, dict] = {}
    for article_id in outlet.articles:
        analysis = analyses_by_id.get(article_id)
        if analysis is None:
            continue
        names = {e.id: e.name for e in analysis.entities}
        for tone in analysis.tone:
            name = names.get(tone.entity_id, tone.entity_id)
            entry = people.setdefault(name.casefold(), {
                "entity_id": tone.entity_id, "name": name, "polarity": "neutral",
                "counts": {"negative": 0, "neutral": 0, "positive": 0}, "evidence": [], "said_of": [],
                "sentences": []})
            own = [s for s in getattr(tone, "sentences", None) or [] if s.holder is None]
            if own:  # per sentence of the outlet's own (quoted speakers' tone listed apart)
                for s in own:
                    entry["counts"][s.polarity] += 1
                    entry["sentences"].append({"polarity": s.polarity, "article_id": article_id,
                                               "start": s.start, "end": s.end})
            else:  # a reading from before sentence ratings: one count per article
                entry["counts"][tone.polarity] += 1
            entry["evidence"].extend({"article_id": article_id, "start": e.start, "end": e.end} for e in tone.evidence)
            entry["said_of"].extend(
                {"holder": s.holder, "polarity": s.polarity, "article_id": article_id, "start": s.start, "end": s.end}
                for s in getattr(tone, "sentences", None) or [] if s.holder is not None and s.polarity != "neutral")
    for entry in people.values():
        c = entry["counts"]
        if c["negative"] != c["positive"]:
            entry["polarity"] = "negative" if c["negative"] > c["positive"] else "positive"
    return sorted(people.values(), key=lambda e: e["name"].casefold())


def _outlet_dict(outlet: _Outlet, facts, outlets, conflicts, articles_by_id, analyses_by_id, roots) -> dict:
    column = [{"fact_id": f.id, "kind": f.kind, "label": f.label, "reported": bool(f.evidence.get(outlet.name)),
               "evidence": list(f.evidence.get(outlet.name, []))} for f in facts]
    mine = []
    for c in conflicts:
        for this, other in (("earlier", "later"), ("later", "earlier")):
            if c[this]["outlet"] == outlet.name:
                mine.append({"kind": c["kind"], "subject": c["subject"], "unit": c["unit"],
                             "this": c[this], "other": c[other]})
    loaded, leaning_counts = _loaded(outlet, analyses_by_id, articles_by_id)
    first, only = _firsts_and_onlies(outlet, facts)
    return {
        "outlet": outlet.name,
        "label": outlet_label(outlet.name, articles_by_id),
        "articles": list(outlet.articles),
        "copies": list(outlet.copies),
        "first_date": outlet.first_date,
        "last_date": outlet.last_date,
        "facts": column,
        "reported_count": sum(1 for cell in column if cell["reported"]),
        "omissions": _omissions(outlet, facts, outlets),
        "first_to_report": first,
        "only_it_reported": only,
        "quotes_worded_differently": _worded_differently(outlet, facts),
        "number_conflicts": mine,
        "loaded_terms": loaded,
        "leaning_counts": leaning_counts,
        "tone": _tone(outlet, analyses_by_id),
    }
