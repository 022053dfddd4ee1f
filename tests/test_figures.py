"""Figures: the same value in different forms is equal; a different value is not."""
from __future__ import annotations

from fractions import Fraction

import pytest

from consistency.figures import extract

# (lang, text, expected figures as (text, value)); each row is one real way of writing a figure.
FORMS = [
    ("en", "more than ten thousand soldiers", [("ten thousand", 10000)]),
    ("en", "10,000 soldiers and 2.5 million rounds", [("10,000", 10000), ("2.5 million", 2500000)]),
    ("en", "$2m and 3 bn", [("2m", 2000000), ("3 bn", 3000000000)]),
    ("en", "twenty-one people", [("twenty-one", 21)]),
    ("fr", "plus de dix mille soldats", [("dix mille", 10000)]),
    ("fr", "10 000 soldats, 2,5 milliards", [("10 000", 10000), ("2,5 milliards", 2500000000)]),
    ("de", "mehr als zehntausend Soldaten", [("zehntausend", 10000)]),
    ("de", "10.000 Soldaten und 2,5 Mio. Euro", [("10.000", 10000), ("2,5 Mio.", 2500000)]),
    ("es", "más de diez mil soldados y 10.000 más", [("diez mil", 10000), ("10.000", 10000)]),
    ("it", "più di diecimila soldati", [("diecimila", 10000)]),
    ("pt", "mais de dez mil soldados", [("dez mil", 10000)]),
    ("ru", "более десяти тысяч военных", [("десяти тысяч", 10000)]),
    ("ru", "около двух тысяч, 2 млн и 10 000", [("двух тысяч", 2000), ("2 млн", 2000000), ("10 000", 10000)]),
    ("uk", "понад десять тисяч", [("десять тисяч", 10000)]),
    ("pl", "ponad dziesięć tysięcy", [("dziesięć tysięcy", 10000)]),
    ("tr", "on bin asker", [("on bin", 10000)]),
    ("ar", "أكثر من عشرة آلاف جندي", [("عشرة آلاف", 10000)]),
    ("ar", "نحو ألفي جندي و١٠٬٠٠٠", [("ألفي", 2000), ("١٠٬٠٠٠", 10000)]),
    ("fa", "۱۰٬۰۰۰ سرباز", [("۱۰٬۰۰۰", 10000)]),
    ("he", "10,000 חיילים", [("10,000", 10000)]),
    ("hi", "१०,००० सैनिक", [("१०,०००", 10000)]),
    ("zh", "超过1万名士兵，三千五百人，3.5万", [("1万", 10000), ("三千五百", 3500), ("3.5万", 35000)]),
    ("ja", "1万人以上、二千人", [("1万", 10000), ("二千", 2000)]),
    ("ko", "1만 명 이상, 3천5백 명, 이천 명", [("1만", 10000), ("3천5백", 3500), ("이천", 2000)]),
]


@pytest.mark.parametrize("lang,text,expected", FORMS, ids=[f"{row[0]}:{row[1][:20]}" for row in FORMS])
def test_forms_give_values(lang, text, expected):
    found = [(f.text, f.values) for f in extract(text, lang) if not f.month]
    assert found == [(t, frozenset({Fraction(v)})) for t, v in expected]


def test_ten_thousand_in_every_form_is_one_value():
    forms = [("en", "10,000"), ("en", "ten thousand"), ("zh", "1万"), ("ja", "一万"), ("ar", "عشرة آلاف"),
             ("ar", "١٠٬٠٠٠"), ("fr", "10 000"), ("de", "10.000"), ("ru", "десять тысяч"), ("ko", "1만")]
    figures = [extract(text, lang)[0] for lang, text in forms]
    assert all(a.matches(b) for a in figures for b in figures)
    assert not extract("1,000", "en")[0].matches(figures[0])


def test_ambiguous_grouping_keeps_both_readings_and_says_so():
    (figure,) = extract("1.500 people", "en")
    assert figure.values == {Fraction(3, 2), Fraction(1500)} and "1.500" in figure.unsure
    (german,) = extract("1.500 Menschen", "de")
    assert german.values == {Fraction(1500)} and german.unsure is None


def test_percent_month_time_and_conversion():
    (percent,) = extract("25% of voters", "en")
    (plain,) = extract("25 voters", "en")
    assert percent.percent and not percent.matches(plain)
    june_en = extract("last June", "en")[0]
    june_zh = extract("去年6月", "zh")[0]
    june_ru = extract("в июне прошлого года", "ru")[0]
    assert june_en.month and june_en.matches(june_zh) and june_en.matches(june_ru)
    assert extract("at 19:30 BST", "en")[0].matches(extract("vers 19h30", "fr")[0])
    feet = extract("waves 20 feet high", "en")[0]
    assert feet.matches(extract("des vagues de 6 mètres", "fr")[0])
    assert not feet.matches(extract("des vagues de 60 mètres", "fr")[0])


def test_hedges():
    assert extract("more than 10,000", "en")[0].hedge == "more"
    assert extract("около двух тысяч", "ru")[0].hedge == "about"
    assert extract("1만 명 이상", "ko")[0].hedge == "more"
    assert extract("1万人以上", "ja")[0].hedge == "more"
    assert extract("10,000 soldiers", "en")[0].hedge is None


def test_words_that_are_not_figures():
    assert extract("One of them said one thing.", "en") == []  # "one" is as often an article
    assert [f.text for f in extract("One, three", "en")] == ["three"]  # no run across a comma
    (millions,) = extract("millions of people", "en")  # an order of magnitude, never a finding alone
    (milliards,) = extract("des milliards de personnes", "fr")
    assert millions.vague and millions.soft and not millions.matches(milliards)
    (several,) = extract("数百万ドル", "ja")  # "several million": a magnitude like "millions"
    assert several.vague and several.soft and several.matches(millions)
    assert extract("G20 summit and COVID-19", "en") == []
