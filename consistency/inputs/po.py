"""Gettext PO, read with translate-toolkit's ``pypo`` store.

msgid is the source and msgstr the translation; the header entry and obsolete (``#~``)
entries are skipped; a plural entry is checked in its first form (msgid / msgstr[0]). Fuzzy
entries are checked as translated, and the report says how many there were: a fuzzy msgstr is
a translator's draft, which is what a consistency check is for (msgfmt would leave it out of
the compiled catalogue). The target language is the header's ``Language:``; PO has no field
for the source language, so it is given (``--source-lang``) or identified.
"""
from __future__ import annotations

from .base import BilingualFile, SegmentPair


def read_po(path: str, data: bytes) -> BilingualFile:
    from translate.storage.pypo import pofile

    store = pofile.parsestring(data)
    segments, fuzzy = [], 0
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        source, target = _first_form(unit.source), _first_form(unit.target)
        if unit.isfuzzy() and target.strip():
            fuzzy += 1
        segments.append(SegmentPair(source, target, unit.getcontext() or ""))
    notes = (f"{fuzzy} fuzzy entr{'y was' if fuzzy == 1 else 'ies were'} checked as translated",) if fuzzy else ()
    language = store.parseheader().get("Language") or None
    return BilingualFile(path, "po", tuple(segments), None, language, notes)


def _first_form(text) -> str:
    strings = getattr(text, "strings", None)  # a multistring holds the plural forms
    return str(strings[0]) if strings else str(text or "")
