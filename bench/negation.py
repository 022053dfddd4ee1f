"""Calibration of the negation check: how far professional translations lean towards the
statement without a negation, and how far a dropped or added negation does.

Checks faithful NTREX-128 article pairs (English and each language, both ways) of articles
outside every benchmark sample, and copies of them with a negation removed or added
(``bench.perturb``, seeded apart from the benchmark's), with the check's margin set below
anything it can find, so that every pair the cue lexicons hold unequal is reported with its
gain. Prints, per margin, the findings per 100 source sentences of the faithful pairs and the
share of planted negations found; ``MARGIN`` in the check is chosen from this.

    python -m bench.negation --docs 75 --json bench/out/negation.json [--calibrate]

With ``--calibrate`` it also stores, per language pair, the smallest margin at which neither
direction passes 0.5 findings per 100 sentences, in the default model's calibration file
(``consistency/calibrations/``), which the check reads for that pair.
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

from . import calibration, ntrex
from .perturb import document_span, plant
from consistency import Checker, Settings

MARGINS = (0.0, 0.002, 0.004, 0.006, 0.008, 0.01, 0.012, 0.015, 0.02)


def gains(indices: list[int]) -> dict:
    """Per direction: source sentences, the faithful pairs' gains, the planted copies' gains."""
    checker = Checker(Settings(checks=("negation",), check_options={"negation": {"margin": -1.0}}))
    english = ntrex.articles("eng")
    result: dict[str, dict] = collections.defaultdict(lambda: {"sentences": 0, "faithful": [], "planted": [],
                                                               "candidates": []})
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        for sources, targets, source_lang, target_lang in ((english, foreign, "en", lang), (foreign, english, lang, "en")):
            direction = result[f"{source_lang}-{target_lang}"]
            for k in indices:
                source = "\n".join(sources[k].lines) + "\n"
                report = checker.check(source, "\n".join(targets[k].lines) + "\n",
                                       source_lang=source_lang, target_lang=target_lang)
                direction["sentences"] += len(report.source.sentences)
                direction["faithful"] += [f.details["gain"] for f in report.findings]
                direction["candidates"] += [_candidate(f, k, False) for f in report.findings]
                planted = plant("meaning/negation", f"calibration:{source_lang}-{target_lang}:{k}", sources[k].lines,
                                targets[k].lines, source_lang, target_lang, [])
                if planted is None:
                    continue
                flipped = checker.check(source, "\n".join(planted.target) + "\n",
                                        source_lang=source_lang, target_lang=target_lang)
                start, end = document_span(planted.target, planted.label)
                found = [f for f in flipped.findings if f.target is not None and f.target.start < end and start < f.target.end]
                direction["planted"].append(max((f.details["gain"] for f in found), default=None))
                direction["candidates"] += [_candidate(f, k, True) for f in found]
    return dict(result)


def _candidate(finding, article: int, planted: bool) -> dict:
    """One pair the lexicons held unequal, for the detector (``bench.detector``): its features,
    whether it is a planted flip, and, for a flip, which way it went (a negation removed from
    the translation leaves the cue on the source side)."""
    details = finding.details
    return {"article": article, "planted": planted, "side": details["side"], "features": details["features"],
            "texts": [details["statement"], details["without_cue"], details["compared_with"]]}


def summary(per_direction: dict, docs: int) -> dict:
    sentences = sum(d["sentences"] for d in per_direction.values())
    faithful = [g for d in per_direction.values() for g in d["faithful"]]
    planted = [g for d in per_direction.values() for g in d["planted"]]
    return {"docs": docs, "sentences": sentences, "planted": len(planted),
            "lexicon_candidates_per_100_sentences": round(100 * len(faithful) / sentences, 2),
            "lexicon_recall": round(sum(g is not None for g in planted) / len(planted), 3),
            "per_margin": {str(m): {"findings_per_100_sentences": round(100 * sum(g > m for g in faithful) / sentences, 2),
                                    "recall": round(sum(g is not None and g > m for g in planted) / len(planted), 3)}
                           for m in MARGINS},
            "worst_direction_per_margin": {str(m): max(round(100 * sum(g > m for g in d["faithful"]) / d["sentences"], 2)
                                                       for d in per_direction.values()) for m in MARGINS},
            "per_direction": {name: {"sentences": d["sentences"],
                                     "per_margin": {str(m): {"findings_per_100_sentences": _rate(d["faithful"], m, d["sentences"]),
                                                             "recall": _recall(d["planted"], m)} for m in MARGINS},
                                     "faithful_gains": [round(g, 5) for g in sorted(d["faithful"])],
                                     "planted_gains": [None if g is None else round(g, 5) for g in d["planted"]]}
                              for name, d in sorted(per_direction.items())}}


def _rate(gains: list[float], margin: float, sentences: int) -> float:
    return round(100 * sum(g > margin for g in gains) / sentences, 2)


def _recall(gains: list[float | None], margin: float) -> float | None:
    return round(sum(g is not None and g > margin for g in gains) / len(gains), 3) if gains else None


RATE_BAR = 0.5  # findings per 100 sentences of faithful translations a direction may have


def margins_by_pair(result: dict) -> dict:
    """Per language pair, the smallest margin at which neither direction passes ``RATE_BAR``
    (the rule the default margin was chosen by, applied pair by pair)."""
    directions = result["per_direction"]
    pairs: dict[str, list[dict]] = collections.defaultdict(list)
    for name, direction in directions.items():
        pairs["-".join(sorted(name.split("-")))].append(direction)
    chosen = {}
    for pair, both in sorted(pairs.items()):
        fitting = [m for m in MARGINS if all(d["per_margin"][str(m)]["findings_per_100_sentences"] <= RATE_BAR
                                             for d in both)]
        if fitting:
            chosen[pair] = min(fitting)
    return {"negation": {"margin": chosen}}


CANDIDATES = Path(__file__).parent / "out" / "negation-candidates.json"


def measure(indices: list[int], docs: int) -> dict:
    """The summary; every candidate's features go to ``CANDIDATES``, the detector's training data."""
    per_direction = gains(indices)
    CANDIDATES.parent.mkdir(exist_ok=True)
    CANDIDATES.write_text(json.dumps({"docs": docs, "articles": indices,
                                      "per_direction": {name: {"sentences": d["sentences"], "planted": len(d["planted"]),
                                                               "candidates": d["candidates"]}
                                                        for name, d in sorted(per_direction.items())}}) + "\n",
                          encoding="utf-8")
    return summary(per_direction, docs)


def main(argv: list[str] | None = None) -> int:
    return calibration.main(argv, __doc__.splitlines()[0], 75, measure, margins_by_pair)


if __name__ == "__main__":
    raise SystemExit(main())
