"""Who a sentence is about, so that "he said" goes to the right person.

Each sentence's subjects (outside quotation marks) are mapped to the people the entity finder
found. A he/she pronoun then resolves to the most recent subject of compatible gender; gender comes
from titles and role words ("Mrs.", "spokeswoman") and from the pronouns that continue a subject.
"""

from __future__ import annotations

from bisect import bisect_left

from ..model import Entity, Mention
from .speech import FEMALE_PRONOUNS, MALE_PRONOUNS, PERSON_PRONOUNS, gender_of_word

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_LOOK_BACK = 12


def _pronoun_gender(word: str) -> str | None:
    w = word.lower()
    return "m" if w in MALE_PRONOUNS else "f" if w in FEMALE_PRONOUNS else None


def _in_main_clause(token) -> bool:
    """A subject of the sentence's main verb (or of a verb joined to it), not of a clause inside."""
    verb = token.head
    while verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


class Discourse:
    def __init__(self, doc, entities: dict[str, Entity], mentions: list[Mention], quoted: bytearray):
        self.doc = doc
        self.entities = entities
        self.quoted = quoted
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        self.gender: dict[str, str] = {}
        for ent in entities.values():
            for word in " ".join(ent.roles).split():
                g = gender_of_word(word.strip(".,"))
                if g:
                    self.gender.setdefault(ent.id, g)
        # per sentence: its start, and its person subjects as (offset, entity id, in main clause)
        self.sentences: list[tuple[int, list[tuple[int, str, bool]]]] = []
        self._read(doc)
        self.sentence_starts = [s for s, _ in self.sentences]

    def _person_at(self, token) -> str | None:
        i = bisect_left(self.mention_starts, token.idx + 1) - 1
        while i >= 0 and self.mentions[i].start > token.idx - 200:
            m = self.mentions[i]
            if m.start <= token.idx < m.end:
                ent = self.entities.get(m.entity_id)
                if ent is not None and ent.label == "PERSON":
                    return ent.id
                return None
            i -= 1
        return None

    def _read(self, doc) -> None:
        topic: str | None = None
        for sent in doc.sents:
            subjects = []
            pending = None  # a person subject whose gender a following pronoun may tell
            for t in sent:
                if self.quoted[t.idx]:
                    continue
                if t.dep_ in _SUBJECT_DEPS:
                    person = self._person_at(t)
                    if person is not None:
                        subjects.append((t.idx, person, _in_main_clause(t)))
                        topic = pending = person
                        continue
                if t.lower_ in PERSON_PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "poss"):
                    target = pending or (topic if t.dep_ in _SUBJECT_DEPS and not subjects else None)
                    if target is not None and target not in self.gender:
                        self.gender[target] = _pronoun_gender(t.lower_)
                    pending = None
            self.sentences.append((sent.start_char, subjects))

    def compatible(self, entity_id: str, gender: str | None) -> bool:
        known = self.gender.get(entity_id)
        return gender is None or known is None or known == gender

    def resolve(self, pronoun) -> Entity | None:
        """The person a he/she pronoun stands for: the latest compatible subject, else mention."""
        gender = _pronoun_gender(pronoun.text)
        at = pronoun.idx
        k = bisect_left(self.sentence_starts, at + 1) - 1
        for j in range(k, max(-1, k - _LOOK_BACK), -1):
            subjects = [s for s in self.sentences[j][1] if s[0] < at]
            ranked = [s for s in reversed(subjects) if s[2]] + [s for s in reversed(subjects) if not s[2]]
            for _, person, _ in ranked:
                if self.compatible(person, gender):
                    return self.entities[person]
        i = bisect_left(self.mention_starts, at) - 1
        while i >= 0:
            m = self.mentions[i]
            ent = self.entities.get(m.entity_id)
            if ent is not None and ent.label == "PERSON" and not self.quoted[m.start] and \
                    self.compatible(ent.id, gender):
                return ent
            i -= 1
        return None
