"""Batch throughput and memory: `consistency batch --jobs N` over NTREX article pairs, then the
same batch again with --resume (which must do no model work).

    python -m bench.batch --pairs 200 --jobs 2 --json bench/out/batch.json

The articles are written to bench/out/batch/ (NTREX's LICENSE beside them) from
../shared/data/ntrex at run time: English originals with their translations, the same number of
articles for each of the eight languages, in corpus order.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench import ntrex

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "out" / "batch"


def write_pairs(count: int) -> tuple[Path, int, int]:
    """A manifest of ``count`` pairs; also how many source and target lines they hold."""
    articles = WORK / "articles"
    shutil.rmtree(WORK, ignore_errors=True)
    articles.mkdir(parents=True)
    shutil.copy(ntrex.DATA / "LICENSE.md", WORK / "LICENSE.md")
    english = ntrex.articles("eng")
    per_language = -(-count // len(ntrex.LANGUAGES))
    entries, source_lines, target_lines = [], 0, 0
    for code, lang in ntrex.LANGUAGES.items():
        for k, article in enumerate(ntrex.articles(code)[:per_language]):
            if len(entries) == count:
                break
            source = articles / f"{k:03d}.en.txt"
            if not source.exists():
                source.write_text("\n".join(english[k].lines) + "\n", encoding="utf-8")
            target = articles / f"{k:03d}.{lang}.txt"
            target.write_text("\n".join(article.lines) + "\n", encoding="utf-8")
            entries.append({"id": f"{k:03d}.{lang}", "source": str(source.relative_to(WORK)),
                            "target": str(target.relative_to(WORK)), "source_lang": "en", "target_lang": lang})
            source_lines += len(english[k].lines)
            target_lines += len(article.lines)
    manifest = WORK / "manifest.jsonl"
    manifest.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    return manifest, source_lines, target_lines


def timed(command: list[str]) -> dict:
    """Wall time, the peak of the summed resident memory of the process and its children
    (sampled every 0.1 s), and how many processes it started."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(process.pid)
    peak, seen = 0, set()
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            seen |= {p.pid for p in tree}
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.1)
    stderr = process.stderr.read()
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr}")
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak / 2**20), "processes": len(seen),
            "summary": stderr.strip().splitlines()[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    if not ntrex.available():
        print(f"NTREX-128 not found at {ntrex.DATA}: nothing to measure", file=sys.stderr)
        return 0
    manifest, source_lines, target_lines = write_pairs(args.pairs)
    results = WORK / "results.jsonl"
    command = [sys.executable, "-m", "consistency", "batch", str(manifest), "-o", str(results),
               "--jobs", str(args.jobs), "--fail-on", "never"]
    first = timed(command)
    written = hashlib.sha256(results.read_bytes()).hexdigest()
    checked = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    resumed = timed(command + ["--resume"])
    result = {
        "pairs": args.pairs, "jobs": args.jobs, "cores": os.cpu_count(),
        "source_lines": source_lines, "target_lines": target_lines,
        "errors": sum("error" in r for r in checked),
        "first": {**first, "pairs_per_minute": round(args.pairs / first["seconds"] * 60, 1),
                  "lines_per_second": round((source_lines + target_lines) / first["seconds"], 1)},
        "resume": {**resumed, "results_unchanged": hashlib.sha256(results.read_bytes()).hexdigest() == written},
    }
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
