"""Whether a capitalised word is also a common word of its language, from a lexicon made for the
language (English: lemminflect's, drawn from the SPECIALIST lexicon, which lists common words and
leaves proper names out: "court" and "senate" are there, "Putin" and "London" are not).

A phrase of common words written with capitals (Supreme Court, Public Prosecution Service, Red
Cross) names an institution or an event, and translators translate it word by word (最高法院,
Верховный суд) rather than render its letters, so its words say nothing of a name's spelling.
Languages without a lexicon here know no common words: their capitalised words stay names.
"""
from __future__ import annotations

from functools import lru_cache


def has_lexicon(lang: str) -> bool:
    return (lang or "").split("-")[0].lower() == "en"


@lru_cache(maxsize=4096)
def is_common_word(word: str, lang: str) -> bool:
    if not has_lexicon(lang):
        return False
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))
