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
