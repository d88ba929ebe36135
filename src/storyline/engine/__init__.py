"""engine: run the stages over many documents and keep the store's links current.

``ingest`` is what `storyline ingest` does: read inputs, skip what the store already holds, extract
and analyse the rest (in-process, in a process pool, or on Dask), store them batch by batch, then
relink the corpus (copies, stories, corpus entities, dates inferred from story context).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..analyze.nlp import pipeline_id
from ..ingest import DEFAULT_MAX_BYTES, read_inputs
from ..model import IngestError, RawDocument, content_hash
from ..store import Store
from .local import IngestReport, default_jobs, process_documents, run_local, store_outcomes
from .relink import relink


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    jobs: int = 1,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = 64,
    link: bool = True,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    report = IngestReport()
    hashes: dict[str, str] = {}  # source -> content hash, until its article is stored
    pipeline = pipeline_id(model)
    fresh = _skip_known(read_inputs(inputs, max_bytes), store, report, hashes, pipeline, on_progress)
    if engine == "dask":
        from .dask import run_dask

        outcomes = run_dask(fresh, workers=workers, scheduler=scheduler, model=model)
    elif engine == "local":
        outcomes = run_local(fresh, jobs=jobs, model=model)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    try:
        store_outcomes(outcomes, store, report, hashes=hashes, batch_size=batch_size,
                       on_progress=on_progress, pipeline=pipeline)
    finally:  # on Ctrl-C or an error too: the engine ends its workers (local pool, Dask cluster) now
        outcomes.close()
    if link and (report.new or report.redone or store.links_stale):
        relink(store)
    report.stories = store.count_stories()
    return report


def _skip_known(
    items: Iterable[RawDocument | IngestError],
    store: Store,
    report: IngestReport,
    hashes: dict[str, str],
    pipeline: str,
    on_progress: Callable[[int], None] | None,
) -> Iterator[RawDocument | IngestError]:
    """Inputs whose exact bytes were ingested from the same place before, by the same storyline and
    spaCy pipeline, need no work at all."""
    for item in items:
        if isinstance(item, RawDocument):
            digest = content_hash(item)
            known = store.article_for_source(item.source, digest, pipeline)
            if known:
                report.existing.append(known)
                if on_progress:
                    on_progress(1)
                continue
            hashes[item.source] = digest
        yield item


__all__ = ["IngestReport", "default_jobs", "ingest", "process_documents", "relink", "run_local"]
