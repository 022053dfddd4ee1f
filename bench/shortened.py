"""Calibration of the shortened and lengthened checks: how short professional translations run,
pair by pair, and what a part left out (or added) looks like.

Checks faithful NTREX-128 article pairs (English and each language, both ways) of articles
outside every benchmark sample (``bench.drift`` samples 48 with seed 7 at most), and copies of
them with a clause dropped from a translated line or one of another of these articles appended
to it, a line dropped, or a line of another of these articles inserted (``bench.perturb``,
seeded apart from the benchmark's), with both checks' cover set to ``CANDIDATE_COVER`` so that
every pair the detector would weigh, either way round, is reported with its features. Prints
the low quantiles of cover and, per threshold, how many findings length alone would raise per
100 pairs (``COVER`` in the check was chosen from this) and the share of drifts it would find.
Every candidate goes to
``CANDIDATES``, on which ``bench.detector --check shortened`` trains and measures the detector.

    python -m bench.shortened --docs 60 --json bench/out/shortened.json
"""
from __future__ import annotations

import collections
import json
from pathlib import Path

from . import calibration, ntrex
from consistency import Checker, Settings
from consistency.checks.base import CheckContext
from consistency.checks.shortened import CANDIDATE_COVER, judged, long_enough
from .perturb import plant

CANDIDATES = Path(__file__).parent / "out" / "shortened-candidates.json"
KINDS = ("omission/clause", "omission/sentence", "addition/clause", "addition/sentence")
COVERS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def collect(indices: list[int]) -> tuple[list[dict], dict]:
    """Every judged pair's cover, and per direction: source sentences, planted copies and candidates."""
    checker = Checker(Settings(checks=("shortened", "lengthened"),
                               check_options={"shortened": {"cover": CANDIDATE_COVER},
                                              "lengthened": {"cover": CANDIDATE_COVER}}))
    length_check = checker.checks[0]
    english = ntrex.articles("eng")
    rows: list[dict] = []
    directions: dict[str, dict] = collections.defaultdict(lambda: {"sentences": 0, "planted": 0, "planted_kinds": {},
                                                                          "candidates": []})
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        for sources, targets, source_lang, target_lang in ((english, foreign, "en", lang), (foreign, english, lang, "en")):
            direction = directions[f"{source_lang}-{target_lang}"]
            for k in indices:
                # Inserted lines come from the other calibration articles, never the benchmark's.
                others = [line for j in indices if j != k for line in targets[j].lines]
                source = "\n".join(sources[k].lines) + "\n"
                report = checker.check(source, "\n".join(targets[k].lines) + "\n", source_lang=source_lang,
                                       target_lang=target_lang)
                direction["sentences"] += len(report.source.sentences)
                for check, context in (("shortened", report), ("lengthened", _mirrored(report))):
                    usual, _ = length_check.length_ratio(context)  # the article's own, or its language pair's
                    for bead, source_chars, target_chars, ratio in judged(context.source.sentences,
                                                                          context.target.sentences, context.alignment,
                                                                          usual):
                        rows.append({"direction": f"{source_lang}-{target_lang}", "check": check,
                                     "judged": long_enough(source_chars, ratio),
                                     "cover": target_chars / (source_chars * ratio)})
                direction["candidates"] += [_candidate(f, k, None) for f in report.findings]
                for kind in KINDS:
                    planted = plant(kind, f"calibration:{source_lang}-{target_lang}:{k}", sources[k].lines,
                                    targets[k].lines, source_lang, target_lang, others)
                    if planted is None:
                        continue
                    dropped = checker.check(source, "\n".join(planted.target) + "\n", source_lang=source_lang,
                                            target_lang=target_lang)
                    direction["planted"] += 1
                    direction["planted_kinds"][kind] = direction["planted_kinds"].get(kind, 0) + 1
                    side, affected = _affected(kind, planted, sources[k].lines, dropped)
                    direction["candidates"] += [_candidate(f, k, kind) for f in dropped.findings
                                                if f.category == kind.split("/")[0]
                                                and affected & set(f.details[f"{side}_sentences"])]
    return rows, dict(directions)


def _affected(kind: str, planted, source_lines: list[str], report) -> tuple[str, set[int]]:
    """Where a pair reporting the drift sits: the target sentence that ends the shortened or
    lengthened line (a clause is cut from a line's end, or added there), the target sentences of
    an inserted line, or the source sentences of the dropped line."""
    if kind.endswith("/clause"):
        end = sum(len(line) + 1 for line in planted.target[:planted.label.line + 1]) - 1
        return "target", {s.index for s in report.target.sentences if s.start < end <= s.end}
    side, lines = ("target", planted.target) if kind == "addition/sentence" else ("source", source_lines)
    start = sum(len(line) + 1 for line in lines[:planted.label.line])
    end = start + len(lines[planted.label.line])
    return side, {s.index for s in getattr(report, side).sentences if s.start < end and start < s.end}


def _candidate(finding, article: int, kind: str | None) -> dict:
    """One pair under ``CANDIDATE_COVER`` (read either way round: ``check``), for the detector:
    its features, its texts (the passage judged, its rendering, the part pointed at), and for a
    planted drift its kind."""
    details, added = finding.details, finding.check == "lengthened"
    texts = ([details["translation_passage"], finding.source.text, details["added"]] if added
             else [details["passage"], finding.target.text, details["missing"]])
    return {"article": article, "check": finding.check, "planted": kind is not None, "kind": kind,
            "features": details["features"], "texts": texts}


def summary(rows: list[dict], directions: dict, docs: int) -> dict:
    """The shortened check's cover quantiles and length rule, and the lengthened check's (the
    same pairs read the other way round: the source's length against what its translation calls for)."""
    sentences = sum(d["sentences"] for d in directions.values())
    faithful = collections.Counter(c.get("check", "shortened") for d in directions.values() for c in d["candidates"]
                                   if not c["planted"])
    result = {"docs": docs, "sentences": sentences,
              "planted": {kind: sum(d["planted_kinds"].get(kind, 0) for d in directions.values()) for kind in KINDS}}
    for check in ("shortened", "lengthened"):
        pairs = [r for r in rows if r["check"] == check]
        covers = sorted(r["cover"] for r in pairs if r["judged"])
        numbers = {"pairs": len(pairs), "judged": len(covers),
                   "candidates_per_100_sentences": round(100 * faithful[check] / sentences, 2),
                   "quantiles": {str(q): round(covers[int(q * len(covers))], 3) for q in (0.001, 0.005, 0.01, 0.02, 0.05)},
                   "length_rule": {str(t): {"findings_per_100_pairs": round(100 * sum(c < t for c in covers) / len(pairs), 2),
                                            "recall": _recall(directions, t, check)} for t in COVERS}}
        result.update(numbers) if check == "shortened" else result.update({check: numbers})
    return result


def _recall(directions: dict, cover: float, check: str) -> dict[str, float]:
    """Per kind the check finds, the share of planted copies with a pair under ``cover`` where the drift is."""
    kinds = [kind for kind in KINDS if kind.startswith("addition/") == (check == "lengthened")]
    found = collections.Counter(kind for name, d in directions.items()
                                for _, kind in {(c["article"], c["kind"]) for c in d["candidates"]
                                                if c["planted"] and c["features"]["cover"] < cover})
    planted = {kind: sum(d["planted_kinds"].get(kind, 0) for d in directions.values()) for kind in kinds}
    return {kind: round(found[kind] / planted[kind], 3) for kind in kinds if planted[kind]}


def _mirrored(report):
    """The report's two documents and alignment, the other way round (as the lengthened check reads them)."""
    return CheckContext(report.source, report.target, report.alignment, encoder=None).mirrored()


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
