"""NTREX-128 news articles, read at run time from ../shared/data/ntrex (never copied here).

NTREX-128 (CC-BY-SA 4.0, its LICENSE.md lies beside the data) is 1,997 lines of English news
in 123 documents with professional translations; a line is a translation unit and may hold
more than one sentence.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("CONSISTENCY_NTREX", ROOT.parent / "shared" / "data" / "ntrex"))

# NTREX file codes -> the ISO 639-1 codes the checker speaks.
LANGUAGES = {"fra": "fr", "deu": "de", "spa": "es", "rus": "ru", "arb": "ar", "kor": "ko",
             "zho-CN": "zh", "jpn": "ja"}


@dataclass
class Article:
    doc_id: str
    lines: list[str]


def available() -> bool:
    return (DATA / "newstest2019-src.eng.txt").is_file() and (DATA / "DOCUMENT_IDS.tsv").is_file()


def _read_lines(name: str) -> list[str]:
    return (DATA / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def articles(code: str = "eng") -> list[Article]:
    """Documents in corpus order; ``code`` is 'eng' or one of LANGUAGES."""
    name = "newstest2019-src.eng.txt" if code == "eng" else f"newstest2019-ref.{code}.txt"
    lines = _read_lines(name)
    doc_ids = _read_lines("DOCUMENT_IDS.tsv")
    if len(lines) != len(doc_ids):
        raise ValueError(f"{name}: {len(lines)} lines but {len(doc_ids)} document ids")
    result: list[Article] = []
    for doc_id, line in zip(doc_ids, lines):
        if not result or result[-1].doc_id != doc_id:
            result.append(Article(doc_id, []))
        result[-1].lines.append(line.strip())
    return result
