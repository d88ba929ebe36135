"""The SQLite store: migrations, idempotent batches, transactions, search."""

from __future__ import annotations

import pytest

from storyline.model import Analysis, Article, Entity, Quote, Story
from storyline.store import SCHEMA_VERSION, Store


def art(i: int, text: str | None = None, **kw) -> Article:
    kw.setdefault("source", f"in/{i}.txt")
    return Article(id=f"a{i}", text=text or f"Article number {i} text.", **kw)


def test_a_new_store_is_migrated_to_the_current_schema_in_wal_mode(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.integrity_ok()


def test_a_store_from_a_newer_storyline_is_refused(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer storyline"):
        Store(tmp_path / "s.db")


def test_adding_the_same_article_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "s.db") as store:
        first = store.add_batch([(art(1), Analysis(article_id="a1"), {"f": 1})])
        again = store.add_batch([(art(1), None, None), (art(2), None, None)])
        assert (first.new, again.new, again.existing) == (["a1"], ["a2"], ["a1"])
        assert store.count_articles() == 2


def test_an_article_another_pipeline_stored_is_replaced_with_its_analysis(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1), Analysis(article_id="a1"), None)], pipeline="storyline 1; model 1")
        quote = Quote(text="We will rebuild it", start=1, end=19, kind="direct", speaker="Ana Ruiz")
        same = store.add_batch([(art(1), Analysis(article_id="a1", quotes=[quote]), None)], pipeline="storyline 1; model 1")
        assert same.existing == ["a1"] and store.analysis("a1").quotes == []
        newer = store.add_batch([(art(1), Analysis(article_id="a1", quotes=[quote]), None)], pipeline="storyline 2; model 1")
        assert (newer.new, newer.redone) == ([], ["a1"])
        assert store.analysis("a1").quotes == [quote] and store.count_articles() == 1
        assert store.links_stale


def test_an_input_that_now_reads_differently_replaces_the_article_it_gave_before(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1), None, None)], sources=[("in/1.txt", "hash1", "a1")])
        store.add_batch([(art(2), None, None)], sources=[("in/2.txt", "hash2", "a2")])
        edited = art(3, source="in/1.txt", text="Article number 1, corrected.")
        store.add_batch([(edited, None, None)], sources=[("in/1.txt", "hash1b", "a3")])
        assert not store.has_article("a1") and store.has_article("a2") and store.has_article("a3")
        assert store.article_for_source("in/1.txt", "hash1b") == "a3"
        store.replace_links([], [], {})  # linked; now the edit gives an article another input already gave
        store.add_batch([(art(2), None, None)], sources=[("in/1.txt", "hash1c", "a2")])
        assert not store.has_article("a3") and store.links_stale


def test_an_article_another_input_still_gives_is_kept(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1), None, None)], sources=[("in/1.txt", "h", "a1"), ("mirror/1.txt", "h", "a1")])
        store.add_batch([(art(3, source="in/1.txt"), None, None)], sources=[("in/1.txt", "h2", "a3")])
        assert store.has_article("a1") and store.article_for_source("mirror/1.txt", "h") == "a1"


def test_a_store_from_before_pipelines_were_recorded_is_migrated_and_read_again(tmp_path):
    import sqlite3

    from storyline.store.sqlite import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(f"BEGIN; {MIGRATIONS[1]}; PRAGMA user_version = 1; COMMIT;")
    db.execute("INSERT INTO articles(id, source, text, record, ingested_at) VALUES ('a1', 'in/1.txt', 'x', '{}', 'now')")
    db.execute("INSERT INTO sources VALUES ('in/1.txt', 'h', 'a1')")
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.article_for_source("in/1.txt", "h") == "a1"
        assert store.article_for_source("in/1.txt", "h", pipeline="storyline 1; model 1") is None


def test_a_failing_batch_leaves_nothing_half_written(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1), None, None)])
        bad = Analysis(article_id="a3")
        bad.quotes = [object()]  # not serialisable: the write fails mid-batch
        with pytest.raises(Exception):
            store.add_batch([(art(2), None, None), (art(3), bad, None)])
        assert store.count_articles() == 1 and store.integrity_ok()


def test_records_round_trip_with_nested_fields(tmp_path):
    quote = Quote(text="We will rebuild it", start=1, end=19, kind="direct", speaker="Ana Ruiz")
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1, authors=["Ana Ruiz"]), Analysis(article_id="a1", quotes=[quote]), None)])
        assert store.article("a1").authors == ["Ana Ruiz"]
        assert store.analysis("a1").quotes == [quote]
        assert store.find_article_id("a") == "a1"


def test_links_are_replaced_as_a_whole(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1, outlet="Courier"), None, None), (art(2, outlet="Herald"), None, None)])
        story = Story(id="s1", title="Bridge", article_ids=["a1", "a2"], first_date="2025-01-02")
        store.replace_links([story], [Entity(id="e1", name="Ana Ruiz", label="PERSON")], {"a1:e1": "e1"})
        [row] = store.list_stories()
        assert (row["article_count"], row["outlet_count"]) == (2, 2)
        assert store.story_for_article("a2") == "s1" and store.entity_article_ids("e1") == ["a1"]
        store.replace_links([], [], {})
        assert store.count_stories() == 0 and store.story_for_article("a2") is None


def test_search_finds_words_and_never_fails_on_query_syntax(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_batch([(art(1, "The council voted to close the bridge."), None, None)])
        [hit] = store.search("bridges")  # porter stemming
        assert hit.article_id == "a1" and "\x02bridge\x03" in hit.snippet
        for nasty in ['"', "AND OR NOT", "title:*", "(", "NEAR(a b", "😀", ""]:
            assert isinstance(store.search(nasty), list)
