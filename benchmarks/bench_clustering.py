"""Story clustering on news-cluster (383 articles, 69 gold events): B-cubed P/R/F1 vs EventId.

    python benchmarks/bench_clustering.py [--no-analysis] [--limit N]

Runs the real pipeline (extract -> analyze -> link_features -> StoryLinker) and prints, from the
same run, two baselines (every article alone; title TF-IDF cosine threshold), F1 on the two halves
of the events split by hash (tune on half A only, report half B), and whether ingesting in five
batches gives the same stories as one batch. Articles and analyses are cached under benchmarks/out/,
keyed by everything that shapes them (see ``cache_key``), so a re-run after any upstream change
re-extracts and re-analyses.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import math
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "news-cluster"
OUT = REPO / "benchmarks" / "out"


def load_news_cluster(limit: int | None = None):
    """(RawDocument, event id) for every JSON file, in file-name order."""
    from storyline.model import RawDocument

    docs = []
    for path in sorted(glob.glob(str(DATA / "*.json")))[:limit]:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        published = (d.get("date_publish") or "")[:10] or None
        raw = RawDocument(source=path, content=d.get("text") or "", format="text", url=d.get("url"),
                          title=d.get("title"), published=published, outlet=d.get("source_domain"),
                          authors=list(d.get("authors") or []))
        docs.append((raw, d["newsCluster"]["EventId"]))
    return docs


CACHED_STAGES = ("ingest", "extract", "analyze")  # packages whose files shape the cached records
PACKAGES = ("spacy", "trafilatura", "dateparser", "htmldate", "lxml")


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


def cache_key(docs, with_analysis: bool) -> str:
    """Fingerprint of everything the cached articles and analyses depend on.

    The inputs, the source and data files of ingest/, extract/, analyze/ and model.py, the spaCy
    pipeline's name and version, and the versions of the packages extraction and analysis call.
    """
    from storyline.analyze.nlp import model_name

    package = REPO / "src" / "storyline"
    files = [package / "model.py"] + sorted(
        p for stage in CACHED_STAGES for p in (package / stage).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    h = hashlib.sha1()
    for p in files:
        h.update(str(p.relative_to(package)).encode() + b"\0" + p.read_bytes() + b"\0")
    model = model_name()
    versions = {name: _version(name) for name in PACKAGES}
    versions[model] = _version(model)
    h.update(json.dumps({"model": model, "versions": versions, "analysis": with_analysis}, sort_keys=True).encode())
    for raw, event in docs:
        h.update(json.dumps([raw.source, raw.content, raw.url, raw.title, raw.published, raw.outlet,
                             raw.authors, event]).encode())
    return h.hexdigest()[:12]


def articles_and_analyses(docs, with_analysis: bool = True):
    """Extract and analyse (cached by upstream source hash); returns (articles, analyses)."""
    from storyline.analyze import analyze_many
    from storyline.extract import extract
    from storyline.model import Analysis, Article, from_dict, to_dict

    key = cache_key(docs, with_analysis)
    cache = OUT / f"news_cluster_{key}_{len(docs)}_{int(with_analysis)}.json"
    print(f"extraction/analysis cache key {key} ({'hit' if cache.exists() else 'miss'}: {cache.name})")
    if cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return [from_dict(Article, a) for a in data["articles"]], [from_dict(Analysis, a) for a in data["analyses"]]
    articles = [extract(raw) for raw, _ in docs]
    if with_analysis:
        analyses = list(analyze_many(articles))
    else:
        analyses = [Analysis(article_id=a.id) for a in articles]
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob(f"news_cluster_*_{len(docs)}_{int(with_analysis)}.json"):
        old.unlink()
    cache.write_text(json.dumps({"articles": [to_dict(a) for a in articles],
                                 "analyses": [to_dict(a) for a in analyses]}), encoding="utf-8")
    return articles, analyses


def bcubed(pred: dict[str, str], gold: dict[str, str], items: list[str] | None = None) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a clustering (item -> cluster) against gold (item -> class)."""
    items = items if items is not None else list(gold)
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in gold:
        by_pred[pred[i]].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        same_pred, same_gold = by_pred[pred[i]], by_gold[gold[i]]
        both = len(same_pred & same_gold)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def title_tfidf_baseline(articles, threshold: float = 0.3) -> dict[str, str]:
    """Connected components of title TF-IDF cosine >= threshold."""
    from storyline.link.features import terms_of

    vecs = {a.id: Counter(terms_of(a.title or "")) for a in articles}
    df = Counter(t for v in vecs.values() for t in v)
    n = len(vecs)
    norm = {}
    for k, v in vecs.items():
        w = {t: c * math.log(n / df[t]) for t, c in v.items()}
        z = math.sqrt(sum(x * x for x in w.values())) or 1.0
        norm[k] = {t: x / z for t, x in w.items()}
    parent = {k: k for k in vecs}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    ids = sorted(vecs)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if sum(w * norm[b].get(t, 0.0) for t, w in norm[a].items()) >= threshold:
                parent[find(a)] = find(b)
    return {k: find(k) for k in vecs}


def link(articles, analyses, batches: int = 1, settings=None):
    from storyline.link import StoryLinker, link_features

    linker = StoryLinker(settings)
    size = math.ceil(len(articles) / batches)
    result = None
    for i in range(batches):
        for article, analysis in zip(articles[i * size:(i + 1) * size], analyses[i * size:(i + 1) * size]):
            linker.add(article, analysis, link_features(article, analysis))
        result = linker.result(articles, analyses)
    return result


def assignment(result) -> dict[str, str]:
    return {a: s.id for s in result.stories for a in s.article_ids}


def report_reprints(articles, result, gold: dict[str, str], threshold: float = 0.8) -> None:
    """Pairs with exact word-shingle Jaccard >= threshold, and how many the linker calls copies.

    Pairs of one gold event are reprints; pairs as alike from different events are pages extraction
    cut to the same widget text, which must not be copies.
    """
    from itertools import combinations

    from storyline.link.features import shingles, words_of

    sets = {a.id: set(shingles(words_of(a.text))) for a in articles}
    alike = [(a, b) for a, b in combinations(sorted(sets), 2)
             if sets[a] and sets[b] and len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= threshold]
    root = {}
    for s in result.stories:
        for c in s.copies:
            root[c.article_id] = c.copy_of
            root.setdefault(c.copy_of, c.copy_of)

    def copied(pairs):
        return sum(1 for a, b in pairs if a in root and root[a] == root.get(b))

    reprints = [(a, b) for a, b in alike if gold[a] == gold[b]]
    furniture = [(a, b) for a, b in alike if gold[a] != gold[b]]
    print(f"reprint pairs (exact shingle Jaccard >= {threshold}, same gold event): {len(reprints)}, "
          f"found as copies: {copied(reprints)}; as alike across gold events (widget text): "
          f"{len(furniture)}, called copies: {copied(furniture)}")


def report_inferred_dates(articles, analyses, result) -> None:
    """Hide the date of every article with a weekday cue in the lead and dated story-mates, and
    infer it from the story; printed per half of the articles (A tuned, B held out).

    Baseline from the same run: the median date of the article's dated story-mates.
    """
    from dataclasses import replace

    from storyline.link import StoryLinker, link_features

    story_of = {a: s.id for s in result.stories for a in s.article_ids}
    dated_mates = Counter(story_of[a.id] for a in articles if a.published)
    for half in "AB":
        hidden = {a.id for a in articles if a.published and dated_mates[story_of[a.id]] > 1
                  and link_features(a).lead_weekday and half_of(a.id) == half}
        truth = {a.id: a.published for a in articles if a.id in hidden}
        masked = [replace(a, published=None, published_inferred=None) if a.id in hidden else a for a in articles]
        linker = StoryLinker()
        for article, analysis in zip(masked, analyses):
            linker.add(article, analysis)
        relinked = linker.result(masked, analyses)
        inferred = relinked.inferred_dates
        baseline = baseline_near = 0
        for s in relinked.stories:
            known = sorted(a.published for a in masked if a.id in s.article_ids and a.published)
            for a in s.article_ids:
                if a in hidden and known:
                    guess = known[len(known) // 2]
                    baseline += guess == truth[a]
                    baseline_near += abs((_date(guess) - _date(truth[a])).days) <= 1
        exact = sum(1 for a in hidden if a in inferred and inferred[a].date == truth[a])
        near = sum(1 for a in hidden if a in inferred and len(inferred[a].date) == 10
                   and abs((_date(inferred[a].date) - _date(truth[a])).days) <= 1)
        dated = sum(1 for a in hidden if a in inferred)
        print(f"undated inference, half {half} ({'tuned' if half == 'A' else 'held out'}): {len(hidden)} articles "
              f"with their date hidden: dated {dated} (the rest left undated), exact {exact}, within 1 day {near} "
              f"(precision {exact / dated if dated else 0:.2f} / {near / dated if dated else 0:.2f}); baseline "
              f"(median date of dated story-mates, always dates) exact {baseline}, within 1 day {baseline_near}")


def _date(value: str):
    from datetime import date

    return date.fromisoformat(value[:10])


def half_of(event) -> str:
    return "A" if int(hashlib.sha1(str(event).encode()).hexdigest(), 16) % 2 == 0 else "B"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-analysis", action="store_true", help="link on lexical features only (fast)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (../shared is only beside a developer checkout)")
        return 0
    docs = load_news_cluster(args.limit)
    t0 = time.perf_counter()
    articles, analyses = articles_and_analyses(docs, with_analysis=not args.no_analysis)
    t_prep = time.perf_counter() - t0
    gold = {a.id: ev for a, (_, ev) in zip(articles, docs)}
    t0 = time.perf_counter()
    result = link(articles, analyses)
    t_link = time.perf_counter() - t0
    pred = assignment(result)
    alone = {a: a for a in gold}
    tfidf = title_tfidf_baseline(articles)
    halves = {h: [a for a in gold if half_of(gold[a]) == h] for h in "AB"}
    print(f"news-cluster: {len(articles)} articles, {len(set(gold.values()))} gold events, "
          f"{len(result.stories)} predicted stories (extract+analyze {t_prep:.1f}s, link {t_link:.2f}s)")
    print(f"{'method':<28}{'P':>7}{'R':>7}{'F1':>7}{'F1 half A':>11}{'F1 half B':>11}")
    for name, clustering in (("every article alone", alone), ("title TF-IDF cos>=0.3", tfidf), ("storyline", pred)):
        p, r, f = bcubed(clustering, gold)
        fa = bcubed(clustering, gold, halves["A"])[2]
        fb = bcubed(clustering, gold, halves["B"])[2]
        print(f"{name:<28}{p:>7.3f}{r:>7.3f}{f:>7.3f}{fa:>11.3f}{fb:>11.3f}")
    copies = sum(len(s.copies) for s in result.stories)
    print(f"copies found: {copies} ({dict(Counter(c.kind for s in result.stories for c in s.copies))})")
    report_reprints(articles, result, gold)
    report_inferred_dates(articles, analyses, result)
    five = assignment(link(articles, analyses, batches=5))
    same = {frozenset(a for a in five if five[a] == s) for s in five.values()} == {
        frozenset(a for a in pred if pred[a] == s) for s in pred.values()}
    print(f"5-batch vs 1-batch identical: {'yes' if same else 'no'}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
