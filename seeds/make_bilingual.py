"""Write the seed translations as the bilingual files translators exchange: XLIFF 1.2, XLIFF 2.0,
TMX and PO, one unit per bead of the alignment the checker finds for the plain-text pair.

A bead's sentences are joined as the language joins them (a space; nothing in Chinese and
Japanese). A source sentence the translation dropped (a 1-0 bead) is a unit with no target,
as a CAT tool leaves an untranslated unit; a sentence the translation added (0-1) is a unit
with an empty source (in PO, an empty msgid with a msgctxt, so it is not the header). So the
files carry the same pairing the checker found, and checking them must give the same findings
(tests/test_inputs.py).   usage: CONSISTENCY_MODELS=models python seeds/make_bilingual.py
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
sys.path.insert(0, str(SEEDS.parent))

# (kind, language): the drifted translations hold every kind of finding; a faithful one none.
PAIRS = (("drifted", "ar"), ("drifted", "ru"), ("drifted", "zh"), ("faithful", "fr"))
SUFFIXES = {"xliff-1.2": ".xlf", "xliff-2": ".xlf2", "tmx": ".tmx", "po": ".po"}


def bilingual_path(kind: str, lang: str, format: str) -> Path:
    return SEEDS / "bilingual" / kind / f"000.en-{lang}{SUFFIXES[format]}"


def bead_pairs(report) -> list[tuple[str, str]]:
    from consistency.pipeline import _joiner

    def side(document, indices):
        return _joiner(document.lang).join(document.sentences[i].text for i in indices)

    return [(side(report.source, bead.source), side(report.target, bead.target)) for bead in report.alignment]


# translate-toolkit's own XLIFF 1.x skeleton says version 1.1; a store parsed from a 1.2 one
# writes 1.2 (it takes the namespace of the file it read).
XLIFF_1_2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="{original}" source-language="{source}" target-language="{target}" datatype="plaintext">
<body></body></file></xliff>"""


def write_xliff(path: Path, pairs, source_lang: str, target_lang: str, version: str) -> None:
    from lxml import etree

    if version == "2":
        from translate.storage.xliff2 import Xliff2File

        store = Xliff2File(sourcelanguage=source_lang)
        store.settargetlanguage(target_lang)
    else:
        from translate.storage.xliff import xlifffile

        store = xlifffile.parsestring(XLIFF_1_2.format(original="000.en.txt", source=source_lang,
                                                       target=target_lang).encode())
    for number, (source, target) in enumerate(pairs, start=1):
        unit = _add(store, source, target)
        unit.setid(str(number))
    etree.cleanup_namespaces(store.document)  # units are made in 1.1's namespace, then moved
    path.write_bytes(bytes(store))


def write_tmx(path: Path, pairs, source_lang: str, target_lang: str) -> None:
    from translate.storage.tmx import tmxfile

    store = tmxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    for number, (source, target) in enumerate(pairs, start=1):
        _add(store, source, target).xmlelement.set("tuid", str(number))
    path.write_bytes(bytes(store))


def _add(store, source: str, target: str):
    # Not store.addsourceunit, which adds nothing for an empty source (an added sentence).
    unit = store.UnitClass(source)
    store.addunit(unit)
    if target:  # no <target> at all: the unit was not translated
        unit.target = target
    return unit


def write_po(path: Path, pairs, target_lang: str) -> None:
    from translate.storage.pypo import pofile, pounit

    store = pofile()
    # Fixed dates, so that running the script again rewrites the same bytes.
    store.updateheader(add=True, Language=target_lang, Content_Type="text/plain; charset=UTF-8",
                       POT_Creation_Date="2026-01-01 00:00+0000", PO_Revision_Date="2026-01-01 00:00+0000")
    for number, (source, target) in enumerate(pairs, start=1):
        unit = pounit(source)
        if not source:
            unit.setcontext(f"added {number}")  # an empty msgid without a context is the header
        unit.target = target
        store.addunit(unit)
    path.write_bytes(bytes(store))


def validate(path: Path) -> None:
    if path.suffix == ".po":
        subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True)
    else:
        from lxml import etree

        etree.parse(str(path))  # raises on XML that is not well-formed


def main() -> None:
    from consistency import Checker, Settings

    checker = Checker(Settings())
    source = (SEEDS / "source" / "000.en.txt").read_text(encoding="utf-8")
    for kind, lang in PAIRS:
        report = checker.check(source, (SEEDS / kind / f"000.{lang}.txt").read_text(encoding="utf-8"))
        pairs = bead_pairs(report)
        langs = report.source.lang, report.target.lang
        for format in SUFFIXES:
            path = bilingual_path(kind, lang, format)
            path.parent.mkdir(parents=True, exist_ok=True)
            if format.startswith("xliff"):
                write_xliff(path, pairs, *langs, version="2" if format == "xliff-2" else "1.2")
            elif format == "tmx":
                write_tmx(path, pairs, *langs)
            else:
                write_po(path, pairs, langs[1])
            validate(path)
            print(path.relative_to(SEEDS.parent))


if __name__ == "__main__":
    main()
