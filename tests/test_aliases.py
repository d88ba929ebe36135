"""Entities across articles: one name, one corpus entity, whatever label each article's NER gave it."""

from storyline.link.aliases import merge_corpus_entities, story_entities
from storyline.model import Analysis, Article, Entity, Mention


def article_with(article_id: str, name: str, label: str, mentions: int = 1, roles=()) -> tuple[Article, Analysis]:
    article = Article(id=article_id, source=f"{article_id}.txt", text=f"{name} said so.", published="2025-03-01")
    entity = Entity(id=f"{article_id}:e1", name=name, label=label, roles=list(roles))
    marks = [Mention(entity.id, name, 0, len(name), label)] * mentions
    return article, Analysis(article_id=article_id, entities=[entity], mentions=marks)


def corpus_of(*pairs):
    articles = [a for a, _ in pairs]
    groups, _ = story_entities(articles, {a.id: an for a, an in pairs})
    return list(merge_corpus_entities(groups).values())


def test_a_name_read_as_a_person_in_one_article_and_an_organisation_in_two_is_one_organisation():
    [entity] = corpus_of(article_with("a1", "Veltra Motors", "PERSON"), article_with("a2", "Veltra Motors", "ORG"),
                         article_with("a3", "Veltra Motors", "ORG"))
    assert entity.label == "ORG"


def test_mentions_weigh_in_and_a_person_loses_a_tie():
    [entity] = corpus_of(article_with("a1", "Cape Lorne", "PERSON", mentions=2), article_with("a2", "Cape Lorne", "GPE", mentions=2))
    assert entity.label == "GPE"


def test_across_stories_the_corpus_votes_once():
    groups = []
    for story, (label, count) in enumerate([("PERSON", 1), ("ORG", 3)]):
        pairs = [article_with(f"s{story}a{i}", "Ada Quarry", label) for i in range(count)]
        groups += story_entities([a for a, _ in pairs], {a.id: an for a, an in pairs})[0]
    [entity] = merge_corpus_entities(groups).values()
    assert entity.label == "ORG"


def test_a_story_that_gives_the_person_a_role_outvotes_a_story_that_misread_the_name():
    person = [article_with("s1a1", "Ada Quarry", "PERSON", roles=["senator"])]
    misread = [article_with("s2a1", "Ada Quarry", "ORG"), article_with("s2a2", "Ada Quarry", "ORG")]
    groups = [g for pairs in (person, misread) for g in story_entities([a for a, _ in pairs], dict((a.id, an) for a, an in pairs))[0]]
    [entity] = merge_corpus_entities(groups).values()
    assert entity.label == "PERSON"


def test_a_lone_surname_read_as_an_organisation_but_given_a_role_is_the_person():
    entities = corpus_of(article_with("a1", "Lionel Brandt", "PERSON"),
                         article_with("a2", "Brandt", "ORG", mentions=3, roles=["Mayor"]))
    assert [(e.name, e.label) for e in entities] == [("Lionel Brandt", "PERSON")]
    assert "Brandt" in entities[0].aliases and "Mayor" in entities[0].roles


def test_a_lone_organisation_name_with_no_role_stays_apart_from_a_person_of_that_surname():
    entities = corpus_of(article_with("a1", "Tessa Veltra", "PERSON"), article_with("a2", "Veltra", "ORG", mentions=3))
    assert sorted((e.name, e.label) for e in entities) == [("Tessa Veltra", "PERSON"), ("Veltra", "ORG")]


def corpus_of_stories(*stories):
    groups = []
    for pairs in stories:
        found, _ = story_entities([a for a, _ in pairs], {a.id: an for a, an in pairs})
        groups.extend(found)
    return sorted((e.name, e.label) for e in merge_corpus_entities(groups).values())


def test_an_acronym_and_a_company_name_without_its_ending_join_the_one_organisation_across_stories():
    assert corpus_of_stories([article_with("a1", "Veltra Motor Works", "ORG")],
                             [article_with("b1", "VMW", "ORG")]) == [("Veltra Motor Works", "ORG")]
    assert corpus_of_stories([article_with("a1", "Calder Foods Inc.", "ORG")],
                             [article_with("b1", "Calder Foods", "ORG")]) == [("Calder Foods Inc.", "ORG")]


def test_a_short_name_two_organisations_could_own_stays_apart():
    assert corpus_of_stories([article_with("a1", "Calder Foods Inc.", "ORG")],
                             [article_with("b1", "Calder Foods Group", "ORG")],
                             [article_with("c1", "Calder Foods", "ORG")]) == [
        ("Calder Foods", "ORG"), ("Calder Foods Group", "ORG"), ("Calder Foods Inc.", "ORG")]


def article_naming(article_id: str, name: str, label: str, aliases=()) -> tuple[Article, Analysis]:
    article, analysis = article_with(article_id, name, label)
    analysis.entities[0].aliases = list(aliases)
    return article, analysis


def test_stories_that_share_a_name_the_articles_used_are_one_entity():
    """One story knows "Veltra Motors Corporation" and "VMC", another "Veltra Motor" and "VMC", a third
    "Veltra Motors": the shared names join all three, though no two canonical names are equal."""
    assert corpus_of_stories([article_naming("a1", "Veltra Motors Corporation", "ORG", ["VMC", "Veltra Motors"])],
                             [article_naming("b1", "Veltra Motor", "ORG", ["VMC"])],
                             [article_naming("c1", "Veltra Motors", "ORG")]) == [("Veltra Motors Corporation", "ORG")]


def test_two_people_who_share_only_a_surname_stay_apart_across_stories():
    assert corpus_of_stories([article_naming("a1", "Tessa Veltra", "PERSON", ["Veltra"])],
                             [article_naming("b1", "Marco Veltra", "PERSON", ["Veltra"])]) == [
        ("Marco Veltra", "PERSON"), ("Tessa Veltra", "PERSON")]


def test_initials_read_as_an_organisation_join_the_place_they_spell_across_stories():
    assert corpus_of_stories([article_with("a1", "Port Ashby City", "GPE")],
                             [article_with("b1", "PAC", "ORG")]) == [("Port Ashby City", "GPE")]


def test_the_entity_several_stories_know_takes_the_name_most_articles_use_not_initials():
    stories = [[article_naming("a1", "Veltra Motors", "ORG", ["VM"])], [article_naming("b1", "Veltra Motors", "ORG")],
               [article_naming("c1", "VM", "ORG")], [article_naming("d1", "VM", "ORG")], [article_naming("e1", "VM", "ORG")],
               [article_naming("f1", "Veltra Motors Roadster", "ORG", ["Veltra Motors"])]]
    assert corpus_of_stories(*stories) == [("Veltra Motors", "ORG")]


def story(*named) -> list:
    """One story: an article per (name, label, aliases)."""
    return [article_naming(f"{named[0][0]}{i}", name, label, aliases) for i, (name, label, *aliases) in enumerate(named)]


def test_a_surname_alone_joins_the_full_name_of_another_story_only_where_the_stories_share_company():
    assert corpus_of_stories(story(("Lionel Brandt", "PERSON", "Brandt"), ("Port Ashby", "GPE")),
                             story(("Brandt", "PERSON"), ("Port Ashby", "GPE"))) == [
        ("Lionel Brandt", "PERSON"), ("Port Ashby", "GPE")]
    assert corpus_of_stories(story(("Lionel Brandt", "PERSON", "Brandt"), ("Port Ashby", "GPE")),
                             story(("Brandt", "PERSON"), ("Calder Falls", "GPE"))) == [
        ("Brandt", "PERSON"), ("Calder Falls", "GPE"), ("Lionel Brandt", "PERSON"), ("Port Ashby", "GPE")]
