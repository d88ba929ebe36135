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
        self._groups = []  # (attr_id, match_id, [pattern: [token tests]])
        used = set()
        for attr_id, group in enumerate(ruler.patterns):
            patterns = [[_token_tests(spec, strings) for spec in pattern] for pattern in group["patterns"]]
            used.update(attr for pattern in patterns for tests in pattern for attr, _ in tests)
            self._groups.append((attr_id, strings.add(str(attr_id)), patterns))
        self._attrs = sorted(used)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """``(attr_id, match_id, start, end)`` in the order ``AttributeRuler.match`` gives them."""
        n = len(doc)
        if n == 0 or not self._attrs:
            return []
        table = doc.to_array(self._attrs).reshape(n, len(self._attrs))
        columns = {attr: table[:, j] for j, attr in enumerate(self._attrs)}
        matches = []
        for attr_id, match_id, patterns in self._groups:
            found: dict[int, numpy.ndarray] = {}
            for pattern in patterns:
                length = len(pattern)
                if length > n:
                    continue
                mask = numpy.ones(n - length + 1, dtype=bool)
                for offset, tests in enumerate(pattern):
                    for attr, test in tests:
                        mask &= test(columns[attr])[offset : n - length + 1 + offset]
                found[length] = found[length] | mask if length in found else mask
            starts = sorted((int(i), length) for length, mask in found.items() for i in numpy.flatnonzero(mask))
            matches.extend((attr_id, match_id, i, i + length) for i, length in starts)
        return matches

def speed_up_attribute_ruler(nlp, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler the indexed lookup; False where its rules need the Matcher."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        ruler.match = IndexedAttributeMatcher(ruler).match
    except UnsupportedRule:
        return False
    return True
