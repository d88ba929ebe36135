"""The five seed articles: quotes found with the right speaker, and every offset round-trips."""

from __future__ import annotations

import pytest

from storyline.analyze import analyze
from storyline.extract import extract
from storyline.model import RawDocument


@pytest.fixture(scope="module")
def seed_analyses(seeds_dir, seeds_gold, nlp):
    """(file name, article, analysis) per seed, with the gold's stated publication date set."""
    out = []
    for name, gold in sorted(seeds_gold["articles"].items()):
        path = seeds_dir / name
        article = extract(RawDocument(source=str(path), content=path.read_text(encoding="utf-8"),
                                      format="text"))
        article.published = article.published or (gold.get("published") or {}).get("stated")
        out.append((name, article, analyze(article, nlp)))
    return out


def _speaker_names(seeds_gold, speaker: str) -> set[str]:
    entity = seeds_gold["entities"][speaker]
    names = set(entity["names"])
    if speaker == "anonymous source":
        names |= set(entity["roles"]) | {"anonymous source", "anonymous"}
    return names


def test_at_least_95_percent_of_gold_quotes_have_the_right_speaker(seed_analyses, seeds_gold):
    total, right, wrong = 0, 0, []
    for name, _, analysis in seed_analyses:
        for gold in seeds_gold["articles"][name]["quotes"]:
            total += 1
            names = _speaker_names(seeds_gold, gold["speaker"])
            found = [q for q in analysis.quotes if q.text.startswith(gold["starts"])
                     or gold["starts"].startswith(q.text)]
            if any(q.speaker in names for q in found):
                right += 1
            else:
                wrong.append((name, gold["starts"][:40], [q.speaker for q in found]))
    assert right / total >= 0.95, wrong


def test_seed_offsets_round_trip(seed_analyses):
    for _, article, analysis in seed_analyses:
        text = article.text
        for m in analysis.mentions:
            assert text[m.start:m.end] == m.text
        for q in analysis.quotes:
            assert text[q.start:q.end] == q.text
            if q.speaker_start is not None:
                assert 0 <= q.speaker_start < q.speaker_end <= len(text)


def test_no_attribution_reaches_into_what_is_not_news(seed_analyses, seeds_gold):
    """The related-links words the gold marks as never to extract are nobody's attributed words."""
    leaked = []
    for name, article, analysis in seed_analyses:
        for banned in seeds_gold["must_not_extract"]:
            at = article.text.find(banned)
            while at >= 0:
                leaked += [(name, banned, q.kind) for q in analysis.quotes
                           if q.start < at + len(banned) and at < q.end]
                at = article.text.find(banned, at + 1)
    assert not leaked


def test_seed_attributions_carry_kind_cue_and_source_offsets(seed_analyses):
    kinds = set()
    for _, article, analysis in seed_analyses:
        for q in analysis.quotes:
            kinds.add(q.kind)
            if q.cue_start is not None:
                assert article.text[q.cue_start:q.cue_end].lower().startswith(q.cue.lower()[:3])
            if q.speaker is not None and q.speaker_start is not None:
                assert q.source_type is not None
    assert {"direct", "indirect"} <= kinds
