"""The quotation-mark inventory: which pairs of marks a language writes around a quotation.

One table (``STYLES``) names every pairing the detector knows, and one (``LANGUAGE_STYLES``)
says which of them are plausible in a language. A character's role depends on the language:
“ opens in English but closes „ in German and Russian; » closes in French but opens in Danish
and German (» … «); ” closes in English but opens and closes in Swedish (” … ”). A character
that both opens and closes in one language (“ in German, where „…“ and “…” coexist) is
resolved by the scanner from what is open at that point.

Not quotation marks, on purpose:

* 《》 and 〈〉 are title marks in Chinese and Korean (《人民日报》, 〈기사 제목〉): they enclose the
  name of a book, paper or law, never speech;
* ‛ and ‟ (reversed high marks) and ״ (Hebrew gershayim), too rare in news to be worth the
  ambiguity they bring;
* the prime ′ and double prime ″, which are minutes, seconds, feet and inches.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Style:
    name: str
    opens: str  # the opening mark(s): one character each
    closes: str  # the marks that may close it


STYLES = {style.name: style for style in (
    # Typed by hand, one mark of a pair is often the keyboard's straight one ("…” in Korean, „…"
    # in German, “…" in Arabic news): a straight mark may close a curly pair and the reverse.
    Style("english-double", "“", "”\""),
    Style("english-single", "‘", "’"),
    Style("straight-double", "\"＂", "\"＂”"),
    Style("straight-single", "'", "'"),
    Style("guillemets", "«", "»"),
    Style("guillemets-single", "‹", "›"),
    Style("guillemets-reversed", "»", "«"),  # Danish, German: »Wir siegen«
    Style("guillemets-single-reversed", "›", "‹"),
    Style("guillemets-swedish", "»", "»"),  # Swedish and Finnish: »Vi vinner»
    Style("german-low", "„", "“\""),  # German, Russian, Czech, Bulgarian …: „Wir siegen“
    Style("german-low-single", "‚", "‘"),
    Style("polish-low", "„", "”"),  # Polish, Romanian, Hungarian, Dutch …: „Wygramy”
    Style("swedish-double", "”", "”"),
    Style("swedish-single", "’", "’"),
    Style("cjk-corner", "「﹁", "」﹂"),  # with the vertical forms
    Style("cjk-white-corner", "『﹃", "』﹄"),
    Style("cjk-double-prime", "〝", "〟〞"),  # Japanese 〝…〟
)}

# Marks that are also apostrophes (don’t, Putin’s, rock ’n’ roll, ’90s): the scanner only
# takes them as closing marks where a matching single quotation is open, and never reports one
# that closes nothing.
APOSTROPHES = "’'"

DASH_DIALOGUE = "dash-dialogue"  # not a pair of marks: see detect.py
DIALOGUE_DASHES = "—–―"

_ENGLISH = ("english-double", "english-single", "straight-double", "straight-single")
_GUILLEMETS = ("guillemets", "english-double", "english-single", "guillemets-single",
               "straight-double", "straight-single")
_GERMAN_LOW = ("german-low", "german-low-single", "guillemets", "english-double", "straight-double")
_POLISH_LOW = ("polish-low", "german-low", "guillemets", "english-double", "straight-double")
_CJK = ("cjk-corner", "cjk-white-corner", "english-double", "english-single", "straight-double")
_DEFAULT = ("english-double", "english-single", "straight-double", "straight-single", "guillemets",
            "guillemets-single", "german-low", "cjk-corner", "cjk-white-corner")

LANGUAGE_STYLES: dict[str, tuple[str, ...]] = {
    "en": _ENGLISH,
    "ga": _ENGLISH, "mt": _ENGLISH, "tr": _ENGLISH, "id": _ENGLISH, "ms": _ENGLISH, "vi": _ENGLISH,
    "fr": _GUILLEMETS, "es": _GUILLEMETS, "pt": _GUILLEMETS, "it": _GUILLEMETS, "ca": _GUILLEMETS,
    "gl": _GUILLEMETS, "eu": _GUILLEMETS, "el": _GUILLEMETS, "no": _GUILLEMETS, "nb": _GUILLEMETS,
    "nn": _GUILLEMETS, "fa": _GUILLEMETS, "ar": ("guillemets", "english-double", "straight-double"),
    "ur": ("guillemets", "english-double", "straight-double"),
    "ru": _GERMAN_LOW, "uk": _GERMAN_LOW, "be": _GERMAN_LOW, "bg": _GERMAN_LOW, "kk": _GERMAN_LOW,
    "de": ("german-low", "german-low-single", "guillemets-reversed", "guillemets-single-reversed",
           "guillemets", "english-double", "straight-double", "straight-single"),
    "da": ("guillemets-reversed", "guillemets-single-reversed", "german-low", "english-double",
           "straight-double"),
    "cs": ("german-low", "german-low-single", "guillemets-reversed", "guillemets-single-reversed",
           "straight-double"),
    "sk": ("german-low", "german-low-single", "guillemets-reversed", "guillemets-single-reversed",
           "straight-double"),
    "sl": ("german-low", "german-low-single", "guillemets-reversed", "guillemets", "straight-double"),
    "lt": _GERMAN_LOW, "lv": _GERMAN_LOW, "et": _GERMAN_LOW, "is": _GERMAN_LOW, "ka": _GERMAN_LOW,
    "sr": _GERMAN_LOW, "mk": _GERMAN_LOW,
    "pl": _POLISH_LOW, "ro": _POLISH_LOW, "hu": _POLISH_LOW, "hr": _POLISH_LOW, "nl": _POLISH_LOW,
    "he": ("polish-low", "english-double", "straight-double"),
    "sv": ("swedish-double", "swedish-single", "guillemets-swedish", "straight-double"),
    "fi": ("swedish-double", "swedish-single", "guillemets-swedish", "straight-double"),
    "zh": _CJK, "ko": _CJK + ("straight-single",),
    "ja": ("cjk-corner", "cjk-white-corner", "cjk-double-prime", "english-double", "straight-double"),
}

# Languages whose dialogue is led by a dash at the start of a paragraph (— Да, — сказал он).
DASH_DIALOGUE_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "es", "ca", "gl", "pt", "it",
                                  "fr", "pl", "cs", "sk", "hr", "sl", "hu", "ro", "el", "tr"})


def styles_for(lang: str) -> tuple[Style, ...]:
    base = (lang or "").lower().replace("_", "-").split("-")[0]
    return tuple(STYLES[name] for name in LANGUAGE_STYLES.get(base, _DEFAULT))


@dataclass(frozen=True)
class MarkRoles:
    """What one character may do in one language."""
    opens: tuple[Style, ...]  # styles it may open
    closes: tuple[Style, ...]  # styles it may close


def roles_for(lang: str) -> dict[str, MarkRoles]:
    """Every quotation-mark character of the language with the styles it opens and closes, in
    the language's order of preference."""
    styles = styles_for(lang)
    characters = {c for style in styles for c in style.opens + style.closes}
    return {c: MarkRoles(tuple(s for s in styles if c in s.opens), tuple(s for s in styles if c in s.closes))
            for c in characters}
