"""Story clustering: same event together, separate events apart, order of ingest irrelevant."""

from __future__ import annotations

import random


from storyline.link import StoryLinker, title_notes
from storyline.model import Analysis, Article, Entity, LoadedTerm

BRIDGE_OPENS = [
    ("Kelby opens the Harlow river bridge after four years of work",
     "Mayor Dana Whitfield of Kelby opened the new Harlow river bridge on Saturday, ending four years of "
     "construction. The 640-metre span carries two tram lines and a cycle path. Whitfield cut the ribbon "
     "before a crowd of several thousand residents. “This bridge joins the two halves of our city,” she said. "
     "Engineers said the span cost 310 million euros, slightly above the original budget. Trams will start "
     "running across the Harlow bridge on Monday, the transit authority said."),
    ("Crowds cross Kelby's new Harlow bridge on opening day",
     "Thousands of Kelby residents walked across the Harlow river bridge on Saturday as Mayor Dana Whitfield "
     "opened the span. The bridge, with two tram lines and a cycle path, took four years to build and cost "
     "310 million euros. “This bridge joins the two halves of our city,” Whitfield told the crowd. Tram "
     "service over the Harlow crossing begins on Monday. Some residents complained about the noise of "
     "construction during the four-year project."),
]
MAYOR_CHARGED = [
    ("Kelby mayor Dana Whitfield charged with fraud over housing contracts",
     "Prosecutors charged Kelby mayor Dana Whitfield with fraud on Thursday, alleging she steered public "
     "housing contracts to a company owned by a campaign donor. Whitfield denied wrongdoing. The indictment "
     "lists 11 contracts worth a combined 42 million euros awarded between 2019 and 2022. Her lawyer said "
     "the mayor would plead not guilty at a hearing next month. The city council called an emergency session."),
    ("Fraud charges against Kelby's mayor rock city hall",
     "Kelby mayor Dana Whitfield faces fraud charges after prosecutors said she steered housing contracts to a "
     "donor's company. The indictment covers 11 contracts worth 42 million euros. Whitfield, who denies the "
     "allegations, is due in court next month. Council members met in an emergency session on Friday and "
     "several called on the mayor to step aside while the housing contracts case proceeds."),
]
TEASER = ("You may also like",
          "Kelby opens the Harlow river bridge. Celebrity chef opens restaurant. Ten gadgets for summer. "
          "Sign up for our newsletter.")


def articles() -> list[Article]:
    docs = []
    for i, (title, text) in enumerate(BRIDGE_OPENS):
        docs.append(Article(id=f"bridge{i}", source="t", title=title, text=text, published="2023-05-13"))
    for i, (title, text) in enumerate(MAYOR_CHARGED):
        docs.append(Article(id=f"fraud{i}", source="t", title=title, text=text, published="2023-11-0" + str(2 + i)))
    docs.append(Article(id="teaser", source="t", title=TEASER[0], text=TEASER[1], published="2023-05-14"))
    return docs


def stories_of(result) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in result.stories}


def link(docs: list[Article], batches: int = 1):
    linker = StoryLinker()
    size = -(-len(docs) // batches)
    result = None
    for start in range(0, len(docs), size):
        for doc in docs[start : start + size]:
            linker.add(doc)
        result = linker.result(docs)
    return result


def test_separate_events_with_the_same_person_stay_apart():
    assert stories_of(link(articles())) >= {frozenset({"bridge0", "bridge1"}), frozenset({"fraud0", "fraud1"})}


def test_related_links_teaser_joins_no_story():
    assert frozenset({"teaser"}) in stories_of(link(articles()))


def test_five_batches_in_any_order_give_the_same_stories_as_one():
    docs = articles()
    one = stories_of(link(docs))
    shuffled = list(docs)
    random.Random(7).shuffle(shuffled)
    assert stories_of(link(shuffled, batches=5)) == one


def test_story_title_is_an_article_headline_as_printed_with_its_loaded_words_noted():
    docs = articles()[2:4]
    analyses = [Analysis(article_id=d.id) for d in docs]
    analyses[0].loaded_terms.append(LoadedTerm(text="rock", start=0, end=0, neutral="affect", leaning="sensational"))
    linker = StoryLinker()
    for d, a in zip(docs, analyses):
        linker.add(d, a)
    story, = linker.result(docs, analyses).stories
    headlines = {d.id: d.title for d in docs}
    assert story.title == headlines[story.title_article_id]
    rocked = "Fraud charges against Kelby's mayor rock city hall"
    note, = title_notes(rocked, analyses)  # the loaded word stays, the plainer one is noted beside it
    assert rocked[note.start:note.end] == "rock" and note.neutral == "affect"


def test_story_dates_span_its_articles_and_entities_merge_across_them():
    docs = articles()[:2]
    analyses = [
        Analysis(article_id="bridge0", entities=[Entity(id="bridge0:e1", name="Dana Whitfield", label="PERSON",
                                                        roles=["Mayor"])]),
        Analysis(article_id="bridge1", entities=[Entity(id="bridge1:e4", name="Whitfield", label="PERSON")]),
    ]
    linker = StoryLinker()
    for d, a in zip(docs, analyses):
        linker.add(d, a)
    result = linker.result(docs, analyses)
    story, = result.stories
    assert (story.first_date, story.last_date) == ("2023-05-13", "2023-05-13")
    person, = result.entities
    assert (person.name, person.aliases, person.roles) == ("Dana Whitfield", ["Whitfield"], ["Mayor"])
    assert result.entity_map == {"bridge0:e1": person.id, "bridge1:e4": person.id}
    assert story.entity_ids == [person.id]


def test_index_rebuilt_from_stored_features_gives_the_same_stories():
    import json

    from storyline.link import link_features
    from storyline.model import to_dict

    docs = articles()
    stored = [json.loads(json.dumps(to_dict(link_features(d)))) for d in docs]
    rebuilt = StoryLinker.from_features(stored).result(docs)
    assert stories_of(rebuilt) == stories_of(link(docs))


def test_related_links_at_the_foot_of_an_article_do_not_pull_other_stories_in():
    docs = articles()
    bridge = docs[0]
    docs[0] = Article(id=bridge.id, source="t", title=bridge.title, published=bridge.published,
                      text=bridge.text + "\nYou may also like\n" + "\n".join(title for title, _ in MAYOR_CHARGED))
    stories = stories_of(link(docs))
    assert frozenset({"fraud0", "fraud1"}) in stories
    assert frozenset({"bridge0", "bridge1"}) in stories


def test_an_article_left_alone_joins_the_story_of_its_one_close_neighbour():
    from storyline.link.stories import attach_orphans, average_link

    scores = {("a1", "a2"): 0.5, ("a1", "a3"): 0.5, ("a2", "a3"): 0.5, ("a3", "late"): 0.2, ("other", "a1"): 0.05}
    clusters = average_link(["a1", "a2", "a3", "late", "other"], scores, threshold=0.13)
    assert ["late"] in clusters  # its average over the three story-mates is under the threshold
    assert attach_orphans(clusters, scores, threshold=0.13) == [["a1", "a2", "a3", "late"], ["other"]]


# --------------------------------------------------------------------------- one kind of news, several events


def _row(*article_ids: str, kind: str = "event") -> dict:
    return {"kind": kind, "cells": {f"outlet-{a}": {"reported": True, "evidence": [{"article_id": a, "start": 0, "end": 5}]}
                                    for a in article_ids}}


def test_two_summits_a_month_apart_that_nothing_ties_are_two_stories():
    from datetime import date

    from storyline.link.story_split import tied_groups
    from storyline.model import Story

    story = Story(id="s", title="t", article_ids=["a1", "a2", "b1", "b2"],
                  facts=[_row("a1", "a2"), _row("b1", "b2", kind="quote"), _row("a1")])
    days = {"a1": date(2025, 3, 3), "a2": date(2025, 3, 4), "b1": date(2025, 4, 20), "b2": date(2025, 4, 21)}
    scores = {("a1", "b1"): 0.16, ("a2", "b2"): 0.14}  # alike in words, as one kind of news is
    assert tied_groups(story, scores, days) == [["a1", "a2"], ["b1", "b2"]]


def test_a_developing_story_tied_article_to_article_stays_whole_however_long_it_runs():
    from datetime import date

    from storyline.link.story_split import tied_groups
    from storyline.model import Story

    story = Story(id="s", title="t", article_ids=["a", "b", "c"], facts=[_row("a", "b")])
    days = {"a": date(2024, 12, 3), "b": date(2025, 2, 14), "c": date(2026, 1, 13)}
    assert tied_groups(story, {("b", "c"): 0.3}, days) == [["a", "b", "c"]]


def test_untied_articles_of_the_same_days_stay_one_story():
    from datetime import date

    from storyline.link.story_split import tied_groups
    from storyline.model import Story

    story = Story(id="s", title="t", article_ids=["a", "b", "u"])
    days = {"a": date(2025, 3, 3), "b": date(2025, 3, 8), "u": None}
    assert tied_groups(story, {}, days) == [["a", "b", "u"]]
