"""Word alignment inside one bead from the encoder's contextual token vectors (the SimAlign
"argmax" method: a source and a target token are aligned when each is the other's most similar
token). Checks ask for it only for the few pairs they need to point into (a name no
romanisation matched, a negation one side lacks), so the extra forward pass is paid for a few
sentences per article, not all of them."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .encoders.base import Encoder, TokenVectors

# SimAlign found words of two languages meet best two thirds of the way up a 12-layer encoder,
# not at the top, which is trained for whole sentences; e5-small agrees (Putin / 普京 align at
# layers 4-10, not at 12).
LAYER = 8


@dataclass
class TokenAlignment:
    source: TokenVectors
    target: TokenVectors
    similarity: np.ndarray  # (source tokens, target tokens) cosine

    @classmethod
    def of(cls, encoder: Encoder, source: str, target: str) -> "TokenAlignment | None":
        return cls.many(encoder, [(source, target)])[0]

    @classmethod
    def many(cls, encoder: Encoder, pairs: list[tuple[str, str]]) -> list["TokenAlignment | None"]:
        """One alignment per (source, target) pair, from one batched pass of the encoder."""
        tokens = encoder.embed_tokens([text for pair in pairs for text in pair], LAYER)
        result: list[TokenAlignment | None] = []
        for source_tokens, target_tokens in zip(tokens[::2], tokens[1::2]):
            if not len(source_tokens.offsets) or not len(target_tokens.offsets):
                result.append(None)
            else:
                result.append(cls(source_tokens, target_tokens, source_tokens.vectors @ target_tokens.vectors.T))
        return result

    def aligned(self) -> tuple[np.ndarray, np.ndarray]:
        """Which source and which target tokens are aligned both ways (each the other's most similar)."""
        best_target, best_source = self.similarity.argmax(1), self.similarity.argmax(0)
        return (best_source[best_target] == np.arange(len(best_target)),
                best_target[best_source] == np.arange(len(best_source)))

    def aligned_share(self, start: int, end: int) -> float:
        """The share of the characters of the source tokens inside [start, end) aligned both ways."""
        inside = self.source_tokens(start, end)
        if not inside:
            return 0.0
        widths = np.array([b - a for a, b in self.source.offsets[inside]], dtype=np.float64)
        return float(widths[self.aligned()[0][inside]].sum() / max(widths.sum(), 1.0))

    def reversed(self) -> "TokenAlignment":
        """The same alignment read from the other side."""
        return TokenAlignment(self.target, self.source, self.similarity.T)

    def _tokens(self, side: TokenVectors, start: int, end: int) -> list[int]:
        return [k for k, (a, b) in enumerate(side.offsets) if a < end and b > start]

    def source_tokens(self, start: int, end: int) -> list[int]:
        """The source tokens overlapping [start, end)."""
        return self._tokens(self.source, start, end)

    def mutual(self, start: int, end: int) -> list[tuple[int, float]]:
        """(target token, similarity) aligned both ways with a source token inside [start, end)."""
        best_target = self.similarity.argmax(1)
        best_source = self.similarity.argmax(0)
        return [(int(best_target[i]), float(self.similarity[i, best_target[i]]))
                for i in self._tokens(self.source, start, end) if best_source[best_target[i]] == i]

    def pointing_at(self, start: int, end: int) -> list[int]:
        """Target tokens whose most similar source token lies inside [start, end): where the
        translation puts something in the name's place, even when that is another name."""
        inside = set(self._tokens(self.source, start, end))
        best_source = self.similarity.argmax(0)
        return [j for j in range(self.similarity.shape[1]) if int(best_source[j]) in inside]

    def target_span(self, tokens: list[int]) -> tuple[int, int] | None:
        """The smallest span of the target text covering ``tokens`` (a contiguous run only)."""
        if not tokens:
            return None
        tokens = sorted(set(tokens))
        run = [tokens[0]]
        for token in tokens[1:]:  # the first contiguous run: a name is written in one place
            if token != run[-1] + 1:
                break
            run.append(token)
        return int(self.target.offsets[run[0]][0]), int(self.target.offsets[run[-1]][1])
