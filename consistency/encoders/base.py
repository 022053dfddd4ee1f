"""The one interface the pipeline sees of a model: sentence vectors and token vectors."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class TokenVectors:
    """Contextual vectors of one text's tokens, each tied to the characters it covers."""

    text: str
    offsets: np.ndarray  # (tokens, 2) int: [start, end) into ``text``
    vectors: np.ndarray  # (tokens, dim) float32, L2-normalised


class Encoder(ABC):
    """Sentence embeddings (L2-normalised) and contextual token embeddings with offsets."""

    name: str
    dim: int

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32 rows of unit length; empty input gives (0, dim)."""

    @abstractmethod
    def embed_tokens(self, texts: Sequence[str], layer: int | None = None) -> list[TokenVectors]:
        """Per text, the vectors of its tokens (special and prompt tokens left out), from the
        last layer or from hidden state ``layer`` (0 the embeddings, negative from the top):
        word alignment reads a middle layer, where words of two languages meet best."""

    @abstractmethod
    def signature(self) -> dict:
        """What a report needs to say which model produced it: name and weights' sha256."""
