"""Who is who across articles, against MEANTIME's hand-made entity chains (120 Wikinews articles).

    python benchmarks/bench_entities_meantime.py [--baseline-ref main]

Each gold entity mention storyline also marks (a storyline mention whose span lies inside the gold
one, or the gold one inside it) takes storyline's corpus entity. Over pairs of such mentions, within
one article and across two, it prints pairwise precision / recall of "same entity" against the gold
chains, and B-cubed over the mentions, for storyline beside a baseline from the same run: merging
mentions whose words are the same (case and "the" aside). Gold names (a capitalised mention not
opening on an article or a determiner) and descriptions ("the company") are counted apart;
pronouns are left out.

Beside storyline it prints the same figures for the code at ``--baseline-ref`` (its ``src/`` taken with
``git archive`` into a temporary folder and run in a child process over the same articles), and the
exact-string baseline. Rows are split by half: articles at even positions of the file (the half the
rules were tuned on) and at odd positions (held out); across-article pairs count in a half when both
articles are in it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "meantime-dev" / "meantime-en.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))

PRONOUNS = frozenset("i me my we us our you your he him his she her it its they them their this that these "
                     "those who whom whose which what itself themselves himself herself".split())
_DETERMINERS = ("the ", "a ", "an ", "this ", "that ", "its ", "their ", "his ", "her ")


def mention_kind(text: str) -> str:
    words = text.split()
    if not words or text.lower() in PRONOUNS or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return "pronoun"
    if text[:1].isupper() and not text.lower().startswith(_DETERMINERS):
        return "name"
    return "description"


def chain_of(label: str) -> str:
    """MEANTIME writes one chain as "cross_ORG37154719725500990" in one article and
    "cross_intra_ORG37154719725500990" in another: the id after the prefixes is the chain."""
    return re.sub(r"^(?:cross_|intra_)+", "", label)


def exact_key(text: str) -> str:
    t = re.sub(r"^(the|a|an)\s+", "", text.strip().lower())
    return re.sub(r"[^\w ]+", "", t)


def marked_mentions() -> list[tuple]:
    """(doc, gold chain, kind, storyline entity, exact key) for every gold mention storyline also marks."""
    import bench_story_layer as sl
    from dateparser import parse

    from storyline.link import StoryLinker
    from storyline.model import RawDocument

    docs = _docs()
    raws = []
    for d in docs:
        lines = d["text"].split("\n")
        day = parse(lines[2], languages=["en"]) if len(lines) > 2 else None
        raws.append(RawDocument(source=f"meantime:{d['doc']}", content=d["text"], format="text", title=lines[0],
                                published=day.date().isoformat() if day else None, outlet=d["doc"].split("/")[0]))
    articles, analyses = sl._pipeline(raws)
    linker = StoryLinker()
    for article, analysis in zip(articles, analyses):
        linker.add(article, analysis)
    result = linker.result(articles, analyses)
    found = []
    for d, article, analysis in zip(docs, articles, analyses):
        convert = sl._offset_map(d["text"], article.text)
        ours = []
        for m in analysis.mentions:
            a, b = convert(m.start), convert(m.end)
            if a is not None and b is not None:
                ours.append((a, b, result.entity_map.get(m.entity_id, f"{article.id}:{m.entity_id}")))
        seen = set()
        for g in d["entities"]:
            kind = mention_kind(g["text"])
            if kind == "pronoun" or (g["start"], g["end"]) in seen:
                continue
            seen.add((g["start"], g["end"]))
            span = g["end"] - g["start"]
            hits = [(min(b, g["end"]) - max(a, g["start"]), b, e) for a, b, e in ours
                    if (g["start"] <= a and b <= g["end"]) or (a <= g["start"] and g["end"] <= b)]
            # a mention of the same thing: it ends the gold one (its head: "Airbus parent EADS") or covers most of it
            before = {h: d["text"][g["start"]:max(g["start"], h[1] - h[0])] for h in hits}
            hits = [h for h in hits if (h[1] >= g["end"] - 2 and not re.search(r"\b(?:of|for|at|in|from)\b", before[h]))
                    or h[0] >= 0.6 * span]
            if hits:
                found.append((d["doc"], chain_of(g["chain"]), kind, max(hits)[2], exact_key(g["text"])))
    return found


def _docs() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def _baseline_marks(ref: str) -> list[tuple] | None:
    """The marked mentions as the code at ``ref`` finds them, from a child process."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src"], capture_output=True)
        if archive.returncode != 0:
            print(f"baseline {ref}: git archive failed ({archive.stderr.decode().strip()})")
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = dict(os.environ, PYTHONPATH=str(Path(tmp) / "src"))
        out = subprocess.run([sys.executable, __file__, "--emit"], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"baseline {ref} failed: {out.stderr[-500:]}")
            return None
        return [tuple(f) for f in json.loads(out.stdout.strip().splitlines()[-1])]


def run(ref: str | None) -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return
    docs = _docs()
    found = marked_mentions()
    base = _baseline_marks(ref) if ref else None
    gold_total = defaultdict(int)
    for d in docs:
        spans = {(g["start"], g["end"], mention_kind(g["text"])) for g in d["entities"]}
        for *_, kind in spans:
            gold_total[kind] += 1
    print(f"MEANTIME: {len(docs)} articles; gold names {gold_total['name']}, descriptions "
          f"{gold_total['description']}; marked by storyline: "
          f"{sum(1 for f in found if f[2] == 'name')} names, {sum(1 for f in found if f[2] == 'description')} descriptions"
          + (f"; by {ref}: {sum(1 for f in base if f[2] == 'name')} names" if base else ""))
    position = {d["doc"]: i for i, d in enumerate(docs)}
    halves = {"even": lambda f: position[f[0]] % 2 == 0, "odd": lambda f: position[f[0]] % 2 == 1,
              "all": lambda f: True}
    columns = [("storyline", found, lambda f: f[3])]
    if base:
        columns.append((ref, base, lambda f: f[3]))
    columns.append(("exact string", found, lambda f: f[4]))
    print(f"{'':34}" + "".join(f"{name:>28}" for name, _, _ in columns))
    print(f"{'mentions':26}{'pairs':>8}" + f"{'P':>9}{'R':>9}{'B3 F1':>10}" * len(columns))
    for kind in ("name", "description"):
        for scope in ("within", "across"):
            for half, keep in halves.items():
                cells, pairs = "", 0
                for i, (_, marks, key) in enumerate(columns):
                    p, r, b3, n = _pairwise([f for f in marks if keep(f)], kind, scope, key)
                    pairs = n if i == 0 else pairs
                    cells += f"{p:>9.3f}{r:>9.3f}{b3:>10.3f}"
                print(f"{kind + ' ' + scope + ' ' + half:26}{pairs:>8}{cells}")
    print("targets (issue 24): across-article names P >= 0.95, R >= 0.80 (tuned on the even half)")


def _pairwise(found, kind: str, scope: str, key) -> tuple[float, float, float, int]:
    items = [f for f in found if f[2] == kind]
    tp = fp = fn = pairs = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if (a[0] == b[0]) != (scope == "within"):
                continue
            pairs += 1
            same_gold, same_pred = a[1] == b[1], key(a) == key(b)
            tp += same_gold and same_pred
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, _bcubed(items, key), pairs


def _bcubed(items, key) -> float:
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for i, f in enumerate(items):
        by_gold[f[1]].append(i)
        by_pred[key(f)].append(i)
    if not items:
        return 0.0
    p = r = 0.0
    for i, f in enumerate(items):
        g, q = set(by_gold[f[1]]), set(by_pred[key(f)])
        p += len(g & q) / len(q)
        r += len(g & q) / len(g)
    p, r = p / len(items), r / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default="main", help="git ref whose code is the baseline ('' for none)")
    parser.add_argument("--emit", action="store_true", help="print the marked mentions as JSON (for a baseline run)")
    args = parser.parse_args()
    if args.emit:
        print(json.dumps(marked_mentions()))
    else:
        run(args.baseline_ref or None)
