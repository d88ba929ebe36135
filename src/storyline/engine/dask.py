"""The Dask engine (extra ``storyline[dask]``): extraction and analysis run on Dask workers.

Workers run the same ``process_documents`` as the local engine (each worker process loads the
spaCy pipeline once). Results come back in input order and are written by this process only:
SQLite has a single writer, and corpus-wide linking runs here afterwards in a deterministic order,
so a Dask run and a local run give identical stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from ..model import IngestError, RawDocument
from .local import Outcome, process_documents


def _client(workers: int | None, scheduler: str | None):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError(
            "the Dask engine needs dask.distributed: `pip install 'storyline[dask]'`"
        ) from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers or 2, threads_per_worker=1, processes=True,
        dashboard_address="127.0.0.1:0", host="127.0.0.1",
    )
    return Client(cluster), cluster


def run_dask(
    items: Iterable[RawDocument | IngestError],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    chunk_size: int = 16,
    in_flight_per_worker: int = 2,
) -> Iterator[Outcome | IngestError]:
    """Yield outcomes in input order, with a bounded number of chunks submitted at a time."""
    client, cluster = _client(workers, scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (workers or 2))
        limit = n_workers * in_flight_per_worker
        pending: list[tuple[list, object]] = []
        it = iter(items)
        while chunk := list(islice(it, chunk_size)):
            raws = [r for r in chunk if isinstance(r, RawDocument)]
            future = client.submit(process_documents, raws, model, pure=False) if raws else None
            pending.append((chunk, future))
            while len(pending) >= limit:
                yield from _collect(pending.pop(0))
        while pending:
            yield from _collect(pending.pop(0))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(entry: tuple[list, object]) -> Iterator[Outcome | IngestError]:
    chunk, future = entry
    yield from (x for x in chunk if isinstance(x, IngestError))
    if future is None:
        return
    try:
        yield from future.result()
    except Exception as exc:  # a lost worker: name each document of its chunk, go on
        for raw in chunk:
            if isinstance(raw, RawDocument):
                yield IngestError(raw.source, f"Dask worker failed: {type(exc).__name__}: {exc}")
