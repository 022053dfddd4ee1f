"""Invisible bidi controls that make a word show other letters or digits than the ones stored.

An override (U+202E …) or embedding inside "Putin" or "1234" can show a reader "Putin" while
the file holds "nituP", or "1243" while it holds "1234": the checks would compare one text and the
editor read another. Each line holding a control is laid out twice with ICU's bidi algorithm,
as it is and with the controls taken out; a word that shows differently is reported. Controls
that only move whole words about (the isolates a CMS puts around a Latin name in Arabic text) are
what they are for, and are not reported."""
from __future__ import annotations

import bisect
import re
from typing import Iterable

import icu

from ..document import Document
from ..findings import Finding, Span
from .base import Check, CheckContext, register

# Embeddings, overrides and isolates: the controls that change the order characters show in.
# Marks (U+200E, U+200F, U+061C) only nudge neutral characters and are left to the figure reader.
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A word, or a number with its group and decimal separators ("1 234" shows as "234 1" in an
# embedding): one unit whose order matters.
_WORD = re.compile(r"\d+(?:[ \u00a0\u202f.,'’٫٬]\d+)*|\w+")


@register
class BidiCheck(Check):
    name = "bidi"
    description = "an invisible bidi control that shows a reader a word or figure in another order than the text holds"

    def run(self, context: CheckContext) -> Iterable[Finding]:
        for document, is_source in ((context.source, True), (context.target, False)):
            for start, end, controls, shows_as in hidden_reorderings(document.text):
                yield self._finding(document, start, end, controls, shows_as, is_source)

    def _finding(self, document: Document, start: int, end: int, controls: list[str], shows_as: str,
                 is_source: bool) -> Finding:
        text = document.text[start:end]
        reads_as = _REORDERING.sub("", text)
        starts = [s.start for s in document.sentences]
        span = Span(max(bisect.bisect_right(starts, start) - 1, 0), start, end, text)
        side = "source" if is_source else "target"
        message = (f"{side} text “{reads_as}” shows a reader “{shows_as}”: the invisible bidi control "
                   f"{', '.join(controls)} reorders it, so the checks read other text than an editor sees")
        return Finding("hidden", "major", 0.95, message, span if is_source else None, None if is_source else span,
                       {side: {"reads_as": reads_as, "shows_as": shows_as, "controls": controls}}, check=self.name)


def hidden_reorderings(text: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, controls, shows_as) for each word of ``text`` whose letters or digits show in
    another order because of a bidi control; ``shows_as`` is written so that it reads, left to
    right or right to left as its script goes, the way the word shows."""
    found = []
    offset = 0
    for line in text.split("\n"):
        if _REORDERING.search(line):
            found += [(start + offset, end + offset, controls, shows_as)
                      for start, end, controls, shows_as in _line(line)]
        offset += len(line) + 1
    return found


def _line(line: str) -> Iterable[tuple[int, int, list[str], str]]:
    kept = [i for i, char in enumerate(line) if not _REORDERING.match(char)]
    plain = "".join(line[i] for i in kept)
    as_written = _visual_positions(line)
    without = _visual_positions(plain)
    for word in _WORD.finditer(plain):
        indices = range(word.start(), word.end())
        shown = "".join(plain[i] for i in sorted(indices, key=lambda i: as_written[kept[i]]))
        expected = "".join(plain[i] for i in sorted(indices, key=lambda i: without[i]))
        if shown == expected:
            continue
        start, end = kept[word.start()], kept[word.end() - 1] + 1
        # A control acts from where it stands to the end of the paragraph (or its closing PDF or
        # PDI): any one before the word's end may be the cause.
        controls = sorted({f"U+{ord(c):04X}" for c in _REORDERING.findall(line, 0, end)})
        # ``expected`` is how the word shows unaltered; the same flip turns ``shown`` into text
        # that reads the way it shows.
        reads = word.group()
        shows_as = shown[::-1] if expected == reads[::-1] and expected != reads else shown
        yield start, end, controls, shows_as


def _visual_positions(line: str) -> list[int]:
    """The display position of each character of ``line`` under the Unicode bidi algorithm, with
    the paragraph's direction taken from its first strong character (as browsers' dir=auto)."""
    bidi = icu.Bidi()
    string = icu.UnicodeString(line)  # ICU keeps a pointer into it: it must outlive the layout
    bidi.setPara(string, icu.Bidi.DEFAULT_LTR)
    by_unit = bidi.getLogicalMap()  # UTF-16 units: a character beyond the BMP is two
    positions, unit = [], 0
    for char in line:
        positions.append(by_unit[unit])
        unit += 2 if ord(char) > 0xFFFF else 1
    return positions
