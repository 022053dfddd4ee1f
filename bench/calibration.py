"""What the calibration benchmarks share: the articles they may read (those outside every
benchmark sample, so that a threshold is never chosen on what measures it) and their command
line (``--docs``, ``--json``, a clean skip without NTREX-128)."""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Callable

from . import ntrex

BENCH_SAMPLE = (7, 48)  # (seed, docs): the largest sample bench.drift draws


def held_out(count: int) -> list[int]:
    english = ntrex.articles("eng")
    seed, docs = BENCH_SAMPLE
    sampled = set(random.Random(seed).sample(range(len(english)), docs))
    return [k for k in range(len(english)) if k not in sampled][:count]


def main(argv: list[str] | None, description: str, default_docs: int, measure: Callable[[list[int], int], dict],
         thresholds: Callable[[dict], dict] | None = None) -> int:
    """Run ``measure(held-out article indices, docs)``, print its result and write it to --json;
    with --calibrate, store ``thresholds(result)`` (check -> setting -> pair -> value) in the
    calibration file of the default model, where the checks read them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--docs", type=int, default=default_docs, help="held-out articles")
    parser.add_argument("--json", default=None)
    if thresholds is not None:
        parser.add_argument("--calibrate", action="store_true",
                            help="write the per-pair thresholds into consistency/calibrations/")
    args = parser.parse_args(argv)
    if not ntrex.available():
        print(f"NTREX data not found at {ntrex.DATA}: skipping the calibration", file=sys.stderr)
        return 0
    result = measure(held_out(args.docs), args.docs)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "per_direction"}, indent=1))
    if thresholds is not None and args.calibrate:
        module = getattr(sys.modules["__main__"].__spec__, "name", "bench")
        path = store(thresholds(result), f"python -m {module} --docs {args.docs} --calibrate")
        print(f"calibration written to {path}")
    return 0


def store(thresholds: dict, command: str, detectors: dict | None = None) -> Path:
    """Merge per-pair thresholds (and trained detectors, by check) into the default model's
    calibration file; other checks' and other settings' entries stay."""
    from consistency.calibration import FOLDER
    from consistency.encoders.registry import DEFAULT_MODEL, load_encoder

    model = load_encoder(DEFAULT_MODEL).signature()
    path = FOLDER / f"{model['model'].rsplit('/', 1)[-1]}.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if data.get("model_sha256") != model["model_sha256"]:
        data = {}  # made for other weights: nothing in it holds
    made_by, merged = dict(data.get("made_by", {})), dict(data.get("thresholds", {}))
    trained = {**data.get("detectors", {}), **(detectors or {})}
    source = f"{command} (NTREX-128 articles outside every benchmark sample, both directions)"
    for check in detectors or {}:
        made_by[f"{check}.detector"] = source
        if "detector_threshold" not in thresholds.get(check, {}):  # the detector's own threshold holds for every pair
            merged.get(check, {}).pop("detector_threshold", None)
            made_by.pop(f"{check}.detector_threshold", None)
            if not merged.get(check, True):
                del merged[check]
    for check, settings in thresholds.items():
        merged[check] = {**merged.get(check, {}), **settings}
        made_by.pop(check, None)  # written by check before settings had their own commands
        for setting in settings:
            made_by[f"{check}.{setting}"] = source
    data = {"model": model["model"], "model_sha256": model["model_sha256"], "made_by": made_by, "thresholds": merged}
    if trained:
        data["detectors"] = trained
    FOLDER.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
