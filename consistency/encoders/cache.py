"""An Encoder that remembers the vectors it has computed, for checkers that see the same
sentences again (a batch with one source and several translations, re-runs, benchmarks).

Sentence vectors are kept by text. Token vectors (word alignment's input: one vector per token,
so one sentence's take the room of forty sentence vectors) are kept by text and layer, up to a
number of tokens rather than of texts, so that a few long passages cannot fill memory."""
from __future__ import annotations

from collections import OrderedDict
from typing import Sequence

import numpy as np

from .base import Encoder, TokenVectors

# About 150 MB of float32 vectors at e5-small's 384 dimensions. What recurs is an article's own
# passages (one source against several translations, a benchmark's copies of one article): a
# hundred articles' worth of them.
TOKEN_CAPACITY = 100_000


class CachedEncoder(Encoder):
    def __init__(self, inner: Encoder, capacity: int = 50_000, token_capacity: int = TOKEN_CAPACITY):
        self.inner, self.capacity, self.token_capacity = inner, capacity, token_capacity
        self.name, self.dim = inner.name, inner.dim
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._tokens: OrderedDict[tuple[int | None, str], TokenVectors] = OrderedDict()
        self._token_count = 0

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
        missing = list(dict.fromkeys(t for t in texts if (layer, t) not in self._tokens))
        computed = dict(zip(missing, self.inner.embed_tokens(missing, layer))) if missing else {}
        for text, tokens in computed.items():
            # Shared by every caller that asks for this text again: nobody may write into them.
            tokens.offsets.setflags(write=False)
            tokens.vectors.setflags(write=False)
            self._tokens[(layer, text)] = tokens
            self._token_count += len(tokens.offsets)
        out = []
        for text in texts:
            self._tokens.move_to_end((layer, text))
            out.append(self._tokens[(layer, text)])
        # The least recently used go first; this call's own texts stay whatever their size.
        asked = {(layer, text) for text in texts}
        while self._token_count > self.token_capacity and next(iter(self._tokens)) not in asked:
            _, dropped = self._tokens.popitem(last=False)
            self._token_count -= len(dropped.offsets)
        return out

    def signature(self) -> dict:
        return self.inner.signature()

    def clear(self) -> None:
        self._vectors.clear()
        self._tokens.clear()
        self._token_count = 0

    def __getattr__(self, attribute):
        # Model-specific extras (the tokenizer, the torch module) stay reachable.
        if attribute in ("inner", "_tokens", "_vectors"):
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)
