"""Where the negation check loses the drift benchmark's planted negations: how many leave a
candidate at all (a cue the lexicons hold unequal, whose finding points at the plant), and how
many the drift detector passes at each probability threshold, against the findings it makes on
the untouched professional translations at that threshold.

The same articles and plants as ``bench.drift`` (seeded sample, seed 7). The check runs with the
gain rule's margin at -1, which reports every pair's best cue, the one the detector would weigh;
each finding's measures are then scored by the model's detector for that language pair.

    python -m bench.negation_drift [--docs 24] [--langs fra,deu] [--json bench/out/negation-drift.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from bench import commit, ntrex
from bench.drift import build_cases, caught
from consistency.calibration import Thresholds
from consistency.pipeline import Checker, Settings

THRESHOLDS = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def measure(codes: list[str], docs: int, seed: int) -> dict:
    cases = [c for c in build_cases(codes, docs, seed) if c.label is None or c.kind == "meaning/negation"]
    checker = Checker(Settings(checks=("negation",), check_options={"negation": {"margin": -1.0}}))
    planted, untouched = [], []
    calibrated = {}
    for case in cases:
        report = checker.check(case.text("source"), case.text("target"), source_lang=case.source_lang,
                               target_lang=case.target_lang).to_dict()
        thresholds = Thresholds(checker.calibration, case.source_lang, case.target_lang)
        detector = thresholds.detector("negation")
        if detector is None:
            raise SystemExit("the model has no negation detector: run `make calibrate`")
        calibrated[case.direction] = thresholds.get("negation", "detector_threshold", detector.threshold)
        findings = report["findings"]
        probabilities = [float(p) for p in detector.probabilities([f["details"]["features"] for f in findings])]
        if case.label is None:
            untouched.append((case.direction, len(report["source"]["sentences"]), probabilities))
        else:
            hits = [p for f, p in zip(findings, probabilities) if caught(case, {**report, "findings": [f]})]
            planted.append((case.direction, hits))
    return summary(planted, untouched, calibrated, docs, seed)


def summary(planted, untouched, calibrated, docs, seed) -> dict:
    sentences = defaultdict(int)
    for direction, count, _ in untouched:
        sentences[direction] += count

    def at(threshold_of) -> dict:
        found = sum(any(p > threshold_of(d) for p in hits) for d, hits in planted)
        false = defaultdict(int)
        for direction, _, probabilities in untouched:
            false[direction] += sum(p > threshold_of(direction) for p in probabilities)
        per_100 = {d: 100 * false[d] / sentences[d] for d in sentences}
        return {"recall": round(found / len(planted), 3), "found": found,
                "false_per_100_sentences": round(100 * sum(false.values()) / sum(sentences.values()), 2),
                "worst_direction": round(max(per_100.values()), 2)}

    per_direction = defaultdict(lambda: {"planted": 0, "with_candidate": 0})
    for direction, hits in planted:
        per_direction[direction]["planted"] += 1
        per_direction[direction]["with_candidate"] += bool(hits)
    return {"articles_per_direction": docs, "seed": seed, "planted": len(planted),
            "with_candidate": sum(bool(hits) for _, hits in planted),
            "per_direction": dict(sorted(per_direction.items())),
            "by_threshold": {str(t): at(lambda d, t=t: t) for t in THRESHOLDS},
            "calibrated": at(lambda d: calibrated[d]), "commit": commit()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(ntrex.LANGUAGES))
    parser.add_argument("--docs", type=int, default=24)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    result = measure(args.langs.split(","), args.docs, args.seed)
    text = json.dumps(result, indent=1)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    print(text, file=sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
