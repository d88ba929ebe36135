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
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Tone, ToneEvidence
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


def _sentence_score(sent, mention_roots, mention_tokens, lexicon: ToneLexicon, quoted) -> int:
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
            score += -word.polarity if _negated(token, lexicon.negators) else word.polarity
    return score


def _rate(scores: dict[tuple[int, int], int]) -> tuple[str, list[tuple[int, int]]]:
    negative = [span for span, s in scores.items() if s < 0]
    positive = [span for span, s in scores.items() if s > 0]
    margin = len(positive) - len(negative)
    if abs(margin) >= max(1.0, MIN_SHARE * len(scores)):
        return ("positive", positive) if margin > 0 else ("negative", negative)
    return "neutral", sorted(negative + positive)


def assess_tone(doc, article, entities, mentions) -> list[Tone]:
    """For each PERSON entity: negative / neutral / positive, with the sentences behind the rating."""
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
