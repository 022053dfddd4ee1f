"""An Encoder that remembers sentence vectors it has computed, for checkers that see the same
sentences again (a batch with one source and several translations, re-runs, benchmarks)."""
from __future__ import annotations

from collections import OrderedDict
from typing import Sequence

import numpy as np

from .base import Encoder, TokenVectors


class CachedEncoder(Encoder):
    def __init__(self, inner: Encoder, capacity: int = 50_000):
        self.inner, self.capacity = inner, capacity
        self.name, self.dim = inner.name, inner.dim
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, self.inner.embed(missing)):
                self._vectors[text] = vector
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            self._vectors.move_to_end(text)
            out[row] = self._vectors[text]
        while len(self._vectors) > self.capacity:
            self._vectors.popitem(last=False)
        return out

    def embed_tokens(self, texts: Sequence[str], layer: int | None = None) -> list[TokenVectors]:
        return self.inner.embed_tokens(texts, layer)

    def signature(self) -> dict:
        return self.inner.signature()

    def clear(self) -> None:
        self._vectors.clear()

    def __getattr__(self, attribute):
        # Model-specific extras (the tokenizer, the torch module) stay reachable.
        if attribute == "inner":
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)
