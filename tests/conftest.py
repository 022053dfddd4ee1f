from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the benchmark harness (bench/) is tested too
SEEDS = ROOT / "seeds"
SEED_LANGS = ("ar", "de", "es", "fr", "ja", "ko", "ru", "zh")


def load_gold(kind: str, lang: str) -> dict:
    return json.loads((SEEDS / "gold" / f"{kind}.{lang}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def default_encoder():
    from consistency.encoders.registry import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def checker(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(), encoder=default_encoder)


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A randomly initialised 2-layer BERT with a 40-piece unigram vocabulary: seconds to build."""
    import torch
    from transformers import BertConfig, BertModel, XLMRobertaTokenizer

    folder = tmp_path_factory.mktemp("tiny-model")
    pieces = ["▁the", "▁cat", "▁sat", "▁on", "▁mat", "▁a", "▁dog", "▁ran", "▁кот", "▁сел",
              "▁", "t", "h", "e", "c", "a", "s", "o", "n", "m", "d", "g", "r", ".", ",",
              "к", "о", "т", "с", "л"]
    vocab = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    vocab += [(piece, -1.0 - k * 0.01) for k, piece in enumerate(pieces)] + [("<mask>", 0.0)]
    tokenizer = XLMRobertaTokenizer(vocab=vocab)
    tokenizer.save_pretrained(str(folder))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128, pad_token_id=1)
    BertModel(config, add_pooling_layer=False).save_pretrained(str(folder))
    return folder
