"""Catch rate on planted drift and false findings on untouched professional translations.

For a seeded sample of NTREX-128 articles and every language, in both directions (English →
language and language → English), the harness writes the untouched pair and one copy per
perturbation kind (bench/perturb.py), runs them all through ``consistency batch`` (the public
command), and scores the JSONL it returns:

* recall per category and kind: a planted drift is caught when a finding of its category
  points at its span (or, for sentence-level kinds, at a sentence holding it) on its side;
* false findings per 100 source sentences on the untouched pairs;
* the same for translate-toolkit's pofilter (``numbers``, ``doublequoting``, ``singlequoting``),
  given the line pairs ready-aligned, which is more than it gets in real use.

    python -m bench.drift [--docs 24] [--langs fra,deu] [--json PATH]
    python -m bench.drift --checks names --category name --from-english --json bench/out/names.json

A change that can only move some categories is measured by re-running those (the untouched
pairs always run, with every default check) and merging the re-run into the last full run,
which keeps the other kinds' recall and records what was re-run at which commit:

    python -m bench.drift --category omission,addition --json bench/out/drift-rerun.json
    python -m bench.drift --merge bench/out/drift-rerun.json   # writes bench/out/drift.json
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench import commit, ntrex
from bench.perturb import PERTURBATIONS, QUOTES, Label, document_span, plant

ROOT = Path(__file__).resolve().parents[1]
POFILTER_TESTS = {"numbers": "figure", "doublequoting": "quote", "singlequoting": "quote"}


@dataclass
class Case:
    id: str
    direction: str
    source_lang: str
    target_lang: str
    source: list[str]
    target: list[str]
    kind: str = "untouched"
    label: Label | None = None
    line_map: dict[int, int | None] = field(default_factory=dict)  # target line -> source line

    def text(self, side: str) -> str:
        return "\n".join(getattr(self, side)) + "\n"


def build_cases(codes: list[str], docs: int, seed: int) -> list[Case]:
    english = ntrex.articles("eng")
    chosen = sorted(random.Random(seed).sample(range(len(english)), min(docs, len(english))))
    cases = []
    for code in codes:
        lang = ntrex.LANGUAGES[code]
        foreign = ntrex.articles(code)
        for source_articles, target_articles, source_lang, target_lang in (
                (english, foreign, "en", lang), (foreign, english, lang, "en")):
            direction = f"{source_lang}-{target_lang}"
            for index in chosen:
                source, target = source_articles[index].lines, target_articles[index].lines
                others = [line for k, a in enumerate(target_articles) if k != index for line in a.lines]
                stem = f"{direction}.{source_articles[index].doc_id}"
                identity = {k: k for k in range(len(target))}
                cases.append(Case(f"{stem}.untouched", direction, source_lang, target_lang, source, target,
                                  line_map=identity))
                for kind in PERTURBATIONS:
                    planted = plant(kind, f"{seed}:{stem}", source, target, source_lang, target_lang, others)
                    if planted:
                        cases.append(Case(f"{stem}.{kind.replace('/', '-')}", direction, source_lang, target_lang,
                                          source, planted.target, kind, planted.label,
                                          _line_map(kind, planted.label, len(planted.target))))
    return cases


def _line_map(kind: str, label: Label, lines: int) -> dict[int, int | None]:
    if kind == "omission/sentence":
        return {k: k if k < label.line else k + 1 for k in range(lines)}
    if kind == "addition/sentence":
        return {k: k if k < label.line else (None if k == label.line else k - 1) for k in range(lines)}
    return {k: k for k in range(lines)}


def run_batch(cases: list[Case], folder: Path, checks: str | None = None) -> tuple[dict[str, dict], float]:
    manifest = folder / "manifest.jsonl"
    with manifest.open("w", encoding="utf-8") as out:
        for case in cases:
            for side in ("source", "target"):
                (folder / f"{case.id}.{side}.txt").write_text(case.text(side), encoding="utf-8")
            out.write(json.dumps({"id": case.id, "source": f"{case.id}.source.txt", "target": f"{case.id}.target.txt",
                                  "source_lang": case.source_lang, "target_lang": case.target_lang}) + "\n")
    results = folder / "results.jsonl"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "consistency", "batch", str(manifest), "--output", str(results),
                    "--fail-on", "never"] + (["--checks", checks] if checks else []), cwd=ROOT, check=True)
    seconds = time.perf_counter() - started
    reports = {}
    for line in results.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "error" in entry:
            raise RuntimeError(f"{entry['id']}: {entry['error']}")
        reports[entry["id"]] = entry["report"]
    return reports, seconds


def caught(case: Case, report: dict) -> bool:
    label = case.label
    lines = case.source if label.side == "source" else case.target
    start, end = document_span(lines, label)
    if label.sentence_level:
        sentences = [s["index"] for s in report[label.side]["sentences"] if s["start"] < end and start < s["end"]]
    for finding in report["findings"]:
        span = finding[label.side]
        if finding["category"] != label.category or span is None:
            continue
        if label.sentence_level and span["sentence"] in sentences:
            return True
        if span["start"] < end and start < span["end"]:
            return True
    return False


def pofilter_failures(case: Case) -> dict[int, set[str]]:
    """Target line -> categories pofilter flags on it, given the line pairs ready-aligned."""
    from translate.filters import checks

    checker = checks.StandardChecker()
    flagged: dict[int, set[str]] = defaultdict(set)
    for target_line, source_line in case.line_map.items():
        if source_line is None:
            continue
        for test, category in POFILTER_TESTS.items():
            try:
                getattr(checker, test)(case.source[source_line], case.target[target_line])
            except checks.FilterFailure:
                flagged[target_line].add(category)
    return flagged


def pofilter_caught(case: Case, flagged: dict[int, set[str]]) -> bool:
    label = case.label
    target_line = label.line
    if label.side == "source":
        target_line = next((t for t, s in case.line_map.items() if s == label.line), None)
    return target_line is not None and label.category in flagged.get(target_line, set())


def _without_text(finding: dict) -> dict:
    """A finding with its spans as offsets only: NTREX text stays in ../shared, never in our results."""
    kept = {k: finding[k] for k in ("category", "severity", "message")}
    for side in ("source", "target"):
        span = finding[side]
        kept[side] = None if span is None else {k: span[k] for k in ("sentence", "start", "end")}
    return kept


def score(cases: list[Case], reports: dict[str, dict]) -> dict:
    ours = defaultdict(lambda: [0, 0])
    baseline = defaultdict(lambda: [0, 0])
    false = defaultdict(lambda: {"sentences": 0, "quoted_sentences": 0, "ours": 0, "pofilter": 0,
                                 "ours_by_category": defaultdict(int),
                                 "pofilter_by_category": defaultdict(int)})
    false_findings = []
    for case in cases:
        report = reports[case.id]
        flagged = pofilter_failures(case)
        if case.label is None:
            row = false[case.direction]
            row["sentences"] += len(report["source"]["sentences"])
            # Quoted sentences by the benchmark's own pattern (bench.perturb.QUOTES), not the checker's.
            row["quoted_sentences"] += sum(bool(QUOTES.search(s["text"])) for s in report["source"]["sentences"])
            row["ours"] += len(report["findings"])
            row["pofilter"] += sum(len(c) for c in flagged.values())
            for categories in flagged.values():
                for category in categories:
                    row["pofilter_by_category"][category] += 1
            for finding in report["findings"]:
                row["ours_by_category"][finding["category"]] += 1
                false_findings.append({"case": case.id, **_without_text(finding)})
            continue
        for key in (case.kind, f"{case.direction}:{case.kind}"):
            ours[key][0] += caught(case, report)
            ours[key][1] += 1
            baseline[key][0] += pofilter_caught(case, flagged)
            baseline[key][1] += 1
    per_100 = {direction: {"sentences": row["sentences"], "quoted_sentences": row["quoted_sentences"],
                           "ours": round(100 * row["ours"] / max(row["sentences"], 1), 2),
                           "pofilter": round(100 * row["pofilter"] / max(row["sentences"], 1), 2),
                           "ours_by_category": dict(row["ours_by_category"]),
                           "pofilter_by_category": dict(row["pofilter_by_category"])}
               for direction, row in false.items()}
    recall = {key: {"caught": hit, "planted": total, "recall": round(hit / total, 3),
                    "pofilter_caught": baseline[key][0], "pofilter_recall": round(baseline[key][0] / total, 3)}
              for key, (hit, total) in sorted(ours.items())}
    return {"false_per_100_sentences": per_100, "recall": recall, "false_findings": false_findings}


def run(codes: list[str], docs: int, seed: int, checks: str | None = None, category: str | None = None,
        from_english: bool = False) -> dict:
    """``checks``: the checks to run (default: the default ones); ``category``: only its kinds
    (or those of each category in a comma-separated list) and the untouched pairs;
    ``from_english``: only English -> language."""
    categories = None if category is None else set(category.split(","))
    cases = [c for c in build_cases(codes, docs, seed)
             if (categories is None or c.label is None or c.label.category in categories)
             and (not from_english or c.source_lang == "en")]
    with tempfile.TemporaryDirectory() as folder:
        reports, seconds = run_batch(cases, Path(folder), checks)
    result = score(cases, reports)
    signature = next(iter(reports.values()))["signature"] if reports else {}
    result.update({"articles_per_direction": docs, "seed": seed, "cases": len(cases), "checks": checks or "default",
                   "batch_seconds": round(seconds, 1),
                   "throughput_pairs_per_minute": round(60 * len(cases) / seconds, 1),
                   "signature": signature, "commit": commit()})
    return result


def merged(full: dict, rerun: dict, rerun_commit: str) -> dict:
    """The full run with a category re-run's kinds, untouched pairs and false findings in place
    of its own; the rest (other kinds, the batch's time for all pairs) stays the full run's."""
    categories = sorted({key.split("/")[0] for key in rerun["recall"] if ":" not in key})
    kept = {key: value for key, value in full["recall"].items()
            if key.split(":")[-1].split("/")[0] not in categories}
    result = {**full, "recall": dict(sorted({**kept, **rerun["recall"]}.items())),
              "false_per_100_sentences": rerun["false_per_100_sentences"], "false_findings": rerun["false_findings"],
              "signature": rerun["signature"]}
    result["rerun"] = {"categories": categories, "commit": rerun_commit, "cases": rerun["cases"],
                       "batch_seconds": rerun["batch_seconds"],
                       "full_run_commit": full.get("rerun", {}).get("full_run_commit", full.get("commit", "unknown"))}
    return result


def merge(path: str) -> int:
    results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    full = {**results["drift"], "commit": results["drift"].get("commit", results["meta"]["commit"])}
    rerun = json.loads(Path(path).read_text(encoding="utf-8"))
    # The commit the re-run ran at (older re-runs did not record it: the merge's HEAD stands in).
    result = merged(full, rerun, rerun.get("commit") or commit())
    out = ROOT / "bench" / "out" / "drift.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"merged {path} into {out.relative_to(ROOT)} (re-run: {', '.join(result['rerun']['categories'])})",
          file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", default=",".join(ntrex.LANGUAGES))
    # 24 articles x 16 directions x ~11 cases: about 5 minutes on 2 cores (sentence vectors are cached).
    parser.add_argument("--docs", type=int, default=24, help="articles per direction (a seeded sample)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", default=None)
    parser.add_argument("--checks", default=None, help="checks to run, as for `consistency batch` (default: the default ones)")
    parser.add_argument("--category", default=None, help="plant only this category's kinds (e.g. name, or omission,addition)")
    parser.add_argument("--from-english", action="store_true", help="English -> language only")
    parser.add_argument("--merge", default=None, metavar="RERUN_JSON",
                        help="merge a --category re-run into bench/results.json's full run (writes bench/out/drift.json)")
    args = parser.parse_args(argv)
    if args.merge:
        return merge(args.merge)
    if not ntrex.available():
        print(f"NTREX data not found at {ntrex.DATA}: skipping the drift benchmark", file=sys.stderr)
        return 0
    result = run(args.langs.split(","), args.docs, args.seed, args.checks, args.category, args.from_english)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = {k: v["recall"] for k, v in result["recall"].items() if ":" not in k}
    print(json.dumps({"recall": summary, "false_per_100": {k: v["ours"] for k, v in
                                                            result["false_per_100_sentences"].items()}}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
