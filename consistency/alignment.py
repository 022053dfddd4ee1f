"""Stage 3, Alignment: pair source and target sentences into beads (1-1, 1-2, 2-1, 2-2, 1-0, 0-1 …).

The Bertalign/Vecalign recipe over the encoder's vectors:

1. Embed every sentence and every run of up to ``max_block`` consecutive sentences on each
   side (the vector of a merged run is the encoder's, not an average).
2. Normalise similarities per document. Small multilingual encoders squeeze cosines into a
   narrow band (for multilingual-e5-small, unrelated sentences score about 0.78, translations
   about 0.9), and where that band sits depends on the language pair; so each cosine is
   rescaled to 0 for "like a random pair of this document" and 1 for "like this
   document's typical best match".
3. Find anchors (mutual nearest neighbours, kept monotone by a longest increasing
   subsequence), and restrict the search to a band around the path they trace: the DP then
   costs O((n + m) · band) instead of O(n · m).
4. Dynamic programming maximising the summed bead scores, where a bead's score is its
   normalised similarity times a length-agreement factor (log2(1 + short/long), Bertalign's,
   with target lengths scaled by the article's ratio: the median over the anchors) times, for
   beads merged on both sides, a coverage factor (every sentence in the bead must match the
   other side's block; otherwise an omission beside an addition passes for 2-2), and an
   unaligned sentence scores ``skip``.
5. A member of a 2-1 or 1-2 bead that no part of the other side renders is taken out (the DP
   folds a dropped or inserted sentence into its neighbour's bead where that evens the
   lengths): no clause there resembles it, or, word by word, its tokens find no counterpart;
   then an unaligned sentence joins a neighbouring bead whose match it does not lower (a
   translator split a sentence into three; a fragment of a mis-split sentence).
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .encoders.base import Encoder
from .segmentation import clause_runs
from .word_alignment import TokenAlignment


@dataclass(frozen=True)
class Bead:
    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float

    def to_dict(self) -> dict:
        return {"source": list(self.source), "target": list(self.target), "score": round(self.score, 4)}


@dataclass(frozen=True)
class AlignmentSettings:
    max_block: int = 2  # runs of up to this many sentences on one side of a bead
    skip: float = -0.1  # score of leaving a sentence unaligned
    band: int = 8  # half-width of the search band around the anchor path, in sentences
    anchor_min: float = 0.5  # normalised similarity an anchor needs
    coverage_min: float = 0.3  # each sentence of a 2-2 bead must match the other side this well
    absorb_min: float = 0.0  # an unaligned sentence joins a neighbour bead it does not make worse
    absorb_run: int = 2  # up to this many unaligned sentences in a row join a bead together
    # A 2-1 member is taken out when no run of clauses of the other side matches it better than
    # this (normalised: 0 is this document's unrelated pair) and the bead matches better without it.
    detach_below: float = 0.1
    # A 2-1 member is also taken out when, read word by word against the other side (SimAlign's
    # argmax over the encoder's token vectors), less than this share of its characters finds a
    # counterpart: a dropped sentence on the same topic as its neighbour can still resemble the
    # other side as a whole, but its words find none there. Judged only for a member of at least
    # ``detach_min_chars`` in either language: a dash or an "Oh, no." gives too few words to read.
    detach_aligned_below: float = 0.15
    detach_min_chars: int = 20
    # Members from two paragraphs need more of their words found: a translator often joins two
    # sentences of a paragraph into one, rarely two paragraphs, and a dropped sentence at a
    # paragraph's edge that the DP folds into the next paragraph's pair keeps a quarter or a
    # third of its characters aligned by topic alone (translated members there: half or more).
    detach_aligned_across_paragraphs: float = 0.35

    def bead_shapes(self) -> list[tuple[int, int]]:
        shapes = [(a, b) for a in range(1, self.max_block + 1) for b in range(1, self.max_block + 1)]
        return shapes + [(1, 0), (0, 1)]


class BlockVectors:
    """Unit vectors of every run of 1..max_block consecutive sentences of one side."""

    def __init__(self, encoder: Encoder, sentences: Sequence[str], max_block: int, joiner: str = " "):
        texts, self.index = [], {}
        for size in range(1, max_block + 1):
            for start in range(0, len(sentences) - size + 1):
                self.index[(start, size)] = len(texts)
                texts.append(joiner.join(sentences[start : start + size]))
        self.vectors = encoder.embed(texts) if texts else np.zeros((0, encoder.dim), np.float32)
        self.lengths = np.array([len(s) for s in sentences], dtype=np.float64)

    def vector(self, start: int, size: int) -> np.ndarray:
        return self.vectors[self.index[(start, size)]]

    def singles(self, count: int) -> np.ndarray:
        return self.vectors[:count]


class Aligner:
    def __init__(self, encoder: Encoder, settings: AlignmentSettings = AlignmentSettings()):
        self.encoder = encoder
        self.settings = settings

    def align(self, source: Sequence[str], target: Sequence[str],
              source_joiner: str = " ", target_joiner: str = " ",
              paragraphs: tuple[Sequence[int], Sequence[int]] | None = None) -> list[Bead]:
        """Beads over the two sides' sentences. ``paragraphs``: each sentence's paragraph number on
        either side, where the text has paragraphs (None: input given a sentence a line)."""
        n, m = len(source), len(target)
        if n == 0 or m == 0:
            return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
        block = self.settings.max_block
        src = BlockVectors(self.encoder, source, block, source_joiner)
        tgt = BlockVectors(self.encoder, target, block, target_joiner)
        similarity = src.singles(n) @ tgt.singles(m).T
        scale = Normaliser.fit(similarity)
        anchors = find_anchors(scale(similarity), self.settings)
        window = band_around_anchors(anchors, n, m, self.settings)
        char_ratio = length_ratio(src.lengths, tgt.lengths, anchors)
        beads = self._search(src, tgt, n, m, scale, window, char_ratio)
        unrendered = self._unrendered_members(beads, source, target, source_joiner, target_joiner, char_ratio,
                                              paragraphs)
        beads = self._detach(beads, source, target, source_joiner, target_joiner, scale, unrendered)
        return self._absorb(beads, source, target, source_joiner, target_joiner, scale, unrendered,
                            char_ratio, paragraphs)

    def score_pairing(self, source: Sequence[str], target: Sequence[str],
                      pairing: Sequence[tuple[int | None, int | None]]) -> list[Bead]:
        """Beads for a pairing given by a bilingual file (one sentence a side, or none on one),
        scored as ``align`` scores them: a pair by its normalised similarity (0 like an
        unrelated pair of this document, 1 like its typical match), a one-sided bead by
        ``skip``. Nothing is re-aligned: the file's translator made the pairs."""
        if source and target:  # else every bead is one-sided and nothing is compared
            similarity = self.encoder.embed(list(source)) @ self.encoder.embed(list(target)).T
            scale = Normaliser.fit(similarity)
        beads = []
        for i, j in pairing:
            if i is None or j is None:
                beads.append(Bead(() if i is None else (i,), () if j is None else (j,), self.settings.skip))
            else:
                beads.append(Bead((i,), (j,), float(scale(similarity[i, j]))))
        return beads

    def _bead_similarity(self, source, target, source_joiner, target_joiner, scale):
        """similarity(source indices, target indices): each run embedded as one text, normalised."""
        def similarity(bead_source, bead_target) -> float:
            return scale(float(_joined(self.encoder, source, bead_source, source_joiner)
                               @ _joined(self.encoder, target, bead_target, target_joiner)))
        return similarity

    def _unrendered_members(self, beads, source, target, source_joiner, target_joiner, char_ratio: float,
                            paragraphs: tuple[Sequence[int], Sequence[int]] | None) -> dict[tuple[str, int], int]:
        """("source" | "target", index) of each 2-1 or 1-2 member whose words the other side
        does not render, mapped to the other side's sentence it was read against: under
        ``detach_aligned_below`` of its characters aligned both ways with that sentence's
        tokens (``detach_aligned_across_paragraphs`` for members of two paragraphs), read with
        its neighbour, as the bead joins them (the neighbour's words then claim their
        counterparts). At most one a bead, the least aligned."""
        merged, pairs = [], []
        for bead in beads:
            if sorted((len(bead.source), len(bead.target))) != [1, 2]:
                continue
            side, members, texts, joiner = (("source", bead.source, source, source_joiner) if len(bead.source) == 2
                                            else ("target", bead.target, target, target_joiner))
            readable = self._readable(side, members, texts, char_ratio)
            if not readable:
                continue
            other = bead.target[0] if side == "source" else bead.source[0]
            merged.append((side, members, texts, joiner, readable, other, self._words_needed(side, members, paragraphs)))
            pairs.append((joiner.join(texts[k] for k in members), target[other] if side == "source" else source[other]))
        unrendered = {}
        for (side, members, texts, joiner, readable, other, threshold), tokens in zip(
                merged, TokenAlignment.many(self.encoder, pairs)):
            if tokens is None:
                continue
            share, member = min((share, k) for k, share in _member_shares(tokens, members, texts, joiner, readable).items())
            if share < threshold:
                unrendered[(side, member)] = other
        return unrendered

    def _words_needed(self, side: str, members: Sequence[int],
                      paragraphs: tuple[Sequence[int], Sequence[int]] | None) -> float:
        """The share of its characters a member of a merged bead must have aligned word by word."""
        numbers = None if paragraphs is None else paragraphs[0 if side == "source" else 1]
        across = numbers is not None and len({numbers[k] for k in members}) > 1
        return self.settings.detach_aligned_across_paragraphs if across else self.settings.detach_aligned_below

    def _unrendered_in(self, side: str, bead_source: tuple[int, ...], bead_target: tuple[int, ...],
                       sides, char_ratio: float, paragraphs) -> set[int]:
        """The members of one side of a bead (source, target) with too few of their words aligned
        with the bead's other side, read together as the bead joins them; a member too short to
        read, or a side without tokens, passes."""
        (source, source_joiner), (target, target_joiner) = sides
        members, other = (bead_source, bead_target) if side == "source" else (bead_target, bead_source)
        texts, joiner = (source, source_joiner) if side == "source" else (target, target_joiner)
        other_texts, other_joiner = (target, target_joiner) if side == "source" else (source, source_joiner)
        readable = self._readable(side, members, texts, char_ratio)
        tokens = readable and TokenAlignment.of(self.encoder, joiner.join(texts[k] for k in members),
                                                other_joiner.join(other_texts[k] for k in other))
        if not tokens:
            return set()
        needed = self._words_needed(side, members, paragraphs)
        return {k for k, share in _member_shares(tokens, members, texts, joiner, readable).items() if share < needed}

    def _readable(self, side: str, members: Sequence[int], texts: Sequence[str], char_ratio: float) -> list[int]:
        """The members long enough to read word by word, in their language or in the other one's
        length (char_ratio is source characters per target one)."""
        to_other = 1 / char_ratio if side == "source" else char_ratio
        return [k for k in members if max(len(texts[k]), len(texts[k]) * to_other) >= self.settings.detach_min_chars]

    def _detach(self, beads, source, target, source_joiner, target_joiner, scale,
                unrendered: dict[tuple[str, int], int]) -> list[Bead]:
        """Take out of a 2-1 or 1-2 bead a member that nothing on the other side renders: its
        words find no counterpart there (``unrendered``), or no run of the other sentence's
        clauses matches it better than ``detach_below`` and the bead matches better without it.
        The DP weighs similarity against length agreement, so where the two sides of a pair
        disagree in length, a dropped (or inserted) sentence beside the shorter side evens them
        and is folded in. A sentence a translator joined to its neighbour is a clause of the
        other side and stays, however short."""
        similarity = self._bead_similarity(source, target, source_joiner, target_joiner, scale)
        result = []
        for bead in beads:
            if sorted((len(bead.source), len(bead.target))) != [1, 2]:
                result.append(bead)
                continue
            merged_source = len(bead.source) == 2
            members, texts = (bead.source, source) if merged_source else (bead.target, target)
            single = target[bead.target[0]] if merged_source else source[bead.source[0]]
            side = "source" if merged_source else "target"

            def without(member):  # (the bead's similarity without ``member``, the members left)
                rest = tuple(k for k in members if k != member)
                return similarity(rest, bead.target) if merged_source else similarity(bead.source, rest), rest

            detached = next(((member, *without(member)) for member in members if (side, member) in unrendered), None)
            if detached is None:
                whole, units = similarity(bead.source, bead.target), None  # this and ``kept``: vectors the DP made
                for member in members:
                    kept, rest = without(member)
                    if kept <= whole or (detached is not None and kept <= detached[1]):
                        continue
                    if units is None:  # the clauses are embedded only for a bead that is better without a member
                        units = self.encoder.embed([single[a:b] for a, b in clause_runs(single)])
                    vector = self.encoder.embed([texts[member]])[0]
                    if max(scale(float(vector @ unit)) for unit in units) < self.settings.detach_below:
                        detached = (member, kept, rest)
            if detached is None:
                result.append(bead)
                continue
            member, kept, rest = detached
            orphan = Bead((member,), (), self.settings.skip) if merged_source else Bead((), (member,), self.settings.skip)
            pair = Bead(rest, bead.target, kept) if merged_source else Bead(bead.source, rest, kept)
            result += [orphan, pair] if member < rest[0] else [pair, orphan]
        return result

    def _absorb(self, beads, source, target, source_joiner, target_joiner, scale,
                unrendered: dict[tuple[str, int], int], char_ratio: float,
                paragraphs: tuple[Sequence[int], Sequence[int]] | None) -> list[Bead]:
        """Give each unaligned sentence to a neighbouring bead when the bead, with the sentence
        attached, matches its other side at least as well: then the sentence's content is there
        (a translator split one sentence into three, a segmentation fragment), and calling it
        omitted or added would be a false alarm. The DP's beads stop at two sentences a side.
        A sentence taken out because its words find no counterpart in a sentence does not go back
        to that sentence's bead: a sentence on its neighbour's topic can lift the bead's
        similarity without being translated (the other neighbour may take it: the DP may have
        paired the wrong sentences). Nor does a sentence join a bead whose other side does not
        render its words, by the rule a merged bead's members are held to: the DP leaves
        unaligned a dropped sentence that opens a paragraph, and the bead of the paragraph before
        can take it in without losing similarity. Where the words say the bead's own sentence
        is the one not rendered and the unaligned one is, the two change places: the DP paired
        the dropped one of two neighbours, by length and topic, and left the translated one over.
        Two unaligned sentences in a row may join a bead together: a translator split a sentence
        into three, the DP paired one piece, and neither piece left over lifts the bead alone."""
        similarity = self._bead_similarity(source, target, source_joiner, target_joiner, scale)
        sides = ((source, source_joiner), (target, target_joiner))
        beads, unrendered = list(beads), dict(unrendered)
        k = 0
        while k < len(beads):
            bead = beads[k]
            if bead.source and bead.target:
                k += 1
                continue
            side = "source" if bead.source else "target"
            run = [k]  # unaligned sentences in a row on this side join a bead together
            while (len(run) < self.settings.absorb_run and run[-1] + 1 < len(beads)
                   and not (beads[run[-1] + 1].source and beads[run[-1] + 1].target)
                   and bool(beads[run[-1] + 1].source) == (side == "source")):
                run.append(run[-1] + 1)
            options = []
            for size in range(1, len(run) + 1):
                orphans = [(beads[b].source or beads[b].target)[0] for b in run[:size]]
                for neighbour in (k - 1, k + size):
                    if not (0 <= neighbour < len(beads) and beads[neighbour].source and beads[neighbour].target):
                        continue
                    other = beads[neighbour]
                    if any(unrendered.get((side, i)) in (other.target if side == "source" else other.source)
                           for i in orphans):
                        continue
                    merged_source = tuple(sorted(other.source + (tuple(orphans) if side == "source" else ())))
                    merged_target = tuple(sorted(other.target + (tuple(orphans) if side == "target" else ())))
                    before = similarity(other.source, other.target)
                    after = similarity(merged_source, merged_target)
                    if after - before < self.settings.absorb_min:
                        continue
                    span = (min(k, neighbour), max(k + size - 1, neighbour))
                    weak = self._unrendered_in(side, merged_source, merged_target, sides, char_ratio, paragraphs)
                    if not weak:
                        options.append((after - before, span, [Bead(merged_source, merged_target, after)], None))
                        continue
                    swapped = weak.pop()
                    # Each sentence is swapped out once at most, so the loop ends.
                    if size == 1 and not weak and swapped not in orphans and (side, swapped) not in unrendered:
                        read_with = (merged_target if side == "source" else merged_source)[0]
                        options.append((after - before, span,
                                        self._swap(swapped, side, merged_source, merged_target, similarity),
                                        (swapped, read_with)))
            if not options:
                k += 1
                continue
            _, (first, last), replacement, swapped_out = max(options, key=lambda option: option[:2])
            if swapped_out is not None:  # a sentence swapped out does not come back to this bead
                unrendered[(side, swapped_out[0])] = swapped_out[1]
            beads[first:last + 1] = replacement
            k = max(first - 1, 0)  # an unaligned sentence just before may now join the bead
        return beads

    def _swap(self, weak: int, side: str, merged_source, merged_target, similarity) -> list[Bead]:
        """The bead with ``weak`` taken out, and ``weak`` unaligned beside it: the DP paired the
        wrong sentence of two neighbours with the other side (a dropped sentence matched a
        translation by length and topic, the translated one left over), and the words tell."""
        kept_source = tuple(i for i in merged_source if not (side == "source" and i == weak))
        kept_target = tuple(j for j in merged_target if not (side == "target" and j == weak))
        kept = Bead(kept_source, kept_target, similarity(kept_source, kept_target))
        orphan = Bead((weak,), (), self.settings.skip) if side == "source" else Bead((), (weak,), self.settings.skip)
        members = kept_source if side == "source" else kept_target
        return [orphan, kept] if weak < members[0] else [kept, orphan]

    def _search(self, src, tgt, n, m, scale, window, char_ratio) -> list[Bead]:
        settings = self.settings
        shapes = settings.bead_shapes()
        best: dict[tuple[int, int], float] = {(0, 0): 0.0}
        back: dict[tuple[int, int], tuple[int, int, float]] = {}
        for i in range(n + 1):
            low, high = window(i)
            for j in range(low, high + 1):
                if i == 0 and j == 0:
                    continue
                top, top_from = -math.inf, None
                for a, b in shapes:
                    previous = best.get((i - a, j - b))
                    if previous is None:
                        continue
                    if a == 0 or b == 0:
                        gain = settings.skip
                    else:
                        cosine = float(src.vector(i - a, a) @ tgt.vector(j - b, b))
                        source_chars = src.lengths[i - a : i].sum()
                        target_chars = tgt.lengths[j - b : j].sum() * char_ratio
                        agreement = math.log2(1 + min(source_chars, target_chars)
                                              / max(source_chars, target_chars, 1.0))
                        gain = scale(cosine) * agreement * self._coverage(src, tgt, i, j, a, b, scale)
                    if previous + gain > top:
                        top, top_from = previous + gain, (a, b, gain)
                if top_from is not None:
                    best[(i, j)], back[(i, j)] = top, top_from
        if (n, m) not in best:  # the band missed the corner: cannot happen with a sane window
            raise RuntimeError("alignment search band did not reach the end of both documents")
        beads, i, j = [], n, m
        while (i, j) != (0, 0):
            a, b, gain = back[(i, j)]
            beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), gain))
            i, j = i - a, j - b
        return beads[::-1]

    def _coverage(self, src, tgt, i, j, a, b, scale) -> float:
        """For beads merged on both sides (2-2): 1 when every sentence is rendered by the other
        side's block, falling to 0 when one is not, so that an omission next to an addition does
        not pass for a 2-2 bead. A 2-1 or 1-2 bead is exempt: there a short sentence can be a
        small part of the merged block and score low against it while being translated."""
        if a == 1 or b == 1:
            return 1.0
        target_block, source_block = tgt.vector(j - b, b), src.vector(i - a, a)
        members = [float(src.vector(k, 1) @ target_block) for k in range(i - a, i)]
        members += [float(source_block @ tgt.vector(k, 1)) for k in range(j - b, j)]
        return float(np.clip(scale(min(members)) / self.settings.coverage_min, 0.0, 1.0))


def _member_shares(tokens: TokenAlignment, members: Sequence[int], texts: Sequence[str], joiner: str,
                   readable: Sequence[int]) -> dict[int, float]:
    """Each readable member's share of characters aligned both ways, the members read joined
    (as ``tokens`` was made from them) so that each one's neighbour claims its own counterparts."""
    shares, start = {}, 0
    for k in members:
        if k in readable:
            shares[k] = tokens.aligned_share(start, start + len(texts[k]))
        start += len(texts[k]) + len(joiner)
    return shares


def _joined(encoder: Encoder, texts: Sequence[str], indices: Sequence[int], joiner: str) -> np.ndarray:
    """The vector of a run of sentences embedded as one text."""
    return encoder.embed([joiner.join(texts[i] for i in indices)])[0]


@dataclass(frozen=True)
class Normaliser:
    """Maps a cosine to 0 at this document's typical unrelated pair and 1 at its typical match."""

    unrelated: float
    matched: float

    @classmethod
    def fit(cls, similarity: np.ndarray) -> "Normaliser":
        unrelated = float(np.median(similarity))
        matched = float(np.median(np.concatenate([similarity.max(1), similarity.max(0)])))
        if matched - unrelated < 1e-3:  # one sentence per side, or identical texts
            matched = unrelated + max(1.0 - unrelated, 1e-3)
        return cls(unrelated, matched)

    def __call__(self, cosine):
        return (cosine - self.unrelated) / (self.matched - self.unrelated)


def find_anchors(normalised: np.ndarray, settings: AlignmentSettings) -> list[tuple[int, int]]:
    """Sentence pairs sure enough to steer the search: mutual nearest neighbours scoring at least
    ``anchor_min``, kept monotone (the largest subset increasing on both sides)."""
    forward = normalised.argmax(1)
    backward = normalised.argmax(0)
    return longest_increasing([(i, int(forward[i])) for i in range(normalised.shape[0])
                               if backward[forward[i]] == i and normalised[i, forward[i]] >= settings.anchor_min])


MIN_RATIO_ANCHORS = 3  # with fewer sure pairs, the articles' total lengths give the ratio


def length_ratio(source_lengths: np.ndarray, target_lengths: np.ndarray, anchors: list[tuple[int, int]]) -> float:
    """Source characters per target character in this article's translation: the median over
    the anchor pairs. The ratio of the totals would count a dropped or added sentence in the
    very measure that should expose it (in a short article one dropped sentence shifts it by a
    fifth, and the neighbour's bead then holds the orphan at no cost in length)."""
    if len(anchors) >= MIN_RATIO_ANCHORS:
        return float(np.median([source_lengths[i] / max(target_lengths[j], 1.0) for i, j in anchors]))
    return float(source_lengths.sum() / max(target_lengths.sum(), 1.0))


def band_around_anchors(anchors: list[tuple[int, int]], n: int, m: int, settings: AlignmentSettings):
    """Return window(i) -> (lowest j, highest j) the DP visits for source prefix length i."""
    # The path passes through (i, j) = (anchor + 1) after aligning an anchor pair.
    points = [(0, 0)] + [(i + 1, j + 1) for i, j in anchors] + [(n, m)]
    xs = [p[0] for p in points]
    width = settings.band + settings.max_block

    def centre(i: int) -> float:
        k = bisect.bisect_right(xs, i) - 1
        k = min(max(k, 0), len(points) - 2)
        (x0, y0), (x1, y1) = points[k], points[k + 1]
        if x1 == x0:
            return float(y1)
        return y0 + (y1 - y0) * (i - x0) / (x1 - x0)

    def window(i: int) -> tuple[int, int]:
        # The segment's own end points are always inside, so gaps between anchors stay reachable.
        k = bisect.bisect_right(xs, i) - 1
        k = min(max(k, 0), len(points) - 2)
        low = min(points[k][1], points[k + 1][1], centre(i)) - width
        high = max(points[k][1], points[k + 1][1], centre(i)) + width
        return max(0, int(math.floor(low))), min(m, int(math.ceil(high)))

    return window


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The largest subset of (i, j) pairs increasing in both coordinates (pairs sorted by i)."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[position] = j
            tail_index[position] = k
        parent[k] = tail_index[position - 1] if position else -1
    chain, k = [], tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
        k = parent[k]
    return chain[::-1]
