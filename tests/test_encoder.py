"""The Encoder interface over transformers, on a tiny randomly initialised model (seconds on CPU)."""
from __future__ import annotations

import numpy as np
import pytest

from consistency.encoders.transformer import TransformerEncoder

TEXTS = ["the cat sat on the mat.", "a dog ran.", "кот сел.", "the cat", "a dog ran on the mat, the cat sat."]


@pytest.fixture(scope="module")
def tiny(tiny_model_dir):
    return TransformerEncoder(tiny_model_dir, offline=True, prefix="")


def test_sentence_vectors_are_unit_length_and_ordered(tiny):
    vectors = tiny.embed(TEXTS)
    assert vectors.shape == (len(TEXTS), 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Length bucketing reorders texts internally; each row must still belong to its text.
    for k, text in enumerate(TEXTS):
        np.testing.assert_allclose(tiny.embed([text])[0], vectors[k], atol=1e-5)


def test_batch_size_does_not_change_vectors(tiny_model_dir, tiny):
    one_by_one = TransformerEncoder(tiny_model_dir, offline=True, prefix="", tokens_per_batch=1)
    np.testing.assert_allclose(one_by_one.embed(TEXTS), tiny.embed(TEXTS), atol=1e-5)


def test_empty_input(tiny):
    assert tiny.embed([]).shape == (0, 32)
    assert tiny.embed_tokens([]) == []


def test_token_offsets_point_at_the_original_characters(tiny_model_dir):
    prefixed = TransformerEncoder(tiny_model_dir, offline=True, prefix="the cat ")
    for tokens in prefixed.embed_tokens(["a dog ran.", "кот сел."]):
        assert len(tokens.offsets) == len(tokens.vectors) > 0
        pieces = [tokens.text[a:b] for a, b in tokens.offsets]
        # Every token lies inside the text (none from the prompt) and together they cover it.
        assert all(0 <= a < b <= len(tokens.text) for a, b in tokens.offsets)
        assert "".join(pieces) == tokens.text.replace(" ", "")
        np.testing.assert_allclose(np.linalg.norm(tokens.vectors, axis=1), 1.0, atol=1e-5)


def test_signature_names_model_and_hashes_weights(tiny):
    signature = tiny.signature()
    assert len(signature["model_sha256"]) == 64 and signature["pooling"] == "mean"


def test_missing_local_model_is_refused_without_network(tmp_path):
    from consistency.encoders.registry import load_encoder

    file = tmp_path / "not-a-model.txt"
    file.write_text("x")
    with pytest.raises(ValueError, match="directory or a hub id"):
        load_encoder(str(file))


def test_cache_returns_the_same_vectors_and_skips_known_texts(tiny):
    from consistency.encoders.cache import CachedEncoder

    calls = []

    class Counting(type(tiny)):
        def embed(self, texts):
            calls.append(list(texts))
            return super().embed(texts)

    counting = Counting.__new__(Counting)
    counting.__dict__.update(tiny.__dict__)
    cached = CachedEncoder(counting, capacity=3)
    first = cached.embed(TEXTS[:2])
    again = cached.embed([TEXTS[1], TEXTS[2], TEXTS[1]])
    np.testing.assert_allclose(again[0], first[1])
    np.testing.assert_allclose(again[2], first[1])
    assert calls == [TEXTS[:2], [TEXTS[2]]]
    cached.embed([TEXTS[3]])  # capacity 3: the least recently used text is forgotten
    assert TEXTS[0] not in cached._vectors and cached.tokenizer is tiny.tokenizer


def test_cache_keeps_token_vectors_by_text_and_layer_up_to_a_number_of_tokens(tiny):
    from consistency.encoders.cache import CachedEncoder

    calls = []

    class Counting(type(tiny)):
        def embed_tokens(self, texts, layer=None):
            calls.append((list(texts), layer))
            return super().embed_tokens(texts, layer)

    counting = Counting.__new__(Counting)
    counting.__dict__.update(tiny.__dict__)
    sizes = {text: len(tiny.embed_tokens([text], 1)[0].offsets) for text in TEXTS}
    cached = CachedEncoder(counting, token_capacity=sizes[TEXTS[0]] + sizes[TEXTS[1]])
    first = cached.embed_tokens(TEXTS[:2], 1)
    again = cached.embed_tokens([TEXTS[1], TEXTS[0], TEXTS[1]], 1)
    assert calls == [(TEXTS[:2], 1)]
    assert again[0] is first[1] and again[1] is first[0] and again[2] is first[1]
    for mine, fresh in zip(first, tiny.embed_tokens(TEXTS[:2], 1)):
        np.testing.assert_array_equal(mine.offsets, fresh.offsets)
        np.testing.assert_allclose(mine.vectors, fresh.vectors, atol=1e-5)
    # Another layer is another vector.
    cached.embed_tokens([TEXTS[1]], 2)
    assert calls[-1] == ([TEXTS[1]], 2)
    # Over capacity, the least recently used go: TEXTS[0] (its last use came before TEXTS[1]'s).
    assert (1, TEXTS[0]) not in cached._tokens and (2, TEXTS[1]) in cached._tokens
    # Callers share what is kept, so nobody may write into it.
    with pytest.raises(ValueError, match="read-only"):
        again[0].vectors[0, 0] = 0.0
    # A single call larger than the capacity still gets all its texts.
    assert len(cached.embed_tokens(TEXTS, 1)) == len(TEXTS)


def test_a_local_directory_loads_through_the_registry(tiny_model_dir):
    from consistency.encoders.registry import load_encoder

    encoder = load_encoder(str(tiny_model_dir))
    assert encoder.dim == 32 and encoder.embed(["the cat"]).shape == (1, 32)
