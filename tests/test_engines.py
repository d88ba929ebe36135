"""The local engine (in-process or a process pool) and the Dask engine store identical results."""

from __future__ import annotations

import json

import pytest

from storyline.engine import ingest
from storyline.serve.export import build_export
from storyline.store import Store


def exported(db) -> dict:
    with Store(db) as store:
        doc = build_export(store)
    return json.loads(json.dumps(doc, sort_keys=True))


def comparable(doc: dict) -> dict:
    """Everything but the ingest path of each record (the same inputs, so identical too)."""
    return {
        "articles": {a["id"]: {k: v for k, v in a.items()} for a in doc["articles"]},
        "stories": sorted(json.dumps(s, sort_keys=True) for s in doc["stories"]),
        "entities": sorted(json.dumps(e, sort_keys=True) for e in doc["entities"]),
    }


@pytest.fixture(scope="module")
def news_cluster(shared_dir):
    path = shared_dir / "data" / "news-cluster"
    if not path.exists():
        pytest.skip("news-cluster data is absent")
    return path


@pytest.fixture(scope="module")
def local_export(news_cluster, tmp_path_factory):
    db = tmp_path_factory.mktemp("local") / "s.db"
    with Store(db) as store:
        report = ingest([str(news_cluster)], store, jobs=1)
    assert not report.failed and len(report.new) > 300
    return comparable(exported(db))


def test_a_process_pool_gives_the_same_store_as_one_process(news_cluster, local_export, tmp_path):
    db = tmp_path / "pool.db"
    with Store(db) as store:
        ingest([str(news_cluster)], store, jobs=2)
    assert comparable(exported(db)) == local_export


def test_dask_with_two_workers_gives_the_same_store_as_the_local_engine(
    news_cluster, local_export, tmp_path
):
    pytest.importorskip("dask.distributed")
    db = tmp_path / "dask.db"
    with Store(db) as store:
        report = ingest([str(news_cluster)], store, engine="dask", workers=2)
    assert not report.failed
    assert comparable(exported(db)) == local_export
