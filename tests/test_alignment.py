"""Sentence alignment on a synthetic encoder whose geometry mimics a small multilingual model:
unrelated sentences at cosine ~0.78, translations near 1."""
from __future__ import annotations

import re

import numpy as np
import pytest

from consistency.alignment import AlignmentSettings, Aligner, Normaliser, band_around_anchors, longest_increasing
from consistency.encoders.base import Encoder

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
        raise NotImplementedError

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
    window = band_around_anchors(similarity, AlignmentSettings())
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
