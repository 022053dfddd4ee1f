"""Part of a translation that renders nothing in the source: the shortened check read the other
way round.

A sentence or clause added to a translation and folded by the alignment into its neighbour's
pair (1-2), or appended to a translated sentence, leaves the translation far longer than this
article's usual ratio calls for, and leaves a run of the translation's words with no
counterpart in the source. That is what the shortened check measures of a passage left out,
with the two sides exchanged; its measures name neither language nor side, so the same trained
detector, at the same threshold, decides (``bench.detector --check shortened`` measures it on
planted insertions as well as drops)."""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding
from .base import CheckContext, register
from .shortened import JudgedPair, ShortenedCheck, described, evidence, rendering

# The finding's evidence, named as the pair really stands (source → translation), not as read.
_EXCHANGED = {"source_chars": "target_chars", "target_chars": "source_chars",
              "source_sentences": "target_sentences", "target_sentences": "source_sentences",
              "passage": "translation_passage", "missing": "added"}


@register
class LengthenedCheck(ShortenedCheck):
    name = "lengthened"
    description = "an aligned pair whose translation is far longer than the article's usual ratio: a clause or sentence added"

    def run(self, context: CheckContext) -> Iterable[Finding]:
        yield from super().run(context.mirrored())

    def _finding(self, context: CheckContext, pair: JudgedPair) -> Finding:
        # ``context`` is mirrored: its source is the translation, its target the article's source.
        message = (f"the translation is {1 / pair.cover:.0%} of the length this article's translations give such a "
                   f"passage: {described(context.source, pair, 'target')} seems added")
        details = {_EXCHANGED.get(key, key): value for key, value in evidence(pair).items()}
        details["usual_ratio"] = round(1 / pair.ratio, 3)  # target characters per source character, as in shortened
        # "cover" stays as the detector read it: the source's length over what the translation calls for.
        return Finding("addition", "major", 0.6, message, rendering(context, pair), pair.missing, details,
                       check=self.name)
