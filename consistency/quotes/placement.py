"""Which of two identical quotations of a translation is out of place.

A translator who pastes one quotation's words in place of another's leaves the translation
quoting the same words twice, where the source says two different things. The sentence vectors
tell the two apart: taking the quotation out of the sentence that should not hold it brings
that sentence nearer its source, and taking it out of the one it belongs to takes it further.

Only a pair is weighed: a quotation the translation repeats three times or more is a recurring
title or nickname ("Game of Thrones"), which short, repeated words make too noisy to judge.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from .detect import Quote

# How much nearer its source the sentence must come without the quotation (WITHOUT_GAIN), and by
# how much more than its twin's sentence does (OVER_TWIN). Chosen on the quotations of 40
# held-out NTREX articles in 16 directions (bench/NOTES.md, "Quotations pasted twice").
WITHOUT_GAIN = 0.0
OVER_TWIN = 0.02


@dataclass(frozen=True)
class Misplaced:
    quote: int  # index of the out-of-place quotation among the target quotations
    twin: int  # the identical quotation that is in its place
    with_quote: float  # cosine of the sentence(s) holding it to their source, as written
    without_quote: float  # the same with the quotation taken out
    twin_with: float
    twin_without: float

    def to_dict(self) -> dict:
        return {"similarity_to_source": round(self.with_quote, 3),
                "similarity_without_quotation": round(self.without_quote, 3),
                "twin_similarity_to_source": round(self.twin_with, 3),
                "twin_similarity_without_quotation": round(self.twin_without, 3)}


def twins(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Pairs of quotations with the same words (spacing and closing punctuation aside), for
    words quoted exactly twice."""
    seen: dict[str, list[int]] = {}
    for k, quote in enumerate(quotes):
        words = " ".join(quote.text.split()).rstrip(" ,.;:!?。，、")
        if words:
            seen.setdefault(words.casefold(), []).append(k)
    return [(a, b) for group in seen.values() if len(group) == 2 for a, b in (group, group[::-1])]


def misplaced(source: Document, target: Document, beads: list, bead_of: dict[int, int], quotes: list[Quote],
              pairs: list[tuple[int, int]], encoder) -> list[Misplaced]:
    """Of each pair of twins (``twins``), the one whose sentence comes nearer its source without
    it by more than its twin's does. ``beads`` is the sentence alignment; ``bead_of`` maps a
    target sentence to its bead."""
    texts: list[str] = []
    at: dict[int, tuple[int, int, int]] = {}  # quotation -> indices of (source, as written, without) in texts
    for k in sorted({k for pair in pairs for k in pair}):
        bead = beads[bead_of[quotes[k].sentences[0]]]
        if not bead.source or not bead.target or quotes[k].open_mark is None or quotes[k].close_mark is None:
            continue
        start, end = target.sentences[bead.target[0]].start, target.sentences[bead.target[-1]].end
        without = target.text[start:quotes[k].open_mark] + target.text[quotes[k].close_mark + 1:end]
        at[k] = (len(texts), len(texts) + 1, len(texts) + 2)
        texts += [source.text[source.sentences[bead.source[0]].start:source.sentences[bead.source[-1]].end],
                  target.text[start:end], without]
    if not texts or encoder is None:
        return []
    vectors = encoder.embed(texts)
    cosine = {k: (float(vectors[s] @ vectors[w]), float(vectors[s] @ vectors[o])) for k, (s, w, o) in at.items()}
    found = []
    for k, twin in pairs:
        if k not in cosine or twin not in cosine:
            continue
        (with_quote, without), (twin_with, twin_without) = cosine[k], cosine[twin]
        gain, twin_gain = without - with_quote, twin_without - twin_with
        if gain > WITHOUT_GAIN and gain - twin_gain > OVER_TWIN:
            found.append(Misplaced(k, twin, with_quote, without, twin_with, twin_without))
    return found
