"""Loaded wording: terms that carry a stance, each with a more neutral alternative.

The lexicon (``lexicons/loaded_terms.json``) holds general English stance wording by the side it
comes from (left, right) or loaded without a side (sensational). Base forms are expanded once into
their inflections (plurals; -s/-ed/-ing of verbs) and slots (``illegal {migrant_person}``) into a
word trie, so matching is one pass over the article's words; a few shape rules that no word list can
hold (``<Name>-indebted``, ``anti-<anything> rhetoric``) are compiled regular expressions.

Context rules, all general:
- a term inside a quotation is the speaker's wording, not the outlet's: it is not reported
  (``quotation_spans`` finds them; ``find_loaded_terms(..., include_quoted=True)`` keeps them);
- a capitalised match inside a proper name or title ("Democratic Socialists of America",
  "Amnesty International") is not a term, unless the label is itself a capitalised coinage;
- "illegal" is loaded only before a person noun (the lexicon only has it in that position), so
  "illegal drugs" never matches; an ideological label right after "self-described" reports
  what the person calls themselves and is left out;
- party, ideology and self-descriptions ("Democrat", "democratic socialist", "conservative") name a
  side, they do not take one: they are not in the lexicon (only their epithet forms are: "Democrat
  Party", "radical left");
- where matches overlap, the longest wins ("dangerous illegal immigrants" over "illegal immigrants").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

from ..model import LoadedTerm
from .quotemarks import find_marked_spans

LEANINGS = ("left", "right", "sensational")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_JOINABLE_GAP = re.compile(r"[ \t\u00a0]+|[ \t\u00a0]*[-‐‑][ \t\u00a0]*")
_TERM_PART = re.compile(r"\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|[^\s\[\](){}]+")
_SENTENCE_OPENERS = frozenset('.!?:;\n"“‘(—')
_SELF_LABEL = re.compile(r"(?:self[-‐](?:described|avowed|identified|identifying|declared))\s+$", re.I)
_NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "FAC", "PERSON", "GPE"})
_VERBAL_POS = frozenset({"VERB", "AUX", "ADJ"})
_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women",
                      "foot": "feet", "wife": "wives", "life": "lives"}


# --------------------------------------------------------------------------- inflection


def _plural(word: str) -> str:
    for singular, plural in _IRREGULAR_PLURALS.items():
        if word == singular or (word.endswith(singular) and singular in ("man", "woman")):
            return word[: len(word) - len(singular)] + plural
    if word.endswith("s"):
        return word
    if word.endswith(("x", "z", "ch", "sh")):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _ends_cvc(word: str) -> bool:
    """Short consonant-vowel-consonant endings double their last letter: slam -> slammed."""
    return (
        len(word) >= 3
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
        and len(word) <= 5
    )


_IRREGULAR_VERBS = {"cut": ("cuts", "cut", "cutting"), "say": ("says", "said", "saying"),
                    "tell": ("tells", "told", "telling"), "seek": ("seeks", "sought", "seeking")}


def verb_inflections(base: str) -> dict[str, set[str]]:
    """Regular English inflections of a verb by tense (both spellings where consonant doubling varies)."""
    if base in _IRREGULAR_VERBS:
        third, past, ing = _IRREGULAR_VERBS[base]
        return {"base": {base}, "s": {third}, "ed": {past}, "ing": {ing}}
    forms = {"base": {base}, "s": {base + "es" if base.endswith(("s", "x", "z", "ch", "sh")) else _plural(base)}}
    if base.endswith("e"):
        forms["ed"] = {base + "d"}
        forms["ing"] = {(base[:-2] + "ying") if base.endswith("ie") else base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        forms["ed"], forms["ing"] = {base[:-1] + "ied"}, {base + "ing"}
    elif _ends_cvc(base):
        forms["ed"], forms["ing"] = {base + base[-1] + "ed", base + "ed"}, {base + base[-1] + "ing", base + "ing"}
    else:
        forms["ed"], forms["ing"] = {base + "ed"}, {base + "ing"}
    return forms


def verb_forms(base: str) -> set[str]:
    return set().union(*verb_inflections(base).values())


def noun_forms(word: str) -> set[str]:
    return {word, _plural(word)}


def _inflect_neutral_verb(neutral: str, tense: str) -> str:
    """The neutral alternative in the tense of the matched verb: "slashed" -> "cut", "slams" -> "criticizes"."""
    first, _, rest = neutral.partition(" ")
    forms = sorted(verb_inflections(first)[tense], key=len, reverse=True)
    return " ".join([forms[0], rest]).strip()


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class LexiconEntry:
    neutral: str
    leaning: str
    name_ok: bool = False  # a capitalised coinage: match it even when it looks like a proper name
    verbal: bool = False  # a verb: when the parse is known, the first word must be used as one


@dataclass(frozen=True)
class ShapePattern:
    regex: re.Pattern
    neutral: str
    leaning: str
    leaning_of_name: tuple[tuple[frozenset[str], str], ...] = ()  # (slot words, leaning) by captured name

    def leaning_for(self, name: str) -> str:
        word = name.lower()
        for words, leaning in self.leaning_of_name:
            if word in words:
                return leaning
        return self.leaning


def _words(phrase: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(phrase)]


def _expand_term(term: str, slots: dict[str, list[str]]) -> list[list[str]]:
    """Every literal word sequence a lexicon term stands for (before inflection)."""
    choices: list[list[str]] = []
    for part in _TERM_PART.findall(term):
        if part.startswith("{"):
            name = part[1:-1]
            if name not in slots:
                raise ValueError(f"loaded-terms lexicon: term {term!r} uses unknown slot {{{name}}}")
            options = list(slots[name])
        elif part.startswith("["):
            options = [o.strip() for o in part[1:-1].split("|")] + [""]
        elif part.startswith("("):
            options = [o.strip() for o in part[1:-1].split("|")]
        else:
            options = [part]
        expanded: list[str] = []
        for option in options:
            expanded.extend(_expand_slot_refs(option, slots))
        choices.append(expanded)
    return [_words(" ".join(p for p in combo if p)) for combo in product(*choices)]


def _expand_slot_refs(option: str, slots: dict[str, list[str]]) -> list[str]:
    if option.startswith("{") and option.endswith("}"):
        return list(slots[option[1:-1]])
    return [option]


def _inflect(words: list[str], pos: str, neutral: str) -> list[tuple[list[str], str]]:
    """Each inflected form of a term with the neutral alternative in the same number or tense.

    A noun neutral may give both numbers as "singular|plural" (else its last word is pluralised); a
    verb neutral is inflected like the matched verb.
    """
    if not words:
        return []
    singular, _, plural = neutral.partition("|")
    if pos == "noun":
        base = words[-1]
        written_plural = base.endswith("s") and not base.endswith(("ss", "us", "is"))
        as_written = plural if plural and written_plural else singular  # a neutral written for the term
        pluralised = plural or " ".join(singular.split(" ")[:-1] + [_plural(singular.split(" ")[-1])])
        return [(words[:-1] + [form], as_written if form == base else pluralised) for form in noun_forms(base)]
    if pos == "verb":
        return [
            ([form] + words[1:], _inflect_neutral_verb(singular, tense))
            for tense, forms in verb_inflections(words[0]).items()
            for form in forms
        ]
    return [(words, singular)]


class LoadedLexicon:
    """The loaded-wording lexicon compiled into a word trie plus shape patterns."""

    def __init__(self, data: dict):
        self.trie: dict = {}
        self.size = 0  # phrases in the trie, every inflection and slot filler counted
        self.terms_by_leaning = {leaning: 0 for leaning in LEANINGS}  # terms as the lexicon writes them
        slots = {name: list(values) for name, values in data.get("slots", {}).items()}
        for leaning in LEANINGS:
            for group in data.get(leaning, []):
                self._add_group(group, leaning, slots)
        self.patterns = [
            ShapePattern(
                re.compile(p["regex"]), p["neutral"], p["leaning"],
                tuple((frozenset(slots[slot]), leaning) for leaning, slot in p.get("leaning_by_slot", {}).items()),
            )
            for p in data.get("patterns", [])
        ]

    def _add_group(self, group: dict, leaning: str, slots: dict[str, list[str]]) -> None:
        pos = group.get("pos", "fixed")
        name_ok = bool(group.get("name_ok"))
        self.terms_by_leaning[leaning] += len(group["terms"]) + len(group.get("forms", []))
        for term in group["terms"]:
            term, _, neutral = (part.strip() for part in term.partition("=>"))
            for words in _expand_term(term, slots):
                for form, plain in _inflect(words, pos, neutral or group["neutral"]):
                    self._insert(form, LexiconEntry(plain, leaning, name_ok, pos == "verb"))
        for form in group.get("forms", []):
            form, _, neutral = (part.strip() for part in form.partition("=>"))
            plain = (neutral or group["neutral"]).partition("|")[0]
            self._insert(_words(form), LexiconEntry(plain, leaning, name_ok, False))

    def _insert(self, words: list[str], entry: LexiconEntry) -> None:
        if not words:
            return
        node = self.trie
        for word in words:
            node = node.setdefault(word, {})
        if "$" not in node:  # the first group that lists a phrase decides its leaning
            node["$"] = entry
            self.size += 1

    def longest_match(self, words: list[str], joinable: list[bool], i: int) -> tuple[int, LexiconEntry] | None:
        """The longest phrase starting at word ``i``: (index after its last word, entry)."""
        node, best, j = self.trie, None, i
        while j < len(words):
            node = node.get(words[j])
            if node is None:
                break
            j += 1
            if "$" in node:
                best = (j, node["$"])
            if j < len(words) and not joinable[j - 1]:
                break
        return best


@lru_cache(maxsize=1)
def load_lexicon() -> LoadedLexicon:
    """The packaged lexicon, compiled once per process."""
    raw = resources.files("storyline.analyze").joinpath("lexicons/loaded_terms.json").read_text("utf-8")
    return LoadedLexicon(json.loads(raw))


# --------------------------------------------------------------------------- context




def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quotation marks (see quotemarks)."""
    return [(m.start, m.end) for m in find_marked_spans(text) if not m.single]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _looks_like_name(text: str, start: int, end: int, doc) -> bool:
    """A capitalised match that is part of a proper name or title (not a sentence's first word)."""
    words = _WORD.findall(text[start:end])
    if not words or not all(w[0].isupper() and not w.isupper() for w in words):
        return False
    following = re.match(r"[ \t]+([^\W\d_][\w'’]*)", text[end:end + 40])
    if following and following.group(1)[0].isupper():
        return True
    if doc is not None and _inside_longer_entity(doc, start, end):
        return True
    before = text[max(0, start - 80):start].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


def _inside_longer_entity(doc, start: int, end: int) -> bool:
    return any(
        ent.label_ in _NAME_LABELS and ent.start_char <= start and end <= ent.end_char
        and (ent.start_char, ent.end_char) != (start, end)
        for ent in doc.ents
    )


def _used_as_verb(doc, start: int, end: int) -> bool:
    """Whether the first word of a verb entry is parsed as a verb (or participle), not a noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    return span[0].pos_ in _VERBAL_POS


# --------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    neutral: str
    leaning: str
    priority: int  # lexicon phrases (0) beat shape patterns (1) on the same span
    name_ok: bool
    verbal: bool


def _lexicon_candidates(text: str, lexicon: LoadedLexicon) -> list[_Candidate]:
    matches = list(_WORD.finditer(text))
    words = [m.group().lower().replace("’", "'") for m in matches]
    joinable = [
        bool(_JOINABLE_GAP.fullmatch(text[matches[k].end():matches[k + 1].start()]))
        for k in range(len(matches) - 1)
    ] + [False]
    found = []
    for i in range(len(words)):
        hit = lexicon.longest_match(words, joinable, i)
        if hit:
            j, entry = hit
            found.append(_Candidate(matches[i].start(), matches[j - 1].end(), entry.neutral, entry.leaning,
                                    0, entry.name_ok, entry.verbal))
    return found


def _pattern_candidates(text: str, lexicon: LoadedLexicon) -> list[_Candidate]:
    found = []
    for pattern in lexicon.patterns:
        for m in pattern.regex.finditer(text):
            name = m.groupdict().get("name") or ""
            neutral = pattern.neutral.replace("{name}", name)
            found.append(_Candidate(m.start(), m.end(), neutral, pattern.leaning_for(name), 1, True, False))
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def find_loaded_terms(doc, article, *, include_quoted: bool = False) -> list[LoadedTerm]:
    """Stance-carrying wording in ``article.text`` with a neutral alternative for each.

    ``doc`` (the spaCy parse of ``article.text``, or None) sharpens two rules: a verb entry counts only
    where the word is used as a verb, and a match inside a longer named entity is a name.
    """
    text = article.text
    lexicon = load_lexicon()
    quoted = [] if include_quoted else quotation_spans(text)
    candidates = _lexicon_candidates(text, lexicon) + _pattern_candidates(text, lexicon)
    terms = []
    for cand in _longest_first(candidates):
        if quoted and _inside(quoted, cand.start, cand.end):
            continue
        if not cand.name_ok and _looks_like_name(text, cand.start, cand.end, doc):
            continue
        if cand.verbal and doc is not None and not _used_as_verb(doc, cand.start, cand.end):
            continue
        if _SELF_LABEL.search(text[max(0, cand.start - 20):cand.start]):
            continue
        terms.append(LoadedTerm(text[cand.start:cand.end], cand.start, cand.end, cand.neutral, cand.leaning))
    return terms
