"""Names told by a language's own tagger, where capitals do not tell them: Chinese has none
(jieba's tags of people, places and organisations), German gives one to every noun (HanTa's
proper nouns). Other languages have no tagger here."""
from __future__ import annotations

from .chinese_words import is_chinese
from .chinese_words import is_name as is_chinese_name
from .german_words import is_german
from .german_words import is_name as is_german_name


def has_tagger(lang: str) -> bool:
    return is_chinese(lang) or is_german(lang)


def is_tagged_name(lang: str, text: str, start: int, end: int) -> bool:
    """Whether the language's tagger reads every word of ``text[start:end]`` as a name, in ``text``."""
    if is_chinese(lang):
        return is_chinese_name(text, start, end)
    return is_german(lang) and is_german_name(text, start, end)
