"""Analysis runs one process per core, so storyline asks OpenBLAS for one thread per process."""

from __future__ import annotations

import os
import subprocess
import sys


def _blas_threads_after_import(env: dict[str, str]) -> str:
    code = "import storyline, os; print(os.environ.get('OPENBLAS_NUM_THREADS'))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_importing_storyline_defaults_openblas_to_one_thread():
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _blas_threads_after_import(env) == "1"


def test_a_thread_count_the_user_set_is_kept():
    assert _blas_threads_after_import({**os.environ, "OPENBLAS_NUM_THREADS": "4"}) == "4"
