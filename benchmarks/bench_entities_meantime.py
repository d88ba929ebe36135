"""Who is who across articles, against MEANTIME's hand-made entity chains (120 Wikinews articles).

    python benchmarks/bench_entities_meantime.py

Each gold entity mention storyline also marks (a storyline mention whose span lies inside the gold
one, or the gold one inside it) takes storyline's corpus entity. Over pairs of such mentions, within
one article and across two, it prints pairwise precision / recall of "same entity" against the gold
chains, and B-cubed over the mentions, for storyline beside a baseline from the same run: merging
mentions whose words are the same (case and "the" aside). Gold names (a capitalised mention not
opening on an article or a determiner) and descriptions ("the company") are counted apart;
pronouns are left out.
"""

from __future__ import annotations

import json
import os
import re
import sys
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


def run() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} is absent")
        return
    import bench_story_layer as sl
    from dateparser import parse

    from storyline.link import StoryLinker
    from storyline.model import RawDocument

    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
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
    # every gold mention storyline also marks, with its corpus entity
    found = []  # (doc, gold chain, kind, storyline entity, exact key)
    gold_total = defaultdict(int)
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
            gold_total[kind] += 1
            span = g["end"] - g["start"]
            hits = [(min(b, g["end"]) - max(a, g["start"]), b, e) for a, b, e in ours
                    if (g["start"] <= a and b <= g["end"]) or (a <= g["start"] and g["end"] <= b)]
            # a mention of the same thing: it ends the gold one (its head: "Airbus parent EADS") or covers most of it
            before = {h: d["text"][g["start"]:max(g["start"], h[1] - h[0])] for h in hits}
            hits = [h for h in hits if (h[1] >= g["end"] - 2 and not re.search(r"\b(?:of|for|at|in|from)\b", before[h]))
                    or h[0] >= 0.6 * span]
            if hits:
                found.append((d["doc"], chain_of(g["chain"]), kind, max(hits)[2], exact_key(g["text"])))
    print(f"MEANTIME: {len(docs)} articles; gold names {gold_total['name']}, descriptions "
          f"{gold_total['description']}; marked by storyline: "
          f"{sum(1 for f in found if f[2] == 'name')} names, {sum(1 for f in found if f[2] == 'description')} descriptions")
    print(f"{'':34}{'storyline':>28}{'exact-string baseline':>28}")
    print(f"{'mentions':22}{'pairs':>12}{'P':>9}{'R':>9}{'B3 F1':>10}{'P':>9}{'R':>9}{'B3 F1':>10}")
    for kind in ("name", "description"):
        for scope in ("within", "across"):
            ours = _pairwise(found, kind, scope, lambda f: f[3])
            base = _pairwise(found, kind, scope, lambda f: f[4])
            print(f"{kind + ' ' + scope:22}{ours[3]:>12}{ours[0]:>9.3f}{ours[1]:>9.3f}{ours[2]:>10.3f}"
                  f"{base[0]:>9.3f}{base[1]:>9.3f}{base[2]:>10.3f}")
    print("targets (issue 24): across-article names P >= 0.95, R >= 0.80")


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
    run()
