"""NewsMTSC targets (sentence, mention span, polarity) and their spaCy parses, cached.

Shared by ``train_tone.py`` and ``bench_tone.py``. The parse is storyline's own pipeline
(``storyline.analyze.nlp.load_nlp``), so features are read from the same annotations analysis sees.
The cache lives in ``benchmarks/out/`` (ignored by git) and is keyed by the pipeline id.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "newsmtsc-dev"
CACHE = REPO / "benchmarks" / "out"
LABELS = {-1: "negative", 0: "neutral", 1: "positive"}


@dataclass
class Target:
    id: str
    sentence: str
    start: int
    end: int
    polarity: str


def load_targets(split: str, data: Path = DATA) -> list[Target]:
    rows = []
    with open(data / f"{split}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rows.append(Target(r["id"], r["sentence"], r["from"], r["to"], LABELS[r["polarity"]]))
    return rows


def held_out(target: Target, percent: int = 10) -> bool:
    """A fixed ~10% of train, chosen by a hash of the sentence (all targets of a sentence together)."""
    return int(hashlib.sha1(target.sentence.encode("utf-8")).hexdigest(), 16) % 100 < percent


def parsed(targets: list[Target], split: str, nlp=None) -> dict[str, object]:
    """{sentence: Doc} for every sentence of ``targets``, parsed once and cached on disk."""
    from spacy.tokens import DocBin

    from storyline.analyze.nlp import load_nlp, pipeline_id

    nlp = nlp or load_nlp()
    sentences = sorted({t.sentence for t in targets})
    key = hashlib.sha1((pipeline_id() + "\n" + "\n".join(sentences)).encode("utf-8")).hexdigest()[:12]
    path = CACHE / f"newsmtsc-{split}-{key}.spacy"
    tensors = path.with_suffix(".tensors.npy")
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(sentences, batch_size=64))
        CACHE.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    # DocBin keeps no tensors: the tok2vec output (what analysis has on every doc) is kept apart
    import numpy as np

    if tensors.exists():
        flat = np.load(tensors)
    else:
        tok2vec = nlp.get_pipe("tok2vec")
        flat = np.concatenate([d.tensor for d in tok2vec.pipe(docs, batch_size=64)]).astype(np.float32)
        np.save(tensors, flat)
    at = 0
    for d in docs:
        d.tensor = flat[at:at + len(d)]
        at += len(d)
    return dict(zip(sentences, docs))


if __name__ == "__main__":
    import sys
    import time

    for split in sys.argv[1:] or ["dev", "train"]:
        t0 = time.perf_counter()
        targets = load_targets(split)
        docs = parsed(targets, split)
        print(split, len(targets), "targets", len(docs), "sentences", f"{time.perf_counter() - t0:.1f}s")
