"""Loaded wording on BABE: word-level P/R/F1 against the annotators' biased words, sentence-level
P/R/F1 against label_bias, for left- and right-slanted outlets apart (and the recall gap between them).

A detector that only catches one side's words is biased itself, hence the split. Baselines measured
in the same run: for words, flag every adjective and adverb (the usual carriers of slant); for
sentences, call every sentence biased.

    python benchmarks/bench_loaded_babe.py [--limit N] [--no-parse] [--data PATH]
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "babe" / "final_labels_SG2.csv"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SLANTS = ("left", "right", "center")


@dataclass
class Row:
    text: str
    slant: str  # left | right | center | unknown
    biased: bool | None  # None where the annotators did not agree
    biased_words: set[str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    words: dict[str, Counts] = field(default_factory=dict)
    sentences: dict[str, Counts] = field(default_factory=dict)

    def counts(self, table: dict[str, Counts], group: str) -> Counts:
        return table.setdefault(group, Counts())


def words_of(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def parse_biased_words(cell: str) -> set[str]:
    """The biased_words cell is a Python-list-like string: "['radical', 'slammed']"."""
    cell = (cell or "").strip()
    if not cell:
        return set()
    try:
        items = ast.literal_eval(cell)
    except (ValueError, SyntaxError):
        items = re.findall(r"'([^']*)'|\"([^\"]*)\"", cell)
        items = [a or b for a, b in items]
    return {w for item in items for w in words_of(str(item))}


def read_rows(path: Path, limit: int | None = None) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter=";"):
            label = (rec.get("label_bias") or "").strip().lower()
            biased = True if label == "biased" else False if label == "non-biased" else None
            slant = (rec.get("type") or "").strip().lower() or "unknown"
            rows.append(Row(rec["text"], slant, biased, parse_biased_words(rec.get("biased_words", ""))))
            if limit and len(rows) >= limit:
                break
    return rows


def score(rows: Iterable[Row], predictions: Iterable[set[str]]) -> Scores:
    """Word-level and sentence-level counts per slant (and "all") from predicted loaded words."""
    scores = Scores()
    for row, predicted in zip(rows, predictions, strict=True):
        for group in (row.slant, "all"):
            scores.counts(scores.words, group).add(predicted, row.biased_words)
            if row.biased is not None:
                scores.counts(scores.sentences, group).add({1} if predicted else set(), {1} if row.biased else set())
    return scores


def loaded_words(rows: list[Row], docs: list | None = None) -> list[set[str]]:
    """The words of every loaded term storyline finds in each sentence (``docs``: their parses)."""
    from storyline.analyze.loaded import find_loaded_terms
    from storyline.model import Article

    found = []
    for i, row in enumerate(rows):
        article = Article(id=f"babe-{i}", source="babe", text=row.text)
        doc = docs[i] if docs is not None else None
        found.append({w for t in find_loaded_terms(doc, article) for w in words_of(t.text)})
    return found


def adjective_words(docs: list) -> list[set[str]]:
    """Baseline: every adjective and adverb of the sentence."""
    return [{t.lower_ for t in doc if t.pos_ in ("ADJ", "ADV") and t.is_alpha} for doc in docs]


def report(name: str, scores: Scores, out: Callable[[str], None] = print) -> dict[str, float]:
    """Print one system's table; return the figures (recall gap = left recall - right recall)."""
    figures: dict[str, float] = {}
    out(f"\n{name}")
    out(f"  {'slant':8} {'word P':>7} {'word R':>7} {'word F1':>7}   {'sent P':>7} {'sent R':>7} {'sent F1':>7}")
    for group in ("left", "right", "center", "unknown", "all"):
        if group not in scores.words:
            continue
        wp, wr, wf = scores.words[group].prf()
        sp, sr, sf = scores.sentences.get(group, Counts()).prf()
        figures.update({f"{group}.word_f1": wf, f"{group}.word_r": wr, f"{group}.sent_f1": sf, f"{group}.sent_r": sr})
        out(f"  {group:8} {wp:7.3f} {wr:7.3f} {wf:7.3f}   {sp:7.3f} {sr:7.3f} {sf:7.3f}")
    if "left" in scores.words and "right" in scores.words:
        figures["word_recall_gap"] = figures["left.word_r"] - figures["right.word_r"]
        figures["sent_recall_gap"] = figures["left.sent_r"] - figures["right.sent_r"]
        out(f"  recall gap (left - right): words {figures['word_recall_gap']:+.3f}, "
            f"sentences {figures['sent_recall_gap']:+.3f}")
    return figures


def evaluate(path: Path, limit: int | None = None, parse: bool = True, nlp=None, out=print) -> dict[str, dict]:
    rows = read_rows(path, limit)
    out(f"BABE: {len(rows)} sentences from {path}")
    docs = None
    parse_seconds = 0.0
    if parse:
        if nlp is None:
            from storyline.analyze.nlp import load_nlp

            nlp = load_nlp()
        started = time.perf_counter()
        docs = list(nlp.pipe(r.text for r in rows))
        parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    found = loaded_words(rows, docs)
    seconds = time.perf_counter() - started
    results = {"storyline": report("storyline loaded terms", score(rows, found), out)}
    results["storyline"]["seconds"] = seconds
    if docs is not None:
        results["adj_adv"] = report("baseline: every adjective/adverb (a sentence with one counts as biased)",
                                    score(rows, adjective_words(docs)), out)
    results["all_biased"] = report("baseline: every sentence biased, every word loaded",
                                   score(rows, [set(words_of(r.text)) for r in rows]), out)
    out(f"\nspeed: find_loaded_terms {len(rows) / max(seconds, 1e-9):.0f} sentences/s"
        + (f" vs the spaCy parse it runs after {len(rows) / max(parse_seconds, 1e-9):.0f} sentences/s" if parse else
           " (no parse)"))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-parse", action="store_true", help="run without the spaCy parse (doc=None)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} is absent (BABE lives in ../shared/data/babe beside a developer checkout)")
        return 0
    evaluate(args.data, args.limit, parse=not args.no_parse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
