"""How each outlet told a story, as view objects for ``_outlets.html``: the story's differing figures,
the fact x outlet matrix and one card per outlet, read defensively from ``Story.facts``,
``Story.number_conflicts`` and ``Story.outlets`` (shapes in ``storyline.link.compare``): a missing or
wrongly typed key is treated as absent, so older stores render without the comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Story
# Views of Story.facts, Story.number_conflicts and Story.outlets (shapes in link/compare.py).
# Stored records may be older or partial: a missing or odd-typed key reads as absent, never as an error.

MATRIX_ROWS_SHOWN = 12  # rows of the fact matrix before the rest fold into a <details>


@dataclass
class Ref:
    """A span of an article's clean text that backs a fact."""

    article_id: str
    start: int
    end: int

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class ClaimRefView:
    outlet: str
    ref: Ref | None
    text: str
    value: Any
    date: str | None


@dataclass
class ConflictView:
    """Two values given for one subject: a *conflict* (same day or undated) or an *update* (later date)."""

    kind: str
    subject: str
    unit: str | None
    first: ClaimRefView
    second: ClaimRefView

    @property
    def is_update(self) -> bool:
        return self.kind == "update"


@dataclass
class MatrixColumn:
    outlet: str
    copy_hosts: list[str] = field(default_factory=list)


@dataclass
class FactCell:
    reported: bool
    evidence: list[Ref] = field(default_factory=list)


@dataclass
class Wording:
    """One outlet's wording of a quotation told by several: what it cut, added or changed."""

    outlet: str
    speaker: str
    text: str
    ref: Ref | None
    changes: list[dict]
    reference: bool


@dataclass
class FactRow:
    kind: str
    label: str
    date: str | None
    reported_by: list[str]
    cells: list[FactCell]  # one per matrix column, in column order
    date_label: str | None = None
    sort_date: str | None = None
    status: str | None = None
    wordings: list[Wording] = field(default_factory=list)
    speakers_differ: bool = False
    worded_differently: bool = False

    @property
    def shown_date(self) -> str | None:
        return self.date_label or self.date

    @property
    def reported_of(self) -> str:
        """'2 of 3': outlets telling it, of the outlets in the matrix."""
        return f"{len(self.reported_by)} of {len(self.cells)}"

    @property
    def only_outlet(self) -> str | None:
        """The one outlet that reported this fact, when several outlets cover the story."""
        return self.reported_by[0] if len(self.reported_by) == 1 and len(self.cells) > 1 else None


@dataclass
class FactMatrix:
    columns: list[MatrixColumn]
    rows: list[FactRow]
    shown: int = MATRIX_ROWS_SHOWN

    @property
    def head(self) -> list[FactRow]:
        return self.rows[:self.shown]

    @property
    def rest(self) -> list[FactRow]:
        return self.rows[self.shown:]


@dataclass
class Omission:
    kind: str
    label: str
    date: str | None
    reported_by: list[str]


@dataclass
class LoadedTermView:
    text: str
    neutral: str | None
    leaning: str | None
    count: int
    evidence: list[Ref]


@dataclass
class ToneView:
    name: str
    polarity: str
    counts: dict[str, int]
    evidence: list[Ref]
    sentences: dict[str, list[Ref]] = field(default_factory=dict)  # polarity -> the outlet's own sentences
    said_of: list[tuple[str, str, Ref]] = field(default_factory=list)  # (who said it, polarity, where)


@dataclass
class FactBrief:
    kind: str
    label: str
    date: str | None


@dataclass
class WordedDifferently:
    label: str
    text: str
    ref: Ref | None
    changes: list[dict]
    speaker: str
    other_speakers: list[str]


@dataclass
class OutletCard:
    outlet: str
    articles: int
    copy_hosts: list[str]
    first_date: str | None
    last_date: str | None
    reported_count: int | None
    total_facts: int
    omissions: list[Omission]
    conflicts: list[ConflictView]
    loaded_terms: list[LoadedTermView]
    tone: list[ToneView]
    first_to_report: list[FactBrief] = field(default_factory=list)
    only_it_reported: list[FactBrief] = field(default_factory=list)
    quotes_worded_differently: list[WordedDifferently] = field(default_factory=list)


@dataclass
class HowTold:
    """How each outlet told the story: the story's differing figures, the fact matrix, one card per outlet."""

    conflicts: list[ConflictView]
    matrix: FactMatrix
    cards: list[OutletCard]
    labels: dict[str, str] = field(default_factory=dict)  # outlet key -> how a reader sees it

    @property
    def quotes_compared(self) -> list[FactRow]:
        """Quotations several outlets carry with different words or a different speaker credited."""
        return [r for r in self.matrix.rows if r.kind == "quote" and (r.worded_differently or r.speakers_differ)]

    @property
    def shared_rows(self) -> int:
        return sum(1 for r in self.matrix.rows if len(r.reported_by) > 1)


def build_how_told(story: Story) -> HowTold:
    outlets = [o for o in story.outlets if isinstance(o, dict)]
    facts = [f for f in story.facts if isinstance(f, dict)]
    matrix = _fact_matrix(facts, outlets)
    conflicts = [c for c in (_conflict(c, "earlier", "later") for c in _dicts(story.number_conflicts)) if c]
    labels = {_text(o.get("outlet")): _text(o.get("label")) for o in outlets if _text(o.get("label"))}
    return HowTold(conflicts, matrix, [_outlet_card(o, len(facts)) for o in outlets], labels)


def _fact_matrix(facts: list[dict], outlets: list[dict]) -> FactMatrix:
    columns = [MatrixColumn(_text(o.get("outlet")) or "?", _copy_hosts(o)) for o in outlets]
    if not columns:  # facts without outlet records: the columns the cells name
        names = dict.fromkeys(n for f in facts for n in _dict(f.get("cells")))
        columns = [MatrixColumn(_text(n)) for n in names]
    rows = []
    for fact in facts:
        cells = _dict(fact.get("cells"))
        row_cells = []
        for column in columns:
            cell = _dict(cells.get(column.outlet))
            row_cells.append(FactCell(bool(cell.get("reported")), _refs(cell.get("evidence"))))
        reported_by = [_text(n) for n in _list(fact.get("reported_by")) if _text(n)]
        if not reported_by:
            reported_by = [c.outlet for c, cell in zip(columns, row_cells) if cell.reported]
        rows.append(FactRow(_text(fact.get("kind")), _text(fact.get("label")), _date(fact.get("date")),
                            reported_by, row_cells, _date(fact.get("date_label")), _date(fact.get("sort_date")),
                            _date(fact.get("status")), _wordings(fact.get("wordings")),
                            fact.get("speakers_differ") is True, fact.get("worded_differently") is True))
    rows.sort(key=lambda r: r.sort_date or r.date or "9999")  # stable: undated facts keep their order, last
    return FactMatrix(columns, rows)


def _wordings(items: Any) -> list[Wording]:
    return [Wording(_text(w.get("outlet")), _text(w.get("speaker")), _text(w.get("text")), _ref(w),
                    _dicts(w.get("changes")), w.get("reference") is True) for w in _dicts(items)]


def _briefs(items: Any) -> list[FactBrief]:
    return [FactBrief(_text(f.get("kind")), _text(f.get("label")), _date(f.get("date"))) for f in _dicts(items)]


def _outlet_card(outlet: dict, total_facts: int) -> OutletCard:
    reported = outlet.get("reported_count")
    return OutletCard(
        outlet=_text(outlet.get("outlet")) or "?",
        articles=len(_list(outlet.get("articles"))),
        copy_hosts=_copy_hosts(outlet),
        first_date=_date(outlet.get("first_date")),
        last_date=_date(outlet.get("last_date")),
        reported_count=reported if isinstance(reported, int) else None,
        total_facts=total_facts,
        omissions=[Omission(_text(o.get("kind")), _text(o.get("label")), _date(o.get("date")),
                            [_text(n) for n in _list(o.get("reported_by"))])
                   for o in _dicts(outlet.get("omissions"))],
        conflicts=[c for c in (_conflict(c, "this", "other") for c in _dicts(outlet.get("number_conflicts"))) if c],
        loaded_terms=[LoadedTermView(_text(t.get("text")), _text(t.get("neutral")) or None,
                                     _text(t.get("leaning")) or None, _int(t.get("count")), _refs(t.get("evidence")))
                      for t in _dicts(outlet.get("loaded_terms"))],
        tone=[ToneView(_text(t.get("name")) or _text(t.get("entity_id")), _text(t.get("polarity")),
                       {k: _int(v) for k, v in _dict(t.get("counts")).items()}, _refs(t.get("evidence")),
                       _by_polarity(t.get("sentences")), _said_of(t.get("said_of")))
              for t in _dicts(outlet.get("tone"))],
        first_to_report=_briefs(outlet.get("first_to_report")),
        only_it_reported=_briefs(outlet.get("only_it_reported")),
        quotes_worded_differently=[
            WordedDifferently(_text(q.get("label")), _text(q.get("text")), _ref(q), _dicts(q.get("changes")),
                              _text(q.get("speaker")), [_text(n) for n in _list(q.get("other_speakers"))])
            for q in _dicts(outlet.get("quotes_worded_differently"))],
    )


def _by_polarity(items: Any) -> dict[str, list[Ref]]:
    found: dict[str, list[Ref]] = {}
    for item in _dicts(items):
        ref = _ref(item)
        if ref is not None:
            found.setdefault(_text(item.get("polarity")), []).append(ref)
    return found


def _said_of(items: Any) -> list[tuple[str, str, Ref]]:
    found = []
    for item in _dicts(items):
        ref, holder = _ref(item), item.get("holder")
        name = holder.get("name") if isinstance(holder, dict) else holder
        if ref is not None:
            found.append((_text(name) or "a speaker", _text(item.get("polarity")), ref))
    return found


def _conflict(record: dict, first: str, second: str) -> ConflictView | None:
    """An update reads in time order, the earlier figure first ("220,000 → later 50,000"), whichever
    side the outlet's own figure is on."""
    a, b = _claim_ref(record.get(first)), _claim_ref(record.get(second))
    if a is None or b is None:
        return None
    if _text(record.get("kind")) == "update" and a.date and b.date and b.date < a.date:
        a, b = b, a
    return ConflictView(_text(record.get("kind")), _text(record.get("subject")),
                        _text(record.get("unit")) or None, a, b)


def _claim_ref(record: Any) -> ClaimRefView | None:
    if not isinstance(record, dict):
        return None
    value = record.get("value")
    if not isinstance(value, (int, float, list)):
        value = None
    return ClaimRefView(_text(record.get("outlet")), _ref(record), _text(record.get("text")), value,
                        _date(record.get("date")))


def _copy_hosts(outlet: dict) -> list[str]:
    hosts = (_text(c.get("host")) for c in _dicts(outlet.get("copies")))
    return sorted({h for h in hosts if h})


def _refs(items: Any) -> list[Ref]:
    return [r for r in (_ref(i) for i in _list(items)) if r]


def _ref(item: Any) -> Ref | None:
    if not isinstance(item, dict):
        return None
    article_id, start, end = item.get("article_id"), item.get("start"), item.get("end")
    if isinstance(article_id, str) and _is_int(start) and _is_int(end):
        return Ref(article_id, start, end)
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: Any) -> int:
    return value if _is_int(value) else 0


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict]:
    return [v for v in _list(value) if isinstance(v, dict)]
