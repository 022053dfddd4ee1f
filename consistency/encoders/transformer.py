"""Encoder over Hugging Face ``transformers``: tokenizer -> transformer -> mean pooling -> L2."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

import numpy as np

from .base import Encoder, TokenVectors
from .offline_e5 import MANIFEST

# Batches are filled up to this many (padded) tokens: enough to keep the matmuls efficient
# on a CPU, small enough that one long sentence does not pad a hundred short ones.
TOKENS_PER_BATCH = 4096
MAX_TOKENS = 512


class TransformerEncoder(Encoder):
    def __init__(self, model: str | Path, offline: bool = True, prefix: str | None = None,
                 tokens_per_batch: int = TOKENS_PER_BATCH):
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        # A report on stdout and a progress bar of our own on stderr: the loader's bars are noise.
        transformers_logging.disable_progress_bar()
        self._torch = torch
        self.tokens_per_batch = tokens_per_batch
        location = str(model)
        manifest = _read_manifest(model)
        self.name = manifest.get("name", location)
        self.tokenizer = AutoTokenizer.from_pretrained(location, local_files_only=offline)
        kwargs = {"local_files_only": offline, "dtype": torch.float32}
        try:
            self.model = AutoModel.from_pretrained(location, add_pooling_layer=False, **kwargs)
        except TypeError:  # architectures without a pooler do not take the argument
            self.model = AutoModel.from_pretrained(location, **kwargs)
        self.model.eval()
        self.dim = int(self.model.config.hidden_size)
        if prefix is None:
            prefix = manifest.get("prefix", "query: " if "e5" in self.name.lower() else "")
        self.prefix = prefix
        self.pooling = manifest.get("pooling") or _sentence_transformers_pooling(model) or "mean"
        self._weights_sha256 = manifest.get("weights_sha256") or _hash_weights(model)

    def signature(self) -> dict:
        return {"model": self.name, "model_sha256": self._weights_sha256,
                "prefix": self.prefix, "pooling": self.pooling}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for rows, hidden, mask, _ in self._forward(texts):
            if self.pooling == "cls":
                pooled = hidden[:, 0]
            else:
                weights = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
            pooled = self._torch.nn.functional.normalize(pooled, dim=-1)
            out[rows] = pooled.numpy()
        return out

    def embed_tokens(self, texts: Sequence[str], layer: int | None = None) -> list[TokenVectors]:
        result: list[TokenVectors | None] = [None] * len(texts)
        shift = len(self.prefix)
        for rows, hidden, mask, offsets in self._forward(texts, layer):
            vectors = self._torch.nn.functional.normalize(hidden, dim=-1).numpy()
            for k, row in enumerate(rows):
                spans = offsets[k]
                # Special tokens and padding have empty spans; prompt tokens end inside the prefix.
                keep = (spans[:, 1] > spans[:, 0]) & (spans[:, 0] >= shift) & mask[k].numpy().astype(bool)
                result[row] = TokenVectors(texts[row], (spans[keep] - shift).astype(np.int64),
                                           vectors[k][keep].astype(np.float32))
        return result  # type: ignore[return-value]

    def _forward(self, texts: Sequence[str], layer: int | None = None):
        """Yield (rows, hidden states of ``layer`` (the last when None), attention mask, char
        offsets) per length bucket."""
        if not texts:
            return
        torch = self._torch
        prompted = [self.prefix + text for text in texts]
        encoded = self.tokenizer(prompted, truncation=True, max_length=MAX_TOKENS,
                                 return_offsets_mapping=True, add_special_tokens=True)
        lengths = np.array([len(ids) for ids in encoded["input_ids"]])
        order = np.argsort(-lengths, kind="stable")
        pad_id = self.tokenizer.pad_token_id or 0
        start = 0
        with torch.inference_mode():
            while start < len(order):
                width = int(lengths[order[start]])
                count = max(1, self.tokens_per_batch // max(width, 1))
                rows = order[start : start + count]
                start += count
                ids = np.full((len(rows), width), pad_id, dtype=np.int64)
                mask = np.zeros((len(rows), width), dtype=np.int64)
                offsets = np.zeros((len(rows), width, 2), dtype=np.int64)
                for k, row in enumerate(rows):
                    n = lengths[row]
                    ids[k, :n] = encoded["input_ids"][row]
                    mask[k, :n] = 1
                    offsets[k, :n] = encoded["offset_mapping"][row]
                mask_t = torch.from_numpy(mask)
                output = self.model(input_ids=torch.from_numpy(ids), attention_mask=mask_t,
                                    output_hidden_states=layer is not None)
                hidden = output.last_hidden_state if layer is None else output.hidden_states[min(layer, len(output.hidden_states) - 1)]
                yield rows, hidden, mask_t, offsets


def _read_manifest(model: str | Path) -> dict:
    path = Path(model) / MANIFEST
    return json.loads(path.read_text()) if path.is_file() else {}


def _sentence_transformers_pooling(model: str | Path) -> str | None:
    config = Path(model) / "1_Pooling" / "config.json"
    if not config.is_file():
        return None
    settings = json.loads(config.read_text())
    return "cls" if settings.get("pooling_mode_cls_token") else "mean"


def _hash_weights(model: str | Path) -> str:
    """sha256 over the weight files of a local directory; for a hub id, the resolved commit."""
    folder = Path(model)
    if not folder.is_dir():
        try:
            from huggingface_hub import model_info

            return "hub:" + (model_info(str(model)).sha or "unknown")
        except Exception:  # the signature must not fail a run that loaded the model
            return "hub:unknown"
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()
