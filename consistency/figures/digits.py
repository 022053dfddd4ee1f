"""Figures written with digits: any script's digits, the language's grouping and decimal signs,
scale words and abbreviations after them, and CJK units (1万, 3천5백)."""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from functools import lru_cache

from .words import _CJK_UNITS, _scale_words

# A run of digits with the separators numbers use between digit groups, not glued to a
# Latin or Cyrillic word ("G20"); joined by a hyphen it is checked by ``_names_part``.
# Invisible format characters may sit inside a number: zero-width spaces and joiners, the
# directional marks of right-to-left text, and bidi embeddings, overrides and isolates, which
# can show a number's digits in another order than they are stored.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c"
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
_NUMBER = re.compile(rf"(?<![\dA-Za-z\u00C0-\u024F\u0400-\u04FF])(?<!\d[.,])\d+"
                     rf"(?:[{_INVISIBLE}]*(?:[.,٬٫][{_INVISIBLE}]*\d+|[\u00a0\u202f\u2009 '’]\d{{3}}(?!\d)|\d+))*(?![\d])")

_DECADE_AFTER = re.compile(r"(?:'?s|er|-[хе])(?!\w)")  # 1980s, 1980er, 1980-х
_VULGAR_FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3),
                     "⅔": Fraction(2, 3)}


def _names_part(text: str, start: int) -> bool:
    """"COVID-19", "F-16", "MiG-29", "كوفيد-19" are names; "par-3", "1-of-4", "under-21" are
    numbers: a number hyphenated to a word is part of a name when that word has a capital letter,
    or is written in a script without capitals, where names cannot be told apart."""
    if start == 0 or text[start - 1] != "-":
        return False
    before = re.search(r"[^\W\d_]+-$", text[max(0, start - 24):start])
    return bool(before) and any(c.isupper() or c.isalpha() and c.lower() == c.upper() for c in before.group())


def _decade_values(raw: str, text: str, end: int) -> set:
    """"the 1980s" is also "the 80s" (los años 80, 80年代); "the 1900s" and "the 2000s" may
    be the century too (the 20th, the 21st: XXe siècle, القرن الحادي والعشرين)."""
    if len(raw) == 4 and raw[:2] in ("17", "18", "19", "20") and raw.endswith("0") and _DECADE_AFTER.match(text, end):
        if raw[2:] == "00":
            return {Fraction(int(raw)), Fraction(int(raw[:2]) + 1)}
        return {Fraction(int(raw)), Fraction(int(raw[2:]))}
    return set()


def _fraction_after(text: str, end: int) -> Fraction:
    return _VULGAR_FRACTIONS.get(text[end:end + 1], Fraction(0))


# Scale words and abbreviations written after digits (the spelled-out ones come from ICU).
_WORD_AFTER = re.compile(r"[ \u00a0\u202f]?([^\W\d_]+\.?)")  # a scale word after the digits
_SCALE_ABBREVIATIONS = {
    "en": {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12},
    "fr": {"Md": 10**9, "Mds": 10**9, "md": 10**9, "M": 10**6},
    "de": {"Mio": 10**6, "Mio.": 10**6, "Mrd": 10**9, "Mrd.": 10**9, "Tsd": 10**3, "Tsd.": 10**3},
    "es": {"mil": 10**3, "M": 10**6},
    "ru": {"тыс": 10**3, "тыс.": 10**3, "млн": 10**6, "млрд": 10**9, "трлн": 10**12},
    "uk": {"тис": 10**3, "тис.": 10**3, "млн": 10**6, "млрд": 10**9},
    "ar": {"ملايين": 10**6, "مليارات": 10**9, "بليون": 10**9},  # plurals ICU's "ثلاثة مليون" does not write
}

_CJK_SECTIONS = {10**4, 10**8, 10**12}

_CJK_MIXED = re.compile(r"(?:\d+(?:[.,]\d+)? ?[十百千万萬亿億兆십백천만억조])+\d*")


def _cjk_mixed_spans(text: str):
    """(start, end) of digits with CJK units, a space-separated run of them read as one number
    when its units fall (1억 2500만 is 125,000,000; 20만 30만 are two numbers)."""
    matches = list(_CJK_MIXED.finditer(text))
    k = 0
    while k < len(matches):
        start, end = matches[k].span()
        while k + 1 < len(matches) and _continues(text, end, matches[k + 1]):
            k += 1
            end = matches[k].end()
        yield start, end
        k += 1


def _continues(text: str, end: int, following: re.Match) -> bool:
    return text[end:following.start()] == " " and _largest_unit(following.group()) < _CJK_UNITS.get(text[end - 1], 0)


def _largest_unit(text: str) -> int:
    return max((_CJK_UNITS[c] for c in text if c in _CJK_UNITS), default=0)


def _show(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{float(value):,.6g}"


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


@lru_cache(maxsize=64)
def _separators(lang: str) -> tuple[str, str]:
    import icu

    symbols = icu.DecimalFormatSymbols(icu.Locale(lang))
    return (symbols.getSymbol(icu.DecimalFormatSymbols.kDecimalSeparatorSymbol),
            symbols.getSymbol(icu.DecimalFormatSymbols.kGroupingSeparatorSymbol))


def _digit_values(raw: str, lang: str) -> tuple[set, str | None]:
    visible = re.sub(f"[{_INVISIBLE}]", "", raw)
    values, unsure = _read_digits(visible, lang)
    scripts = {ord(c) - unicodedata.digit(c) for c in visible if c.isdigit()}  # each script's zero
    if len(scripts) > 1:  # "١2٣": a number typed in two scripts may hide a changed digit
        unsure = f"'{visible}' mixes digits of {len(scripts)} scripts" + (f"; {unsure}" if unsure else "")
    return values, unsure


def _bidi_control(text: str) -> str | None:
    """The first bidi embedding, override or isolate in a figure's text, as U+XXXX."""
    found = _REORDERING.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def _read_digits(raw: str, lang: str) -> tuple[set, str | None]:
    text = _digits(raw).replace("٫", ".").replace("٬", ",")
    groups = re.split(r"[.,\u00a0\u202f\u2009 '’]", text)
    marks = re.findall(r"[.,\u00a0\u202f\u2009 '’]", text)
    if not marks:
        return {Fraction(int(text))}, None
    decimal, grouping = _separators(lang)
    spaces = {"\u00a0", "\u202f", "\u2009", " ", "'", "’"}
    last = marks[-1]
    if last in spaces or len(set(marks)) == 1 and len(marks) > 1:
        return {Fraction(int("".join(groups)))}, None  # only grouping
    if len(set(marks)) > 1:  # "1,234.5" / "1.234,5": the last mark is the decimal sign
        whole = "".join(groups[:-1])
        return {Fraction(f"{whole}.{groups[-1]}")}, None
    as_decimal = Fraction(f"{groups[0]}.{groups[1]}")
    if len(groups[1]) != 3:
        return {as_decimal}, None
    as_grouped = Fraction(int(groups[0] + groups[1]))
    if last == decimal and last != grouping:
        return {as_decimal, as_grouped}, f"'{raw}' could be {_show(as_decimal)} ({lang} decimal sign) or {_show(as_grouped)}"
    if last == grouping or last in ".," and decimal not in ".,":
        return {as_grouped}, None
    return {as_decimal, as_grouped}, f"'{raw}' could be {_show(as_decimal)} or {_show(as_grouped)}"


# Scales of more than one word, which ICU's spelling of a single number does not show.
_SCALE_PHRASES = {"es": re.compile(r"[ \u00a0](?:mil millones|miles de millones)\b"),
                  "pt": re.compile(r"[ \u00a0](?:mil milhões)\b")}


def _scale_after(text: str, end: int, lang: str) -> tuple[int, int]:
    phrase = _SCALE_PHRASES.get(lang)
    if phrase and phrase.match(text, end):
        return 10**9, phrase.match(text, end).end()
    match = _WORD_AFTER.match(text, end)
    if not match:
        return 1, end
    word = match.group(1)
    scale = _scale_words(lang).get(word.lower()) or _scale_words(lang).get(word.rstrip(".").lower())
    if scale is None:
        abbreviations = _SCALE_ABBREVIATIONS.get(lang, {})
        scale = abbreviations.get(word) or abbreviations.get(word.rstrip("."))
        if scale and len(word.rstrip(".")) == 1 and match.group(0)[:1].isspace():
            scale = None  # "5 m" is five metres, "5m" is five million
    return (scale, match.end()) if scale else (1, end)


def _cjk_mixed_value(text: str) -> Fraction:
    """'3.5万', '1万2000', '3천5백': digits with CJK units, sections of 万/億 multiplied out."""
    total, section, number = Fraction(0), Fraction(0), None
    plain = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", _digits(text).replace(" ", ""))  # 2,500万 is 2500万
    for token in re.findall(r"\d+(?:[.,]\d+)?|[十百千万萬亿億兆십백천만억조]", plain):
        if token[0].isdigit():
            number = Fraction(token.replace(",", "."))
            continue
        unit = _CJK_UNITS[token]
        if unit in _CJK_SECTIONS:
            total += (section + (number or 0)) * unit if (section or number) else unit
            section, number = Fraction(0), None
        else:
            section += (number if number is not None else 1) * unit
            number = None
    return total + section + (number or 0)
