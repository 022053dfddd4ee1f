"""Many article pairs with one loaded model: from a JSONL manifest or a folder of NAME.LANG.txt files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .pipeline import Checker

_NAMED = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\.(?:txt|md)$")


@dataclass(frozen=True)
class Pair:
    id: str
    source: Path
    target: Path
    source_lang: str | None = None
    target_lang: str | None = None


def read_manifest(path: str | Path, source_lang: str | None = None) -> list[Pair]:
    """A JSONL manifest ({"id", "source", "target", "source_lang"?, "target_lang"?}, paths relative
    to the manifest) or a directory where NAME.SRC.txt pairs with every NAME.XX.txt."""
    path = Path(path)
    if path.is_dir():
        return _pairs_in_folder(path, source_lang)
    if not path.is_file():
        raise InputError(f"{path}: no such manifest")
    pairs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            pairs.append(Pair(str(entry["id"]), path.parent / entry["source"], path.parent / entry["target"],
                              entry.get("source_lang"), entry.get("target_lang")))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(f"{path}:{number}: not a manifest entry ({error})") from None
    ids = [p.id for p in pairs]
    if len(set(ids)) != len(ids):
        raise InputError(f"{path}: ids must be unique")
    return pairs


def _pairs_in_folder(folder: Path, source_lang: str | None) -> list[Pair]:
    if not source_lang:
        raise InputError(f"{folder}: a folder of NAME.LANG.txt files needs --source-lang to know the originals")
    by_name: dict[str, dict[str, Path]] = {}
    for file in sorted(folder.iterdir()):
        match = _NAMED.match(file.name)
        if match and file.is_file():
            by_name.setdefault(match["name"], {})[match["lang"]] = file
    pairs = []
    for name, files in sorted(by_name.items()):
        if source_lang in files:
            for lang, target in sorted(files.items()):
                if lang != source_lang:
                    pairs.append(Pair(f"{name}.{lang}", files[source_lang], target, source_lang, lang))
    if not pairs:
        raise InputError(f"{folder}: no NAME.{source_lang}.txt with a translation beside it")
    return pairs


def run(pairs: list[Pair], checker: Checker) -> Iterator[dict]:
    """One result per pair, in order: {"id", "report"} or {"id", "error"}; a failing pair never stops the rest."""
    for pair in pairs:
        try:
            report = checker.check_files(pair.source, pair.target, source_lang=pair.source_lang,
                                         target_lang=pair.target_lang)
            yield {"id": pair.id, "report": report.to_dict()}
        except (InputError, ValueError, OSError) as error:
            yield {"id": pair.id, "error": str(error)}
