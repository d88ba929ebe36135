"""Per-article linking features: cheap, pure, JSON-serialisable.

The store keeps one ``LinkFeatures`` per article so the linking index can be rebuilt without
re-analysing. Features come from the Analysis when it has them (entities, quotes, dates) and from
the article's own words otherwise (capitalised name runs, quoted passages, numbers), so linking
works with an empty Analysis too.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, field

from datasketch import MinHash

from ..model import Analysis, Article, InferredDate, normalise_text

NUM_PERM = 128
SHINGLE_SIZE = 4
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"
LEAD_WORDS = 80
BODY_TERMS = 60

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CAP_RUN = re.compile(r"\b(?:[A-Z][\w'’\-]*|[A-Z]{2,})(?:\s+(?:of|de|la|van|von|al|bin)?\s*[A-Z][\w'’\-]*)*")
_QUOTED = re.compile(r"[“\"]([^”\"]{20,400})[”\"]")
_NUMBER = re.compile(r"(?<![\w.])[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|million|billion|trillion|thousand))?")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves said says say told according new
    one two three last first year years day days week weeks time mr mrs ms like just people would
    could also get got us many much may might must made make news image photo via read share
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december""".split()
)
NAME_STOP = frozenset(
    """The A An And But Or If In On At To For Of By With From As It He She They We I You This That
    These Those His Her Their Our Its After Before When While Where What Who Why How Mr Mrs Ms Dr
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Share Follow Read More Updated Photo Image""".split()
)


@dataclass
class LinkFeatures:
    """What linking needs to know about one article, without its text."""

    article_id: str
    published: str | None = None  # the article's anchor date (stated, else inferred at day precision)
    outlet: str | None = None
    host: str | None = None
    original_outlet: str | None = None
    title: str | None = None
    words: int = 0
    prose_words: int | None = None  # words in full sentences: link lists and teasers have none (None: unknown)
    text_hash: str = ""
    signature: list[int] = field(default_factory=list)  # MinHash of word shingles
    title_terms: list[str] = field(default_factory=list)
    lead_terms: dict[str, int] = field(default_factory=dict)
    body_terms: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # normalised entity / proper-name strings
    quotes: list[str] = field(default_factory=list)  # normalised quoted passages
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # resolved dates stated in the text
    lead_weekday: str | None = None  # first weekday named in the lead ("said Tuesday")
    embed_dates: list[str] = field(default_factory=list)
    ingest_inferred: InferredDate | None = None  # the date extraction inferred, before any linking


def words_of(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


@lru_cache(maxsize=200_000)  # pure, and called for every word of every article linked
def term(word: str) -> str | None:
    """Index term for a word: stopwords and short tokens dropped, plural/possessive endings cut."""
    if word in STOPWORDS or len(word) < 3 or word.isdigit():
        return None
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def terms_of(text: str) -> list[str]:
    return [t for t in (term(w) for w in words_of(text)) if t]


def shingles(words: list[str], size: int = SHINGLE_SIZE) -> list[bytes]:
    if len(words) < size:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)]


def minhash_signature(words: list[str]) -> list[int]:
    """MinHash of the article's word shingles, hashed in one batch."""
    m = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    m.update_batch(sorted(set(shingles(words))))
    return [int(v) for v in m.hashvalues]


@lru_cache(maxsize=100_000)
def normalise_name(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return normalise_text(re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I))


def lexical_names(text: str) -> list[str]:
    """Capitalised word runs that are not just a sentence opener: a cheap stand-in for NER."""
    found: list[str] = []
    for m in _CAP_RUN.finditer(text):
        tokens = [t for t in m.group(0).split() if t not in NAME_STOP]
        if not tokens:
            continue
        sentence_start = m.start() == 0 or text[max(0, m.start() - 2) : m.start()].strip() in {".", "!", "?", "“", '"'} or text[m.start() - 1] == "\n"
        if len(tokens) == 1 and (sentence_start or len(tokens[0]) < 3):
            continue
        found.append(normalise_name(" ".join(tokens)))
    return found


def lexical_quotes(text: str) -> list[str]:
    return [q.group(1) for q in _QUOTED.finditer(text)]


def normalise_quote(quote: str) -> str:
    return " ".join(words_of(quote))


def numbers_of(text: str) -> list[str]:
    out = []
    for m in _NUMBER.finditer(text):
        value = m.group(0).replace(",", "").replace(" ", "")
        digits = re.sub(r"\D", "", value)
        if len(digits) == 4 and value.isdigit() and 1900 <= int(value) <= 2100:
            continue  # a year is a date, not a claimed number
        if value.isdigit() and int(value) < 10:
            continue
        out.append(value.casefold())
    return out


def prose_words(text: str) -> int:
    """Words in full sentences (8+ words ending in . ! ? or a closing quote, or any 20+ words).

    Related-link lists and teasers are runs of headlines without sentence punctuation, so they have
    almost none; even a one-sentence news brief has some.
    """
    total = 0
    for segment in _SENTENCE_END.split(text):
        segment = segment.strip()
        n = len(segment.split())
        if (n >= 8 and segment[-1:] in ".!?\"”’'") or n >= 20:
            total += n
    return total


def prose_lines(text: str) -> str:
    """The text without headline-like lines (no closing punctuation, under 20 words) after the body starts.

    Related-link lists, share bars and section labels left in the body are such lines; keeping
    them out of the terms stops a list of other stories' headlines from linking to those stories.
    Lines above the first sentence (the headline, a standfirst) are kept.
    """
    kept: list[str] = []
    body_started = False
    for line in text.splitlines():
        stripped = line.strip()
        is_prose = bool(stripped) and (stripped[-1] in ".!?\"”’'…:;)" or len(stripped.split()) >= 20)
        if is_prose or (stripped and not body_started):
            kept.append(stripped)
        body_started = body_started or is_prose
    return "\n".join(kept)


def lead_of(text: str, n_words: int = LEAD_WORDS) -> str:
    words = text.split()
    return " ".join(words[:n_words])


def first_weekday(text: str) -> str | None:
    """The first weekday named in the lead sentences: the day the news happened ("said Tuesday")."""
    lead = " ".join(_SENTENCE_END.split(text.strip())[:3])
    m = _WEEKDAY.search(lead)
    return m.group(1).lower() if m else None


def link_features(article: Article, analysis: Analysis | None = None) -> LinkFeatures:
    """Compute the linking features of one article (pure; cheap next to analysis).

    Call it on the article as extracted: its dates are what linking starts from on every run.
    """
    text = article.text or ""
    words = words_of(text)
    prose = prose_lines(text)
    lead = lead_of(prose)
    body_counts = Counter(terms_of(prose))
    names = lexical_names(prose)
    quotes = lexical_quotes(text)
    dates: list[str] = []
    if analysis is not None:
        names += [normalise_name(e.name) for e in analysis.entities if e.label != "ROLE"]
        names += [normalise_name(m.text) for m in analysis.mentions if m.label not in ("ROLE",)]
        quotes += [q.text for q in analysis.quotes if q.kind == "direct"]
        dates += [d.resolved for d in analysis.dates if d.resolved]
    norm_quotes = sorted({q for q in (normalise_quote(q) for q in quotes) if len(q.split()) >= 4})
    return LinkFeatures(
        article_id=article.id,
        published=article.anchor_date,
        outlet=article.outlet,
        host=article.host,
        original_outlet=article.original_outlet,
        title=article.title,
        words=len(words),
        prose_words=prose_words(text),
        text_hash=hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:16],
        signature=minhash_signature(words),
        title_terms=sorted(set(terms_of(article.title or ""))),
        lead_terms=dict(sorted(Counter(terms_of(lead)).items())),
        body_terms=dict(sorted(body_counts.most_common(BODY_TERMS))),
        names=sorted({n for n in names if n and len(n) > 2}),
        quotes=norm_quotes,
        numbers=sorted(set(numbers_of(prose))),
        dates=sorted(set(dates)),
        lead_weekday=first_weekday(text),
        embed_dates=sorted({e.date for e in article.embeds if e.date}),
        ingest_inferred=None if article.published else article.published_inferred,
    )
