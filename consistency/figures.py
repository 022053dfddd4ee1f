"""Extraction: figures in a sentence, in any script and locale format, digits or words.

A figure keeps its span, every value it can mean (exact fractions; two when the format is
ambiguous, e.g. "1.500" in a language whose decimal sign is a comma and whose grouping is a
space), and its hedge ("more than", "около", "以上"). Number words are read with ICU's
rule-based number format (CLDR spell-out rules, lenient parsing), which knows the
inflections ("двух тысяч", "ألفين") and the CJK numerals ("三千五百", "삼천오백"); the
vocabulary that finds candidate words is generated from the same rules.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache

_DIGIT = r"\d"
# A run of digits with the separators numbers use between digit groups.
# Not glued to a Latin or Cyrillic word ("G20", "COVID-19" stay names); CJK text has no spaces.
_NUMBER = re.compile(r"(?<![\d.,A-Za-z\u00C0-\u024F\u0400-\u04FF])(?<![A-Za-z\u0400-\u04FF]-)\d+"
                     r"(?:[.,٬٫]\d+|[\u00a0\u202f\u2009 '’]\d{3}(?!\d))*(?![\d])")
# Clock times: 19:30, 19h30, 19 h 30, 19時30分, 19点30分, 19시 30분 (value: minutes after midnight).
_TIME = re.compile(r"(?<![\d.,:])(\d{1,2})(?:\s?(?::|h|時|时|点|시|\.(?=\d\d\s?[ap]\.?m))\s?([0-5]\d)"
                   r"(?:\s?(?:分|분))?(?![\d])(?:\s?(?P<half>[ap]\.?m\.?)(?!\w))?"
                   r"|\s?(?P<alone>[ap]\.?m\.?(?!\w)|h(?!\w)|Uhr\b|時(?!間)|时|点钟|시(?!간)))", re.IGNORECASE)
# Imperial units and their metric counterparts, so a consistent conversion is no finding.
_CONVERSIONS = {
    "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "miles": 1.609344, "mile": 1.609344, "inches": 2.54,
    "inch": 2.54, "pounds": 0.45359, "pound": 0.45359, "lbs": 0.45359, "lb": 0.45359, "acres": 0.404686, "acre": 0.404686,
    "gallons": 3.78541, "gallon": 3.78541, "mph": 1.609344, "yards": 0.9144, "yard": 0.9144,
}
_PERCENT = re.compile(r"\s?(?:%|٪|％|per ?cent\b|pour ?cent\b|Prozent\b|por ?ciento\b|процент\w*|بالمئة|بالمائة|퍼센트|パーセント)")

# Scale words and abbreviations written after digits (the spelled-out ones come from ICU).
_SCALE_ABBREVIATIONS = {
    "en": {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12},
    "fr": {"Md": 10**9, "Mds": 10**9, "md": 10**9, "M": 10**6},
    "de": {"Mio": 10**6, "Mio.": 10**6, "Mrd": 10**9, "Mrd.": 10**9, "Tsd": 10**3, "Tsd.": 10**3},
    "es": {"mil": 10**3, "M": 10**6},
    "ru": {"тыс": 10**3, "тыс.": 10**3, "млн": 10**6, "млрд": 10**9, "трлн": 10**12},
    "uk": {"тис": 10**3, "тис.": 10**3, "млн": 10**6, "млрд": 10**9},
}
_CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "萬": 10**4,
              "亿": 10**8, "億": 10**8, "兆": 10**12, "십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8,
              "조": 10**12}
_CJK_SECTIONS = {10**4, 10**8, 10**12}
_CJK_MIXED = re.compile(r"(?:\d+(?:[.,]\d+)? ?[十百千万萬亿億兆십백천만억조])+\d*")
_CJK_NUMERALS = re.compile(r"[〇零一二两三四五六七八九十百千万萬亿億兆]{2,}|[十百千万亿億]")
_KO_NUMERALS = re.compile(r"(?<![가-힣])[일이삼사오육칠팔구십백천만억조]*[십백천만억조][일이삼사오육칠팔구십백천만억조]*"
                          r"(?=\s?(?:명|개|년|원|달러|건|회|달|일|시간|분|초|킬로|미터|톤|가구|척|대)(?![가-힣]{2}))")

HEDGES = {  # kind -> cue phrases placed before (or, for CJK/ko, after) a figure
    "more": {"en": ["more than", "over", "above", "in excess of"], "fr": ["plus de", "plus d'", "au-delà de"],
             "de": ["mehr als", "über"], "es": ["más de"], "ru": ["более", "свыше", "больше"],
             "ar": ["أكثر من", "ما يزيد على", "ما يزيد عن"], "zh": ["超过", "逾", "多"], "ja": ["以上", "超"],
             "ko": ["이상", "넘는", "여"]},
    "about": {"en": ["about", "around", "some", "roughly", "approximately", "an estimated"],
              "fr": ["environ", "quelque", "quelques", "près de"], "de": ["rund", "etwa", "ungefähr", "circa", "ca."],
              "es": ["unos", "unas", "alrededor de", "cerca de", "aproximadamente"], "ru": ["около", "примерно", "порядка"],
              "ar": ["نحو", "حوالي", "قرابة", "زهاء"], "zh": ["约", "大约", "约有", "大约有", "左右"], "ja": ["約", "およそ", "ほど"],
              "ko": ["약", "가량", "정도"]},
    "almost": {"en": ["nearly", "almost", "close to"], "fr": ["presque", "près de"], "de": ["fast", "knapp", "beinahe"],
               "es": ["casi"], "ru": ["почти", "чуть меньше"], "ar": ["ما يقرب من", "قرابة"], "zh": ["近", "将近", "接近"],
               "ja": ["近く", "近い"], "ko": ["가까이", "거의"]},
    "at least": {"en": ["at least"], "fr": ["au moins"], "de": ["mindestens", "zumindest"], "es": ["al menos", "por lo menos"],
                 "ru": ["не менее", "по меньшей мере", "как минимум"], "ar": ["على الأقل"], "zh": ["至少"],
                 "ja": ["少なくとも"], "ko": ["적어도", "최소"]},
    "up to": {"en": ["up to", "as many as"], "fr": ["jusqu'à"], "de": ["bis zu"], "es": ["hasta"], "ru": ["до"],
              "ar": ["حتى"], "zh": ["多达"], "ja": ["最大"], "ko": ["최대"]},
}


@dataclass(frozen=True)
class Figure:
    start: int  # offsets into the text the figure was found in
    end: int
    text: str
    values: frozenset  # of Fraction: every value the text can mean
    percent: bool = False
    hedge: str | None = None
    spelled: bool = False  # written in words ("ten thousand", "三千")
    unsure: str | None = None  # why more than one value was kept
    month: bool = False  # a month of the year ("June", "июня", "6月"): its value is its number
    time: bool = False  # a clock time; its value is minutes after midnight
    converts: float = 0.0  # an imperial unit follows: the factor to its metric counterpart
    vague: bool = False  # a bare plural scale ("millions of people"): only its order of magnitude

    def matches(self, other: "Figure") -> bool:
        if (self.percent, self.month, self.time) != (other.percent, other.month, other.time):
            return False
        if self.values & other.values:
            return True
        # 20 feet / 6 metres: a conversion, rounded as translators round, is the same figure.
        for imperial, metric in ((self, other), (other, self)):
            if imperial.converts:
                for value in imperial.values:
                    converted = float(value) * imperial.converts
                    if any(abs(float(m) - converted) <= 0.12 * converted for m in metric.values):
                        return True
        return False

    def parts(self) -> set:
        """The numbers a clock time is written with (3:35 -> 3, 35, 15), which a translation may
        give as a duration (3分35秒) instead."""
        if not self.time:
            return set()
        minutes = int(min(self.values))
        hour = minutes // 60
        return {Fraction(hour), Fraction(hour % 12), Fraction(minutes % 60)}

    @property
    def soft(self) -> bool:
        """Small spelled-out numbers ("two", "deux", "两", "second") are often rephrased ("both",
        "a pair"), months are often turned into relative dates ("last June"), a lone 0 or 1 is
        as often part of a name ("Ligue 1") and "millions" is no count: such figures may satisfy
        a match, or show a change against a figure left over beside them, but never raise a
        finding on their own."""
        return self.month or self.vague or max(self.values) < 2 or self.spelled and max(self.values) <= 10

    def describe(self) -> str:
        if self.vague:
            return f"{_show(min(self.values))}s"
        if self.month:
            return f"month {int(min(self.values))}"
        if self.time:
            minutes = int(min(self.values))
            return f"{minutes // 60:02d}:{minutes % 60:02d}"
        values = sorted(self.values)
        shown = " or ".join(_show(v) for v in values)
        return f"{shown}{'%' if self.percent else ''}"


def _show(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{float(value):,.6g}"


def extract(text: str, lang: str) -> list[Figure]:
    """Figures in ``text`` (a sentence or a whole article), in reading order, spans not overlapping."""
    found: list[Figure] = []
    taken = [False] * (len(text) + 1)

    def add(start: int, end: int, values: set, spelled: bool, unsure: str | None = None, month: bool = False,
            time: bool = False):
        if not values or any(taken[start:end]):
            return
        end, percent = (end, False) if month or time else _percent_suffix(text, end)
        for k in range(start, end):
            taken[k] = True
        unit = re.compile(r"[\s\-]?([A-Za-z]+)\b").match(text, end)
        converts = _CONVERSIONS.get(unit.group(1).lower(), 0.0) if unit else 0.0
        found.append(Figure(start, end, text[start:end], frozenset(values), percent,
                            None if month or time else _hedge(text, start, end, lang), spelled, unsure, month,
                            time, converts))

    for match in _TIME.finditer(text):
        hour, minutes = int(match.group(1)), int(match.group(2) or 0)
        half = match.group("half") or (match.group("alone") if (match.group("alone") or "")[:1].lower() in "ap"
                                        else None)
        afternoon = re.search(r"(?:오후|午後|下午|晚上)\s?$", text[max(0, match.start() - 4):match.start()])
        if half or afternoon:
            pm = afternoon or half.lower().startswith("p")
            hour = hour % 12 + (12 if pm else 0)
        if hour <= 24:  # 27:37 is a race time: two numbers, not a clock
            add(match.start(), match.end(), {Fraction(hour * 60 + minutes)}, False, time=True)

    forms, pattern = _months(lang)
    for match in pattern.finditer(text):
        add(match.start(), match.end(), {Fraction(forms[_month_key(match.group(), lang)])}, True, month=True)
    if lang in ("zh", "ja", "ko"):
        for match in _CJK_MIXED.finditer(text):
            add(match.start(), match.end(), {_cjk_mixed_value(match.group())}, False)
    for match in _NUMBER.finditer(text):
        values, unsure = _digit_values(match.group(), lang)
        end = match.end()
        scale, end = _scale_after(text, end, lang)
        add(match.start(), end, {v * scale for v in values}, False, unsure)
    for start, end, value, vague in _spelled_numbers(text, lang):
        add(start, end, {value}, True)
        if vague and found and found[-1].start == start:
            found[-1] = replace(found[-1], vague=True)
    return _merge_restatements(sorted(found, key=lambda f: f.start), text)


def _merge_restatements(figures: list[Figure], text: str) -> list[Figure]:
    """One figure written twice side by side is one figure: يونيو/حزيران, "10,000 (ten thousand)"."""
    merged: list[Figure] = []
    for figure in figures:
        if merged and merged[-1].matches(figure) and re.fullmatch(r"[\s/()\-–,]*", text[merged[-1].end:figure.start]):
            first = merged.pop()
            figure = replace(first, end=figure.end, text=text[first.start:figure.end],
                             values=first.values & figure.values, hedge=first.hedge or figure.hedge,
                             spelled=first.spelled and figure.spelled, converts=first.converts or figure.converts)
        merged.append(figure)
    return merged


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


def _percent_suffix(text: str, end: int) -> tuple[int, bool]:
    match = _PERCENT.match(text, end)
    return (match.end(), True) if match else (end, False)


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


@lru_cache(maxsize=64)
def _separators(lang: str) -> tuple[str, str]:
    import icu

    symbols = icu.DecimalFormatSymbols(icu.Locale(lang))
    return (symbols.getSymbol(icu.DecimalFormatSymbols.kDecimalSeparatorSymbol),
            symbols.getSymbol(icu.DecimalFormatSymbols.kGroupingSeparatorSymbol))


def _digit_values(raw: str, lang: str) -> tuple[set, str | None]:
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


def _scale_after(text: str, end: int, lang: str) -> tuple[int, int]:
    match = re.compile(r"[ \u00a0\u202f]?([^\W\d_]+\.?)").match(text, end)
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


@lru_cache(maxsize=64)
def _scale_words(lang: str) -> dict[str, int]:
    """Every form ICU spells thousand, million, billion, trillion in (with inflections)."""
    formatter, rule_sets = _spellout(lang)
    words: dict[str, int] = {}
    for scale in (10**3, 10**6, 10**9, 10**12):
        for multiple in (1, 2, 3, 5, 11, 21):
            for rule_set in rule_sets:
                spelled = formatter.format(multiple * scale, rule_set)
                last = re.split(r"[\s\-\u00ad]+", spelled.strip())[-1].lower()
                if last and not any(c.isdigit() for c in last) and len(last) > 1:
                    words.setdefault(last, scale)
                    if lang == "en":  # CLDR spells "two million"; news also writes "millions of"
                        words.setdefault(last + "s", scale)
    return words


@lru_cache(maxsize=64)
def _singular_scales(lang: str) -> dict[str, int]:
    formatter, rule_sets = _spellout(lang)
    words = {}
    for scale in (10**3, 10**6, 10**9):
        for rule_set in rule_sets:
            tokens = re.split(r"[\s\-\u00ad]+", formatter.format(scale, rule_set).strip().lower())
            one = formatter.format(1, rule_set).strip().lower()
            # "million" / "un millón" / "eine Million" name the scale; "mil millones" does not.
            if len(tokens) == 1 or len(tokens) == 2 and tokens[0] == one:
                if len(tokens[-1]) > 1:
                    words.setdefault(tokens[-1], scale)
    return words


@lru_cache(maxsize=64)
def _spellout(lang: str):
    import icu

    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
    formatter.setLenient(True)
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    cardinal = [n for n in names if ("cardinal" in n or n == "%spellout-numbering") and "year" not in n]
    return formatter, cardinal or names[:1]


@lru_cache(maxsize=64)
def _vocabulary(lang: str) -> frozenset:
    formatter, rule_sets = _spellout(lang)
    words = set()
    numbers = list(range(0, 101)) + [n * 100 for n in range(2, 10)] + [1000, 2000, 5000, 10**6, 2 * 10**6,
                                                                       5 * 10**6, 10**9, 2 * 10**9, 5 * 10**9]
    for rule_set in rule_sets:
        for n in numbers:
            for word in re.split(r"[\s\-\u00ad]+", formatter.format(n, rule_set).lower()):
                if word and not any(c.isdigit() for c in word):
                    words.add(word)
    return frozenset(words)


_CONNECTORS = {"and", "et", "y", "und", "e", "и", "و"}
# Collective numerals CLDR does not spell: "un millier", "una docena", "a dozen".
_COLLECTIVES = {
    "en": {"dozen": 12}, "fr": {"millier": 1000, "centaine": 100, "dizaine": 10, "douzaine": 12},
    "es": {"millar": 1000, "centenar": 100, "decena": 10, "docena": 12}, "de": {"dutzend": 12},
    "it": {"migliaio": 1000, "centinaio": 100, "decina": 10, "dozzina": 12},
    "pt": {"milhar": 1000, "centena": 100, "dezena": 10, "dúzia": 12},
}
_WORD = re.compile(r"[^\W\d_]+(?:[-\u00ad][^\W\d_]+)*")


def _spelled_numbers(text: str, lang: str):
    """(start, end, value) for runs of number words that ICU parses."""
    if lang in ("zh", "ja"):
        for match in _CJK_NUMERALS.finditer(text):
            if text[max(0, match.start() - 1):match.start()] in ("数", "幾", "几", "何"):
                continue  # 数百万, 几千, 何百万: "several million", no figure
            if not re.search(r"[十百千万萬亿億兆]", match.group()) and text[match.end():match.end() + 1] != "年":
                continue  # 一一 "one by one", 五一 "May Day": digits without units are words here
            value = _parse_words(match.group(), lang)
            if value is not None:
                yield match.start(), match.end(), value, False
        return
    if lang == "ko":
        for match in _KO_NUMERALS.finditer(text):
            value = _parse_words(match.group(), lang)
            if value is not None and value >= 100:
                yield match.start(), match.end(), value, False
        return
    vocabulary = _vocabulary(lang)
    words = list(_WORD.finditer(text))
    k = 0
    while k < len(words):
        if not _is_number_word(words[k].group(), vocabulary, lang):
            k += 1
            continue
        end = k

        def joined(a: int, b: int) -> bool:  # "two thousand", not "One, three"
            return re.fullmatch(r"[\s\-]+", text[words[a].end():words[b].start()]) is not None

        while end + 1 < len(words) and joined(end, end + 1) and (
                _is_number_word(words[end + 1].group(), vocabulary, lang)
                or words[end + 1].group().lower() in _CONNECTORS and end + 2 < len(words)
                and joined(end + 1, end + 2) and _is_number_word(words[end + 2].group(), vocabulary, lang)):
            end += 1
        start_char, end_char = words[k].start(), words[end].end()
        phrase = text[start_char:end_char]
        *count, last = phrase.lower().split()
        collective = _COLLECTIVES.get(lang, {}).get(last)
        if collective is None and last.rstrip("s") in _COLLECTIVES.get(lang, {}) and not count:
            # "des milliers", "dozens": plural collectives only give an order of magnitude.
            yield start_char, end_char, Fraction(_COLLECTIVES[lang][last.rstrip("s")]), True
            k = end + 1
            continue
        if collective is not None:  # "un millier", "deux douzaines" (the count may be an article)
            times = _parse_words(" ".join(count), lang) if count else None
            yield start_char, end_char, Fraction(collective) * (times if times and times > 1 else 1), False
            k = end + 1
            continue
        ordinal = _ordinals(lang).get(phrase.lower())
        if ordinal is not None:  # "sixth", "второй": may match the 6位 / 2回目 of a translation
            yield start_char, end_char, Fraction(ordinal), False
            k = end + 1
            continue
        # A bare singular scale word is one of it ("tausend", "mille"); a bare plural
        # ("millions", "миллиарды") only says the order of magnitude.
        value = _parse_words(phrase, lang) or _singular_scales(lang).get(phrase.lower())
        vague = value is None and phrase.lower() in _scale_words(lang)
        value = Fraction(_scale_words(lang)[phrase.lower()]) if vague else value
        value = Fraction(value) if value is not None else None
        # "one", "un", "ein" are as often articles as numbers: only scaled ones count.
        if value is not None and (value >= 2 or end > k):
            yield start_char, end_char, value, vague
        k = end + 1


@lru_cache(maxsize=64)
def _ordinals(lang: str) -> dict[str, int]:
    formatter, _ = _spellout(lang)
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    words: dict[str, int] = {}
    for rule_set in (n for n in names if "ordinal" in n):
        for number in range(1, 101):
            spelled = formatter.format(number, rule_set).lower().replace("\u00ad", "")
            if not any(c.isdigit() for c in spelled):
                words.setdefault(spelled, number)
    return words


def _is_number_word(word: str, vocabulary: frozenset, lang: str = "") -> bool:
    lowered = word.lower()
    collectives = _COLLECTIVES.get(lang, {})
    if lowered in _ordinals(lang) or lowered in _scale_words(lang) or lowered in collectives \
            or lowered.rstrip("s") in collectives:
        return True
    if lowered in vocabulary or all(part in vocabulary for part in re.split(r"[-\u00ad]", lowered)):
        return True
    # Compounds ICU spells as one word: zehntausend, zweitausendfünfhundert, tjugotusen.
    return (len(lowered) > 6 and any(scale in lowered for scale in _scale_words(lang))
            and _parse_words(lowered, lang) is not None)


def _parse_words(words: str, lang: str) -> Fraction | None:
    import icu

    formatter, _ = _spellout(lang)
    try:
        position = icu.ParsePosition(0)
        result = formatter.parse(words, position)
        if position.getIndex() < len(words.rstrip()):
            return None
        value = result.getDouble()
    except icu.ICUError:
        return None
    return Fraction(value).limit_denominator(1000) if value == value else None


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


def _hedge(text: str, start: int, end: int, lang: str) -> str | None:
    before = text[max(0, start - 24):start].lower().replace("’", "'")
    # CJK and Korean hedges follow the counter word: 1万人以上, 1만 명 이상.
    after = re.sub(r"^\s*(?:명|名|人|개|건|회)?\s*", "", text[end:end + 10].lower())
    for kind, cues in HEDGES.items():
        for cue in cues.get(lang, ()):
            if lang in ("zh", "ja", "ko"):
                if before.rstrip().endswith(cue) or after.lstrip().startswith(cue):
                    return kind
            elif re.search(r"(?:^|\W)" + re.escape(cue) + r"\s*$", before):
                return kind
    # "30 mètres environ", "20 Meter ungefähr", "an hour or so": approximation after the figure.
    trailing = _TRAILING_ABOUT.get(lang)
    if trailing and re.match(r"\s*(?:[^\W\d]+\s+)?(?:" + trailing + r")\b", text[end:end + 30], re.IGNORECASE):
        return "about"
    return None


_TRAILING_ABOUT = {"en": "or so|approximately", "fr": "environ", "de": "ungefähr|etwa", "es": "aproximadamente",
                   "it": "circa", "pt": "aproximadamente", "ru": "примерно|приблизительно", "ar": "تقريبا|تقريبًا"}
