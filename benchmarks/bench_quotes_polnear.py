"""Direct-quote detection and speaker attribution on the PolNeAR dev split (../shared/data/polnear-dev).

Gold: the attributions of the first ``.ann`` (by name) per article whose Content holds quotation
marks (double marks, or two apostrophes as one outlet's archive text writes them). A gold quote is found when one predicted quote (direct, partial, or indirect speech that
holds quotation marks) covers at least 30% of
its content; a prediction is right when most of it lies inside some gold content. The speaker is
right when the predicted speaker words overlap the gold Source span or name the same person.
Printed beside the code of ``--baseline-ref`` and a naive baseline from the same run: every
quotation-mark span taken as a quote, spoken by the nearest person mentioned before it.

Reported speech without quotation marks is scored apart: the attributions whose Content has no
quotation marks (not even '') and whose Cue is a form of say or tell or "according", split by
whether the content comes before the cue ("Three people were hurt, police said") or after it.
Recall (a predicted quote of any kind covers 30% of the content) and speaker as above, beside a
baseline: each sentence holding such a cue word taken whole, spoken by the last person named in it
(its recall is near 1 by construction, at no precision; its speaker column is the comparison).

Every attribution, quoted or not, is scored too: each gold attribution of the first ``.ann`` gets a
kind from its text (direct: its content lies within quotation marks; partial: part of it does;
according-to: its cue holds "according"; belief: its cue is a verb of thinking, fearing, hoping,
wanting or planning; indirect: the rest). Recall per gold kind (one prediction of any kind covers
30% of the content) and precision per predicted kind (most of the prediction lies inside some gold
content), on the articles of even and of odd position by name (``--half`` picks one), beside
the code of another git revision (``--baseline-ref``, default ``main``) run in the same call: its
``src/storyline`` is exported to a temporary folder and run there in a subprocess on the same
articles, so the baseline column is that revision's finder, not a switch in this one.

    python benchmarks/bench_quotes_polnear.py [--limit N] [--half even|odd] [--baseline-ref REV]
        [--misses|--attr-misses KIND]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "polnear-dev"
_MARKS = re.compile("[\"“”]|''")  # '' is a double mark in archive text: ''We will,'' she said
_ANY_MARKS = re.compile("[\"“”‘’]|''")
_REPORT_CUE = re.compile(r"\b(?:said|says|say|saying|told|tells|tell|according)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][A-Za-z’'-]{2,}")
_NOT_NAMES = {"The", "According", "Mr", "Mrs", "Ms", "Sen", "Rep", "Gov", "President", "Secretary"}


@dataclass
class GoldQuote:
    pieces: list[tuple[int, int]]
    sources: list[tuple[int, int]]
    source_text: str

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.pieces)

    def overlap(self, start: int, end: int) -> int:
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.pieces)


def _spans(field: str) -> list[tuple[int, int]]:
    return [tuple(map(int, part.split())) for part in field.split(";")]


def read_ann(ann: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    """A brat standoff file: its text-bound spans by id, and its attribution events."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    links = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, where = parts[1].split(" ", 1)
            spans[parts[0]] = (label, _spans(where))
        elif parts[0].startswith("E") and len(parts) >= 2:
            links.append(dict(item.split(":", 1) for item in parts[1].split()))
    return spans, links


def read_gold(ann: Path, text: str) -> list[GoldQuote]:
    spans, links = read_ann(ann)
    gold = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None or not any(_MARKS.search(text[s:e]) for s, e in content[1]):
            continue
        source = spans.get(link.get("Source", ""), ("Source", []))[1]
        gold.append(GoldQuote(content[1], source, " ".join(text[s:e] for s, e in source)))
    return gold


def read_gold_reports(ann: Path, text: str) -> list[tuple[GoldQuote, bool]]:
    """Unquoted reported speech cued by say/tell/according, each with whether its content comes first."""
    spans, links = read_ann(ann)
    gold = []
    for link in links:
        content, cue = spans.get(link.get("Content", "")), spans.get(link.get("Cue", ""))
        if content is None or cue is None or any(_ANY_MARKS.search(text[s:e]) for s, e in content[1]):
            continue
        if not _REPORT_CUE.search(" ".join(text[s:e] for s, e in cue[1])):
            continue
        source = spans.get(link.get("Source", ""), ("Source", []))[1]
        quote = GoldQuote(content[1], source, " ".join(text[s:e] for s, e in source))
        gold.append((quote, content[1][0][0] < cue[1][0][0]))
    return gold


_BELIEF_CUE = re.compile(
    r"\b(?:believ|think|thought|fear|hope|hoping|expect|worr|feel|felt|want|plan|know|knew|doubt|suspect|"
    r"intend|assum|consider|wish|view|understand|understood|see|saw|seem|trust|convinced|afraid|sure|"
    r"confident|optimistic|pessimistic|skeptical|concerned)", re.IGNORECASE)
ATTRIBUTION_KINDS = ("direct", "partial", "indirect", "according-to", "belief")


@dataclass
class GoldAttribution(GoldQuote):
    kind: str = "indirect"
    cue: str = ""


def gold_kind(text: str, quoted, pieces: list[tuple[int, int]], cue: str) -> str:
    """A gold attribution's kind, from its content's quotation marks and its cue's words."""
    chars = [i for s, e in pieces for i in range(*_strip(text, s, e)) if not text[i].isspace()]
    inside = sum(1 for i in chars if quoted[i])
    if chars and inside >= 0.9 * len(chars):
        return "direct"
    if inside >= 3:
        return "partial"
    if "according" in cue.lower():
        return "according-to"
    if _BELIEF_CUE.search(cue):
        return "belief"
    return "indirect"


def read_gold_all(ann: Path, text: str) -> list[GoldAttribution]:
    """Every attribution with a content span, quoted or not, typed by ``gold_kind``."""
    from storyline.analyze.quotemarks import find_marked_spans, quoted_mask

    quoted = quoted_mask(find_marked_spans(text), len(text))
    spans, links = read_ann(ann)
    gold = []
    for link in links:
        content = spans.get(link.get("Content", ""))
        if content is None:
            continue
        cue = " ".join(text[s:e] for s, e in spans.get(link.get("Cue", ""), ("Cue", []))[1])
        source = spans.get(link.get("Source", ""), ("Source", []))[1]
        gold.append(GoldAttribution(content[1], source, " ".join(text[s:e] for s, e in source),
                                    gold_kind(text, quoted, content[1], cue), cue))
    return gold


def score_all(predictions, gold_by_article) -> dict[str, dict[str, float]]:
    """Recall per gold kind and precision per predicted kind, every attribution counted.

    predictions: per article a list of (start, end, speaker, speaker_start, speaker_end, kind)."""
    out = {k: {"gold": 0, "found": 0, "pred": 0, "right": 0, "spk": 0, "spk_right": 0}
           for k in ATTRIBUTION_KINDS + ("all",)}
    for preds, (text, gold) in zip(predictions, gold_by_article):
        for p in preds:
            inside = max((g.overlap(p[0], p[1]) for g in gold), default=0)
            ok = inside >= 0.5 * max(1, p[1] - p[0])
            for k in (p[5], "all"):
                out.setdefault(k, {"gold": 0, "found": 0, "pred": 0, "right": 0, "spk": 0, "spk_right": 0})
                out[k]["pred"] += 1
                out[k]["right"] += ok
        for g in gold:
            best = max(preds, key=lambda p: g.overlap(p[0], p[1]), default=None)
            hit = best is not None and g.overlap(best[0], best[1]) >= 0.3 * g.length
            spk = hit and bool(g.sources)
            spk_ok = spk and ((best[3] is not None and any(best[3] < e and s < best[4] for s, e in g.sources))
                              or _same_person(best[2], g.source_text))
            named = spk and bool({w for w in _NAME_WORD.findall(g.source_text) if w not in _NOT_NAMES})
            for k in (g.kind, "all"):
                out[k]["gold"] += 1
                out[k]["found"] += hit
                out[k]["spk"] += spk
                out[k]["spk_right"] += spk_ok
            out["all"]["named"] = out["all"].get("named", 0) + named
            out["all"]["named_right"] = out["all"].get("named_right", 0) + (named and spk_ok)
    for row in out.values():
        row["R"] = row["found"] / row["gold"] if row["gold"] else float("nan")
        row["P"] = row["right"] / row["pred"] if row["pred"] else float("nan")
        row["speaker"] = row["spk_right"] / row["spk"] if row["spk"] else float("nan")
    named = out["all"].get("named", 0)
    out["all"]["named_speaker"] = out["all"].get("named_right", 0) / named if named else float("nan")
    return out


def print_all(halves: dict[str, tuple[list, list, list]], base_label: str) -> None:
    """halves: label -> (gold per article, baseline predictions, storyline predictions)."""
    print(f"\nevery attribution (recall per gold kind, precision per predicted kind; base = {base_label})")
    for label, (gold, base, ours) in halves.items():
        b, o = score_all(base, gold), score_all(ours, gold)
        print(f"{label}: {len(gold)} articles")
        print(f"{'':16}{'gold':>6}{'R base':>8}{'R':>7}{'pred base':>11}{'P base':>8}{'pred':>6}{'P':>7}"
              f"{'spk base':>10}{'spk':>7}")
        for k in ATTRIBUTION_KINDS + ("all",):
            print(f"{k:16}{o[k]['gold']:6d}{b[k]['R']:8.3f}{o[k]['R']:7.3f}{b.get(k, o[k])['pred'] if k in b else 0:11d}"
                  f"{b[k]['P'] if k in b else float('nan'):8.3f}{o[k]['pred']:6d}{o[k]['P']:7.3f}"
                  f"{b[k]['speaker']:10.3f}{o[k]['speaker']:7.3f}")
        print(f"{'named source':16}{'':46}{b['all']['named_speaker']:10.3f}{o['all']['named_speaker']:7.3f}"
              "  (speaker right where the gold source names someone)")
    print("targets: all R >= 0.75 at P >= 0.90; named-speaker accuracy >= 0.92")


def load() -> list[tuple[str, str, list[GoldQuote]]]:
    articles = []
    for txt in sorted((DATA / "text").glob("*.txt")):
        anns = sorted((DATA / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        articles.append((txt.stem, text, read_gold(anns[0], text)))
    return articles


def _same_person(name: str | None, source_text: str) -> bool:
    if not name or not source_text:
        return False
    words = {w for w in _NAME_WORD.findall(name) if w not in _NOT_NAMES}
    return bool(words & set(_NAME_WORD.findall(source_text)))


def score(predictions, gold_by_article) -> dict[str, float]:
    """predictions: per article a list of (start, end, speaker_name, speaker_start, speaker_end)."""
    n_pred = right_pred = n_gold = found = exact = spk_total = spk_right = 0
    for preds, (text, gold) in zip(predictions, gold_by_article):
        n_gold += len(gold)
        n_pred += len(preds)
        for p in preds:
            inside = max((g.overlap(p[0], p[1]) for g in gold), default=0)
            right_pred += inside >= 0.5 * max(1, p[1] - p[0])
        for g in gold:
            best = max(preds, key=lambda p: g.overlap(p[0], p[1]), default=None)
            if best is None or g.overlap(best[0], best[1]) < 0.3 * g.length:
                continue
            found += 1
            if any(_strip(text, s, e) == (best[0], best[1]) for s, e in g.pieces):
                exact += 1
            if not g.sources:
                continue
            spk_total += 1
            overlaps = best[3] is not None and any(
                best[3] < e and s < best[4] for s, e in g.sources)
            spk_right += overlaps or _same_person(best[2], g.source_text)
    precision = right_pred / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "exact_recall": exact / n_gold,
            "speaker": spk_right / spk_total if spk_total else 0.0, "gold": n_gold, "pred": n_pred}


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold content span without its quotation marks, surrounding spaces and trailing comma."""
    while start < end and (text[start] in "\"“”" or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in "\"“”" or text[end - 1].isspace()):
        end -= 1
    return start, end


def baseline(text: str, analysis) -> list[tuple]:
    from storyline.analyze.quotemarks import find_marked_spans

    people = [m for m in analysis.mentions if m.label == "PERSON"]
    preds = []
    for span in find_marked_spans(text):
        before = [m for m in people if m.end <= span.open_at]
        m = before[-1] if before else None
        preds.append((span.start, span.end, m.text if m else None, m.start if m else None,
                      m.end if m else None))
    return preds


def sentence_baseline(text: str, analysis) -> list[tuple]:
    """Each sentence holding a say/tell/according word, spoken by the last person named in it."""
    people = [m for m in analysis.mentions if m.label == "PERSON"]
    preds = []
    for sent in analysis.sentences:
        if not _REPORT_CUE.search(text[sent.start:sent.end]):
            continue
        inside = [m for m in people if sent.start <= m.start and m.end <= sent.end]
        m = inside[-1] if inside else None
        preds.append((sent.start, sent.end, m.text if m else None, m.start if m else None, m.end if m else None))
    return preds


_RUN_REVISION = """
import json, sys
from pathlib import Path
from storyline.analyze import analyze_doc, load_nlp
from storyline.model import Article
names, data = json.loads(sys.argv[1]), Path(sys.argv[2])
articles = [Article(id=n, source=n, text=(data / "text" / (n + ".txt")).read_text(encoding="utf-8")) for n in names]
out = {}
for doc, article in load_nlp().pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32):
    out[article.id] = [(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end, q.kind, q.text)
                       for q in analyze_doc(article, doc).quotes]
json.dump(out, sys.stdout)
"""


def revision_quotes(ref: str, names: list[str]) -> dict[str, list[tuple]] | None:
    """Every quote and attribution the code of git revision ``ref`` finds in the named articles
    (its ``src/storyline`` exported to a temporary folder, run in a subprocess); None where git or
    the revision is not at hand."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src/storyline"],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            run = subprocess.run([sys.executable, "-c", _RUN_REVISION, json.dumps(names), str(DATA)],
                                 capture_output=True, text=True, check=True,
                                 env={**os.environ, "PYTHONPATH": str(Path(tmp) / "src")})
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"baseline {ref!r} not run: {error}", file=sys.stderr)
            return None
    return {name: [tuple(q) for q in quotes] for name, quotes in json.loads(run.stdout).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--misses", action="store_true", help="print missed and wrong quotes")
    parser.add_argument("--half", choices=("even", "odd"), default=None,
                        help="only the articles of even (or odd) position by name")
    parser.add_argument("--baseline-ref", default="main",
                        help="the git revision whose code is the baseline column (default: main)")
    parser.add_argument("--attr-misses", metavar="KIND", default=None,
                        help="print missed attributions of a gold kind and wrong predictions of that kind (or 'all')")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (../shared is only beside a developer checkout)")
        return 0
    from storyline.analyze import analyze_doc, load_nlp
    from storyline.model import Article

    data = load()
    positions = list(range(len(data)))
    if args.half:
        positions = [i for i in positions if i % 2 == (args.half == "odd")]
    positions = positions[: args.limit]
    data = [data[i] for i in positions]
    articles = [Article(id=name, source=name, text=text) for name, text, _ in data]
    nlp = load_nlp()
    t0 = time.perf_counter()
    analyses = []
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=32):
        analyses.append(analyze_doc(article, doc))
    elapsed = time.perf_counter() - t0
    by_revision = revision_quotes(args.baseline_ref, [name for name, _, _ in data]) or {}
    base_quotes = [by_revision.get(name, []) for name, _, _ in data]
    base_label = f"{args.baseline_ref} (same run)" if by_revision else "no baseline (git revision not at hand)"
    halves = {"even": ([], [], []), "odd": ([], [], [])}
    for position, (name, text, _), analysis, base in zip(positions, data, analyses, base_quotes):
        gold_all = read_gold_all(sorted((DATA / "attributions").glob(name + "_*.ann"))[0], text)
        half = halves["odd" if position % 2 else "even"]
        half[0].append((text, gold_all))
        half[1].append([q[:6] for q in base])
        half[2].append([(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end, q.kind)
                        for q in analysis.quotes])
        if args.attr_misses:
            _print_attr_misses(name, text, gold_all, analysis.quotes, args.attr_misses)
    ours, naive, off = [], [], []
    reports = {True: [[], [], [], []], False: [[], [], [], []]}  # content first? -> gold, ours, revision, sentences
    for (name, text, gold), analysis, base in zip(data, analyses, base_quotes):
        found = [(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end) for q in analysis.quotes]
        by_order = read_gold_reports(sorted((DATA / "attributions").glob(name + "_*.ann"))[0], text)
        for first in (True, False):
            reports[first][0].append((text, [g for g, f in by_order if f == first]))
            reports[first][1].append(found)
            reports[first][2].append([q[:5] for q in base])
            reports[first][3].append(sentence_baseline(text, analysis))
        quotes = [q for q in analysis.quotes if q.kind in ("direct", "partial") or _MARKS.search(q.text)]
        ours.append([(q.start, q.end, q.speaker, q.speaker_start, q.speaker_end) for q in quotes])
        off.append([q[:5] for q in base if q[5] in ("direct", "partial") or _MARKS.search(q[6])])
        naive.append(baseline(text, analysis))
        if args.misses:
            _print_misses(name, text, gold, quotes)
    gold_by_article = [(text, gold) for _, text, gold in data]
    print(f"PolNeAR dev: {len(data)} articles, {sum(len(g) for *_, g in data)} gold direct quotes, "
          f"analysed in {elapsed:.1f}s")
    print(f"{'':28}{'P':>7}{'R':>7}{'F1':>7}{'exact R':>9}{'speaker':>9}")
    for label, preds in (("storyline", ours), (base_label[:28], off),
                         ("baseline (all marks)", naive)):
        s = score(preds, gold_by_article)
        print(f"{label:28}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}"
              f"{s['exact_recall']:9.3f}{s['speaker']:9.3f}")
    print(f"{'published anchors':28}{'':14}{0.84:7.3f}{'':9}{0.87:9.3f}")
    print("targets: F1 >= 0.92, speaker >= 0.90")
    print("\nreported speech without quotation marks (cue: say, tell, according)")
    print(f"{'':44}{'gold':>7}{'R':>7}{'speaker':>9}")
    for first, label in ((True, "content first"), (False, "content after the cue")):
        gold_by_article, found, revision_found, naive_found = reports[first]
        for who, preds in (("storyline", found), (args.baseline_ref, revision_found),
                           ("baseline (sentences)", naive_found)):
            s = score(preds, gold_by_article)
            print(f"{label + ', ' + who:44}{s['gold']:7d}{s['recall']:7.3f}{s['speaker']:9.3f}")
    print_all({k: v for k, v in halves.items() if v[0]}, base_label)
    return 0


def _print_attr_misses(name: str, text: str, gold: list[GoldAttribution], quotes, kind: str) -> None:
    for g in gold:
        if kind not in ("all", g.kind):
            continue
        best = max(quotes, key=lambda q: g.overlap(q.start, q.end), default=None)
        s, e = g.pieces[0]
        if best is None or g.overlap(best.start, best.end) < 0.3 * g.length:
            print(f"MISS {g.kind} {name[:30]}: [{g.source_text}] <{g.cue}> {text[s:e][:100]!r}")
    for q in quotes:
        if kind in ("all", q.kind) and not any(g.overlap(q.start, q.end) >= 0.5 * (q.end - q.start) for g in gold):
            print(f"EXTRA {q.kind} {name[:30]}: [{q.speaker}] <{q.cue}> {q.text[:100]!r}")


def _print_misses(name: str, text: str, gold: list[GoldQuote], quotes) -> None:
    for g in gold:
        best = max(quotes, key=lambda q: g.overlap(q.start, q.end), default=None)
        s, e = g.pieces[0]
        if best is None or g.overlap(best.start, best.end) < 0.3 * g.length:
            print(f"MISS {name}: {text[s:e][:90]!r}")
        elif g.sources and not (best.speaker_start is not None and any(
                best.speaker_start < b and a < best.speaker_end for a, b in g.sources)) \
                and not _same_person(best.speaker, g.source_text):
            print(f"SPEAKER {name}: {text[s:e][:60]!r} gold={g.source_text!r} "
                  f"ours={best.speaker!r} [{text[best.speaker_start or 0:best.speaker_end or 0]!r}]")
    for q in quotes:
        if not any(g.overlap(q.start, q.end) >= 0.5 * (q.end - q.start) for g in gold):
            print(f"EXTRA {name}: {q.kind} {q.text[:80]!r}")


if __name__ == "__main__":
    sys.exit(main())
