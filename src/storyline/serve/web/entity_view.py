"""What an entity's page shows beyond its record, read from the articles that name it: each name they
use for it with the first sentence that uses it (so a reader can judge every merge storyline made and
undo a wrong one in their head), what it was quoted saying, and which outlets name it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...model import Analysis, Article
from ...store import reads
from ...store.sqlite import Store

MAX_ARTICLES = 200  # the page reads at most this many of the entity's articles (newest first)
MAX_QUOTES = 30


@dataclass
class NameUse:
    """One name the articles use for the entity, where it is first used, and in how many articles."""

    name: str
    articles: int
    article_id: str
    start: int
    end: int
    sentence: str


@dataclass
class QuotedSaying:
    text: str
    kind: str
    article_id: str
    start: int
    end: int
    outlet: str | None


@dataclass
class RoleHeld:
    """A role noun the articles resolve to the entity ("the mayor"), over the dates of the articles
    using it, with the first sentence that does: the basis a reader can check."""

    role: str
    first_date: str | None
    last_date: str | None
    articles: int
    article_id: str
    start: int
    end: int
    sentence: str


@dataclass
class EntityView:
    names: list[NameUse] = field(default_factory=list)
    roles: list[RoleHeld] = field(default_factory=list)
    quotes: list[QuotedSaying] = field(default_factory=list)
    outlets: list[tuple[str, int]] = field(default_factory=list)  # outlet, articles naming the entity


def _sentence_of(analysis: Analysis, article: Article, start: int) -> tuple[int, int]:
    for s in analysis.sentences:
        if s.start <= start < s.end:
            return s.start, s.end
    return max(0, start - 80), min(len(article.text), start + 120)


def entity_view(entity_id: str, order: list[str], articles: dict[str, Article], analyses: dict[str, Analysis],
                corpus_of: dict[str, str]) -> EntityView:
    """``order``: the entity's article ids, newest first; ``corpus_of``: article-level entity id ->
    corpus entity id. Pure: the page gathers the records, this reads them."""
    first: dict[str, NameUse] = {}
    in_articles: Counter = Counter()
    outlets: Counter = Counter()
    quotes: list[QuotedSaying] = []
    roles: dict[str, RoleHeld] = {}
    role_articles: dict[str, set[str]] = {}
    for article_id in reversed(order):  # oldest first: a name's first use is where it came in
        article, analysis = articles.get(article_id), analyses.get(article_id)
        if article is None or analysis is None:
            continue
        names_here = set()
        day = article.anchor_date
        for m in sorted(analysis.mentions, key=lambda m: m.start):
            if corpus_of.get(m.entity_id) != entity_id:
                continue
            name = " ".join(m.text.split())
            if m.label == "ROLE":
                key = name.casefold().removeprefix("the ")
                held = roles.get(key)
                if held is None:
                    s, e = _sentence_of(analysis, article, m.start)
                    held = roles[key] = RoleHeld(name, day, day, 0, article_id, m.start, m.end, article.text[s:e].strip())
                if article_id not in role_articles.setdefault(key, set()):
                    role_articles[key].add(article_id)
                    held.articles += 1
                    if day:
                        held.first_date = min(filter(None, (held.first_date, day)))
                        held.last_date = max(filter(None, (held.last_date, day)))
                continue
            names_here.add(name)
            if name not in first:
                s, e = _sentence_of(analysis, article, m.start)
                first[name] = NameUse(name, 0, article_id, m.start, m.end, article.text[s:e].strip())
        for name in names_here:
            in_articles[name] += 1
        if names_here:
            outlets[article.outlet or article.host or "unknown outlet"] += 1
        for q in analysis.quotes:
            if q.speaker_entity_id is not None and corpus_of.get(q.speaker_entity_id) == entity_id:
                quotes.append(QuotedSaying(q.text, q.kind, article_id, q.start, q.end, article.outlet))
    for name, use in first.items():
        use.articles = in_articles[name]
    names = sorted(first.values(), key=lambda u: (-u.articles, u.name.casefold()))
    held = sorted(roles.values(), key=lambda r: (r.first_date or "9999", r.role.casefold()))
    return EntityView(names=names, roles=held, quotes=quotes[-MAX_QUOTES:][::-1],
                      outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0].casefold())))


def load_entity_view(store: Store, entity_id: str, article_ids: list[str]) -> EntityView:
    ids = article_ids[:MAX_ARTICLES]
    articles = reads.load_articles(store, ids)
    analyses = reads.load_analyses(store, ids)
    local = [m.entity_id for a in analyses.values() for m in a.mentions]
    local += [q.speaker_entity_id for a in analyses.values() for q in a.quotes if q.speaker_entity_id]
    return entity_view(entity_id, ids, articles, analyses, reads.corpus_entity_ids(store, local))
