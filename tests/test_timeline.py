"""Timelines, undated articles and roles over time, on hand-built analyses."""

from __future__ import annotations

from datetime import date

from storyline.link import StoryLinker
from storyline.link.aliases import story_entities
from storyline.link.features import link_features
from storyline.link.timeline import build_timeline, cut_summary
from storyline.link.undated import infer_date, weekday_on_or_before
from storyline.model import Analysis, Article, DateExpression, Entity, InferredDate, Mention


def dated(text: str, phrase: str, resolved: str, precision: str = "day", relative: bool = True) -> DateExpression:
    start = text.index(phrase)
    return DateExpression(text=phrase, start=start, end=start + len(phrase), resolved=resolved,
                          precision=precision, relative=relative)


FIRST = ("Updated: 2024-06-07 09:15\n"
         "The water board voted on Tuesday to raise household rates by 9 percent from July, "
         "the board's chair said. Residents protested outside the hall during the meeting.")
SECOND = ("Household water bills will rise 9 percent after the water board voted on Tuesday to raise rates, "
          "officials said. A public hearing on the plan was held in March. A new reservoir opened last year.")


def two_articles():
    a = Article(id="a", source="t", text=FIRST, published="2024-06-07")
    b = Article(id="b", source="t", text=SECOND, published="2024-06-08")
    analyses = {
        "a": Analysis(article_id="a", dates=[dated(FIRST, "2024-06-07", "2024-06-07", relative=False),
                                             dated(FIRST, "Tuesday", "2024-06-04")]),
        "b": Analysis(article_id="b", dates=[dated(SECOND, "Tuesday", "2024-06-04"),
                                             dated(SECOND, "in March", "2024-03", "month"),
                                             dated(SECOND, "last year", "2023", "year")]),
    }
    return [a, b], analyses


def test_the_same_event_from_two_articles_is_one_entry_with_evidence_from_each():
    articles, analyses = two_articles()
    timeline = build_timeline(articles, analyses)
    vote, = [e for e in timeline if e.date == "2024-06-04"]
    assert {ev.article_id for ev in vote.evidence} == {"a", "b"}
    for ev in vote.evidence:
        sentence = {"a": FIRST, "b": SECOND}[ev.article_id][ev.start:ev.end]
        assert "Tuesday" in sentence


def test_timeline_skips_the_update_stamp_and_orders_by_date_and_precision():
    articles, analyses = two_articles()
    timeline = build_timeline(articles, analyses)
    assert [(e.date, e.precision) for e in timeline] == [("2023", "year"), ("2024-03", "month"), ("2024-06-04", "day")]


def test_summary_is_the_source_sentence_cut_never_reworded():
    text = ("The water board voted on Tuesday to raise household rates by 9 percent from July, "
            "the board's chair said.")
    start, end, cut_left, cut_right = cut_summary(text, 0, len(text))
    assert text[start:end] == "The water board voted on Tuesday to raise household rates by 9 percent from July"
    assert not cut_left and not cut_right  # the attribution is cut away, not marked as a cut


def test_a_long_sentence_is_cut_around_its_predicate_and_the_cuts_are_marked():
    words = [f"w{i}" for i in range(80)]
    text = " ".join(words) + "."
    start, end, cut_left, cut_right = cut_summary(text, 0, len(text), focus=text.index("w40"))
    shown = text[start:end].split()
    assert len(shown) <= 24 and "w40" in shown and shown[0] == "w36"
    assert cut_left and cut_right


def test_undated_article_is_dated_by_its_weekday_cue_and_a_dated_neighbour():
    undated = Article(id="u", source="t", text="Officials said on Wednesday that the dam inspection found cracks. " * 3)
    neighbour = link_features(Article(id="n", source="t", text="x", published="2025-02-14"))
    guess = infer_date(undated, None, link_features(undated), neighbour)
    assert (guess.date, guess.precision) == ("2025-02-12", "day")
    assert "Wednesday" in guess.basis and "n" in guess.basis


def test_a_weekday_far_from_the_rest_of_the_story_leaves_the_article_undated():
    undated = Article(id="u", source="t", text="Officials said on Wednesday that the dam inspection found cracks. " * 3)
    neighbour = link_features(Article(id="n", source="t", text="x", published="2025-02-14"))
    near = infer_date(undated, None, link_features(undated), neighbour, story_day=date(2025, 2, 14))
    assert near.date == "2025-02-12"  # two days from the story's centre: the weekday stands
    far = infer_date(undated, None, link_features(undated), neighbour, story_day=date(2025, 3, 20))
    assert far is None  # the story's median is not this article's date


def test_an_article_with_no_date_cue_of_its_own_stays_undated():
    undated = Article(id="u", source="t", text="The dam inspection found cracks in the spillway wall. " * 3)
    neighbour = link_features(Article(id="n", source="t", text="x", published="2025-02-14"))
    assert infer_date(undated, None, link_features(undated), neighbour) is None


def test_a_copy_is_never_dated_before_its_original():
    from storyline.link.undated import not_before_original

    early = InferredDate(date="2025-02-10", precision="day", basis="'Monday' in the lead")
    kept = not_before_original(early, "o", date(2025, 2, 17))
    assert kept.date == "2025-02-17" and "copy of article o" in kept.basis
    assert not_before_original(None, "o", date(2025, 2, 17)).date == "2025-02-17"


def test_weekday_on_or_before_counts_the_day_itself():
    assert weekday_on_or_before(date(2025, 2, 12), "wednesday") == date(2025, 2, 12)


def test_linker_reports_inferred_dates_for_undated_story_articles():
    text = ("The water board said on Thursday that household rates will rise 9 percent from July after a vote, "
            "and residents protested outside the hall during the long meeting on the plan.")
    docs = [Article(id="dated", source="t", title="Water rates to rise 9 percent", text=text, published="2024-06-07"),
            Article(id="undated", source="t", title="Water rates will rise 9 percent", text=text + " More follows.")]
    linker = StoryLinker()
    for d in docs:
        linker.add(d)
    inferred = linker.result(docs).inferred_dates["undated"]
    # the dated story-mate reported Thursday's news on Friday; the undated copy is dated the same way
    assert (inferred.date, inferred.precision) == ("2024-06-07", "day")
    assert "Thursday" in inferred.basis


def test_role_noun_points_to_whoever_held_it_at_the_time():
    old = Article(id="old", source="t", text="x", published="2019-03-01")
    new = Article(id="new", source="t", text="x", published="2024-03-01")
    later = Article(id="later", source="t", text="x", published="2024-05-01")
    analyses = {
        "old": Analysis(article_id="old", entities=[Entity(id="old:1", name="Ana Ruiz", label="PERSON",
                                                           roles=["the governor"])]),
        "new": Analysis(article_id="new", entities=[Entity(id="new:1", name="Ben Okafor", label="PERSON",
                                                           roles=["the governor"])]),
        "later": Analysis(article_id="later", entities=[Entity(id="later:1", name="the governor", label="ROLE")]),
    }
    groups, where = story_entities([old, new, later], analyses)
    assert where[("later", "later:1")].canonical == "Ben Okafor"
    assert where[("old", "old:1")] is not where[("new", "new:1")]


def test_undated_article_gets_its_relative_dates_re_resolved_and_a_rerun_changes_nothing():
    from dataclasses import replace

    lead = ("Officials said on Wednesday that the dam inspection found cracks in the spillway, "
            "and engineers will return to the site next month to repair the wall before the rains.")
    dated_doc = Article(id="dated", source="t", title="Dam inspection finds cracks", text=lead, published="2025-02-14")
    undated_doc = Article(id="undated", source="t", title="Cracks found in dam", text=lead + " Repairs follow.")
    cue = dated(undated_doc.text, "on Wednesday", None, None)
    analyses = [Analysis(article_id="dated"), Analysis(article_id="undated", dates=[cue])]
    linker = StoryLinker()
    for doc, analysis in zip([dated_doc, undated_doc], analyses):
        linker.add(doc, analysis)
    result = linker.result([dated_doc, undated_doc], analyses)
    assert result.inferred_dates["undated"].date == "2025-02-12"
    reresolved, = result.analyses
    assert reresolved.dates[0].resolved == "2025-02-12"
    stored = replace(undated_doc, published_inferred=result.inferred_dates["undated"])
    again = linker.result([dated_doc, stored], [analyses[0], reresolved])
    assert again.inferred_dates == result.inferred_dates
    assert [s.article_ids for s in again.stories] == [s.article_ids for s in result.stories]


def test_a_sentence_with_two_dates_appears_once_at_the_finer_one():
    text = "A hearing was held in March 2024, and the reservoir that opened in 2019 was closed for it."
    article = Article(id="h", source="t", text=text, published="2024-06-08")
    analysis = Analysis(article_id="h", dates=[dated(text, "March 2024", "2024-03", "month", relative=False),
                                               dated(text, "2019", "2019", "year", relative=False)])
    timeline = build_timeline([article], {"h": analysis})
    assert [(e.date, e.precision) for e in timeline] == [("2024-03", "month")]


def test_a_short_sentence_on_its_own_line_is_an_event_but_a_bare_date_line_is_not():
    text = "March 3, 2024\nThe bridge closed on Sunday.\nRepairs will take weeks, engineers said."
    article = Article(id="a", source="t", text=text, published="2024-03-04")
    analysis = Analysis(article_id="a", dates=[dated(text, "March 3, 2024", "2024-03-03", relative=False),
                                               dated(text, "on Sunday", "2024-03-03")])
    event, = build_timeline([article], {"a": analysis})
    assert event.summary == "The bridge closed on Sunday"


def test_history_an_article_recalls_is_not_an_event_of_the_story():
    text = ("The council voted on Monday to repair the bridge, which opened in 1958. "
            "Its last repair was in 2021. Work starts next spring.")
    article = Article(id="c", source="t", text=text, published="2025-03-05")
    analysis = Analysis(article_id="c", dates=[dated(text, "Monday", "2025-03-03"),
                                               dated(text, "1958", "1958", "year", relative=False),
                                               dated(text, "2021", "2021", "year", relative=False)])
    dates = [e.date for e in build_timeline([article], {"c": analysis})]
    assert "2025-03-03" in dates
    assert "1958" not in dates and "2021" not in dates


def test_a_limit_set_far_ahead_is_a_condition_not_an_event():
    text = ("The team signed a 30-year lease on Monday. It must repay the county if it leaves before 2050, "
            "and the stadium must open by March 2026. The first pitch is planned for April 2027.")
    article = Article(id="d", source="t", text=text, published="2025-08-05")
    analysis = Analysis(article_id="d", dates=[dated(text, "Monday", "2025-08-04"),
                                               dated(text, "2050", "2050", "year", relative=False),
                                               dated(text, "March 2026", "2026-03", "month", relative=False),
                                               dated(text, "April 2027", "2027-04", "month", relative=False)])
    dates = [e.date for e in build_timeline([article], {"d": analysis})]
    assert "2050" not in dates  # "before 2050", decades ahead: a condition of the lease
    assert {"2025-08-04", "2026-03", "2027-04"} <= set(dates)  # a near deadline and a planned event stay


MEETING = ("Mayor Ana Ruiz said Thursday that she wanted to work more closely with Governor Ben Okafor on transit "
           "funding, even at the risk of losing state grants.")
MEETING_RETOLD = ("Okafor will make Ruiz come to his office in the capitol for the Thursday morning meeting on "
                  "funding, the pair's second face-to-face, aides told reporters. "
                  "The city's chief prosecutor in charge of the fraud case resigned Thursday.")


def mention(text: str, words: str, entity_id: str, label: str = "PERSON") -> Mention:
    start = text.index(words)
    return Mention(entity_id=entity_id, text=words, start=start, end=start + len(words), label=label)


def retold_meeting():
    """One meeting told by two outlets in their own words, and a resignation the same day."""
    title = "Mayor Ruiz and Governor Okafor meet again on transit funding"
    a = Article(id="a", source="t", title=title, text=MEETING, outlet="Courier", published="2025-02-14")
    b = Article(id="b", source="t", title=title, text=MEETING_RETOLD, outlet="Herald", published="2025-02-14")
    analyses = {
        "a": Analysis(article_id="a", dates=[dated(MEETING, "Thursday", "2025-02-13")],
                      entities=[Entity(id="a:1", name="Ana Ruiz", label="PERSON"),
                                Entity(id="a:2", name="Ben Okafor", label="PERSON")],
                      mentions=[mention(MEETING, "Ana Ruiz", "a:1"), mention(MEETING, "Ben Okafor", "a:2")]),
        "b": Analysis(article_id="b", dates=[dated(MEETING_RETOLD, "Thursday", "2025-02-13"),
                                             dated(MEETING_RETOLD, "resigned Thursday", "2025-02-13")],
                      entities=[Entity(id="b:1", name="Ruiz", label="PERSON"),
                                Entity(id="b:2", name="Okafor", label="PERSON")],
                      mentions=[mention(MEETING_RETOLD, "Ruiz", "b:1"), mention(MEETING_RETOLD, "Okafor", "b:2")]),
    }
    return [a, b], analyses


def test_one_event_told_in_different_words_by_two_outlets_is_one_entry():
    articles, analyses = retold_meeting()
    _, where = story_entities(articles, analyses)
    timeline = build_timeline(articles, analyses, {key: group.canonical for key, group in where.items()})
    assert len(timeline) == 2
    meeting, = [e for e in timeline if "resigned" not in e.summary]
    texts = {"a": MEETING, "b": MEETING_RETOLD}
    assert sorted((ev.article_id, texts[ev.article_id][ev.start:ev.end].strip()) for ev in meeting.evidence) == [
        ("a", MEETING), ("b", MEETING_RETOLD[: MEETING_RETOLD.index("reporters.") + len("reporters.")])]


def test_a_different_thing_that_happened_the_same_day_stays_its_own_entry():
    articles, analyses = retold_meeting()
    _, where = story_entities(articles, analyses)
    timeline = build_timeline(articles, analyses, {key: group.canonical for key, group in where.items()})
    resignation, = [e for e in timeline if "resigned" in e.summary]
    assert [ev.article_id for ev in resignation.evidence] == ["b"]


def test_the_linker_merges_the_retold_event_in_the_story_timeline():
    articles, analyses = retold_meeting()
    linker = StoryLinker()
    for article in articles:
        linker.add(article, analyses[article.id])
    story, = linker.result(articles, analyses).stories
    assert sorted(len(e.evidence) for e in story.timeline) == [1, 2]


def test_a_date_a_figure_is_compared_against_is_no_event():
    text = ("The audit counted 61,400 visits in the first half of the year, up from about 54,000 in the same "
            "months of 2024. Waits rose 12 percent compared with 2023. The board met on Monday.")
    article = Article(id="e", source="t", text=text, published="2025-09-08")
    analysis = Analysis(article_id="e", dates=[dated(text, "2024", "2024", "year", relative=False),
                                               dated(text, "2023", "2023", "year", relative=False),
                                               dated(text, "Monday", "2025-09-08")])
    dates = [e.date for e in build_timeline([article], {"e": analysis})]
    assert dates == ["2025-09-08"]


def test_dates_are_labelled_as_a_reader_says_them_no_more_precise_than_they_are():
    from storyline.link.date_roles import date_label

    assert date_label("2024-12-03", "day") == "3 December 2024"
    assert date_label("2024-12", "month") == "December 2024"
    assert date_label("2026-01-05/2026-01-09", "week") == "week of 5 January 2026"
    assert date_label("2024-07-01/2024-09-30", "quarter") == "the third quarter of 2024"
    assert date_label("2025", "year") == "2025"
