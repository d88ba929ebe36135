"""A faster lookup for spaCy's attribute ruler: same rules, same matches, found with arrays.

The attribute ruler of the English pipelines holds ~180 short rules ("tag NN -> POS NOUN",
"lowercase 'not' with tag RB -> PART", ...). spaCy's Matcher walks every rule at every token,
which costs as much as the whole dependency parse on news-length articles. Every rule there
is a fixed-length sequence of simple token tests (equal, in, not in, regex), so each can be
tested on all tokens at once over the document's attribute arrays. ``match`` returns exactly
what ``AttributeRuler.match`` returns, so spaCy's own ``set_annotations`` applies them; a ruler
with any rule this cannot read keeps spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy

_ATTRIBUTES = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_DIGIT")
_ALIASES = {"TEXT": "ORTH"}
_FLAGS = {"IS_SPACE", "IS_PUNCT", "IS_DIGIT"}

ValueTest = Callable[[numpy.ndarray, object], numpy.ndarray]


class UnsupportedRule(ValueError):
    """A rule using an operator or attribute this index does not read."""


def _value_test(attr: str, value, strings) -> ValueTest:
    """A function from the column of ``attr`` (and the string store) to a boolean mask."""
    if attr in _FLAGS:
        if isinstance(value, bool):
            return lambda column: column == int(value)
        raise UnsupportedRule(f"cannot index the value {value!r} of {attr}")
    if isinstance(value, str):
        key = strings.add(value) if value else 0
        return lambda column: column == key
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
            keys = numpy.array([strings.add(v) if v else 0 for v in arg], dtype=numpy.uint64)
            if op == "IN":
                return lambda column: numpy.isin(column, keys)
            return lambda column: ~numpy.isin(column, keys)
        if op == "REGEX":
            pattern = re.compile(arg)

            def regex_test(column):
                values = numpy.unique(column)
                hits = [v for v in values.tolist() if pattern.search(strings[v] if v else "")]
                return numpy.isin(column, numpy.array(hits, dtype=numpy.uint64))

            return regex_test
    raise UnsupportedRule(f"cannot index the value {value!r} of {attr}")


def _required(attr: str, value, strings) -> frozenset[int] | None:
    """The values a token must have for ``attr`` (equal or IN), so a rule whose values the
    document lacks is skipped without looking at its tokens; None when any value may do."""
    if attr in _FLAGS:
        return None
    if isinstance(value, str):
        return frozenset({strings.add(value) if value else 0})
    if isinstance(value, dict) and list(value) == ["IN"]:
        return frozenset(strings.add(v) if v else 0 for v in value["IN"])
    return None


def _token_tests(spec: dict, strings) -> list[tuple[str, ValueTest]]:
    if not spec or "OP" in spec:
        raise UnsupportedRule(f"cannot index the token pattern {spec!r}")
    tests = []
    for attr, value in spec.items():
        attr = _ALIASES.get(attr, attr)
        if attr not in _ATTRIBUTES:
            raise UnsupportedRule(f"cannot index the attribute {attr!r}")
        tests.append((attr, _value_test(attr, value, strings)))
    return tests


class IndexedAttributeMatcher:
    """The matches of an ``AttributeRuler``, computed over attribute arrays instead of token by token."""

    def __init__(self, ruler):
        strings = ruler.vocab.strings
        self._groups = []  # (attr_id, match_id, [(pattern: [token tests], values it requires)])
        used = set()
        for attr_id, group in enumerate(ruler.patterns):
            patterns = []
            for pattern in group["patterns"]:
                tests = [_token_tests(spec, strings) for spec in pattern]
                required = [(_ALIASES.get(attr, attr), values) for spec in pattern for attr, value in spec.items()
                            if (values := _required(_ALIASES.get(attr, attr), value, strings)) is not None]
                patterns.append((tests, required))
                used.update(attr for token in tests for attr, _ in token)
            self._groups.append((attr_id, strings.add(str(attr_id)), patterns))
        self._attrs = sorted(used)

    def hits(self, doc) -> list[tuple[int, int, numpy.ndarray, int]]:
        """Per rule group, in ruler order: ``(attr_id, match_id, start positions, pattern length)``."""
        n = len(doc)
        if n == 0 or not self._attrs:
            return []
        table = doc.to_array(self._attrs).reshape(n, len(self._attrs))
        columns = {attr: table[:, j] for j, attr in enumerate(self._attrs)}
        present = {attr: set(numpy.unique(column).tolist()) for attr, column in columns.items()}
        found = []
        for attr_id, match_id, patterns in self._groups:
            by_length: dict[int, numpy.ndarray] = {}
            for pattern, required in patterns:
                length = len(pattern)
                if length > n or any(present[attr].isdisjoint(values) for attr, values in required):
                    continue
                mask = numpy.ones(n - length + 1, dtype=bool)
                for offset, tests in enumerate(pattern):
                    for attr, test in tests:
                        mask &= test(columns[attr])[offset : n - length + 1 + offset]
                by_length[length] = by_length[length] | mask if length in by_length else mask
            for length, mask in sorted(by_length.items()):
                starts = numpy.flatnonzero(mask)
                if starts.size:
                    found.append((attr_id, match_id, starts, length))
        return found

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """``(attr_id, match_id, start, end)`` exactly as ``AttributeRuler.match`` gives them."""
        return sorted((attr_id, match_id, int(i), int(i) + length)
                      for attr_id, match_id, starts, length in self.hits(doc) for i in starts)


class IndexedAttributeRuler(IndexedAttributeMatcher):
    """Matches found with arrays and their attributes written with one ``Doc.from_array``.

    Each group's attributes are applied in ruler order, a later group overriding an earlier one on
    the same token, as spaCy's ``set_annotations`` does match by match.
    """

    def __init__(self, ruler):
        super().__init__(ruler)
        from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

        columns = [POS, MORPH, LEMMA, TAG, DEP]
        self._columns = columns
        self._writes = []  # per attr_id: (index into the span, [(column, value)])
        for attrs, index in zip(ruler.attrs, ruler.indices):
            unknown = set(attrs) - set(columns)
            if unknown:
                raise UnsupportedRule(f"cannot write the attributes {sorted(unknown)} as arrays")
            values = [(columns.index(a), v) for a, v in attrs.items()]  # already ids and hashes
            self._writes.append((index, values))

    def apply(self, doc, hits) -> None:
        if not hits:
            return
        table = doc.to_array(self._columns).astype(numpy.uint64).reshape(len(doc), len(self._columns))
        for attr_id, _, starts, length in hits:
            index, values = self._writes[attr_id]
            if not -length <= index < length:
                raise ValueError(f"attribute rule {attr_id} points at token {index} of a {length}-token match")
            targets = starts + (index if index >= 0 else length + index)
            for column, value in values:
                table[targets, column] = value
        doc.from_array(self._columns, table)


def speed_up_attribute_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the array lookup (and, where its rules only set POS,
    MORPH, LEMMA, TAG or DEP, the array write); False where its rules need spaCy's Matcher."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        indexed = IndexedAttributeMatcher(ruler)
    except UnsupportedRule:
        return False
    try:
        writer = IndexedAttributeRuler(ruler)
    except UnsupportedRule:
        ruler.match = indexed.match
        return True
    # spaCy's AttributeRuler.__call__ is ``set_annotations(doc, match(doc))``: swap the pair together
    ruler.match, ruler.set_annotations = writer.hits, writer.apply
    return True
