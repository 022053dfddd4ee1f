"""German proper nouns, as the Hanover Tagger (HanTa, PyPI ``hanta``, its German model shipped in
the package) tags them.

German capitalises every noun, so a capital does not tell Präsident from Furyk: where the word
alignment puts a capitalised German word in a lost name's place, the name may have been
translated ("Inspector" / "Inspektor") or replaced by another name ("Sam" / "Furyk"). HanTa
tells nouns it knows (NN) from proper nouns (NE), the latter including the unknown capitalised
words that names mostly are.
"""
from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def is_german(lang: str) -> bool:
    return (lang or "").split("-")[0].lower() == "de"


@lru_cache(maxsize=1)
def _tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")  # half a second, once per process


@lru_cache(maxsize=256)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return ()
    tags = _tagger().tag_sent([t.group() for t in tokens], taglevel=0)
    return tuple((t.start(), t.end(), tag) for t, tag in zip(tokens, tags))


def is_name(text: str, start: int, end: int) -> bool:
    """Whether HanTa tags every word of ``text[start:end]`` a proper noun (NE), read in ``text``
    (Furyk, Bottas; not Präsident, Inspektor)."""
    tags = [tag for a, b, tag in _tagged(text) if a < end and start < b and text[a:b][:1].isalnum()]
    return bool(tags) and all(tag == "NE" for tag in tags)
