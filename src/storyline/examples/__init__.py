"""The bundled example corpus: fictional articles in the messy shapes of real scrapes."""

from pathlib import Path


def corpus_dir() -> Path:
    return Path(__file__).resolve().parent / "corpus"
