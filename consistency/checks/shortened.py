"""Part of a passage missing from its translation: an aligned pair whose translation is far
shorter than this article's translations are.

Each article calibrates itself: the usual length ratio is the median, over its one-to-one
pairs, of target characters to source characters (so Chinese against English, or German
against English, is judged by its own measure). A pair whose translation covers less than
``cover`` of the length the source calls for has lost something: a clause or, where the
alignment folded a dropped sentence into its neighbour's pair (2-1), a whole sentence. The
finding points at the part whose absence best explains what is left: that sentence, or the
clause after (or before) a clause boundary that the translation resembles least."""
from __future__ import annotations

import math
import re
import statistics
from typing import Iterable

import numpy as np

from ..alignment import Bead
from ..findings import Finding, Span
from .base import Check, CheckContext, register

# Calibrated on faithful NTREX-128 pairs of articles outside the benchmark's samples (30
# articles, English and 8 languages both ways, 7,006 pairs of running text; `make
# bench-shortened`, bench/NOTES.md): the 0.5 % quantile of cover at 40 source characters or more
# is 0.61, and 0.60 raises 0.39 findings per 100 pairs of professional translations.
COVER = 0.60
MIN_SOURCE_CHARS = 40
MIN_PAIRS = 5  # one-to-one pairs needed before an article's usual ratio means anything
MAX_CANDIDATES = 16  # parts whose absence is weighed by the encoder, the nearest fits first
# Where a clause may end: punctuation of any script, and the dashes that set off an aside.
_BOUNDARY = re.compile(r"[,;:،؛，、；：]\s*|\s[—–-]\s")
# Brackets hold glosses whose presence is a house style, not a translation's content: Korean and
# Chinese news give a foreign name's original in them ("부바 왓슨(Bubba Watson)").
_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")
# A sentence that ends so is running text; headlines, bylines and captions do not, and are
# rewritten to each language's headline style (a noun phrase becomes a sentence, or back).
_SENTENCE_END = re.compile(r"[.!?。！？…؟][\"'”’»」』)\]]*\s*$")


@register
class ShortenedCheck(Check):
    name = "shortened"
    description = "an aligned pair whose translation is far shorter than the article's usual ratio: a clause or sentence left out"

    def __init__(self, cover: float = COVER, min_source_chars: int = MIN_SOURCE_CHARS):
        self.cover, self.min_source_chars = cover, min_source_chars

    def settings(self) -> dict:
        return {"cover": self.cover, "min_source_chars": self.min_source_chars, "min_pairs": MIN_PAIRS}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        for bead, source_chars, target_chars, ratio in judged(context.source.sentences, context.target.sentences,
                                                              context.alignment):
            cover = target_chars / (source_chars * ratio)
            if source_chars >= self.min_source_chars and cover < self.cover:
                yield self._finding(context, bead, source_chars, target_chars, ratio, cover)

    def _finding(self, context: CheckContext, bead: Bead, source_chars: int, target_chars: int, ratio: float,
                 cover: float) -> Finding:
        document = context.source
        translation = " ".join(context.target.sentences[j].text for j in bead.target)
        span, kept_similarity = _missing_part(context, bead, translation, target_chars, ratio)
        gain = None  # how much nearer the translation the source is without that part than whole
        if kept_similarity is not None:
            vectors = context.encoder.embed([translation, " ".join(document.sentences[i].text for i in bead.source)])
            gain = kept_similarity - float(np.asarray(vectors[0]) @ np.asarray(vectors[1]))
        first, last = context.target.sentences[bead.target[0]], context.target.sentences[bead.target[-1]]
        target_span = Span(first.index, first.start, last.end, context.target.text[first.start:last.end])
        if span.end - span.start == document.sentences[bead.source[-1]].end - document.sentences[bead.source[0]].start:
            what = f"part of the source “{_short(span.text)}” seems left out"  # no one part explains what is left
        elif span.text == document.sentences[span.sentence].text:
            what = f"the source sentence “{_short(span.text)}” seems left out"
        else:
            what = f"the source part “{_short(span.text)}” seems left out"
        message = f"the translation is {cover:.0%} of the length this article's translations give such a passage: {what}"
        details = {"source_chars": source_chars, "target_chars": target_chars, "usual_ratio": round(ratio, 3),
                   "cover": round(cover, 3), "missing": span.text,
                   "similarity_without_it": None if kept_similarity is None else round(kept_similarity, 4),
                   "similarity_gain": None if gain is None else round(gain, 4)}
        return Finding("omission", "major", 0.6, message, span, target_span, details, check=self.name)


def judged(source: list, target: list, alignment: list[Bead]) -> list[tuple[Bead, int, int, float]]:
    """(bead, source length, target length, the article's usual ratio) for each pair of running
    text (both sides end as sentences do) the check judges; none when the ratio is unknown."""
    source_lengths, target_lengths = [measure(s.text) for s in source], [measure(t.text) for t in target]
    ratio = usual_ratio(alignment, source_lengths, target_lengths)
    if ratio is None:
        return []
    return [(bead, sum(source_lengths[i] for i in bead.source), sum(target_lengths[j] for j in bead.target), ratio)
            for bead in alignment if bead.source and bead.target
            and _SENTENCE_END.search(source[bead.source[-1]].text) and _SENTENCE_END.search(target[bead.target[-1]].text)]


def measure(text: str) -> int:
    """A sentence's length for comparison: characters outside brackets."""
    return len(_BRACKETED.sub("", text))


def usual_ratio(alignment: list[Bead], source_lengths: list[int], target_lengths: list[int]) -> float | None:
    """Median target/source character ratio over the one-to-one pairs; None with too few."""
    ratios = [target_lengths[b.target[0]] / source_lengths[b.source[0]] for b in alignment
              if len(b.source) == 1 and len(b.target) == 1 and source_lengths[b.source[0]]]
    return statistics.median(ratios) if len(ratios) >= MIN_PAIRS else None


def _missing_part(context: CheckContext, bead: Bead, translation: str, target_chars: int,
                  ratio: float) -> tuple[Span, float | None]:
    """The source span whose absence best explains the translation: of the candidates that leave
    about the translation's length (cover 0.7-1.4), the one whose remainder the encoder finds
    nearest the translation."""
    sentences = context.source.sentences
    candidates: list[tuple[Span, str]] = []  # (missing span, what is left)
    if len(bead.source) > 1:
        for i in bead.source:
            rest = " ".join(sentences[k].text for k in bead.source if k != i)
            candidates.append((Span(i, sentences[i].start, sentences[i].end, sentences[i].text), rest))
    else:
        sentence = sentences[bead.source[0]]
        for boundary in _BOUNDARY.finditer(sentence.text):
            head, tail = sentence.text[:boundary.start()], sentence.text[boundary.end():]
            if head.strip() and tail.strip():
                candidates.append((_piece(sentence, boundary.end(), len(sentence.text)), head))
                candidates.append((_piece(sentence, 0, boundary.start()), tail))
    fits = {id(span): target_chars / (max(measure(rest), 1) * ratio) for span, rest in candidates}
    fitting = [(span, rest) for span, rest in candidates if 0.7 <= fits[id(span)] <= 1.4]
    # A sentence with a thousand commas must not cost a thousand encoder passes: the nearest fits.
    fitting = sorted(fitting, key=lambda item: abs(math.log(fits[id(item[0])])))[:MAX_CANDIDATES]
    if not fitting:  # no one part explains it: the whole passage is what the finding shows
        first, last = sentences[bead.source[0]], sentences[bead.source[-1]]
        return Span(first.index, first.start, last.end, context.source.text[first.start:last.end]), None
    vectors = context.encoder.embed([translation] + [rest for _, rest in fitting])
    similarities = np.asarray(vectors[1:]) @ np.asarray(vectors[0])
    best = int(np.argmax(similarities))
    return fitting[best][0], float(similarities[best])


def _piece(sentence, start: int, end: int) -> Span:
    text = sentence.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return Span(sentence.index, sentence.start + start, sentence.start + end, sentence.text[start:end])


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
