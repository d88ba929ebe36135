"""Who said what: direct, partial and indirect quotes with their speakers.

Quotations come from the quotation marks (``quotemarks``); whether a quoted stretch is speech is
decided from its shape and context (a speech verb nearby, its length, whether it reads like a
sentence, a title or a label in front of a noun). The speaker is found from the attribution next to
the quote ("..., she said", "X told reporters: ...", "according to X"), else from the quote it
continues (a split quote, a paragraph that is only a quotation), else from the sentence before.
Pronouns go to the person the discourse is about (``discourse``); role nouns and names go to their
entity through the mentions ``find_entities`` made.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from ..model import Entity, Mention, Quote
from .discourse import Discourse
from .quotemarks import MarkedSpan, find_marked_spans, quoted_mask
from .nlp import lemma_of
from .speech import (
    ADDRESSEE_VERBS,
    ANONYMOUS_HEADS,
    ATTRIBUTION_VERBS,
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    RAISED_CONCERNS,
    ANONYMOUS_MARKERS,
    ATTRIBUTION_NOUNS,
    BELIEF_NOUNS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    STANCE_VERBS,
    TO_VERBS,
    SPEECH_VERBS,
    WEAK_CUES,
)

ANONYMOUS = "anonymous source"
_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”’)]|$)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Hon|Mt|Ft|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|U\.S|U\.N|D\.C|a\.m|p\.m)"
    r"|\b[A-Z])$"
)
_DASHES = "―—–-"
_LEAD_PUNCT = ",:;—–-"
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by",
                          "with", "from", "is", "it"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_SPEAKING_LABELS = frozenset({"PERSON", "ORG"})  # entity kinds that speak through a group ("Google executives said")
_SUBORDINATORS = frozenset({"when", "because", "while", "after", "before", "if", "since",
                            "although", "though", "whereas", "unless", "until"})


@dataclass
class Speaker:
    name: str | None
    entity_id: str | None
    start: int | None
    end: int | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass
class _Found:
    span: MarkedSpan
    kind: str
    speaker: Speaker | None


class _Article:
    """One parsed article with lookups from character offsets to tokens, mentions and quotes."""

    def __init__(self, doc, text: str, entities: list[Entity], mentions: list[Mention]):
        self.doc = doc
        self.text = text
        self.token_starts = [t.idx for t in doc]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.mention_starts = [m.start for m in self.mentions]
        self.entities = {e.id: e for e in entities}
        self.spans = find_marked_spans(text)
        self.quoted = quoted_mask(self.spans, len(text))
        self.discourse = Discourse(doc, self.entities, self.mentions, self.quoted)

    def tokens(self, start: int, end: int):
        first = bisect_left(self.token_starts, start)
        last = bisect_left(self.token_starts, end)
        return self.doc[first:last]

    def token_at(self, offset: int):
        return self.doc[max(0, bisect_right(self.token_starts, offset) - 1)]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)`` (a mention never spans more than a few words)."""
        found = []
        for m in self.mentions[max(0, bisect_left(self.mention_starts, start) - 8):]:
            if m.start >= end:
                break
            if start < m.end:
                found.append(m)
        return found

    def is_quoted(self, token) -> bool:
        return bool(self.quoted[token.idx])


def find_quotes(doc, article, entities, mentions, attributions: bool = True) -> list[Quote]:
    """Direct and partial quotes (in quotation marks), then indirect speech, in text order.

    ``attributions`` adds every attribution without quotation marks (``attribution``): reported
    speech after any reporting verb, "according to", beliefs; off, only the reported speech that
    holds a quotation or follows say/tell is kept (what this finder did before, kept as a baseline).
    """
    art = _Article(doc, article.text, entities, mentions)
    found: list[_Found] = []
    for i, span in enumerate(art.spans):
        kind = _kind(art, span, art.spans[i - 1] if i else None)
        if kind is None:
            continue
        speaker = _attribute(art, span, kind, found)
        found.append(_Found(span, kind, speaker))
    quotes = [_quote(art.text, f.span.start, f.span.end, f.kind, f.speaker) for f in found]
    quotes.extend(_transcript(art, quotes))
    quotes.extend(_indirect(art, quotes, attributions))
    if attributions:
        quotes.extend(_headline_attribution(art, quotes))
    if attributions:  # what a source is said to say is never just the source: a misread
        quotes = [q for q in quotes if q.kind in ("direct", "partial") or q.speaker_start is None
                  or not q.speaker_start <= q.start < q.end <= q.speaker_end]
        quotes = [q if q.kind in ("direct", "partial") else _without_trailing_aside(art, q) for q in quotes
                  if q.kind in ("direct", "partial") or not _in_capitals(art, q)]
    for q in quotes:
        q.source_type = _source_type(art, q)
    return sorted(quotes, key=lambda q: q.start)


def _in_capitals(art: _Article, q: Quote) -> bool:
    """Whether an attribution is set in capitals, cue and all (a run-in subhead: "EVEN HIS BOSS
    THINKS HE IS WRONG — ..."), which the tagger cannot read and which reports nobody's words."""
    letters = [c for c in q.text + (q.cue or "") if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


# what opens an aside after a comma: "..., which ...", "..., although ...", "..., arguing that ..."
_ASIDE_OPENERS = frozenset({"which", "who", "whom", "whose", "where", "although", "though", "while",
                            "whereas", "even", "especially", "including", "aside"})
_ASIDE_DEPS = frozenset({"relcl", "advcl", "appos", "acl", "npadvmod"})


def _without_trailing_aside(art: _Article, q: Quote) -> Quote:
    """An attribution's content without the aside that closes it after a comma: a clause on its
    last noun ("the rules, which ..."), a participle ("..., focusing on ..."), a concession
    ("..., although ...") or an appositive ("Trump, the presumed favorite"). The aside is the
    writer's, not what the source said."""
    tokens = [t for t in art.tokens(q.start, q.end) if not t.is_space]
    for t in tokens[1:-1]:
        if t.text != "," or art.is_quoted(t):
            continue
        nxt = t.doc[t.i + 1]
        opener = nxt.lower_ in _ASIDE_OPENERS or nxt.tag_ == "VBG" or nxt.pos_ == "DET" and nxt.lower_ == "the"
        if not opener:
            continue
        head = next((a for a in [nxt, *nxt.ancestors] if a.left_edge.i >= t.i), nxt)
        while head.head.left_edge.i >= t.i and head.head is not head:
            head = head.head
        if head.dep_ not in _ASIDE_DEPS and not (nxt.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp", "conj")):
            continue
        if head.right_edge.idx + len(head.right_edge.text) < q.end - 1:
            continue  # the aside closes before the content does: "the plan, which failed, will return"
        end = t.idx
        text = art.text[q.start:end].rstrip()
        if len(text.split()) < 2 or 1 in art.quoted[end:q.end]:
            return q  # a quotation in the aside keeps it: the source's words
        return replace(q, text=text, end=q.start + len(text))
    return q


_HEADLINE = re.compile(r"^(?P<label>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,4}):[ \t]+(?P<words>[^\n]{10,200})$", re.M)


def _headline_attribution(art: _Article, quotes: list[Quote]) -> list[Quote]:
    """A headline that gives its words to a source: "Senator Ruiz: The Bridge Must Close", "Poll:
    Voters Split on Tax". Only the article's first line (the title), only a label naming a person or
    organisation of the article or a poll, report or study; a kicker ("Fact check:") names no one."""
    m = _HEADLINE.match(art.text)
    if m is None or m.group("label").lower() in _NOT_SPEAKERS:
        return []
    start, end = m.start("words"), m.end("words")
    while end > start and art.text[end - 1] in " .":
        end -= 1
    if any(q.start < end and start < q.end and q.kind == "direct" for q in quotes):
        return []
    label, at = m.group("label"), m.start("label")
    speaker = None
    for mention in art.mentions_in(at, at + len(label)):
        entity = art.entities.get(mention.entity_id)
        if entity is not None and entity.label in ("PERSON", "ORG"):
            speaker = Speaker(entity.name, entity.id, mention.start, mention.end, ":")
            break
    if speaker is None and label.split()[-1].lower() in DOCUMENT_NOUNS:
        speaker = Speaker(label, None, at, at + len(label), ":")
    if speaker is None:
        return []
    colon = m.end("label")
    speaker = replace(speaker, cue_start=colon, cue_end=colon + 1)
    kind = "partial" if 1 in art.quoted[start:end] else "indirect"
    return [_quote(art.text, start, end, kind, speaker)]


def _quote(text: str, start: int, end: int, kind: str, speaker: Speaker | None) -> Quote:
    s = speaker or Speaker(None, None, None, None, None)
    return Quote(text[start:end], start, end, kind, s.name, s.entity_id, s.start, s.end, s.cue,
                 s.cue_start, s.cue_end)


_PHRASE_PREPS = frozenset({"for", "of", "at", "with", "in", "from", "on", "to", "who", "that", ","})


def _source_type(art: _Article, q: Quote) -> str | None:
    """What kind of source a quote's speaker is (``model.SourceType``), from how the text names it."""
    if q.speaker == ANONYMOUS:
        return "anonymous"
    if q.speaker_entity_id is not None:
        entity = art.entities.get(q.speaker_entity_id)
        return "group" if entity is not None and entity.label == "NORP" else "named"
    if q.speaker_start is None or q.speaker_end is None:
        return "named" if q.speaker else None
    words = art.text[q.speaker_start:q.speaker_end].split()
    if len(words) > 2 and all(w[:1].isupper() for w in words[-2:]) and words[-1].lower() not in PERSON_PRONOUNS:
        return "named"  # "the mayor of Springfield Ana Ruiz": a name the NER missed, at the end
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PHRASE_PREPS), len(words))
    words = words[:cut]  # "a spokeswoman for the council": the spokeswoman
    if not words:
        return None
    head = words[-1].strip(".,;:’'").lower()
    if head in PERSON_PRONOUNS or head in ("i", "we", "they", "it", "you"):
        return "pronoun"
    if head in DOCUMENT_NOUNS:
        return "document"
    if head in GROUP_NOUNS or head in BODY_NOUNS or head.endswith("s") and head[:-1] in ROLE_NOUNS:
        return "group"
    if head in ROLE_NOUNS or head in ANONYMOUS_HEADS:
        return "role"
    return "named" if words[-1][:1].isupper() else "role"


# ------------------------------------------------------------------------- windows


def _sentence_ends(text: str, start: int, end: int):
    """Sentence-final punctuation between ``start`` and ``end``, not the dot of "Mr." or "U.S."."""
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "." and _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
            continue
        following = text[m.end():m.end() + 12].lstrip(" )”’\"'")
        if following[:1].islower() or following[:1] in ",;:":
            continue
        yield m


def _sentence_start_before(art: _Article, span: MarkedSpan, prev: MarkedSpan | None) -> int:
    """Where the words leading into a quote begin: the sentence start, previous quote or paragraph."""
    floor = span.paragraph_start
    if prev is not None and prev.paragraph_start == span.paragraph_start:
        floor = max(floor, (prev.close_at if prev.close_at is not None else prev.end) + 1)
    start = floor
    for m in _sentence_ends(art.text, floor, span.open_at):
        if not art.quoted[m.start()]:
            start = m.end()
    return start


def _window_after(art: _Article, span: MarkedSpan) -> tuple[int, int]:
    begin = (span.close_at + 1) if span.close_at is not None else span.end
    stop = span.paragraph_end
    for m in _sentence_ends(art.text, begin, stop):
        stop = m.start()
        break
    for other in art.spans:
        if begin <= other.open_at < stop:
            stop = other.open_at
            break
    return begin, stop


def _words_before(art: _Article, span: MarkedSpan, prev: MarkedSpan | None) -> str:
    return art.text[_sentence_start_before(art, span, prev):span.open_at]


# ------------------------------------------------------------------------- is it speech?


def _kind(art: _Article, span: MarkedSpan, prev: MarkedSpan | None) -> str | None:
    """"direct", "partial", or None for quotation marks that do not hold someone's words."""
    quoted = art.text[span.start:span.end]
    words = re.findall(r"[^\W\d_][\w'’-]*", quoted)
    if not words:
        return None
    before = _words_before(art, span, prev).strip()
    a_start, a_end = _window_after(art, span)
    after = art.text[a_start:a_end]
    ends_clause = quoted[-1] in ".,!?…—-:;" or after[:1] in (",", ":", "?", "!")
    embedded = bool(before) and before[-1] not in _LEAD_PUNCT
    follows_quote = prev is not None and prev.paragraph_start == span.paragraph_start and \
        art.text[(prev.close_at or prev.end) + 1:span.open_at].strip(" ,")[-1:] not in ".!?"
    short = len(words) <= 3
    if _title_like(words, quoted, before):
        return None
    if short and _labels_a_noun(art, span):
        return None
    cue_nearby = _has_cue(art, _sentence_of(art, span))
    if span.single and not cue_nearby:
        return None
    if embedded:
        if short and not cue_nearby:
            return None
        return "partial"
    if short and not ends_clause and not cue_nearby:
        return None
    if quoted[0].islower() and before and not follows_quote:
        return "partial"
    return "direct"


def _title_like(words: list[str], quoted: str, before: str) -> bool:
    """Capitalised short phrase without a verb-like shape: a title or a name, not speech."""
    embedded = bool(before) and before[-1] not in _LEAD_PUNCT
    if len(words) > 8 or quoted.rstrip(".")[-1:] in "!?" or quoted[-1] == "," and not embedded:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or not all(w[0].isupper() for w in content):
        return False
    if len(content) == 1 and not before:
        return False  # "Wow." at the start of a sentence is speech
    return not (quoted.endswith(".") and not before)


def _labels_a_noun(art: _Article, span: MarkedSpan) -> bool:
    """A term put in quotation marks in front of the noun it qualifies: the "sanctuary" status."""
    end = (span.close_at + 1) if span.close_at is not None else span.end
    if art.text[span.start:span.end][-1] in ".,!?…":
        return False
    nxt = art.text[end:end + 1]
    if not nxt.isspace() and nxt != "":
        return False
    after_tokens = [t for t in art.tokens(end, min(len(art.text), end + 40)) if not t.is_space]
    before_tokens = [t for t in art.tokens(max(span.paragraph_start, span.open_at - 40), span.open_at)
                     if not t.is_space]
    prev = before_tokens[-1] if before_tokens else None
    if prev is not None and (prev.lower_ == "to" or prev.pos_ in ("AUX", "VERB")):
        return False
    if prev is not None and (prev.text in ("'s", "’s", "'", "’") or prev.pos_ == "DET") and \
            after_tokens and after_tokens[0].pos_ in ("NOUN", "PROPN", "ADJ"):
        return True
    return bool(after_tokens) and after_tokens[0].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and \
        not art.is_quoted(after_tokens[0]) and after_tokens[0].lower_ not in SPEECH_VERBS


def _sentence_of(art: _Article, span: MarkedSpan):
    first = art.token_at(span.start).sent
    last = art.token_at(max(span.start, span.end - 1)).sent
    return art.doc[first.start:last.end]


def _is_cue(token, weak: bool = False) -> bool:
    """A speech verb; ``weak`` also admits verbs that only attribute words next to a quote."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    return token.lower_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX") and \
        (weak or token.lower_ not in WEAK_CUES)


def _has_cue(art: _Article, tokens) -> bool:
    return any(_is_cue(t) for t in tokens if not art.is_quoted(t))


# ------------------------------------------------------------------------- attribution


def _attribute(art: _Article, span: MarkedSpan, kind: str, found: list[_Found]) -> Speaker | None:
    direct = [f for f in found if f.kind == "direct"]
    prev_same_para = direct[-1] if direct and direct[-1].span.paragraph_start == span.paragraph_start \
        else None
    position = art.spans.index(span)
    before_start = _sentence_start_before(art, span, art.spans[position - 1] if position else None)
    windows = [(before_start, span.open_at, "before"), (*_window_after(art, span), "after")]
    quoted = art.text[span.start:span.end]
    trailing = art.text[windows[1][0]:windows[1][0] + 2].strip()[:1]
    if quoted[-1:] in ",?!—-…:" or trailing in (",", "?", "!", "—"):
        windows.reverse()
    elif quoted[-1:] == "." and kind == "direct":
        windows = windows[:1] + [w for w in windows[1:] if _short_attribution(art, w)]
    for start, end, side in windows:
        speaker = _speaker_in(art, start, end, side)
        if speaker is not None:
            return speaker
    signed = _signed(art, span) or _labelled(art, span)
    if signed is not None:
        return signed
    if prev_same_para is not None and prev_same_para.speaker is not None:
        return _carried(prev_same_para.speaker)
    if kind == "partial":
        return _sentence_subject(art, span)
    before_text = art.text[span.paragraph_start:span.open_at].strip()
    if not before_text and span.paragraph_start > 0:
        intro = _introduced_by_previous_paragraph(art, span, found)
        if intro is not None:
            return intro
    return _speaker_earlier_in_paragraph(art, span)


def _signed(art: _Article, span: MarkedSpan) -> Speaker | None:
    """A quotation signed with a dash after it: "..." ― Jane Roe."""
    begin = (span.close_at + 1) if span.close_at is not None else span.end
    rest = art.text[begin:span.paragraph_end]
    stripped = rest.lstrip()
    if not stripped[:1] or stripped[0] not in _DASHES:
        return None
    name_start = begin + len(rest) - len(stripped) + 1
    line_end = min(span.paragraph_end, name_start + 80)
    for m in art.mentions_in(name_start, line_end):
        entity = art.entities.get(m.entity_id)
        if entity is not None and entity.label in ("PERSON", "ORG"):
            return Speaker(entity.name, entity.id, m.start, m.end, stripped[0])
    words = art.text[name_start:line_end].strip().split(",")[0].strip(" .")
    if words and words[0].isupper() and len(words.split()) <= 4:
        offset = art.text.index(words, name_start)
        return Speaker(words, None, offset, offset + len(words), stripped[0])
    return None


def _labelled(art: _Article, span: MarkedSpan) -> Speaker | None:
    """A transcript line: "SMITH: ..." or "Jane Roe: ..." at the start of the paragraph."""
    lead = art.text[span.paragraph_start:span.open_at]
    label = lead.rstrip()
    if not label.endswith(":") or len(label.split()) > 4 or not label[:1].isupper():
        return None
    name = label[:-1].strip()
    for m in art.mentions_in(span.paragraph_start, span.paragraph_start + len(label)):
        entity = art.entities.get(m.entity_id)
        if entity is not None:
            return Speaker(entity.name, entity.id, m.start, m.end, ":")
    start = span.paragraph_start + lead.index(name)
    return Speaker(name, None, start, start + len(name), ":")


def _short_attribution(art: _Article, window: tuple[int, int, str]) -> bool:
    """After a quote that ends a sentence, only "..." she said. counts, not a new sentence."""
    tokens = [t for t in art.tokens(window[0], window[1]) if not t.is_space and not t.is_punct]
    return 0 < len(tokens) <= 8 and any(_is_cue(t, weak=True) for t in tokens[:5]) and \
        tokens[0].is_lower


def _speaker_in(art: _Article, start: int, end: int, side: str) -> Speaker | None:
    tokens = [t for t in art.tokens(start, end) if not art.is_quoted(t)]
    if side == "after":  # '"...," he said' attributes; '"...," when she said' starts a new clause
        cut = next((k for k, t in enumerate(tokens) if t.lower_ in _SUBORDINATORS), len(tokens))
        tokens = tokens[:cut]
    cues = [t for t in tokens if _is_cue(t, weak=True)]
    if side == "before":
        cues.reverse()
    for cue in cues:
        speaker = _speaker_of_cue(art, cue, start, end)
        if speaker is not None:
            return speaker
    if side == "before" and art.text[start:end].rstrip().endswith(":"):
        for t in tokens:
            if t.dep_ in _SUBJECT_DEPS:
                speaker = _speaker_from_token(art, t, start, end, t.head.text)
                if speaker is not None:
                    return speaker
    return None


def _speaker_of_cue(art: _Article, cue, start: int, end: int) -> Speaker | None:
    """The subject of a speech verb: its parsed subject, else the words right next to it, with
    where the cue is ("according to": both words)."""
    speaker = _cue_subject(art, cue, start, end)
    if speaker is not None:
        last = cue.doc[cue.i + 1] if cue.lower_ == "according" and cue.i + 1 < len(cue.doc) else cue
        speaker = Speaker(speaker.name, speaker.entity_id, speaker.start, speaker.end, speaker.cue,
                          cue.idx, last.idx + len(last.text))
    return speaker


def _cue_subject(art: _Article, cue, start: int, end: int) -> Speaker | None:
    if cue.lower_ == "according":
        to = cue.doc[cue.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if objs:
            return _speaker_from_token(art, objs[0], start, end, "according to")
        return None
    def inside(t) -> bool:
        return start <= t.idx < end and not art.is_quoted(t)

    subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS and inside(c)]
    if not subjects and (cue.dep_ in ("conj", "advcl", "xcomp", "pcomp") or _describes_an_object(cue)):
        # the verb lending its subject may lie outside the window, anywhere in the cue's sentence
        sent = cue.sent
        lent = _borrowed_subjects(cue, lambda t: sent.start_char <= t.idx < sent.end_char and not art.is_quoted(t))
        for s in lent:
            speaker = _speaker_from_token(art, s, sent.start_char, sent.end_char, cue.text)
            if speaker is not None:
                return speaker
    if not subjects and cue.dep_ == "relcl" and cue.head.pos_ in ("PROPN", "NOUN") and inside(cue.head):
        subjects = [cue.head]  # "Ana Ruiz on Wednesday called ...", parsed as a clause on the name
    if not subjects and cue.head.lower_ == "as" and cue.head.head.lower_ in _QUOTING:
        # "Ruiz is quoted as saying ...", "the paper quotes Ruiz as saying ...": the one quoted
        subjects = [c for c in cue.head.head.children if c.dep_ in ("nsubjpass", "dobj") and inside(c)]
    for s in subjects:
        speaker = _speaker_from_token(art, s, start, end, cue.text)
        if speaker is not None:
            return speaker
    for t in _neighbours(art, cue, start, end):
        speaker = _speaker_from_token(art, t, start, end, cue.text)
        if speaker is not None:
            return speaker
    return None


_SUBJECTLESS_LINKS = ("conj", "advcl", "xcomp", "ccomp")
_NOT_SPEAKING = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_QUOTING = frozenset({"quoted", "quotes", "quote", "quoting"})


# what someone issues, posts or sends to say something: "issued a statement saying ..."
_SPEECH_VEHICLES = frozenset({
    "statement", "statements", "release", "letter", "note", "message", "post", "tweet", "tweets",
    "video", "email", "memo", "notice", "speech", "address", "column", "editorial", "declaration",
})


def _describes_an_object(cue) -> bool:
    """"issued a statement saying ...", "posted a video calling ...": the cue hangs on what the
    speaker issued, the object of a verb whose subject is the one speaking. (Not "reports
    alleging ...": reports speak for themselves.)"""
    noun = cue.head
    return cue.dep_ in ("acl", "relcl") and noun.dep_ == "dobj" and noun.lower_ in _SPEECH_VEHICLES and \
        not any(c.dep_ in _SUBJECT_DEPS for c in cue.children)


def _impersonal(cue) -> bool:
    """"it is safe to say", "it was too soon to tell": a turn of phrase, nobody reports anything."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    head = cue.head
    for _ in range(3):
        subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return subjects[0].lower_ == "it"
        if head.head is head:
            return False
        head = head.head
    return False


def _borrowed_subjects(cue, inside) -> list:
    """The subject a subjectless cue shares with a verb it hangs on ("Ruiz said ..., adding",
    "he said people were screaming, describing the scene"). Up the chain of clauses, a speech
    verb's subject wins over a nearer verb's: "Ruiz said he was shocked, saying ..." is Ruiz's."""
    head, steps, nearest = (cue.head.head if _describes_an_object(cue) else cue.head), 0, []
    if cue.dep_ == "pcomp":  # "were in the lead in advocating ...", "started off by emphasizing ..."
        while head.pos_ in ("ADP", "NOUN") and head.dep_ in ("prep", "pobj") and steps < 4:
            head, steps = head.head, steps + 1
        if head.pos_ not in ("VERB", "AUX"):
            return []
        steps = 0
    while steps < 4:
        if head.pos_ in ("VERB", "AUX"):
            subjects = [c for c in head.children if c.dep_ in _SUBJECT_DEPS and inside(c)]
            if subjects and _is_cue(head):
                return subjects
            nearest = nearest or subjects
        if head.dep_ not in _SUBJECTLESS_LINKS or head.head is head:
            break
        head, steps = head.head, steps + 1
    return nearest


def _neighbours(art: _Article, cue, start: int, end: int):
    """Tokens that may name the speaker when the parse missed it: "said Ruiz", "Ruiz said".
    After an -ing form only a pronoun counts ("announcing he would retire"): a noun there is what
    the verb acts on ("describing the scene")."""
    doc = cue.doc
    after = []
    for t in doc[cue.i + 1: min(len(doc), cue.i + 6)]:
        if t.idx >= end or art.is_quoted(t):
            break
        if t.ent_type_ in _NOT_SPEAKING:
            continue  # "said Thursday morning": a day never speaks
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            if cue.tag_ != "VBG" or t.pos_ == "PRON":
                after.append(t)
            break
        if t.pos_ not in ("DET", "ADJ", "ADV", "PUNCT", "SPACE"):
            break
    before = []
    for t in reversed(doc[max(0, cue.i - 6):cue.i]):
        if t.idx < start or art.is_quoted(t):
            break
        if t.ent_type_ in _NOT_SPEAKING:
            continue  # "Ruiz on Wednesday called": a day never speaks
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            before.append(t)
            break
        if t.text == "," and t.i > 0:  # "Ruiz, a council member, said": the one the aside is about
            aside = next((a for a in [doc[t.i - 1], *doc[t.i - 1].ancestors]
                          if a.dep_ == "appos" and a.right_edge.i == t.i - 1), None)
            if aside is not None and aside.head.pos_ == "PROPN" and aside.head.idx >= start:
                before.append(aside.head)
            break
        if t.pos_ not in ("ADV", "AUX", "PART", "SPACE"):
            break
    return before + after


def _speaker_from_token(art: _Article, token, start: int, end: int, cue: str) -> Speaker | None:
    """Name the speaker a subject token stands for: an entity, a pronoun's referent, a source."""
    if token.lower_ in PERSON_PRONOUNS:
        entity = art.discourse.resolve(token)
        if entity is None:
            return Speaker(None, None, token.idx, token.idx + len(token.text), cue)
        return Speaker(entity.name, entity.id, token.idx, token.idx + len(token.text), cue)
    if token.pos_ == "PRON":
        if token.lower_ in ("who", "that", "which"):
            if token.head.dep_ == "relcl" and token.head.head is not token:
                return _speaker_from_token(art, token.head.head, start, end, cue)
            return None
        if token.lower_ in ("i", "we", "they", "it"):  # unresolved, but the words are kept
            return Speaker(None, None, token.idx, token.idx + len(token.text), cue)
        return None
    left, right = token.left_edge, token.right_edge
    np_start = max(start, left.idx)
    np_end = min(end, right.idx + len(right.text))
    if np_end <= np_start:
        np_start, np_end = token.idx, token.idx + len(token.text)
    mentions = [m for m in art.mentions_in(np_start, np_end) if m.entity_id in art.entities]
    on_head = [m for m in mentions if m.start <= token.idx < m.end]
    if not on_head:
        named = _person_in_apposition(art, token)
        if named is not None:  # "a spokesperson for the council, Ana Ruiz, said"
            entity = art.entities[named.entity_id]
            return Speaker(entity.name, entity.id, named.start, named.end, cue)
        if token.lower_ in ROLE_NOUNS:  # "a council spokeswoman, Ana Ruiz,": a name the NER missed
            names = [c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.text[:1].isupper()
                     and all(w.pos_ == "PROPN" or w.is_punct for w in c.subtree)]
            if names:
                words = [w for w in names[0].subtree if not w.is_punct]
                first, last = words[0], words[-1]
                name = art.text[first.idx:last.idx + len(last.text)]
                return Speaker(name, None, first.idx, last.idx + len(last.text), cue)
        if token.lower_ in ANONYMOUS_HEADS and _is_anonymous(token) or _unnamed_by_request(token):
            return Speaker(ANONYMOUS, None, np_start, np_end, cue)
        closing = [m for m in mentions if m.end >= np_end - 1 and m.start > token.idx
                   and art.entities[m.entity_id].label == "PERSON"]
        if token.lower_ in ROLE_NOUNS and closing:  # "Democratic mayor of Springfield Ana Ruiz": the name
            entity = art.entities[closing[-1].entity_id]
            return Speaker(entity.name, entity.id, closing[-1].start, closing[-1].end, cue)
        if token.lower_ in ROLE_NOUNS:  # "a White House spokesman": not the White House
            return _phrase_speaker(art, token, np_start, np_end, cue)
    if not on_head and token.pos_ == "PROPN" and token.text[:1].isupper() and token.dep_ != "compound":
        # a name the NER missed, with an organisation in its aside: "Ilse Varga, professor at Calder
        # University": the name speaks, not the university
        return _phrase_speaker(art, token, np_start, np_end, cue)
    if not on_head and token.pos_ == "NOUN":
        # "prosecutors in Taiwan", "a South Korean newspaper": a place or nationality only
        # qualifies the people who speak; an organisation ("Google executives") speaks through them
        mentions = [m for m in mentions if art.entities[m.entity_id].label in _SPEAKING_LABELS]
    if mentions:
        best = _best_mention(art, mentions, token)
        entity = art.entities[best.entity_id]
        return Speaker(entity.name, entity.id, best.start, best.end, cue)
    if token.pos_ in ("NOUN", "PROPN"):
        return _phrase_speaker(art, token, np_start, np_end, cue)
    return None


def _person_in_apposition(art: _Article, head) -> Mention | None:
    """The person an unnamed head is set beside: "its CEO, Ana Ruiz," "chairman and CEO Ana Ruiz",
    "a spokesperson for the council, Ana Ruiz," (where the parser often hangs the name on "council"),
    "Ana Ruiz, the council's leader,"."""
    role = head.lower_ in ROLE_NOUNS
    beside = [c for c in head.rights if c.dep_ in ("appos", "conj")]
    if head.dep_ == "appos":  # "Ana Ruiz, now the council's leader, who said ..."
        beside.append(head.head)
    if role:
        beside += [c for p in head.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                   for c in o.rights if c.dep_ == "appos"]
    for child in beside:
        if child.dep_ == "conj" and child.pos_ != "PROPN":
            continue
        words = list(child.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        for m in art.mentions_in(start, end):
            entity = art.entities.get(m.entity_id)
            if entity is None or not m.start <= child.idx < m.end:
                continue
            # a role's apposition names a person even where the tagger called the name an organisation
            if entity.label == "PERSON" or (role and child.pos_ == "PROPN" and entity.label == "ORG"):
                return m
    return None


_NAMING_ATTACHMENTS = frozenset({"prep", "pobj", "compound", "amod", "nummod", "poss", "case", "det", "nmod", "cc", "conj"})
_MAX_ATTACHMENT = 6


def _phrase_speaker(art: _Article, head, np_start: int, np_end: int, cue: str) -> Speaker:
    """An unnamed speaker in the words that name it: the noun phrase up to its head, plus short
    attachments after it ("prosecutors in Taiwan", "parents and grandfather"), not a relative
    clause or an aside."""
    end = head.idx + len(head.text)
    for child in head.rights:
        words = list(child.subtree)
        if (child.dep_ not in ("prep", "compound", "nummod", "cc", "conj") or len(words) > _MAX_ATTACHMENT
                or any(w.dep_ not in _NAMING_ATTACHMENTS or w.is_punct for w in words)):
            break
        end = words[-1].idx + len(words[-1].text)
    end = max(min(np_end, end), min(np_end, head.idx + len(head.text)))
    phrase = art.text[np_start:end].strip()
    return Speaker(phrase, None, np_start, np_start + len(phrase), cue)


def _best_mention(art: _Article, mentions: list[Mention], head) -> Mention:
    """The mention a subject phrase is about: the one holding its head word, else a person."""
    for m in mentions:
        if m.start <= head.idx < m.end:
            return m
    rank = {"PERSON": 0, "ROLE": 1, "ORG": 2}
    return min(mentions, key=lambda m: (rank.get(m.label, 3), -m.start))


def _is_anonymous(token) -> bool:
    """"a source", "sources", "officials familiar with ...": someone the text does not name."""
    words = {t.lower_ for t in token.subtree}
    if words & ANONYMOUS_MARKERS:
        return True
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    if dets & {"a", "an", "another", "one", "the", "two", "several", "some"}:
        return True
    return token.tag_ == "NNS" and not dets


_WITHHELD_NAME = re.compile(
    r"\bnot (?:authori[sz]ed|allowed|permitted|cleared) to (?:speak|talk|comment|discuss)|\banonymity\b|"
    r"\b(?:asked|requested|declined|refused) (?:not )?to be (?:named|identified)|\bnot to be (?:named|identified)\b",
    re.IGNORECASE,
)


def _unnamed_by_request(token) -> bool:
    """"a hospital administrator who was not authorized to speak publicly", "an aide who asked not to
    be named": whoever they are, the article keeps them anonymous."""
    if token.pos_ != "NOUN":
        return False
    words = list(token.subtree)
    return bool(_WITHHELD_NAME.search(token.doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]))


def _sentence_subject(art: _Article, span: MarkedSpan) -> Speaker | None:
    """For a partial quote with no speech verb: whoever the sentence is about."""
    sent = _sentence_of(art, span)
    for t in sent:
        if t.dep_ in _SUBJECT_DEPS and not art.is_quoted(t):
            return _speaker_from_token(art, t, sent.start_char, sent.end_char, None)
    return None


def _introduced_by_previous_paragraph(art: _Article, span: MarkedSpan,
                                      found: list[_Found]) -> Speaker | None:
    """A paragraph that opens with a quotation continues the speaker the paragraph before set up."""
    prev_end = span.paragraph_start - 1
    while prev_end > 0 and art.text[prev_end - 1].isspace():
        prev_end -= 1
    prev_start = art.text.rfind("\n", 0, prev_end) + 1
    prev_para = art.text[prev_start:prev_end]
    if prev_para.rstrip().endswith(":"):
        speaker = _speaker_in(art, prev_start, prev_end, "before")
        if speaker is not None:
            return speaker
    last = [f for f in found if f.span.paragraph_start == prev_start]
    if last and last[-1].speaker is not None:
        return _carried(last[-1].speaker)
    return None


def _carried(speaker: Speaker) -> Speaker:
    """The speaker of an earlier quote, for one that has no cue of its own."""
    return replace(speaker, cue_start=None, cue_end=None)


def _speaker_earlier_in_paragraph(art: _Article, span: MarkedSpan) -> Speaker | None:
    """"X also said he is ... . “Quote.”": the speaker of the sentence leading up to the quote."""
    if span.open_at <= span.paragraph_start:
        return None
    return _speaker_in(art, span.paragraph_start, span.open_at, "before")


# ------------------------------------------------------------------------- transcripts

# "HALE: The budget is fine." / "Tom Hale: ..." / "A: ...": a speaker label opening a paragraph
_TRANSCRIPT_LINE = re.compile(r"^(?P<label>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}):[ \t]+(?P<speech>\S[^\n]*)", re.M)
# labels that open a paragraph without naming who speaks
_NOT_SPEAKERS = frozenset({"note", "update", "updated", "correction", "clarification", "editor's note", "editor’s note",
                           "photo", "video", "watch", "read", "read more", "related", "source", "sources",
                           "credit", "warning", "disclaimer", "tags", "share", "listen", "more", "also",
                           "by", "posted", "published", "location", "where", "when", "what", "why", "how",
                           "q", "question", "interviewer"})


def _transcript(art: _Article, quotes: list[Quote]) -> list[Quote]:
    """Lines of an interview or hearing transcript, without quotation marks: "HALE: The budget is
    fine." A label speaks when it names a person of the article, or is written in capitals and
    labels two lines or more; "A:" is the interview's subject (the person named most) when the
    article also has "Q:" lines. Questions ("Q:") and notes ("Update:") report no one's words, and
    a transcript has two such lines at least."""
    lines = [m for m in _TRANSCRIPT_LINE.finditer(art.text) if m.group("label").lower() not in _NOT_SPEAKERS
             or m.group("label") == "A"]
    labels = Counter(m.group("label") for m in lines)
    has_questions = re.search(r"^(?:Q|Question):[ \t]", art.text, re.M) is not None
    taken = [(q.start, q.end) for q in quotes]
    found = []
    for m in lines:
        start, end = m.start("speech"), m.end("speech")
        while end > start and art.text[end - 1].isspace():
            end -= 1
        if 1 in art.quoted[start:end] or any(s < end and start < e for s, e in taken) or end - start < 10:
            continue
        label = m.group("label")
        speaker = _interviewee(art) if label == "A" else _label_speaker(art, m, labels[label])
        if speaker is None or label == "A" and not has_questions:
            continue
        found.append(_quote(art.text, start, end, "direct", speaker))
    return found if len(found) >= 2 else []  # one "Label: words" line is a kicker or a headline


def _label_speaker(art: _Article, m: re.Match, uses: int) -> Speaker | None:
    label, at = m.group("label"), m.start("label")
    for mention in art.mentions_in(at, at + len(label)):
        entity = art.entities.get(mention.entity_id)
        if entity is not None and entity.label == "PERSON":
            return Speaker(entity.name, entity.id, mention.start, mention.end, ":")
    words = label.replace(".", " ").split()
    people = [e for e in art.entities.values() if e.label == "PERSON"
              and words and e.name.split()[-1].lower() == words[-1].lower()]
    if len(people) == 1:
        return Speaker(people[0].name, people[0].id, at, at + len(label), ":")
    if label.isupper() and len(label) > 1 and uses >= 2:
        return Speaker(label.title(), None, at, at + len(label), ":")
    return None


def _interviewee(art: _Article) -> Speaker | None:
    counts = Counter(m.entity_id for m in art.mentions if m.label == "PERSON")
    if not counts:
        return None
    entity = art.entities.get(counts.most_common(1)[0][0])
    if entity is None:
        return None
    return Speaker(entity.name, entity.id, None, None, "A:")


# ------------------------------------------------------------------------- indirect speech


def _indirect(art: _Article, quotes: list[Quote], attributions: bool = True) -> list[Quote]:
    """Reported speech: "X said (that) ...", "X told reporters ...", "according to X, ...".

    A reported clause may hold a partial quotation ("called the plan “a disaster”"); it is kept
    beside the partial quote. Verbs that only sometimes report speech ("called", "thinks") count
    when what follows them holds a quotation.
    """
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    taken: list[tuple[int, int]] = []
    found = []
    for token in art.doc:
        if art.is_quoted(token):
            continue
        lemma = _attribution_lemma(token) if attributions else None
        if not (_is_cue(token, weak=True) or _frames_as(art, token) or lemma):
            continue
        if _impersonal(token):
            continue
        content = _reported_content(art, token)
        if lemma and (content is None or not content[2]) and \
                (content is None or 1 not in art.quoted[content[0]:content[1]]):
            content = _attributed_content(art, token, lemma)
        if content is None:
            continue
        start, end, clause = content
        holds_quote = 1 in art.quoted[start:end]
        if not holds_quote and (not clause or not _is_cue(token)) or \
                not holds_quote and not _is_cue(token, weak=True):
            if not lemma:
                continue
        if any(s < end and start < e for s, e in direct) or any(
                s < end and start < e and not (attributions and _nested(s, e, start, end, token.idx))
                for s, e in taken):
            continue
        sent = token.sent
        speaker = _speaker_of_cue(art, token, sent.start_char, sent.end_char)
        if speaker is None or lemma and not _is_cue(token, weak=True) and (
                speaker.name is None and lemma not in BELIEF_VERBS and not _a_pronoun(art, speaker)
                or not _holds_views(art, speaker)):
            continue
        if lemma and not _listed(lemma) and not _is_cue(token, weak=True) and not any(
                c.dep_ == "ccomp" and c.i > token.i and start <= c.idx < end for c in token.children):
            continue  # any other verb attributes only a clause it governs: "Trump hinted that ..."
        speaker.cue = "according to" if token.lower_ == "according" else token.text
        kind = "indirect"
        if attributions:
            kind = "according-to" if token.lower_ == "according" else \
                "belief" if (lemma or _attribution_lemma(token)) in BELIEF_VERBS else "indirect"
        found.append(_quote(art.text, start, end, kind, speaker))
        taken.append((start, end))
    for token in art.doc:
        if token.lower_ in SPEECH_NOUNS and token.pos_ == "NOUN" and not art.is_quoted(token):
            quote = _noun_report(art, token, direct + [(s, e) for s, e in taken
                                                       if not (attributions and s <= token.idx < e)])
            if quote is not None:
                found.append(quote)
                taken.append((quote.start, quote.end))
    if attributions:
        for token in art.doc:
            quote = _passive_attribution(art, token, direct + taken) or _held_view(art, token, direct + taken) \
                or _source_phrase(art, token, direct + taken) or _unattributed_passive(art, token, direct + taken) \
                or _appearance(art, token, direct + taken) or _drawn_criticism(art, token, direct + taken) \
                or _verb_read_as_noun(art, token, direct + taken)
            if quote is not None:
                found.append(quote)
                taken.append((quote.start, quote.end))
        for token in art.doc:
            if token.pos_ == "NOUN" and token.lower_ in ATTRIBUTION_NOUNS and not art.is_quoted(token):
                quote = _noun_attribution(art, token, direct + [(s, e) for s, e in taken
                                                                if not s <= token.idx < e])
                if quote is not None:
                    found.append(quote)
                    taken.append((quote.start, quote.end))
    return found


# adjectives that hold a view or a feeling about something: "Democrats are worried that ...",
# "she was sure of it", "he is critical of the deal"
BELIEF_ADJECTIVES = frozenset({
    "concerned", "worried", "sure", "unsure", "confident", "convinced", "optimistic", "pessimistic",
    "skeptical", "sceptical", "afraid", "hopeful", "certain", "uncertain", "aware", "unaware",
    "doubtful", "fearful", "wary", "eager", "determined", "adamant", "nervous", "anxious", "keen",
})
STANCE_ADJECTIVES = frozenset({"critical", "supportive", "opposed", "dismissive", "scornful", "proud",
                               "willing", "unwilling", "ready", "reluctant", "passionate", "bearish",
                               "bullish", "enthusiastic", "coy", "frank", "open", "hostile", "sympathetic"})
# people by the side they take, after a linking verb: "she is a staunch opponent of the tax"
STANCE_NOUNS = frozenset({"opponent", "opponents", "supporter", "supporters", "critic", "critics",
                          "defender", "defenders", "advocate", "advocates", "proponent", "proponents",
                          "champion", "champions", "backer", "backers", "foe", "foes", "skeptic", "skeptics",
                          "fan", "fans", "admirer", "admirers", "detractor", "detractors"})
_LINKING = frozenset({"be", "seem", "feel", "remain", "become", "grow", "appear", "sound", "look"})


def _held_view(art: _Article, adjective, taken: list[tuple[int, int]]) -> Quote | None:
    """A view held with an adjective or a stance noun: "Republicans weren't too concerned about
    the shift", "they were not sure if they could help", "she is a staunch opponent of the tax":
    whoever the linking verb's subject is holds it."""
    word = adjective.lower_
    if adjective.dep_ == "attr" and word in STANCE_NOUNS and not art.is_quoted(adjective):
        word = "critical"  # "is a staunch opponent of the tax": a stance like "is opposed to"
    elif adjective.dep_ != "acomp" or word not in BELIEF_ADJECTIVES and word not in STANCE_ADJECTIVES \
            or art.is_quoted(adjective):
        return None
    verb = adjective.head
    if verb.pos_ not in ("AUX", "VERB") or lemma_of(verb) not in _LINKING:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    contents = [c for c in adjective.children if c.i > adjective.i and (
        c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ in ("about", "of", "with", "to", "that", "on"))]
    if not subjects or not contents:
        return None
    first = contents[0].left_edge.i
    if contents[0].dep_ == "prep" and first == contents[0].i and contents[0].i + 1 <= contents[0].right_edge.i:
        first += 1  # the preposition goes with the cue: "opponent of", "concerned about"
    content = _trimmed(art, first, contents[0].right_edge.i + 1, True, shortest=1)
    if content is None:
        return None
    start, end, _ = content
    if any(s < end and start < e and not s <= adjective.idx < e for s, e in taken):
        return None
    sent = adjective.sent
    speaker = _speaker_from_token(art, subjects[0], sent.start_char, sent.end_char, adjective.text)
    if speaker is None or not _holds_views(art, speaker):
        return None
    speaker = replace(speaker, cue_start=adjective.idx, cue_end=adjective.idx + len(adjective.text))
    return _quote(art.text, start, end, "indirect" if word in STANCE_ADJECTIVES else "belief", speaker)


# what a clause can be reported "in" or "by": "in the latest poll, Clinton led by five points"
MEASURING_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "estimate", "estimates", "study",
                             "studies", "count", "tally", "projection", "projections", "forecast",
                             "analysis", "analyses", "census"})


def _source_phrase(art: _Article, prep, taken: list[tuple[int, int]]) -> Quote | None:
    """A clause given on the word of a poll or an estimate it names at either end: "In the latest
    poll, Clinton led by five points", "300 acres have been damaged, by one estimate", "Trump did
    well in online polls": the poll is the source, the rest of the clause what it reports."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "by") or art.is_quoted(prep):
        return None
    objects = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in MEASURING_NOUNS]
    verb = prep.head
    if not objects or verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    first, last = prep.left_edge.i, prep.right_edge.i
    if first < verb.i:  # the phrase opens the clause
        if first != verb.left_edge.i:
            return None
        start, stop = last + 1, verb.right_edge.i + 1
    else:  # the phrase closes it
        if last + 1 < verb.right_edge.i and not all(t.is_punct for t in art.doc[last + 1:verb.right_edge.i + 1]):
            return None
        start, stop = verb.left_edge.i, first
    content = _trimmed(art, start, stop, True)
    if content is None:
        return None
    begin, end, _ = content
    if 1 in art.quoted[begin:end] or any(s < end and begin < e for s, e in taken):
        return None
    sent = prep.sent
    speaker = _speaker_from_token(art, objects[0], sent.start_char, sent.end_char, prep.text)
    if speaker is None:
        return None
    speaker = replace(speaker, cue_start=prep.idx, cue_end=prep.idx + len(prep.text))
    return _quote(art.text, begin, end, "according-to", speaker)


def _passive_attribution(art: _Article, verb, taken: list[tuple[int, int]]) -> Quote | None:
    """A passive attributing verb with its agent: "the nominee was endorsed by dozens of papers",
    "his views were echoed by other economists": the agent holds the view, about the subject."""
    if verb.tag_ != "VBN" or art.is_quoted(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    lemma = lemma_of(verb)
    if not _listed(lemma) or lemma in CLAUSE_ONLY_VERBS:
        return None
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
    if not agents or not subjects:
        return None
    content = _trimmed(art, subjects[0].left_edge.i, subjects[0].right_edge.i + 1, True, shortest=1)
    if content is None:
        return None
    start, end, _ = content
    if any(s < end and start < e and not s <= verb.idx < e for s, e in taken):
        return None
    sent = verb.sent
    speaker = _speaker_from_token(art, agents[0], sent.start_char, sent.end_char, verb.text)
    if speaker is None or speaker.name is None or not _holds_views(art, speaker):
        return None
    speaker = replace(speaker, cue_start=verb.idx, cue_end=verb.idx + len(verb.text))
    kind = "belief" if lemma in BELIEF_VERBS else "indirect"
    return _quote(art.text, start, end, kind, speaker)


# passives that report a view held by nobody named: "the vote is expected to slip", "he has been
# criticized for ...", "the attack was treated as a crime"
_UNATTRIBUTED_PASSIVES = frozenset({"expect", "criticize", "criticise", "treat", "view", "see", "consider",
                                    "regard", "describe", "accuse", "blame", "question", "predict",
                                    "estimate", "project", "believe", "think", "deem", "fear", "rumor",
                                    "rumour", "suspect", "praise", "condemn", "attack", "mention",
                                    "allege", "report", "say", "thought", "know"})


def _unattributed_passive(art: _Article, verb, taken: list[tuple[int, int]]) -> Quote | None:
    """A passive of judging or expecting without its agent: the view is reported with no source
    (never guessed), the clause from its subject on is what is held: "the vote is expected to slip
    to March", "he has been harshly criticized for the rules"."""
    if verb.tag_ != "VBN" or verb.pos_ != "VERB" or art.is_quoted(verb) or \
            not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return None
    lemma = lemma_of(verb)
    if lemma not in _UNATTRIBUTED_PASSIVES or verb.dep_ not in ("ROOT", "ccomp", "conj", "advcl"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "this", "that", "which")]
    completions = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "prep", "oprd", "ccomp")]
    if not subjects or not completions:
        return None
    content = _trimmed(art, subjects[0].left_edge.i, _completed(verb, completions[0]) + 1, True, shortest=3)
    if content is None:
        return None
    start, end, _ = content
    if 1 in art.quoted[start:end] or any(s < end and start < e for s, e in taken):
        return None
    speaker = Speaker(None, None, None, None, verb.text, verb.idx, verb.idx + len(verb.text))
    kind = "belief" if lemma in BELIEF_VERBS else "indirect"
    return _quote(art.text, start, end, kind, speaker)


# what one faces or draws from unnamed others: "has faced questions about ...", "is drawing criticism"
_DRAWING = frozenset({"face", "draw", "attract", "receive", "spark", "prompt", "provoke", "invite"})
CRITICISM_NOUNS = frozenset({"criticism", "criticisms", "questions", "ridicule", "scrutiny", "backlash",
                             "fire", "condemnation", "accusations", "allegations", "charges", "complaints",
                             "calls", "praise", "mockery", "outrage", "skepticism", "doubts", "attacks"})


def _drawn_criticism(art: _Article, verb, taken: list[tuple[int, int]]) -> Quote | None:
    """Criticism or questions someone faces from nobody named: "Trump has faced questions about
    his foundation" (what the questions are about), "the clip has faced ridicule" (the clip). The
    view is reported with no source, never a guessed one."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in _DRAWING or art.is_quoted(verb):
        return None
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in CRITICISM_NOUNS]
    if not nouns or any(c.dep_ == "prep" and c.lower_ == "from" for c in nouns[0].children):
        return None  # "criticism from Democrats": a source, found as the noun's owner
    about = [o for c in nouns[0].children if c.dep_ == "prep" and c.lower_ in ("about", "over", "of", "for", "on")
             for o in c.children if o.dep_ in ("pobj", "pcomp")]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if about:
        first, stop = about[0].left_edge.i, about[0].head.right_edge.i + 1
    elif subjects:
        first, stop = subjects[0].left_edge.i, subjects[0].right_edge.i + 1
    else:
        return None
    content = _trimmed(art, first, stop, True, shortest=1)
    if content is None:
        return None
    start, end, _ = content
    if 1 in art.quoted[start:end] or any(s < end and start < e for s, e in taken):
        return None
    noun = nouns[0]
    return _quote(art.text, start, end, "indirect", Speaker(None, None, None, None, noun.text, noun.idx,
                                                            noun.idx + len(noun.text)))


def _verb_read_as_noun(art: _Article, token, taken: list[tuple[int, int]]) -> Quote | None:
    """A reporting verb the tagger read as a plural noun, right after its subject, as in headlines
    and terse leads: "Senator charges that the deal was rigged", "Court rules against the county",
    "Mayor vows to rebuild". What follows it in the sentence is what is reported."""
    word = token.lower_
    if token.pos_ not in ("NOUN", "PROPN") or not word.endswith("s") or art.is_quoted(token) or token.i == 0:
        return None
    if word not in SPEECH_VERBS and word[:-1] not in ATTRIBUTION_VERBS and word[:-2] not in ATTRIBUTION_VERBS:
        return None
    doc, sent = token.doc, token.sent
    subject, after = doc[token.i - 1], doc[token.i + 1] if token.i + 1 < sent.end else None
    if subject.pos_ not in ("PROPN", "NOUN") or after is None or not (
            after.lower_ in ("that", "how", "why", "whether", "to", "against") and after.pos_ in ("SCONJ", "PART", "ADP")):
        return None
    content = _trimmed(art, token.i + 1 + (after.lower_ == "that"), sent.end, True)
    if content is None:
        return None
    start, end, _ = content
    if art.text[end - 1:end] == ".":
        end -= 1
    if 1 in art.quoted[start:end] or any(s < end and start < e for s, e in taken):
        return None
    speaker = _speaker_from_token(art, subject, sent.start_char, token.idx, token.text)
    if speaker is None or not _holds_views(art, speaker):
        return None
    speaker = replace(speaker, cue_start=token.idx, cue_end=token.idx + len(token.text))
    return _quote(art.text, start, end, "indirect", speaker)


_APPEARING = frozenset({"seem", "appear"})


def _appearance(art: _Article, verb, taken: list[tuple[int, int]]) -> Quote | None:
    """How something seems, with nobody said to see it so: "the plan seems too risky", "it
    appeared that the talks had stalled". A view reported without a source (kind belief); the
    clause from its subject on is what is held."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in _APPEARING or art.is_quoted(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    completions = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("xcomp", "acomp", "ccomp", "oprd") or c.dep_ == "prep" and c.lower_ == "like")]
    if not subjects or not completions:
        return None
    first = subjects[0].left_edge.i
    if subjects[0].lower_ == "it" and completions[0].dep_ == "ccomp":
        first = completions[0].left_edge.i  # "it appeared that ...": what appeared
    content = _trimmed(art, first, _completed(verb, completions[-1]) + 1, True, shortest=3)
    if content is None:
        return None
    start, end, _ = content
    if 1 in art.quoted[start:end] or any(s < end and start < e for s, e in taken):
        return None
    return _quote(art.text, start, end, "belief", Speaker(None, None, None, None, verb.text, verb.idx,
                                                          verb.idx + len(verb.text)))


def _noun_attribution(art: _Article, noun, taken: list[tuple[int, int]]) -> Quote | None:
    """A noun that carries someone's words or views, with its owner and what it is about:
    "Trump's plan to cut taxes", "questions from Democrats about the deal", "the Clinton campaign's
    criticism of the ad". Without an owner who can hold a view, nobody is attributed anything."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in ("its", "their", "whose")]
    if not owners:
        owners = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for o in c.children if o.dep_ == "pobj"]
    if not owners:
        return None
    contents = [c for c in noun.children if c.i > noun.i and (
        c.dep_ in ("acl", "ccomp") and (c.tag_ == "VB" or any(m.dep_ == "mark" for m in c.children))
        or c.dep_ == "prep" and c.lower_ in _NOUN_CONTENT_PREPS)]
    if contents:
        first, stop = contents[0].left_edge.i, contents[0].right_edge.i + 1
    elif noun.dep_ == "nsubj" and noun.lower_ in _PROPOSING_NOUNS and noun.head.pos_ in ("VERB", "AUX") \
            and noun.head.i > noun.i and any(c.dep_ == "aux" and c.lower_ in _WOULD for c in noun.head.children):
        first, stop = noun.right_edge.i + 1, noun.head.right_edge.i + 1  # "her plan would cap deductions"
        while stop > first and noun.doc[stop - 1].is_punct:
            stop -= 1
    else:
        return None
    content = _trimmed(art, first, stop, True, shortest=2)
    if content is None:
        return None
    start, end, _ = content
    if art.text[start:end].split()[0].lower() in ("by", "from"):
        return None
    if any(s < end and start < e for s, e in taken):
        return None
    sent = noun.sent
    speaker = _speaker_from_token(art, owners[0], sent.start_char, sent.end_char, noun.text)
    if speaker is None or speaker.name is None or not _holds_views(art, speaker):
        return None
    speaker = replace(speaker, cue_start=noun.idx, cue_end=noun.idx + len(noun.text))
    kind = "belief" if noun.lower_ in BELIEF_NOUNS else "indirect"
    return _quote(art.text, start, end, kind, speaker)


_WOULD = frozenset({"would", "will", "could", "can", "may", "might", "should", "'d", "’d", "'ll", "’ll"})
_SEEING_AS = frozenset({"see", "view", "regard", "consider", "describe", "cast", "portray", "paint"})
# what someone proposes, whose own verb says what it would do: "Clinton's plan would raise taxes"
_PROPOSING_NOUNS = frozenset({"plan", "plans", "proposal", "proposals", "bill", "platform", "budget",
                              "agenda", "policy", "policies", "pledge", "promise"})
_NOUN_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "against", "over", "to", "that"})

def _nested(s: int, e: int, start: int, end: int, cue_at: int) -> bool:
    """An attribution inside another one's content ("X said Democrats fear ...") or holding it
    whole ("Clinton plans to visit, an aide said") is one of its own, not the same one twice."""
    return s <= cue_at < e or start <= s and e <= end and not (start == s and end == e)


def _attribution_lemma(token) -> str | None:
    """The lemma of a verb that attributes what it governs to its subject (``ATTRIBUTION_VERBS``,
    ``BELIEF_VERBS``), else None. A passive ("is expected to") attributes to nobody named."""
    if token.pos_ != "VERB" or token.tag_ == "VBN" and (
            token.dep_ in ("acl", "amod") or any(c.dep_ == "auxpass" for c in token.children)):
        return None
    lemma = lemma_of(token)
    if lemma in _MISREAD and token.lower_[:3] == _MISREAD[lemma][:3]:
        lemma = _MISREAD[lemma]
    if lemma in ATTRIBUTION_VERBS or lemma in BELIEF_VERBS or lemma in STANCE_VERBS:
        return lemma
    if _GENERIC and lemma not in _NOT_ATTRIBUTING and token.lower_ not in _NOT_ATTRIBUTING:
        return lemma
    return None


def _listed(lemma: str) -> bool:
    return lemma in ATTRIBUTION_VERBS or lemma in BELIEF_VERBS or lemma in STANCE_VERBS


def _a_pronoun(art: _Article, speaker: Speaker) -> bool:
    """A speaker given only as a personal pronoun the discourse did not resolve ("they", "we")."""
    if speaker.start is None or speaker.end is None:
        return False
    word = art.text[speaker.start:speaker.end].lower()
    return word in PERSON_PRONOUNS or word in ("i", "we", "they")


def _a_person(art: _Article, speaker: Speaker) -> bool:
    entity = art.entities.get(speaker.entity_id) if speaker.entity_id else None
    return entity is not None and entity.label == "PERSON"


_MISREAD = {"hop": "hope", "sham": "shame"}  # the rule lemmatizer's "hoped" -> "hop"
_GENERIC = False  # every verb with a subject that can hold a view (a measuring aid: too loose)
_NOT_ATTRIBUTING = frozenset({"be", "have", "do", "get", "go", "come", "take", "give", "become", "make",
                              "put", "set", "leave", "arrive", "visit", "walk", "run", "sit", "stand",
                              "live", "die", "kill", "pay", "spend", "buy", "sell", "win", "lose", "hold",
                              "meet", "travel", "fly", "drive", "move", "return", "enter", "serve", "work",
                              "begin", "start", "end", "include", "contain", "cost", "grow", "rise", "fall",
                              "increase", "decrease", "reach", "bring", "send", "receive", "keep", "let"})


# prepositions that carry what a verb attributes ("called for ...", "complained about ..."), and
# those that may complete an object ("likened the rules to ...", "dismissed the plan as ...")
_CONTENT_PREPS = frozenset({"about", "for", "on", "against", "of"})
_COMPLETING_PREPS = _CONTENT_PREPS | {"to", "as", "over", "into", "with"}
_NOT_CONTENT = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"})
_OBJECT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp"})


def _attributed_content(art: _Article, verb, lemma: str) -> tuple[int, int, bool] | None:
    """What an attributing verb governs: its clause ("believes the plan will fail", "wants to
    run"), else its object and the phrases that complete it ("attacked the plan as reckless",
    "called for a recount"). The one addressed is not the content ("told reporters")."""
    children = [c for c in verb.children if c.i > verb.i and not art.is_quoted(c)]
    clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp") and not _belongs_to_noun(c)]
    if clauses:
        first = clauses[0].left_edge.i
        objects = [c for c in children if c.dep_ == "dobj" and c.i < clauses[0].i]
        if objects and lemma not in ADDRESSEE_VERBS and lemma not in SPEECH_VERBS:
            first = objects[0].left_edge.i  # "cited remarks Trump had made": the object and its clause
        return _trimmed(art, first, _with_conjuncts(verb, clauses[0], clauses[0].right_edge.i) + 1, True, shortest=2)
    if lemma in _SEEING_AS and any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        objects = [c for c in children if c.dep_ == "dobj"]
        ending = [c for c in children if c.dep_ == "prep" and c.lower_ == "as"][-1]
        if objects and objects[0].i < ending.i:  # "saw the comment as a dig"
            return _trimmed(art, objects[0].left_edge.i, ending.right_edge.i + 1, True, shortest=2)
    if lemma in ADDRESSEE_VERBS or lemma in CLAUSE_ONLY_VERBS and not (
            lemma in _EVIDENCE_VERBS and _subject_is_document(verb)):
        return None
    if lemma == "raise" and not any(c.dep_ == "dobj" and c.lower_ in RAISED_CONCERNS for c in children):
        return None
    picked = []
    for c in children:
        if c.dep_ == "prep":
            objects = [o for o in c.children if o.dep_ in ("pobj", "pcomp", "amod", "acomp")]
            content = bool(objects) and objects[0].ent_type_ not in _NOT_CONTENT and (
                (c.lower_ in _CONTENT_PREPS or c.lower_ == "to" and lemma in TO_VERBS) and (
                    c.i == verb.i + 1 or verb.doc[c.i - 1].dep_ in ("prt", "advmod"))
                or picked and c.lower_ in _COMPLETING_PREPS)
        else:
            content = c.dep_ in _OBJECT_DEPS and c.ent_type_ not in _NOT_CONTENT
        if content:
            picked.append(c)
        elif picked and c.dep_ == "advmod" and c.i == picked[-1].right_edge.i + 1:
            continue  # "compared him favorably to ..."
        elif picked or c.dep_ == "prep":
            break
    if not picked:
        return None
    return _trimmed(art, picked[0].left_edge.i, _completed(verb, picked[-1]) + 1, True, shortest=1)


# verbs whose object a poll or a study reports: "the poll shows a tightening race", "a study
# found 31 incidents" (a person "found a way": no report)
_EVIDENCE_VERBS = frozenset({"show", "find", "indicate", "reveal", "suggest", "signal"})


def _subject_is_document(verb) -> bool:
    """Whether the verb's subject is a document or a measurement ("the poll", "polling averages")."""
    return any(c.dep_ == "nsubj" and (c.lower_ in DOCUMENT_NOUNS or lemma_of(c) in DOCUMENT_NOUNS
                                      or c.lower_ in _MEASURES) for c in verb.children)


_MEASURES = frozenset({"average", "averages", "figures", "numbers", "results", "count", "tally", "tallies"})


# what may follow a verb's object and still belong to what it attributes: "described crass
# behavior by Trump behind the scenes", "complained about his mic the morning after the debate"
_COMPLETING_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj", "oprd", "attr", "acomp",
                              "xcomp", "ccomp", "agent", "pobj"})


def _completed(verb, last) -> int:
    """The index of the last token of what the verb attributes: ``last``'s subtree, then the verb's
    further children that complete it, up to a comma, a conjunction or a clause of its own."""
    stop = last.right_edge.i
    for c in verb.children:
        if c.i <= stop:
            continue
        if c.dep_ not in _COMPLETING_DEPS or c.left_edge.i != stop + 1 or _when_or_where(c):
            break
        stop = c.right_edge.i
    return _with_conjuncts(verb, last, stop)


def _with_conjuncts(verb, head, stop: int) -> int:
    """``stop`` moved past a conjunct of the same shape as what the verb attributes, which the parser
    hung on the verb: "mentioned refinancing loans and forcing colleges to pay", "promising to meet
    and in some cases exceed his goals". A conjunct with a subject of its own is a clause of its own."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "conj" or c.i <= stop or c.tag_ != head.tag_ and c.pos_ != head.pos_ and c.tag_ != "VBG" or \
                any(s.dep_ in _SUBJECT_DEPS for s in c.children):
            continue
        between = doc[stop + 1:c.left_edge.i]
        if between and all(t.dep_ in ("cc", "punct", "advmod", "prep", "pobj", "det", "amod") for t in between) \
                and any(t.dep_ == "cc" for t in between) and len(between) <= 6:
            return c.right_edge.i
        break
    return stop


def _when_or_where(phrase) -> bool:
    """A phrase that says when or where the words were said, not what: "in July", "next year",
    "during a speech", "before 10 judges"."""
    if phrase.dep_ == "npadvmod" or phrase.ent_type_ in ("DATE", "TIME"):
        return True
    objects = [o for o in phrase.children if o.dep_ == "pobj"]
    return phrase.dep_ == "prep" and (phrase.lower_ in _OCCASION_PREPS or bool(objects) and (
        objects[0].ent_type_ in ("DATE", "TIME") or objects[0].lower_ in _OCCASION_NOUNS))


_OCCASION_PREPS = frozenset({"during", "before", "after", "since", "at", "amid", "while"})
_OCCASION_NOUNS = frozenset({"speech", "interview", "statement", "debate", "forum", "rally", "hearing",
                             "tweet", "tweets", "letter", "ruling", "court", "meeting", "conference"})


# what speaks for its makers without being a person: "the poll shows", "the report found"
DOCUMENT_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "ad",
    "ads", "advertisement", "statement", "letter", "memo", "document", "documents",
    "records", "data", "filing", "filings", "lawsuit", "suit", "complaint", "book", "article",
    "story", "paper", "newspaper", "editorial", "column", "video", "email", "emails", "tweet",
    "tweets", "post", "website", "site", "review", "audit", "investigation", "probe", "ruling",
    "decision", "order", "indictment", "research", "findings", "estimate", "estimates", "forecast",
    "model", "platform", "plan", "proposal", "bill", "measure", "speech", "remarks", "interview",
    "magazine", "show", "release", "spot", "slide", "chart", "map", "survey", "census",
})
# bodies that speak as one: "the campaign said", "the committee found"
BODY_NOUNS = frozenset({
    "campaign", "administration", "government", "committee", "panel", "agency", "department",
    "court", "board", "office", "team", "staff", "party", "group", "organization", "organisation",
    "company", "firm", "council", "commission", "network", "outlet", "ministry", "bureau", "union",
    "coalition", "alliance", "association", "foundation", "institute", "center", "centre", "police",
})
SOURCE_NOUNS = DOCUMENT_NOUNS | BODY_NOUNS
# groups of people who hold views: "Democrats fear", "critics say", "voters want"
GROUP_NOUNS = frozenset({
    "democrats", "republicans", "voters", "critics", "supporters", "opponents", "experts", "analysts",
    "economists", "scientists", "researchers", "lawmakers", "legislators", "officials", "leaders",
    "members", "residents", "citizens", "americans", "people", "advocates", "activists", "observers",
    "strategists", "pollsters", "historians", "conservatives", "liberals", "progressives", "donors",
    "aides", "allies", "advisers", "advisors", "insiders", "sources", "investigators", "prosecutors",
    "authorities", "police", "doctors", "physicians", "parents", "workers", "employees", "executives",
    "investors", "delegates", "candidates", "senators", "representatives", "governors", "mayors",
    "judges", "lawyers", "attorneys", "women", "men", "students", "teachers", "veterans", "fans",
    "readers", "viewers", "respondents", "participants", "americans", "immigrants", "evangelicals",
    "independents", "millennials", "backers", "detractors", "skeptics", "environmentalists",
})
_VIEW_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _holds_views(art: _Article, speaker: Speaker) -> bool:
    """Whether the subject of an attributing verb that is not a speech verb can hold a view: a
    person, an organisation, a country or a people; a pronoun; a role, a group, a source ("the
    poll", "the campaign"). "The rate declined", "the deal releases" attribute nothing."""
    if speaker.entity_id is not None:
        entity = art.entities.get(speaker.entity_id)
        return entity is None or entity.label in _VIEW_LABELS or entity.label == "ROLE"
    if speaker.name == ANONYMOUS:
        return True
    if speaker.start is None or speaker.end is None:
        return False
    named = art.text[speaker.start:speaker.end].split()
    if named and named[-1][:1].isupper() and named[-1].lower() not in PERSON_PRONOUNS and len(named) > 1:
        return True  # a name the NER missed: "the Dallas Morning News"
    words = [w.lower() for w in named]
    if not words:
        return False
    head = words[-1].strip(".,;:’'")
    return head in PERSON_PRONOUNS or head in ("i", "we", "they") or head in ROLE_NOUNS or \
        head.rstrip("s") in ROLE_NOUNS or head in ANONYMOUS_HEADS or head in SOURCE_NOUNS or \
        head in GROUP_NOUNS or head in _SHARES or head in _INSTITUTIONS or _people_by_role(head)


# bodies of many members that act as one: "twenty-seven states are challenging", "colleges offer"
_INSTITUTIONS = frozenset({"states", "countries", "nations", "governments", "companies", "firms",
                           "colleges", "universities", "schools", "courts", "panels", "agencies",
                           "legislature", "legislatures", "congress", "senate", "bloc", "cities",
                           "newspapers", "papers", "publications", "outlets", "networks", "groups",
                           "organizations", "organisations", "campaigns", "parties", "banks", "regulators"})
_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents")


def _people_by_role(head: str) -> bool:
    """A plural noun naming people by what they do: "speechwriters", "regulators", "lobbyists",
    "historians", "residents" (not "numbers", "voters" and the like are listed in GROUP_NOUNS)."""
    return len(head) > 6 and head.isalpha() and head.endswith(_AGENT_ENDINGS) and \
        head[:-1] not in _NOT_AGENTS


_NOT_AGENTS = frozenset({"number", "member", "letter", "matter", "order", "border", "sector", "factor",
                         "center", "paper", "quarter", "chapter", "corner", "computer", "error", "center",
                         "comment", "document", "element", "event", "percent", "moment", "payment",
                         "statement", "segment", "argument", "amendment", "agreement", "investment",
                         "department", "government", "element", "instrument", "requirement", "parent"})


# a share of the people asked: "Twelve percent said", "a majority wants", "most oppose"
_SHARES = frozenset({"percent", "%", "majority", "plurality", "minority", "most", "half", "third",
                     "quarter", "share", "many", "some", "others", "few", "both", "all", "none"})


def _noun_report(art: _Article, noun, taken: list[tuple[int, int]]) -> Quote | None:
    """"The senator's claim that there were “thousands of shootings”": whose words, and which."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
               and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
    if not owners or not clauses:
        return None
    content = _trimmed(art, clauses[0].left_edge.i, clauses[0].right_edge.i + 1, True)
    if content is None:
        return None
    start, end, _ = content
    if 1 not in art.quoted[start:end] or any(s < end and start < e for s, e in taken):
        return None
    sent = noun.sent
    speaker = _speaker_from_token(art, owners[0], sent.start_char, sent.end_char, noun.text)
    if speaker is not None:
        speaker = replace(speaker, cue_start=noun.idx, cue_end=noun.idx + len(noun.text))
    return _quote(art.text, start, end, "indirect", speaker)


def _frames_as(art: _Article, verb) -> bool:
    """Any verb that casts its object "as" a quoted label: praised X as a “strong leader”."""
    if verb.pos_ != "VERB":
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > verb.i:
            right = child.right_edge
            if 1 in art.quoted[child.idx:right.idx + len(right.text)]:
                return True
    return False


_CONTENT_DEPS = frozenset({"ccomp", "dobj", "xcomp", "oprd", "attr", "acomp", "prep", "dative"})


def _reported_content(art: _Article, cue) -> tuple[int, int, bool] | None:
    """What a speech verb reports: its clause (``True``), else the words it governs."""
    if cue.lower_ == "according":
        sent = cue.sent
        phrase_end = cue.doc[cue.i + 1].right_edge
        if phrase_end.i >= sent.end - 2:  # the parser hung the whole clause on "to": the source ends at a comma
            comma = next((t for t in cue.doc[cue.i + 2:sent.end] if t.text == "," and not art.is_quoted(t)), None)
            if comma is not None:
                phrase_end = cue.doc[comma.i - 1]
        if cue.i == sent.start or cue.doc[cue.i - 1].is_punct and cue.i - 1 == sent.start:
            first = phrase_end.i + 1
            while first < sent.end and cue.doc[first].is_punct:
                first += 1
            return _trimmed(art, first, sent.end, True)
        return _trimmed(art, sent.start, cue.i, True)
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in _CONTENT_DEPS]
    clauses = [c for c in right if c.dep_ == "ccomp" and not _belongs_to_noun(c)] or _misread_that_clause(right)
    if clauses:
        return _trimmed(art, clauses[0].left_edge.i, clauses[0].right_edge.i + 1, True)
    fronted = _fronted_report(cue)
    if fronted is not None:
        return _trimmed(art, fronted.left_edge.i, fronted.right_edge.i + 1, True)
    aside = _reported_around(cue)
    if aside is not None:
        return _trimmed(art, aside[0], aside[1], True)
    if not right:
        return None
    return _trimmed(art, right[0].left_edge.i, right[-1].right_edge.i + 1, False)


def _misread_that_clause(right) -> list:
    """A "that" clause the parser hung on the noun before it as a relative clause, although "that"
    opens it as a conjunction: "told a meeting of leaders that few people understood ...", "tweeted
    in the early hours that the plan was dead". Only a noun that is the addressee or says when."""
    for phrase in right:
        if phrase.dep_ not in ("dobj", "dative", "npadvmod", "prep"):
            continue
        for t in phrase.subtree:
            if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("NOUN", "PROPN") \
                    and t.head.lower_ not in _CLAUSE_NOUNS and t.head.lower_ not in SPEECH_NOUNS \
                    and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == t.left_edge.i for m in t.children) \
                    and any(c.dep_ in _SUBJECT_DEPS for c in t.children):
                return [t]
    return []


def _fronted_report(cue):
    """The clause a report puts first: "Three people were hurt, police said." / "The plan will fail,
    said an aide." The verb's clausal complement opens the sentence and a comma closes it, right
    before the verb or its subject; a clause that is itself quoted is a direct quote, found before."""
    doc, sent = cue.doc, cue.sent
    clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if not clauses:
        return None
    clause = clauses[0]
    first = clause.left_edge.i
    while first < clause.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    comma = clause.right_edge.i + 1
    if first != sent.start and not all(t.is_punct or t.is_space for t in doc[sent.start:first]):
        return None
    if comma >= cue.i or doc[comma].text != ",":
        return None
    if not _holds_only_its_speaker(cue, comma + 1, cue.i - 1):  # "police", "attorneys for the family have"
        return None
    return clause


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl"})


def _holds_only_its_speaker(cue, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are only the verb, its subject phrase and words hanging on the
    verb itself ("the agency said on Monday"), not a clause of their own."""
    phrases = {t.i for c in cue.children if c.dep_ not in _CLAUSE_DEPS for t in c.subtree}
    return all(t.i == cue.i or t.i in phrases for t in cue.doc[first:last + 1])


def _reported_around(cue) -> tuple[int, int] | None:
    """A report set between commas inside or after the clause it reports, which the parser hangs on
    that clause: "The latest test, the agency said, was its biggest yet." (the clause, the aside
    within it) and "Three people were hurt, police said." (the clause before it). The clause must
    open the sentence; the aside holds only the verb and its subject."""
    head, doc, sent = cue.head, cue.doc, cue.sent
    if cue.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX"):
        return None
    first, last = cue.left_edge.i, cue.right_edge.i
    if doc[first].text == ",":  # the parser gives the aside its own commas
        first += 1
    if doc[last].is_punct and last > cue.i:
        last -= 1
    if first == 0 or doc[first - 1].text != "," or not _holds_only_its_speaker(cue, first, last):
        return None
    start = head.left_edge.i
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start != sent.start and not all(t.is_punct or t.is_space for t in doc[sent.start:start]):
        return None
    after = doc[last + 1] if last + 1 < sent.end else None
    if (after is None or after.is_punct and after.text != ",") and head.i < cue.i:
        return start, first - 1  # the clause before the aside: the report ends the sentence
    if after is not None and after.text == ",":
        stop = head.right_edge.i + 1  # the aside inside the clause: the whole clause, aside and all
        while stop > start and doc[stop - 1].is_punct:
            stop -= 1
        return start, stop
    return None


# nouns a clause can complete ("amid fears it could collapse"): the parser often hangs that clause
# on the verb before them, which would make it what the verb reports
# (not "statement" or "interview": "said in a statement it would ..." reports with the verb)
_CLAUSE_NOUNS = frozenset({
    "fear", "fears", "concern", "concerns", "worry", "worries", "hope", "hopes", "speculation",
    "report", "reports", "rumor", "rumors", "rumour", "rumours", "sign", "signs", "expectation",
    "expectations", "belief", "suspicion", "suspicions", "indication", "indications", "claim",
    "claims", "allegation", "allegations", "warning", "warnings", "suggestion", "suggestions",
    "accusation", "accusations",
})


def _belongs_to_noun(clause) -> bool:
    """A clause right after such a noun, with no "that" or comma between: "said amid fears it ..."."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return before is not None and before.pos_ == "NOUN" and before.lower_ in _CLAUSE_NOUNS


def _trimmed(art: _Article, first: int, stop: int, clause: bool,
             shortest: int = 3) -> tuple[int, int, bool] | None:
    doc = art.doc
    while first < stop and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while stop > first and (doc[stop - 1].is_space or doc[stop - 1].text in ",;:—–-"):
        stop -= 1
    if stop - first < shortest or stop - first == 1 and doc[first].pos_ in ("PRON", "DET", "ADV"):
        return None
    return doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text), clause
