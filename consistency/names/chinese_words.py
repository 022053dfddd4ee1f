"""Chinese words, as jieba segments them (its own dictionary of 349,046 words, shipped in the PyPI
package, with an HMM for words it lacks, such as most transcribed names).

Chinese writes no spaces, and the encoder's tokens are often single characters, so the word
alignment may tie one character of a word to a name (托 of 托马斯 for Thomas, 院 of 参议院 for
Senate). Read alone, that character keys as nothing the name is, and a finding would show it as
the stand-in. The word it belongs to is what renders the name, or what was put in its place.
"""
from __future__ import annotations

from functools import lru_cache


def is_chinese(lang: str) -> bool:
    return (lang or "").split("-")[0].lower() == "zh"


@lru_cache(maxsize=1)
def _tokenizer():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces building its prefix dictionary on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()  # about a second, once per process; cached in the temp folder after
    return tokenizer


@lru_cache(maxsize=4096)
def _words(run: str) -> tuple[tuple[int, int], ...]:
    return tuple((a, b) for _, a, b in _tokenizer().tokenize(run))


def words_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the whole words that hold ``text[start:end]``, Han characters all: from the
    start of the word holding its first character to the end of the word holding its last."""
    low, high = start, end
    while low > 0 and _is_han(text[low - 1]):
        low -= 1
    while high < len(text) and _is_han(text[high]):
        high += 1
    a, b = start, end
    for first, last in _words(text[low:high]):
        if first + low <= start < last + low:
            a = first + low
        if first + low < end <= last + low:
            b = last + low
    return a, b


def _is_han(character: str) -> bool:
    from .romanise import script_of

    return script_of(character) == "han"
