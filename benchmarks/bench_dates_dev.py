"""Date resolution on invented sentences, per kind, beside two baselines measured in the same run.

Each line of ``benchmarks/data/dates_dev.jsonl`` is one invented sentence (or two) with the
article's date, the date phrase and the value a careful reader gives it (YYYY-MM-DD, YYYY-MM,
YYYY, or "start/end" for a week, weekend, quarter or range). Three readers are scored:

- ``storyline``: ``find_dates`` of this tree, on a spaCy parse from ``storyline.analyze.nlp``;
- ``before``: the same function as it was at ``--baseline-ref`` (read with ``git show``);
- ``dateparser``: ``dateparser.search.search_dates`` with the article date as RELATIVE_BASE.

storyline is right when the expression overlapping the phrase has exactly the expected value.
dateparser gives one datetime, so it is scored generously: right when that datetime agrees
with the expected value at the value's precision (or falls inside an expected range).
The rows are split by id into two halves (odd: the tuning half, even: the check half);
both are printed, and a third set, ``dates_fresh.jsonl`` (70 sentences written after the
resolver was tuned, in the same kinds, never tuned on), beside them.

    python benchmarks/bench_dates_dev.py [--baseline-ref REF] [--show-misses] [--speed N]

``--speed N`` also times ``find_dates`` alone, now and before, on N parsed news-cluster articles
(../shared/data/news-cluster, with their publication dates), best of 3 in CPU time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import types
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data" / "dates_dev.jsonl"
FRESH = REPO / "benchmarks" / "data" / "dates_fresh.jsonl"
GROUPS = ("odd", "even", "fresh")
BASELINE_REF = "9a86bb4"  # main before the careful-reader resolver (issue 27)
sys.path.insert(0, str(REPO / "src"))


def load_rows() -> list[dict]:
    rows = []
    for path, fresh in ((DATA, False), (FRESH, True)):
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    row["group"] = "fresh" if fresh else ("odd" if row["id"] % 2 else "even")
                    rows.append(row)
    return rows


def load_baseline(ref: str):
    """``storyline.analyze.dates`` as it was at ``ref``, importable beside today's."""
    try:
        source = subprocess.run(
            ["git", "show", f"{ref}:src/storyline/analyze/dates.py"], cwd=REPO, check=True,
            capture_output=True, text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"baseline {ref}: not readable with git ({exc}); left out", file=sys.stderr)
        return None
    module = types.ModuleType("storyline.analyze._dates_baseline")
    module.__package__ = "storyline.analyze"
    module.__file__ = f"<{ref}:dates.py>"
    sys.modules[module.__name__] = module
    exec(compile(source, module.__file__, "exec"), module.__dict__)
    return module


def storyline_value(find_dates, doc, row: dict, at: int) -> str | None:
    from storyline.model import Article

    article = Article(id=str(row["id"]), source="bench", text=row["text"], published=row["article_date"])
    end = at + len(row["phrase"])
    for found in find_dates(doc, article):
        if found.start < end and at < found.end:
            return found.resolved
    return None


def _agrees(moment: date, expected: str) -> bool:
    if "/" in expected:
        start, end = expected.split("/")
        return date.fromisoformat(start) <= moment <= date.fromisoformat(end)
    return moment.isoformat()[: len(expected)] == expected


def dateparser_value(row: dict, at: int) -> str | None:
    from dateparser.search import search_dates

    anchor = datetime.fromisoformat(row["article_date"])
    try:
        found = search_dates(row["text"], languages=["en"], settings={"RELATIVE_BASE": anchor}) or []
    except Exception:  # dateparser raises many kinds on odd input; nothing found then
        found = []
    end, cursor = at + len(row["phrase"]), 0
    for words, moment in found:
        start = row["text"].find(words, cursor)
        if start < 0:
            continue
        cursor = start + len(words)
        if start < end and at < start + len(words):
            return moment.date().isoformat()
    return None


def speed(nlp, now, before, n: int) -> None:
    """CPU time of find_dates alone, today's beside the baseline's, on the same parsed articles."""
    import os
    import time

    from storyline.model import Article

    shared = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared")) / "data" / "news-cluster"
    paths = sorted(shared.glob("*.json"))[:n]
    if not paths:
        print(f"\nspeed: {shared} absent; left out")
        return
    records = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    articles = [Article(id=str(i), source="bench", text=r.get("text") or "", published=(r.get("date_publish") or "")[:10] or None)
                for i, r in enumerate(records)]
    docs = list(nlp.pipe(a.text for a in articles))
    best = {"now": float("inf"), "before": float("inf")}
    found = {}
    for _ in range(3):
        for name, function in (("before", before), ("now", now)):
            t0 = time.process_time()
            found[name] = sum(len(function(doc, article)) for doc, article in zip(docs, articles))
            best[name] = min(best[name], time.process_time() - t0)
    print(f"\nfind_dates alone on {len(articles)} news-cluster articles (best of 3, CPU time):")
    for name in ("now", "before"):
        print(f"  {name:>6}: {1000 * best[name] / len(articles):6.2f} ms/article, {found[name]} date expressions")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default=BASELINE_REF, help="git ref whose dates.py is the 'before' reader")
    parser.add_argument("--show-misses", action="store_true", help="list storyline's wrong rows")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="time find_dates on N real articles")
    args = parser.parse_args()

    from storyline.analyze.dates import find_dates
    from storyline.analyze.nlp import load_nlp

    rows = load_rows()
    baseline = load_baseline(args.baseline_ref)
    nlp = load_nlp()
    docs = list(nlp.pipe(row["text"] for row in rows))
    # kind -> half -> reader -> [right, total]
    score: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    misses = []
    readers = ["storyline"] + (["before"] if baseline is not None else []) + ["dateparser"]
    for row, doc in zip(rows, docs):
        at = row["text"].find(row["phrase"])
        half = row["group"]
        values = {"storyline": storyline_value(find_dates, doc, row, at)}
        if baseline is not None:
            values["before"] = storyline_value(baseline.find_dates, doc, row, at)
        parsed = dateparser_value(row, at)
        right = {name: value == row["expected"] for name, value in values.items()}
        right["dateparser"] = parsed is not None and _agrees(date.fromisoformat(parsed), row["expected"])
        for kind in (row["kind"], "ALL"):
            for name in readers:
                cell = score[kind][half][name]
                cell[0] += right[name]
                cell[1] += 1
        if not right["storyline"]:
            misses.append((row, values["storyline"]))

    print(f"{len(rows)} invented sentences ({DATA.relative_to(REPO)}, {FRESH.relative_to(REPO)}); "
          f"before = dates.py at {args.baseline_ref}")
    print("accuracy per kind: odd ids (tuned on) | even ids (checked on) | fresh (written after tuning)")
    names = {"storyline": "now", "before": "before", "dateparser": "dateparser"}
    header = " | ".join(" ".join(f"{names[name]:>10}" for name in readers) for _ in GROUPS)
    print(f"{'kind':<16} {'n':>8}  {header}")
    for kind in sorted(score, key=lambda k: (k == "ALL", k)):
        halves = score[kind]
        n = "/".join(str(halves[h]["storyline"][1]) for h in GROUPS)
        cells = " | ".join(
            " ".join(f"{(halves[h][name][0] / halves[h][name][1]) if halves[h][name][1] else float('nan'):>10.3f}"
                     for name in readers)
            for h in GROUPS
        )
        print(f"{kind:<16} {n:>8}  {cells}")
    if args.speed and baseline is not None:
        speed(nlp, find_dates, baseline.find_dates, args.speed)
    if args.show_misses:
        print("\nstoryline misses:")
        for row, value in misses:
            print(f"  #{row['id']} {row['group']} [{row['kind']}] {row['article_date']} {row['phrase']!r}: got {value}, want {row['expected']}"
                  f"   | {row['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
