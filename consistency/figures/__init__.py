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

from .calendar import _TIME, _month_key, _months
from .digits import _CJK_MIXED, _NUMBER, _cjk_mixed_value, _digit_values, _scale_after, _show
from .words import _spelled_numbers

# Imperial units and their metric counterparts, so a consistent conversion is no finding.
_CONVERSIONS = {
    "feet": 0.3048, "foot": 0.3048, "ft": 0.3048, "miles": 1.609344, "mile": 1.609344, "inches": 2.54,
    "inch": 2.54, "pounds": 0.45359, "pound": 0.45359, "lbs": 0.45359, "lb": 0.45359, "acres": 0.404686, "acre": 0.404686,
    "gallons": 3.78541, "gallon": 3.78541, "mph": 1.609344, "yards": 0.9144, "yard": 0.9144,
}

_UNIT_AFTER = re.compile(r"[\s\-]?([A-Za-z]+)\b")  # "20 feet", "550-pound"
_PERCENT = re.compile(r"\s?(?:%|٪|％|per ?cent\b|pour ?cent\b|Prozent\b|por ?ciento\b|процент\w*|بالمئة|بالمائة|퍼센트|パーセント)")

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
        unit = _UNIT_AFTER.match(text, end)
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


def _percent_suffix(text: str, end: int) -> tuple[int, bool]:
    match = _PERCENT.match(text, end)
    return (match.end(), True) if match else (end, False)


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
