"""Training and evaluation of the negation drift detector (``consistency.negation.detector``).

Reads the candidates ``bench.negation`` collected (the pairs the cue lexicons hold unequal in
faithful NTREX-128 article pairs outside every benchmark sample, and in copies with a negation
removed or added, each with the check's features), trains a logistic regression (``HIDDEN``
adds a layer) to tell planted flips from faithful pairs, and measures it where it was not
trained:

- out of fold: five folds by article, so no article's pairs are scored by a network that saw it;
- on a language pair it was not trained on (trained on the seven others), for each pair;
- on a kind of flip it was not trained on: trained on negations removed, tested on negations
  added, and the other way round.

Each threshold is chosen by the rule the margin was (the smallest at which no direction of the
faithful pairs passes 0.5 findings per 100 sentences), on data the threshold is not measured on.

    python -m bench.negation --docs 75            # collects bench/out/negation-candidates.json
    python -m bench.detector --json bench/out/detector.json [--calibrate]

With ``--calibrate`` the network trained on every pair, and each pair's threshold read off the
out-of-fold scores, go into the default model's calibration file.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np
import torch

from consistency.calibration import pair_key
from consistency.detector import Detector

from .negation import CANDIDATES, RATE_BAR

# The check's measures but the bead's score, which is normalised over the document's alignment,
# so that a bilingual file's given segments and the same text aligned give the same decision.
FEATURES = ("gain", "similarity", "cue_excess", "grammatical_excess", "other_grammatical",
            "other_lexical", "statement_share", "unit_share", "cue_match", "token_match", "cue_mutual")
HIDDEN = 0  # a logistic regression: out of fold, a hidden layer of 16 or 32 units found no more (bench/NOTES.md)
EPOCHS = 400
FOLDS = 5
SEED = 13
# Probabilities from 0.05 to 0.99 by 0.01, then finer towards 1, where a class-weighted network
# may put faithful pairs that look much like flips.
THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.05, 0.99, 0.01)) + (0.99, 0.992, 0.994, 0.996, 0.998, 0.999)


def load(path: Path) -> tuple[list[dict], dict]:
    """Rows (direction, article, planted, side, features) and per direction its sentences and planted copies."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rows, directions = [], {}
    for name, direction in data["per_direction"].items():
        directions[name] = {"sentences": direction["sentences"], "planted": direction["planted"]}
        rows += [{"direction": name, **c} for c in direction["candidates"]]
    return rows, directions


def train(rows: list[dict], hidden: int = HIDDEN) -> Detector:
    x = np.array([[r["features"][f] for f in FEATURES] for r in rows], dtype=np.float64)
    y = np.array([r["planted"] for r in rows], dtype=np.float64)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    torch.manual_seed(SEED)
    sizes = [len(FEATURES)] + ([hidden] if hidden else []) + [1]
    layers = [torch.nn.Linear(a, b, dtype=torch.float64) for a, b in zip(sizes, sizes[1:])]
    model = torch.nn.Sequential(*[m for layer in layers for m in (layer, torch.nn.ReLU())][:-1])
    inputs, targets = torch.tensor((x - mean) / scale), torch.tensor(y)
    # Flips are rarer than faithful candidates; weighing the classes alike keeps the network from
    # learning "never", and the threshold then sets the false-finding rate.
    weight = torch.tensor((len(y) - y.sum()) / max(1.0, y.sum()))
    loss = torch.nn.BCEWithLogitsLoss(pos_weight=weight)
    optimiser = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=1e-3)
    for _ in range(EPOCHS):
        optimiser.zero_grad()
        loss(model(inputs)[:, 0], targets).backward()
        optimiser.step()
    stored = tuple((tuple(tuple(float(v) for v in row) for row in layer.weight.detach().numpy().T),
                    tuple(float(v) for v in layer.bias.detach().numpy())) for layer in layers)
    return Detector(FEATURES, tuple(float(v) for v in mean), tuple(float(v) for v in scale), stored, 0.5)


def out_of_fold(rows: list[dict]) -> np.ndarray:
    """Each row's probability from a network trained on the other folds' articles."""
    articles = sorted({r["article"] for r in rows})
    fold_of = {a: k % FOLDS for k, a in enumerate(articles)}
    scores = np.zeros(len(rows))
    for fold in range(FOLDS):
        inside = [k for k, r in enumerate(rows) if fold_of[r["article"]] == fold]
        detector = train([r for r in rows if fold_of[r["article"]] != fold])
        scores[inside] = detector.probabilities([rows[k]["features"] for k in inside])
    return scores


def rates(rows: list[dict], scores: np.ndarray, directions: dict, threshold: float) -> dict:
    """Per direction, faithful findings per 100 sentences and the share of planted copies found."""
    false, found = collections.Counter(), collections.defaultdict(set)
    for row, score in zip(rows, scores):
        if score > threshold:
            if row["planted"]:
                found[row["direction"]].add(row["article"])
            else:
                false[row["direction"]] += 1
    return {name: {"findings_per_100_sentences": round(100 * false[name] / d["sentences"], 2),
                   "recall": round(len(found[name]) / d["planted"], 3) if d["planted"] else None}
            for name, d in directions.items()}


def overall(per_direction: dict, directions: dict) -> dict:
    sentences = sum(directions[n]["sentences"] for n in per_direction)
    planted = sum(directions[n]["planted"] for n in per_direction)
    false = sum(r["findings_per_100_sentences"] * directions[n]["sentences"] / 100 for n, r in per_direction.items())
    found = sum((r["recall"] or 0) * directions[n]["planted"] for n, r in per_direction.items())
    return {"findings_per_100_sentences": round(100 * false / sentences, 2), "recall": round(found / planted, 3),
            "worst_direction": max(r["findings_per_100_sentences"] for r in per_direction.values())}


def chosen_threshold(rows: list[dict], scores: np.ndarray, directions: dict) -> float:
    """The smallest threshold at which no direction passes ``RATE_BAR`` faithful findings per 100 sentences."""
    for threshold in THRESHOLDS:
        if all(r["findings_per_100_sentences"] <= RATE_BAR for r in rates(rows, scores, directions, threshold).values()):
            return threshold
    return THRESHOLDS[-1]


def thresholds_by_pair(rows: list[dict], scores: np.ndarray, directions: dict) -> dict[str, float]:
    pairs = collections.defaultdict(list)
    for name in directions:
        pairs[pair_key(*name.split("-"))].append(name)
    chosen = {}
    for pair, names in sorted(pairs.items()):
        inside = [k for k, r in enumerate(rows) if r["direction"] in names]
        chosen[pair] = chosen_threshold([rows[k] for k in inside], scores[inside], {n: directions[n] for n in names})
    return chosen


def held_out_pairs(rows: list[dict], directions: dict) -> dict:
    """For each language pair: trained on the others, its threshold chosen on theirs (out of fold)."""
    result = {}
    for pair in sorted({pair_key(*name.split("-")) for name in directions}):
        names = [n for n in directions if pair_key(*n.split("-")) == pair]
        training = [r for r in rows if r["direction"] not in names]
        tested = [r for r in rows if r["direction"] in names]
        others = {n: d for n, d in directions.items() if n not in names}
        threshold = chosen_threshold(training, out_of_fold(training), others)
        scores = train(training).probabilities([r["features"] for r in tested])
        per_direction = rates(tested, scores, {n: directions[n] for n in names}, threshold)
        result[pair] = {"threshold": threshold, **overall(per_direction, {n: directions[n] for n in names})}
    return result


def held_out_kinds(rows: list[dict], directions: dict) -> dict:
    """Trained with one kind of flip (the cue left on the source side: a negation removed from
    the translation; on the target side: one added), measured on the other."""
    result = {}
    for trained, tested in (("source", "target"), ("target", "source")):
        training = [r for r in rows if not r["planted"] or r["side"] == trained]
        threshold = chosen_threshold(training, out_of_fold(training), directions)
        measured = [r for r in rows if not r["planted"] or r["side"] == tested]
        detector = train(training)
        scores = detector.probabilities([r["features"] for r in measured])
        found = {(r["direction"], r["article"]) for r, s in zip(measured, scores) if r["planted"] and s > threshold}
        kind = {(r["direction"], r["article"]) for r in measured if r["planted"]}
        name = {"source": "negation removed", "target": "negation added"}
        result[f"trained on {name[trained]}, tested on {name[tested]}"] = {
            "threshold": threshold, "flips_with_a_candidate": len(kind), "recall_of_those": round(len(found) / max(1, len(kind)), 3)}
    return result


def measure(path: Path) -> tuple[dict, Detector, dict]:
    rows, directions = load(path)
    scores = out_of_fold(rows)
    curve = {str(t): overall(rates(rows, scores, directions, t), directions) for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99)}
    by_pair = thresholds_by_pair(rows, scores, directions)
    per_pair = {}
    for name in directions:
        per_pair[name] = rates([r for r in rows if r["direction"] == name],
                               scores[[k for k, r in enumerate(rows) if r["direction"] == name]],
                               {name: directions[name]}, by_pair[pair_key(*name.split("-"))])[name]
    result = {"rows": len(rows), "planted_rows": sum(r["planted"] for r in rows),
              "planted": sum(d["planted"] for d in directions.values()),
              "sentences": sum(d["sentences"] for d in directions.values()),
              "out_of_fold": curve, "out_of_fold_at_pair_thresholds": overall(per_pair, directions),
              "thresholds_by_pair": by_pair,
              "held_out_pairs": held_out_pairs(rows, directions),
              "held_out_kinds": held_out_kinds(rows, directions)}
    return result, train(rows), by_pair


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates-file", type=Path, default=CANDIDATES)
    parser.add_argument("--json", default=None)
    parser.add_argument("--calibrate", action="store_true", help="store the detector in consistency/calibrations/")
    args = parser.parse_args(argv)
    if not args.candidates_file.is_file():
        print(f"{args.candidates_file} not found: run python -m bench.negation first", file=sys.stderr)
        return 0
    result, detector, by_pair = measure(args.candidates_file)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    if args.calibrate:
        from .calibration import store
        path = store({"negation": {"detector_threshold": by_pair}},
                     "python -m bench.detector --calibrate",
                     detectors={"negation": detector.to_dict()})
        print(f"detector written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
