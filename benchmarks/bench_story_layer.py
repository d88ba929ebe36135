"""The story layer across outlets: one event one row, timelines in the sources' words, stories kept apart.

    python benchmarks/bench_story_layer.py [--baseline REV] [--sample 30] [--no-baseline]

Prints, for this checkout and for a baseline commit (default aec9e0c, the round start) run in the
same invocation on the same machine:

- seeds (../shared/corpus/seeds): fact rows, rows reported by two or more outlets, whether each of
  the two shared events is one row with evidence in both articles, sentences told twice in the
  timeline, background / wishes among dated entries, timeline words that are no source substring,
  gold timeline events found (of 12);
- news-cluster (383 articles, 69 events): stories B-cubed, fact rows, rows joining two or more
  outlets, linking seconds per article; and a seeded random sample of the multi-outlet event rows
  with each outlet's sentence, for a hand check;
- MEANTIME (120 Wikinews articles in four collections of one kind of news each): stories against
  the articles the annotated cross-article event chains join (every other article its own event),
  and precision / recall of the cross-article event pairs storyline joins against those chains.

The baseline is the same script run by a child process on ``git worktree`` of REV (kept under
benchmarks/out/), so it measures the old code with this script's figures; what the old model lacks
reads as absent.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
OUT = REPO / "benchmarks" / "out"
sys.path.insert(0, str(Path(__file__).resolve().parent))

SAMPLE_SEED = int(os.environ.get("STORY_SAMPLE_SEED", "7"))


# --------------------------------------------------------------------------- running the pipeline


def _pipeline(raws):
    from storyline.analyze import analyze_many
    from storyline.analyze.nlp import load_nlp
    from storyline.extract import extract

    articles = [extract(r) for r in raws]
    analyses = list(analyze_many(articles, load_nlp()))
    return articles, analyses


def _link(articles, analyses):
    from storyline.link import StoryLinker

    linker = StoryLinker()
    for article, analysis in zip(articles, analyses):
        linker.add(article, analysis)
    started = time.process_time()
    result = linker.result(articles, analyses)
    return result, time.process_time() - started


def _bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for a in gold:
        by_pred[pred.get(a, "alone:" + a)].add(a)
        by_gold[gold[a]].add(a)
    p = r = 0.0
    for a in gold:
        same_p, same_g = by_pred[pred.get(a, "alone:" + a)], by_gold[gold[a]]
        both = len(same_p & same_g)
        p += both / len(same_p)
        r += both / len(same_g)
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _outlet_of(article) -> str:
    return article.outlet or article.host or f"unknown:{article.id}"


def _rows(story) -> list[dict]:
    return [f for f in story.facts if isinstance(f, dict)]


def _multi(row: dict) -> bool:
    return len(row.get("reported_by") or []) > 1


# --------------------------------------------------------------------------- seeds


def seeds_figures() -> dict | None:
    seeds = SHARED / "corpus" / "seeds"
    if not (seeds / "gold.json").exists():
        return None
    from storyline.model import RawDocument

    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    paths = sorted(seeds.glob("*.txt"))
    articles, analyses = _pipeline([RawDocument(source=str(p), content=p.read_text(encoding="utf-8"), format="text")
                                    for p in paths])
    names = {a.id: p.name for a, p in zip(articles, paths)}
    texts = {a.id: a.text for a in articles}
    result, _ = _link(articles, analyses)
    story = max(result.stories, key=lambda s: len(s.article_ids))
    rows = _rows(story)
    timeline = list(story.timeline)
    spans = [(ev.article_id, ev.start, ev.end) for e in timeline for ev in e.evidence]
    sentences_twice = len(spans) - len(set(spans))
    not_substring = sum(1 for e in timeline
                        if not any(e.summary.strip("… ").split("…")[0].strip() in texts.get(ev.article_id, "")
                                   for ev in e.evidence))
    reporting_start = min((a.published for a in articles if a.published), default=None)
    background = sum(1 for e in timeline if e.date and reporting_start and e.date[:4] < str(int(reporting_start[:4]) - 1))
    wishes = sum(1 for e in timeline if any(w in e.summary.lower() for w in ("want to", "wants to", "doesn't want")))
    found = sum(1 for g in gold["timeline"]
                if any(e.date == g["date"] and any(names.get(ev.article_id) in g["docs"] for ev in e.evidence)
                       for e in list(timeline) + list(getattr(story, "background", []))))

    def shared_event(doc_a: str, doc_b: str, day_prefix: str) -> bool:
        """One row with evidence in both articles for an event of that date."""
        for row in rows:
            if row.get("kind") != "event" or not str(row.get("date") or "").startswith(day_prefix):
                continue
            docs = {names.get(ev["article_id"]) for cell in (row.get("cells") or {}).values()
                    for ev in cell.get("evidence", [])}
            if doc_a in docs and doc_b in docs:
                return True
        return False

    docs = sorted(names.values())
    return {
        "fact rows": len(rows),
        "rows by 2+ outlets": sum(1 for r in rows if _multi(r)),
        "Dec 2024 meeting one row (001+003)": shared_event(docs[1], docs[3], "2024-12"),
        "13 Feb 2025 meeting one row (002+003)": shared_event(docs[2], docs[3], "2025-02-13"),
        "timeline entries": len(timeline),
        "sentences told twice": sentences_twice,
        "background among dated (before the reporting year)": background,
        "wishes among dated": wishes,
        "entries not a source substring": not_substring,
        f"gold events found (of {len(gold['timeline'])})": found,
    }


# --------------------------------------------------------------------------- news-cluster


def news_cluster_figures(sample: int) -> dict | None:
    import bench_clustering as bc

    if not bc.DATA.exists():
        return None
    docs = bc.load_news_cluster()
    articles, analyses = bc.articles_and_analyses(docs, True)
    gold = {a.id: event for a, (_, event) in zip(articles, docs)}
    result, seconds = _link(articles, analyses)
    pred = {a: s.id for s in result.stories for a in s.article_ids}
    p, r, f1 = _bcubed(pred, gold)
    texts = {a.id: a.text for a in articles}
    outlets = {a.id: _outlet_of(a) for a in articles}
    rows = [(s, row) for s in result.stories for row in _rows(s)]
    multi = [(s, row) for s, row in rows if _multi(row)]
    by_kind = defaultdict(int)
    for _, row in multi:
        by_kind[row.get("kind")] += 1
    events = [(s, row) for s, row in multi if row.get("kind") == "event"]
    # recall proxy: a story several outlets cover should have its happenings joined across them; the
    # widest event row of each such story, as a share of the story's outlets
    covered, widest = 0, []
    for story in result.stories:
        copies = {c.article_id for c in story.copies}  # a copy's facts count for its source's outlet
        story_outlets = {outlets[a] for a in story.article_ids if a not in copies}
        if len(story_outlets) < 2:
            continue
        reach = [len(row.get("reported_by") or []) for row in _rows(story) if row.get("kind") == "event"]
        covered += any(r > 1 for r in reach)
        widest.append(max(reach, default=0) / len(story_outlets))
    picked = random.Random(SAMPLE_SEED).sample(events, min(sample, len(events)))
    shown = []
    for s, row in picked:
        lines = [f"[{row.get('date')}] story {s.id[:8]} ({len(s.article_ids)} articles): {row.get('label')}"]
        for outlet, cell in sorted((row.get("cells") or {}).items()):
            for ev in cell.get("evidence", [])[:1]:
                sentence = texts[ev["article_id"]][ev["start"]:ev["end"]].replace("\n", " ")
                lines.append(f"    {outlet}: {sentence[:220]}")
        shown.append("\n".join(lines))
    return {
        "stories": len(result.stories),
        "B-cubed P": round(p, 3), "B-cubed R": round(r, 3), "B-cubed F1": round(f1, 3),
        "fact rows": len(rows),
        "rows joining 2+ outlets": len(multi),
        "  of which events / quotes / claims": f"{by_kind['event']} / {by_kind['quote']} / {by_kind['claim']}",
        "stories of 2+ independent outlets with an event row joining 2+": f"{covered}/{len(widest)}",
        "  widest event row's share of its story's outlets": round(sum(widest) / len(widest), 3) if widest else "-",
        "link CPU ms per article": round(1000 * seconds / len(articles), 2),
        "_sample": shown,
        "_outlets": len(set(outlets.values())),
    }


# --------------------------------------------------------------------------- MEANTIME


def _meantime():
    path = SHARED / "data" / "meantime-dev" / "meantime-en.jsonl"
    if not path.exists():
        return None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def meantime_figures() -> dict | None:
    docs = _meantime()
    if docs is None:
        return None
    from storyline.model import RawDocument

    raws = []
    for d in docs:
        lines = d["text"].split("\n")
        title, published = lines[0], None
        if len(lines) > 2:
            from dateparser import parse

            day = parse(lines[2], languages=["en"])
            published = day.date().isoformat() if day else None
        raws.append(RawDocument(source=f"meantime:{d['doc']}", content=d["text"], format="text", title=title,
                                published=published, outlet=d["doc"].split("/")[0]))
    articles, analyses = _pipeline(raws)
    doc_of = {a.id: d["doc"] for a, d in zip(articles, docs)}
    offsets = {a.id: _offset_map(d["text"], a.text) for a, d in zip(articles, docs)}
    # gold stories: articles joined by a cross-article event chain, every other article alone
    parent = {d["doc"]: d["doc"] for d in docs}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chain_docs = defaultdict(set)
    for d in docs:
        for e in d["events"]:
            chain_docs[_chain(e["chain"])].add(d["doc"])
    for members in chain_docs.values():
        first, *rest = sorted(members)
        for other in rest:
            parent[find(other)] = find(first)
    gold = {a.id: find(doc_of[a.id]) for a in articles}
    result, _ = _link(articles, analyses)
    pred = {a: s.id for s in result.stories for a in s.article_ids}
    p, r, f1 = _bcubed(pred, gold)
    # cross-article event pairs: gold pairs of mentions of one chain in two articles
    gold_mentions = {}
    for a, d in zip(articles, docs):
        for e in d["events"]:
            gold_mentions.setdefault(a.id, []).append((e["start"], e["end"], _chain(e["chain"])))
    gold_pairs = set()
    by_chain = defaultdict(set)
    for aid, ms in gold_mentions.items():
        for _, _, chain in ms:
            by_chain[chain].add(aid)
    for chain, arts in by_chain.items():
        for x in arts:
            for y in arts:
                if x < y:
                    gold_pairs.add((chain, x, y))
    found, right = 0, 0
    found_chains = set()
    for story in result.stories:
        for event in list(story.timeline) + list(getattr(story, "events", [])):
            evs = list(event.evidence)
            for i, ea in enumerate(evs):
                for eb in evs[i + 1:]:
                    if ea.article_id == eb.article_id:
                        continue
                    found += 1
                    ca = _chains_in(gold_mentions.get(ea.article_id, []), offsets[ea.article_id], ea.start, ea.end)
                    cb = _chains_in(gold_mentions.get(eb.article_id, []), offsets[eb.article_id], eb.start, eb.end)
                    common = ca & cb
                    if common:
                        right += 1
                        x, y = sorted((ea.article_id, eb.article_id))
                        found_chains |= {(c, x, y) for c in common}
    return {
        "articles": len(articles), "gold stories": len(set(gold.values())), "stories": len(result.stories),
        "B-cubed P": round(p, 3), "B-cubed R": round(r, 3), "B-cubed F1": round(f1, 3),
        "cross-article event pairs joined": found,
        "  in one gold chain (precision)": f"{right}/{found}" + (f" = {right / found:.2f}" if found else ""),
        "gold cross-article pairs found (recall)": f"{len(found_chains & gold_pairs)}/{len(gold_pairs)}",
    }


def _chain(label: str) -> str:
    """MEANTIME writes one chain as "cross_OTH4000..." in one article and "cross_intra_OTH4000..."
    in another: the id after the prefixes is the chain."""
    return re.sub(r"^(?:cross_|intra_)+", "", label)


def _offset_map(original: str, clean: str):
    """A function from an offset in the clean text to one in the original, by locating each clean line."""
    pieces: list[tuple[int, int]] = []  # (start in clean, start in original or -1)
    pos = cursor = 0
    for line in clean.split("\n"):
        where = original.find(line, cursor) if line.strip() else -1
        pieces.append((pos, where))
        if where >= 0:
            cursor = where + len(line)
        pos += len(line) + 1
    starts = [p for p, _ in pieces]

    def to_original(offset: int) -> int | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or pieces[i][1] < 0:
            return None
        return pieces[i][1] + offset - pieces[i][0]

    return to_original


def _chains_in(mentions, to_original, start: int, end: int) -> set[str]:
    a, b = to_original(start), to_original(end)
    if a is None or b is None:
        return set()
    return {chain for s, e, chain in mentions if a <= s and e <= b}


# --------------------------------------------------------------------------- baseline and report


def figures(sample: int) -> dict:
    return {"seeds": seeds_figures(), "news-cluster": news_cluster_figures(sample), "meantime": meantime_figures()}


def baseline_figures(rev: str, sample: int) -> dict | None:
    tree = OUT / f"baseline-{rev}"
    if not tree.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), rev], check=True,
                       capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(tree / "src"), "STORYLINE_SHARED": str(SHARED)}
    script = tree / "benchmarks" / Path(__file__).name
    script.write_text(Path(__file__).read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), "--child", "--sample", str(sample)], env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"baseline {rev} failed:\n{proc.stderr[-2000:]}")
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default="aec9e0c")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(figures(args.sample), default=str))
        return
    now = figures(args.sample)
    before = None if args.no_baseline else baseline_figures(args.baseline, args.sample)
    for section, values in now.items():
        if values is None:
            print(f"\n== {section}: skipped (data absent)")
            continue
        print(f"\n== {section}{'' if before else ' (no baseline)'}")
        print(f"{'':52} {'baseline ' + args.baseline if before else '':>18} {'now':>14}")
        old = (before or {}).get(section) or {}
        for key, value in values.items():
            if key.startswith("_"):
                continue
            print(f"{key:52} {str(old.get(key, '-')) if before else '':>18} {str(value):>14}")
    sample = (now.get("news-cluster") or {}).get("_sample") or []
    if sample:
        print(f"\n== {len(sample)} multi-outlet event rows of news-cluster (seeded sample, for a hand check)")
        for i, row in enumerate(sample, 1):
            print(f"{i:2}. {row}")


if __name__ == "__main__":
    main()
