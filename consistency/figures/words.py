"""Figures written in words, read with ICU's rule-based number format (CLDR spell-out rules,
lenient parsing); its own spell-out output is the vocabulary that finds candidate words."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

_CJK_NUMERALS = re.compile(r"[〇零一二两三四五六七八九十百千万萬亿億兆]{2,}|[十百千万亿億]")

_KO_NUMERALS = re.compile(r"(?<![가-힣])[일이삼사오육칠팔구십백천만억조]*[십백천만억조][일이삼사오육칠팔구십백천만억조]*"
                          r"(?=\s?(?:명|개|년|원|달러|건|회|달|일|시간|분|초|킬로|미터|톤|가구|척|대)(?![가-힣]{2}))")

_CONNECTORS = {"and", "et", "y", "und", "e", "и", "و"}

# Collective numerals CLDR does not spell: "un millier", "una docena", "a dozen".
_COLLECTIVES = {
    "en": {"dozen": 12}, "fr": {"millier": 1000, "centaine": 100, "dizaine": 10, "douzaine": 12},
    "es": {"millar": 1000, "centenar": 100, "decena": 10, "docena": 12}, "de": {"dutzend": 12},
    "it": {"migliaio": 1000, "centinaio": 100, "decina": 10, "dozzina": 12},
    "pt": {"milhar": 1000, "centena": 100, "dezena": 10, "dúzia": 12},
}

_WORD = re.compile(r"[^\W\d_]+(?:[-\u00ad][^\W\d_]+)*")


@lru_cache(maxsize=64)
def _spellout(lang: str):
    import icu

    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
    formatter.setLenient(True)
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    cardinal = [n for n in names if ("cardinal" in n or n == "%spellout-numbering") and "year" not in n]
    return formatter, cardinal or names[:1]


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
