"""Sentence alignment on a synthetic encoder whose geometry mimics a small multilingual model:
unrelated sentences at cosine ~0.78, translations near 1."""
from __future__ import annotations

import re

import numpy as np
import pytest

from consistency.alignment import (AlignmentSettings, Aligner, Normaliser, band_around_anchors, find_anchors,
                                   length_ratio, longest_increasing)
from consistency.encoders.base import Encoder, TokenVectors

DIM = 2048


class MeaningEncoder(Encoder):
    """A text is made of tokens ``m<k>``: its vector is the bag of meanings k, lifted onto a shared
    direction so that unrelated texts still look alike (as e5's do), plus language noise."""

    name, dim = "meanings", DIM

    def __init__(self, noise: float = 0.3, seed: int = 0):
        self.noise, self.rng = noise, np.random.default_rng(seed)

    def embed(self, texts):
        out = np.zeros((len(texts), DIM), np.float32)
        for row, text in enumerate(texts):
            bag = np.zeros(DIM)
            for k in re.findall(r"m(\d+)", text):
                bag[int(k) + 1] += 1
            bag /= max(np.linalg.norm(bag), 1e-9)
            bag += self.rng.normal(0, self.noise / np.sqrt(DIM), DIM)
            bag /= np.linalg.norm(bag)
            vector = 1.87 * np.eye(DIM)[0] + bag
            out[row] = vector / np.linalg.norm(vector)
        return out

    def embed_tokens(self, texts, layer=None):
        """Each ``m<k>`` a token of meaning k; its n-th mention in a text also leans towards the
        n-th mention on the other side, as context sets a contextual model's repeated words apart."""
        result = []
        for text in texts:
            offsets, vectors, mentions = [], [], {}
            for match in re.finditer(r"m(\d+)", text):
                k = int(match.group(1))
                mentions[k] = mentions.get(k, 0) + 1
                vector = 1.87 * np.eye(DIM)[0] + np.eye(DIM)[k + 1] + 0.5 * np.eye(DIM)[DIM - mentions[k]]
                offsets.append(match.span())
                vectors.append(vector / np.linalg.norm(vector))
            result.append(TokenVectors(text, np.array(offsets, dtype=np.int64).reshape(-1, 2),
                                       np.array(vectors, dtype=np.float32).reshape(-1, DIM)))
        return result

    def signature(self):
        return {"model": self.name, "model_sha256": "0" * 64}


def sentence(*meanings: int) -> str:
    return " ".join(f"m{k}" for k in meanings for _ in range(4)) + "."


def align(source, target, **settings):
    beads = Aligner(MeaningEncoder(), AlignmentSettings(**settings)).align(source, target)
    return [(b.source, b.target) for b in beads]


def identity(n):
    return [((i,), (i,)) for i in range(n)]


def test_unrelated_sentences_sit_high_like_e5():
    vectors = MeaningEncoder().embed([sentence(1), sentence(2), sentence(1)])
    assert 0.7 < vectors[0] @ vectors[1] < 0.85 and vectors[0] @ vectors[2] > 0.97


def test_one_to_one():
    source = [sentence(k) for k in range(30)]
    assert align(source, [sentence(k) for k in range(30)]) == identity(30)


def test_merge_split_drop_and_add_are_found():
    source = [sentence(k) for k in range(40)]
    source[12] = sentence(12, 100)
    target = ([sentence(k) for k in range(5)] + [sentence(5, 6)]               # 2-1 at source 5, 6
              + [sentence(k) for k in range(7, 12)] + [sentence(12), sentence(100)]  # 1-2 at 12
              + [sentence(k) for k in range(13, 20)]                            # 20 dropped
              + [sentence(k) for k in range(21, 30)] + [sentence(99)]           # added after 29
              + [sentence(k) for k in range(30, 40)])
    beads = align(source, target)
    assert ((5, 6), (5,)) in beads
    assert ((12,), (11, 12)) in beads
    assert ((20,), ()) in beads
    assert ((), (29,)) in beads
    assert len(beads) == 40  # 40 source units, one pair merged, one sentence added


def test_one_side_empty():
    assert align([sentence(1)], []) == [((0,), ())]
    assert align([], [sentence(1), sentence(2)]) == [((), (0,)), ((), (1,))]


def test_search_band_is_linear_in_document_length():
    n = 600
    rng = np.random.default_rng(1)
    similarity = rng.normal(0.0, 0.05, (n, n)) + np.eye(n)
    window = band_around_anchors(find_anchors(similarity, AlignmentSettings()), n, n, AlignmentSettings())
    visited = sum(high - low + 1 for low, high in (window(i) for i in range(n + 1)))
    assert visited < (n + 1) * 2 * (AlignmentSettings().band + 3)
    assert all(low <= i <= high for i, (low, high) in ((i, window(i)) for i in range(n + 1)))


def test_long_document_aligns():
    source = [sentence(k) for k in range(500)]
    target = [sentence(k) for k in range(500) if k != 250]
    beads = align(source, target)
    assert ((250,), ()) in beads and len(beads) == 500


def test_longest_increasing_drops_crossing_anchors():
    assert longest_increasing([(0, 0), (1, 5), (2, 2), (3, 3), (4, 1), (5, 6)]) == [(0, 0), (2, 2), (3, 3), (5, 6)]


def test_normaliser_maps_random_to_zero_and_matches_to_one():
    similarity = np.full((5, 5), 0.78) + np.eye(5) * 0.12
    scale = Normaliser.fit(similarity)
    assert scale(0.78) == pytest.approx(0.0) and scale(0.90) == pytest.approx(1.0)


def test_length_ratio_is_the_anchor_pairs_median_so_a_dropped_sentence_does_not_move_it():
    source = np.array([100.0, 200.0, 150.0, 300.0, 120.0])
    target = np.array([125.0, 250.0, 190.0, 375.0])  # a wordier language; source sentence 4 dropped
    anchors = [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert length_ratio(source, target, anchors) == pytest.approx(0.8, abs=0.01)
    assert source.sum() / target.sum() > 0.92  # the totals would count the dropped sentence in
    # With too few sure pairs, the totals are all there is.
    assert length_ratio(source, target, anchors[:2]) == pytest.approx(source.sum() / target.sum())


def wordier(text: str, share: float = 0.3) -> str:
    words = text[:-1].split()
    return " ".join(words + words[: int(len(words) * share)]) + "."


def test_a_sentence_dropped_from_a_short_article_in_a_wordier_language_stays_unaligned():
    # Five sentences, the translation 30 % wordier and missing its fourth sentence, which shares
    # a topic with its neighbour: the totals' length ratio counts the drop in (0.9 instead of
    # 0.77), so the neighbour's pair would hold the dropped sentence at no cost in length.
    source = [sentence(1), sentence(2), sentence(3), "m4 m50 m51 m4 m50 m51.", sentence(5, 50, 51)]
    target = [wordier(text) for k, text in enumerate(source) if k != 3]
    assert align(source, target)[3:] == [((3,), ()), ((4,), (3,))]


def test_a_dropped_sentence_folded_in_where_it_evens_the_lengths_is_taken_out_of_the_bead():
    # The translation of sentence 2 runs long, so folding the unrelated short sentence after it
    # into its pair evens the lengths: the DP makes a 2-1 bead, and the detach step, finding no
    # part of the translation that renders the short sentence, leaves it unaligned.
    source = [sentence(0), sentence(1), sentence(2), "m9 m9.", sentence(3), sentence(4)]
    target = [sentence(0), sentence(1), wordier(sentence(2), 1.0), sentence(3), sentence(4)]
    assert ((2, 3), (2,)) in align(source, target, detach_below=-1e9)
    assert align(source, target)[2:4] == [((2,), (2,)), ((3,), ())]


def test_a_dropped_sentence_on_its_neighbours_topic_is_taken_out_by_its_words():
    # The dropped sentence shares a meaning with the sentence before it, so as a whole it still
    # resembles that sentence's (long) translation and the similarity rule keeps it folded in;
    # word by word, its mentions of the shared meaning find the translation's taken by the
    # neighbour's and the rest find nothing.
    source = [sentence(0), sentence(1), sentence(2, 7), sentence(2, 20, 21), sentence(3), sentence(4)]
    long_rendering = " ".join(["m2"] * 4 + ["m7"] * 12) + "."  # as long as the two source sentences
    target = [sentence(0), sentence(1), long_rendering, sentence(3), sentence(4)]
    assert ((2, 3), (2,)) in align(source, target, detach_aligned_below=0.0)
    assert align(source, target)[2:4] == [((2,), (2,)), ((3,), ())]


@pytest.mark.parametrize("dropped, rendering", [
    # The search folds the dropped sentence into the pair before: it shares a meaning with that
    # pair's sentence, whose translation repeats it, and a third of its words find a counterpart.
    (sentence(12, 20, 21), ["m12"] * 8 + ["m7"] * 8),
    # The search leaves it unaligned; attached to the pair before, it lifts the pair's similarity
    # (its topic is the pair's), and a quarter of its words find a counterpart.
    (sentence(12, 12, 12, 20), ["m12"] * 8 + ["m7"] * 4),
], ids=["folded by the search", "joined by the absorb step"])
def test_a_dropped_sentence_opening_a_paragraph_needs_more_of_its_words_rendered(dropped, rendering):
    # Enough for the rule within a paragraph, too few for two paragraphs joined into one sentence.
    source = [sentence(0), sentence(1), sentence(12, 7), dropped, sentence(3), sentence(4)]
    target = [sentence(0), sentence(1), " ".join(rendering) + ".", sentence(3), sentence(4)]
    aligner = Aligner(MeaningEncoder(noise=0.0), AlignmentSettings())  # the same vectors in all three alignments

    def beads(source_paragraphs):
        found = aligner.align(source, target, paragraphs=(source_paragraphs, range(len(target))))
        return [(b.source, b.target) for b in found][2:4]

    assert beads([0, 1, 2, 2, 3, 4]) == [((2, 3), (2,)), ((4,), (3,))]
    assert beads([0, 1, 2, 3, 4, 5]) == [((2,), (2,)), ((3,), ())]
    assert [(b.source, b.target) for b in aligner.align(source, target)][2] == ((2, 3), (2,))  # no paragraphs


def test_a_dropped_sentence_the_search_paired_changes_places_with_the_translated_one_left_over():
    # The translation of sentence 2 is long (the x's: words of a wordier language that carry no
    # meaning here), so by length the search pairs it with the longer dropped sentence 3, on the
    # same topic, and leaves sentence 2 over. Read word by word with the pair, sentence 2's words
    # are all rendered and sentence 3's not at all: they change places.
    source = [sentence(0), sentence(1), sentence(12, 7), sentence(12, 7, 7, 30), sentence(3), sentence(4)]
    target = [sentence(0), sentence(1), sentence(12, 7)[:-1] + " " + "x" * 20 + ".", sentence(3), sentence(4)]
    paragraphs = (range(len(source)), range(len(target)))

    def beads(**settings):
        found = Aligner(MeaningEncoder(), AlignmentSettings(**settings)).align(source, target, paragraphs=paragraphs)
        return [(b.source, b.target) for b in found][2:4]

    assert beads(absorb_min=float("inf")) == [((2,), ()), ((3,), (2,))]  # nothing joins a bead: the search's
    assert beads() == [((2,), (2,)), ((3,), ())]


def test_two_pieces_of_a_split_sentence_left_over_join_its_bead_together():
    # The translator split sentence 2 into three; the search (here making 1-1 beads only) pairs
    # the last piece. Each piece left over lifts the bead a little, less than the gain asked here,
    # the two together more.
    def words(*counts):
        return " ".join(f"m{k}" for k, count in counts for _ in range(count)) + "."

    source = [sentence(0), sentence(1), words((12, 4), (7, 4), (30, 8)), sentence(3), sentence(4)]
    target = [sentence(0), sentence(1), words((12, 4)), words((7, 4)), words((30, 8)), sentence(3), sentence(4)]

    def beads(**settings):
        found = Aligner(MeaningEncoder(), AlignmentSettings(max_block=1, absorb_min=0.1, **settings)).align(source, target)
        return [(b.source, b.target) for b in found][2:4]

    assert beads(absorb_run=1) == [((), (2,)), ((), (3,))]
    assert beads() == [((2,), (2, 3, 4)), ((3,), (5,))]


def test_a_sentence_the_translator_joined_to_its_neighbour_stays_in_the_bead():
    source = [sentence(0), sentence(1), sentence(2, 7), sentence(20, 21), sentence(3), sentence(4)]
    target = [sentence(0), sentence(1), sentence(2, 7, 20, 21), sentence(3), sentence(4)]
    assert align(source, target)[2] == ((2, 3), (2,))
