"""Features of one sentence as seen from one person in it, for the trained tone classifier.

Read from the spaCy parse relative to the mention (its tokens masked out of everything):
- ``up<k>:<dep>:<lemma>``: the words governing the mention, along the path to the sentence's root,
  with the arc each step leaves by ("nsubj" of "win", "pobj" of "against" of "charges"), so the
  mention being the agent or the patient of a verb is a feature of its own (``role:``);
- ``mod:`` words modifying the mention ("the *embattled* mayor"), ``rel:`` words of a clause
  attached to it ("X, who was *indicted*"), ``sib:`` the rest of the mention's clause;
- ``neg``: a negator on the mention's clause head, joined with that head;
- ``L<d>:``/``R<d>:`` the words either side within a window, with their distance;
- ``lex``: the tone lexicon's words in the sentence, and in the mention's own clause, and the
  hand rule's score of the sentence for this person (``rule:``);
- ``b:`` the sentence's words as a bag, ``q:`` for the words inside quotation marks (someone's own
  words, not the outlet's), and ``in_quote`` when the mention itself is quoted;
- ``lm:`` its lemmas, and ``lb:``/``rb:`` the lemmas before and after the mention;
- ``others:`` how many other people the sentence names;
- ``nv:`` the valences of the mention's clause with negation applied, joined with its role.

``features`` returns ``{feature: value}`` and ``{feature: token indices}``, the tokens each feature
was read from, so a rating can point at the words that decided it.
"""

from __future__ import annotations

from collections.abc import Iterable

from .nlp import lemma_of

WINDOW = 4  # tokens either side of the mention
UP_STEPS = 4  # arcs followed toward the sentence's root
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_ATTACHED = frozenset({"relcl", "acl", "appos"})
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "compound"})
_SKIP_POS = frozenset({"PUNCT", "SPACE", "DET"})
_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX", "PROPN", "INTJ"})


DENSE = 3  # tok2vec vectors: the mention's, its governing word's, the sentence's (mean of rows)


class FeatureSet:
    __slots__ = ("values", "tokens", "dense", "rule", "actor", "flipped")

    def __init__(self):
        self.values: dict[str, float] = {}
        self.tokens: dict[str, set[int]] = {}
        self.dense = None  # numpy vector of DENSE x width, or None where the doc has no tensor
        self.rule = 0  # the hand rule's score of the sentence for this person
        self.actor = False  # the person is the subject of a directed verb ("X accused Y")
        self.flipped = False  # a negator turned a lexicon word bearing on the person ("not corrupt")

    def add(self, name: str, token=None, value: float = 1.0) -> None:
        self.values[name] = self.values.get(name, 0.0) + value
        if token is not None:
            self.tokens.setdefault(name, set()).add(token.i)


def _inside(spans, idx: int) -> bool:
    return any(s <= idx < e for s, e in spans)


_LEMMAS: dict[tuple[int, int, int], str] = {}


def _lemma(t) -> str:
    """``lemma_of`` by (form, part of speech, morphology), remembered: all the rule lemmatizer
    reads, so the answer does not depend on which token was seen first."""
    key = (t.orth, t.pos, t.morph.key)  # the rule lemmatizer's own cache key
    found = _LEMMAS.get(key)
    if found is None:
        found = lemma_of(t)
        if len(_LEMMAS) < 200_000:
            _LEMMAS[key] = found
    return found


def dense_vector(sent, mention, head):
    """The doc's tok2vec rows (its contextual word vectors) for the mention, the word it hangs from
    and the sentence, side by side; None where the doc carries no tensor."""
    import numpy as np

    tensor = sent.doc.tensor
    if tensor is None or len(tensor.shape) != 2 or tensor.shape[0] != len(sent.doc) or not tensor.shape[1]:
        return None
    rows = [t.i for t in mention]
    return np.concatenate([
        tensor[rows].mean(axis=0), tensor[head.i], tensor[sent.start:sent.end].mean(axis=0),
    ]).astype(np.float32)


def _clause_head(token):
    while token.pos_ not in _CLAUSE_POS and token.head.i != token.i:
        token = token.head
    return token


def features(sent, mention_tokens: Iterable, quoted=(), lexicon=None, rule_score: int | None = None,
             dense: bool = True, valence: dict[str, float] | None = None) -> FeatureSet:
    """The features of ``sent`` (a spaCy Span) toward the mention made of ``mention_tokens``.

    ``quoted`` is a list of (start, end) character spans inside quotation marks; ``lexicon`` a
    ``ToneLexicon`` (words looked up by their lower-cased form and part of speech).
    """
    fs = FeatureSet()
    mention = sorted(mention_tokens, key=lambda t: t.i)
    if not mention:
        return fs
    masked = {t.i for t in mention}
    doc = sent.doc
    first, last = mention[0].i, mention[-1].i
    roots = [t for t in mention if t.head.i not in masked or t.head.i == t.i]
    lemma = _lemma
    sent_quoted = [q for q in quoted if q[0] < sent.end_char and sent.start_char < q[1]]
    if dense:
        fs.dense = dense_vector(sent, mention, roots[0].head)

    valence = valence or {}

    def val(t) -> float:
        v = valence.get(t.lower_)
        if v is None and t.pos_ in _CONTENT_POS:
            v = valence.get(lemma(t))
        return v or 0.0

    role = roots[0].dep_ if roots[0].dep_ in _ROLES else "other"

    def add_val(prefix: str, t, with_role: bool = False) -> None:
        v = val(t)
        if v:
            sign = "pos" if v > 0 else "neg"
            fs.add(f"{prefix}:{sign}", t, abs(v) / 4)
            if with_role:
                fs.add(f"{prefix}:{sign}:{role}", t, abs(v) / 4)

    def lex(t) -> int:
        if lexicon is None:
            return 0
        word = lexicon.lookup(t)
        return word.polarity if word else 0

    fs.add("bias")
    if all(t.pos_ == "PRON" for t in mention):
        fs.add("m_pron")
    if _inside(sent_quoted, mention[0].idx):
        fs.add("in_quote")
    if rule_score is not None:
        fs.rule = rule_score
        fs.add("rule:" + ("neg" if rule_score < 0 else "pos" if rule_score > 0 else "0"))

    # the path up from the mention
    for root in roots[:2]:
        fs.add(f"role:{root.dep_}")
        node, seen = root, set()
        for k in range(UP_STEPS):
            head = node.head
            if head.i == node.i or head.i in seen:
                break
            seen.add(head.i)
            if head.i in masked:
                node = head
                continue
            h = lemma(head)
            fs.add(f"up{min(k, 2)}:{node.dep_}:{h}", head)
            fs.add(f"up:{h}", head)
            add_val(f"vup{min(k, 1)}", head, True)
            pol = lex(head)
            if pol:
                fs.add(f"lexup{min(k, 1)}:{pol}", head)
                fs.add(f"lexup:{node.dep_}:{pol}", head)
            node = head
        # modifiers of the mention and clauses attached to it
        for child in root.children:
            if child.i in masked or child.pos_ in _SKIP_POS:
                continue
            if child.dep_ in _ATTACHED:
                for t in child.subtree:
                    if t.i not in masked and t.pos_ in _CONTENT_POS:
                        fs.add(f"rel:{lemma(t)}", t)
                        add_val("vrel", t)
                        pol = lex(t)
                        if pol:
                            fs.add(f"lexrel:{pol}", t)
            else:
                fs.add(f"mod:{child.dep_}:{lemma(child)}", child)
                add_val("vmod", child)
                pol = lex(child)
                if pol:
                    fs.add(f"lexmod:{pol}", child)
        # the rest of the mention's clause: what is said of the subject, or done to the object
        head = _clause_head(root)
        if head.i not in masked:
            if any(c.dep_ == "neg" for c in head.children):
                fs.add("neg")
                fs.add(f"neg:{lemma(head)}", head)
            for child in head.children:
                if child.i in masked or child.dep_ in ("punct", "cc") or root.is_ancestor(child) or child.is_ancestor(root):
                    continue
                if child.i == root.i or any(t.i in masked for t in child.subtree):
                    continue
                fs.add(f"sib:{child.dep_}:{lemma(child)}", child)
                for t in child.subtree:
                    if t.pos_ in _CONTENT_POS and t.i != child.i:
                        fs.add(f"cl:{lemma(t)}", t)
                    add_val("vcl", t, True)
                    pol = lex(t)
                    if pol:
                        fs.add(f"lexcl:{pol}", t)

    # words either side, with distance
    for d in range(1, WINDOW + 1):
        for name, i in ((f"L{d}", first - d), (f"R{d}", last + d)):
            if sent.start <= i < sent.end:
                t = doc[i]
                if t.is_space:
                    continue
                fs.add(f"{name}:{t.lower_}", t)
                if t.pos_ in _CONTENT_POS:
                    fs.add(f"{name[0]}:{lemma(t)}", t)

    # the sentence as a bag of words, quoted words apart, and its lexicon hits
    quotes_in_sentence = False
    for t in sent:
        if t.i in masked or t.pos_ in ("PUNCT", "SPACE"):
            continue
        q = bool(sent_quoted) and _inside(sent_quoted, t.idx)
        quotes_in_sentence |= q
        fs.add(("q:" if q else "b:") + t.lower_, t)
        add_val("vq" if q else "vs", t)

        pol = lex(t)
        if pol:
            fs.add(f"lex{'q' if q else ''}:{pol}", t)
    if quotes_in_sentence:
        fs.add("s_quote")
    _add_sides(fs, sent, masked, first)
    _add_others(fs, sent, masked)
    if lexicon is not None:
        _add_clause_valence(fs, roots[0], masked, val, lexicon.negators, role)
    return fs


def _add_sides(fs: FeatureSet, sent, masked, first: int) -> None:
    """The sentence's lemmas as a bag (``lm:``), and again by the side of the mention they stand on
    (``lb:`` before, ``rb:`` after): "X beat Y" reads differently for X and for Y."""
    for t in sent:
        if t.i in masked or t.is_punct or t.is_space:
            continue
        lem = _lemma(t)
        fs.add("lm:" + lem, t)
        fs.add(("lb:" if t.i < first else "rb:") + lem, t)


def _add_others(fs: FeatureSet, sent, masked) -> None:
    """How many other people the sentence names (0, 1, 2 or more): tone is shared out among them."""
    n = sum(1 for e in sent.ents if e.label_ == "PERSON" and not any(t.i in masked for t in e))
    fs.add(f"others:{min(n, 2)}")


def _add_clause_valence(fs: FeatureSet, root, masked, val, negators, role: str) -> None:
    """The word valences of the mention's clause, each turned by a negator on it ("not corrupt"),
    alone (``nv:``) and joined with the mention's role in it."""
    from .tone import _negated  # (tone imports this module lazily; no cycle)

    head = _clause_head(root)
    doc = root.doc
    for t in doc[head.left_edge.i:head.right_edge.i + 1]:
        if t.i in masked:
            continue
        v = val(t)
        if not v:
            continue
        if _negated(t, negators):
            v = -v
        sign = "pos" if v > 0 else "neg"
        fs.add(f"nv:{sign}", t, abs(v) / 4)
        fs.add(f"nv:{sign}:{role}", t, abs(v) / 4)
