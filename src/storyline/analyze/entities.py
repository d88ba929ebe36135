"""People, organisations, places and groups in one article, with every way the text names them.

spaCy's NER gives the named spans; on top of it this module adds acronyms the text defines
("Long Name Of Agency (LNOA)"), street addresses and buildings, and merges within the article:
a surname after a full name, a title before a name ("Mayor X"), role nouns introduced for a person
by apposition or title ("X, the transit chief", "transit chief X") and later definite role nouns
("the transit chief", "the former captain", "The Republican"). A role noun resolves to whoever holds
that role at that point of the article, so an earlier holder spoken of in the past does not take
over "the mayor".
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from ..model import Entity, Mention
from .quotemarks import find_marked_spans, quoted_mask
from .speech import (
    ATTRIBUTION_VERBS,
    SPEECH_NOUNS,
    PAST_CLAUSE_MARKERS,
    PAST_ROLE_MARKERS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    gender_of_word,
)

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_CONNECTORS = frozenset({"and", "of", "the", "for", "on", "in", "&", "de", "to", "at", "du"})
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")
_STREET = (r"Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Plaza|Lane|Drive|Place|Square|"
           r"Court|Parkway|Terrace|Highway|Broadway")
_ADDRESS = re.compile(rf"\b\d{{1,5}}(?:\s+[A-Z][a-z]+\.?){{0,3}}\s+(?:{_STREET})(?![\w])")
_BUILDING = re.compile(
    r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Mansion|Tower|Towers|Building|Hall|Center|Centre|Prison|Jail|"
    r"Courthouse|Headquarters|Palace|Stadium|Arena|Hospital|Airport|Bridge|Station|Capitol)\b"
)
_ORG_HEADS = (r"Project|Department|Committee|Council|Association|Institute|Foundation|Party|Union|"
              r"Agency|Bureau|Office|Commission|Coalition|Alliance|Network|Group|Company|Corporation|"
              r"Corp\.|Inc\.|University|College|Court|Board|Authority|Service|Administration|Society|"
              r"Federation|League|Campaign|Fund|Trust|Bank|Ministry|Center|Centre|Caucus|Initiative")
_ORG_NAME = re.compile(rf"\b[A-Z][a-z]+(?:\s+(?:of|for|on|[A-Z][a-z]+))*\s+(?:{_ORG_HEADS})\b")
_POSSESSIVE_TAIL = ("'s", "’s", "'", "’")
# Titles that stand right before a person's name ("Mayor Ana Ruiz", "Sen. Tom Hale"). Not the ones
# that also open other names: "General Motors", "Justice Department", "Prince Edward Island".
_PERSONAL_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "mayor", "president",
    "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov",
    "judge", "secretary", "col", "colonel", "capt", "captain", "sgt", "sergeant", "lt", "detective",
    "det", "officer", "trooper", "commissioner", "councilman", "councilwoman", "councilmember",
    "minister", "chancellor", "ambassador", "sheriff", "assemblyman", "assemblywoman", "spokesman",
    "spokeswoman", "rev", "reverend", "pastor", "bishop", "rabbi", "imam", "coach", "chairman",
    "chairwoman", "director",
})
_NAME_WORD = re.compile(r"(?:Mc|Mac|De|Di|Da|La|Le|Van|O['’])?[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)*")
_ORG_HEAD_WORDS = frozenset(w.lower().rstrip(".") for w in _ORG_HEADS.split("|"))


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    source: str  # "ner", "acronym", "address", "titled", "orgname"
    acronym: str | None = None
    settled: bool = False  # the label comes from the parse (a person's role beside it), not the NER alone


@dataclass
class _Record:
    entity: Entity
    name_tokens: int
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)


class _EntityBook:
    """The entities of one article as they are found, with the indexes used to merge mentions."""

    def __init__(self, article_id: str, text: str):
        self.article_id = article_id
        self.text = text
        self.records: list[_Record] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.surnames: dict[str, list[int]] = {}
        self.acronyms: dict[str, int] = {}
        self.roles: dict[str, list[tuple[int, int, bool]]] = {}  # key -> (offset, index, past)
        self.owner = array("i", bytes(4 * len(text)))  # per character: entity index + 1, or 0

    def new(self, name: str, label: str, name_tokens: int) -> int:
        idx = len(self.records)
        ent = Entity(id=f"{self.article_id}:e{idx + 1}", name=name, label=label)
        self.records.append(_Record(ent, name_tokens))
        return idx

    def mention(self, idx: int, start: int, end: int, label: str | None = None) -> Mention:
        rec = self.records[idx]
        m = Mention(rec.entity.id, self.text[start:end], start, end, label or rec.entity.label)
        rec.mentions.append(m)
        self.owner[start:end] = array("i", [idx + 1]) * (end - start)
        return m

    def add_alias(self, idx: int, name: str) -> None:
        ent = self.records[idx].entity
        if name != ent.name and name not in ent.aliases:
            ent.aliases.append(name)

    def add_role(self, idx: int, role: str, key: str, at: int, past: bool) -> None:
        ent = self.records[idx].entity
        if role and role not in ent.roles:
            ent.roles.append(role)
        self.roles.setdefault(key, []).append((at, idx, past))
        gender = gender_of_word(key)
        if gender and self.records[idx].gender is None:
            self.records[idx].gender = gender

    def holder(self, key: str, at: int, past: bool) -> int | None:
        """Who the text presents as holding role ``key`` at offset ``at``."""
        found = self.roles.get(key, [])
        if past:
            earlier = [i for a, i, p in found if a < at and p]
            return earlier[-1] if earlier else None
        current = [i for a, i, p in found if a < at and not p]
        if current:
            return current[-1]
        later = [i for a, i, p in found if a >= at and not p]
        return later[0] if later else None


def find_entities(doc, article) -> tuple[list[Entity], list[Mention]]:
    """Entities of one article and every mention of them, role nouns included."""
    text = article.text
    marked = find_marked_spans(text)
    quoted = quoted_mask(marked, len(text))
    token_starts = [t.idx for t in doc]
    book = _EntityBook(article.id, text)
    ner = _ner_candidates(doc, text)
    ner = _not_the_outlet_itself(_quoted_titles(ner, marked, text), text, getattr(article, "outlet", None))
    ner = _people_named_by_role(ner, doc, token_starts)
    candidates = _select(_acronym_definitions(text) + _addresses(text) + ner
                         + _titled_people(doc, ner) + _organisation_names(text, ner))
    _agree_labels(candidates, text)
    _register_people(book, candidates, doc, token_starts)
    for cand in candidates:
        _assign(book, cand, doc, token_starts)
    _names_the_ner_missed(book, doc)
    _organisations_by_head(book, doc)
    _appositions(book, doc, token_starts)
    _role_chunks(book, doc, token_starts, quoted)
    _place_nicknames(book, doc, token_starts)
    entities = [r.entity for r in book.records if r.mentions]
    mentions = sorted((m for r in book.records for m in r.mentions), key=lambda m: (m.start, m.end))
    return entities, mentions


# ------------------------------------------------------------------------- candidate spans


def _ner_candidates(doc, text: str) -> list[_Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        tokens = [t for t in ent if "\n" not in t.text]
        if len(tokens) != len(ent):  # a span across paragraphs: keep the first line only
            tokens = list(ent)[: next(i for i, t in enumerate(ent) if "\n" in t.text)]
        while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].pos_ == "VERB"
                          or not tokens[0].text.strip("'\"’‘“”-")):
            tokens = tokens[1:]
        while tokens and (tokens[-1].text in _POSSESSIVE_TAIL or tokens[-1].is_punct or
                          tokens[-1].is_space):
            tokens = tokens[:-1]
        if _opens_on_a_verb_form(tokens, text):
            tokens = tokens[1:]
        if not tokens or not any(t.text[:1].isupper() for t in tokens):
            continue  # "02:39" under a video, "the weather": no name at all
        if _model_number_after(doc, tokens[-1]):
            continue  # "Boeing 717", "Airbus A380": a product's name, the maker's only part of it
        if ent.label_ == "NORP" and len(tokens) == 1 and tokens[0].pos_ == "ADJ" and tokens[0].dep_ == "amod" \
                and not tokens[0].text.endswith("s"):
            continue  # "Democratic mayor", "American officials": a word describing a noun, not a group named
        if ent.label_ == "NORP" and len(tokens) == 1 and tokens[0].i > 0 and \
                doc[tokens[0].i - 1].lower_ == "the" and not tokens[0].text.endswith("s"):
            continue  # "the Democrat": a role noun, resolved with the others
        end = tokens[-1].idx + len(tokens[-1].text)
        for tail in _POSSESSIVE_TAIL:
            if text[tokens[0].idx:end].endswith(tail) and end - len(tail) > tokens[0].idx:
                end -= len(tail)
                break
        found.append(_Candidate(tokens[0].idx, end, ent.label_, "ner"))
    return found


_BEFORE_A_TITLE = frozenset({"told", "tell", "tells", "telling", "on", "in", "to", "for"})  # 'told "The Desk"', 'on "The Desk"'
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’&.-]*")


def _quoted_titles(candidates: list[_Candidate], marked, text: str) -> list[_Candidate]:
    """A programme, paper or book named in quotation marks ("told \u201cThe Evening Desk\u201d"): the
    whole title is one name, not the place or the word inside it the NER reads ("Evening", "Desk")."""
    titles = []
    for span in marked:
        before = text[max(0, span.open_at - 12):span.open_at].split()
        if not before or before[-1].lower() not in _BEFORE_A_TITLE:
            continue  # not a slogan ("his 'Make Port Ashby Great' signs")
        words = text[span.start:span.end].rstrip(".,!?;:").split()
        if not 1 <= len(words) <= 6 or not all(_TITLE_WORD.fullmatch(w) or w in _CONNECTORS for w in words) \
                or not _TITLE_WORD.fullmatch(words[0]):
            continue
        end = span.start + len(text[span.start:span.end].rstrip(".,!?;:"))
        inside = [c for c in candidates if span.start <= c.start and c.end <= end]
        if inside and (len(inside) > 1 or inside[0].start > span.start or inside[0].end < end):
            titles.append((span.start, end, inside))
    for start, end, inside in titles:
        candidates = [c for c in candidates if c not in inside]
        candidates.append(_Candidate(start, end, "ORG", "ner"))
    return sorted(candidates, key=lambda c: c.start)


def _not_the_outlet_itself(candidates: list[_Candidate], text: str, outlet: str | None) -> list[_Candidate]:
    """"sources told The Post", in the Post's own article: the newsroom speaking of itself, which is
    the article's outlet, not someone in the story."""
    if not outlet:
        return candidates
    own = re.sub(r"^the\s+", "", outlet.strip().casefold())

    def itself(c: _Candidate) -> bool:
        return re.sub(r"^the\s+", "", text[c.start:c.end].casefold()) == own and c.label in ("ORG", "PERSON")

    return [c for c in candidates if not itself(c)]


_MODEL_NUMBER = re.compile(r"[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,3}")


def _model_number_after(doc, last) -> bool:
    """Whether a model designation follows the name straight on ("Boeing 717", "Airbus A380"), not a
    year ("GM 2008 sales") nor an amount or a count set off by punctuation."""
    if last.i + 1 >= len(doc) or last.whitespace_ != " ":
        return False
    nxt = doc[last.i + 1]
    if not _MODEL_NUMBER.fullmatch(nxt.text) or re.fullmatch(r"(?:19|20)\d\d", nxt.text):
        return False
    counted = nxt.text.isdigit() and nxt.i + 1 < len(doc) and doc[nxt.i + 1].tag_ == "NNS"  # "GM 40 plants"
    return not counted


def _opens_on_a_verb_form(tokens, text: str) -> bool:
    """A sentence opening on a gerund or participle before a name ("Calling Okafor's deal...",
    "Asked Ruiz..."): the tagger, seeing a capital, reads both words as one name. The first word is
    taken for a verb when it has a verb's ending, opens its sentence, and the article never uses it
    as a name elsewhere while it does name the rest ("Okafor") on its own."""
    if len(tokens) < 2 or not tokens[0].is_sent_start:
        return False
    first = tokens[0].text
    if len(first) < 5 or not first.lower().endswith(("ing", "ed")):
        return False
    rest = text[tokens[1].idx:tokens[-1].idx + len(tokens[-1].text)]
    as_name_elsewhere = len(re.findall(rf"(?<![.!?]\s){re.escape(first)}\b", text)) > 1
    return not as_name_elsewhere and text.count(rest) > 1


# Role nouns that only people hold: a name set beside one is a person's even when the tagger read
# it as an organisation ("the spokesman, Garba Shehu," / "Ana Ruiz, a former executive,").
# Left out: roles an organisation can hold too ("owner", "host", "leader", "player", "author"...).
_PERSON_ROLES = ROLE_NOUNS - frozenset({
    "owner", "host", "leader", "player", "star", "independent", "head", "general", "anchor", "author",
    "democrat", "republican", "conservative", "liberal", "progressive", "socialist", "incumbent",
    "challenger", "frontrunner", "boss", "manager",
})


def _people_named_by_role(candidates: list[_Candidate], doc, token_starts) -> list[_Candidate]:
    """An organisation the NER found that the parse sets beside a person's role is that person."""
    for cand in candidates:
        if cand.label != "ORG":
            continue
        span = _tokens(doc, token_starts, cand.start, cand.end)
        if not 2 <= len(span) <= 4 or not all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() and t.is_alpha for t in span):
            continue
        root = span.root
        beside = [root.head] if root.dep_ == "appos" else []
        beside += [c for c in root.children if c.dep_ == "appos"]
        if any(t.lower_ in _PERSON_ROLES and t.pos_ == "NOUN" for t in beside):
            cand.label, cand.settled = "PERSON", True
    return candidates


def _label_group(label: str) -> str:
    return "PLACE" if label in _PLACE_LABELS else label


def _agree_labels(candidates: list[_Candidate], text: str) -> None:
    """One name, one kind within an article. The small NER reads the same name as an organisation in
    one sentence and a person or a place in the next ("Veltra said" / "Veltra's shares"), which would
    split it into two entities. Every NER mention of a name takes one label:
    - a person's when the parse settled it, a title stands before the name somewhere ("President
      Hale"), or a single word is the surname of a person named in full;
    - an organisation's when the name ends in an organisation's head word ("... Bank");
    - else the most frequent reading, a person losing ties (the NER over-reads capitalised words as
      people: firms, products, landmarks)."""
    people = [text[c.start:c.end].split() for c in candidates if c.label == "PERSON"]
    surnames = {words[-1].casefold() for words in people if len(words) >= 2}
    readings: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        if cand.source in ("ner", "titled"):
            readings.setdefault(text[cand.start:cand.end].casefold(), []).append(cand)
    for name, cands in readings.items():
        groups = Counter(_label_group(c.label) for c in cands)
        if len(groups) < 2:
            continue
        words = name.split()
        settled = [c.label for c in cands if c.settled or c.source == "titled"]
        if settled:
            label = settled[0]
        elif (len(words) == 1 and name in surnames) or _titled_somewhere(text, text[cands[0].start:cands[0].end]):
            label = "PERSON"
        elif words[-1].rstrip(".") in _ORG_HEAD_WORDS:
            label = "ORG"
        else:
            if groups["PERSON"] * 2 == sum(groups.values()):
                groups.pop("PERSON", None)
            group = max(groups, key=lambda g: (groups[g], -_first_index(cands, g)))
            label = Counter(c.label for c in cands if _label_group(c.label) == group).most_common(1)[0][0]
        for cand in cands:
            cand.label = label


def _titled_somewhere(text: str, name: str) -> bool:
    """Whether a personal title stands right before ``name`` anywhere ("Mr. Hale", "Senator Hale")."""
    for m in re.finditer(rf"\b([A-Za-z]+)\.?\s+{re.escape(name)}\b", text):
        if m[1].lower() in _PERSONAL_TITLES:
            return True
    return False


def _first_index(cands: list[_Candidate], group: str) -> int:
    return next(i for i, c in enumerate(cands) if _label_group(c.label) == group)


def _acronym_definitions(text: str) -> list[_Candidate]:
    """"Department of Transit Planning (DTP)": the long form, and the acronym it defines."""
    found = []
    for m in _ACRONYM.finditer(text):
        acronym = m.group(1)
        letters = [c for c in acronym if c.isupper()]
        words = list(_WORD.finditer(text, max(0, m.start() - 160), m.start()))
        for n in range(len(letters), min(len(words), len(letters) * 2 + 3) + 1):
            phrase = words[-n:]
            if not phrase[0].group()[0].isupper():
                continue
            initials = [w.group()[0].upper() for w in phrase if w.group().lower() not in _CONNECTORS]
            if initials == letters and text[phrase[-1].end():m.start()].strip() == "":
                found.append(_Candidate(phrase[0].start(), phrase[-1].end(), "ORG", "acronym",
                                        acronym))
                break
    return found


def _addresses(text: str) -> list[_Candidate]:
    return [_Candidate(m.start(), m.end(), "FAC", "address")
            for pattern in (_ADDRESS, _BUILDING) for m in pattern.finditer(text)]


def _organisation_names(text: str, ner: list[_Candidate]) -> list[_Candidate]:
    """Capitalised names ending in an organisation word ("Tenant Defense Project") where the
    NER found nothing."""
    found = []
    for m in _ORG_NAME.finditer(text):
        start = m.start()
        if text[start:start + 4] == "The ":
            start += 4
        if len(text[start:m.end()].split()) < 2:
            continue
        if not any(c.start < m.end() and start < c.end for c in ner):
            found.append(_Candidate(start, m.end(), "ORG", "orgname"))
    return found


def _is_name_word(token) -> bool:
    return token.pos_ == "PROPN" and bool(_NAME_WORD.fullmatch(token.text)) and \
        token.lower_ not in TITLES and token.lower_ not in ROLE_NOUNS and token.lower_ not in _ORG_HEAD_WORDS


def _titled_people(doc, ner: list[_Candidate]) -> list[_Candidate]:
    """"Mayor Ana Ruiz" where the NER found nothing (the small model misses many a name opening a
    sentence behind its title): a personal title, any further titles, then one to three proper nouns."""
    found = []
    for token in doc:
        if token.lower_.rstrip(".") not in _PERSONAL_TITLES or not token.text[:1].isupper():
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.lower_.rstrip(".") in TITLES and before.text[:1].isupper():
            continue  # inside a run of titles: read from its first one
        i = token.i + 1
        while i < len(doc) and doc[i].lower_.rstrip(".") in TITLES and doc[i].text[:1].isupper():
            i += 1
        names = []
        while i < len(doc) and len(names) < 3 and _is_name_word(doc[i]):
            names.append(doc[i])
            i += 1
        if not names or (i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()):
            continue  # a longer run of capitalised words names something else
        start, end = token.idx, names[-1].idx + len(names[-1].text)
        if not any(c.start < end and start < c.end for c in ner):
            found.append(_Candidate(start, end, "PERSON", "titled"))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, the earliest and then the longest first."""
    chosen: list[_Candidate] = []
    order = {"acronym": 0, "address": 1, "ner": 2, "titled": 3, "orgname": 4}
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start), order[c.source])):
        if chosen and cand.start < chosen[-1].end:
            continue
        chosen.append(cand)
    return chosen


# ------------------------------------------------------------------------- named mentions


def _tokens(doc, token_starts: list[int], start: int, end: int):
    first = max(0, bisect_right(token_starts, start) - 1)
    last = bisect_right(token_starts, end - 1)
    return doc[first:last]


def _split_title(span) -> tuple[list, list]:
    """Leading title words of a person span ("Mayor", "Sen.") apart from the name."""
    tokens = list(span)
    title = []
    while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLES:
        title.append(tokens.pop(0))
    return title, tokens


def _register_people(book: _EntityBook, candidates, doc, token_starts) -> None:
    """Full names first, so a bare surname anywhere in the article finds its person."""
    for cand in candidates:
        if cand.label != "PERSON":
            continue
        _, name = _split_title(_tokens(doc, token_starts, cand.start, cand.end))
        if len(name) < 2:
            continue
        key = ("PERSON", " ".join(t.text for t in name).lower())
        if key in book.by_key:
            continue
        surname = name[-1].lower_
        first = name[0].lower_
        same = [i for i in book.surnames.get(surname, [])
                if book.records[i].entity.name.split()[0].lower() == first]
        if same:
            book.by_key[key] = same[0]
            continue
        idx = book.new(book.text[name[0].idx:name[-1].idx + len(name[-1].text)], "PERSON", len(name))
        book.by_key[key] = idx
        book.surnames.setdefault(surname, []).append(idx)


def _nearest_person(book: _EntityBook, word: str, at: int) -> int | None:
    options = book.surnames.get(word.lower())
    if not options:
        return None
    before = [i for i in options if any(m.start < at for m in book.records[i].mentions)]
    return before[-1] if before else options[0]


def _assign(book: _EntityBook, cand: _Candidate, doc, token_starts) -> None:
    span = _tokens(doc, token_starts, cand.start, cand.end)
    if cand.source == "acronym":
        idx = book.by_key.get(("ORG", book.text[cand.start:cand.end].lower()))
        if idx is None:
            idx = book.new(book.text[cand.start:cand.end], "ORG", len(span))
            book.by_key[("ORG", book.text[cand.start:cand.end].lower())] = idx
        book.acronyms[cand.acronym] = idx
        book.add_alias(idx, cand.acronym)
        book.mention(idx, cand.start, cand.end)
        return
    title, name = _split_title(span) if cand.label == "PERSON" else ([], list(span))
    start = name[0].idx if title else cand.start
    end = cand.end
    surface = book.text[start:end]
    words = surface.split()
    idx = None
    if cand.label == "PERSON" or len(words) == 1:
        idx = book.by_key.get(("PERSON", " ".join(t.text for t in name).lower()))
        if idx is None and len(words) == 1:
            idx = _nearest_person(book, words[0], start)
            if idx is None and len(name) == 1:
                idx = _first_name_match(book, words[0])
    if idx is None and surface in book.acronyms:
        idx = book.acronyms[surface]
    if idx is None and len(words) == 1 and surface.isupper():
        idx = _initials_of_one(book, surface)
    if idx is None and len(words) == 1 and cand.label in ("ORG", "PERSON"):
        idx = _organisation_first_word(book, surface, start)  # the NER reads many a lone firm's name as a person's
    if idx is not None:
        book.add_alias(idx, surface)
        book.mention(idx, start, end, book.records[idx].entity.label)
        if title:
            _title_role(book, idx, title, doc)
        _title_before(book, idx, doc, span[0].i if not title else title[0].i, token_starts)
        return
    group = "PLACE" if cand.label in _PLACE_LABELS else cand.label
    key = (group, surface.lower())
    idx = book.by_key.get(key)
    if idx is None:
        idx = book.new(surface, cand.label, len(words))
        book.by_key[key] = idx
        if cand.label == "PERSON":
            book.surnames.setdefault(words[-1].lower(), []).append(idx)
    book.mention(idx, start, end)
    if cand.label == "PERSON":
        if title:
            _title_role(book, idx, title, doc)
        _title_before(book, idx, doc, span[0].i if not title else title[0].i, token_starts)


# institutions named after the place they serve, whose first word alone is that place
_PUBLIC_BODY_HEADS = frozenset({"department", "council", "office", "board", "authority", "court", "commission",
                                "ministry", "bureau", "agency", "committee", "administration", "university",
                                "college", "police", "district", "county", "school", "hospital"})
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+(?:[a-z][\w-]*\s+){0,2}$")


def _organisation_first_word(book: _EntityBook, word: str, at: int) -> int | None:
    """"Apple" after "Apple Computer", "Ford" after "Ford Motor Company": a one-word organisation
    name that opens the name of the one organisation named before it with that word is that
    organisation, as a surname is the person's. Where two names open with it ("Apple Corps" and
    "Apple Computer") it is neither, nor when it is an acronym ("GM" after "GM Europe")."""
    if word.lower().rstrip(".") in _ORG_HEAD_WORDS or word.lower() in _CONNECTORS:
        return None
    if word.replace(".", "").isupper():
        return None  # an acronym opening a longer name is its parent: "CNN" beside "CNN International"
    hits = [i for i, rec in enumerate(book.records)
            if rec.entity.label == "ORG" and rec.name_tokens >= 2 and rec.entity.name.split()[0] == word
            and any(m.start < at for m in rec.mentions)]
    if len(hits) != 1 or any(_DETERMINED.search(book.text, max(0, m.start - 40), m.start)
                             for m in book.records[hits[0]].mentions):
        return None  # "the Apple Watch", "a Tesla Roadster": a thing the firm makes, not the firm
    if book.records[hits[0]].entity.name.split()[-1].lower().rstrip(".") in _PUBLIC_BODY_HEADS:
        return None  # "Mesquite Police Department", "Calder University": named after a place
    later = re.findall(rf"\b{re.escape(word)}\s+[A-Z][\w.&-]*", book.text[at:])  # "Apple Corps" further on
    return hits[0] if all(book.records[hits[0]].entity.name.startswith(c) for c in later) else None


def _initials_of_one(book: _EntityBook, word: str) -> int | None:
    """"NYC" in an article that named "New York City", whatever label the NER gave either: the
    initials of exactly one organisation's or place's name written earlier."""
    if not 2 <= len(word) <= 6:
        return None
    hits = [i for i, r in enumerate(book.records)
            if r.entity.label != "PERSON" and r.mentions and _spelled_initials(r.entity.name) == word]
    return hits[0] if len(hits) == 1 else None


def _spelled_initials(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words) if len(words) >= 2 and all(w[:1].isupper() for w in words) else ""


def _names_the_ner_missed(book: _EntityBook, doc) -> None:
    """Known names the NER let through: a defined acronym, a one-word organisation or place named
    elsewhere ("Veltra"), a person's surname ("Okafor said")."""
    covered = bytearray(len(book.text))
    for rec in book.records:
        for m in rec.mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for acronym, idx in book.acronyms.items():
        for m in re.finditer(rf"\b{re.escape(acronym)}\b", book.text):
            if not covered[m.start()]:
                book.mention(idx, m.start(), m.end())
                covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    one_word = {r.entity.name: i for i, r in enumerate(book.records) if _spelled_like_a_name(r, book.text)}
    for t in doc:  # exactly as written, and not the start of a longer name ("Veltra Motors")
        idx = one_word.get(t.text)
        if idx is not None and not covered[t.idx] and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN") \
                and not _model_number_after(doc, t):
            book.mention(idx, t.idx, t.idx + len(t.text))
            covered[t.idx:t.idx + len(t.text)] = b"\x01" * len(t.text)
    for t in doc:
        # a surname opening a sentence is often tagged a common noun ("Ruiz later left.")
        if covered[t.idx] or not (t.pos_ == "PROPN" and t.text[:1].isupper()
                                  or t.pos_ == "NOUN" and _NAME_WORD.fullmatch(t.text)):
            continue
        if t.lower_ not in book.surnames or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
            continue
        idx = _nearest_person(book, t.text, t.idx)
        if idx is not None and book.records[idx].entity.label == "PERSON":
            book.mention(idx, t.idx, t.idx + len(t.text))
            book.add_alias(idx, t.text)


def _spelled_like_a_name(record: _Record, text: str) -> bool:
    """A one-word organisation or place whose spelling is a name wherever it stands: capitalised
    (an all-capitals word only when short, as acronyms are: not "CLOSE" from a video player), named
    at least twice, and never written in lower case in the article ("Heavy", "State" are words)."""
    name = record.entity.name
    return (record.entity.label in ("ORG", "GPE") and record.name_tokens == 1 and len(name) >= 3
            and name.isalpha() and name[:1].isupper() and (not name.isupper() or len(name) <= 4)
            and len(record.mentions) >= 2 and not re.search(rf"\b{re.escape(name.lower())}\b", text))


# how institutions' names end that the text calls by another noun for short
# a company's legal designator ("Acme Inc.", "Talvik Holdings") is what marks it a company or firm
_CORPORATE = ("company", "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
              "limited", "llc", "plc", "holdings", "group", "gmbh", "ag", "s.a.", "n.v.")
_SHORT_FOR = {"hospital": ("hospital", "medical center", "medical centre", "infirmary"),
              "company": _CORPORATE, "firm": _CORPORATE}
_TEAM_NOUNS = frozenset({"team"})  # a sports team's name ends in a plural: "the ... Herons" ("club": a night club too)
# plurals that end the names of institutions and firms, not teams
_NOT_TEAM_PLURALS = frozenset({
    "nations", "states", "studios", "games", "airlines", "airways", "networks", "industries", "systems",
    "sciences", "services", "communications", "partners", "labs", "laboratories", "technologies",
    "pictures", "records", "resources", "solutions", "products", "enterprises", "brothers", "times",
    "news", "affairs", "forces", "islands", "emirates", "arts", "motors", "pharmaceuticals", "studies",
    "investments", "properties", "sports", "foods", "stores", "markets", "relations", "rights",
})


def _organisations_by_head(book: _EntityBook, doc) -> None:
    """"the union" after "the Harbor Nurses Union", "the hospital" after "Calder Regional Medical
    Center", "the company" after "Acme Inc.": a definite noun naming an organisation named before
    whose name ends in it (or in what marks that kind of organisation), the one named most often so
    far (then the latest) where several do."""
    for t in doc:
        if t.pos_ != "NOUN" or t.i == 0 or doc[t.i - 1].lower_ != "the" or book.owner[t.idx] or \
                t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN"):
            continue  # "the union contract": the noun only qualifies another
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "the club of nuclear-armed nations": a noun of its own
        endings = tuple(" " + e for e in _SHORT_FOR.get(t.lower_, (t.lower_,)))
        named, most = {}, 0
        for i, r in enumerate(book.records):
            before = [m.start for m in r.mentions if m.end <= t.idx] if r.entity.label in ("ORG", "FAC") else []
            most = max(most, len(before))
            if before and (_named_by_head(r.entity.name.lower(), endings, t.lower_)
                           or t.lower_ in _TEAM_NOUNS and _team_name(r.entity.name)):
                named[i] = (len(before), max(before))
        if _SHORT_FOR.get(t.lower_) is _CORPORATE:  # a designator marks a company, not which one is meant:
            named = {i: n for i, n in named.items()  # then only the article's most-named organisation
                     if n[0] == most or book.records[i].entity.name.lower().endswith(" " + t.lower_)}
        if named:
            book.mention(max(named, key=named.__getitem__), doc[t.i - 1].idx, t.idx + len(t.text))


def _named_by_head(name: str, endings: tuple[str, ...], noun: str) -> bool:
    """Whether an organisation's (lower-cased) name has ``noun`` for its head: it ends in it ("the
    Harbor Nurses Union") or it opens the "of" phrase that names it ("the Ministry of Defence",
    "the University of Calder")."""
    return name.endswith(endings) or re.search(rf"(?:^|\s){re.escape(noun)} of\s", name) is not None


def _team_name(name: str) -> bool:
    """"Lowen Bay Herons", "Carver City Miners", "Miners": a name ending in a capitalised plural that is not
    one of the plurals institutions' and firms' names end in ("United Nations", "... Studios")."""
    words = name.split()
    last = words[-1] if words else ""
    return last[:1].isupper() and last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last.isupper() \
        and last.lower() not in _ORG_HEAD_WORDS and last.lower() not in _NOT_TEAM_PLURALS


def _first_name_match(book: _EntityBook, word: str) -> int | None:
    w = word.lower()
    hits = [i for i, r in enumerate(book.records)
            if r.entity.label == "PERSON" and r.name_tokens >= 2
            and r.entity.name.split()[0].lower() == w]
    return hits[0] if len(hits) == 1 else None


def _is_past(tokens, doc) -> bool:
    """A role held in the past: "former", "then-", or the clause "when X was ..."."""
    if any(t.lower_.strip("-") in PAST_ROLE_MARKERS for t in tokens):
        return True
    if not tokens:
        return False
    i = tokens[0].i
    if i > 0 and doc[i - 1].lower_.strip("-") in PAST_ROLE_MARKERS:
        return True
    verb = tokens[-1]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
        tense = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if marks & PAST_CLAUSE_MARKERS and "VBD" in tense:
            return True
    return False


def _title_role(book: _EntityBook, idx: int, title, doc) -> None:
    words = [t for t in title if t.lower_.rstrip(".") not in PAST_ROLE_MARKERS]
    if not words:
        return
    phrase = book.text[title[0].idx:title[-1].idx + len(title[-1].text)]
    book.add_role(idx, phrase, words[-1].lower_.rstrip("."), title[0].idx, _is_past(title, doc))
    gender = gender_of_word(title[0].lower_.rstrip("."))
    if gender:
        book.records[idx].gender = gender


def _title_before(book: _EntityBook, idx: int, doc, first_i: int, token_starts) -> None:
    """Role words written right before a name: "transit chief Dana Ruiz", "spokeswoman Ann Lee"."""
    taken = {m.start for r in book.records for m in r.mentions}
    j = first_i - 1
    words = []
    place = _place_of_role(doc, j)
    if place is not None:  # "mayor of Port Ashby Lionel Brandt": the place belongs to the role
        words, j = list(doc[place:first_i]), place - 1
    while j >= 0:
        t = doc[j]
        if t.is_punct or t.is_space or t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.idx in taken:
            break
        if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLES:
            break
        if t.ent_type_ in ENTITY_LABELS and not (t.ent_type_ == "NORP" and t.pos_ == "ADJ"):
            break  # a party or nationality describing the role stays in it ("Republican senator")
        words.insert(0, t)
        j -= 1
    nouns = [t for t in words if t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLES]
    if not nouns:
        return
    if place is not None:
        last = next(t for t in words if t.lower_ == "of").nbor(-1)
        phrase = book.text[words[0].idx:doc[first_i - 1].idx + len(doc[first_i - 1].text)]
        book.add_role(idx, phrase.strip("\"'“”‘’"), last.lower_.rstrip("."), words[0].idx, _is_past(words, doc))
        return
    last = words[-1]
    if last.pos_ == "ADJ" and last.lower_ not in TITLES:
        return
    phrase = book.text[words[0].idx:last.idx + len(last.text)].strip("\"'“”‘’")
    book.add_role(idx, phrase, last.lower_.rstrip("."), words[0].idx, _is_past(words, doc))


# ------------------------------------------------------------------------- role nouns


def _place_of_role(doc, j: int) -> int | None:
    """Where "ROLE of PLACE" ends right before a name begins ("mayor of Port Ashby" before "Lionel
    Brandt"): the index of the role noun, when token ``j`` closes a place the NER named, "of" stands
    before that place, and a role noun before "of"."""
    k = j
    while k >= 0 and doc[k].ent_type_ in ("GPE", "LOC"):
        k -= 1
    if k == j or k < 1 or doc[k].lower_ != "of":
        return None
    role = doc[k - 1]
    if role.lower_.rstrip(".") not in ROLE_NOUNS and role.lower_.rstrip(".") not in TITLES:
        return None
    return k - 1


def _mention_at(book: _EntityBook, start: int, end: int) -> int | None:
    """The entity with a mention overlapping ``[start, end)``, if any."""
    for owner in book.owner[start:end]:
        if owner:
            return owner - 1
    return None


def _appositions(book: _EntityBook, doc, token_starts) -> None:
    """"X, the transit chief," and "the governor's transit chief, X": the role NP names person X."""
    for idx, rec in enumerate(list(book.records)):
        if rec.entity.label != "PERSON":
            continue
        for m in list(rec.mentions):
            if m.label == "ROLE":
                continue
            head = _tokens(doc, token_starts, m.start, m.end).root
            for child in head.children:
                if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i:
                    _add_role_np(book, idx, doc, child.left_edge.i, child.i, child)
            if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i:
                role = head.head
                _add_role_np(book, idx, doc, role.left_edge.i, role.i, role)


def _add_role_np(book: _EntityBook, idx: int, doc, first: int, last: int, root) -> None:
    if any(t.is_quote for t in doc[max(first - 1, 0):last + 1]):
        return  # a quoted phrase ("called the plan “a radical experiment”") is someone's words, not a role
    tokens = [t for t in doc[first:last + 1]]
    while tokens and (tokens[0].dep_ == "poss" or tokens[0].dep_ == "case" or tokens[0].ent_type_
                      in ("PERSON", "ORG", "GPE") and tokens[0].dep_ in ("poss", "compound")):
        tokens = tokens[1:]
    poss_end = max((t.i for t in tokens if t.dep_ == "case"), default=None)
    if poss_end is not None:
        tokens = [t for t in tokens if t.i > poss_end]
    if not tokens or root not in tokens:
        return
    start, end = tokens[0].idx, root.idx + len(root.text)
    if _mention_at(book, start, end) is not None:
        return
    phrase = book.text[start:end]
    book.add_role(idx, phrase, root.lower_, start, _is_past(tokens, doc))
    book.mention(idx, start, end, "ROLE")


def _role_chunks(book: _EntityBook, doc, token_starts, quoted: bytearray) -> None:
    """Definite role nouns ("the mayor", "the former captain"), in reading order."""
    chunks = {c.start: c for c in doc.noun_chunks}
    topic: int | None = None
    for sent in doc.sents:
        subjects = _subjects(sent, quoted)
        for c in [chunks[i] for i in range(sent.start, sent.end) if i in chunks]:
            topic = _sentence_topic(book, [t for t in subjects if t.i < c.start], topic)
            _resolve_role_chunk(book, c, doc, topic)
        _nickname_subject(book, sent, quoted, topic)
        topic = _sentence_topic(book, subjects, topic)


def _resolve_role_chunk(book: _EntityBook, chunk, doc, topic: int | None) -> None:
    root = chunk.root
    key = root.lower_
    if root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
        return
    tokens = list(chunk)
    poss = [t for t in tokens if t.dep_ == "case" or t.text in _POSSESSIVE_TAIL]
    if poss:
        tokens = [t for t in tokens if t.i > poss[-1].i]
    elif tokens[0].lower_ not in ("the", "this", "that"):
        return
    if not tokens or root not in tokens:
        return
    start, end = tokens[0].idx, root.idx + len(root.text)
    if _mention_at(book, root.idx, end) is not None:
        return
    known = key in book.roles
    if not known and key not in ROLE_NOUNS:
        return
    past = _is_past(tokens, doc)
    idx = book.holder(key, start, past) if known else None
    if idx is None:
        if topic is None or root.dep_ not in ("nsubj", "nsubjpass") or key not in ROLE_NOUNS:
            return
        if book.records[topic].entity.label != "PERSON":
            return
        wanted, known_gender = gender_of_word(key), book.records[topic].gender
        if wanted and known_gender and wanted != known_gender:
            return
        held = {k for k, holders in book.roles.items() if any(i == topic for _, i, _ in holders)}
        if held and not past and len(tokens) > 2:
            return  # "the Manhattan federal prosecutor" beside a known mayor: another office, another person
        idx = topic
    book.add_role(idx, book.text[start:end], key, start, past)
    book.mention(idx, start, end, "ROLE")


def _nickname_subject(book: _EntityBook, sent, quoted: bytearray, topic: int | None) -> None:
    """A one-word name seen once, as a subject that "he"/"she" then picks up, names the person
    the text is about ("The Boss also said he ..."): a nickname, not a new organisation."""
    if topic is None or book.records[topic].entity.label != "PERSON":
        return
    for t in sent:
        if t.dep_ not in ("nsubj", "nsubjpass") or quoted[t.idx] or not t.text[:1].isupper():
            continue
        idx = _mention_at(book, t.idx, t.idx + len(t.text))
        if idx is None or idx == topic:
            return
        rec = book.records[idx]
        if rec.entity.label == "PERSON" or len(rec.mentions) != 1 or rec.name_tokens != 1 or \
                rec.entity.name.isupper():
            return
        later = [u for u in t.doc[t.i + 1:sent.end] if not quoted[u.idx]]
        for u in later:
            if u.lower_ in PERSON_PRONOUNS:
                mention = rec.mentions.pop()
                book.add_role(topic, mention.text, mention.text.lower(), mention.start, False)
                book.mention(topic, mention.start, mention.end, "ROLE")
                return
            if u.ent_type_ == "PERSON":
                return
        return


# where only a place goes: not "in", "to", "from" ("an interview in the Courier", "according to the Courier")
_PLACE_PREPOSITIONS = frozenset({"into", "across", "throughout", "around"})
_PLACE_NOUNS = frozenset({"city", "state", "country", "nation", "island", "region"})
_BUILDING_HEADS = frozenset(w.lower() for w in _BUILDING.pattern.split("(?:")[-1].split(")")[0].split("|")) | {"house"}


def _place_nicknames(book: _EntityBook, doc, token_starts) -> None:
    """"the flow of visitors into the Windy Harbour" in an article about one city: a descriptive name
    written once after "the", where only a place goes (after "into", "across"...), in an article that
    speaks of its place as "the city" (or state, country...), is that place's nickname. The NER,
    seeing capitals, reads it as an organisation. Not a building or an institution ("the White
    House", "the Kremlin Palace"): their names end in a building's or an organisation's word."""
    places = [r for r in book.records if r.entity.label == "GPE" and r.mentions]
    if not places:
        return
    spoken_of = {t.lower_ for t in doc if t.lower_ in _PLACE_NOUNS and t.pos_ == "NOUN"}
    if not spoken_of:
        return
    home = min(places, key=lambda r: r.mentions[0].start)
    for idx, rec in enumerate(book.records):
        if rec is home or rec.entity.label not in ("ORG", "PERSON", "FAC") or len(rec.mentions) != 1:
            continue
        m = rec.mentions[0]
        span = _tokens(doc, token_starts, m.start, m.end)
        words = m.text.split()
        if not 2 <= len(words) <= 3 or m.text.isupper() or words[-1].endswith("s") or any(
                w.lower().rstrip(".") in _ORG_HEAD_WORDS or w.lower() in _BUILDING_HEADS for w in words):
            continue  # not "the United Nations", "the White House", "the Supreme Court"
        before = doc[span[0].i - 1] if span[0].i > 0 else None
        root = span.root
        if before is None or before.text != "the" or root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        if root.head.head.lemma_ in ATTRIBUTION_VERBS or root.head.head.pos_ == "NOUN" and \
                root.head.head.lower_ in SPEECH_NOUNS:
            continue  # "wrote in the Evening Ledger", "an interview in the Evening Ledger": a paper
        rec.mentions.clear()
        book.mention(book.records.index(home), m.start, m.end)
        book.add_alias(book.records.index(home), m.text)


def _subjects(sent, quoted: bytearray) -> list:
    """The sentence's subjects outside quotation marks, in order."""
    return [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and not quoted[t.idx]]


def _sentence_topic(book: _EntityBook, subjects: list, topic: int | None) -> int | None:
    """The person a sentence is about: its first subject (outside quotation marks) that names one."""
    for t in subjects:
        if t.lower_ in PERSON_PRONOUNS:
            if topic is not None and book.records[topic].gender is None:
                book.records[topic].gender = gender_of_word(t.lower_)
            return topic
        idx = _mention_at(book, t.idx, t.idx + len(t.text))
        if idx is not None and book.records[idx].entity.label == "PERSON":
            return idx
    return topic
