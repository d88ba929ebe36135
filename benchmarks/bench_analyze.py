"""Analysis throughput on ~600-word articles, beside a bare spaCy pass over the same texts.

Texts come from ../shared/data/news-cluster (articles of 400-900 words), or synthetic news-like
text when that is absent. Three passes run in this process on one core, alternated, timed in CPU
time (so a busy machine skews them less), best run of each printed: the bare pass is
``list(nlp.pipe(texts))`` with the pipeline exactly as ``spacy.load`` gives it; then storyline's
own spaCy pipeline alone (lemmatizer left out, paragraph breaks, indexed attribute ruler); then
the whole of ``analyze_many``.

    python benchmarks/bench_analyze.py [--articles N] [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
CLUSTER = SHARED / "data" / "news-cluster"

_SYNTHETIC = (
    "Mayor Ann Lee said Tuesday the city would expand its bus service. “We are going to move "
    "people faster than ever,” Lee told reporters at City Hall. The Department of Transit "
    "Planning (DTP) estimates that ridership rose 12 percent last year, according to a report "
    "released Monday. Council member Paul Reyes, a longtime critic, called the plan “a gift to "
    "developers.” “I have asked for the numbers three times,” he said. A source with knowledge "
    "of the talks said the vote could slip to March. "
)


def load_texts(n: int) -> tuple[list[str], str]:
    if CLUSTER.exists():
        texts = []
        for path in sorted(CLUSTER.glob("*.json")):
            text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
            if 400 <= len(text.split()) <= 900:
                texts.append(text)
            if len(texts) == n:
                break
        if texts:
            return texts, f"news-cluster ({len(texts)} articles of 400-900 words)"
    words = _SYNTHETIC.split()
    text = " ".join((words * (600 // len(words) + 1))[:600])
    return [text] * n, f"synthetic ({n} articles of 600 words; ../shared absent)"


def _best_rate(runs: list[float], n: int) -> float:
    return n / min(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each pass (best is kept)")
    args = parser.parse_args()
    import storyline  # noqa: F401  (first: one OpenBLAS thread per process, as the CLI runs it)
    import spacy

    from storyline.analyze import analyze_many, load_nlp, model_name
    from storyline.model import Article

    texts, source = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts) / len(texts)
    plain = spacy.load(model_name())
    nlp = load_nlp()
    articles = [Article(id=f"a{i}", source="bench", text=t) for i, t in enumerate(texts)]
    list(analyze_many(articles[:3], nlp))  # warm up both
    list(plain.pipe(texts[:3]))
    timings: dict[str, list[float]] = {"plain": [], "pipeline": [], "analyze": []}
    for _ in range(args.repeats):  # alternate the passes so a busy machine skews them alike
        t0 = time.process_time()
        list(plain.pipe(texts))
        t1 = time.process_time()
        list(nlp.pipe(texts))
        t2 = time.process_time()
        analyses = list(analyze_many(articles, nlp))
        t3 = time.process_time()
        timings["plain"].append(t1 - t0)
        timings["pipeline"].append(t2 - t1)
        timings["analyze"].append(t3 - t2)
    n = len(texts)
    bare, tuned, full = (_best_rate(timings[k], n) for k in ("plain", "pipeline", "analyze"))
    quotes = sum(len(a.quotes) for a in analyses)
    print(f"texts: {source}, mean {words:.0f} words; best of {args.repeats} runs, CPU time")
    print(f"bare spaCy pass ({model_name()} as spacy.load gives it, {plain.pipe_names}):")
    print(f"                   {bare:6.1f} articles/s per core")
    print(f"storyline's spaCy pipeline alone ({nlp.pipe_names}):")
    print(f"                   {tuned:6.1f} articles/s per core ({tuned / bare:.2f}x the bare pass)")
    print(f"storyline analyze: {full:6.1f} articles/s per core ({full / bare:.2f}x the bare pass; {quotes} quotes)")
    print("targets: >= 10 articles/s per core and >= 0.7x the bare pass's speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
