"""Calibration of the shortened check: how short professional translations run, pair by pair,
and what a part left out looks like.

Checks faithful NTREX-128 article pairs (English and each language, both ways) of articles
outside every benchmark sample (``bench.drift`` samples 48 with seed 7 at most), and copies of
them with a clause dropped from a translated line, or a line dropped (``bench.perturb``, seeded
apart from the benchmark's), with the check's cover set to ``CANDIDATE_COVER`` so that every pair
the detector would weigh is reported with its features. Prints the low quantiles of cover and,
per threshold, how many findings length alone would raise per 100 pairs (``COVER`` in the check
was chosen from this) and the share of drops it would find. Every candidate goes to
``CANDIDATES``, on which ``bench.detector --check shortened`` trains and measures the detector.

    python -m bench.shortened --docs 60 --json bench/out/shortened.json
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

from . import calibration, ntrex
from consistency import Checker, Settings
from consistency.checks.shortened import CANDIDATE_COVER, MIN_SOURCE_CHARS, judged
from .perturb import plant

CANDIDATES = Path(__file__).parent / "out" / "shortened-candidates.json"
KINDS = ("omission/clause", "omission/sentence")
COVERS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def collect(indices: list[int]) -> tuple[list[dict], dict]:
    """Every judged pair's cover, and per direction: source sentences, planted copies and candidates."""
    checker = Checker(Settings(checks=("shortened",), check_options={"shortened": {"cover": CANDIDATE_COVER}}))
    english = ntrex.articles("eng")
    rows: list[dict] = []
    directions: dict[str, dict] = collections.defaultdict(lambda: {"sentences": 0, "planted": 0, "planted_kinds": {},
                                                                          "candidates": []})
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        for sources, targets, source_lang, target_lang in ((english, foreign, "en", lang), (foreign, english, lang, "en")):
            direction = directions[f"{source_lang}-{target_lang}"]
            for k in indices:
                source = "\n".join(sources[k].lines) + "\n"
                report = checker.check(source, "\n".join(targets[k].lines) + "\n", source_lang=source_lang,
                                       target_lang=target_lang)
                direction["sentences"] += len(report.source.sentences)
                for bead, source_chars, target_chars, ratio in judged(report.source.sentences, report.target.sentences,
                                                                      report.alignment):
                    rows.append({"direction": f"{source_lang}-{target_lang}", "source_chars": source_chars,
                                 "cover": target_chars / (source_chars * ratio)})
                direction["candidates"] += [_candidate(f, k, None) for f in report.findings]
                for kind in KINDS:
                    planted = plant(kind, f"calibration:{source_lang}-{target_lang}:{k}", sources[k].lines,
                                    targets[k].lines, source_lang, target_lang, [])
                    if planted is None:
                        continue
                    dropped = checker.check(source, "\n".join(planted.target) + "\n", source_lang=source_lang,
                                            target_lang=target_lang)
                    direction["planted"] += 1
                    direction["planted_kinds"][kind] = direction["planted_kinds"].get(kind, 0) + 1
                    side, affected = _affected(kind, planted, sources[k].lines, dropped)
                    direction["candidates"] += [_candidate(f, k, kind) for f in dropped.findings
                                                if affected & set(f.details[f"{side}_sentences"])]
    return rows, dict(directions)


def _affected(kind: str, planted, source_lines: list[str], report) -> tuple[str, set[int]]:
    """Where a pair reporting the drop sits: the target sentence that ends the shortened line (a
    clause is cut from a line's end), or the source sentences of the dropped line."""
    if kind == "omission/clause":
        end = sum(len(line) + 1 for line in planted.target[:planted.label.line + 1]) - 1
        return "target", {s.index for s in report.target.sentences if s.start < end <= s.end}
    start = sum(len(line) + 1 for line in source_lines[:planted.label.line])
    end = start + len(source_lines[planted.label.line])
    return "source", {s.index for s in report.source.sentences if s.start < end and start < s.end}


def _candidate(finding, article: int, kind: str | None) -> dict:
    """One pair under ``CANDIDATE_COVER``, for the detector: its features, and for a planted drop its kind."""
    return {"article": article, "planted": kind is not None, "kind": kind, "features": finding.details["features"],
            "texts": [finding.details["passage"], finding.target.text, finding.details["missing"]]}


def summary(rows: list[dict], directions: dict, docs: int) -> dict:
    judged_covers = sorted(r["cover"] for r in rows if r["source_chars"] >= MIN_SOURCE_CHARS)
    sentences = sum(d["sentences"] for d in directions.values())
    faithful = sum(not c["planted"] for d in directions.values() for c in d["candidates"])
    return {"docs": docs, "pairs": len(rows), "judged": len(judged_covers), "sentences": sentences,
            "planted": {kind: sum(d["planted_kinds"].get(kind, 0) for d in directions.values()) for kind in KINDS},
            "candidates_per_100_sentences": round(100 * faithful / sentences, 2),
            "quantiles": {str(q): round(judged_covers[int(q * len(judged_covers))], 3)
                          for q in (0.001, 0.005, 0.01, 0.02, 0.05)},
            "length_rule": {str(t): {"findings_per_100_pairs": round(100 * sum(c < t for c in judged_covers) / len(rows), 2),
                                     "recall": _recall(directions, t)} for t in COVERS}}


def _recall(directions: dict, cover: float) -> dict[str, float]:
    """Per kind, the share of planted copies with a pair under ``cover`` where the drop is."""
    found = collections.Counter(kind for name, d in directions.items()
                                for _, kind in {(c["article"], c["kind"]) for c in d["candidates"]
                                                if c["planted"] and c["features"]["cover"] < cover})
    planted = {kind: sum(d["planted_kinds"].get(kind, 0) for d in directions.values()) for kind in KINDS}
    return {kind: round(found[kind] / planted[kind], 3) for kind in KINDS if planted[kind]}


def measure(indices: list[int], docs: int) -> dict:
    """The summary; every candidate goes to ``CANDIDATES``, the detector's training data."""
    rows, directions = collect(indices)
    CANDIDATES.parent.mkdir(exist_ok=True)
    CANDIDATES.write_text(json.dumps({"docs": docs, "articles": indices, "per_direction": dict(sorted(directions.items()))})
                          + "\n", encoding="utf-8")
    return summary(rows, directions, docs)


def main(argv: list[str] | None = None) -> int:
    return calibration.main(argv, __doc__.splitlines()[0], 60, measure)


if __name__ == "__main__":
    raise SystemExit(main())
