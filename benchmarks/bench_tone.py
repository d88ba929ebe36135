"""Tone toward a person on NewsMTSC: macro-F1 over negative / neutral / positive, and speed.

Measured in one run, beside each other:
- all-neutral: answer "neutral" for every target (the floor);
- rule: the hand lexicon-and-margin rule (``tone.assess_tone_rule``, what analysis used before);
- main model: main's shipped weights (``git show main:``) through this branch's code;
- model: the shipped classifier (``tone.assess_tone``, its per-sentence rating for the mention).
Both go through the real analysis entry points: the sentence is an article, the mention its one
PERSON mention. On ``dev.jsonl`` (what tuning looked at) and on the ~10% of ``train.jsonl`` held
out of training by a hash of the sentence (``newsmtsc.held_out``), which nothing was tuned on.
Speed: news-cluster articles parsed once, then every analysis component run over them with each
tone function (CPU time, best of --repeats, alternated); per article, parse included.

    python benchmarks/bench_tone.py [--articles N] [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsmtsc import REPO, held_out, load_targets, parsed  # noqa: E402

CLASSES = ("negative", "neutral", "positive")
MAIN_RULE_FIRST = "lean"  # main let the hand rule stand wherever it leaned
CLUSTER = REPO.parent / "shared" / "data" / "news-cluster"


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    f1s = []
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == c)
        fp = sum(1 for g, p in zip(gold, predicted) if p == c and g != c)
        fn = sum(1 for g, p in zip(gold, predicted) if g == c and p != c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


@lru_cache(maxsize=1)
def main_model():
    """main's shipped weights (``git show main:...``), read by this branch's ``LinearToneModel``."""
    from storyline.analyze.tone import MODEL_FILE, LinearToneModel

    path = f"main:src/storyline/analyze/{MODEL_FILE}"
    try:
        raw = subprocess.run(["git", "show", path], cwd=REPO, capture_output=True, check=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return LinearToneModel(json.loads(raw))


@contextmanager
def using(model):
    """Analysis with ``model`` in place of the shipped weights (None: the shipped ones)."""
    from storyline.analyze import tone

    shipped = tone.load_tone_model
    if model is not None:
        tone.load_tone_model = lambda: model
    try:
        yield
    finally:
        tone.load_tone_model = shipped


def rate_all(targets, docs, threshold: float, rule_first: str, model=None):
    """The hand rule's and the model's answer for each target, through analysis' entry points."""
    with using(model):
        return _rate_all(targets, docs, threshold, rule_first)


def _rate_all(targets, docs, threshold: float, rule_first: str):
    from storyline.analyze import tone
    from storyline.model import Article, Entity, Mention

    tone.THRESHOLD, tone.RULE_FIRST = threshold, rule_first
    rule, model, uncertain = [], [], 0
    for t in targets:
        doc = docs[t.sentence]
        article = Article(id=t.id, source="newsmtsc", text=t.sentence)
        entities = [Entity("p", t.sentence[t.start:t.end], "PERSON")]
        mentions = [Mention("p", entities[0].name, t.start, t.end, "PERSON")]
        old = tone.assess_tone_rule(doc, article, entities, mentions)
        rule.append(old[0].polarity if old else "neutral")
        new = tone.assess_tone(doc, article, entities, mentions)
        if new and new[0].sentences:
            model.append(new[0].sentences[0].polarity)
            uncertain += new[0].sentences[0].uncertain
        else:
            model.append("neutral")
    return rule, model, uncertain


def report(name: str, targets, docs) -> None:
    from storyline.analyze import tone

    default = (tone.THRESHOLD, tone.RULE_FIRST)
    gold = [t.polarity for t in targets]
    rule, model, uncertain = rate_all(targets, docs, *default)
    print(f"\n{name}: {len(targets)} targets, gold {dict(Counter(gold))}")
    print(f"  {'all-neutral':<12} macro-F1 {macro_f1(gold, ['neutral'] * len(gold)):.3f}")
    print(f"  {'rule':<12} macro-F1 {macro_f1(gold, rule):.3f}   rated non-neutral {sum(p != 'neutral' for p in rule)}")
    if main_model() is not None:
        _, before, _ = rate_all(targets, docs, default[0], MAIN_RULE_FIRST, model=main_model())
        print(f"  {'main model':<12} macro-F1 {macro_f1(gold, before):.3f}   rated non-neutral "
              f"{sum(p != 'neutral' for p in before)}   (main's weights and rule first, same code)")
    print(f"  {'model':<12} macro-F1 {macro_f1(gold, model):.3f}   rated non-neutral {sum(p != 'neutral' for p in model)}"
          f", neutral (uncertain) {uncertain}   (default: threshold {default[0]}, rule first {default[1]})")
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, model) if g == p == c)
        tr = sum(1 for g, p in zip(gold, rule) if g == p == c)
        print(f"    {c:<9} model precision {tp / max(1, model.count(c)):.2f} recall {tp / max(1, gold.count(c)):.2f}"
              f"   rule precision {tr / max(1, rule.count(c)):.2f} recall {tr / max(1, gold.count(c)):.2f}")
    for threshold in (0.0, 0.4, 0.45, 0.5, 0.55):
        for rule_first in tone.RULE_POLICIES:
            if (threshold, rule_first) != default:
                _, other, u = rate_all(targets, docs, threshold, rule_first)
                print(f"    variant: threshold {threshold} rule first {rule_first:<8}: macro-F1 {macro_f1(gold, other):.3f}"
                      f"  (uncertain {u})")
    tone.THRESHOLD, tone.RULE_FIRST = default


def speed(n: int, repeats: int) -> None:
    import storyline.analyze as analyze
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.tone import assess_tone, assess_tone_rule
    from storyline.model import Article

    if not CLUSTER.exists():
        print("\nspeed: ../shared/data/news-cluster absent, skipped")
        return
    texts = []
    for path in sorted(CLUSTER.glob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        if 400 <= len(text.split()) <= 900:
            texts.append(text)
        if len(texts) == n:
            break
    articles = [Article(id=str(i), source="news-cluster", text=t) for i, t in enumerate(texts)]
    nlp = load_nlp()
    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = (time.process_time() - t0) / len(docs)
    rule_tone = lambda doc, article, entities, mentions, quotes=None: assess_tone_rule(doc, article, entities, mentions)  # noqa: E731
    from storyline.analyze import tone

    variants = [("rule", rule_tone, None), ("main", assess_tone, main_model()), ("model", assess_tone, None)]
    variants = [v for v in variants if v[0] != "main" or v[2] is not None]
    runs = {name: [] for name, _, _ in variants}
    for _ in range(repeats):
        for name, fn, model in variants:
            analyze.assess_tone = fn
            policy = tone.RULE_FIRST
            tone.RULE_FIRST = MAIN_RULE_FIRST if name == "main" else policy
            with using(model):
                t0 = time.process_time()
                for a, d in zip(articles, docs):
                    analyze.analyze_doc(a, d)
                runs[name].append((time.process_time() - t0) / len(docs))
            tone.RULE_FIRST = policy
    analyze.assess_tone = assess_tone
    print(f"\nspeed: {len(docs)} news-cluster articles of 400-900 words, CPU ms per article (best of {repeats})")
    base = parse + min(runs["rule"])
    base_main = parse + min(runs.get("main", runs["rule"]))
    for name in runs:
        comp = min(runs[name])
        total = parse + comp
        print(f"  {name:<6} parse {parse * 1e3:.1f} + components {comp * 1e3:.1f} = {total * 1e3:.1f} ms"
              f"  ({(total / base - 1) * 100:+.1f}% vs rule, {(total / base_main - 1) * 100:+.1f}% vs main's model)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    dev = load_targets("dev")
    train = load_targets("train")
    held = [t for t in train if held_out(t)]
    report("dev.jsonl (tuned on)", dev, parsed(dev, "dev"))
    report("train.jsonl held-out ~10% (not trained or tuned on)", held, parsed(train, "train"))
    speed(args.articles, args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
