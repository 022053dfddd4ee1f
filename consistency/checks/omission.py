"""Sentences the alignment left without a counterpart: dropped from, or added to, the translation.

Severity follows what was lost: a dropped sentence holding a quotation, a figure or a name is
critical (a statement, an amount or a person gone), any other major. An added sentence is
critical when it holds a quotation (words put in someone's mouth), else major. Each finding
lists what its sentence holds, so an editor sees at once why it is critical."""
from __future__ import annotations

from typing import Iterable

from .. import figures
from ..document import Document
from ..findings import Finding, Span
from ..names.search import side_of
from ..quotes import find_quotes
from .base import Check, CheckContext, register


@register
class OmissionCheck(Check):
    name = "omission"
    description = "a source sentence with no counterpart (omission) or a target sentence with none (addition)"

    def run(self, context: CheckContext) -> Iterable[Finding]:
        contents = {}  # per side, built only when a sentence is unaligned
        for bead in context.alignment:
            if bead.source and not bead.target:
                for index in bead.source:
                    yield self._finding("omission", context.source, index, context, is_source=True, contents=contents)
            elif bead.target and not bead.source:
                for index in bead.target:
                    yield self._finding("addition", context.target, index, context, is_source=False, contents=contents)

    def _finding(self, category: str, document: Document, index: int, context: CheckContext,
                 is_source: bool, contents: dict) -> Finding:
        sentence = document.sentences[index]
        span = Span(index, sentence.start, sentence.end, sentence.text)
        neighbours = _neighbours(context, index, is_source)
        if is_source not in contents:
            other = context.target if is_source else context.source
            contents[is_source] = Contents(document, "source" if is_source else "target", other.lang)
        holds = contents[is_source].of(index)
        if is_source:
            message = f"source sentence {index + 1} has no counterpart in the translation"
        else:
            message = f"target sentence {index + 1} translates nothing in the source"
        if holds:
            message += ": it holds " + "; ".join(f"{kind[:-1] if len(items) == 1 else kind} {', '.join(items)}"
                                                  for kind, items in holds.items())
        critical = bool(holds) if is_source else "quotations" in holds
        return Finding(category, "critical" if critical else "major", 0.8, message,
                       source=span if is_source else None, target=None if is_source else span,
                       details={"between": neighbours, "holds": holds}, check=self.name)


class Contents:
    """What each sentence of a document holds that an editor must not lose: quotations (as
    ``quotes`` finds them), figures (those that may raise a finding, not "two" or a month) and
    names (in scripts whose capitals set names apart; elsewhere names are found only against
    the other side, which an unaligned sentence does not have)."""

    def __init__(self, document: Document, which: str, other_lang: str):
        self.document = document
        self.quotes = find_quotes(document)
        self.names = side_of(document, which, other_lang).names

    def of(self, index: int) -> dict[str, list[str]]:
        sentence = self.document.sentences[index]
        holds = {
            "quotations": [_as_written(self.document.text, q) for q in self.quotes
                           if index in q.sentences and q.depth == 0],
            "figures": [f.text for f in figures.extract(sentence.text, self.document.lang) if not f.soft],
            "names": [] if self.names is None else _unique(n.phrase or n.text for n in self.names.get(index, [])
                                                           if n.soft is None),
        }
        return {kind: items for kind, items in holds.items() if items}


def _as_written(text: str, quote) -> str:
    """The quotation with its own marks, where it has both."""
    if quote.open_mark is None or quote.close_mark is None:
        return quote.text
    return text[quote.open_mark:quote.close_mark + 1]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _neighbours(context: CheckContext, index: int, is_source: bool) -> dict:
    """The other side's sentences just before and after the gap, to show where it belongs."""
    side = (lambda bead: bead.source) if is_source else (lambda bead: bead.target)
    other = (lambda bead: bead.target) if is_source else (lambda bead: bead.source)
    before = after = None
    for bead in context.alignment:
        if other(bead) and side(bead) and max(side(bead)) < index:
            before = max(other(bead))
        if other(bead) and side(bead) and min(side(bead)) > index and after is None:
            after = min(other(bead))
    return {"before": before, "after": after}
