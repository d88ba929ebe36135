"""Entities across articles: merge article-level entities into corpus-level ones.

Within a story, names that fuzzily match (rapidfuzz) or a surname that matches exactly one full
name become aliases of one entity. A role noun ("the mayor") is never a reason to merge two
people: the same role can belong to different people in different periods, so an entity known only
by its role is given to whoever held that role in the story nearest in time.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz, process

from ..model import Analysis, Article, Entity
from .features import normalise_name

FUZZY_NAME = 90
_QUOTE_MARKS = " \t`'\"“”‘’"
_ROLE_VOTES = 5  # a role the text gives a person outweighs a few misreadings of the name as something else
PERSONLIKE = {"PERSON", "PER"}
COMPATIBLE = {frozenset({"GPE", "LOC"}), frozenset({"ORG", "NORP"})}


def entity_id_for(label: str, name: str) -> str:
    """Stable corpus entity id: a hash of the label family and the canonical name."""
    family = "PERSON" if label in PERSONLIKE else label
    return "ent_" + hashlib.sha1(f"{family}\x00{normalise_name(name)}".encode("utf-8")).hexdigest()[:12]


def _labels_compatible(a: str, b: str) -> bool:
    return a == b or frozenset({a, b}) in COMPATIBLE


def _is_role_only(entity: Entity) -> bool:
    name = entity.name.strip()
    return entity.label == "ROLE" or not name or name[:1].islower() or name.lower().startswith("the ")


@dataclass
class _Group:
    label: str
    names: Counter = field(default_factory=Counter)
    normalised: set[str] = field(default_factory=set)
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # role -> dates
    members: list[tuple[str, str]] = field(default_factory=list)  # (article_id, entity_id)
    corpus_name: str | None = None  # the name of the corpus entity this group was merged into
    context: frozenset[str] = frozenset()  # the other names its story knows (normalised)

    @property
    def canonical(self) -> str:
        """The fullest name used most often: longest token count first, then frequency, then text
        (once merged across the corpus, the corpus entity's name)."""
        if self.corpus_name is not None:
            return self.corpus_name
        return sorted(self.names, key=lambda n: (-len(n.split()), -self.names[n], n))[0]


def clean_role(role: str) -> str:
    return role.strip(" \t\n\"'“”‘’.,;:()")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


class _NameBook:
    """The groups of one story, findable by exact name, fuzzy name or surname."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self._exact: dict[str, list[_Group]] = defaultdict(list)
        self._surnames: dict[str, set[int]] = defaultdict(set)

    def add_name(self, group: _Group, name: str, count: int = 1) -> None:
        name = name.strip(_QUOTE_MARKS) or name  # "`` General Motors": a quote mark the name was read with
        group.names[name] += count
        norm = normalise_name(name)
        if norm and norm not in group.normalised:
            group.normalised.add(norm)
            self._exact[norm].append(group)
            if group.label in PERSONLIKE and " " in norm:
                self._surnames[norm.split()[-1]].add(id(group))

    def find(self, entity: Entity) -> _Group | None:
        name = normalise_name(entity.name)
        if entity.label in ("ORG", "NORP") and " " not in name:
            person = self._surname_target(entity, name)
            if person is not None:
                return person
        for g in self._exact.get(name, ()):
            if _labels_compatible(g.label, entity.label):
                return g
        choices = {n: g for n, gs in self._exact.items() for g in gs if _labels_compatible(g.label, entity.label)}
        match = process.extractOne(name, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
        if match is not None:
            return choices[match[0]]
        return self._surname_target(entity, name)

    def _surname_target(self, entity: Entity, name: str) -> _Group | None:
        """A one-word person name that is the last word of exactly one full name in the story. The
        tagger often reads a lone surname as an organisation; one the text gives a role ("President
        Ruiz", "Ruiz, the minister") or that an article already knows as that person's is a person's."""
        if " " in name:
            return None
        hits = self._surnames.get(name, set())
        if len(hits) != 1:
            return None
        person = next(g for g in self.groups if id(g) in hits)
        if entity.label in PERSONLIKE:
            return person
        misread = entity.label in ("ORG", "NORP") and (entity.roles or name in person.normalised)
        return person if misread else None


def story_entities(
    articles: list[Article], analyses: dict[str, Analysis]
) -> tuple[list[_Group], dict[tuple[str, str], _Group]]:
    """Group the article-level entities of one story; role-only entities are resolved by date."""
    book = _NameBook()
    where: dict[tuple[str, str], _Group] = {}
    pending_roles: list[tuple[Article, Entity]] = []
    ordered = sorted(articles, key=lambda a: (a.anchor_date or "9999", a.id))
    entities = [(a, e) for a in ordered for e in (analyses[a.id].entities if a.id in analyses else [])]
    labels = _story_labels(entities, analyses)
    entities = [(a, e if _is_role_only(e) else replace(e, label=labels[normalise_name(e.name)]))
                for a, e in entities]
    # full names first so surnames find them
    entities.sort(key=lambda ae: -len(normalise_name(ae[1].name).split()))
    for article, entity in entities:
        if _is_role_only(entity):
            pending_roles.append((article, entity))
            continue
        group = book.find(entity)
        if group is None:
            group = _Group(label=entity.label)
            book.groups.append(group)
        book.add_name(group, entity.name.strip())
        for alias in entity.aliases:
            book.add_name(group, alias.strip(), 0)  # known, but not counted as the usual name
        for role in entity.roles:
            if clean_role(role):
                group.roles[clean_role(role)].append(article.anchor_date or "")
        group.members.append((article.id, entity.id))
        where[(article.id, entity.id)] = group
    for article, entity in pending_roles:
        group = holder_of_role(book.groups, entity.name, article.anchor_date)
        if group is not None:
            group.members.append((article.id, entity.id))
            where[(article.id, entity.id)] = group
    names = [normalise_name(g.canonical) for g in book.groups]
    for g, own in zip(book.groups, names):
        g.context = frozenset(n for n in names if n != own)
    return book.groups, where


def _story_labels(entities: list[tuple[Article, Entity]], analyses: dict[str, Analysis]) -> dict[str, str]:
    """One label per name across a story, by the mentions behind each reading: the NER reads one
    name differently in different articles (a senator an ORG in one, a militant group a PERSON in
    another), which would split it into entities that can never merge. A person loses ties. (Giving
    roles extra weight here was tried: on news-cluster it kept 1 person and made 4 organisations and
    places people, whose misread names carry roles too: "Islamic State militants".)"""
    mentions = Counter(m.entity_id for analysis in analyses.values() for m in analysis.mentions)
    votes: dict[str, Counter] = defaultdict(Counter)
    for _, entity in entities:
        votes[normalise_name(entity.name)][entity.label] += max(1, mentions[entity.id])
    return {name: _most_voted(counts) for name, counts in votes.items()}


def _most_voted(counts: Counter) -> str:
    """The label with the most votes; a person loses ties (the NER over-reads names as people)."""
    return min(counts, key=lambda label: (-counts[label], label in PERSONLIKE, label))


def holder_of_role(groups: list[_Group], role: str, when: str | None) -> _Group | None:
    """Who the role noun pointed to nearest in time (the same role changes hands over the years)."""
    wanted = normalise_name(role)
    target = _day(when)
    best, best_gap = None, None
    for g in groups:
        for r, dates in g.roles.items():
            if normalise_name(r) != wanted:
                continue
            for d in dates or [""]:
                day = _day(d)
                gap = abs((day - target).days) if day and target else 10**6
                if best_gap is None or gap < best_gap:
                    best, best_gap = g, gap
    return best


def _family(label: str) -> str:
    return "PERSON" if label in PERSONLIKE else "PLACE" if label in ("GPE", "LOC") else \
        "ORG" if label in ("ORG", "NORP") else label


def _alias_owners(groups: list[_Group]) -> dict[tuple[str, str], tuple[str, str]]:
    """(label family, short name) -> (label, full name) for a name some story learned is another
    name of exactly one longer-named entity (an acronym it defined, a surname beside the full name).
    A short name two entities answer to ("Ruiz" for two Ruizes) owns nothing."""
    owners: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for g in groups:
        full = normalise_name(g.canonical)
        for name in g.names:
            short = normalise_name(name)
            if short and len(short) < len(full):
                owners[(_family(g.label), short)].add((g.label, g.canonical))
    for g in groups:  # "Apple Inc." is Apple wherever no other Apple is known
        if g.label in ("ORG", "NORP"):
            words = normalise_name(g.canonical).split()
            while len(words) > 1 and words[-1].strip(".,") in _CORPORATE_WORDS:
                words = words[:-1]
            short = " ".join(words).rstrip(",")
            if short and short != normalise_name(g.canonical):
                owners[(_family(g.label), short)].add((g.label, g.canonical))
    for g in groups:  # an acronym is another name of the one organisation whose words it spells
        if g.label in ("ORG", "NORP", "GPE", "FAC"):
            letters = _initials(g.canonical)
            if len(letters) >= 2:
                owners[(_family(g.label), letters.lower())].add((g.label, g.canonical))
    return {key: owner for key, found in owners.items() if (owner := _one_owner(found)) is not None}


def _initials_owners(groups: list[_Group]) -> dict[str, tuple[str, str]]:
    """Initials -> (label, full name) of the one organisation or place whose words they spell, across
    label families: the NER reads "NYC" as an organisation and "New York City" as a place."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for g in groups:
        if g.label not in PERSONLIKE:
            letters = _initials(g.canonical)
            if len(letters) >= 2:
                owners[letters].add((g.label, g.canonical))
    return {key: owner for key, found in owners.items() if (owner := _one_owner(found)) is not None}


def _one_owner(found: set[tuple[str, str]]) -> tuple[str, str] | None:
    """The one entity a short name belongs to; several spellings of one name ("General Motors",
    "General Motor") are one owner, the longest spelling."""
    ordered = sorted(found, key=lambda o: (-len(o[1]), o[1]))
    first = ordered[0]
    if all(fuzz.token_sort_ratio(normalise_name(first[1]), normalise_name(o[1])) >= FUZZY_NAME for o in ordered[1:]):
        return first
    return None


_CORPORATE_WORDS = frozenset({"company", "inc", "incorporated", "corp", "corporation", "co", "ltd", "limited",
                              "llc", "plc", "holdings", "group", "gmbh", "ag", "sa", "s.a", "nv", "n.v"})
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "on", "in"})


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _MINOR_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _attested_keys(group: _Group) -> set[str]:
    """The names an article itself used for the entity (its name and the aliases the text gave it:
    "GM" beside "General Motors", "Apple" after "Apple Computer"), by which stories meet. A person
    meets another only by a full name: a surname alone is shared by strangers."""
    keys = set()
    for name in group.names:
        key = normalise_name(name)
        if len(key) >= 2 and (group.label not in PERSONLIKE or " " in key):
            keys.add(key)
    return keys


def _components(groups: list[_Group]) -> list[list[_Group]]:
    """Groups of one label family that share an attested name, transitively (the same company is
    "General Motors Corporation" and "GM" in one story, "General Motors" and "GM" in the next)."""
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[str, str], int] = {}
    for i, g in enumerate(groups):
        for key in sorted(_attested_keys(g) | {normalise_name(g.canonical)}):
            j = first_with.setdefault((_family(g.label), key), i)
            parent[find(i)] = find(j)
    found: dict[int, list[_Group]] = defaultdict(list)
    for i, g in enumerate(groups):
        found[find(i)].append(g)
    return list(found.values())


def _corpus_name(component: list[_Group], label: str) -> str:
    """The name the most articles use for an entity several stories know: not initials another of
    its names spells out ("GM" beside "General Motors"), and for a person a full name. Each
    story's own fullest name ("Apple Watch" in a story on the watch) would let one product or one
    misreading name the firm."""
    counts: Counter = Counter()
    for g in component:
        for name, n in g.names.items():
            counts[name] += max(n, 0)
        counts[g.canonical] += 0
    spelled = {_initials(n) for n in counts}
    choices = [n for n in counts if n not in spelled and not (n.isupper() and n.replace(".", "") in spelled)]
    if label in PERSONLIKE:
        choices = [n for n in choices if " " in n.strip()] or choices
    choices = choices or list(counts)
    return max(choices, key=lambda n: (counts[n], len(n.split()), n))


def merge_corpus_entities(groups: list[_Group]) -> dict[str, Entity]:
    """Corpus entities keyed by id. The label of a name is voted over the corpus (a person losing
    ties): stories vote on their own, and the NER can read a name one way in one story and another
    in the next. Then groups that share an attested name are one entity, named by the group with
    the most members, and a short name some story learned is another name of exactly one longer-named
    entity (an acronym, a name without its company ending) joins that entity."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for g in groups:  # a story that settled on a person with a role ("the senator") counts for more
        votes[normalise_name(g.canonical)][g.label] += len(g.members) + (_ROLE_VOTES * len(g.roles) if g.label in PERSONLIKE else 0)
    for g in groups:
        counts = votes[normalise_name(g.canonical)]
        g.label = _most_voted(counts)
    known_as, initials_of = _alias_owners(groups), _initials_owners(groups)
    context_of: dict[str, set[str]] = defaultdict(set)
    for g in groups:
        context_of[normalise_name(g.canonical)] |= g.context
    for g in groups:
        owner = known_as.get((_family(g.label), normalise_name(g.canonical)))
        if owner is not None and g.label in PERSONLIKE and " " not in normalise_name(g.canonical) and \
                not g.context & context_of[normalise_name(owner[1])]:
            owner = None  # a surname alone joins a full name across stories only where they share company
        if owner is None and g.label not in PERSONLIKE and g.canonical.isupper():
            owner = initials_of.get(g.canonical)
        if owner is not None:  # "GM" alone in one story, "General Motors (GM)" in another: one entity
            g.label, canonical = owner
            g.names[canonical] += 0  # a name it is known by, for the join below; not one its articles used
    for component in _components(groups):
        labels = Counter()
        for g in component:
            labels[g.label] += len(g.members)
        label = _most_voted(labels)
        name = _corpus_name(component, label)
        for g in component:
            g.label, g.corpus_name = label, name
    merged: dict[str, Entity] = {}
    for g in groups:
        eid = entity_id_for(g.label, g.canonical)
        entity = merged.setdefault(eid, Entity(id=eid, name=g.canonical, label=g.label))
        for name in sorted(g.names):
            if name != entity.name and name not in entity.aliases:
                entity.aliases.append(name)
        for role in sorted(g.roles):
            if role not in entity.roles:
                entity.roles.append(role)
    for entity in merged.values():
        entity.aliases.sort()
        entity.roles.sort()
    return merged
