"""Strict sentence-alignment F1 on NTREX-128 articles with merged and split target sentences.

For every article and language, the professional translation's lines are copied and, with a
seeded random generator, some neighbouring lines are merged into one and some are split in
two at a clause boundary, so the gold alignment has 2-1 and 1-2 beads besides 1-1. The
aligner sees the lines as pre-segmented sentences (as Bertalign and Vecalign are evaluated).
Strict F1 counts a predicted bead as right only if both of its sides equal a gold bead's.

    python -m bench.alignment [--langs fr,de] [--docs N] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass

from bench import commit, ntrex

MERGE_RATE = 0.10
SPLIT_RATE = 0.10
NO_SPACE = {"zh", "ja"}
_CLAUSE_END = re.compile(r"[,，、،;；:：](?=\s*\S)")


@dataclass
class AlignmentCase:
    doc_id: str
    lang: str
    source: list[str]
    target: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]


def split_point(line: str) -> int | None:
    """A clause boundary in the middle half of the line, nearest its centre."""
    middle = len(line) / 2
    points = [m.end() for m in _CLAUSE_END.finditer(line) if 0.25 < m.end() / len(line) < 0.75]
    return min(points, key=lambda p: abs(p - middle)) if points else None


def perturb(doc_id: str, lang: str, source: list[str], target: list[str], seed: int) -> AlignmentCase:
    rng = random.Random(f"{seed}:{lang}:{doc_id}")
    joiner = "" if lang in NO_SPACE else " "
    units: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = 0
    while i < len(target):
        roll = rng.random()
        if roll < MERGE_RATE and i + 1 < len(target):
            gold.append(((i, i + 1), (len(units),)))
            units.append(target[i] + joiner + target[i + 1])
            i += 2
            continue
        point = split_point(target[i]) if roll < MERGE_RATE + SPLIT_RATE else None
        if point is not None:
            gold.append(((i,), (len(units), len(units) + 1)))
            units.extend([target[i][:point].strip(), target[i][point:].strip()])
        else:
            gold.append(((i,), (len(units),)))
            units.append(target[i])
        i += 1
    return AlignmentCase(doc_id, lang, source, units, gold)


def strict_scores(predicted, gold) -> tuple[int, int, int]:
    """(true positives, predicted beads, gold beads)."""
    predicted_set = {(tuple(s), tuple(t)) for s, t in predicted}
    gold_set = {(tuple(s), tuple(t)) for s, t in gold}
    return len(predicted_set & gold_set), len(predicted_set), len(gold_set)


def run(langs: list[str], docs: int | None, seed: int = 13) -> dict:
    from consistency.alignment import Aligner
    from consistency.encoders.cache import CachedEncoder
    from consistency.encoders.registry import load_encoder

    # The English side is the same for every language: the cache embeds it once.
    encoder = CachedEncoder(load_encoder(), capacity=200_000)
    aligner = Aligner(encoder)
    english = ntrex.articles("eng")[:docs]
    started = time.perf_counter()
    results = {}
    for code in langs:
        lang = ntrex.LANGUAGES[code]
        tp = n_pred = n_gold = 0
        shapes: dict[str, int] = {}
        for source, reference in zip(english, ntrex.articles(code)[:docs]):
            case = perturb(source.doc_id, lang, source.lines, reference.lines, seed)
            joiner = "" if lang in NO_SPACE else " "
            beads = aligner.align(case.source, case.target, target_joiner=joiner)
            counts = strict_scores([(b.source, b.target) for b in beads], case.gold)
            tp, n_pred, n_gold = tp + counts[0], n_pred + counts[1], n_gold + counts[2]
            for s, t in case.gold:
                shapes[f"{len(s)}-{len(t)}"] = shapes.get(f"{len(s)}-{len(t)}", 0) + 1
        precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        results[code] = {"lang": lang, "f1": round(f1, 4), "precision": round(precision, 4),
                         "recall": round(recall, 4), "gold_beads": n_gold, "gold_shapes": shapes}
        print(f"{code:7s} strict F1 {f1:.4f}  P {precision:.4f}  R {recall:.4f}  beads {n_gold} {shapes}",
              file=sys.stderr)
    return {"articles": len(english), "seed": seed, "seconds": round(time.perf_counter() - started, 1),
            "languages": results, "signature": encoder.signature(), "settings": asdict(aligner.settings),
            "commit": commit()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(ntrex.LANGUAGES))
    parser.add_argument("--docs", type=int, default=None, help="first N articles only")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", default=None, help="write the results here")
    args = parser.parse_args(argv)
    if not ntrex.available():
        print(f"NTREX data not found at {ntrex.DATA}: skipping the alignment benchmark", file=sys.stderr)
        return 0
    result = run(args.langs.split(","), args.docs, args.seed)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=1, ensure_ascii=False)
    print(json.dumps({k: v["f1"] for k, v in result["languages"].items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
