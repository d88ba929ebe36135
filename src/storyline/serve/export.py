"""Exports in the data contract (README "Data contract"; field names are fixed, fields may be added).

json: one document {articles, entities, stories}; jsonl: one record per line, each with a
``record_type`` of article, entity or story; csv: one table (articles, quotes, claims, timeline, facts,
omissions, loaded_terms; claims carry numeric value and value_to columns);
md: a readable digest per story (timeline, claims, how each outlet told it, articles and quotes).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, TextIO

from ..model import Analysis, Article, Story, to_dict
from ..store import Store

ANALYSIS_FIELDS = ("mentions", "quotes", "claims", "dates", "loaded_terms", "tone")
CSV_TABLES = ("articles", "quotes", "claims", "timeline", "facts", "omissions", "loaded_terms")


def quoted(quote) -> str:
    """A quote as a reader should see it: someone's own words (direct, partial) inside quotation marks,
    reported speech, stances and beliefs (indirect, according-to, belief) without them, since those
    are the writer's words, not the speaker's."""
    text = " ".join(quote.text.split())
    if quote.kind not in ("direct", "partial"):
        return text
    return text if text[:1] in "“\"‘'" and text[-1:] in "”\"’'" else f"“{text}”"


def figure(value, qualifier: str | None = None) -> str:
    """A claim's value as a person writes it: 60,000 (not 60000.0); a change "from 220,000 to 50,000",
    a range "50–60"."""
    if isinstance(value, (list, tuple)):
        parts = [figure(v) for v in value]
        if len(parts) == 2:
            return f"from {parts[0]} to {parts[1]}" if qualifier == "change" else f"{parts[0]}–{parts[1]}"
        return ", ".join(parts)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"


def article_record(
    article: Article, analysis: Analysis | None = None, entity_map: dict[str, str] | None = None
) -> dict[str, Any]:
    """An article in the contract's shape; mention/speaker entity ids point at corpus entities."""
    record = to_dict(article)
    found = to_dict(analysis) if analysis else {}
    for name in ANALYSIS_FIELDS:
        record[name] = found.get(name, [])
    record["article_entities"] = found.get("entities", [])
    record["warnings"] = [*record.get("warnings", []), *found.get("warnings", [])]
    if entity_map:
        for m in record["mentions"]:
            m["entity_id"] = entity_map.get(m["entity_id"], m["entity_id"])
        for q in record["quotes"]:
            if q.get("speaker_entity_id"):
                q["speaker_entity_id"] = entity_map.get(q["speaker_entity_id"], q["speaker_entity_id"])
        for t in record["tone"]:
            t["entity_id"] = entity_map.get(t["entity_id"], t["entity_id"])
    return record


def iter_article_records(store: Store) -> Iterator[dict[str, Any]]:
    entity_map = store.entity_map()
    for article in store.iter_articles():
        yield article_record(article, store.analysis(article.id), entity_map)


def build_export(store: Store) -> dict[str, Any]:
    return {
        "articles": list(iter_article_records(store)),
        "entities": [to_dict(e) for e in store.iter_entities()],
        "stories": [to_dict(s) for s in store.iter_stories()],
    }


def write_export(store: Store, fmt: str, out: TextIO, table: str = "articles") -> None:
    if fmt == "json":
        json.dump(build_export(store), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for record in iter_article_records(store):
            _jsonl(out, "article", record)
        for entity in store.iter_entities():
            _jsonl(out, "entity", to_dict(entity))
        for story in store.iter_stories():
            _jsonl(out, "story", to_dict(story))
    elif fmt == "csv":
        write_csv(store, out, table)
    elif fmt == "md":
        out.write(markdown_digest(store))
    else:
        raise ValueError(f"unknown export format {fmt!r} (json, jsonl, csv, md)")


def _jsonl(out: TextIO, kind: str, record: dict[str, Any]) -> None:
    out.write(json.dumps({"record_type": kind, **record}, ensure_ascii=False) + "\n")


def write_csv(store: Store, out: TextIO, table: str) -> None:
    if table not in CSV_TABLES:
        raise ValueError(f"unknown CSV table {table!r} ({', '.join(CSV_TABLES)})")
    writer = csv.writer(out)
    if table == "articles":
        writer.writerow(["id", "story_id", "source", "url", "outlet", "authors", "title",
                         "published", "published_inferred", "quotes", "claims", "words"])
        for a in store.iter_articles():
            an = store.analysis(a.id)
            writer.writerow([
                a.id, store.story_for_article(a.id) or "", a.source, a.url or "", a.outlet or "",
                "; ".join(a.authors), a.title or "", a.published or "",
                a.published_inferred.date if a.published_inferred else "",
                len(an.quotes) if an else 0, len(an.claims) if an else 0, len(a.text.split()),
            ])
    elif table == "quotes":
        writer.writerow(["article_id", "date", "outlet", "title", "url", "speaker", "kind", "cue", "text",
                         "start", "end", "cue_start", "cue_end", "source_type", "speaker_start", "speaker_end"])
        for a, an in _analysed(store):
            for q in an.quotes:
                writer.writerow([*_article_cells(a), q.speaker or "", q.kind, q.cue or "", q.text, q.start, q.end,
                                 _blank(q.cue_start), _blank(q.cue_end), q.source_type or "",
                                 _blank(q.speaker_start), _blank(q.speaker_end)])
    elif table == "claims":
        writer.writerow(["article_id", "date", "outlet", "title", "url", "text", "value", "value_to", "unit",
                         "qualifier", "subject", "start", "end", "kind", "subject_head", "direction", "claim_date",
                         "source"])
        for a, an in _analysed(store):
            for c in an.claims:
                low, high = _value_cells(c.value)
                writer.writerow([*_article_cells(a), c.text, low, high, c.unit or "", c.qualifier or "",
                                 c.subject or "", c.start, c.end, c.kind or "", c.subject_head or "",
                                 c.direction or "", c.date or "", c.source or ""])
    elif table == "loaded_terms":
        writer.writerow(["article_id", "date", "outlet", "title", "url", "text", "neutral", "leaning", "start",
                         "end"])
        for a, an in _analysed(store):
            for t in an.loaded_terms:
                writer.writerow([*_article_cells(a), t.text, t.neutral, t.leaning, t.start, t.end])
    elif table == "facts":  # the fact x outlet matrix, one row per (fact, outlet)
        writer.writerow(["story_id", "fact_id", "kind", "label", "date", "outlet", "reported", "evidence",
                         "date_label", "status", "reported_count", "outlet_count", "event_id"])
        for story in store.iter_stories():
            for fact in story.facts:
                for outlet, cell in (fact.get("cells") or {}).items():
                    writer.writerow([story.id, fact.get("id", ""), fact.get("kind", ""), fact.get("label", ""),
                                     fact.get("date") or "", outlet, int(bool(cell.get("reported"))),
                                     _evidence_cell(cell.get("evidence")), fact.get("date_label") or "",
                                     fact.get("status") or "", fact.get("reported_count", ""),
                                     fact.get("outlet_count", ""), fact.get("event_id") or ""])
    elif table == "omissions":
        writer.writerow(["story_id", "outlet", "fact_id", "kind", "label", "date", "reported_by"])
        for story in store.iter_stories():
            for outlet in story.outlets:
                for o in outlet.get("omissions") or []:
                    writer.writerow([story.id, outlet.get("outlet", ""), o.get("fact_id", ""), o.get("kind", ""),
                                     o.get("label", ""), o.get("date") or "", "; ".join(o.get("reported_by") or [])])
    else:
        writer.writerow(["story_id", "date", "precision", "summary", "evidence", "date_label", "outlets", "event_id"])
        for s in store.iter_stories():
            for e in s.timeline:
                ev = " ".join(f"{x.article_id}:{x.start}-{x.end}" for x in e.evidence)
                writer.writerow([s.id, e.date, e.precision, e.summary, ev, e.date_label or "",
                                 "; ".join(e.outlets), e.id or ""])


def _analysed(store: Store) -> Iterator[tuple[Article, Analysis]]:
    for a in store.iter_articles():
        an = store.analysis(a.id)
        if an is not None:
            yield a, an


def _article_cells(a: Article) -> list[str]:
    """Which article a row's fact is from, as a spreadsheet reader wants it beside the fact."""
    date = a.published or (a.published_inferred.date if a.published_inferred else "")
    return [a.id, date, a.outlet or "", a.display_title(), a.url or ""]


def _value_cells(value) -> tuple[float | str, float | str]:
    """A claim's value as two numeric columns: a change or range "from 220,000 to 50,000" is value
    220000, value_to 50000; a single figure leaves value_to empty."""
    if isinstance(value, (list, tuple)):
        return (value[0] if value else ""), (value[1] if len(value) > 1 else "")
    return value, ""


def _evidence_cell(evidence) -> str:
    return " ".join(f"{e.get('article_id')}:{e.get('start')}-{e.get('end')}" for e in evidence or []
                    if isinstance(e, dict))


def markdown_digest(store: Store) -> str:
    buf = io.StringIO()
    buf.write("# storyline export\n\n")
    stories = sorted(store.iter_stories(), key=lambda s: (-len(s.article_ids), s.id))
    for story in stories:
        _story_markdown(store, story, buf)
    in_story = {aid for s in stories for aid in s.article_ids}
    loose = [a for a in store.iter_articles() if a.id not in in_story]
    if loose:
        buf.write("## Articles in no story\n\n")
        for a in loose:
            buf.write(f"- `{a.id}` {a.display_title()} ({a.outlet or 'unknown outlet'})\n")
    return buf.getvalue()


def _story_markdown(store: Store, story: Story, buf: io.StringIO) -> None:
    span = " – ".join(x for x in (story.first_date, story.last_date) if x)
    buf.write(f"## {story.title}\n\n{len(story.article_ids)} articles")
    if story.independent_sources is not None:
        buf.write(f", {story.independent_sources} independent sources")
    buf.write(f"{', ' + span if span else ''}. Story `{story.id}`.\n\n")
    for heading, events in (("Timeline", story.timeline), ("Expected, planned or wished", story.expected),
                            ("Background", story.background)):
        if not events:
            continue
        buf.write(f"### {heading}\n\n")
        for e in events:
            told = f" — {', '.join(_outlet_name(o) for o in e.outlets)}" if e.outlets else ""
            buf.write(f"- **{e.date_label or e.date}** {e.summary}{told}\n")
        buf.write("\n")
    _claims_markdown(store, story, buf)
    _outlets_markdown(story, buf)
    buf.write("### Articles\n\n")
    for aid in story.article_ids:
        a = store.article(aid)
        if a is None:
            continue
        an = store.analysis(aid)
        date = a.published or (a.published_inferred.date + " (inferred)" if a.published_inferred else "?")
        buf.write(f"- `{a.id}` {a.display_title()} — {a.outlet or 'unknown outlet'}, {date}\n")
        for q in (an.quotes if an else [])[:50]:
            buf.write(f"  - {q.speaker or 'unattributed'} ({q.kind}{', ' + q.cue if q.cue else ''}): "
                      f"{quoted(q)}\n")
    buf.write("\n")


def _claims_markdown(store: Store, story: Story, buf: io.StringIO) -> None:
    """The story's figures, those that differ between articles first."""
    rows = []
    for aid in story.article_ids:
        a, an = store.article(aid), store.analysis(aid)
        for c in (an.claims if a and an else []):
            rows.append(f"- {figure(c.value, c.qualifier)}{' ' + c.unit if c.unit else ''}"
                        f"{' — ' + c.subject if c.subject else ''}: “{' '.join(c.text.split())}” "
                        f"({a.outlet or 'unknown outlet'}{', ' + a.published if a.published else ''})")
    if not rows and not story.number_conflicts:
        return
    buf.write("### Claims\n\n")
    for c in story.number_conflicts:
        first, second = c.get("earlier") or {}, c.get("later") or {}
        arrow = "then" if c.get("kind") == "update" else "vs"
        buf.write(f"- **{c.get('kind', 'differs')}** {c.get('subject') or '(no subject)'}: "
                  f"{_ref_markdown(first)} {arrow} {_ref_markdown(second)}\n")
    buf.write("".join(row + "\n" for row in rows[:60]))
    if len(rows) > 60:
        buf.write(f"- … and {len(rows) - 60} more (`storyline export --format csv --table claims`)\n")
    buf.write("\n")


def _ref_markdown(ref: dict) -> str:
    value = ref.get("value")
    shown = figure(value) if isinstance(value, (int, float, list)) else (ref.get("text") or "?")
    return f"{shown} ({_outlet_name(ref.get('outlet'))}{', ' + ref['date'] if ref.get('date') else ''})"


def _outlet_name(name: str | None) -> str:
    return "unknown outlet" if not name or name.startswith("unknown:") else name


def _outlets_markdown(story: Story, buf: io.StringIO) -> None:
    """How each outlet told it: facts reported, left out, first; loaded words."""
    if not story.outlets:
        return
    total = len(story.facts)
    buf.write("### How each outlet told it\n\n| outlet | articles | facts reported | left out | first to report |"
              " loaded terms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
    for o in story.outlets:
        name = (o.get("label") or _outlet_name(o.get("outlet"))).replace("|", "\\|")
        loaded = sum(int(t.get("count") or 1) for t in o.get("loaded_terms") or [])
        buf.write(f"| {name} | {len(o.get('articles') or [])} | {o.get('reported_count', 0)} of {total} | "
                  f"{len(o.get('omissions') or [])} | {len(o.get('first_to_report') or [])} | {loaded} |\n")
    buf.write("\n")


def _blank(value: int | None) -> int | str:
    return "" if value is None else value


