"""The seed article and its translations: the gold alignment, exactly, on the real default model."""
from __future__ import annotations

import pytest

from conftest import SEED_LANGS, SEEDS, load_gold


def _read(relative: str) -> str:
    return (SEEDS / relative).read_text(encoding="utf-8")


def _beads(report) -> list[list[list[int]]]:
    return [[list(b.source), list(b.target)] for b in report.alignment]


@pytest.fixture(scope="module")
def reports(checker):
    """Each seed pair checked once, languages identified rather than given."""
    cache = {}

    def get(kind: str, lang: str):
        if (kind, lang) not in cache:
            gold = load_gold(kind, lang)
            cache[kind, lang] = checker.check(_read(gold["source"]), _read(gold["target"]))
        return cache[kind, lang]

    return get


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_faithful_translation_gets_the_gold_alignment(reports, lang):
    report = reports("faithful", lang)
    assert (report.source.lang, report.target.lang) == ("en", lang)
    assert _beads(report) == load_gold("faithful", lang)["alignment"]


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_faithful_translation_has_no_sentence_level_finding(reports, lang):
    report = reports("faithful", lang)
    assert [f for f in report.findings if f.category in ("omission", "addition")] == []


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_drifted_translation_gets_the_gold_alignment(reports, lang):
    assert _beads(reports("drifted", lang)) == load_gold("drifted", lang)["alignment"]


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_dropped_and_added_sentences_are_reported_where_planted(reports, lang):
    report = reports("drifted", lang)
    planted = {(d["category"], d["severity"], (d["source"] or d["target"])["start"])
               for d in load_gold("drifted", lang)["drifts"] if d["category"] in ("omission", "addition")}
    found = {(f.category, f.severity, (f.source or f.target).start) for f in report.findings
             if f.category in ("omission", "addition")}
    assert found == planted


def test_gold_files_are_consistent():
    for lang in SEED_LANGS:
        for kind in ("faithful", "drifted"):
            gold = load_gold(kind, lang)
            source, target = _read(gold["source"]), _read(gold["target"])
            for drift in gold["drifts"]:
                for side, text in (("source", source), ("target", target)):
                    span = drift[side]
                    if span is not None:
                        assert text[span["start"]:span["end"]] == span["text"], (lang, kind, drift)


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_faithful_translation_has_no_figure_finding(reports, lang):
    assert [f.message for f in reports("faithful", lang).findings if f.category == "figure"] == []


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_every_planted_figure_drift_is_found_where_planted(reports, lang):
    report = reports("drifted", lang)
    for drift in load_gold("drifted", lang)["drifts"]:
        if drift["category"] != "figure":
            continue
        planted = drift["target"]
        hits = [f for f in report.findings if f.category == "figure" and f.target
                and f.target.start < planted["end"] and planted["start"] < f.target.end]
        assert hits, (lang, drift["note"])
        assert hits[0].severity == "critical" and hits[0].source is not None
