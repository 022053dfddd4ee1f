"""A two-article smoke run of the benchmark harness: it runs end to end and its output is well formed.
(The benchmark itself, with its figures, is `make bench`; benchmarks are not tests.)"""
from __future__ import annotations

import pytest

from bench import commit, ntrex

pytestmark = pytest.mark.skipif(not ntrex.available(), reason="NTREX-128 not found beside the project")


def test_drift_harness_smoke():
    from bench.drift import run

    result = run(["fra"], docs=2, seed=7)
    assert result["cases"] >= 2 * 2 * 2  # untouched + at least one drift, per article and direction
    assert set(result["false_per_100_sentences"]) == {"en-fr", "fr-en"}
    for row in result["false_per_100_sentences"].values():
        assert row["sentences"] > 0 and row["ours"] >= 0 and row["pofilter"] >= 0
    kinds = {key for key in result["recall"] if ":" not in key}
    assert {"omission/sentence", "addition/sentence", "figure/value"} <= kinds
    for row in result["recall"].values():
        assert 0 <= row["caught"] <= row["planted"] and 0 <= row["pofilter_caught"] <= row["planted"]
    assert result["throughput_pairs_per_minute"] > 0
    assert result["commit"] == commit() != "unknown"  # the run says which code it measured


def test_alignment_harness_smoke():
    from bench.alignment import run

    result = run(["fra"], docs=2)
    row = result["languages"]["fra"]
    assert 0 < row["f1"] <= 1 and row["gold_beads"] > 0
    assert result["commit"] == commit()


def test_negation_calibration_counts_findings_per_margin_and_the_worst_direction():
    from bench.negation import summary
    from bench.report import negation_table

    per_direction = {"en-fr": {"sentences": 100, "faithful": [0.003, 0.012], "planted": [0.02, None, 0.005]},
                     "fr-en": {"sentences": 200, "faithful": [], "planted": [0.011]}}
    result = summary(per_direction, docs=2)
    assert result["sentences"] == 300 and result["planted"] == 4 and result["lexicon_recall"] == 0.75
    assert result["per_margin"]["0.0"] == {"findings_per_100_sentences": 0.67, "recall": 0.75}
    assert result["per_margin"]["0.01"] == {"findings_per_100_sentences": 0.33, "recall": 0.5}
    assert result["worst_direction_per_margin"]["0.01"] == 1.0 and result["worst_direction_per_margin"]["0.015"] == 0.0
    lines = negation_table(result, {"margin": 0.01})
    assert "a margin of 0.01" in lines[0] and any(line.startswith("| flips found | 0.75 |") for line in lines)
    # Per pair: en-fr's faithful gains pass 0.5 per 100 below 0.012 (one of 100 sentences is 1.0).
    assert "| en-fr | 0.012 | 0.00, 0.00 | 0.00, 0.33 |" in lines
    calibrated = negation_table(result, {"margin": 0.01, "margin_by_pair": "calibrated"})
    assert "each language pair's calibrated margin" in calibrated[0]


def test_omission_calibration_sums_directions_and_reads_as_a_table():
    from bench.omission import summary
    from bench.report import omission_table

    directions = {"en-fr": {"sentences": 100, "faithful_findings": 1, "omission/sentence": [4, 3], "addition/sentence": [4, 4]},
                  "fr-en": {"sentences": 300, "faithful_findings": 0, "omission/sentence": [4, 4], "addition/sentence": [4, 2]}}
    result = summary(directions, docs=4)
    assert result["faithful_findings_per_100_sentences"] == 0.25 and result["worst_direction"] == 1.0
    assert result["omission/sentence"] == {"planted": 8, "found": 7, "recall": 0.875}
    assert result["addition/sentence"]["recall"] == 0.75
    assert "| 0.25 | 1.00 | 7 / 8 (0.875) | 6 / 8 (0.750) |" in omission_table(result)



def test_the_length_ratios_are_measured_on_the_calibration_articles_and_match_the_committed_file():
    import json

    from bench.calibration import held_out
    from bench.lengths import measured
    from consistency.calibration import LENGTHS

    result = measured(held_out(60))
    ratios = result["chars_per_english_char"]
    assert ratios["en"] == 1.0 and ratios["zh"] < ratios["ja"] < ratios["ko"] < ratios["ar"] < 1 < ratios["ru"] < ratios["fr"]
    for lang, spread in result["spread"].items():
        assert spread["article_median_p10"] < ratios[lang] < spread["article_median_p90"]
    # What the checks read is what this command measures (re-run it with --calibrate after a change).
    assert json.loads(LENGTHS.read_text(encoding="utf-8"))["chars_per_english_char"] == ratios
