"""Workers end with their ingest: after ``kill -9`` of `storyline ingest --jobs 2` (or Ctrl-C), no worker
process is left running within 5 seconds.

Each test starts a real ingest in a subprocess on enough input to keep two workers busy, waits until
both workers exist, stops the parent, and watches the workers' process ids (Linux ``/proc``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

SRC = Path(__file__).resolve().parent.parent / "src"
ARTICLE = """Council member {n} Rivera said on Monday that the bridge closure would hurt shops on Elm Street.

"Nobody asked the people who work here," Rivera told reporters. The city estimates the repairs will cost
nearly ${n} million and take {n} weeks, the transport department said in a statement on Tuesday.
"""
GONE_WITHIN = 5.0


def _state_and_parent(pid: int) -> tuple[str, int] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
    return fields[0], int(fields[1])


def children_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _state_and_parent(int(entry.name))
            if info and info[1] == parent and info[0] != "Z":
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    info = _state_and_parent(pid)
    return info is not None and info[0] not in ("Z", "X")  # a zombie has ended, only not yet reaped


def start_ingest(tmp_path: Path, *engine: str) -> tuple[subprocess.Popen, list[int]]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(400):
        (corpus / f"a{n:03d}.txt").write_text(ARTICLE.format(n=n + 2), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    parent = subprocess.Popen(
        [sys.executable, "-c", "from storyline.serve.cli import main; main()", "--db", str(tmp_path / "s.db"),
         "ingest", str(corpus), "--jobs", "2", "--no-link", *engine],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and parent.poll() is None:
        workers = children_of(parent.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    if len(workers) < 2:
        parent.kill()
        pytest.fail(f"the ingest never had two workers (exit status {parent.poll()})")
    time.sleep(1.0)  # the workers are loading the pipeline or reading articles
    return parent, workers


def left_running(workers: list[int]) -> list[int]:
    deadline = time.monotonic() + GONE_WITHIN
    while time.monotonic() < deadline:
        alive = [pid for pid in workers if running(pid)]
        if not alive:
            return []
        time.sleep(0.1)
    return [pid for pid in workers if running(pid)]


def _clean_up(workers: list[int]) -> None:
    for pid in workers:
        if running(pid):
            os.kill(pid, signal.SIGKILL)


def test_no_worker_outlives_an_ingest_killed_with_sigkill(tmp_path):
    parent, workers = start_ingest(tmp_path)
    try:
        parent.kill()  # kill -9: the parent runs no code of its own
        parent.wait(timeout=10)
        assert left_running(workers) == [], "workers still running 5 s after kill -9 of their ingest"
    finally:
        _clean_up(workers)


def test_ctrl_c_ends_the_ingest_and_its_workers(tmp_path):
    parent, workers = start_ingest(tmp_path)
    try:
        parent.send_signal(signal.SIGINT)
        parent.wait(timeout=GONE_WITHIN + 5)
        assert left_running(workers) == [], "workers still running 5 s after Ctrl-C"
    finally:
        parent.kill()
        _clean_up(workers)


def test_dask_workers_are_released_when_the_ingest_is_killed(tmp_path):
    pytest.importorskip("distributed")
    parent, workers = start_ingest(tmp_path, "--engine", "dask", "--workers", "2")
    try:
        parent.kill()
        parent.wait(timeout=10)
        assert left_running(workers) == [], "Dask worker processes still running 5 s after kill -9"
    finally:
        _clean_up(workers)
