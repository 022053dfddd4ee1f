"""XLIFF 1.2 and XLIFF 2.0/2.1, read with translate-toolkit's ``xliff`` and ``xliff2`` stores.

Languages come from ``<file source-language target-language>`` (1.2) or ``<xliff srcLang
trgLang>`` (2.x). Each segment is one pair (translate-toolkit exposes each ``<segment>`` of a
2.x unit as its own unit). Units marked ``translate="no"`` are not translations and are left out.
"""
from __future__ import annotations

from .base import BilingualFile, SegmentPair
from .inline import plain_text

# XLIFF 1.2 target states meaning "not final yet": the text is checked all the same.
_DRAFT_STATES_1_2 = {"new", "needs-translation", "needs-adaptation", "needs-l10n",
                     "needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}


def read_xliff(path: str, data: bytes, version: str) -> BilingualFile:
    if version.startswith("2"):
        from translate.storage.xliff2 import Xliff2File as Store

        label = "xliff-2"
    else:
        from translate.storage.xliff import xlifffile as Store

        label = "xliff-1.2"
    store = Store.parsestring(data)
    segments, drafts = [], 0
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        nodes = unit.getlanguageNodes()  # [source] or [source, target]
        source = plain_text(nodes[0]) if nodes else ""
        target = plain_text(nodes[1]) if len(nodes) > 1 else ""
        if target.strip() and _is_draft(unit, nodes, label):
            drafts += 1
        # translate-toolkit prefixes a 1.2 unit's id with its file's name; the file's own id is wanted.
        unit_id = unit.getid() if label == "xliff-2" else unit.xmlelement.get("id")
        segments.append(SegmentPair(source, target, str(unit_id or "")))
    notes = (f"{drafts} segment(s) not marked final (draft or needs review) were checked as translated",) \
        if drafts else ()
    return BilingualFile(path, label, tuple(segments), store.getsourcelanguage() or None,
                         store.gettargetlanguage() or None, notes)


def _is_draft(unit, nodes, label: str) -> bool:
    if label == "xliff-1.2":
        return nodes[1].get("state") in _DRAFT_STATES_1_2
    # XLIFF 2: the state sits on <segment>; "initial" is a target not yet reviewed or final.
    return unit.xmlelement.get("state") == "initial"
