"""Many article pairs, from a JSONL manifest or a folder of NAME.LANG.txt files.

Each worker process loads the model once and checks pairs until none are left. Every result is a
line of JSONL written (and flushed) as soon as it is known, carrying a key made of the inputs'
bytes and the settings: a rerun with ``resume`` keeps the lines whose key still holds and checks
only the rest, so a batch stopped midway loses nothing it finished, and a batch with nothing
left to do never loads the model.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import inputs, workers
from .errors import InputError
from .pipeline import Checker, Settings

_NAMED = re.compile(r"^(?P<name>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?)\.(?:txt|md|html?)$")
_BILINGUAL = (".xlf", ".xliff", ".xlf2", ".tmx", ".po")


@dataclass(frozen=True)
class Pair:
    id: str
    source: Path  # an article, or a bilingual file (XLIFF, TMX, PO) holding both sides
    target: Path | None  # None for a bilingual file
    source_lang: str | None = None
    target_lang: str | None = None


def read_manifest(path: str | Path, source_lang: str | None = None) -> list[Pair]:
    """A JSONL manifest ({"id", "source", "target"?, "source_lang"?, "target_lang"?}, paths relative
    to the manifest; no target for a bilingual file) or a directory where NAME.SRC.txt pairs with
    every NAME.XX.txt and each bilingual file stands alone."""
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
            target = entry.get("target")
            pairs.append(Pair(str(entry["id"]), path.parent / entry["source"], path.parent / target if target else None,
                              entry.get("source_lang") or source_lang, entry.get("target_lang")))
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
    pairs = []
    for file in sorted(folder.iterdir()):
        match = _NAMED.match(file.name)
        if match and file.is_file():
            by_name.setdefault(match["name"], {})[match["lang"]] = file
        elif file.suffix.lower() in _BILINGUAL and file.is_file():
            pairs.append(Pair(file.name, file, None, source_lang))
    for name, files in sorted(by_name.items()):
        if source_lang in files:
            for lang, target in sorted(files.items()):
                if lang != source_lang:
                    pairs.append(Pair(f"{name}.{lang}", files[source_lang], target, source_lang, lang))
    if not pairs:
        raise InputError(f"{folder}: no NAME.{source_lang}.txt with a translation beside it, "
                         "and no XLIFF, TMX or PO file")
    return pairs


def settings_fingerprint(settings: Settings) -> str:
    """What besides the inputs decides a report: the version, the settings, the model's identity."""
    from . import __version__

    from .calibration import FOLDER

    calibrations = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(FOLDER.glob("*.json"))}
    described = {"version": __version__, "settings": asdict(settings), "model": _model_identity(settings.model),
                 "calibrations": calibrations}
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _model_identity(model: str | None) -> str:
    """Read without loading the model: the default's build manifest, a folder's file list."""
    from .encoders.registry import DEFAULT_MODEL, default_model_dir
    from .encoders.offline_e5 import MANIFEST

    if model is None or model == DEFAULT_MODEL:
        manifest = default_model_dir() / MANIFEST
        return DEFAULT_MODEL + ":" + (hashlib.sha256(manifest.read_bytes()).hexdigest() if manifest.is_file() else "")
    path = Path(model)
    if path.is_dir():
        listing = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in path.iterdir() if p.is_file())
        return str(path.resolve()) + ":" + hashlib.sha256(repr(listing).encode()).hexdigest()
    return model


def pair_key(pair: Pair, fingerprint: str) -> str:
    """The inputs' bytes, the languages asked for and the settings: equal keys, equal reports."""
    digest = hashlib.sha256(fingerprint.encode())
    for path in (pair.source, pair.target) if pair.target else (pair.source,):
        try:
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")  # checked again, and reported, when its turn comes
    digest.update(f"{pair.source_lang}|{pair.target_lang}".encode())
    return digest.hexdigest()


def finished(output: Path, keys: dict[str, str]) -> dict[str, str]:
    """The result lines of an earlier run still valid for these pair keys, by id. A line cut short
    by a killed run, an error, or a pair whose inputs or settings changed is not kept."""
    kept: dict[str, str] = {}
    if not output.is_file():
        return kept
    for line in output.read_text(encoding="utf-8").splitlines():
        try:
            result = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(result, dict) and "report" in result and keys.get(result.get("id")) == result.get("key"):
            kept[result["id"]] = line
    return kept


def check_pair(checker: Checker, pair: Pair, key: str) -> dict:
    """One result: {"id", "key", "report"} or {"id", "key", "error"}; never raises for one pair."""
    try:
        report = checker.check_paths(pair.source, pair.target, source_lang=pair.source_lang,
                                     target_lang=pair.target_lang)
        return {"id": pair.id, "key": key, "report": report.to_dict()}
    except (InputError, ValueError, OSError, UnicodeError) as error:
        return {"id": pair.id, "key": key, "error": str(error)}
    except Exception as error:  # a bug met on one pair is reported with it; the batch goes on
        return {"id": pair.id, "key": key, "error": f"internal error: {type(error).__name__}: {error}"}


def _refused(pair: Pair, settings: Settings) -> str | None:
    """What reading the pair refuses, found before any model loads."""
    try:
        inputs.load(pair.source, pair.target, settings.max_chars, target_lang=pair.target_lang or settings.target_lang)
    except (InputError, OSError, ValueError) as error:
        return str(error)
    return None


def run(pairs: Iterable[tuple[Pair, str]], settings: Settings, jobs: int = 1, timeout: float | None = None,
        checker: Checker | None = None, make_checker: Callable | None = None) -> Iterator[dict]:
    """Check (pair, key) items, yielding results as they finish (in order in one process).
    The model is loaded only once there is a pair to check. With more than one job, or a
    ``timeout`` in seconds per pair, pairs are checked in worker processes
    (``consistency.workers``), so that a pair that hangs or crashes is reported and the rest go on."""
    pending = []
    for pair, key in pairs:
        refused = _refused(pair, settings)
        if refused:  # said without loading a model
            yield {"id": pair.id, "key": key, "error": refused}
        else:
            pending.append((pair, key))
    if not pending:
        return
    make_checker = make_checker or Checker
    if jobs <= 1 and not timeout:
        checker = checker or make_checker(settings)
        for pair, key in pending:
            yield check_pair(checker, pair, key)
        return
    yield from workers.run(pending, settings, jobs, timeout, make_checker, check_pair)
