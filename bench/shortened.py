"""Calibration of the shortened check: how short professional translations run, pair by pair.

Checks faithful NTREX-128 article pairs (English and each language, both ways) of articles
outside every benchmark sample (``bench.drift`` samples 48 with seed 7 at most), and measures
each aligned pair's cover: target characters over source characters times the article's usual
ratio (``consistency.checks.shortened``). Prints the low quantiles and, per threshold, how many
findings length alone would raise per 100 pairs; ``COVER`` in the check is chosen from this.
Then the check itself runs on the same pairs and on copies with a clause dropped
(``bench.perturb``, seeded apart from the benchmark's): its findings per 100 faithful pairs and
the share of drops it finds, the measure ``CONFIRMED`` was chosen by.

    python -m bench.shortened --docs 30 --json bench/out/shortened.json
"""
from __future__ import annotations

from . import calibration, ntrex
from consistency import Checker, Settings
from consistency.checks.shortened import MIN_SOURCE_CHARS, judged
from .perturb import plant


def covers(indices: list[int]) -> tuple[list[dict], dict]:
    checker = Checker(Settings(checks=("shortened",)))
    english = ntrex.articles("eng")
    rows = []
    check = {"faithful_findings": 0, "drops_planted": 0, "drops_found": 0}
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        for sources, targets, source_lang, target_lang in ((english, foreign, "en", lang), (foreign, english, lang, "en")):
            for k in indices:
                report = checker.check("\n".join(sources[k].lines) + "\n", "\n".join(targets[k].lines) + "\n",
                                       source_lang=source_lang, target_lang=target_lang)
                for bead, source_chars, target_chars, ratio in judged(report.source.sentences, report.target.sentences,
                                                                      report.alignment):
                    rows.append({"direction": f"{source_lang}-{target_lang}", "source_chars": source_chars,
                                 "cover": target_chars / (source_chars * ratio)})
                check["faithful_findings"] += len(report.findings)
                planted = plant("omission/clause", f"calibration:{source_lang}-{target_lang}:{k}", sources[k].lines,
                                targets[k].lines, source_lang, target_lang, [])
                if planted is None:
                    continue
                dropped = checker.check("\n".join(sources[k].lines) + "\n", "\n".join(planted.target) + "\n",
                                        source_lang=source_lang, target_lang=target_lang)
                line = planted.label.line
                start = sum(len(text) + 1 for text in sources[k].lines[:line])
                end = start + len(sources[k].lines[line])
                check["drops_planted"] += 1
                check["drops_found"] += any(start < f.source.end and f.source.start < end for f in dropped.findings)
    return rows, check


def summary(rows: list[dict], check: dict) -> dict:
    judged = sorted(r["cover"] for r in rows if r["source_chars"] >= MIN_SOURCE_CHARS)
    return {"pairs": len(rows), "judged": len(judged),
            "check": {**check, "findings_per_100_pairs": round(100 * check["faithful_findings"] / len(rows), 2),
                      "drop_recall": round(check["drops_found"] / max(check["drops_planted"], 1), 3)},
            "quantiles": {str(q): round(judged[int(q * len(judged))], 3) for q in (0.001, 0.005, 0.01, 0.02, 0.05)},
            "findings_per_100_pairs": {str(t): round(100 * sum(c < t for c in judged) / len(rows), 2)
                                       for t in (0.5, 0.55, 0.6, 0.65, 0.7)}}


def main(argv: list[str] | None = None) -> int:
    return calibration.main(argv, __doc__.splitlines()[0], 30, lambda indices, docs: summary(*covers(indices)))


if __name__ == "__main__":
    raise SystemExit(main())
