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


def main(argv: list[str] | None, description: str, default_docs: int, measure: Callable[[list[int], int], dict]) -> int:
    """Run ``measure(held-out article indices, docs)``, print its result and write it to --json."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--docs", type=int, default=default_docs, help="held-out articles")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    if not ntrex.available():
        print(f"NTREX data not found at {ntrex.DATA}: skipping the calibration", file=sys.stderr)
        return 0
    result = measure(held_out(args.docs), args.docs)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0
