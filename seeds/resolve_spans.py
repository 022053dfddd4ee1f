"""Fill in character offsets of a gold file's spans from their text, and check them.

Gold files are written by people: a drift names the text it changed ("text"), and, where that
text occurs more than once, which occurrence ("occurrence", 0-based). This script writes
"start"/"end" (offsets into the file as read: UTF-8, newlines normalised) so tests and
benchmarks never search for text again.   usage: python seeds/resolve_spans.py seeds/gold/*.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent


def read(relative: str) -> str:
    text = (SEEDS / relative).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def resolve(span: dict | None, document: str, where: str) -> dict | None:
    if span is None:
        return None
    needle, occurrence = span["text"], span.get("occurrence", 0)
    starts, position = [], document.find(needle)
    while position >= 0:
        starts.append(position)
        position = document.find(needle, position + 1)
    if not starts:
        raise SystemExit(f"{where}: {needle!r} not found")
    if len(starts) > 1 and "occurrence" not in span:
        raise SystemExit(f"{where}: {needle!r} occurs {len(starts)} times; add \"occurrence\"")
    start = starts[occurrence]
    return {**span, "start": start, "end": start + len(needle)}


def main(paths: list[str]) -> int:
    for path in paths:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        source, target = read(gold["source"]), read(gold["target"])
        for number, drift in enumerate(gold.get("drifts", [])):
            where = f"{path} drift {number}"
            drift["source"] = resolve(drift.get("source"), source, where + " source")
            drift["target"] = resolve(drift.get("target"), target, where + " target")
        Path(path).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
