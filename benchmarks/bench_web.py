"""How fast the story page renders over a store of 10,000 articles.

Fills a temporary store with synthetic, hand-made records (no NLP: the page cost is the store reads,
the story view and the templates), with one story of 30 articles among many small ones, then times
GET /stories/{id} against two baselines measured in the same run: the story as JSON
(/api/stories/{id}) and a static file. Target: p95 of the story page under 150 ms.

    python benchmarks/bench_web.py [--articles 10000] [--story-size 30] [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.model import (
    Analysis,
    Article,
    Claim,
    DateExpression,
    Entity,
    Event,
    Evidence,
    Mention,
    Quote,
    Story,
)
from storyline.serve.web.app import create_app
from storyline.store.sqlite import Store

TARGET_P95_MS = 150.0
WORDS = ("council budget bridge harbour river school hospital minister report inquiry vote "
         "contract tender closure repair delay traffic residents officials police court").split()
SPEAKERS = ("Alex Morgan", "Jordan Lee", "Sam Patel", "Casey Quinn", "Robin Diaz")


def synthetic_article(i: int, rng: random.Random) -> tuple[Article, Analysis]:
    """An article of ~600 words with the facts a typical analysis holds, at valid offsets."""
    speaker = SPEAKERS[i % len(SPEAKERS)]
    paragraphs = []
    for p in range(8):
        words = " ".join(rng.choice(WORDS) for _ in range(60))
        paragraphs.append(f'{words.capitalize()}. "The {rng.choice(WORDS)} costs {rng.randint(2, 90)} million," '
                          f"{speaker} said on 3 March.")
    text = "\n\n".join(paragraphs)
    quotes, claims, dates, mentions = [], [], [], []
    pos = 0
    for _ in paragraphs:
        q_start = text.index('"', pos) + 1
        q_end = text.index('"', q_start)
        quotes.append(Quote(text[q_start:q_end], q_start, q_end, "direct", speaker=speaker,
                            speaker_entity_id=f"{i}:e1", cue="said"))
        c_start = text.index("costs ", q_start) + 6
        c_end = text.index(" million", c_start) + 8
        claims.append(Claim(text[c_start:c_end], c_start, c_end, 1e6, "USD", "exact", "cost"))
        n_start = text.index(speaker, q_end)
        mentions.append(Mention(f"{i}:e1", speaker, n_start, n_start + len(speaker), "PERSON"))
        d_start = text.index("3 March", n_start)
        dates.append(DateExpression("3 March", d_start, d_start + 7, "2025-03-03", "day"))
        pos = d_start + 7
    article = Article(id=f"art{i:06d}", source=f"synthetic/{i}.txt", text=text, outlet=f"Outlet {i % 40}",
                      title=f"Synthetic article {i}", published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                      authors=["Staff"])
    analysis = Analysis(article.id, entities=[Entity(f"{i}:e1", speaker, "PERSON")], mentions=mentions,
                        quotes=quotes, claims=claims, dates=dates)
    return article, analysis


def fill_store(path: Path, n_articles: int, story_size: int) -> str:
    rng = random.Random(7)
    with Store(path) as store:
        batch = []
        for i in range(n_articles):
            batch.append(synthetic_article(i, rng))
            if len(batch) == 1000:
                store.add_batch([(a, an, None) for a, an in batch])
                batch = []
        if batch:
            store.add_batch([(a, an, None) for a, an in batch])
        big = [f"art{i:06d}" for i in range(story_size)]
        stories = [Story(
            id="big", title="The large story", article_ids=big,
            timeline=[Event(f"2025-03-{d:02d}", "day", f"Event {d}", [Evidence(big[d % len(big)], 0, 40)])
                      for d in range(1, 21)],
            first_date="2025-01-01", last_date="2025-12-28", independent_sources=story_size // 2,
        )]
        for k, first in enumerate(range(story_size, n_articles - 4, 4)):
            ids = [f"art{i:06d}" for i in range(first, first + 4)]
            stories.append(Story(id=f"s{k}", title=f"Small story {k}", article_ids=ids))
        entities = [Entity(f"ent{j}", name, "PERSON") for j, name in enumerate(SPEAKERS)]
        entity_map = {f"{i}:e1": f"ent{i % len(SPEAKERS)}" for i in range(n_articles)}
        store.replace_links(stories, entities, entity_map)
    return "big"


def timings(client: TestClient, path: str, n: int) -> list[float]:
    client.get(path)  # warm caches (templates, page cache)
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        reply = client.get(path)
        out.append((time.perf_counter() - t0) * 1000)
        if reply.status_code != 200:
            raise SystemExit(f"GET {path} answered {reply.status_code}")
    return out


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--story-size", type=int, default=30)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        story_id = fill_store(db, args.articles, args.story_size)
        filled = time.perf_counter() - t0
        print(f"store: {args.articles} articles, story of {args.story_size}, filled in {filled:.1f} s")
        client = TestClient(create_app(str(db)))
        rows = []
        for label, path in (("story page   GET /stories/{id}", f"/stories/{story_id}"),
                            ("baseline     GET /api/stories/{id}", f"/api/stories/{story_id}"),
                            ("baseline     GET /static/style.css", "/static/style.css"),
                            ("article page GET /articles/{id}", "/articles/art000000")):
            t = timings(client, path, args.requests)
            rows.append((label, min(t), percentile(t, 50), percentile(t, 95)))
        print(f"{'request':40} {'min ms':>8} {'p50 ms':>8} {'p95 ms':>8}   ({args.requests} requests each)")
        for label, fastest, p50, p95 in rows:
            print(f"{label:40} {fastest:8.1f} {p50:8.1f} {p95:8.1f}")
        load = os.getloadavg()[0] / (os.cpu_count() or 1)
        print(f"(machine load during the run: {load:.1f} runnable processes per CPU; above 1, every figure is inflated)")
        story_p95 = rows[0][3]
        verdict = "meets" if story_p95 < TARGET_P95_MS else "MISSES"
        print(f"story page p95 {story_p95:.1f} ms {verdict} the {TARGET_P95_MS:.0f} ms target")


if __name__ == "__main__":
    main()
