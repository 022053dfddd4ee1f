"""Units after a figure: percentages and per-mille, and imperial units with their metric
factor, so that a consistent conversion (20 feet / 6 metres) is the same figure."""
from __future__ import annotations

import re
from fractions import Fraction

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


def conversion_after(text: str, end: int) -> float:
    """The factor to metric when an imperial unit follows the figure, else 0."""
    unit = _UNIT_AFTER.match(text, end)
    if not unit:
        return 0.0
    word = _ARABIC_MARKS.sub("", unit.group(1))  # قدمًا -> قدما
    factor = _CONVERSIONS.get(word) or _CONVERSIONS.get(word.lower())
    return factor or next((f for glued, f in _CONVERSIONS_GLUED.items() if word.startswith(glued)), 0.0)


_PER_MILLE = re.compile(r"\s?(?:‰|per ?mille\b|pour ?mille\b|Promille\b|промилле\b)")
_PERCENT = re.compile(r"\s?(?:%|٪|％|per ?cent\b|pour ?cent\b|Prozent\b|por ?ciento\b|процент\w*|بالمئة|بالمائة|퍼센트|パーセント)")


def percent_suffix(text: str, end: int) -> tuple[int, Fraction | None]:
    """Where a percentage or per-mille sign after the figure ends, and the factor to a percentage."""
    match = _PERCENT.match(text, end)
    if match:
        return match.end(), Fraction(1)
    match = _PER_MILLE.match(text, end)
    return (match.end(), Fraction(1, 10)) if match else (end, None)


# Currencies, as families: "$" and "dollars" may be any dollar, "¥" yen or yuan, "pound" sterling
# or Egyptian. A finding needs two figures whose families cannot be the same.
_CURRENCY_SYMBOLS = {"US$": {"dollar"}, "A$": {"dollar"}, "C$": {"dollar"}, "HK$": {"dollar"}, "$": {"dollar"},
                     "£": {"pound"}, "€": {"euro"}, "¥": {"yen", "yuan"}, "￥": {"yen", "yuan"}, "₩": {"won"},
                     "₽": {"ruble"}, "₹": {"rupee"}}
_CURRENCY_WORDS = {  # lower-case stems, checked after the figure (and its scale word)
    "dollar": ["dollar", "dólar", "доллар", "دولار", "달러", "美元", "港元", "ドル", "usd"],
    "pound": ["pound", "sterling", "livre", "libra", "pfund", "фунт", "جنيه", "파운드", "英镑", "ポンド", "gbp"],
    "euro": ["euro", "евро", "يورو", "유로", "欧元", "ユーロ", "eur"],
    "yen": ["yen", "иен", "йен", "ين", "엔", "日元", "円"],
    "yuan": ["yuan", "юан", "يوان", "위안", "人民币", "元", "cny", "rmb"],
    "won": ["won", "вон", "وون", "원", "韩元", "ウォン"],
    "ruble": ["ruble", "rouble", "рубл", "روبل", "루블", "卢布", "ルーブル"],
}
_SYMBOL_BEFORE = re.compile(r"(?:US\$|[ACH]K?\$|[$£€¥￥₩₽₹])\s?$")
_SYMBOL_AFTER = re.compile(r"\s?[$£€¥￥₩₽₹]")
_WORD_AFTER = re.compile(r"[\s\u00a0]?(?:de |of |d')?([^\W\d_]+)")
_CURRENCY_STEMS = sorted(((stem, family) for family, stems in _CURRENCY_WORDS.items() for stem in stems),
                         key=lambda item: -len(item[0]))


def currency_of(text: str, start: int, end: int) -> frozenset:
    """The currency families a figure can be in ("£125m" -> pound, "125 millions de dollars" ->
    dollar, "3000亿元" -> yuan), empty when it is no amount of money."""
    before = _SYMBOL_BEFORE.search(text, max(0, start - 4), start)
    if before:
        return frozenset(_CURRENCY_SYMBOLS[before.group().strip()])
    after = _SYMBOL_AFTER.match(text, end)
    if after:
        return frozenset(_CURRENCY_SYMBOLS[after.group().strip()])
    word = _WORD_AFTER.match(text, end)
    if word:
        lowered = word.group(1).lower()
        for stem, family in _CURRENCY_STEMS:
            # An inflection or particle may follow (dollars, долларов, 달러를), not a longer word ("European").
            if lowered.startswith(stem) and len(lowered) - len(stem) <= 3:
                return frozenset({family})
    return frozenset()
