"""The local engine: run extract and analyze over a stream of inputs, in-process or in a process
pool, and write results to the store in batches (one transaction each) with bounded memory.

Per-document work (``process_documents``) is a pure function of its inputs, so the same code runs
here, in pool workers and on Dask workers (engine/dask.py).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..analyze import analyze_many
from ..analyze.nlp import load_nlp
from ..extract import extract
from ..guard import attempt
from ..model import Analysis, Article, IngestError, RawDocument, to_dict
from ..store import Store

Processed = tuple[Article, Analysis, Any]
MAX_ARTICLE_CHARS = 1_000_000  # spaCy's default max_length; no news article comes near it
Outcome = Processed | IngestError


@dataclass
class IngestReport:
    """What an ingest run did, for the summary line and the exit status."""

    new: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    redone: list[str] = field(default_factory=list)  # stored by an older storyline or another model, read again
    failed: list[IngestError] = field(default_factory=list)
    skipped: list[IngestError] = field(default_factory=list)
    stories: int = 0
    partial: list[IngestError] = field(default_factory=list)  # stored, but some fields could not be read

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        parts = [f"{len(self.new)} new", f"{len(self.existing)} already present"]
        if self.redone:
            parts.append(f"{len(self.redone)} read again (stored by another storyline version or model)")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.partial:
            parts.append(f"{len(self.partial)} partly read (stored without the fields named above)")
        parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) + f"; {self.stories} {'story' if self.stories == 1 else 'stories'} in the store"


def extract_one(raw: RawDocument) -> Article | IngestError:
    """Extract one document; any problem becomes an IngestError naming the input."""
    try:
        article = extract(raw)
    except RecursionError:
        return IngestError(raw.source, "HTML nested too deeply to parse; skipped")
    except Exception as exc:  # extraction bugs must not stop the batch
        return IngestError(raw.source, f"extraction failed: {type(exc).__name__}: {exc}")
    if not article.text.strip():
        return IngestError(raw.source, "no article text found (empty after removing boilerplate)")
    if len(article.text) > MAX_ARTICLE_CHARS:
        return IngestError(
            raw.source,
            f"{len(article.text):,} characters of text after extraction: not one news article "
            f"(limit {MAX_ARTICLE_CHARS:,}); split it into articles, e.g. as JSONL",
        )
    return article


def features_for(article: Article, analysis: Analysis) -> Any:
    """Per-article link features (kept in the store so linking never re-analyses)."""
    from dataclasses import is_dataclass

    from ..link import link_features

    features = link_features(article, analysis)
    return to_dict(features) if is_dataclass(features) else features


def process_documents(raws: list[RawDocument], model: str | None = None) -> list[Outcome]:
    """Extract, analyse and featurise a chunk of documents; the unit of work for every engine."""
    outcomes: list[Outcome | None] = []
    articles: list[tuple[int, Article]] = []
    for raw in raws:
        result = extract_one(raw)
        outcomes.append(result if isinstance(result, IngestError) else None)
        if isinstance(result, Article):
            articles.append((len(outcomes) - 1, result))
    if articles:
        nlp = load_nlp(model)
        try:
            analyses = list(analyze_many((a for _, a in articles), nlp))
        except Exception:  # one bad article must not take its chunk with it: retry one by one
            analyses = [_analyse_alone(a, nlp) for _, a in articles]
        for (slot, article), analysis in zip(articles, analyses):
            if analysis is None:  # stored without analysis; the article says why
                outcomes[slot] = (article, None, None)
                continue
            features = attempt(article.warnings, "story linking", features_for, article, analysis)
            outcomes[slot] = (article, analysis, features)
    return [o for o in outcomes if o is not None]


def _analyse_alone(article: Article, nlp) -> Analysis | None:
    """One article's analysis, or None with the reason noted on the article (it is kept all the same)."""
    return attempt(article.warnings, "analysis", lambda: next(analyze_many([article], nlp)))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def run_local(
    items: Iterable[RawDocument | IngestError],
    *,
    jobs: int = 1,
    model: str | None = None,
    chunk_size: int = 16,
) -> Iterator[Outcome | IngestError]:
    """Yield outcomes in input order; with jobs > 1 chunks go to a process pool, at most
    ``2 * jobs`` chunks in flight (backpressure keeps memory bounded on any corpus)."""
    if jobs <= 1:
        for chunk in _chunks(items, chunk_size):
            yield from _pass_errors(chunk, lambda raws: process_documents(raws, model))
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(os.getpid(),))
    done = False
    try:
        pending: list[tuple[list, Future]] = []
        for chunk in _chunks(items, chunk_size):
            raws = [r for r in chunk if isinstance(r, RawDocument)]
            pending.append((chunk, pool.submit(process_documents, raws, model)))
            while len(pending) >= 2 * jobs:
                wait([pending[0][1]], return_when=FIRST_COMPLETED)
                yield from _drain_ready(pending)
        while pending:
            yield from _drain_ready(pending, block=True)
        done = True
    finally:
        if done:
            pool.shutdown(wait=True)
        else:  # Ctrl-C, an error, or the caller stopped reading: end the workers now, not after their chunks
            stop_pool(pool)


# ------------------------------------------------------------------------ the workers' lifetime
# A worker must never outlive the ingest that started it: after ``kill -9`` of the parent the kernel
# kills it (Linux: PR_SET_PDEATHSIG), and a watchdog thread ends it wherever that is not available
# (its parent changes when the parent dies). Ctrl-C is the parent's to handle: it stops the pool.

_PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 0.5


def _worker_start(parent: int) -> None:
    """Pool worker set-up: default SIGTERM (so ``kill`` ends it), no SIGINT (the parent's), and tied
    to the parent's life."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` (the pid that started it) is gone."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl here: the watchdog alone
            pass
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="storyline-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers at once (their chunks are lost, their inputs
    were not stored: the next ingest reads them)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    for process in processes:
        process.join(timeout=5)


def _pass_errors(chunk: list, work: Callable[[list[RawDocument]], list[Outcome]]) -> Iterator:
    yield from (x for x in chunk if isinstance(x, IngestError))
    raws = [x for x in chunk if isinstance(x, RawDocument)]
    if raws:
        yield from work(raws)


def _drain_ready(pending: list[tuple[list, Future]], block: bool = False) -> Iterator:
    """Yield finished chunks from the front of the queue, keeping input order."""
    while pending and (block or pending[0][1].done()):
        chunk, future = pending.pop(0)
        yield from (x for x in chunk if isinstance(x, IngestError))
        try:
            yield from future.result()
        except Exception as exc:  # a crashed worker: name every document it held
            for raw in chunk:
                if isinstance(raw, RawDocument):
                    yield IngestError(raw.source, f"worker failed: {type(exc).__name__}: {exc}")
        block = False


def store_outcomes(
    outcomes: Iterable[Outcome | IngestError],
    store: Store,
    report: IngestReport,
    *,
    hashes: dict[str, str] | None = None,
    batch_size: int = 64,
    on_progress: Callable[[int], None] | None = None,
    pipeline: str | None = None,
) -> None:
    """Write outcomes in batches, one transaction each; duplicates in the batch count as existing.
    With ``pipeline``, stored copies another pipeline made are replaced (see ``Store.add_batch``)."""
    batch: list[Processed] = []
    sources: list[tuple[str, str, str]] = []
    hashes = hashes if hashes is not None else {}
    seen: set[str] = set()

    def flush() -> None:
        if batch:
            result = store.add_batch(batch, sources, pipeline=pipeline)
            report.new.extend(result.new)
            report.existing.extend(result.existing)
            report.redone.extend(result.redone)
            if on_progress:
                on_progress(len(batch))
            batch.clear()
            sources.clear()

    for outcome in outcomes:
        if isinstance(outcome, IngestError):
            (report.skipped if outcome.skipped else report.failed).append(outcome)
            if on_progress:
                on_progress(1)
            continue
        article, analysis = outcome[0], outcome[1]
        notes = [*article.warnings, *(analysis.warnings if analysis is not None else [])]
        if notes and article.id not in seen:
            report.partial.append(IngestError(article.source, "; ".join(notes)))
        if article.id in seen:
            report.existing.append(article.id)
            continue
        seen.add(article.id)
        batch.append(outcome)
        sources.append((article.source, hashes.pop(article.source, ""), article.id))
        if len(batch) >= batch_size:
            flush()
    flush()
