"""Guarantees under hostile input and crashes (README, "Guarantees")."""

from __future__ import annotations

import gzip
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

GOOD = ("Mayor Lena Ortiz said Tuesday the Elm Street bridge will close for repairs in May.\n\n"
        "\"We cannot wait another winter,\" Ortiz said.\n")


def storyline(*args, db, timeout=600):
    return subprocess.run([sys.executable, "-m", "storyline.serve.cli", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=timeout)


def write_hostile_batch(d):
    d.mkdir()
    (d / "good.txt").write_text(GOOD)
    (d / "random.bin").write_bytes(random.Random(7).randbytes(50_000))
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes(("Caf\xe9 owner Jos\xe9 Ib\xe1\xf1ez said Monday the "
                                    "market will reopen.\n").encode("latin-1"))
    (d / "bad-utf8.txt").write_bytes(b"The council met on Friday \xff\xfe and voted 5-2 to delay.\n")
    (d / "cut.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"<p>words here</p>" * 2000)[:-40])
    lines = [json.dumps({"text": "A JSONL article said Monday the bridge reopens.", "title": "ok"}),
             "{broken", json.dumps({"text": 5}), json.dumps({"text": "Another one.", "authors": 3}),
             json.dumps({"text": "Third JSONL article about the harbour said Sunday."})]
    (d / "dump.jsonl").write_text("\n".join(lines))
    (d / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000)
    (d / "huge.txt").write_text(("word " * 199 + "end.\n\n") * 20_000)  # ~20 MB of text
    with open(d / "giant.txt", "wb") as fh:  # 200 MB, sparse: costs no disk
        fh.truncate(200 * 1024 * 1024)


def test_a_hostile_batch_lands_the_good_inputs_and_names_the_bad_ones(tmp_path):
    write_hostile_batch(tmp_path / "in")
    db = tmp_path / "s.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = storyline("ingest", str(tmp_path / "in"), "--jobs", "1", "--max-size", "100", db=db)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert result.returncode == 1, result.stderr
    named = {line.split()[1].rstrip(":").rsplit("/", 1)[-1] for line in result.stderr.splitlines()
             if line.startswith("failed")}
    assert {"random.bin", "empty.txt", "cut.html.gz", "dump.jsonl:2", "dump.jsonl:3",
            "dump.jsonl:4", "giant.txt"} <= named, result.stderr
    with sqlite3.connect(db) as con:
        sources = {r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT source FROM articles")}
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {"good.txt", "latin1.txt", "bad-utf8.txt", "dump.jsonl:1", "dump.jsonl:5"} <= sources
    assert "huge.txt" in sources | named and "deep.html" in sources | named
    assert max(before, peak_kb) < 2 * 1024 * 1024, f"peak RSS {peak_kb} kB"


def make_corpus(d, n=80):
    d.mkdir()
    rng = random.Random(3)
    words = ("harbour council ferry budget school strike river bridge clinic union vote mayor "
             "tunnel storm library parking transit farm market museum").split()
    for i in range(n):
        topic = rng.sample(words, 4)
        body = " ".join(rng.choice(words) for _ in range(120))
        (d / f"{i:03d}.txt").write_text(
            f"Officials in Example Town said Monday the {topic[0]} plan {i} would change.\n\n"
            f"\"We will decide on the {topic[1]} soon,\" said council member Ana Ruiz.\n\n{body}.\n")


def export_summary(db):
    doc = json.loads(storyline("export", db=db).stdout)
    return (sorted(a["id"] for a in doc["articles"]),
            sorted(sorted(s["article_ids"]) for s in doc["stories"]))


def test_kill_9_mid_ingest_loses_nothing_and_a_rerun_completes_it(tmp_path):
    make_corpus(tmp_path / "in")
    reference = tmp_path / "ref.db"
    assert storyline("ingest", str(tmp_path / "in"), "--jobs", "1", db=reference).returncode == 0

    db = tmp_path / "s.db"
    proc = subprocess.Popen([sys.executable, "-m", "storyline.serve.cli", "--db", str(db), "ingest",
                             str(tmp_path / "in"), "--jobs", "1", "--batch-size", "4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                pass
        if stored >= 12:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("ingest finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        half_written = con.execute(
            "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM analyses)"
            " OR id NOT IN (SELECT article_id FROM link_features)").fetchone()[0]
        assert half_written == 0
        assert 0 < con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] < 80

    rerun = storyline("ingest", str(tmp_path / "in"), "--jobs", "1", db=db)
    assert rerun.returncode == 0, rerun.stderr
    assert export_summary(db) == export_summary(reference)
    third = storyline("ingest", str(tmp_path / "in"), "--jobs", "1", db=db)
    assert "0 new, 80 already present" in third.stdout
