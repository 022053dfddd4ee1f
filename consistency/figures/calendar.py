"""Months of the year in every form ICU knows (and Slavic declensions), and clock times."""
from __future__ import annotations

import re
from functools import lru_cache

# Clock times: 19:30, 19h30, 19 h 30, 19時30分, 19点30分, 19시 30분 (value: minutes after midnight).
_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:\s?(?::|h|時|时|点|시|\.(?=\d\d\s?(?:[ap]\.?m|صباح|مساء)))\s?([0-5]\d)"
                   r"(?:\s?(?:分|분))?(?![\d])(?:\s?(?P<half>[ap]\.?m\.?|صباح[ًا]*|مساء[ًا]*)(?!\w))?"
                   r"|\s?(?P<alone>[ap]\.?m\.?(?!\w)|h(?!\w)|Uhr\b|時(?!間)|时|点钟|시(?!간)|صباح[ًا]*|مساء[ًا]*))", re.IGNORECASE)

# Chinese clock times in numerals: 下午三点, 十五点三十分, 三点半.
_CJK_CLOCK = re.compile(r"(?P<part>上午|下午|晚上|早上|凌晨|中午)?(?P<hour>[零一二两三四五六七八九十]{1,3})点"
                        r"(?:(?P<minutes>[零一二三四五六七八九十]{1,3})分|(?P<half>半))?")

# Russian and Ukrainian decline month names beyond ICU's two forms (в апреле, в июне).
_SLAVIC_MONTH_STEMS = {
    "ru": ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"],
    "uk": ["січ", "лют", "берез", "квіт", "трав", "черв", "лип", "серп", "верес", "жовт", "листопад", "груд"],
}

_CASED_MONTHS = {"en", "de", "nl"}  # "May" the month, not "may" the verb


def _month_key(found: str, lang: str) -> str:
    return found if lang in _CASED_MONTHS else found.lower()


@lru_cache(maxsize=64)
def _months(lang: str) -> tuple[dict[str, int], "re.Pattern"]:
    """Month names and numerals in every form ICU knows for the language (and its regional
    variants, e.g. Levantine Arabic حزيران beside يونيو), mapped to the month's number."""
    import icu

    forms: dict[str, int] = {}
    locales = [lang] + {"ar": ["ar_SY", "ar_IQ"]}.get(lang, [])
    for locale in locales:
        symbols = icu.DateFormatSymbols(icu.Locale(locale))
        for context in (icu.DateFormatSymbols.FORMAT, icu.DateFormatSymbols.STANDALONE):
            for width in (icu.DateFormatSymbols.WIDE, icu.DateFormatSymbols.ABBREVIATED):
                for number, name in enumerate(symbols.getMonths(context, width), start=1):
                    name = name.strip()
                    if len(name.rstrip(".")) >= 3 or not name.isalpha():
                        forms.setdefault(_month_key(name, lang), number)
    if lang in ("zh", "ja", "ko"):
        for number in range(1, 13):
            for space in ("", " "):
                forms.setdefault(f"{number}{space}{'월' if lang == 'ko' else '月'}", number)
    alternatives = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(name) for name in alternatives)
    if lang in _SLAVIC_MONTH_STEMS:
        stems = _SLAVIC_MONTH_STEMS[lang]
        for number, stem in enumerate(stems, start=1):
            for name in list(forms):
                if re.match(stem, name):
                    forms[name] = number
        body = "|".join(f"{stem}\\w{{0,3}}" for stem in stems)
        pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
        return _SlavicForms(stems), pattern
    flags = 0 if lang in _CASED_MONTHS else re.IGNORECASE
    boundary = "" if lang in ("zh", "ja", "ko") else r"(?<!\w)"
    after = "" if lang in ("zh", "ja", "ko") else r"(?!\w)"
    prefix = r"(?<!\d)" if lang in ("zh", "ja", "ko") else ""
    return forms, re.compile(rf"{boundary}{prefix}(?:{body}){after}", flags)


class _SlavicForms(dict):
    """Looks a declined month up by its stem."""

    def __init__(self, stems: list[str]):
        super().__init__()
        self.stems = [re.compile(stem, re.IGNORECASE) for stem in stems]

    def __getitem__(self, name: str) -> int:
        for number, stem in enumerate(self.stems, start=1):
            if stem.match(name):
                return number
        raise KeyError(name)
