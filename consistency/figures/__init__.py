"""Extraction: figures in a sentence, in any script and locale format, digits or words.

A figure keeps its span, every value it can mean (exact fractions; two when the format is
ambiguous, e.g. "1.500" in a language whose decimal sign is a comma and whose grouping is a
space), and its hedge ("more than", "около", "以上"). Number words are read with ICU's
rule-based number format (CLDR spell-out rules), which knows the
inflections ("двух тысяч", "ألفين") and the CJK numerals ("三千五百", "삼천오백"); the
vocabulary that finds candidate words is generated from the same rules."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from .calendar import _CJK_CLOCK, _TIME, _month_key, _months
from .digits import (_NUMBER, _bidi_control, _cjk_mixed_spans, _cjk_mixed_value, _decade_values, _digit_values, _fraction_after,
                     _names_part, _scale_after, _show)
from .hedges import HEDGE_SENSE, HEDGES, hedge_of  # noqa: F401 (HEDGES is public)
from .roman import roman_numerals
from .units import conversion_after, currency_of, percent_suffix
from .words import _parse_words, _spelled_numbers

_HOUR_FRACTIONS = re.compile(r"\b(?:quarter|half)(?:-hour\b| (?:of )?an hour\b)", re.IGNORECASE)
_MAX_DIGITS = 60  # longer digit runs are identifiers or noise, and too long to read as exact values

# "20世纪80年代" is one date, the 1980s (or "80年代").
_CJK_DECADE = re.compile(r"(\d{2})\s?世[纪紀]\s?(\d)0\s?年代")
# "百分之五十", "百分之3.5": Chinese writes the percentage before the number.
_CJK_PERCENT = re.compile(r"百分之(?:(\d+(?:\.\d+)?)|([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?)")
_CJK_DIGIT = {c: k for k, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


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
    currency: frozenset = frozenset()  # families of the currency it is an amount in ("dollar", "yen", "yuan")
    bidi: str | None = None  # a bidi control inside it (U+202E …): its digits may show in another order
    vague: bool = False  # a bare plural scale ("millions of people"): only its order of magnitude
    incidental: str | None = None  # why the figure only ever supports a match ("Roman numeral")
    written: frozenset = frozenset()  # the numbers a conversion in brackets is written with: 6, 18 in "6 m (18 ft)"

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
        give as a duration (3分35秒) instead, and those of a conversion in brackets, which a
        translation may write as two figures when it misspells or drops the unit."""
        if not self.time:
            return set(self.written)
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
        end, to_percent = (end, None) if month or time else percent_suffix(text, end)
        percent = percent or to_percent is not None
        values = {v * to_percent for v in values} if to_percent else values
        for k in range(start, end):
            taken[k] = True
        converts = conversion_after(text, end)
        found.append(Figure(start, end, text[start:end], frozenset(values), percent,
                            None if month or time else hedge_of(text, start, end, lang), spelled, unsure, month,
                            time, converts, incidental=incidental,
                            currency=frozenset() if month or time else currency_of(text, start, end),
                            bidi=_bidi_control(text[start:end])))

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
        if len(match.group()) > _MAX_DIGITS:
            continue  # a code or garbage rather than a figure
        values, unsure = _digit_values(match.group(), lang)
        if _names_part(text, match.start()):  # "COVID-19", "Par-3": may match the other side's, never missed
            add(match.start(), match.end(), values, False, unsure, incidental="part of a name")
            continue
        end = match.end()
        fraction = _fraction_after(text, end)  # 14½
        if fraction:
            values, end = {v + fraction for v in values}, end + 1
        decade = _decade_values(match.group(), text, end)
        values = values | decade
        if decade and match.group().endswith("00"):
            unsure = unsure or "the 1900s, 2000s: a decade or a century"
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
                             spelled=first.spelled and figure.spelled, converts=first.converts or figure.converts,
                             written=frozenset() if same else first.values | figure.values)
        merged.append(figure)
    return merged


_UNIT_THEN_BRACKET = re.compile(r"\s?(?:[^\s\d()（\[]+[\s/]?){1,4}\s?[(\[（]\s?")  # "800 كيلو متر في الساعة (497"
