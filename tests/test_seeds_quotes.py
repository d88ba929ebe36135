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
