"""Event mentions: the clauses of an article that tell of something happening.

Each verb heading a clause, and each noun naming a happening that a date modifies ("the Thursday
meeting", "a meeting last year"), gives one ``EventMention``: its predicate lemma, the entities its
clause names (the subject's first), its places, the date expression the parse attaches to it, its
tense, and how it presents the happening: done, planned, wished, denied, or under a condition.
Linking matches these mentions across articles; everything here reads one parsed article.
"""

from __future__ import annotations

from ..model import Article, DateExpression, EventMention, Mention
from ..vocab import (
    CONDITION_MARKS,
    FUTURE_AUX,
    LIGHT_VERBS,
    OCCASION_PREPOSITIONS,
    PLAN_LEMMAS,
    POSSIBLE_AUX,
    REPEAT_WORDS,
    REQUEST_LEMMAS,
    SPEECH_LEMMAS,
    STATE_LEMMAS,
    WISH_LEMMAS,
    is_event_noun,
    predicate_classes,
)
from .nlp import lemma_of

CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis", "pcomp", "csubj", "acl"})
OWN_CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})  # read on their own
DATE_ON_NOUN_DEPS = frozenset({"compound", "npadvmod", "nmod", "amod", "poss", "appos", "nummod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
LEAD_SENTENCES = 2  # a news report's lead: its title line and this many sentences of its body
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "off", "into", "from"})
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "ROLE", "FAC", "LOC"})
PLANNED_MODIFIERS = frozenset({"planned", "upcoming", "expected", "proposed", "scheduled", "possible",
                               "potential", "future", "next", "forthcoming", "likely"})
MAX_CHAIN = 4  # clause heads climbed to find what governs a clause (wish, plan, condition)


def find_events(doc, article: Article, mentions: list[Mention], dates: list[DateExpression]) -> list[EventMention]:
    """Every clause of the article that tells of a happening, with its participants and time."""
    entity_at = _entities_by_token(doc, mentions)
    timed = _timed_predicates(doc, dates)
    found: list[EventMention] = []
    people = _PronounReader(entity_at)
    lead_end = _lead_end(doc)
    for token in doc:
        date = timed.get(token.i)
        is_verb = _is_clause_head(token)
        if not is_verb and not (date is not None and token.pos_ == "NOUN"):
            continue
        inherited = None if date is not None else _inherited_date(token, timed)
        event = _event_of(token, is_verb, date or inherited, entity_at, people, token.idx < lead_end)
        if event is not None:
            event.date_inherited = inherited is not None
            found.append(event)
    return found


def _inherited_date(token, timed: dict[int, DateExpression]) -> DateExpression | None:
    """The date of the dated clause this one belongs to ("discussed X in December, and he left it
    vowing..." times "left" and "vowing" too), never across what someone said: in "said on Tuesday
    he had met her" the meeting is not on Tuesday."""
    current = token
    for _ in range(MAX_CHAIN + 2):
        if current.head.i == current.i:
            return None
        if current.dep_ in ("ccomp", "parataxis") and lemma_of(current.head) in SPEECH_LEMMAS:
            return None
        current = current.head
        if current.i in timed:
            return timed[current.i]
    return None


class _PronounReader:
    """Who a pronoun subject is, and who "the pair" are: "he" or "she" is the speaker when the clause
    is what someone said ("X said he had met Y"), else the person last named as a subject; "the
    pair", "the two" and "both" are the last two people the text named as a clause's arguments."""

    PRONOUNS = frozenset({"he", "she"})
    PAIR_WORDS = frozenset({"pair", "two", "both", "duo"})
    PERSON_LABELS = frozenset({"PERSON", "ROLE"})
    ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr", "conj", "dative"})

    def __init__(self, entity_at):
        self.entity_at = entity_at
        self.last: str | None = None
        self.recent: list[str] = []  # people named as arguments, latest last
        self._seen_up_to = -1

    def person(self, subject) -> str | None:
        for t in subject.subtree:
            found = self.entity_at.get(t.i)
            if found is not None and found[1] in self.PERSON_LABELS:
                return found[0]
        return None

    def read_up_to(self, position: int, doc) -> None:
        """Note the people named as arguments before ``position`` (the clause being read)."""
        for t in doc[self._seen_up_to + 1:position]:
            found = self.entity_at.get(t.i)
            if found is not None and found[1] in self.PERSON_LABELS and t.dep_ in self.ARGUMENT_DEPS:
                if found[0] in self.recent:
                    self.recent.remove(found[0])
                self.recent.append(found[0])
        self._seen_up_to = max(self._seen_up_to, position - 1)

    def pair_in(self, tokens) -> list[str]:
        """The two people "the pair" / "the two" / "both" in the clause stand for, if it says so."""
        if len(self.recent) < 2:
            return []
        for t in tokens:
            if t.lower_ in self.PAIR_WORDS and t.dep_ in ("nsubj", "poss", "nsubjpass", "dobj", "pobj", "det", "preconj"):
                if t.lower_ != "both" or t.dep_ in ("nsubj", "det", "preconj"):
                    return self.recent[-2:]
        return []

    def resolve(self, pred, subject) -> str | None:
        """The entity id a pronoun subject stands for (None when it is no pronoun or is unknown)."""
        if subject is None:
            return None
        named = self.person(subject)
        if named is not None:
            self.last = named
            return None
        if subject.lower_ not in self.PRONOUNS:
            return None
        if pred.dep_ == "ccomp" and lemma_of(pred.head) in SPEECH_LEMMAS:
            speaker = _subject(pred.head)
            if speaker is not None and self.person(speaker) is not None:
                return self.person(speaker)
        return self.last


def _entities_by_token(doc, mentions: list[Mention]) -> dict[int, tuple[str, str]]:
    entity_at: dict[int, tuple[str, str]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.label not in PARTICIPANT_LABELS:
            continue
        for t in span:
            entity_at.setdefault(t.i, (m.entity_id, m.label))
    return entity_at


def _is_clause_head(token) -> bool:
    if token.dep_ not in CLAUSE_DEPS:
        return False
    if token.pos_ == "VERB":
        return True
    return token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj") and not any(
        c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp") for c in token.children)


def _timed_predicates(doc, dates: list[DateExpression]) -> dict[int, DateExpression]:
    """The predicate token each date expression modifies in the parse (the first date wins)."""
    timed: dict[int, DateExpression] = {}
    for d in sorted(dates, key=lambda d: d.start):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        head = _predicate_of_date(span)
        if head is not None and head.i not in timed:
            timed[head.i] = d
    return timed


def _predicate_of_date(span):
    """Climb from a date's head to the clause or event noun it times ("met on Tuesday", "the Tuesday
    interview", "a meeting last year"); a noun that names no happening passes it on to its verb."""
    inside = range(span.start, span.end)
    token, came_from = span.root, None
    for _ in range(12):
        if token.i not in inside:
            if _is_clause_head(token) or token.pos_ == "VERB":
                return token
            if token.pos_ == "NOUN":
                direct = came_from is span.root and came_from.dep_ in DATE_ON_NOUN_DEPS
                if direct or is_event_noun(noun_lemma(token)):
                    return token
        if token.head.i == token.i:
            return None
        came_from, token = token, token.head
    return None


def noun_lemma(token) -> str:
    """A noun's lemma, hyphenated compounds whole ("sit-down", "face-to-face")."""
    doc, i = token.doc, token.i
    start = i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    if start < i:
        return doc[start:i + 1].text.lower()
    return lemma_of(token)


def _lead_end(doc) -> int:
    """Where the lead ends: the title line and the first ``LEAD_SENTENCES`` of the body."""
    end = 0
    for i, sentence in enumerate(doc.sents):
        end = sentence.end_char
        if i >= LEAD_SENTENCES:
            break
    return end


def _event_of(pred, is_verb: bool, date: DateExpression | None, entity_at, people: _PronounReader,
              in_lead: bool = False) -> EventMention | None:
    lemma = lemma_of(pred) if is_verb else noun_lemma(pred)
    tokens = _clause_tokens(pred) if is_verb else list(pred.subtree)
    governor = pred if is_verb else _governing_verb(pred)
    subject = _subject(governor) if governor is not None else None
    participants, places = _participants(tokens, subject, entity_at)
    people.read_up_to(min(t.i for t in tokens), pred.doc)
    meant = people.resolve(governor, subject) if governor is not None else None
    if meant is not None and meant not in participants:
        participants.insert(0, meant)
    for person in people.pair_in(list(subject.subtree) + tokens if subject is not None else tokens):
        if person not in participants:
            participants.append(person)
    agent = _agent(governor, subject, entity_at, meant) if is_verb else None
    also = sorted({noun_lemma(t) for t in tokens if t is not pred and _names_the_occasion(t, pred)})
    if date is None and not participants and not also and not places and not (
            in_lead and is_verb and predicate_classes(lemma)):
        return None  # a lead's known kind of happening needs no name: "a truck plowed into the crowd"
    words = [t for t in tokens if not t.is_punct and not t.is_space] or [pred]
    sentence = pred.sent
    # a noun names an occasion whose time says whether it happened ("a Tuesday interview" before the
    # article, "the Thursday meeting" after it); the verb around it does not ("will meet ... during")
    tense = _tense(governor) if is_verb else None
    modality, cue = _modality(pred, governor, is_verb)
    return EventMention(
        start=min(t.idx for t in words),
        end=max(t.idx + len(t.text) for t in words),
        predicate=lemma,
        predicate_start=pred.idx,
        predicate_end=pred.idx + len(pred.text),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        kind=_kind(lemma, also, pred) if is_verb else "action",
        also=also,
        participants=participants,
        places=places,
        agent=agent,
        date_start=date.start if date is not None else None,
        date_end=date.end if date is not None else None,
        tense=tense,
        modality=modality,
        cue=cue,
        repeated=_repeated(pred),
    )


def _names_the_occasion(token, pred) -> bool:
    """A noun that names the predicate's own happening: the object of the predicate when it is a
    light verb ("held talks"), or after a preposition of occasion on the predicate ("met during the
    sit-down", "left after the vote"). A noun further down names another clause's happening: in
    "asked the council to blacklist ships for conducting transfers" the asking is no transfer."""
    if token.pos_ != "NOUN" or not is_event_noun(noun_lemma(token)):
        return False
    head = token.head
    if token.dep_ in ("dobj", "attr") and head is pred and lemma_of(head) in LIGHT_VERBS:
        return True
    return token.dep_ == "pobj" and head.lower_ in OCCASION_PREPOSITIONS and head.head is pred and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _clause_tokens(pred) -> list:
    """The predicate's part of its sentence: its subtree without the clauses read on their own."""
    kept, stack = [], [pred]
    while stack:
        token = stack.pop()
        kept.append(token)
        for child in token.children:
            if child.dep_ in OWN_CLAUSE_DEPS and _is_clause_head(child):
                continue
            stack.append(child)
    return sorted(kept, key=lambda t: t.i)


def _governing_verb(noun):
    token = noun
    for _ in range(MAX_CHAIN):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _subject(pred):
    """The clause's subject, or the one it shares with the clause it depends on ("X wants to wait")."""
    token = pred
    for _ in range(MAX_CHAIN):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if token.dep_ in ("xcomp", "conj", "advcl", "acl") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


AGENT_LABELS = frozenset({"PERSON", "ORG"})  # a place stands for many doers ("Pittsburgh" won: its team), a demonym or title for none


def _agent(governor, subject, entity_at, meant: str | None) -> str | None:
    """The entity that does what the clause tells: the head of its active subject, a resolved
    pronoun subject, or a passive's "by" agent ("was fired by Ruiz"); None when no name says it."""
    if governor is None:
        return None
    if subject is None:
        return _doer_above(governor, entity_at)
    if subject.dep_ == "nsubjpass":
        heads = [p for c in governor.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    elif subject.pos_ == "PRON":
        if meant is not None:
            return meant
        # "the banks said they would bar card purchases": what is said to be done is the speaker's doing
        said = governor.head if governor.dep_ == "ccomp" and lemma_of(governor.head) in SPEECH_LEMMAS else None
        speaker = _subject(said) if said is not None else None
        heads = [speaker] if speaker is not None and speaker.pos_ != "PRON" else []
    else:
        heads = [subject]
    for head in heads:
        found = entity_at.get(head.i)
        if found is not None and found[1] in AGENT_LABELS:
            return found[0]
    return None


def _doer_above(verb, entity_at) -> str | None:
    """A clause with no subject of its own ("... from buying coins") is part of the doing of the
    clause it hangs on ("Halden Bank stopped customers from buying coins")."""
    token = verb
    for _ in range(MAX_CHAIN):
        head = token.head
        if head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head
        if head.i == token.i or head.pos_ not in ("VERB", "AUX"):
            return None
        subject = _subject(head)
        if subject is not None:
            return _agent(head, subject, entity_at, None)
        token = head
    return None


def _participants(tokens, subject, entity_at) -> tuple[list[str], list[str]]:
    """Entity ids the clause names (the subject's first) and the places it happens at."""
    ordered = list(subject.subtree) + tokens if subject is not None else tokens
    participants: list[str] = []
    places: list[str] = []
    for t in ordered:
        found = entity_at.get(t.i)
        if found is None:
            continue
        entity_id, label = found
        if label in PLACE_LABELS and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPOSITIONS \
                or label in PLACE_LABELS and t.head.dep_ == "pobj" and t.head.head.lower_ in PLACE_PREPOSITIONS:
            if entity_id not in places:
                places.append(entity_id)
        elif entity_id not in participants:
            participants.append(entity_id)
    return participants, [p for p in places if p not in participants]


def _word(token) -> str:
    return token.lower_.replace("’", "'")


def _tense(verb) -> str | None:
    token = verb
    for _ in range(MAX_CHAIN):
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(_word(a) in FUTURE_AUX for a in auxes) or _going_to(token):
            return "future"
        for t in [token, *auxes]:
            tense = t.morph.get("Tense")
            if tense and t.morph.get("VerbForm") != ["Inf"]:
                if "Past" in tense:
                    return "past"
                if t is not token or "Fin" in t.morph.get("VerbForm"):
                    return "present"
        if token.dep_ in ("xcomp", "conj", "advcl") and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def _going_to(verb) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'s", "'re")
                                                                    for c in head.children)


def _modality(pred, governor, is_verb: bool) -> tuple[str, str | None]:
    """How the clause presents its happening, and the word that says so."""
    if any(c.dep_ == "neg" for c in pred.children) or (not is_verb and any(
            c.lower_ in ("no", "never") for c in pred.children)):
        return "negated", "not"
    if not is_verb:
        for c in pred.children:
            if c.lower_ in PLANNED_MODIFIERS:
                return "planned", c.text
        if governor is not None:
            # "can take the title if he wins Sunday's race": the sentence tells no race, it poses one
            said, word = _modality(governor, governor, True)
            if said == "conditional":
                return said, word
        return "asserted", None
    token = governor if governor is not None else pred
    own = True
    for _ in range(MAX_CHAIN):
        for child in token.children:  # a condition first: "will resign if ..." is no plan
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKS:
                return "conditional", child.text
            condition = _condition_of(child)
            if condition is not None:
                return "conditional", condition.text
        for child in token.children:
            if child.dep_ == "aux" and _word(child) in FUTURE_AUX | POSSIBLE_AUX:
                return "planned", child.text
            if child.dep_ == "neg" and not own:
                return "negated", "not"
        lemma = lemma_of(token)
        wanted = any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
        if lemma in WISH_LEMMAS and (not own or wanted) or lemma in REQUEST_LEMMAS and not own:
            return "wished", token.text
        if lemma in PLAN_LEMMAS and (not own or wanted) and lemma not in ("agree", "decide"):
            return "planned", token.text
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in token.children) \
                and not any(c.ent_type_ == "ORDINAL" or c.lower_ in ("only", "last") for c in token.head.children):
            # "its threat to fire missiles", "a bid to win": not done ("the first leader to fly" is)
            return "planned", token.head.text
        if token.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp", "acl") or token.head.i == token.i:
            break
        if token.dep_ == "ccomp" and lemma_of(token.head) in SPEECH_LEMMAS:
            break  # what someone said happened keeps its own modality
        token, own = token.head, False
    return "asserted", None


def _condition_of(child):
    """The "if" or "unless" of a condition clause hung on a clause ("can take the title if he wins"):
    what the main clause tells then happens only under it. "Even if" and "as if" pose none."""
    if child.dep_ != "advcl":
        return None
    for mark in child.children:
        if mark.dep_ == "mark" and mark.lower_ in CONDITION_MARKS - {"whether"}:
            before = mark.doc[mark.i - 1] if mark.i > 0 else None
            if before is not None and before.lower_ in ("even", "as"):
                return None
            return mark
    return None


MANY_WORDS = frozenset({"many", "several", "numerous", "multiple", "countless", "various", "dozens", "hundreds",
                        "scores", "repeated", "frequent", "previous", "past", "recent"})
QUANTITY_NOUNS = frozenset({"dozen", "dozens", "number", "series", "string", "spate", "wave", "hundreds", "scores",
                            "couple", "lot", "handful", "host"})


def _many_happenings(pred) -> bool:
    """The clause sums up many happenings, not one: "has conducted dozens of missile tests", "carried
    out a number of tests", "held several meetings" (a plural event noun with a vague quantity; "two
    tests on Friday" may be one occasion)."""
    for obj in (c for c in pred.children if c.dep_ in ("dobj", "nsubjpass")):
        noun = obj
        if lemma_of(obj) in QUANTITY_NOUNS or obj.lower_ in QUANTITY_NOUNS:
            noun = next((g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                         for g in p.children if g.dep_ == "pobj"), None)
            if noun is not None and noun.tag_ == "NNS" and is_event_noun(noun_lemma(noun)):
                return True
            continue
        if noun.tag_ == "NNS" and is_event_noun(noun_lemma(noun)) and any(c.lower_ in MANY_WORDS for c in noun.children):
            return True
    return False


def _kind(lemma: str, also: list[str], pred=None) -> str:
    if pred is not None and _many_happenings(pred):
        return "state"  # a tally of happenings is no happening of its own
    if lemma in SPEECH_LEMMAS:
        return "action" if pred is not None and _names_a_thing(pred) else "statement"
    if lemma in LIGHT_VERBS and also:
        return "action"  # "held talks", "had a meeting": the noun names what happened
    if lemma in STATE_LEMMAS or (lemma in WISH_LEMMAS and lemma not in REQUEST_LEMMAS):
        return "state"
    return "action"


LISTENER_VERBS = frozenset({"tell", "answer"})  # their object is who was told, not what


def _names_a_thing(pred) -> bool:
    """A speech verb with a noun for object and nothing said ("experts noted the rings", "the team
    announced the firing") tells a happening, not what someone said."""
    if lemma_of(pred) in LISTENER_VERBS:
        return False
    deps = {c.dep_ for c in pred.children}
    if deps & {"ccomp", "parataxis", "xcomp"}:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in pred.children)


def _repeated(pred) -> bool:
    """The clause says the happening happens again ("met again", "a second meeting", "another vote")."""
    near = list(pred.children) + [g for c in pred.children if c.dep_ in ("dobj", "pobj", "prep")
                                  for g in c.children]
    return any(t.lower_ in REPEAT_WORDS for t in near)
