"""Part of a passage missing from its translation: an aligned pair whose translation is far
shorter than this article's translations are, and whose words find no counterpart.

Each article calibrates itself: the usual length ratio is the median, over its one-to-one pairs,
of target characters to source characters (so Chinese against English, or German against
English, is judged by its own measure). An article with too few such pairs (a four-line news
item) takes its language pair's ratio measured on faithful translations
(``consistency.calibration.Lengths``), where the pair was measured. A pair whose translation
covers less than the length the source calls for may have lost something: a clause or, where the
alignment folded a dropped sentence into its neighbour's pair (2-1), a whole sentence. Length
alone cannot tell a compression that keeps the meaning from a part left out, so each pair under
``CANDIDATE_COVER`` is also read word by word: the encoder's token vectors align the two sides
(as in ``consistency.word_alignment``), and a part left out leaves a run of source words with no
counterpart. The model's drift detector (``consistency.detector``) weighs the cover, those runs
and the encoder's similarities at its calibrated threshold (one for every language pair, see
``bench.detector``); where the model has none, or a cover is set, a pair is reported below
``cover``. The finding points at the part whose absence best explains what is left: that
sentence, or the clause after (or before) a clause boundary that the translation resembles
least. The lengthened check runs all of this on the pair read the other way round."""
from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from typing import ClassVar, Iterable

import numpy as np

from ..alignment import Bead
from ..calibration import Lengths
from ..document import Sentence
from ..findings import Finding, Span
from ..word_alignment import TokenAlignment
from .base import Check, CheckContext, register

# The length rule, for a model without a detector. Calibrated on faithful NTREX-128 pairs of
# articles outside the benchmark's samples (60 articles, English and 8 languages both ways,
# 14,160 pairs of running text; `make bench-shortened`, bench/NOTES.md): the 0.5 % quantile of
# cover at 40 source characters or more was 0.62, and 0.60 raised 0.33 findings per 100 pairs of
# professional translations (first chosen on 30 of those articles: 0.61 and 0.39). Judged when
# long enough in either language (``long_enough``), the same pairs give 0.61 and 0.44.
COVER = 0.60
# The pairs the detector weighs: a third of a sentence left out leaves a cover near 0.67, and a
# translator's longer line than the article's usual can lift it to 0.9 (bench/NOTES.md).
CANDIDATE_COVER = 0.90
MIN_SOURCE_CHARS = 40  # in the source, or in what the usual ratio makes of it in the translation
MIN_PAIRS = 5  # one-to-one pairs needed before an article's usual ratio means anything
MAX_CANDIDATES = 16  # parts whose absence is weighed by the encoder, the nearest fits first
# Where a clause may end: punctuation of any script, and the dashes that set off an aside.
_BOUNDARY = re.compile(r"[,;:،؛，、；：]\s*|\s[—–-]\s")
# Brackets hold glosses whose presence is a house style, not a translation's content: Korean and
# Chinese news give a foreign name's original in them ("부바 왓슨(Bubba Watson)").
_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")
# A sentence that ends so is running text; headlines, bylines and captions do not, and are
# rewritten to each language's headline style (a noun phrase becomes a sentence, or back). A
# translation is let off this only away from the headline (``judged``).
_SENTENCE_END = re.compile(r"[.!?。！？…؟][\"'”’»」』)\]]*\s*$")


@dataclass
class JudgedPair:
    """One judged pair: the source passage (its sentences joined by a space, and where each
    starts in that text), the translation, and what the check measured of them."""
    bead: Bead
    source_chars: int
    target_chars: int
    ratio: float
    cover: float
    sentences: list[Sentence]
    passage: str
    starts: list[int]
    translation: str
    parts: list[tuple[Span, str]]  # a part that may be missing, and what is left without it
    missing: Span | None = None
    kept_similarity: float | None = None
    similarity: float = 0.0
    features: dict[str, float] | None = None
    probability: float | None = None  # the detector's, where one decided
    ratio_from: str = "article"  # or "language pair": the article had too few one-to-one pairs

    def local(self, span: Span) -> tuple[int, int]:
        """A span of the document, as offsets into ``passage``."""
        k = next(k for k, s in enumerate(self.sentences) if s.index == span.sentence)
        sentence = self.sentences[k]
        return self.starts[k] + span.start - sentence.start, self.starts[k] + span.end - sentence.start


@register
class ShortenedCheck(Check):
    name = "shortened"
    description = "an aligned pair whose translation is far shorter than the article's usual ratio: a clause or sentence left out"
    detector: ClassVar[str] = "shortened"  # whose trained detector and threshold decide

    def __init__(self, cover: float | None = None, min_source_chars: int = MIN_SOURCE_CHARS):
        # None: this model's detector where it has one, else the length rule at COVER. A cover
        # given here chooses the length rule.
        self.cover, self.min_source_chars = cover, min_source_chars
        self.lengths = Lengths.load()

    def settings(self) -> dict:
        settings = {"min_source_chars": self.min_source_chars, "min_pairs": MIN_PAIRS,
                    "short_article_ratios": None if self.lengths is None else self.lengths.file_sha256[:12]}
        if self.cover is None:
            return {"cover": COVER, "candidate_cover": CANDIDATE_COVER,
                    "detector": "the model's, where trained (the signature's calibration.used)", **settings}
        return {"cover": self.cover, **settings}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        detector = context.detector(self.detector) if self.cover is None else None
        below = CANDIDATE_COVER if detector is not None else COVER if self.cover is None else self.cover
        usual, origin = self.length_ratio(context)
        pairs = [_pair(context, bead, source_chars, target_chars, ratio, origin)
                 for bead, source_chars, target_chars, ratio in judged(context.source.sentences,
                                                                       context.target.sentences, context.alignment, usual)
                 if long_enough(source_chars, ratio, self.min_source_chars) and target_chars / (source_chars * ratio) < below]
        if not pairs:
            return
        _measure(context, pairs)
        if detector is not None:
            threshold = context.threshold(self.detector, "detector_threshold", detector.threshold)
            for pair, probability in zip(pairs, detector.probabilities([p.features for p in pairs])):
                pair.probability = float(probability)
            pairs = [p for p in pairs if p.probability > threshold]
        _point(context, pairs)
        for pair in pairs:
            yield self._finding(context, pair)

    def length_ratio(self, context: CheckContext) -> tuple[float | None, str]:
        """Target characters per source character for this article, and where that came from:
        its own one-to-one pairs, else its language pair's measured ratio; None where neither is known."""
        ratio = article_ratio(context.source.sentences, context.target.sentences, context.alignment)
        if ratio is None and self.lengths is not None:
            return self.lengths.ratio(context.source.lang, context.target.lang), "language pair"
        return ratio, "article"

    def _finding(self, context: CheckContext, pair: JudgedPair) -> Finding:
        message = (f"the translation is {pair.cover:.0%} of the length this article's translations give such a passage: "
                   f"{described(context.source, pair, 'source')} seems left out")
        return Finding("omission", "major", 0.6, message, pair.missing, rendering(context, pair), evidence(pair),
                       check=self.name)


def described(document, pair: JudgedPair, side: str) -> str:
    """The part pointed at, as a finding's message names it: a sentence, a part, or part of the passage."""
    span = pair.missing
    if pair.kept_similarity is None:
        return f"part of the {side} “{_short(span.text)}”"  # no one part explains what is left
    if span.text == document.sentences[span.sentence].text:
        return f"the {side} sentence “{_short(span.text)}”"
    return f"the {side} part “{_short(span.text)}”"


def rendering(context: CheckContext, pair: JudgedPair) -> Span:
    """The other side of the pair: the sentences that render the passage."""
    first, last = context.target.sentences[pair.bead.target[0]], context.target.sentences[pair.bead.target[-1]]
    return Span(first.index, first.start, last.end, context.target.text[first.start:last.end])


def evidence(pair: JudgedPair) -> dict:
    """What a finding shows of its pair: the lengths, the passage judged, the part pointed at and
    the measures the detector weighed."""
    span = pair.missing
    details = {"source_chars": pair.source_chars, "target_chars": pair.target_chars, "usual_ratio": round(pair.ratio, 3),
               "usual_ratio_from": pair.ratio_from, "cover": round(pair.cover, 3), "passage": pair.passage,
               "missing": span.text,
               "source_sentences": list(pair.bead.source), "target_sentences": list(pair.bead.target),
               "similarity": round(pair.similarity, 4),
               "similarity_without_it": None if pair.kept_similarity is None else round(pair.kept_similarity, 4),
               "similarity_gain": None if pair.kept_similarity is None else round(pair.kept_similarity - pair.similarity, 4),
               "features": pair.features}
    if pair.probability is not None:
        details["detector_probability"] = round(pair.probability, 4)
    return details


def judged(source: list, target: list, alignment: list[Bead],
           ratio: float | None = None) -> list[tuple[Bead, int, int, float]]:
    """(bead, source length, target length, usual ratio) for each pair of running text the check
    judges, by ``ratio`` or else the article's own; none when neither is known. Running text: the
    source ends as a sentence does, and so does the translation, unless the pair holds neither
    side's first sentence (the headline): away from it, a translation that stops mid-sentence
    where its source ends is what a cut-off translation looks like."""
    source_lengths, target_lengths = [measure(s.text) for s in source], [measure(t.text) for t in target]
    ratio = ratio or usual_ratio(alignment, source_lengths, target_lengths)
    if ratio is None:
        return []
    return [(bead, sum(source_lengths[i] for i in bead.source), sum(target_lengths[j] for j in bead.target), ratio)
            for bead in alignment if bead.source and bead.target and _SENTENCE_END.search(source[bead.source[-1]].text)
            and (_SENTENCE_END.search(target[bead.target[-1]].text) or (0 not in bead.source and 0 not in bead.target))]


def long_enough(source_chars: int, ratio: float, minimum: int = MIN_SOURCE_CHARS) -> bool:
    """Whether a passage is long enough, in either language, for its length to mean something:
    twelve Chinese characters can say what forty English ones do."""
    return max(source_chars, source_chars * ratio) >= minimum


def measure(text: str) -> int:
    """A sentence's length for comparison: characters outside brackets."""
    return len(_BRACKETED.sub("", text))


def article_ratio(source: list, target: list, alignment: list[Bead]) -> float | None:
    """The article's usual ratio (``usual_ratio``) from its sentences; None with too few pairs."""
    return usual_ratio(alignment, [measure(s.text) for s in source], [measure(t.text) for t in target])


def usual_ratio(alignment: list[Bead], source_lengths: list[int], target_lengths: list[int]) -> float | None:
    """Median target/source character ratio over the one-to-one pairs; None with too few."""
    ratios = [target_lengths[b.target[0]] / source_lengths[b.source[0]] for b in alignment
              if len(b.source) == 1 and len(b.target) == 1 and source_lengths[b.source[0]]]
    return statistics.median(ratios) if len(ratios) >= MIN_PAIRS else None


def _pair(context: CheckContext, bead: Bead, source_chars: int, target_chars: int, ratio: float,
          origin: str) -> JudgedPair:
    sentences = [context.source.sentences[i] for i in bead.source]
    starts = [sum(len(s.text) + 1 for s in sentences[:k]) for k in range(len(sentences))]
    parts: list[tuple[Span, str]] = []  # (missing span, what is left)
    if len(sentences) > 1:
        for sentence in sentences:
            rest = " ".join(s.text for s in sentences if s is not sentence)
            parts.append((Span(sentence.index, sentence.start, sentence.end, sentence.text), rest))
    else:
        sentence = sentences[0]
        for boundary in _BOUNDARY.finditer(sentence.text):
            head, tail = sentence.text[:boundary.start()], sentence.text[boundary.end():]
            if head.strip() and tail.strip():
                parts.append((_piece(sentence, boundary.end(), len(sentence.text)), head))
                parts.append((_piece(sentence, 0, boundary.start()), tail))
    return JudgedPair(bead, source_chars, target_chars, ratio, target_chars / (source_chars * ratio), sentences,
                      " ".join(s.text for s in sentences), starts,
                      " ".join(context.target.sentences[j].text for j in bead.target), parts, ratio_from=origin)


def _measure(context: CheckContext, pairs: list[JudgedPair]) -> None:
    """Each pair's similarity and the detector's features, from one pass of the encoder over the
    passages and one over their tokens."""
    texts = sorted({text for p in pairs for text in (p.passage, p.translation)})
    vectors = dict(zip(texts, np.asarray(context.encoder.embed(texts))))
    for pair, tokens in zip(pairs, TokenAlignment.many(context.encoder, [(p.passage, p.translation) for p in pairs])):
        pair.similarity = float(vectors[pair.passage] @ vectors[pair.translation])
        pair.features = _features(pair, tokens)


def _point(context: CheckContext, pairs: list[JudgedPair]) -> None:
    """The part of each reported pair whose absence best explains its translation: of the parts
    that leave about the translation's length, the one whose remainder the encoder finds nearest
    the translation; the whole passage where none does."""
    fitting = {id(p): _fitting(p) for p in pairs}
    texts = sorted({text for p in pairs for text in (p.translation, *(rest for _, rest in fitting[id(p)]))})
    vectors = dict(zip(texts, np.asarray(context.encoder.embed(texts))))
    for pair in pairs:
        if fitting[id(pair)]:
            similarities = [float(vectors[rest] @ vectors[pair.translation]) for _, rest in fitting[id(pair)]]
            best = int(np.argmax(similarities))
            pair.missing, pair.kept_similarity = fitting[id(pair)][best][0], similarities[best]
        else:
            first, last = pair.sentences[0], pair.sentences[-1]
            pair.missing = Span(first.index, first.start, last.end, context.source.text[first.start:last.end])


def _fitting(pair: JudgedPair) -> list[tuple[Span, str]]:
    """The parts whose absence leaves about the translation's length (cover 0.7-1.4), the nearest fits first."""
    fits = {id(span): pair.target_chars / (max(measure(rest), 1) * pair.ratio) for span, rest in pair.parts}
    fitting = [(span, rest) for span, rest in pair.parts if 0.7 <= fits[id(span)] <= 1.4]
    # A sentence with a thousand commas must not cost a thousand encoder passes: the nearest fits.
    return sorted(fitting, key=lambda item: abs(math.log(fits[id(item[0])])))[:MAX_CANDIDATES]


def _features(pair: JudgedPair, tokens: TokenAlignment | None) -> dict[str, float]:
    """What the detector weighs of one pair, none of it naming a language: the cover, the
    encoder's similarity of the two sides, and how much of each side, of its longest unmatched
    run and of its least-matched part finds a counterpart word by word."""
    features = {"cover": pair.cover, "source_length": math.log(pair.source_chars), "similarity": pair.similarity,
                "source_aligned": 0.0, "target_aligned": 0.0, "longest_gap": 1.0,
                "weakest_part_aligned": 0.0, "weakest_part_share": 1.0, "source_match": 0.0, "target_match": 0.0}
    if tokens is not None:
        source_aligned, target_aligned = tokens.aligned()
        widths = np.array([b - a for a, b in tokens.source.offsets], dtype=np.float64)
        target_widths = np.array([b - a for a, b in tokens.target.offsets], dtype=np.float64)
        total = max(widths.sum(), 1.0)
        features["source_aligned"] = float(widths[source_aligned].sum() / total)
        features["target_aligned"] = float(target_widths[target_aligned].sum() / max(target_widths.sum(), 1.0))
        features["longest_gap"] = _longest_run(widths, ~source_aligned) / total
        features["source_match"] = float(np.median(tokens.similarity.max(1)))
        features["target_match"] = float(np.median(tokens.similarity.max(0)))
        weakest = (features["source_aligned"], 1.0)
        for span, _ in pair.parts:
            inside = tokens.source_tokens(*pair.local(span))
            if inside:
                aligned = float(widths[inside][source_aligned[inside]].sum() / max(widths[inside].sum(), 1.0))
                weakest = min(weakest, (aligned, float(widths[inside].sum() / total)))
        features["weakest_part_aligned"], features["weakest_part_share"] = weakest
    return {name: round(float(value), 5) for name, value in features.items()}


def _longest_run(widths: np.ndarray, inside: np.ndarray) -> float:
    """The most characters in one run of consecutive tokens ``inside`` marks."""
    longest = run = 0.0
    for width, marked in zip(widths, inside):
        run = run + width if marked else 0.0
        longest = max(longest, run)
    return longest


def _piece(sentence, start: int, end: int) -> Span:
    text = sentence.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return Span(sentence.index, sentence.start + start, sentence.start + end, sentence.text[start:end])


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
