"""Sentences the alignment left without a counterpart: dropped from, or added to, the translation."""
from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..findings import Finding, Span
from .base import Check, CheckContext, register


@register
class OmissionCheck(Check):
    name = "omission"
    description = "a source sentence with no counterpart (omission) or a target sentence with none (addition)"

    def run(self, context: CheckContext) -> Iterable[Finding]:
        for bead in context.alignment:
            if bead.source and not bead.target:
                for index in bead.source:
                    yield self._finding("omission", context.source, index, context, is_source=True)
            elif bead.target and not bead.source:
                for index in bead.target:
                    yield self._finding("addition", context.target, index, context, is_source=False)

    def _finding(self, category: str, document: Document, index: int, context: CheckContext,
                 is_source: bool) -> Finding:
        sentence = document.sentences[index]
        span = Span(index, sentence.start, sentence.end, sentence.text)
        neighbours = _neighbours(context, index, is_source)
        if is_source:
            message = f"source sentence {index + 1} has no counterpart in the translation"
        else:
            message = f"target sentence {index + 1} translates nothing in the source"
        return Finding(category, "major", 0.8, message,
                       source=span if is_source else None, target=None if is_source else span,
                       details={"between": neighbours}, check=self.name)


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
