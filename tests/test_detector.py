"""The drift detector: a stored network computes what it was trained to, training separates
flips from faithful pairs on data where a feature does, thresholds follow the false-finding
rule, and the negation check reports what its model's detector decides, with the evidence and
the signature saying so."""
from __future__ import annotations

import collections
import dataclasses
import math
import random

import numpy as np
import pytest

from bench.detector import FEATURES, THRESHOLDS, chosen_threshold, out_of_fold, rates, train
from conftest import SEEDS, load_gold
from consistency.detector import Detector


def _logistic(weight: float, bias: float = 0.0, threshold: float = 0.5) -> Detector:
    """p = sigmoid(weight * gain + bias)."""
    return Detector(("gain",), (0.0,), (1.0,), ((((weight,),), (bias,)),), threshold)


def test_a_stored_network_computes_its_layers_and_survives_the_round_trip():
    single = _logistic(2.0, -1.0)
    assert single.probabilities([{"gain": 1.0}])[0] == pytest.approx(1 / (1 + math.exp(-1.0)))
    # Two inputs through a hidden ReLU layer of two units: h = relu([a - b, b - a]), out = h0 + 3 h1.
    hidden = Detector(("a", "b"), (0.0, 0.0), (1.0, 2.0),
                      ((((1.0, -1.0), (-1.0, 1.0)), (0.0, 0.0)), (((1.0,), (3.0,)), (0.0,))), 0.5)
    # b is scaled by 2: (a, b) = (1, 4) reads as (1, 2), so h = (0, 1) and the logit is 3.
    assert hidden.probabilities([{"a": 1.0, "b": 4.0}])[0] == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert Detector.from_dict(hidden.to_dict()) == hidden
    assert hidden.probabilities([]).shape == (0,)


def _rows(count: int, seed: int) -> tuple[list[dict], dict]:
    """Faithful candidates whose gain centres on 0, flips whose gain centres on 0.03, every other
    feature noise alike for both."""
    rng = random.Random(seed)
    rows = []
    for k in range(count):
        planted = k % 3 == 0
        features = {name: rng.gauss(0, 1) for name in FEATURES}
        features["gain"] = rng.gauss(0.03 if planted else 0.0, 0.01)
        rows.append({"direction": "en-fr" if k % 2 else "fr-en", "article": k // 6, "planted": planted,
                     "side": "target", "features": features})
    directions = {name: {"sentences": 10 * count, "planted": sum(r["planted"] and r["direction"] == name for r in rows)}
                  for name in ("en-fr", "fr-en")}
    return rows, directions


def test_training_learns_the_feature_that_tells_flips_from_faithful_pairs():
    rows, directions = _rows(600, 1)
    scores = out_of_fold(rows)  # each scored by a network that did not see its article
    planted = np.array([r["planted"] for r in rows])
    assert scores[planted].mean() > 0.8 and scores[~planted].mean() < 0.2
    # Flat noise cannot be learned: the same rows with the gain shuffled give no such split.
    shuffled = [dict(r, features=dict(r["features"], gain=rng_gain)) for r, rng_gain
                in zip(rows, random.Random(2).sample([r["features"]["gain"] for r in rows], len(rows)))]
    noise = out_of_fold(shuffled)
    assert abs(noise[planted].mean() - noise[~planted].mean()) < 0.15


def test_the_threshold_is_the_smallest_that_keeps_every_direction_under_the_bar():
    rows, directions = _rows(600, 3)
    detector = train(rows)
    scores = detector.probabilities([r["features"] for r in rows])
    threshold = chosen_threshold(rows, scores, directions)
    at = rates(rows, scores, directions, threshold)
    assert all(r["findings_per_100_sentences"] <= 0.5 for r in at.values())
    k = THRESHOLDS.index(threshold)
    assert k > 0, "the toy data should need a threshold above the lowest"
    below = rates(rows, scores, directions, THRESHOLDS[k - 1])
    assert any(r["findings_per_100_sentences"] > 0.5 for r in below.values())


@pytest.fixture(scope="module")
def negation(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(checks=("negation",)), encoder=default_encoder)


def _drifted_french():
    gold = load_gold("drifted", "fr")
    return [(SEEDS / gold[side]).read_text(encoding="utf-8") for side in ("source", "target")]


def test_the_check_reports_what_the_models_detector_decides_and_the_signature_says_which(negation):
    source, target = _drifted_french()
    original = negation.calibration
    try:
        for detector, found in ((_logistic(500.0), True), (_logistic(500.0, bias=-100.0), False)):
            negation.calibration = dataclasses.replace(
                original, detectors={"negation": detector.to_dict()},
                thresholds={"negation": {"detector_threshold": {"en-fr": 0.5}}})
            report = negation.check(source, target, source_lang="en", target_lang="fr")
            assert bool(report.findings) is found
            used = report.signature["calibration"]["used"]
            assert set(used) == {"negation.detector", "negation.detector_threshold"} and len(used["negation.detector"]) == 12
            if found:
                details = report.findings[0].details
                assert details["detector_probability"] > 0.5 and set(details["features"]) == set(FEATURES)
    finally:
        negation.calibration = original


def test_a_margin_in_the_settings_chooses_the_gain_rule_over_the_detector(default_encoder):
    from consistency import Checker, Settings

    checker = Checker(Settings(checks=("negation",), check_options={"negation": {"margin": 0.0}}), encoder=default_encoder)
    checker.calibration = dataclasses.replace(checker.calibration, detectors={"negation": _logistic(1.0, bias=-100.0).to_dict()})
    source, target = _drifted_french()
    report = checker.check(source, target, source_lang="en", target_lang="fr")
    assert report.findings and "detector_probability" not in report.findings[0].details
    assert report.signature["calibration"]["used"] == {}


def test_the_benchmark_measures_held_out_pairs_and_kinds_and_reads_as_a_table(tmp_path):
    from bench.detector import measure
    from bench.report import detector_table

    path = _candidates_file(tmp_path, 5, ("en-fr", "fr-en", "en-de", "de-en"), FEATURES, "gain", (0.0, 0.03, 0.01),
                            lambda k, planted: {"side": "source" if k % 2 else "target"})
    result, detector, by_pair = measure(path)
    assert set(by_pair) == set(result["held_out_pairs"]) == {"en-fr", "de-en"}
    assert result["planted"] == 400 and result["rows"] == 1200
    # The gain splits flips from faithful pairs here, so a pair never trained on still gets most flips.
    assert all(row["recall"] > 0.8 for row in result["held_out_pairs"].values())
    assert all(row["recall_of_those"] > 0.8 for row in result["held_out_kinds"].values())
    lines = detector_table(result)
    assert any(line.startswith("| en-fr | ") for line in lines) and any("negation added" in line for line in lines)
    assert detector.probabilities([{**{f: 0.0 for f in FEATURES}, "gain": 0.05}])[0] > 0.9


def test_the_shortened_checks_detector_is_measured_on_its_own_features_and_kinds(tmp_path):
    from bench.detector import SPECS, measure
    from bench.report import detector_table

    features = SPECS["shortened"].features
    kinds = ("omission/clause", "omission/sentence", "addition/clause")

    def extra(k, planted):
        # A third of the faithful rows are the lengthened check's: the other direction's shortened
        # rows read the other way round, which must not count twice.
        kind = kinds[(k // 3) % 3]
        return {"kind": kind, "check": "lengthened" if kind.startswith("addition/") else "shortened"} if planted \
            else {"kind": None, "check": "lengthened" if k % 3 == 1 else "shortened"}

    # A part left out leaves a run of unaligned words: the longest gap alone tells drops apart here.
    path = _candidates_file(tmp_path, 8, ("en-ja", "ja-en", "en-ru", "ru-en"), features, "longest_gap", (0.1, 0.4, 0.05),
                            extra)
    result, detector, by_pair = measure(path, "shortened")
    assert detector.features == features and set(by_pair) == {"en-ja", "en-ru"}
    assert result["rows"] == 4 * (100 + 100)  # per direction: the planted rows and the shortened faithful ones
    assert {name.split(", tested on ")[1] for name in result["held_out_kinds"]} == {"clause dropped", "line dropped",
                                                                                     "clause appended"}
    assert all(row["recall_of_those"] > 0.8 for row in result["held_out_kinds"].values())
    # Appended clauses are measured, not trained on: found as a kind the detector never saw.
    assert result["out_of_fold_at_pair_thresholds"]["recall_by_kind"]["clause appended"] > 0.8
    lines = detector_table(result)
    assert lines[0].startswith("**Shortened and lengthened pairs: the drift detector**")
    assert any(line.startswith("| clause appended found |") for line in lines)


def _candidates_file(tmp_path, seed: int, names: tuple[str, ...], features: tuple[str, ...], signal: str,
                     means: tuple[float, float, float], extra):
    """A benchmark's candidates file: per direction 300 candidates from 100 articles, a third
    planted, every feature noise but ``signal`` (faithful mean, planted mean, spread);
    ``extra(k, planted)`` adds what the check's rows carry."""
    import json

    rng = random.Random(seed)
    directions = {}
    for name in names:
        candidates = []
        for k in range(300):
            planted = k % 3 == 0
            row = {f: rng.gauss(0, 1) for f in features}
            row[signal] = rng.gauss(means[1] if planted else means[0], means[2])
            candidates.append({"article": k // 3, "planted": planted, "features": row, "texts": ["", "", ""],
                               **extra(k, planted)})
        kinds = collections.Counter(c["kind"] for c in candidates if c["planted"] and c.get("kind"))
        directions[name] = {"sentences": 3000, "planted": 100, "candidates": candidates,
                            **({"planted_kinds": dict(kinds)} if kinds else {})}
    path = tmp_path / "candidates.json"
    path.write_text(json.dumps({"docs": 100, "per_direction": directions}), encoding="utf-8")
    return path
