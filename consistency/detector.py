"""A drift detector: a small network over what a check measures of one candidate pair, giving
the probability that the pair drifted rather than being a faithful rendering the check's cheap
signals cannot tell from drift.

The negation check's is the first: over what it measures of one cue (the encoder's similarities
with and without the cue, the cue counts of both sides, how well the cue's tokens find a
counterpart; ``consistency.checks.negation``) it tells a statement turned into its opposite from
a litotes, an antonym or a negation written as a prefix. ``make calibrate`` trains it
(``bench.detector``) on NTREX-128 articles outside every benchmark sample, faithful and with a
negation removed or added, and stores it as plain numbers in the model's calibration file
(``consistency.calibration``): its inputs are this encoder's similarities, so it holds for the
weights it was trained with only. Inference is a few dozen multiplications in numpy.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Detector:
    features: tuple[str, ...]  # the input's names, in order
    mean: tuple[float, ...]  # standardisation of each input, from the training data
    scale: tuple[float, ...]
    layers: tuple[tuple[tuple[tuple[float, ...], ...], tuple[float, ...]], ...]  # (weights (in, out), bias) per layer
    threshold: float  # the probability above which a pair is reported where no pair's value is calibrated

    @classmethod
    def from_dict(cls, data: dict) -> "Detector":
        layers = tuple((tuple(tuple(row) for row in weights), tuple(bias)) for weights, bias in data["layers"])
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), layers,
                   float(data["threshold"]))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "layers": [[[list(row) for row in weights], list(bias)] for weights, bias in self.layers],
                "threshold": self.threshold}

    def probabilities(self, rows: list[dict[str, float]]) -> np.ndarray:
        """The probability of a flip for each row of features (ReLU between layers, a sigmoid at the end)."""
        if not rows:
            return np.zeros(0)
        x = (np.array([[row[name] for name in self.features] for row in rows], dtype=np.float64)
             - np.array(self.mean)) / np.array(self.scale)
        for k, (weights, bias) in enumerate(self.layers):
            x = x @ np.array(weights) + np.array(bias)
            if k < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        return 1.0 / (1.0 + np.exp(-x[:, 0]))
