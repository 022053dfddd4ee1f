"""Calibration of the aligner's omissions and additions: how often whole sentences are reported
on faithful translations, and how many dropped and inserted sentences are found.

Checks faithful NTREX-128 article pairs (English and each language, both ways) of articles
outside every benchmark sample, and for each one copy with a line dropped and one with a line
of another article inserted (``bench.perturb``, seeded apart from the benchmark's), with the
omission, shortened and lengthened checks (a dropped sentence the aligner folds into a 2-1 pair
is the shortened check's, an inserted one folded into a 1-2 pair the lengthened check's).
Prints the findings per 100 source sentences of the faithful pairs, the worst direction, and the
share of drops and insertions found; the aligner's ``detach_below`` and its length ratio were
chosen by this (the word rule's ``detach_aligned_below`` and
``detach_aligned_across_paragraphs`` on the first 20 of these articles).

    python -m bench.omission --docs 40 --json bench/out/omission.json
"""
from __future__ import annotations

from . import calibration, commit, ntrex
from .drift import Case, caught
from .perturb import plant
from consistency import Checker, Settings

KINDS = {"omission/sentence": "omission", "addition/sentence": "addition"}
CHECKS = ("omission", "shortened", "lengthened")


def measure(indices: list[int], docs: int) -> dict:
    checker = Checker(Settings(checks=CHECKS))
    english = ntrex.articles("eng")
    directions = {}
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        for sources, targets, source_lang, target_lang in ((english, foreign, "en", lang), (foreign, english, lang, "en")):
            name = f"{source_lang}-{target_lang}"
            row = directions[name] = {"sentences": 0, "faithful_findings": 0, **{kind: [0, 0] for kind in KINDS}}
            for k in indices:
                source, target = sources[k].lines, targets[k].lines
                report = checker.check("\n".join(source) + "\n", "\n".join(target) + "\n",
                                       source_lang=source_lang, target_lang=target_lang)
                row["sentences"] += len(report.source.sentences)
                row["faithful_findings"] += sum(f.category in ("omission", "addition") for f in report.findings)
                others = [line for j, article in enumerate(targets) if j != k for line in article.lines]
                for kind in KINDS:
                    planted = plant(kind, f"calibration:{name}:{k}", source, target, source_lang, target_lang, others)
                    if planted is None:
                        continue
                    case = Case(name, name, source_lang, target_lang, source, planted.target, kind, planted.label)
                    changed = checker.check(case.text("source"), case.text("target"),
                                            source_lang=source_lang, target_lang=target_lang)
                    row[kind][0] += 1
                    row[kind][1] += caught(case, changed.to_dict())
    return summary(directions, docs)


def summary(directions: dict, docs: int) -> dict:
    sentences = sum(d["sentences"] for d in directions.values())
    result = {"docs": docs, "sentences": sentences,
              "faithful_findings_per_100_sentences": round(100 * sum(d["faithful_findings"] for d in directions.values())
                                                           / sentences, 2),
              "worst_direction": max(round(100 * d["faithful_findings"] / d["sentences"], 2) for d in directions.values())}
    for kind in KINDS:
        planted = sum(d[kind][0] for d in directions.values())
        found = sum(d[kind][1] for d in directions.values())
        result[kind] = {"planted": planted, "found": found, "recall": round(found / max(planted, 1), 3)}
    result["per_direction"] = directions
    result.update({"checks": list(CHECKS), "commit": commit()})
    return result


def main(argv: list[str] | None = None) -> int:
    return calibration.main(argv, __doc__.splitlines()[0], 40, measure)


if __name__ == "__main__":
    raise SystemExit(main())
