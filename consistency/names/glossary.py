"""The desk's glossary: renderings of a name it accepts, per language (``[names.glossary]``).

An entry is one name: its key as the desk writes it, and its renderings by language. A name of
the article belongs to an entry when it is the key, one of its renderings, or one word of them
("Yoon" of "Yoon Suk-yeol"); the entry's renderings in the other language, and the key, then
count as the name found.
"""
from __future__ import annotations

import re

from . import Name
from .romanise import fold


class Glossary:
    def __init__(self, entries: dict[str, dict[str, tuple[str, ...]]] | None = None):
        self.entries = [({key, *(form for forms in by_lang.values() for form in forms)}, key, by_lang)
                        for key, by_lang in (entries or {}).items()]

    def __bool__(self) -> bool:
        return bool(self.entries)

    def renderings(self, name: Name, other_lang: str) -> set[str]:
        wanted = {fold(name.text), fold(name.phrase)} - {""}
        found: set[str] = set()
        for forms, key, by_lang in self.entries:
            words = {fold(word) for form in forms for word in (form, *re.split(r"[\s\-‐·・]+", form)) if word}
            if wanted & words:
                found |= {key, *by_lang.get(other_lang, ())}
        return found

    def find(self, name: Name, text: str, other_lang: str) -> str | None:
        """The accepted rendering of ``name`` that ``text`` holds, if any (longest first)."""
        folded = fold(text)
        return next((form for form in sorted(self.renderings(name, other_lang), key=len, reverse=True)
                     if fold(form) in folded), None)
