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


# jieba's part-of-speech tags of names: people (nr; nrt, a transcribed name; nrfg), places (ns),
# organisations (nt), other proper nouns (nz).
_NAME_TAGS = ("nr", "ns", "nt", "nz")


@lru_cache(maxsize=1)
def _tagger():
    from jieba.posseg import POSTokenizer

    return POSTokenizer(_tokenizer())  # reads the dictionary's tags: half a second, once per process


@lru_cache(maxsize=256)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    spans, at = [], 0
    for pair in _tagger().cut(text):
        at = text.index(pair.word, at)
        spans.append((at, at + len(pair.word), pair.flag))
        at += len(pair.word)
    return tuple(spans)


def is_name(text: str, start: int, end: int) -> bool:
    """Whether jieba tags every word of ``text[start:end]`` a name (杰克逊, 巴鲁), read in ``text``."""
    flags = [flag for a, b, flag in _tagged(text) if a < end and start < b and not text[a:b].isspace()]
    return bool(flags) and all(flag.startswith(_NAME_TAGS) for flag in flags)


def _is_han(character: str) -> bool:
    from .romanise import script_of

    return script_of(character) == "han"
