"""Reading articles: encodings, newlines, limits, and clear refusals."""
from __future__ import annotations

import pytest

from consistency.document import check_size, decode, read_text
from consistency.errors import InputError


def test_utf8_with_and_without_bom_and_utf16():
    assert decode("Путин".encode("utf-8")) == "Путин"
    assert decode(b"\xef\xbb\xbf" + "Путин".encode("utf-8")) == "Путин"
    assert decode("بوتين".encode("utf-16")) == "بوتين"


def test_latin1_and_binary_are_refused_clearly():
    with pytest.raises(InputError, match="not UTF-8.*0xe9"):
        decode("café".encode("latin-1"))
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_newlines_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"One.\r\nTwo.\rThree.\n")
    assert read_text(path) == "One.\nTwo.\nThree.\n"


def test_empty_missing_directory_and_too_large(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n")
    with pytest.raises(InputError, match="is empty"):
        read_text(empty)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="longer than 10 characters"):
        check_size("x" * 11, "big.txt", max_chars=10)
