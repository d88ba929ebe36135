"""End-to-end ingest throughput and peak memory, beside a bare spaCy pass of the same texts.

    python benchmarks/bench_pipeline.py [--copies 3] [--limit N] [--jobs 1 2]

Corpus: ../shared/data/news-cluster repeated --copies times, each copy made distinct (so nothing is
skipped as a duplicate). Each measurement runs in its own process, which reports its own time and
peak RSS. Targets (issue F): >= 20 articles/s end to end on a 2-core machine and >= 0.7x the bare
spaCy pass.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-cluster"


def build_corpus(out: Path, copies: int, limit: int | None) -> int:
    files = sorted(DATA.glob("*.json"))[:limit]
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for copy in range(copies):
            for f in files:
                doc = json.loads(f.read_text(encoding="utf-8"))
                text = (doc.get("text") or "").strip()
                if not text:
                    continue
                # a distinct copy: same length and shape, one changed closing line
                text += f"\n\nThis copy is number {copy + 1} of the benchmark corpus."
                fh.write(json.dumps({"text": text, "title": doc.get("title"),
                                     "published": (doc.get("date_publish") or "")[:10] or None,
                                     "outlet": doc.get("source_domain")}) + "\n")
                n += 1
    return n


def child(mode: str, corpus: Path, jobs: int) -> None:
    """Run one measurement and print {seconds, peak_mb} as JSON."""
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    start = time.perf_counter()
    if mode == "spacy":
        from storyline.analyze.nlp import load_nlp

        nlp = load_nlp()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        from storyline.engine import ingest
        from storyline.store import Store

        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
            report = ingest([str(corpus)], store, jobs=jobs)
            assert not report.failed, report.failed[:3]
    seconds = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "n": len(texts)}))


def measure(mode: str, corpus: Path, jobs: int = 1) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus),
                          "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--child", choices=["spacy", "ingest"])
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.jobs[0])
        return
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (it is only beside a developer checkout)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = build_corpus(corpus, args.copies, args.limit)
        print(f"corpus: {n} articles (news-cluster x{args.copies}, copies made distinct), "
              f"{os.cpu_count()} cores")
        bare = measure("spacy", corpus)
        rows = [("bare spaCy pass (baseline, 1 process)", bare)]
        for jobs in args.jobs:
            rows.append((f"storyline ingest --jobs {jobs}", measure("ingest", corpus, jobs)))
    bare_rate = n / bare["seconds"]
    print(f"\n{'run':<40} {'articles/s':>10} {'x bare':>7} {'peak MB':>8}")
    for name, r in rows:
        rate = n / r["seconds"]
        print(f"{name:<40} {rate:>10.1f} {rate / bare_rate:>7.2f} {r['peak_mb']:>8.0f}")
    print("\ntargets: >= 20 articles/s end to end, >= 0.7x the bare spaCy pass")


if __name__ == "__main__":
    main()
