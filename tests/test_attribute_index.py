"""The indexed attribute ruler gives exactly what spaCy's Matcher-based ruler gives, only faster."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.analyze.attribute_index import IndexedAttributeMatcher, speed_up_attribute_ruler
from storyline.analyze.nlp import model_name

CORPUS = Path(__file__).resolve().parent.parent / "src" / "storyline" / "examples" / "corpus"

AWKWARD = (
    "I ain't gonna say it wasn't there. Let's go, y'all! There are 3 of them, but I do. "
    "He didn't know whether to call her, and she's got ta leave. Nothin' doing.\n\n   \n"
    "Those who were asked said that's what it is."
)


@pytest.fixture(scope="module")
def plain_spacy():
    """The pipeline as spaCy loads it, with the Matcher-based attribute ruler untouched."""
    import spacy

    return spacy.load(model_name(), exclude=["lemmatizer"])


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*")) if p.is_file()]
    return texts + [AWKWARD, "", "   ", "“Quoted,” she said."]


def test_indexed_matches_equal_the_matcher_on_the_example_corpus(plain_spacy):
    ruler = plain_spacy.get_pipe("attribute_ruler")
    indexed = IndexedAttributeMatcher(ruler)
    with plain_spacy.select_pipes(disable=["attribute_ruler", "ner"]):
        docs = list(plain_spacy.pipe(_texts()))
    for doc in docs:
        assert indexed.match(doc) == ruler.match(doc), doc.text[:60]


def test_tokens_get_the_same_pos_morph_and_dep_as_with_spacys_matcher(nlp):
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    for text in _texts():
        with nlp.select_pipes(disable=["attribute_ruler", "ner"]):
            ours = nlp(text)
        theirs = ours.copy()
        ruler(ours)  # the indexed lookup storyline installs
        AttributeRuler.set_annotations(ruler, theirs, AttributeRuler.match(ruler, theirs))
        assert [(t.pos_, str(t.morph), t.dep_, t.lemma_) for t in ours] == [
            (t.pos_, str(t.morph), t.dep_, t.lemma_) for t in theirs
        ], text[:60]


def test_a_ruler_with_operators_keeps_spacys_matcher():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    before = ruler.match
    assert speed_up_attribute_ruler(nlp) is False
    assert ruler.match == before


def test_a_pipeline_without_a_ruler_is_left_alone():
    import spacy

    assert speed_up_attribute_ruler(spacy.blank("en")) is False
