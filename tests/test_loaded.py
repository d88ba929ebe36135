"""Loaded wording: stance terms from both sides, each with a neutral alternative, offsets exact."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.analyze.loaded import find_loaded_terms, load_lexicon, quotation_spans, verb_forms
from storyline.extract import extract
from storyline.model import Article, RawDocument

REPO = Path(__file__).resolve().parent.parent


def article(text: str) -> Article:
    return Article(id="a1", source="test", text=text)


def terms_in(text: str, nlp=None) -> dict[str, str]:
    """{term text: leaning} of the loaded terms found in ``text`` (parsed when ``nlp`` is given)."""
    doc = nlp(text) if nlp is not None else None
    found = find_loaded_terms(doc, article(text))
    for term in found:
        assert text[term.start:term.end] == term.text
        assert term.neutral
    return {t.text: t.leaning for t in found}


def covers(found, text: str, gold: str) -> bool:
    """A gold term is found when a found term overlaps one of its occurrences and one contains the other."""
    start = text.find(gold)
    while start >= 0:
        end = start + len(gold)
        for t in found:
            overlaps = t.start < end and start < t.end
            if overlaps and ((t.start <= start and end <= t.end) or (start <= t.start and t.end <= end)):
                return True
        start = text.find(gold, start + 1)
    return False


# --------------------------------------------------------------------------- both sides


@pytest.mark.parametrize(
    ("sentence", "term", "leaning"),
    [
        ("The governor vowed to deport illegal aliens living in the state.", "illegal aliens", "right"),
        ("Officials faced an invasion of illegals at the border.", "invasion of illegals", "right"),
        ("He called them radical left lunatics.", "radical left", "right"),
        ("The handouts went to people who did not need them.", "handouts", "right"),
        ("Critics called the rail line a boondoggle.", "boondoggle", "right"),
        ("The senator has been pushing open borders for years.", "open borders", "right"),
        ("The party spent the week cozying up to donors.", "cozying up", "left"),
        ("The far-right group rallied downtown.", "far-right", "left"),
        ("Voters rejected the MAGA extremists in November.", "MAGA extremists", "left"),
        ("The budget slashed funding for schools.", "slashed", "left"),
        ("The new rules gutted the agency.", "gutted", "left"),
        ("The candidate has stepped up anti-immigrant rhetoric.", "anti-immigrant rhetoric", "left"),
        ("Undocumented immigrants make up a large share of farm workers.", "Undocumented immigrants", "left"),
        ("The regime jailed its critics.", "regime", "sensational"),
        ("The senator slammed the proposal on Tuesday.", "slammed", "sensational"),
        ("Her newly Kremlin-indebted ally stayed silent.", "newly Kremlin-indebted", "sensational"),
    ],
)
def test_loaded_wording_from_either_side_is_found(sentence, term, leaning, nlp):
    assert terms_in(sentence, nlp).get(term) == leaning


def test_the_lexicon_is_not_one_sided():
    counts = load_lexicon().terms_by_leaning
    assert min(counts.values()) >= 200
    assert 0.8 < counts["left"] / counts["right"] < 1.25


def test_the_neutral_alternative_fits_in_place_of_the_term():
    def neutral(text: str) -> list[str]:
        return [t.neutral for t in find_loaded_terms(None, article(text))]

    assert neutral("The senator slams the plan.") == ["criticizes"]
    assert neutral("The senator slammed the plan.") == ["criticized"]
    assert neutral("The budget slashed school funds.") == ["cut"]
    assert neutral("He opposes government handouts.") == ["government benefits"]
    assert neutral("They deported an illegal alien.") == ["immigrant without legal status"]
    assert neutral("They deported illegal aliens.") == ["immigrants without legal status"]


def test_inflections_are_matched():
    assert {"slams", "slammed", "slamming"} <= verb_forms("slam")
    assert {"cozies", "cozied", "cozying"} <= verb_forms("cozy")
    assert "illegal migrant" in terms_in("An illegal migrant was detained.")
    assert "boondoggles" in terms_in("It is one of many boondoggles.")


# --------------------------------------------------------------------------- not loaded


@pytest.mark.parametrize(
    "sentence",
    [
        "Police seized illegal drugs and illegal weapons at the port.",
        "The Democratic Socialists of America endorsed the measure.",
        "Amnesty International published its annual report.",
        "The town held a meeting on school funding.",
        "She described herself as a self-described democratic socialist.",
        "The democratic socialist won the primary in June.",
        "A socialist and a conservative debated the budget.",
    ],
)
def test_neutral_uses_are_not_flagged(sentence, nlp):
    assert terms_in(sentence, nlp) == {}


def test_a_proper_name_with_a_loaded_word_is_not_flagged(nlp):
    text = "Members of the Radical Left Caucus met in the capital."
    assert terms_in(text, nlp) == {}


def test_a_verb_entry_used_as_a_noun_is_not_flagged(nlp):
    assert "blast" not in terms_in("The blast shattered windows across the block.", nlp)


def test_quoted_wording_belongs_to_the_speaker_not_the_outlet():
    text = 'The mayor said: "We will not let illegals take over." Officials disagreed.'
    assert terms_in(text) == {}
    quoted = find_loaded_terms(None, article(text), include_quoted=True)
    assert [t.text for t in quoted] == ["illegals"]
    assert quotation_spans(text) == [(text.index("We"), text.index('." ') + 1)]


def test_longest_phrase_wins():
    found = terms_in("He wants to deport dangerous illegal immigrants first.")
    assert found == {"dangerous illegal immigrants": "right"}


def test_works_without_a_parse():
    assert terms_in("The far-right party gutted the budget.") == {"far-right": "left", "gutted": "left"}


# --------------------------------------------------------------------------- seeds


def _seed_articles(seeds_dir: Path):
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = RawDocument(source=str(path), content=path.read_text(encoding="utf-8"), format="text")
        yield path, extract(raw)


# The seeds' gold lists "democratic socialist" (an outlet naming a mayor by the ideology he calls his own).
# Issue 22 settles it: party, ideology and self-descriptions name a side, they are not loaded wording.
SELF_DESCRIPTIONS = {"democratic socialist"}


def _gold_terms(seeds_gold, name):
    return [g for g in seeds_gold["loaded_terms"].get(name, []) if g not in SELF_DESCRIPTIONS]


def test_seed_self_descriptions_are_not_flagged(seeds_dir, seeds_gold, nlp):
    for path, art in _seed_articles(seeds_dir):
        found = {t.text.lower() for t in find_loaded_terms(nlp(art.text), art)}
        assert not found & SELF_DESCRIPTIONS, path.name


def test_seed_gold_terms_are_found_in_the_clean_text(seeds_dir, seeds_gold, nlp):
    for path, art in _seed_articles(seeds_dir):
        found = find_loaded_terms(nlp(art.text), art)
        for term in found:
            assert art.text[term.start:term.end] == term.text
        for gold in _gold_terms(seeds_gold, path.name):
            if gold in art.text:  # some gold terms sit in a caption that extraction removes
                assert covers(found, art.text, gold), f"{path.name}: {gold!r} not found"


def test_seed_gold_terms_are_found_in_the_raw_scrape(seeds_dir, seeds_gold, nlp):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = find_loaded_terms(nlp(text), Article(id=path.stem, source=str(path), text=text))
        for gold in _gold_terms(seeds_gold, path.name):
            assert covers(found, text, gold), f"{path.name}: {gold!r} not found"


# --------------------------------------------------------------------------- BABE benchmark scoring


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("bench_loaded_babe", REPO / "benchmarks" / "bench_loaded_babe.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


SYNTHETIC_BABE = (
    "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    "The senator slammed the radical left plan.;x;A;t;right;Biased;Expresses;['slammed', 'radical']\n"
    "The budget gutted the program.;x;B;t;left;Biased;Expresses;['gutted']\n"
    "Officials met on Tuesday.;x;C;t;left;Non-biased;Entirely factual;[]\n"
    "He praised the staggering reforms.;x;D;t;right;Biased;Expresses;['staggering', 'praised']\n"
    "The report was released.;x;E;t;center;No agreement;Entirely factual;[]\n"
)


def test_babe_scoring_on_a_tiny_synthetic_file(tmp_path):
    bench = _load_benchmark()
    path = tmp_path / "final_labels_SG2.csv"
    path.write_text(SYNTHETIC_BABE, encoding="utf-8")
    lines: list[str] = []
    results = bench.evaluate(path, parse=False, out=lines.append)["storyline"]
    # right: predicted {slammed, radical, left, staggering}; gold {slammed, radical, staggering, praised}
    assert results["right.word_r"] == pytest.approx(3 / 4)
    assert results["left.word_r"] == pytest.approx(1.0)
    assert results["word_recall_gap"] == pytest.approx(1 / 4)
    assert results["left.sent_f1"] == pytest.approx(1.0)
    assert any("recall gap" in line for line in lines)


def test_babe_benchmark_skips_without_data(tmp_path, capsys):
    bench = _load_benchmark()
    assert bench.main(["--data", str(tmp_path / "absent.csv")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_biased_words_cell_is_parsed():
    bench = _load_benchmark()
    assert bench.parse_biased_words("['Radical', 'slammed']") == {"radical", "slammed"}
    assert bench.parse_biased_words("[]") == set()
