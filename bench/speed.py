"""Speed and memory of the whole pipeline on a 40-sentence article pair (English -> German).

Measures, on whatever cores the machine has (the README's table says how many):
* cold start: a fresh ``consistency check`` process, from interpreter start to report;
* warm end-to-end latency of ``Checker.check`` (median and p90 over repeated runs);
* the share of that time spent in the encoder's forward pass (timed with module hooks)
  and so the pipeline's own overhead, whose goal is at most 25 % of the total;
* peak resident memory of the warm process and of the cold one.

    python -m bench.speed [--runs 10] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import commit, ntrex

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = 40


def article_pair() -> tuple[str, str, str]:
    """~40 source sentences and their translation, as paragraphs; NTREX if present, else the seed."""
    if ntrex.available():
        english, german = [], []
        for source, target in zip(ntrex.articles("eng"), ntrex.articles("deu")):
            english += source.lines
            german += target.lines
            if len(english) >= SENTENCES:
                break
        return "\n".join(english[:SENTENCES]) + "\n", "\n".join(german[:SENTENCES]) + "\n", "NTREX-128 en-de"
    source = (ROOT / "seeds/source/000.en.txt").read_text(encoding="utf-8").strip()
    target = (ROOT / "seeds/faithful/000.de.txt").read_text(encoding="utf-8").strip()
    return "\n".join([source] * 3) + "\n", "\n".join([target] * 3) + "\n", "seed article x3 en-de"


class ForwardTimer:
    """Accumulates wall time spent inside the transformer's forward pass."""

    def __init__(self, module):
        self.seconds, self._started = 0.0, None
        module.register_forward_pre_hook(self._before)
        module.register_forward_hook(self._after)

    def _before(self, *_):
        self._started = time.perf_counter()

    def _after(self, *_):
        self.seconds += time.perf_counter() - self._started


def cold_start(source: str, target: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / "a.en.txt", Path(folder) / "b.de.txt"]
        for path, text in zip(paths, (source, target)):
            path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "consistency", "check", *map(str, paths), "--format", "json",
                        "--fail-on", "never", "--output", str(Path(folder) / "r.json")], check=True,
                       cwd=ROOT, capture_output=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak)}


def warm(source: str, target: str, runs: int) -> dict:
    from consistency import Checker, Settings

    started = time.perf_counter()
    checker = Checker(Settings(source_lang="en", target_lang="de"))
    load_seconds = time.perf_counter() - started
    timer = ForwardTimer(checker.encoder.model)
    report = checker.check(source, target)  # first call pays one-time costs; not counted
    timer.seconds = 0.0
    latencies = []
    for _ in range(runs):
        checker.encoder.clear()  # a new article each time: nothing may come from the cache
        started = time.perf_counter()
        checker.check(source, target)
        latencies.append(time.perf_counter() - started)
    total, forward = sum(latencies), timer.seconds
    texts = [s.text for s in report.source.sentences]
    started = time.perf_counter()
    checker.encoder.inner.embed(texts)
    raw = time.perf_counter() - started
    latencies.sort()
    return {
        "model_load_seconds": round(load_seconds, 2),
        "sentences": {"source": len(report.source.sentences), "target": len(report.target.sentences)},
        "median_seconds": round(statistics.median(latencies), 3),
        "p90_seconds": round(latencies[int(0.9 * (len(latencies) - 1))], 3),
        "forward_share": round(forward / total, 3),
        "overhead_share": round(1 - forward / total, 3),
        "encoder_sentences_per_second": round(len(texts) / raw, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def name_check_cost(source: str, target: str, runs: int) -> dict:
    """What the opt-in name check adds to the warm end-to-end time: the same pair checked with
    the default checks and with the name check too, runs interleaved so both see one machine state."""
    from consistency import Checker, Settings
    from consistency.checks import defaults

    plain = Checker(Settings(source_lang="en", target_lang="de"))
    named = Checker(Settings(source_lang="en", target_lang="de", checks=tuple(defaults()) + ("names",)),
                    encoder=plain.encoder.inner)
    plain.check(source, target), named.check(source, target)  # one-time costs, not counted
    times: dict[str, list[float]] = {"default": [], "with_names": []}
    for _ in range(runs):
        for label, checker in (("default", plain), ("with_names", named)):
            checker.encoder.clear()
            started = time.perf_counter()
            checker.check(source, target)
            times[label].append(time.perf_counter() - started)
    medians = {label: statistics.median(values) for label, values in times.items()}
    return {"default_median_seconds": round(medians["default"], 3),
            "with_names_median_seconds": round(medians["with_names"], 3),
            "added_share": round(medians["with_names"] / medians["default"] - 1, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    source, target, origin = article_pair()
    result = {"pair": origin, "cores": os.cpu_count(), "warm": warm(source, target, args.runs),
              "cold": cold_start(source, target), "names": name_check_cost(source, target, args.runs),
              "commit": commit()}
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
