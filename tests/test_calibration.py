"""Per-pair thresholds: read for the model they were measured on only, used by the checks for
that language pair, recorded in the report's signature; and the rule that writes them."""
from __future__ import annotations

import dataclasses
import json

import pytest

from bench.negation import MARGINS, margins_by_pair
from conftest import SEED_LANGS, SEEDS, load_gold
from consistency.calibration import Calibration, Thresholds, pair_key


def test_both_directions_of_a_pair_share_a_key():
    assert pair_key("en", "fr") == pair_key("fr", "en") == "en-fr"
    assert pair_key("zh-Hant", "EN") == "en-zh"


def _write(folder, model_sha256, margins):
    data = {"model": "m", "model_sha256": model_sha256, "made_by": {"negation": "a test"},
            "thresholds": {"negation": {"margin": margins}}}
    (folder / "m.json").write_text(json.dumps(data), encoding="utf-8")


def test_a_calibration_holds_only_for_the_weights_it_was_measured_on(tmp_path):
    _write(tmp_path, "a" * 64, {"en-fr": 0.006})
    assert Calibration.for_model("org/m", "b" * 64, tmp_path) is None
    assert Calibration.for_model("other", "a" * 64, tmp_path) is None
    calibration = Calibration.for_model("org/m", "a" * 64, tmp_path)
    assert calibration.threshold("negation", "margin", "fr", "en") == 0.006
    assert calibration.threshold("negation", "margin", "en", "de") is None


def test_thresholds_fall_back_to_the_default_and_record_what_they_took(tmp_path):
    _write(tmp_path, "a" * 64, {"en-fr": 0.006})
    calibration = Calibration.for_model("m", "a" * 64, tmp_path)
    french, german = Thresholds(calibration, "fr", "en"), Thresholds(calibration, "en", "de")
    assert french.get("negation", "margin", 0.01) == 0.006 and german.get("negation", "margin", 0.01) == 0.01
    assert french.signature()["used"] == {"negation.margin": 0.006} and french.signature()["pair"] == "en-fr"
    assert german.signature()["used"] == {}
    assert Thresholds(None, "fr", "en").signature() is None


def test_the_committed_calibration_is_for_the_default_model_and_covers_every_dev_pair(checker):
    calibration = checker.calibration
    assert calibration is not None, "consistency/calibrations/ holds no file for the model built: run make calibrate"
    margins = calibration.thresholds["negation"]["margin"]
    assert set(margins) == {pair_key("en", lang) for lang in SEED_LANGS}
    assert set(margins.values()) <= set(MARGINS)
    assert set(calibration.detectors) == {"negation", "shortened"}
    # Each detector holds one threshold for every pair (bench.detector: per-pair thresholds did
    # not carry from half the articles to the other half).
    assert "detector_threshold" not in calibration.thresholds["negation"] and "shortened" not in calibration.thresholds
    assert all(0.5 < detector["threshold"] < 1 for detector in calibration.detectors.values())


@pytest.fixture(scope="module")
def negation(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(checks=("negation",)), encoder=default_encoder)


def test_without_a_detector_the_check_takes_the_pairs_margin_and_the_signature_says_so(negation):
    gold = load_gold("drifted", "fr")
    source, target = (SEEDS / gold["source"]).read_text(encoding="utf-8"), (SEEDS / gold["target"]).read_text(encoding="utf-8")
    original = negation.calibration
    try:
        for margin, found in ((0.0, True), (1.0, False)):
            # Without a detector for the model, the check falls back on the gain rule at the pair's margin.
            negation.calibration = dataclasses.replace(original, thresholds={"negation": {"margin": {"en-fr": margin}}},
                                                       detectors={})
            report = negation.check(source, target, source_lang="en", target_lang="fr")
            assert bool(report.findings) is found
            assert report.signature["calibration"]["used"] == {"negation.margin": margin}
            assert report.signature["calibration"]["file_sha256"] == original.file_sha256
    finally:
        negation.calibration = original


def test_a_margin_given_in_the_settings_comes_before_the_calibration(default_encoder):
    from consistency import Checker, Settings

    checker = Checker(Settings(checks=("negation",), check_options={"negation": {"margin": 0.5}}), encoder=default_encoder)
    gold = load_gold("drifted", "fr")
    source, target = (SEEDS / gold["source"]).read_text(encoding="utf-8"), (SEEDS / gold["target"]).read_text(encoding="utf-8")
    report = checker.check(source, target, source_lang="en", target_lang="fr")
    assert report.findings == [] and report.signature["calibration"]["used"] == {}


def _direction(rates: dict[float, float]) -> dict:
    return {"per_margin": {str(m): {"findings_per_100_sentences": rates.get(m, 0.0)} for m in MARGINS}}


def test_each_pair_gets_the_smallest_margin_at_which_neither_direction_passes_the_bar():
    loose = {0.0: 3.0, 0.002: 1.0, 0.004: 0.6, 0.006: 0.4}
    tight = {0.0: 5.0, 0.002: 2.0, 0.004: 0.9, 0.006: 0.7, 0.008: 0.55, 0.01: 0.3}
    result = {"per_direction": {"en-fr": _direction(loose), "fr-en": _direction(loose),
                                "en-ko": _direction(loose), "ko-en": _direction(tight)}}
    assert margins_by_pair(result) == {"negation": {"margin": {"en-fr": 0.006, "en-ko": 0.01}}}
