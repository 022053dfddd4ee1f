"""How many characters each language writes for one English character: the usual length ratio
the shortened and lengthened checks fall back on when an article is too short to give its own
(fewer than ``MIN_PAIRS`` one-to-one pairs; a four-line article is common in news).

Measured on NTREX-128's line pairs of the calibration articles (the 60 that ``bench.shortened``
reads, outside every benchmark sample): per language, the median over lines of 20 English
characters or more of the language's characters per English character, counted as the checks
count them (outside brackets). A ratio between two other languages is the quotient of theirs,
since every NTREX-128 translation renders the same English.

    python -m bench.lengths [--docs 60] [--json PATH] [--calibrate]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from . import calibration, ntrex
from consistency.calibration import LENGTHS
from consistency.checks.shortened import measure

MIN_ENGLISH_CHARS = 20  # a shorter line's ratio is mostly its punctuation and names


def measured(indices: list[int]) -> dict:
    english = ntrex.articles("eng")
    per_language, spread = {"en": 1.0}, {}
    for code, lang in ntrex.LANGUAGES.items():
        foreign = ntrex.articles(code)
        by_article = [[measure(t) / measure(s) for s, t in zip(english[k].lines, foreign[k].lines)
                       if measure(s) >= MIN_ENGLISH_CHARS and measure(t)] for k in indices]
        ratios = [ratio for article in by_article for ratio in article]
        per_language[lang] = round(statistics.median(ratios), 4)
        # How far one article's own ratio strays from the language's: what the fallback gives up.
        deciles = statistics.quantiles([statistics.median(article) for article in by_article if article], n=10)
        spread[lang] = {"lines": len(ratios), "article_median_p10": round(deciles[0], 4),
                        "article_median_p90": round(deciles[-1], 4)}
    return {"docs": len(indices), "chars_per_english_char": per_language, "spread": spread}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60, help="held-out articles")
    parser.add_argument("--json", default=None)
    parser.add_argument("--calibrate", action="store_true", help=f"write the ratios to {LENGTHS.name}")
    args = parser.parse_args(argv)
    if not ntrex.available():
        print(f"NTREX data not found at {ntrex.DATA}: skipping the length ratios", file=sys.stderr)
        return 0
    result = measured(calibration.held_out(args.docs))
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.calibrate:
        made_by = (f"python -m bench.lengths --docs {args.docs} --calibrate (NTREX-128 line pairs of articles outside "
                   "every benchmark sample; the median over lines of 20 English characters or more)")
        LENGTHS.write_text(json.dumps({"made_by": made_by, "chars_per_english_char": result["chars_per_english_char"]},
                                      indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"length ratios written to {LENGTHS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
