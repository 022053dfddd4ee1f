"""Extraction: figures in a sentence, in any script and locale format, digits or words.

A figure keeps its span, every value it can mean (exact fractions; two when the format is
ambiguous, e.g. "1.500" in a language whose decimal sign is a comma and whose grouping is a
space), and its hedge ("more than", "около", "以上"). Number words are read with ICU's
rule-based number format (CLDR spell-out rules, lenient parsing), which knows the
inflections ("двух тысяч", "ألفين") and the CJK numerals ("三千五百", "삼천오백"); the
vocabulary that finds candidate words is generated from the same rules."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from .calendar import _CJK_CLOCK, _TIME, _month_key, _months
from .digits import (_NUMBER, _cjk_mixed_spans, _cjk_mixed_value, _decade_values, _digit_values, _fraction_after,
                     _names_part, _scale_after, _show)
from .roman import roman_numerals
from .words import _parse_words, _spelled_numbers

# Imperial units and their metric counterparts, so a consistent conversion is no finding.
# Written forms per script; "pound" only as a weight where the language has a separate word for
# the currency (so not 파운드, ポンド, фунт, livre).
_FOOT, _MILE, _YARD, _POUND, _INCH, _ACRE, _GALLON = 0.3048, 1.609344, 0.9144, 0.45359, 2.54, 0.404686, 3.78541
_CONVERSIONS = {
    "feet": _FOOT, "foot": _FOOT, "ft": _FOOT, "miles": _MILE, "mile": _MILE, "mph": _MILE, "inches": _INCH,
    "inch": _INCH, "pounds": _POUND, "pound": _POUND, "lbs": _POUND, "lb": _POUND, "acres": _ACRE, "acre": _ACRE,
    "gallons": _GALLON, "gallon": _GALLON, "yards": _YARD, "yard": _YARD,
    "pieds": _FOOT, "pied": _FOOT, "milles": _MILE, "Fuß": _FOOT, "Meilen": _MILE, "Meile": _MILE, "pies": _FOOT,
    "millas": _MILE, "milla": _MILE, "yardas": _YARD, "libras": _POUND, "футов": _FOOT, "фута": _FOOT, "миль": _MILE,
    "мили": _MILE, "ярдов": _YARD, "قدم": _FOOT, "قدما": _FOOT, "أقدام": _FOOT, "ميل": _MILE, "ميلا": _MILE,
    "أميال": _MILE, "ياردة": _YARD, "ياردات": _YARD, "رطل": _POUND, "أرطال": _POUND,
}
_CONVERSIONS_GLUED = {  # no spaces in these scripts: the unit may run on into the next word
    "英尺": _FOOT, "英里": _MILE, "码": _YARD, "磅": _POUND, "フィート": _FOOT, "マイル": _MILE, "ヤード": _YARD,
    "피트": _FOOT, "마일": _MILE, "야드": _YARD,
}
_UNIT_AFTER = re.compile(r"\s?-?\s?([^\W\d_]+)")  # "20 feet", "550-pound", "20英尺高"
_ARABIC_MARKS = re.compile("[\u064b-\u0652]")


def _conversion_after(text: str, end: int) -> float:
    """The factor to metric when an imperial unit follows the figure, else 0."""
    unit = _UNIT_AFTER.match(text, end)
    if not unit:
        return 0.0
    word = _ARABIC_MARKS.sub("", unit.group(1))  # قدمًا -> قدما
    factor = _CONVERSIONS.get(word) or _CONVERSIONS.get(word.lower())
    return factor or next((f for glued, f in _CONVERSIONS_GLUED.items() if word.startswith(glued)), 0.0)
_HOUR_FRACTIONS = re.compile(r"\b(?:quarter|half)(?:-hour\b| (?:of )?an hour\b)", re.IGNORECASE)
_MAX_DIGITS = 60  # longer digit runs are identifiers or noise, and too long to read as exact values

# "20世纪80年代" is one date, the 1980s (or "80年代").
_CJK_DECADE = re.compile(r"(\d{2})\s?世[纪紀]\s?(\d)0\s?年代")
_PER_MILLE = re.compile(r"\s?(?:‰|per ?mille\b|pour ?mille\b|Promille\b|промилле\b)")
# "百分之五十", "百分之3.5": Chinese writes the percentage before the number.
_CJK_PERCENT = re.compile(r"百分之(?:(\d+(?:\.\d+)?)|([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?)")
_CJK_DIGIT = {c: k for k, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_PERCENT = re.compile(r"\s?(?:%|٪|％|per ?cent\b|pour ?cent\b|Prozent\b|por ?ciento\b|процент\w*|بالمئة|بالمائة|퍼센트|パーセント)")

HEDGES = {  # kind -> cue phrases placed before a figure
    "more": {"en": ["more than", "over", "above", "in excess of"], "fr": ["plus de", "plus d'", "au-delà de"],
             "de": ["mehr als", "über"], "es": ["más de", "más del"], "ru": ["более", "свыше", "больше"],
             "ar": ["أكثر من", "ما يزيد على", "ما يزيد عن"], "zh": ["超过", "逾"], "ja": ["超"]},
    "about": {"en": ["about", "around", "some", "roughly", "approximately", "an estimated"],
              "fr": ["environ", "quelque", "quelques"], "de": ["rund", "etwa", "ungefähr", "circa", "ca."],
              "es": ["unos", "unas", "alrededor de", "alrededor del", "aproximadamente"],
              "ru": ["около", "примерно", "порядка"], "ar": ["نحو", "حوالي", "زهاء"],
              "zh": ["约", "大约", "约有", "大约有"], "ja": ["約", "およそ"], "ko": ["약"]},
    "almost": {"en": ["nearly", "almost", "close to"], "fr": ["presque", "près de", "près d'"],
               "de": ["fast", "knapp", "beinahe"], "es": ["casi", "cerca de", "cerca del"],
               "ru": ["почти", "чуть меньше"], "ar": ["ما يقرب من", "قرابة"], "zh": ["近", "将近", "接近"],
               "ko": ["거의"]},
    "at least": {"en": ["at least"], "fr": ["au moins"], "de": ["mindestens", "zumindest"],
                 "es": ["al menos", "por lo menos"], "ru": ["не менее", "по меньшей мере", "как минимум"],
                 "ar": ["على الأقل"], "zh": ["至少"], "ja": ["少なくとも", "最低"], "ko": ["적어도", "최소"]},
    "up to": {"en": ["up to", "as many as"], "fr": ["jusqu'à"], "de": ["bis zu"],
              "es": ["hasta"], "ru": ["вплоть до"], "ar": ["حتى"],
              "zh": ["多达", "最多"], "ja": ["最大"], "ko": ["최대"]},
}

# What a hedge says about the true value. Cues of one sense are interchangeable across languages
# ("près de" is "nearly" and "about"; "über" is "more than" and "at least"): only a change of sense,
# or a hedge dropped or added, is a finding.
HEDGE_SENSE = {None: "exact", "about": "approximate", "almost": "approximate", "more": "at least",
               "at least": "at least", "up to": "at most"}

# Chinese, Japanese and Korean also hedge after the figure and its counter: 1万人以上, 200倍左右,
# 3,000개까지, 300,000명이 넘는. Cue -> kind; "여" and "多" only straight after the digits (10여 명, 200多人).
_HEDGES_AFTER = {
    "zh": {"以上": "more", "多": "more", "余": "more", "左右": "about", "上下": "about"},
    "ja": {"以上": "more", "超": "more", "余り": "more", "ほど": "about", "程度": "about", "前後": "about",
           "近く": "almost", "まで": "up to"},
    "ko": {"이상": "more", "넘는": "more", "넘게": "more", "여": "more", "가량": "about", "정도": "about",
           "가까이": "almost", "까지": "up to"},
}
_COUNTER = {"zh": r"[个名人倍位家座起次件只元]", "ja": r"[人名件点個倍台回歳円社校]",
            "ko": r"(?:명|배|개|건|회|곳|척|대|마리|달러|원|가구)"}
_IMMEDIATE = {"여", "多", "余"}
# A preposition may stand between a Slavic hedge and its figure: "примерно в 200 раз", "почти на 10 %".
_CUE_GAP = {"ru": r"(?:\s+(?:в|на))?", "uk": r"(?:\s+(?:в|на|у))?"}
_DATE_COUNTERS = r"(?:년|월|일|시|분|年|月|日|時|时|分)"  # "2018년까지" is "until 2018", no hedge


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
    incidental: str | None = None  # why the figure only ever supports a match ("Roman numeral")

    def matches(self, other: "Figure", tolerance: float = 0.06) -> bool:
        if (self.percent, self.month, self.time) != (other.percent, other.month, other.time):
            return False
        if self.values & other.values:
            return True
        # 20 feet / 6 metres: a conversion, rounded as translators round, is the same figure.
        for imperial, metric in ((self, other), (other, self)):
            if imperial.converts:
                for value in imperial.values:
                    converted = float(value) * imperial.converts
                    if any(abs(float(m) - converted) <= tolerance * converted for m in metric.values):
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
        return (self.month or self.vague or self.incidental is not None or max(self.values) < 2
                or self.spelled and max(self.values) <= 10)

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


def extract(text: str, lang: str) -> list[Figure]:
    """Figures in ``text`` (a sentence or a whole article), in reading order, spans not overlapping."""
    found: list[Figure] = []
    taken = [False] * (len(text) + 1)

    def add(start: int, end: int, values: set, spelled: bool, unsure: str | None = None, month: bool = False,
            time: bool = False, incidental: str | None = None, percent: bool = False):
        if not values or any(taken[start:end]):
            return
        end, to_percent = (end, None) if month or time else _percent_suffix(text, end)
        percent = percent or to_percent is not None
        values = {v * to_percent for v in values} if to_percent else values
        for k in range(start, end):
            taken[k] = True
        converts = _conversion_after(text, end)
        found.append(Figure(start, end, text[start:end], frozenset(values), percent,
                            None if month or time else _hedge(text, start, end, lang), spelled, unsure, month,
                            time, converts, incidental=incidental))

    for match in _TIME.finditer(text):
        hour, minutes = int(match.group(1)), int(match.group(2) or 0)
        alone = match.group("alone") or ""
        half = match.group("half") or (alone if alone[:1].lower() in "ap" or alone[:1] in "صم" else None)
        afternoon = re.search(r"(?:오후|午後|下午|晚上)\s?$", text[max(0, match.start() - 4):match.start()])
        if half or afternoon:
            pm = afternoon or half.lower().startswith("p") or half.startswith("مساء")
            hour = hour % 12 + (12 if pm else 0)
        if hour <= 24:  # 27:37 is a race time: two numbers, not a clock
            add(match.start(), match.end(), {Fraction(hour * 60 + minutes)}, False, time=True)
    if lang in ("zh", "ja"):
        for match in _CJK_CLOCK.finditer(text):
            hour, minutes = _parse_words(match.group("hour"), lang), _parse_words(match.group("minutes") or "零", lang)
            # "一点" is "a little" and "三点" may be "three points": a time needs its part of the day or minutes.
            if hour is not None and hour <= 24 and (match.group("part") or match.group("minutes") or match.group("half")):
                hour = hour % 12 + 12 if match.group("part") in ("下午", "晚上") else hour
                minutes = 30 if match.group("half") else minutes or 0
                add(match.start(), match.end(), {Fraction(hour * 60 + minutes)}, False, time=True)

    forms, pattern = _months(lang)
    for match in pattern.finditer(text):
        add(match.start(), match.end(), {Fraction(forms[_month_key(match.group(), lang)])}, True, month=True)
    if lang in ("zh", "ja", "ko"):
        for match in _CJK_DECADE.finditer(text):
            year = (int(match.group(1)) - 1) * 100 + int(match.group(2)) * 10
            add(match.start(), match.end(), {Fraction(year), Fraction(year % 100)}, False)
        for match in _CJK_PERCENT.finditer(text):
            whole = Fraction(match.group(1)) if match.group(1) else _parse_words(match.group(2), lang)
            if whole is not None:
                decimals = match.group(3) or ""
                value = whole + sum(Fraction(_CJK_DIGIT[c], 10 ** (k + 1)) for k, c in enumerate(decimals))
                add(match.start(), match.end(), {value}, not match.group(1), percent=True)
        for start, end in _cjk_mixed_spans(text):
            add(start, end, {_cjk_mixed_value(text[start:end])}, False)
    for match in _NUMBER.finditer(text):
        if _names_part(text, match.start()) or len(match.group()) > _MAX_DIGITS:
            continue  # a name ("COVID-19"), or a code or garbage rather than a figure
        values, unsure = _digit_values(match.group(), lang)
        end = match.end()
        fraction = _fraction_after(text, end)  # 14½
        if fraction:
            values, end = {v + fraction for v in values}, end + 1
        values = values | _decade_values(match.group(), text, end)
        scale, end = _scale_after(text, end, lang)
        add(match.start(), end, {v * scale for v in values}, False, unsure)
    if lang == "en":  # "the quarter-hour mark", "half an hour": minutes a translation may write as 15分
        for match in _HOUR_FRACTIONS.finditer(text):
            minutes = 15 if "quarter" in match.group().lower() else 30
            add(match.start(), match.end(), {Fraction(minutes)}, True, incidental="fraction of an hour, in minutes")
    for start, end, value in roman_numerals(text):
        add(start, end, {value}, True, incidental="Roman numeral")
    for start, end, value, vague in _spelled_numbers(text, lang):
        add(start, end, {value}, True)
        if vague and found and found[-1].start == start:
            found[-1] = replace(found[-1], vague=True)
    return _merge_restatements(_merge_magnitudes(sorted(found, key=lambda f: f.start), text), text)


def _merge_magnitudes(figures: list[Figure], text: str) -> list[Figure]:
    """"tens of thousands", "десятки тысяч", "عشرات الآلاف", "decenas de miles": one magnitude."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if previous and previous.vague and figure.vague and re.fullmatch(
                r"\s+(?:(?:of|de|d'|d’|de los)\s+)?", text[previous.end:figure.start]):
            figure = replace(previous, end=figure.end, text=text[previous.start:figure.end],
                             values=frozenset({max(previous.values) * max(figure.values)}))
            merged.pop()
        merged.append(figure)
    return merged


def _merge_restatements(figures: list[Figure], text: str) -> list[Figure]:
    """One figure written twice side by side is one figure: يونيو/حزيران, "10,000 (ten thousand)",
    and a conversion in brackets, "six meters (18 feet)", "800 kph (497 mph)"."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        gap = text[previous.end:figure.start] if previous else ""
        # A conversion in brackets is rounded more freely than one a translator makes.
        if previous and previous.matches(figure, tolerance=0.12) and (
                re.fullmatch(r"[\s/(),]*", gap)  # not "5-5": a score or a range is two figures
                or (previous.converts or figure.converts) and _UNIT_THEN_BRACKET.fullmatch(gap)):
            first = merged.pop()
            same = first.values & figure.values
            figure = replace(first, end=figure.end, text=text[first.start:figure.end],
                             values=same or first.values | figure.values, hedge=first.hedge or figure.hedge,
                             spelled=first.spelled and figure.spelled, converts=first.converts or figure.converts)
        merged.append(figure)
    return merged


_UNIT_THEN_BRACKET = re.compile(r"\s?(?:[^\s\d()（\[]+[\s/]?){1,4}\s?[(\[（]\s?")  # "800 كيلو متر في الساعة (497"


def _percent_suffix(text: str, end: int) -> tuple[int, Fraction | None]:
    """Where a percentage or per-mille sign after the figure ends, and the factor to a percentage."""
    match = _PERCENT.match(text, end)
    if match:
        return match.end(), Fraction(1)
    match = _PER_MILLE.match(text, end)
    return (match.end(), Fraction(1, 10)) if match else (end, None)


def _hedge(text: str, start: int, end: int, lang: str) -> str | None:
    before = text[max(0, start - 24):start].lower().replace("’", "'")
    for kind, cues in HEDGES.items():
        for cue in cues.get(lang, ()):
            if lang in ("zh", "ja", "ko"):
                if before.rstrip().endswith(cue):
                    return kind
            elif re.search(r"(?:^|\W)" + re.escape(cue) + _CUE_GAP.get(lang, "") + r"\s*$", before):
                return kind
    if lang in _HEDGES_AFTER:
        after = text[end:end + 12]
        # "18歳から29歳まで", "18세부터 29세까지": the end of a range, not "up to".
        range_end = re.search(r"(?:から|부터|~|〜|－|-)\s*$", text[max(0, start - 3):start])
        if not re.match(r"\s?" + _DATE_COUNTERS, after) and not range_end:
            for cue, kind in _HEDGES_AFTER[lang].items():
                if after.startswith(cue) if cue in _IMMEDIATE else re.match(
                        r"\s?(?:" + _COUNTER[lang] + r")?\s?(?:이|가|을|를)?\s?" + re.escape(cue), after):
                    return kind
    # "30 mètres environ", "384 شخصًا على الأقل", "an hour or so": a hedge after the figure and its noun.
    for kind, cues in _TRAILING_HEDGES.get(lang, {}).items():
        if re.match(r"\s*(?:[^\s\d]+\s+)?(?:" + cues + r")(?!\w)", text[end:end + 40], re.IGNORECASE):
            return kind
    return None


_TRAILING_HEDGES = {
    "en": {"about": "or so|approximately"}, "fr": {"about": "environ"}, "de": {"about": "ungefähr|etwa"},
    "es": {"about": "aproximadamente"}, "it": {"about": "circa"}, "pt": {"about": "aproximadamente"},
    "ru": {"about": "примерно|приблизительно"},
    "ar": {"about": "تقريبا|تقريبًا", "at least": "على الأقل", "more": "أو أكثر|وأكثر"},
}
