"""Figures written in words, read with ICU's rule-based number format (CLDR spell-out rules,
lenient parsing); its own spell-out output is the vocabulary that finds candidate words."""
from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

# Bounded runs: no number is written with more than a couple of dozen numerals or words, and
# unbounded ones would let a hostile text make parsing quadratic.
_MAX_RUN = 16
_CJK_NUMERALS = re.compile(r"[〇零一二两三四五六七八九十百千万萬亿億兆]{2,24}|[十百千万亿億]")

_KO_NUMERALS = re.compile(r"(?<![가-힣])[일이삼사오육칠팔구십백천만억조]{0,12}[십백천만억조][일이삼사오육칠팔구십백천만억조]{0,12}"
                          r"(?=\s?(?:명|개|년|원|달러|건|회|달|일|시간|분|초|킬로|미터|톤|가구|척|대)(?![가-힣]{2}))")

_CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "萬": 10**4,
              "亿": 10**8, "億": 10**8, "兆": 10**12, "십": 10, "백": 100, "천": 1000, "만": 10**4, "억": 10**8,
              "조": 10**12}

_CONNECTORS = {"and", "et", "y", "und", "e", "и", "و"}

# Collective numerals CLDR does not spell: "un millier", "una docena", "a dozen" (plural: a magnitude,
# "des milliers", "tens", "hundreds").
_COLLECTIVES = {
    "en": {"dozen": 12, "hundred": 100, "ten": 10}, "fr": {"millier": 1000, "centaine": 100, "dizaine": 10, "douzaine": 12},
    "es": {"millar": 1000, "centenar": 100, "decena": 10, "docena": 12}, "de": {"dutzend": 12},
    "it": {"migliaio": 1000, "centinaio": 100, "decina": 10, "dozzina": 12},
    "pt": {"milhar": 1000, "centena": 100, "dezena": 10, "dúzia": 12},
}

# Plurals that give only an order of magnitude and are not a collective's plural in -s.
_VAGUE_PLURALS = {
    "es": {"miles": 1000, "cientos": 100}, "de": {"hunderte": 100, "tausende": 1000, "zehntausende": 10**4,
                                                   "hunderttausende": 10**5},
    "ru": {"десятки": 10, "десятков": 10, "сотни": 100, "сотен": 100},
    "ar": {"عشرات": 10, "مئات": 100, "آلاف": 1000, "الآلاف": 1000, "ملايين": 10**6, "الملايين": 10**6},
}
# Several of a CJK unit: 数万, 几千, 上万, 수천.
_CJK_SEVERAL = re.compile(r"(?:数|幾|几|上|(?<![가-힣])수)(十|百|千|万|萬|십|백|천|만)(?:(十|百|千|万|萬|십|백|천|만))?")

# "twice", "both": two, as a translation may write it in digits (2回, 2つ). Small, so only ever a match.
_MULTIPLICATIVES = {
    "en": {"twice": 2, "both": 2, "double": 2, "doubled": 2}, "fr": {"double": 2}, "es": {"ambos": 2, "ambas": 2},
    "de": {"zweimal": 2, "beide": 2, "beiden": 2, "doppelt": 2}, "ru": {"дважды": 2, "оба": 2, "обе": 2, "вдвое": 2},
}

_WORD = re.compile(r"[^\W\d_]+(?:\u00ad[^\W\d_]+)*")  # hyphens part words: "five-point"


@lru_cache(maxsize=64)
def _spellout(lang: str):
    import icu

    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
    formatter.setLenient(False)
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    cardinal = [n for n in names if ("cardinal" in n or n == "%spellout-numbering") and "year" not in n]
    return formatter, cardinal or names[:1]


@lru_cache(maxsize=64)
def _lenient(lang: str):
    import icu

    formatter = icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang))
    formatter.setLenient(True)
    return formatter


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
            spelled = " ".join(formatter.format(number, rule_set).lower().replace("\u00ad", "").split())
            if not any(c.isdigit() for c in spelled):
                words.setdefault(spelled, number)
                if lang == "ar":
                    for variant in _arabic_ordinal_variants(spelled):
                        words.setdefault(variant, number)
    return words


@lru_cache(maxsize=64)
def _ordinal_words(lang: str) -> frozenset:
    """The words compound ordinals are written with ("الحادي", "والعشرين"), which start or
    continue a run of number words."""
    return frozenset(word for phrase in _ordinals(lang) for word in phrase.split())


def _arabic_ordinal_variants(spelled: str) -> set[str]:
    """ICU writes the nominative "الحادي والعشرون"; news writes the oblique case after a noun
    ("القرن الحادي والعشرين", the 21st century), and often the cardinal for the unit of 21
    ("الواحد والعشرين")."""
    oblique = " ".join(re.sub("ون$", "ين", word) for word in spelled.split())
    variants = {oblique}
    for form in (spelled, oblique):
        variants |= {re.sub(r"^الحادي\b", "الواحد", form), re.sub(r"^الحادية\b", "الواحدة", form)}
    return variants - {spelled}


@lru_cache(maxsize=1)
def _korean_native() -> "re.Pattern":
    """Native Korean numerals (ICU's native rule sets), only before a counter word."""
    formatter, _ = _spellout("ko")
    words = {part for n in range(1, 100) for rule_set in ("%spellout-cardinal-native", "%spellout-cardinal-native-attributive")
             for part in formatter.format(n, rule_set).split()}
    body = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![가-힣])(?:{body})(?: ?(?:{body}))?(?= ?(?:명|개|마리|살|사람|가지|권|대|번|척|곳))")


def _spelled_numbers(text: str, lang: str):
    """(start, end, value) for runs of number words that ICU parses."""
    if lang in ("zh", "ja", "ko"):
        for match in _CJK_SEVERAL.finditer(text):
            units = [_CJK_UNITS[u] for u in match.groups() if u]
            yield match.start(), match.end(), Fraction(units[0] * (units[1] if len(units) > 1 else 1)), True
    if lang in ("zh", "ja"):
        for match in _CJK_NUMERALS.finditer(text):
            if text[max(0, match.start() - 1):match.start()] in ("数", "幾", "几", "何", "上"):
                continue  # 数百万, 几千: "several million", read below as a magnitude
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
        for match in _korean_native().finditer(text):  # 열 다섯 마리, 스무 명: counted with native numerals
            value = _parse_words(match.group(), lang)
            if value is not None and value >= 2:
                yield match.start(), match.end(), value, False
        return
    vocabulary = _vocabulary(lang)
    words = list(_WORD.finditer(text))
    canonical = [_canonical(w.group(), lang) for w in words]

    def joined(a: int, b: int) -> bool:  # "two thousand", "twenty-one", not "One, three"
        return re.fullmatch(r"[\s\-]+", text[words[a].end():words[b].start()]) is not None

    def compound(a: int) -> bool:  # "one-sided", "two-thirds": the word belongs to the next one
        return (a + 1 < len(words) and text[words[a].end():words[a + 1].start()] == "-"
                and not _is_number_word(canonical[a + 1], vocabulary, lang))

    k = 0
    while k < len(words):
        if canonical[k] in _CONNECTORS or not _is_number_word(canonical[k], vocabulary, lang):
            k += 1
            continue
        end = k
        while end + 1 < len(words) and end - k < _MAX_RUN and joined(end, end + 1) and not compound(end + 1) \
                and canonical[end + 1] != canonical[end] and (
                _is_number_word(canonical[end + 1], vocabulary, lang)
                or canonical[end + 1] in _CONNECTORS and end + 2 < len(words)
                and joined(end + 1, end + 2) and _is_number_word(canonical[end + 2], vocabulary, lang)):
            end += 1
        # The longest run ICU reads, grown a word at a time and stopped at the first that does not
        # read ("et douze" is "douze"): ICU's lenient parse of a long garbled run is slow.
        best = None
        for stop in range(k, end + 1):
            if canonical[stop] in _CONNECTORS:
                continue
            phrase = "".join(canonical[i] + (text[words[i].end():words[i + 1].start()] if i < stop else "")
                             for i in range(k, stop + 1))
            reading = _read(phrase, lang, several=stop > k)
            if reading is not None:
                best = stop, reading
            elif best is not None or stop > k:  # "one" alone is no figure, "one thousand" is
                break
        if best is None:
            k += 1
            continue
        stop, reading = best
        yield words[k].start(), words[stop].end(), *reading
        k = stop + 1


def _read(phrase: str, lang: str, several: bool) -> tuple[Fraction, bool] | None:
    """(value, vague) of a run of number words, or None when it is no number."""
    if phrase in _VAGUE_PLURALS.get(lang, {}):
        return Fraction(_VAGUE_PLURALS[lang][phrase]), True
    if phrase in _MULTIPLICATIVES.get(lang, {}):
        return Fraction(_MULTIPLICATIVES[lang][phrase]), False
    *count, last = phrase.split()
    collectives = _COLLECTIVES.get(lang, {})
    if last not in collectives and last.rstrip("s") in collectives and not count:
        # "des milliers", "dozens": plural collectives only give an order of magnitude.
        return Fraction(collectives[last.rstrip("s")]), True
    if last in collectives:  # "un millier", "deux douzaines" (the count may be an article)
        times = _parse_words(" ".join(count), lang) if count else None
        return Fraction(collectives[last]) * (times if times and times > 1 else 1), False
    ordinal = _ordinals(lang).get(phrase)
    if ordinal is not None:  # "sixth", "второй": may match the 6位 / 2回目 of a translation
        return Fraction(ordinal), False
    # A bare singular scale word is one of it ("tausend", "mille"); a bare plural
    # ("millions", "миллиарды") only says the order of magnitude.
    value = _parse_words(phrase, lang) or _singular_scales(lang).get(phrase)
    if several and value is not None and not _spelled_as(value, phrase, lang):
        return None  # ICU's lenient parse also reads "two two" (22) and "three one" (301)
    if value is None and phrase in _scale_words(lang):
        return Fraction(_scale_words(lang)[phrase]), True
    # "one", "un", "ein" are as often articles as numbers: only scaled ones count.
    if value is not None and (value >= 2 or several):
        return Fraction(value), False
    return None


def _spelled_as(value: Fraction, phrase: str, lang: str) -> bool:
    """Whether ICU spells ``value`` as ``phrase`` in one of its rule sets (cases, genders, years)."""
    if value.denominator != 1 or value > 10**15:
        return False
    return tuple(_words_of(phrase)) in _spellings(int(value), lang)


@lru_cache(maxsize=4096)
def _spellings(value: int, lang: str) -> frozenset:
    """Every way ICU's cardinal and numbering rule sets spell ``value``, as word tuples."""
    formatter, _ = _spellout(lang)
    names = [formatter.getRuleSetName(i) for i in range(formatter.getNumberOfRuleSetNames())]
    return frozenset(tuple(_words_of(formatter.format(value, name)))
                     for name in names if "cardinal" in name or "numbering" in name)


def _words_of(phrase: str) -> list[str]:
    return [w for w in re.split(r"[\s\-\u00ad]+", phrase.lower()) if w]


def _canonical(word: str, lang: str) -> str:
    """The form ICU's rules spell: lower case, and for Arabic the plain alef, the nominative of
    words written in the oblique case (عشرين -> عشرون) and the tens of a decade (الثمانينيات)."""
    lowered = word.lower()
    if lang != "ar":
        return lowered
    plain = _plain_alef(lowered)
    decade = re.fullmatch(r"ال(\w+ين)يات", plain)  # الثمانينيات, "the eighties": its tens word
    return _arabic_forms().get(decade.group(1) if decade else plain, lowered)


def _plain_alef(word: str) -> str:
    return re.sub("[إأآ]", "ا", word)


@lru_cache(maxsize=1)
def _arabic_forms() -> dict[str, str]:
    """Written Arabic number words -> ICU's spelling: hamza on the alef or not, the oblique and
    construct cases (اثنين, عشرين, اثنتي), مئة beside مائة, and hundreds written as one word."""
    formatter, rule_sets = _spellout("ar")
    forms: dict[str, str] = {}
    for n in list(range(0, 101)) + [n * 100 for n in range(1, 10)] + [1000, 2000, 10**6, 2 * 10**6, 10**9]:
        for rule_set in rule_sets:
            spelled = formatter.format(n, rule_set)
            for word in spelled.split():
                plain = _plain_alef(word)
                for variant in (plain, re.sub("ون$", "ين", plain), re.sub("ان$", "ين", plain),
                                re.sub("ا$", "ي", plain), plain.replace("مائة", "مئة")):
                    forms.setdefault(variant, word)
            if n in range(300, 1000, 100):  # ثلاثمائة / ثلاثمئة: "ثلاثة مائة" in one word
                unit = _plain_alef(spelled.split()[0]).rstrip("ة")
                for hundred in ("مائة", "مئة"):
                    for stem in {unit, unit.rstrip("ي")}:
                        forms.setdefault(stem + hundred, spelled)
    return forms


def _is_number_word(word: str, vocabulary: frozenset, lang: str = "") -> bool:
    lowered = word.lower()
    if lowered in _VAGUE_PLURALS.get(lang, {}) or lowered in _MULTIPLICATIVES.get(lang, {}):
        return True
    collectives = _COLLECTIVES.get(lang, {})
    if lowered in _ordinals(lang) or lowered in _ordinal_words(lang) or lowered in _scale_words(lang) or lowered in collectives \
            or lowered.rstrip("s") in collectives:
        return True
    if lowered in vocabulary or all(part in vocabulary for part in re.split(r"[\s\-\u00ad]", lowered)):
        return True
    # Compounds ICU spells as one word: zehntausend, zweitausendfünfhundert, tjugotusen.
    return (len(lowered) > 6 and any(scale in lowered for scale in _scale_words(lang))
            and _parse_words(lowered, lang) is not None)


@lru_cache(maxsize=4096)  # ICU's lenient parse costs up to milliseconds (Russian: 33 rule sets)
def _parse_words(words: str, lang: str) -> Fraction | None:
    import icu

    # Strict parsing first (several times faster); the lenient parse only for one word, where it
    # reads compounds ICU spells with soft hyphens ("zehntausend"). Several words are checked
    # against ICU's spelling afterwards anyway.
    formatters = [_spellout(lang)[0]] + ([_lenient(lang)] if len(words.split()) == 1 else [])
    for formatter in formatters:
        try:
            position = icu.ParsePosition(0)
            result = formatter.parse(words, position)
            if position.getIndex() < len(words.rstrip()):
                continue
            value = result.getDouble()
        except icu.ICUError:
            continue
        return Fraction(value).limit_denominator(1000) if value == value else None
    return None
