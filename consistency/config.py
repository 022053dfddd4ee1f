"""The configuration file: ``consistency.toml``, or ``[tool.consistency]`` in ``pyproject.toml``.

Found in the working directory or the nearest folder above it that has either (``consistency.toml``
first), or named with ``--config``. Every key is checked: an unknown key or a value of the wrong
kind is an error that names it, since a misspelt setting silently ignored is a check not made.

    fail-on = "major"                  # critical | major | minor | never
    checks = ["figures", "omission"]   # which checks run (default: every check not opt-in)
    min-confidence = 0.0               # findings less sure than this are not reported
    max-chars = 1000000                # longer inputs are refused
    max-sentence-chars = 20000         # so are inputs with a longer sentence

    [severity]                         # per category: critical | major | minor | off
    omission = "minor"

    [alignment]                        # the aligner's thresholds (consistency.alignment)
    skip = -0.1

    [figures]
    ignore = ["(?i)page \\d+"]         # figures inside a match of these regular expressions

    [names.glossary]                   # accepted renderings of a name, per language
    "Yoon Suk-yeol" = { ko = "윤석열", zh = ["尹锡悦", "尹錫悅"] }
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from .alignment import AlignmentSettings
from .errors import InputError
from .findings import CATEGORIES, SEVERITIES

FILE_NAME = "consistency.toml"
OFF = "off"


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # where it was read from; None: no file
    fail_on: str | None = None
    checks: tuple[str, ...] | None = None
    min_confidence: float = 0.0
    max_chars: int | None = None
    max_sentence_chars: int | None = None
    severity: dict[str, str] = field(default_factory=dict)  # category -> severity or "off"
    alignment: AlignmentSettings = field(default_factory=AlignmentSettings)
    figures_ignore: tuple[str, ...] = ()
    glossary: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def check_options(self) -> dict[str, dict]:
        """Keyword arguments for the checks that take some (``checks.create``)."""
        options: dict[str, dict] = {}
        if self.figures_ignore:
            options["figures"] = {"ignore": self.figures_ignore}
        if self.glossary:
            options["names"] = {"glossary": self.glossary}
        return options


def find(start: Path | None = None) -> Path | None:
    """The configuration that applies in ``start`` (default: the working directory)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / FILE_NAME).is_file():
            return candidate / FILE_NAME
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "consistency" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load(path: str | Path | None = None, search: bool = True) -> Config:
    """Read ``path``, or the file ``find`` finds when ``search``; no file gives the defaults."""
    if path is None:
        path = find() if search else None
        if path is None:
            return Config()
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such configuration file")
    table = _read(path)
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("consistency", {})
    return parse(table, path)


def parse(table: dict, path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"
    reader = _Reader(where)
    reader.known(table, "", ("fail-on", "checks", "min-confidence", "max-chars", "max-sentence-chars",
                             "severity", "alignment", "figures", "names"))
    fail_on = reader.choice(table, "fail-on", SEVERITIES + ("never",))
    checks = reader.strings(table, "checks")
    min_confidence = reader.number(table, "min-confidence", 0.0, 1.0)
    max_chars = reader.integer(table, "max-chars", 1)
    max_sentence_chars = reader.integer(table, "max-sentence-chars", 1)

    severity_table = reader.table(table, "severity")
    reader.known(severity_table, "severity.", CATEGORIES)
    severity = {category: reader.choice(severity_table, category, SEVERITIES + (OFF,), "severity.")
                for category in severity_table}

    alignment_table = reader.table(table, "alignment")
    defaults = AlignmentSettings()
    names = {f.name.replace("_", "-"): f for f in fields(AlignmentSettings)}
    reader.known(alignment_table, "alignment.", tuple(names))
    alignment = AlignmentSettings(**{
        names[key].name: (reader.integer(alignment_table, key, 1, prefix="alignment.")
                          if isinstance(getattr(defaults, names[key].name), int)
                          else reader.number(alignment_table, key, -1.0, 1.0, prefix="alignment."))
        for key in alignment_table})

    figures = reader.table(table, "figures")
    reader.known(figures, "figures.", ("ignore",))
    ignore = reader.strings(figures, "ignore", "figures.") or ()
    for pattern in ignore:
        try:
            re.compile(pattern)
        except re.error as error:
            raise InputError(f"{where}: figures.ignore: {pattern!r} is not a regular expression ({error})") from None

    names_table = reader.table(table, "names")
    reader.known(names_table, "names.", ("glossary",))
    glossary = {name: reader.renderings(entry, f"names.glossary.{name}")
                for name, entry in reader.table(names_table, "glossary", "names.").items()}
    return Config(path=path, fail_on=fail_on, checks=checks, min_confidence=min_confidence or 0.0,
                  max_chars=max_chars, max_sentence_chars=max_sentence_chars, severity=severity,
                  alignment=alignment, figures_ignore=tuple(ignore),
                  glossary=glossary)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML ({error})") from None


class _Reader:
    """Typed reads from a TOML table, each error naming the file and the key."""

    def __init__(self, where: str):
        self.where = where

    def fail(self, key: str, expected: str, value) -> InputError:
        return InputError(f"{self.where}: {key} must be {expected}, not {value!r}")

    def known(self, table: dict, prefix: str, keys: tuple[str, ...]) -> None:
        for key in table:
            if key not in keys:
                raise InputError(f"{self.where}: unknown key {prefix}{key} (known: {', '.join(keys)})")

    def choice(self, table: dict, key: str, choices: tuple[str, ...], prefix: str = "") -> str | None:
        value = table.get(key)
        if value is not None and value not in choices:
            raise self.fail(prefix + key, "one of " + ", ".join(choices), value)
        return value

    def strings(self, table: dict, key: str, prefix: str = "") -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(prefix + key, "a list of strings", value)
        return tuple(value)

    def number(self, table: dict, key: str, low: float, high: float, prefix: str = "") -> float | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise self.fail(prefix + key, f"a number from {low} to {high}", value)
        return float(value)

    def integer(self, table: dict, key: str, low: int, prefix: str = "") -> int | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise self.fail(prefix + key, f"a whole number of at least {low}", value)
        return value

    def table(self, table: dict, key: str, prefix: str = "") -> dict:
        value = table.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(prefix + key, "a table", value)
        return value

    def renderings(self, entry, key: str) -> dict[str, tuple[str, ...]]:
        """{lang: "rendering" or ["rendering", ...]} with language codes the checker knows."""
        from . import language

        if not isinstance(entry, dict) or not entry:
            raise self.fail(key, "a table of language = rendering(s)", entry)
        result = {}
        for lang, forms in entry.items():
            try:
                code = language.validate(lang)
            except InputError:
                raise InputError(f"{self.where}: {key}: {lang!r} is not a language code") from None
            forms = [forms] if isinstance(forms, str) else forms
            if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
                raise self.fail(f"{key}.{lang}", "a rendering or a list of renderings", forms)
            result[code] = tuple(forms)
        return result
