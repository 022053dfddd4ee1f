"""Roman numerals, as centuries (XIXe siècle, siglo XIX) and ordinals (World War II) are
written: only ever a match for "19th" or "2", never a finding on their own (Roman letters
are also initials and names)."""
from __future__ import annotations

import re
from fractions import Fraction

_ROMAN = re.compile(r"(?<![\w\-])(?=[IVX])(X{0,3})(IX|IV|V?I{0,3})(?P<suffix>e|er|ème|-?й|-?го|th)?(?![\w])")
_LETTERS = {"I": 1, "V": 5, "X": 10}


def roman_numerals(text: str):
    """(start, end, value) of upper-case Roman numerals of two letters or more (or one with
    an ordinal suffix: "Ve siècle")."""
    for match in _ROMAN.finditer(text):
        letters = match.group(1) + match.group(2)
        if len(letters) >= 2 or letters and match.group("suffix"):
            yield match.start(), match.end(), Fraction(_value(letters))


def _value(letters: str) -> int:
    total = 0
    for k, letter in enumerate(letters):
        value = _LETTERS[letter]
        total += -value if k + 1 < len(letters) and _LETTERS[letters[k + 1]] > value else value
    return total
