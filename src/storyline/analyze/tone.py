"""Tone toward people: is a person shown favourably, unfavourably or neither, and where.

Target-dependent, from the parse: only the sentences that mention the person are read, and in them
only the words that bear on that person count:
- words in the person's own clause, at most two arcs below its head ("Ruiz *failed*", "X is
  *corrupt*", "faces *charges*"), in a clause attached to the mention ("Ruiz, who was
  *indicted*", "the *embattled* mayor"), or nouns the mention hangs from ("*charges* against Ruiz");
- a directed verb ("accuse", "praise") counts toward its object, never its subject: "Lee accused
  Ruiz" is negative for Ruiz and says nothing about Lee;
- words inside quotation marks are someone's own words, not the outlet's tone, and never count;
- a negator on the word or its head flips it ("not happy").
A person is rated negative (positive) when their unfavourable (favourable) sentences outnumber the
others by at least one sentence and by at least a fifth of all the sentences that mention them;
the evidence is those sentences. Otherwise neutral, with the sentences that carried any tone.

That rule alone is ``assess_tone_rule`` (the benchmark's baseline). ``assess_tone`` rates every
sentence naming a person (``ToneSentence``): where the person does a directed verb to someone
else, or a negator turns the lexicon word bearing on them, the rule's answer stands; otherwise a
linear classifier over ``tone_features`` (one naive-Bayes-scaled logistic regression per class,
folded into per-class weights in ``models/tone_linear.json``, trained on NewsMTSC by
``benchmarks/train_tone.py``) decides, and a lean with a probability (softmax of the class
scores) under ``THRESHOLD`` is "neutral", uncertain. Each rating keeps the words whose weights decided it and its confidence.
A rating whose mention, or all of whose deciding words, sit inside a quotation is the speaker's
(``holder``: "X said of Y"); the person's outlet-level rating is the margin rule above over the
outlet's own sentences only.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Tone, ToneEvidence, ToneSentence
from .loaded import noun_forms, quotation_spans, verb_forms

MAX_DEPTH = 2  # arcs from the clause head: the predicate, its complements and their modifiers
MIN_SHARE = 0.2  # of the sentences mentioning a person, the net share that must lean one way
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_ATTACHED_CLAUSES = frozenset({"relcl", "acl", "appos", "amod"})
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent"})
_VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class ToneWord:
    polarity: int  # +1 favourable, -1 unfavourable
    kind: str  # verb | noun | fixed
    directed: bool  # the polarity lands on the verb's object, not its subject


class ToneLexicon:
    def __init__(self, data: dict):
        self.words: dict[str, list[ToneWord]] = {}
        directed = set(data.get("directed", []))
        for polarity, name in ((1, "positive"), (-1, "negative")):
            for kind, entries in data[name].items():
                for base in entries:
                    forms = verb_forms(base) if kind == "verb" else noun_forms(base) if kind == "noun" else {base}
                    for form in forms:
                        self.words.setdefault(form, []).append(ToneWord(polarity, kind, base in directed))
        self.negators = frozenset(data.get("negators", []))

    def lookup(self, token) -> ToneWord | None:
        """The reading of a token that its part of speech allows (a verb entry needs a verb)."""
        for word in self.words.get(token.lower_, ()):
            if word.kind == "fixed" or (word.kind == "verb" and token.pos_ in _VERBAL_POS) or (
                word.kind == "noun" and token.pos_ in _NOMINAL_POS
            ):
                return word
        return None


@lru_cache(maxsize=1)
def load_tone_lexicon() -> ToneLexicon:
    raw = resources.files("storyline.analyze").joinpath("lexicons/tone_words.json").read_text("utf-8")
    return ToneLexicon(json.loads(raw))


def _clause_head(token):
    while token.pos_ not in _CLAUSE_POS and token.head.i != token.i:
        token = token.head
    return token


def _within(token, anchor, max_depth: int) -> bool:
    """Whether ``token`` hangs under ``anchor`` by at most ``max_depth`` arcs, crossing no other clause.

    A modifier of some other noun ("the *indebted* mayor" under "X will make the indebted mayor come")
    describes that noun, not the clause's subject.
    """
    if token.dep_ in _NOUN_MODIFIERS and token.i != anchor.i and token.head.i != anchor.i:
        return False
    depth = 0
    while token.i != anchor.i:
        if depth >= max_depth or token.head.i == token.i:
            return False
        if depth > 0 and token.pos_ in _CLAUSE_POS:
            return False
        token, depth = token.head, depth + 1
    return True


def _negated(token, negators: frozenset[str]) -> bool:
    if any(child.dep_ == "neg" for child in (*token.children, *token.head.children)):
        return True
    return any(t.lower_ in negators for t in token.doc[max(token.sent.start, token.i - 3):token.i])


def _is_object_of(verb, mention_roots) -> bool:
    """A mention sits under the verb, and not as the one doing it (subject or by-agent)."""
    for root in mention_roots:
        node = root
        while node.i != verb.i and node.head.i != node.i:
            if node.head.i == verb.i and node.dep_ in _SUBJECT_DEPS:
                break
            node = node.head
        if node.i == verb.i and root.i != verb.i:
            return True
    return False


def _acts_on_others(head, mention_roots, lexicon: ToneLexicon) -> bool:
    """The person is the subject of a directed verb: what follows it is about its object, not them."""
    word = lexicon.lookup(head)
    return bool(word and word.directed) and any(
        r.head.i == head.i and r.dep_ in _SUBJECT_DEPS for r in mention_roots
    )


def _sentence_score(sent, mention_roots, mention_tokens, lexicon: ToneLexicon, quoted, flipped=None) -> int:
    """The sum of the polarities of the lexicon words bearing on the person; the negated ones
    (counted reversed) are appended to ``flipped`` where it is given."""
    anchors = {_clause_head(r) for r in mention_roots}
    anchors = {a for a in anchors if not _acts_on_others(a, mention_roots, lexicon)}
    anchors |= {c for r in mention_roots for c in r.children if c.dep_ in _ATTACHED_CLAUSES}
    score = 0
    for token in sent:
        if any(s <= token.idx < e for s, e in quoted):
            continue
        word = lexicon.lookup(token)
        if word is None:
            continue
        if word.directed and token.pos_ in _CLAUSE_POS:
            bears = _is_object_of(token, mention_roots)
        elif token.i in mention_tokens:
            bears = token.pos_ != "PROPN"
        else:
            bears = (
                any(_within(token, anchor, MAX_DEPTH) for anchor in anchors)
                and not any(token.head.i == r.i and token.dep_ in _SUBJECT_DEPS for r in mention_roots)
            ) or any(_within(r, token, MAX_DEPTH) for r in mention_roots if token.pos_ in _NOMINAL_POS)
        if bears:
            negated = _negated(token, lexicon.negators)
            score += -word.polarity if negated else word.polarity
            if negated and flipped is not None:
                flipped.append(token)
    return score


def _rate(scores: dict[tuple[int, int], int]) -> tuple[str, list[tuple[int, int]]]:
    negative = [span for span, s in scores.items() if s < 0]
    positive = [span for span, s in scores.items() if s > 0]
    margin = len(positive) - len(negative)
    if abs(margin) >= max(1.0, MIN_SHARE * len(scores)):
        return ("positive", positive) if margin > 0 else ("negative", negative)
    return "neutral", sorted(negative + positive)


def assess_tone_rule(doc, article, entities, mentions) -> list[Tone]:
    """The hand rule alone (kept as the benchmark's baseline): for each PERSON entity negative /
    neutral / positive, with the sentences behind the rating."""
    if doc is None:
        return []
    lexicon = load_tone_lexicon()
    quoted = quotation_spans(article.text)
    people = {e.id for e in entities if e.label == "PERSON"}
    by_person: dict[str, list] = {}
    for m in mentions:
        if m.entity_id in people:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                by_person.setdefault(m.entity_id, []).append(span)
    tones = []
    for entity in entities:
        spans = by_person.get(entity.id)
        if not spans:
            continue
        scores: dict[tuple[int, int], int] = {}
        for sent in sorted({s.sent for s in spans}, key=lambda s: s.start):
            in_sent = [s for s in spans if s.sent == sent]
            roots = [s.root for s in in_sent]
            tokens = {t.i for s in in_sent for t in s}
            scores[(sent.start_char, sent.end_char)] = _sentence_score(sent, roots, tokens, lexicon, quoted)
        polarity, evidence = _rate(scores)
        tones.append(Tone(entity.id, polarity, [ToneEvidence(s, e) for s, e in evidence]))
    return tones


@lru_cache(maxsize=1)
def load_valence() -> dict[str, float]:
    """VADER's word valences (-4 .. +4, MIT licence, the vaderSentiment package), single words only."""
    try:
        raw = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    found = {}
    for line in raw.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            found[parts[0].lower()] = float(parts[1])
    return found


def target_feature_set(sent, spans, text: str, quoted=None, dense: bool = True):
    """The classifier's features of ``sent`` toward the person mentioned by ``spans`` in it."""
    from .tone_features import features

    lexicon = load_tone_lexicon()
    if quoted is None:
        quoted = quotation_spans(text)
    tokens = [t for s in spans for t in s]
    roots = [s.root for s in spans]
    flipped: list = []
    rule = _sentence_score(sent, roots, {t.i for t in tokens}, lexicon, quoted, flipped)
    fs = features(sent, tokens, quoted, lexicon, rule, dense, load_valence())
    fs.actor = any(_acts_on_others(_clause_head(r), roots, lexicon) for r in roots)
    fs.flipped = bool(rule and flipped)
    return fs


THRESHOLD = 0.4  # a lean with a lower probability is rated neutral (uncertain)
# Where the hand rule's answer stands over the classifier's: "lean" wherever the rule leans;
# "directed" only where the person does a directed verb to someone ("X accused Y": nothing about X)
# or a negator turned the word bearing on them ("not corrupt"), which the classifier misreads;
# "negated" only the latter; "never". NewsMTSC's annotators often read an accuser as unfavourable,
# so "directed" costs about 0.01 macro-F1 there (benchmarks/bench_tone.py prints each); it stays
# because an outlet reporting that X accused Y says nothing of its own about X.
RULE_FIRST = "directed"
RULE_POLICIES = ("lean", "directed", "negated", "never")
EVIDENCE_WORDS = 3  # the top-weighted features' tokens kept as a rating's evidence
_FUNCTION_POS = frozenset({"PUNCT", "SPACE", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "NUM", "SYM"})
MODEL_FILE = "models/tone_linear.json"


class LinearToneModel:
    """A linear classifier over ``tone_features`` (per-class weights), read from the shipped weights
    (trained by ``benchmarks/train_tone.py`` on NewsMTSC; no scikit-learn needed to run it)."""

    def __init__(self, data: dict):
        self.classes: list[str] = data["classes"]
        self.intercept: list[float] = data["intercept"]
        self.weights: dict[str, list[float]] = data["weights"]
        dense = data.get("dense") or []
        if dense:
            import numpy as np

            self.dense = np.asarray(dense, dtype=np.float32)  # (classes, width) over tok2vec rows
        else:
            self.dense = None

    def rate(self, fs) -> tuple[list[float], list[tuple[str, float, list[float]]]]:
        """(class probabilities, the features used with their values and weights)."""
        n = len(self.classes)
        scores = list(self.intercept)
        used = []
        for name, value in fs.values.items():
            w = self.weights.get(name)
            if w is not None:
                used.append((name, value, w))
                for k in range(n):
                    scores[k] += w[k] * value
        if self.dense is not None and fs.dense is not None and fs.dense.shape[0] == self.dense.shape[1]:
            for k, v in enumerate((self.dense @ fs.dense).tolist()):
                scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp], used

    def pull(self, used, answer: str) -> list[tuple[float, str]]:
        """[(how far a feature moved the score toward ``answer`` past the next class, feature)]."""
        k = self.classes.index(answer)
        others = [j for j in range(len(self.classes)) if j != k]
        return sorted(((v * (w[k] - max(w[j] for j in others)), name) for name, v, w in used), reverse=True)


@lru_cache(maxsize=1)
def load_tone_model() -> LinearToneModel:
    raw = resources.files("storyline.analyze").joinpath(MODEL_FILE).read_text("utf-8")
    return LinearToneModel(json.loads(raw))


def _evidence_words(fs, pull, doc, limit: int = EVIDENCE_WORDS) -> list[tuple[int, int]]:
    """Character spans of the tokens behind the features that pulled hardest toward the answer."""
    found: list[int] = []
    for weight, name in pull:
        if weight <= 0 or len(found) >= limit:
            break
        for i in sorted(fs.tokens.get(name, ())):
            t = doc[i]
            if t.pos_ in _FUNCTION_POS and t.dep_ != "neg":
                continue
            if i not in found and len(found) < limit:
                found.append(i)
    return sorted((doc[i].idx, doc[i].idx + len(doc[i])) for i in found)


def _quote_of(quotes, start: int, end: int):
    for q in quotes:
        if q.kind != "indirect" and q.start <= start and end <= q.end:
            return q
    return None


@dataclass(frozen=True)
class _Quoted:
    start: int
    end: int
    kind: str = "direct"
    speaker: str | None = None
    speaker_entity_id: str | None = None


def _rule_stands(fs, policy: str) -> bool:
    """Whether the hand rule's answer replaces the classifier's (``RULE_FIRST``)."""
    if policy == "never":
        return False
    if fs.actor and policy != "negated":  # the person does a directed verb to someone ("X accused Y")
        return True
    return bool(fs.rule) and (policy == "lean" or fs.flipped)


def rate_sentence(sent, spans, text: str, quoted, quotes=None, model=None, threshold: float | None = None,
                  rule_first: str | None = None) -> ToneSentence:
    """The tone of ``sent`` toward the person mentioned by ``spans`` (spaCy spans inside it).

    Where the person does a directed verb to someone, or a negated lexicon word bears on them
    ("not corrupt"), the hand rule's answer stands (``RULE_FIRST``), else the classifier's;
    a classifier lean below ``threshold`` is "neutral", uncertain.
    """
    model = model or load_tone_model()
    threshold = THRESHOLD if threshold is None else threshold
    rule_first = RULE_FIRST if rule_first is None else rule_first
    fs = target_feature_set(sent, spans, text, quoted, dense=model.dense is not None)
    probs, used = model.rate(fs)
    if _rule_stands(fs, rule_first):
        answer = "negative" if fs.rule < 0 else "positive" if fs.rule > 0 else "neutral"
        confidence, uncertain = probs[model.classes.index(answer)], False
    else:
        best = max(range(len(probs)), key=lambda k: probs[k])
        answer, confidence = model.classes[best], probs[best]
        uncertain = answer != "neutral" and confidence < threshold
    evidence = _evidence_words(fs, model.pull(used, answer), sent.doc)
    first = spans[0]
    if quotes is None:  # no quotation records: quotation marks, speaker unknown
        quotes = [_Quoted(s, e) for s, e in quoted]
    holder = _quote_of(quotes, first.start_char, first.end_char)
    if holder is None and evidence:
        held = [_quote_of(quotes, s, e) for s, e in evidence]
        if all(q is not None for q in held):  # every deciding word is inside someone's quotation
            holder = held[0]
    return ToneSentence(
        sent.start_char, sent.end_char, first.start_char, first.end_char,
        "neutral" if uncertain else answer, round(confidence, 3), uncertain,
        [ToneEvidence(s, e) for s, e in evidence],
        (holder.speaker or "unattributed") if holder is not None else None,
        holder.speaker_entity_id if holder is not None else None,
    )


def assess_tone(doc, article, entities, mentions, quotes=None) -> list[Tone]:
    """For each PERSON entity: each sentence naming them rated by the trained classifier, and the
    outlet's tone from its own sentences (the margin rule over them), quoted speakers' apart."""
    if doc is None:
        return []
    quoted = quotation_spans(article.text)
    model = load_tone_model()
    people = {e.id for e in entities if e.label == "PERSON"}
    by_person: dict[str, list] = {}
    for m in mentions:
        if m.entity_id in people:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                by_person.setdefault(m.entity_id, []).append(span)
    tones = []
    for entity in entities:
        spans = by_person.get(entity.id)
        if not spans:
            continue
        rated = []
        for sent in sorted({s.sent for s in spans}, key=lambda s: s.start):
            in_sent = sorted((s for s in spans if s.sent == sent), key=lambda s: s.start)
            rated.append(rate_sentence(sent, in_sent, article.text, quoted, quotes, model))
        own = [r for r in rated if r.holder is None]
        sign = {"negative": -1, "neutral": 0, "positive": 1}
        polarity, evidence = _rate({(r.start, r.end): sign[r.polarity] for r in own})
        behind = [r for r in own if (r.start, r.end) in set(evidence)] or own
        confidence = round(sum(r.confidence for r in behind) / len(behind), 3) if behind else None
        uncertain = polarity == "neutral" and any(r.uncertain for r in own)
        tones.append(Tone(entity.id, polarity, [ToneEvidence(s, e) for s, e in evidence], rated, confidence, uncertain))
    return tones
