"""A statement turned into its opposite: a negation one side of an aligned pair has and the other
lacks ("has not materialised" → "has materialised", or a "not" the source never had).

Two signals, each too weak alone. The cue lexicons (``consistency.negation``) find pairs where
one side holds a grammatical negation and more negations than the other, of any kind or of the
grammatical kind; in professional translations that happens on about 10 sentences in 100
(litotes, "remained high" for "did not weaken", a negation written as a prefix). The encoder
then weighs each such cue: the sentence is read again without it, and the *gain* is how much
nearer the part of the other side that renders the sentence is to that version than to the one
as written. Per pair and side, the cue with the largest gain is judged by the model's drift
detector (``consistency.detector``: the gain with the cue counts and how well the cue's tokens
find a counterpart) at its calibrated threshold; where the model has none, or a margin is
set, it is reported when the gain passes the margin (the pair's, from the model's calibration
file, ``consistency.calibration``, else ``MARGIN``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np

from ..alignment import Bead
from ..document import Document, Sentence
from ..findings import Finding, Span
from ..negation import GRAMMATICAL, Cue, cues, supported, without
from ..segmentation import Segmenter, clause_runs
from ..word_alignment import TokenAlignment
from .base import Check, CheckContext, register

# Calibrated on faithful NTREX-128 pairs of articles outside the benchmark's samples (`make
# bench-negation`, bench/NOTES.md "Negation"): the smallest margin at which no direction of
# professional translations passes 0.5 findings per 100 sentences (0.32 at worst, 0.21 overall).
# It holds for pairs the model's calibration file does not (`make calibrate` applies the same
# rule to each language pair, both directions together).
MARGIN = 0.01
NEIGHBOURHOOD = 15  # characters either side of a cue whose words show where it bears
# Bounds on the encoder's work for one pair, so that a sentence of a thousand clauses or
# negations costs a few passes (far above what running text holds: tested as a hang, not a speed).
MAX_CUES = 8  # cues weighed per side of a pair, in reading order
MAX_UNITS = 48  # parts of the other side weighed against one statement


@dataclass(frozen=True)
class _Side:
    document: Document
    indices: tuple[int, ...]

    @property
    def sentences(self) -> list[Sentence]:
        return [self.document.sentences[i] for i in self.indices]

    def cues(self) -> list[tuple[Sentence, Cue]]:
        return [(s, c) for s in self.sentences for c in cues(s.text, self.document.lang)]

    def units(self) -> list[Span]:
        """The side whole, and each run of one to three clauses in it (single clauses only, or
        none, where there are too many to weigh)."""
        first, last = self.sentences[0], self.sentences[-1]
        text = self.document.text[first.start:last.end]
        return [Span(self.sentence_at(first.start + a), first.start + a, first.start + b, text[a:b])
                for a, b in clause_runs(text, MAX_UNITS)]

    def whole(self) -> Span:
        first, last = self.sentences[0], self.sentences[-1]
        return Span(first.index, first.start, last.end, self.document.text[first.start:last.end])

    def sentence_at(self, offset: int) -> int:
        return next((s.index for s in self.sentences if s.start <= offset < s.end), self.indices[0])


@dataclass
class _Weighed:
    """One cue weighed: the statement holding it, as written and without it, against the part of
    the other side nearest the statement."""
    bead: Bead
    negated: _Side
    other: _Side
    sentence: Sentence
    cue: Cue  # offsets into the sentence
    statement: str  # the sentence, or the one of several a bilingual file's segment holds
    local: Cue  # the cue, offsets into the statement
    variant: str  # the statement without the cue
    rest: str  # the negated side without the statement
    unit: Span | None = None
    similarity: float = 0.0
    gain: float = 0.0
    features: dict[str, float] | None = None  # what the detector weighs (``consistency.detector``)
    probability: float | None = None  # the detector's, where one decided
    tokens: TokenAlignment | None = None  # the statement's tokens against its rendering's


def _weigh(bead: Bead, negated: _Side, other: _Side, sentence: Sentence, cue: Cue, segmenter: Segmenter) -> _Weighed:
    # A bilingual file's segment may hold two sentences that a plain text would have split: the
    # statement is the one holding the cue either way, so both give the same findings.
    start, end = next(((a, b) for a, b, _ in segmenter.spans(sentence.text) if a <= cue.start < b), (0, len(sentence.text)))
    statement = sentence.text[start:end]
    local = Cue(cue.start - start, cue.end - start, cue.text, cue.strength)
    rest = " ".join([s.text for s in negated.sentences if s is not sentence]
                    + [part for part in (sentence.text[:start].strip(), sentence.text[end:].strip()) if part])
    return _Weighed(bead, negated, other, sentence, cue, statement, local,
                    without(statement, local, negated.document.lang), rest)


@register
class NegationCheck(Check):
    name = "negation"
    description = "a negation one side of an aligned pair has and the other lacks: a statement turned into its opposite"

    def __init__(self, margin: float | None = None):
        # None: this model's detector where it has one (``consistency.detector``), else the gain
        # rule at the language pair's calibrated margin, else at MARGIN. A margin given here
        # chooses the gain rule.
        self.margin = margin

    def settings(self) -> dict:
        if self.margin is None:
            return {"margin": MARGIN, "margin_by_pair": "calibrated (the signature's calibration.used)",
                    "detector": "the model's, where trained (the signature's calibration.used)"}
        return {"margin": self.margin}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        if not (supported(context.source.lang) and supported(context.target.lang)):
            return
        detector = context.detector(self.name) if self.margin is None else None
        weighed: list[_Weighed] = []
        segmenters = {side.lang: Segmenter(side.lang) for side in (context.source, context.target)}
        for bead in context.alignment:
            if not bead.source or not bead.target:
                continue
            source, target = _Side(context.source, bead.source), _Side(context.target, bead.target)
            for negated, other in ((source, target), (target, source)):
                weighed += [_weigh(bead, negated, other, sentence, cue, segmenters[negated.document.lang])
                            for sentence, cue in _unmatched(negated.cues(), other.cues())[:MAX_CUES]]
        if not weighed:
            return
        if detector is not None:
            floor = -np.inf  # the detector weighs every pair's best cue
        else:
            floor = self.margin if self.margin is not None else context.threshold(self.name, "margin", MARGIN)
        units = {id(w): w.other.units() if w.rest else [w.other.whole()] for w in weighed}
        texts = sorted({text for w in weighed for text in (w.statement, w.variant, w.rest, *(u.text for u in units[id(w)]))
                        if text})
        vectors = dict(zip(texts, np.asarray(context.encoder.embed(texts))))
        best: dict[tuple, _Weighed] = {}  # per bead and side, the cue whose absence fits best
        for w in weighed:
            w.unit = _rendering(w, units[id(w)], vectors)
            w.similarity = float(vectors[w.statement] @ vectors[w.unit.text])
            w.gain = float(vectors[w.variant] @ vectors[w.unit.text]) - w.similarity
            key = (w.bead.source, w.bead.target, w.negated.document is context.source)
            if w.gain > floor and (key not in best or w.gain > best[key].gain):
                best[key] = w
        chosen = sorted(best.values(), key=lambda w: (w.sentence.start, w.cue.start))
        for w, tokens in zip(chosen, TokenAlignment.many(context.encoder, [(w.statement, w.unit.text) for w in chosen])):
            w.tokens, w.features = tokens, _features(w, tokens)
        if detector is not None:
            threshold = context.threshold(self.name, "detector_threshold", detector.threshold)
            for w, probability in zip(chosen, detector.probabilities([w.features for w in chosen])):
                w.probability = float(probability)
            chosen = [w for w in chosen if w.probability > threshold]
        for w in chosen:
            yield self._finding(context, w)

    def _finding(self, context: CheckContext, w: _Weighed) -> Finding:
        in_source = w.negated.document is context.source
        cue_span = Span(w.sentence.index, w.sentence.start + w.cue.start, w.sentence.start + w.cue.end, w.cue.text)
        if in_source:
            message = f"the source says “{w.cue.text}” here and the translation has no negation: it may say the opposite"
        else:
            message = f"the translation adds “{w.cue.text}”, a negation the source does not have: it may say the opposite"
        details = {"cue": w.cue.text, "side": "source" if in_source else "target",
                   "statement": w.statement, "without_cue": w.variant, "compared_with": w.unit.text,
                   "other_side_cues": [c.text for _, c in w.other.cues()],
                   "similarity": round(w.similarity, 4), "similarity_without_cue": round(w.similarity + w.gain, 4),
                   "gain": round(w.gain, 4), "features": w.features}
        if w.probability is not None:
            details["detector_probability"] = round(w.probability, 4)
        where = _counterpart(w)
        source, target = (cue_span, where) if in_source else (where, cue_span)
        return Finding("meaning", "critical", 0.6, message, source, target, details, check=self.name)


def _rendering(w: _Weighed, units: list[Span], vectors: dict[str, np.ndarray]) -> Span:
    """The part of the other side that renders the statement: the side whole when the statement
    is all of its side; else the clauses nearest the statement (with and without the cue alike,
    so that the choice leans to neither reading) and farthest from the rest of its side, which
    the rest of the other side renders."""
    if len(units) == 1:
        return units[0]
    both, rest = vectors[w.statement] + vectors[w.variant], vectors[w.rest]
    return max(units, key=lambda u: float(both @ vectors[u.text]) / 2 - float(rest @ vectors[u.text]))


def _features(w: _Weighed, tokens: TokenAlignment | None) -> dict[str, float]:
    """What the detector weighs of one cue, none of it naming a language or a side, so that it
    carries to pairs it was not trained on: the encoder's view of the statement with and without
    the cue, the cue counts of the two sides, and how well the cue's own tokens find a
    counterpart in the other side against how well the statement's other tokens do."""
    negated, other = w.negated.cues(), w.other.cues()
    grammatical = sum(c.strength == GRAMMATICAL for _, c in negated)
    other_grammatical = sum(c.strength == GRAMMATICAL for _, c in other)
    features = {"gain": w.gain, "similarity": w.similarity,
                "cue_excess": len(negated) - len(other), "grammatical_excess": grammatical - other_grammatical,
                "other_grammatical": other_grammatical, "other_lexical": len(other) - other_grammatical,
                "statement_share": len(w.statement) / max(1, len(w.negated.whole().text)),
                "unit_share": len(w.unit.text) / max(1, len(w.other.whole().text)),
                "cue_match": 0.0, "token_match": 0.0, "cue_mutual": 0.0}
    if tokens is not None:
        best = tokens.similarity.max(1)
        inside = tokens.source_tokens(w.local.start, w.local.end)
        if inside:
            features["cue_match"] = float(best[inside].max())
            features["cue_mutual"] = len(tokens.mutual(w.local.start, w.local.end)) / len(inside)
        features["token_match"] = float(np.median(best))
    return {name: round(float(value), 5) for name, value in features.items()}


def _unmatched(negated: list[tuple[Sentence, Cue]], other: list[tuple[Sentence, Cue]]) -> list[tuple[Sentence, Cue]]:
    """The grammatical cues of one side when it holds more negations of any kind than the other
    side, or more grammatical ones; none otherwise. Kinds are not matched one to one: a
    translator writes "refused" for "did not agree", or "did not allow" for "prevented", and
    the encoder tells those from a flip. But a lexical cue is no proof that the other side's
    "not" has a counterpart: it may be another word of the sentence ("without", "unknown")."""
    grammatical = [(s, c) for s, c in negated if c.strength == GRAMMATICAL]
    if len(negated) > len(other) or len(grammatical) > sum(c.strength == GRAMMATICAL for _, c in other):
        return grammatical
    return []


def _counterpart(w: _Weighed) -> Span:
    """Where the other side renders what the cue bears on: the words the encoder aligns, both
    ways, with the cue and the words around it; else the part of the other side compared."""
    unit, alignment = w.unit, w.tokens
    if alignment is None:
        return unit
    window = (max(0, w.local.start - NEIGHBOURHOOD), min(len(w.statement), w.local.end + NEIGHBOURHOOD))
    aligned = sorted(j for j, _ in alignment.mutual(*window))
    if not aligned:
        return unit
    start, end = int(alignment.target.offsets[aligned[0]][0]), int(alignment.target.offsets[aligned[-1]][1])
    if end - start > 3 * NEIGHBOURHOOD:  # words aligned far apart point at no one place
        return unit
    start, end = _whole_words(unit.text, start, end)
    return Span(w.other.sentence_at(unit.start + start), unit.start + start, unit.start + end, unit.text[start:end])


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widened to whole words where the script spaces them (not Chinese or Japanese, whose runs of
    letters are whole clauses)."""
    def inside(char: str) -> bool:
        return char.isalnum() and not ("\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")

    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end
