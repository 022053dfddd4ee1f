"""The shortened check: a translation far shorter than the article's usual ratio has lost a part,
and the finding points at it; faithful translations raise nothing."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from consistency.alignment import Bead
from consistency.checks.shortened import usual_ratio

SOURCE = (SEEDS / "source" / "000.en.txt").read_text(encoding="utf-8")
LANGS = ("ar", "de", "es", "fr", "ja", "ko", "ru", "zh")


@pytest.fixture(scope="module")
def shortened(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(checks=("shortened",)), encoder=default_encoder)


def test_the_usual_ratio_is_the_median_of_one_to_one_pairs_and_needs_five():
    beads = [Bead((k,), (k,), 1.0) for k in range(5)] + [Bead((5, 6), (5,), 1.0), Bead((7,), (), 0.0)]
    source = [10, 10, 10, 10, 10, 50, 50, 10]
    target = [12, 15, 11, 30, 13, 20, 0, 0]
    assert usual_ratio(beads, source, target) == 1.3  # the 2-1 pair and the omission count for nothing
    assert usual_ratio(beads[:4], source, target) is None


@pytest.mark.parametrize("lang", LANGS)
def test_no_finding_on_the_faithful_seed_translations(shortened, lang):
    target = (SEEDS / "faithful" / f"000.{lang}.txt").read_text(encoding="utf-8")
    assert shortened.check(SOURCE, target).findings == []


def test_a_clause_left_out_is_found_and_pointed_at(shortened):
    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    cut = (" à Moscou dans sa guerre contre l’Ukraine, y voyant la preuve d’une véritable «\u00a0fraternité de combat\u00a0»"
           " entre les deux pays")
    assert cut in target
    (finding,) = shortened.check(SOURCE, target.replace(cut, "", 1)).findings
    assert finding.category == "omission" and finding.severity == "major" and finding.check == "shortened"
    assert finding.source.sentence == 2 and finding.target.sentence == 2
    assert finding.source.text.startswith("describing it as evidence of a genuine “brotherhood in struggle”")
    assert finding.details["cover"] < 0.6 and 0.9 < finding.details["usual_ratio"] < 1.4
    assert finding.details["missing"] == finding.source.text and finding.details["similarity_without_it"] > 0.8


def test_a_short_sentence_is_not_judged(shortened):
    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    # "Message details" / "Détails du message" is under 40 characters: its length says nothing.
    assert shortened.check(SOURCE, target.replace("Détails du message", "Détails", 1)).findings == []


def test_a_short_article_is_judged_by_its_language_pairs_ratio(shortened):
    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    # Four sentences a side: too few one-to-one pairs to know the article's own usual ratio.
    four = "\n".join(SOURCE.splitlines()[:4]) + "\n", "\n".join(target.splitlines()[:4]) + "\n"
    assert shortened.check(*four).findings == []
    cut = (" à Moscou dans sa guerre contre l’Ukraine, y voyant la preuve d’une véritable «\u00a0fraternité de combat\u00a0»"
           " entre les deux pays")
    assert cut in four[1]
    (finding,) = shortened.check(four[0], four[1].replace(cut, "", 1)).findings
    assert finding.details["usual_ratio_from"] == "language pair"
    assert finding.details["usual_ratio"] == pytest.approx(1.19, abs=0.02)  # French for one English character


def test_a_short_article_of_an_unmeasured_pair_is_not_judged():
    from consistency.calibration import Lengths
    from consistency.checks.shortened import judged
    from consistency.document import Sentence

    lengths = Lengths.load()
    assert lengths.ratio("en", "zh") == pytest.approx(1 / lengths.ratio("zh", "en"))
    assert lengths.ratio("fr", "de") == pytest.approx(lengths.ratio("en", "de") / lengths.ratio("en", "fr"))
    assert lengths.ratio("en", "sw") is None and lengths.ratio("sw", "en") is None
    texts = ["One sentence of running text here, long enough to judge."] * 4
    sentences = [Sentence(k, 0, len(t), t, k) for k, t in enumerate(texts)]
    beads = [Bead((k,), (k,), 1.0) for k in range(4)]
    assert judged(sentences, sentences, beads) == []  # no ratio of its own, none given
    assert len(judged(sentences, sentences, beads, 1.0)) == 4


def test_headlines_are_not_judged_and_brackets_do_not_count():
    from consistency.checks.shortened import judged, measure
    from consistency.document import Sentence

    def sentences(texts):
        return [Sentence(k, 0, len(t), t, k) for k, t in enumerate(texts)]

    running = ["One sentence of running text here."] * 5
    source = sentences(["Sarah Palin cites Track Palin's PTSD at Donald Trump rally"] + running)
    target = sentences(["Palin évoque le TSPT de son fils"] + running)
    beads = [Bead((k,), (k,), 1.0) for k in range(6)]
    assert [bead.source for bead, *_ in judged(source, target, beads)] == [(k,) for k in range(1, 6)]
    # Away from the headline, a translation that stops mid-sentence is judged (a cut-off
    # translation); a source that does not end as a sentence (a caption, a byline) is not.
    cut = sentences(["Palin évoque le TSPT de son fils"] + running[:4] + ["One sentence of running"])
    assert [bead.source for bead, *_ in judged(source, cut, beads)] == [(k,) for k in range(1, 6)]
    stated = sentences(["Sarah Palin cites Track Palin's PTSD at Donald Trump rally."] + running)
    assert [bead.source for bead, *_ in judged(stated, target, beads)] == [(k,) for k in range(1, 6)]
    assert [bead.source for bead, *_ in judged(cut, source, beads)] == [(k,) for k in range(1, 5)]
    # Korean and Chinese news give a foreign name's original in brackets: a gloss, not content.
    assert measure("부바 왓슨(Bubba Watson)과 웹 심슨（Webb Simpson）은 이겼다.") == len("부바 왓슨과 웹 심슨은 이겼다.")


def test_a_sentence_of_a_thousand_clauses_costs_a_bounded_number_of_encoder_passes(shortened):
    import time

    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    listing = "They named " + ", ".join(f"town{k}" for k in range(1_000)) + "."
    started = time.perf_counter()
    (finding,) = shortened.check(SOURCE.rstrip() + "\n" + listing + "\n",
                                 target.rstrip() + "\nIls ont nommé les villes town0, town1 et town2.\n").findings
    assert time.perf_counter() - started < 60, "a hang, not a speed goal"
    assert "town" in finding.source.text and finding.details["cover"] < 0.05


def _cut_french() -> str:
    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    cut = (" à Moscou dans sa guerre contre l’Ukraine, y voyant la preuve d’une véritable «\u00a0fraternité de combat\u00a0»"
           " entre les deux pays")
    return target.replace(cut, "", 1)


def test_a_clause_left_out_leaves_source_words_without_a_counterpart(default_encoder):
    from consistency import Checker, Settings

    # A cover above any pair's reports every judged pair with its measures.
    every = Checker(Settings(checks=("shortened",), check_options={"shortened": {"cover": 9.0}}), encoder=default_encoder)
    faithful = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    before, after = ({f.details["source_sentences"][0]: f.details["features"] for f in every.check(SOURCE, text).findings}
                     for text in (faithful, _cut_french()))
    assert after[2]["cover"] < 0.6 < 0.9 < before[2]["cover"]
    # The words of the clause left out find no counterpart: a long run of them, a part barely aligned.
    assert after[2]["longest_gap"] > 0.3 > before[2]["longest_gap"]
    assert after[2]["source_aligned"] < before[2]["source_aligned"] - 0.2
    assert after[2]["weakest_part_aligned"] < 0.2 < before[2]["weakest_part_aligned"]
    # The translation's own words still find theirs.
    assert after[2]["target_aligned"] > 0.6


def _detector(feature: str, weight: float, bias: float = 0.0):
    from consistency.detector import Detector

    return Detector((feature,), (0.0,), (1.0,), ((((weight,),), (bias,)),), 0.5)


def test_the_check_reports_what_the_models_detector_decides_and_the_signature_says_which(shortened):
    import dataclasses

    original = shortened.calibration
    try:
        for detector, found in ((_detector("longest_gap", 100.0, -30.0), True), (_detector("longest_gap", 1.0, -100.0), False)):
            shortened.calibration = dataclasses.replace(
                original, detectors={**original.detectors, "shortened": detector.to_dict()},
                thresholds={"shortened": {"detector_threshold": {"en-fr": 0.5}}})
            report = shortened.check(SOURCE, _cut_french(), source_lang="en", target_lang="fr")
            assert [f.source.sentence for f in report.findings] == ([2] if found else [])
            used = report.signature["calibration"]["used"]
            assert set(used) == {"shortened.detector", "shortened.detector_threshold"} and len(used["shortened.detector"]) == 12
            if found:
                assert report.findings[0].details["detector_probability"] > 0.5
    finally:
        shortened.calibration = original


def test_a_cover_in_the_settings_chooses_the_length_rule_over_the_detector(default_encoder):
    import dataclasses

    from consistency import Checker, Settings

    checker = Checker(Settings(checks=("shortened",), check_options={"shortened": {"cover": 0.6}}), encoder=default_encoder)
    # A detector that would report nothing: the cover decides instead.
    checker.calibration = dataclasses.replace(checker.calibration,
                                              detectors={"shortened": _detector("cover", 1.0, -100.0).to_dict()})
    (finding,) = checker.check(SOURCE, _cut_french(), source_lang="en", target_lang="fr").findings
    assert "detector_probability" not in finding.details and finding.details["cover"] < 0.6
