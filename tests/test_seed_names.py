"""The opt-in name check on the seed article: every planted name drift found, nothing on the
faithful translations (real default model)."""
from __future__ import annotations

import pytest

from conftest import SEED_LANGS, SEEDS, load_gold


@pytest.fixture(scope="module")
def name_reports(default_encoder):
    from consistency import Checker, Settings

    checker = Checker(Settings(checks=("names",)), encoder=default_encoder)
    cache = {}

    def get(kind: str, lang: str):
        if (kind, lang) not in cache:
            gold = load_gold(kind, lang)
            cache[kind, lang] = checker.check(*((SEEDS / gold[side]).read_text(encoding="utf-8")
                                                for side in ("source", "target")))
        return cache[kind, lang]

    return get


def _overlaps(span, gold: dict | None) -> bool:
    return span is not None and gold is not None and span.start < gold["end"] and gold["start"] < span.end


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_faithful_translation_has_no_name_finding(name_reports, lang):
    assert [f.message for f in name_reports("faithful", lang).findings] == []


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_every_planted_name_drift_is_found(name_reports, lang):
    report = name_reports("drifted", lang)
    planted = [d for d in load_gold("drifted", lang)["drifts"] if d["category"] == "name"]
    assert planted
    for drift in planted:
        assert any(_overlaps(f.source, drift["source"]) or _overlaps(f.target, drift["target"])
                   for f in report.findings), (drift["note"], [f.message for f in report.findings])
