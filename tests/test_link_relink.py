"""Relinking a growing store gives the state linking the whole corpus from scratch gives.

An undated report of a protest first shares a story with a dated report of the vote it protests,
so its "on Wednesday" is dated from that story-mate. Later a second report of each side arrives:
the protest reports and the vote reports become two stories, the protest story has no dated
article, and the date inferred in the first run has no evidence left.
"""

from __future__ import annotations

from dataclasses import asdict, replace

from storyline.engine import relink
from storyline.link import StoryLinker, link_features
from storyline.model import Analysis, Article, DateExpression
from storyline.store import Store

VOTE = Article(
    id="vote", source="t", title="Water board votes to raise household rates", published="2025-02-14",
    text=("The city water board voted to raise household water rates by nine percent from July, its chair "
          "announced. The board said the higher rates would pay for pipe repairs across the northern districts."),
)
PROTEST = Article(
    id="protest", source="t", title="Residents protest outside hall",
    text=("Residents protested on Wednesday outside the hall against the rise in household water rates. "
          "Protesters carried banners and chanted slogans while tenants' groups handed out leaflets to passers-by."),
)
VOTE_AGAIN = Article(
    id="vote-again", source="t", title="Water board approves nine percent rate rise for pipe repairs",
    published="2025-02-15",
    text=("The water board approved a nine percent rise in household water rates from July to pay for pipe "
          "repairs. The chair announced that repairs in the northern districts start this spring."),
)
PROTEST_AGAIN = Article(
    id="protest-again", source="t", title="Protesters chant slogans outside hall",
    text=("Protesters carried banners and chanted slogans outside the hall as tenants' groups handed out "
          "leaflets. Organisers of the protest said more banners and leaflets would follow at the next rally."),
)


def analysis_of(article: Article) -> Analysis:
    """An analysis holding the article's "on Wednesday", unresolved as analysis leaves it without a date."""
    phrase = "on Wednesday"
    if phrase not in article.text:
        return Analysis(article_id=article.id)
    start = article.text.index(phrase)
    cue = DateExpression(text=phrase, start=start, end=start + len(phrase), resolved=None, precision="day",
                         relative=True)
    return Analysis(article_id=article.id, dates=[cue])


def add(store: Store, articles: list[Article]) -> None:
    store.add_batch([(a, analysis_of(a), asdict(link_features(a, analysis_of(a)))) for a in articles])
    relink(store)


def stored_state(store: Store) -> tuple[dict, dict, list]:
    articles = {a.id: a.published_inferred for a in store.iter_articles()}
    analyses = {a.article_id: a.dates for a in store.iter_analyses()}
    stories = sorted(sorted(s.article_ids) for s in store.iter_stories())
    return articles, analyses, stories


def test_first_relink_dates_the_protest_from_its_dated_story_mate(tmp_path):
    with Store(tmp_path / "s.db") as store:
        add(store, [VOTE, PROTEST])
        protest = store.article("protest")
        assert (protest.published_inferred.date, protest.published_inferred.precision) == ("2025-02-12", "day")
        assert store.analysis("protest").dates[0].resolved == "2025-02-12"


def test_a_date_inferred_before_is_cleared_when_new_articles_take_its_evidence_away(tmp_path):
    with Store(tmp_path / "grown.db") as store:
        add(store, [VOTE, PROTEST])
        add(store, [VOTE_AGAIN, PROTEST_AGAIN])
        grown = stored_state(store)
    with Store(tmp_path / "scratch.db") as store:
        add(store, [VOTE, PROTEST, VOTE_AGAIN, PROTEST_AGAIN])
        scratch = stored_state(store)
    assert grown[2] == [["protest", "protest-again"], ["vote", "vote-again"]]
    assert grown[0]["protest"] is None
    assert grown[1]["protest"][0].resolved is None and grown[1]["protest"][0].anchor is None
    assert grown == scratch


def test_the_linker_ignores_a_date_an_earlier_run_stored_on_the_article():
    earlier = link([VOTE, PROTEST], [analysis_of(VOTE), analysis_of(PROTEST)])
    stored_protest = replace(PROTEST, published_inferred=earlier.inferred_dates["protest"])
    stored_analysis, = earlier.analyses
    later = link([VOTE, stored_protest, VOTE_AGAIN, PROTEST_AGAIN],
                 [analysis_of(VOTE), stored_analysis, analysis_of(VOTE_AGAIN), analysis_of(PROTEST_AGAIN)])
    assert "protest" not in later.inferred_dates
    assert later.published_inferred["protest"] is None
    assert analysis_of(PROTEST) in later.analyses


def link(articles: list[Article], analyses: list[Analysis]):
    """Link as a relink does: features from the articles as extracted, records as stored."""
    linker = StoryLinker()
    for article in articles:
        linker.add_features(link_features(replace(article, published_inferred=None), analysis_of(article)))
    return linker.result(articles, analyses)


def test_a_date_extraction_inferred_is_kept_when_the_story_offers_only_a_coarser_one():
    from storyline.model import InferredDate

    week = InferredDate(date="2025-02-10", precision="week", basis="embedded post dated 2025-02-10",
                        earliest="2025-02-10", latest="2025-02-17")
    no_weekday = replace(PROTEST, text=PROTEST.text.replace(" on Wednesday", ""), published_inferred=week)
    linker = StoryLinker()
    for article in (VOTE, no_weekday):
        linker.add(article, Analysis(article_id=article.id))
    result = linker.result([VOTE, no_weekday], [Analysis(article_id="vote"), Analysis(article_id="protest")])
    assert [sorted(s.article_ids) for s in result.stories] == [["protest", "vote"]]
    assert "protest" not in result.inferred_dates
    assert result.published_inferred["protest"] == week


def test_relink_reads_articles_and_analyses_from_the_store_only_when_linking_asks(tmp_path, monkeypatch):
    with Store(tmp_path / "s.db") as store:
        add(store, [VOTE, PROTEST, VOTE_AGAIN, PROTEST_AGAIN])
        monkeypatch.setattr(Store, "iter_articles", lambda self: (_ for _ in ()).throw(AssertionError("bulk read")))
        monkeypatch.setattr(Store, "iter_analyses", lambda self: (_ for _ in ()).throw(AssertionError("bulk read")))
        relink(store)  # one story at a time: no read of the whole corpus
        assert store.count_stories() >= 1


def test_stored_records_is_a_mapping_over_the_ids_it_was_given():
    from storyline.engine.relink import StoredRecords

    reads = []
    records = StoredRecords(["a", "b"], lambda i: reads.append(i) or (None if i == "b" else f"record {i}"))
    assert list(records) == ["a", "b"] and len(records) == 2 and "a" in records and "z" not in records
    assert reads == []  # membership needs no read
    assert records["a"] == "record a" and records.get("b") is None and records.get("z") is None
    assert reads == ["a", "b"]
