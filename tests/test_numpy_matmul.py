"""The network layers use numpy's matrix multiply; the annotations are the ones blis gives."""

from __future__ import annotations

from thinc.api import NumpyOps

from storyline.analyze.nlp import load_nlp, use_numpy_matmul

TEXT = (
    "Council member Rosa Quill said Monday that the depot would close by March. "
    "“We were never told,” she said. The Harbor Transit Authority (HTA) disputed that, "
    "saying 1,200 riders a day would move to the new line on Pier Street.\n\n"
    "A spokesman for the authority declined to comment."
)


def _annotations(nlp, text: str) -> list[tuple]:
    doc = nlp(text)
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc]


def _blis_layers(nlp) -> int:
    return sum(
        1
        for _name, component in nlp.pipeline
        if hasattr(getattr(component, "model", None), "walk")
        for layer in component.model.walk()
        if type(layer.ops) is NumpyOps and layer.ops.use_blis
    )


def test_loaded_pipeline_has_no_layer_left_on_blis(nlp):
    assert _blis_layers(nlp) == 0


def test_numpy_matmul_gives_the_same_annotations_as_blis(monkeypatch, nlp):
    monkeypatch.setenv("STORYLINE_MATMUL", "blis")
    with_blis = load_nlp.__wrapped__()
    assert _blis_layers(with_blis) > 0
    expected = _annotations(with_blis, TEXT)
    assert use_numpy_matmul(with_blis) > 0
    assert _blis_layers(with_blis) == 0
    assert _annotations(with_blis, TEXT) == expected == _annotations(nlp, TEXT)
