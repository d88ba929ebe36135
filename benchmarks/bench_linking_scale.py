"""Linking cost per new article with 10k and 100k articles already indexed (synthetic features).

    python benchmarks/bench_linking_scale.py [--sizes 10000,100000] [--new 500]

Synthetic LinkFeatures are generated from a Zipf vocabulary (stories share topic words, names and
quotes; one article in ten is a near-copy), so no spaCy is needed. For each size N the index is
built, then NEW further articles are added one by one and linked: LSH copy look-up plus scored
story candidates from the inverted index (``StoryLinker.link_new``). Printed: ms per new article
at each size, the ratio (flat cost means ~1x), a projection to 1M, and as the baseline from the
same run the brute-force cost of scoring a new article against every indexed one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent

VOCAB = 60_000
ARTICLES_PER_STORY = 6


def synthetic_features(n: int, seed: int = 0, offset: int = 0):
    """n LinkFeatures in stories of ~6 articles; cheap to make (no text, no spaCy)."""
    from storyline.link.features import NUM_PERM, LinkFeatures

    rng = np.random.default_rng(seed)
    general_vocab = np.array([f"w{k}" for k in range(VOCAB)], dtype=object)
    topic_vocab = np.array([f"t{k}" for k in range(VOCAB)], dtype=object)
    general = general_vocab[rng.zipf(1.3, size=(n, 70)) % VOCAB].tolist()
    topics = topic_vocab[rng.integers(0, VOCAB, size=(n // ARTICLES_PER_STORY + 2, 12))].tolist()
    signatures = rng.integers(0, 2**32, size=(n, NUM_PERM), dtype=np.uint64)
    signatures[1::10, : NUM_PERM * 9 // 10] = signatures[0:-1:10, : NUM_PERM * 9 // 10][: len(signatures[1::10])]
    signatures = signatures.tolist()  # one article in ten is a near-copy of the one before it
    out = []
    for i in range(n):
        story = (i + offset) // ARTICLES_PER_STORY
        topic = topics[story % len(topics)]
        words = general[i]
        day = 1 + story % 28
        out.append(LinkFeatures(
            article_id=f"a{i + offset:07d}",
            published=f"2024-{1 + story % 12:02d}-{day:02d}",
            outlet=f"outlet{i % 40}",
            title=" ".join(topic[:5]),
            words=400,
            prose_words=380,
            text_hash=f"h{i + offset}",
            signature=signatures[i],
            title_terms=sorted(set(topic[:5] + words[:2])),
            lead_terms={t: 1 for t in topic[:8] + words[:8]},
            body_terms={t: 1 + (k % 3) for k, t in enumerate(topic + words[:48])},
            names=[f"person {story} a", f"person {story} b", f"person {i % 500} c"],
            quotes=[f"quote of story {story} said plainly"],
            numbers=[str(story % 1000)],
        ))
    return out


def measure(size: int, new: int, brute_sample: int) -> tuple[float, float, float | None]:
    from storyline.link import StoryLinker

    base = synthetic_features(size, seed=1)
    t0 = time.perf_counter()
    linker = StoryLinker.from_features(base)
    build = time.perf_counter() - t0
    fresh = synthetic_features(new, seed=2, offset=size)
    t0 = time.perf_counter()
    for f in fresh:
        linker.add_features(f)
        linker.link_new(f.article_id)
    per_article = (time.perf_counter() - t0) / new * 1000
    brute = brute_force_ms(linker, fresh[:brute_sample]) if brute_sample else None
    return build, per_article, brute


def brute_force_ms(linker, fresh) -> float:
    """Baseline: score each new article against every indexed article (no index)."""
    index = linker._stories
    t0 = time.perf_counter()
    for f in fresh:
        va = index.vector(f.article_id)
        for b in index.features:
            if b != f.article_id:
                index.pair_score(f.article_id, b, va, index.vector(b))
    return (time.perf_counter() - t0) / len(fresh) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--new", type=int, default=300)
    parser.add_argument("--full-recompute", type=int, default=0, metavar="N",
                        help="also time StoryLinker.result() (the full recompute) over N articles")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    print(f"{'indexed':>9}{'build s':>9}{'ms/new article':>16}{'brute force ms':>22}")
    brute_at = None
    for size in sizes:
        build, per_article, brute = measure(size, args.new, brute_sample=3 if brute_at is None else 0)
        rows.append((size, per_article))
        if brute is not None:
            brute_at = (size, brute)
            shown = f"{brute:.1f}"
        else:  # scoring every article grows linearly: scale the measured figure
            shown = f"~{brute_at[1] * size / brute_at[0]:.0f} (linear est.)"
        print(f"{size:>9}{build:>9.1f}{per_article:>16.2f}{shown:>22}")
    if len(rows) >= 2:
        (n0, c0), (n1, c1) = rows[0], rows[-1]
        ratio = c1 / c0
        growth = max(1.0, ratio) ** (np.log(1_000_000 / n1) / np.log(n1 / n0)) if n1 > n0 else 1.0
        print(f"cost ratio {n1}/{n0}: {ratio:.2f}x (target <= 2x); "
              f"projected at 1M: {c1 * growth:.2f} ms/new article")
    if args.full_recompute:
        from storyline.link import StoryLinker

        linker = StoryLinker.from_features(synthetic_features(args.full_recompute, seed=1))
        t0 = time.perf_counter()
        result = linker.result()
        took = time.perf_counter() - t0
        print(f"full recompute result() over {args.full_recompute} articles: {took:.1f}s "
              f"({took / args.full_recompute * 1000:.2f} ms/article, {len(result.stories)} stories)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    sys.exit(main())
