"""Extraction: names (people, places, organisations) in a sentence, and the spans of another
sentence that may render them.

Names are found where a script has capital letters (Latin, Cyrillic, Greek, Armenian …): a
capitalised word inside a sentence, or at its start when the article also writes it
capitalised inside a sentence. Adjacent capitalised words form one group ("Phil Mickelson",
"Bank of England"). Scripts without capitals (Arabic, Hebrew, CJK, Hangul, Devanagari …) are
not searched for names of their own: the check looks there for the rendering of each name found
on the other side, among every span a name can be written as (``candidates``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from .exonyms import is_adjective_of_place
from .lexicon import has_lexicon, is_common_word, is_given_name
from .romanise import consonant_key, fold, romanise, script_of  # noqa: F401 (fold is public)

# Zero-width space, non-joiner and joiner, word joiner and soft hyphen stay inside a word: Persian
# writes ZWNJ inside words, and pasted text hides the others in names ("Pu\u200btin").
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-\u200b-\u200d\u2060\ufeff\u00ad]*[^\W_])?")
_PARTICLES = {"de", "da", "del", "della", "der", "den", "van", "von", "bin", "al", "el", "la", "le", "du", "di",
              "of", "dos", "das", "ibn", "zu"}  # not Spanish "y": "España y Francia" is two names
_SENTENCE_OPENERS = "\"“”„«»‘’'(—–-:[「『"
_QUOTE_MARKS = "\"“”„«»‘’'"
_COMMAS = ",،，"
# The scripts with capital letters, by ``romanise.script_of``'s name and by ICU's code for them.
CASED_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "greek": "Grek", "armenian": "Armn", "georgian": "Geor"}
MIN_KEY = 3  # a name whose consonant key is shorter ("Rory", "Aceh", "Iowa") cannot be told from chance
SHORT = "too short to match across scripts"  # unless CLDR knows how the other language writes it (Seoul)
ADJECTIVE = "an adjective of a place or people, which translations translate"
PHRASE = "a word of a phrase of common words (Supreme Court), which translations translate"
DESCRIPTOR = "a common word saying what a name is (Palace of Westminster, Syracuse University), which translations translate"


@dataclass(frozen=True)
class Name:
    start: int  # offsets into the text it was found in
    end: int
    text: str
    key: str  # consonant key (romanise.consonant_key)
    group: int  # names with one group number stand side by side ("Phil Mickelson")
    soft: str | None = None  # why it may support a match but never raise a finding alone
    phrase: str = ""  # the whole group as written ("Corée du Nord"), which CLDR may know as one name

    @property
    def romanised(self) -> str:
        return romanise(self.text)


def has_capitals(text: str) -> bool:
    """Whether ``text`` is written in a script with capital letters (by its first letter)."""
    return script_of(text) in CASED_SCRIPTS


def extract(text: str, lang: str, inside: frozenset = frozenset(), lower: frozenset = frozenset()) -> list[Name]:
    """Names in ``text``. ``inside``: words the article writes capitalised inside a sentence
    (so they are names at its start too); ``lower``: words it writes in lower case (so a
    capitalised one is a common word used as a name, which translations translate)."""
    names: list[Name] = []
    words = list(_WORD.finditer(text))
    headline = title_case(text)
    group = -1
    previous_end = None
    for k, match in enumerate(words):
        word = _bare(match.group())
        at_start = _starts_sentence(text, match.start()) or headline  # in a headline, every word is a start
        capitalised = word[:1].isupper() and script_of(word) in CASED_SCRIPTS
        if word in _PARTICLES and previous_end is not None and text[previous_end:match.start()] == " ":
            continue  # "Bank of England": the group may go on after the particle
        if not capitalised or word in _months(lang):
            previous_end = None
            continue
        if at_start and word not in inside and (headline or not _next_is_capitalised(words, k)):
            previous_end = None
            continue
        gap = text[previous_end:match.start()] if previous_end is not None else None
        if gap is None or not re.fullmatch(r"\s|\s(?:" + "|".join(_PARTICLES) + r")\s", gap):
            group += 1
        end = match.start() + len(word)
        names.append(Name(match.start(), end, word, consonant_key(word), group, _soft_reason(word, lang, lower)))
        previous_end = end
    spans = {}
    for name in names:
        spans[name.group] = (spans.get(name.group, (name.start,))[0], name.end)
    named = [replace(n, phrase=text[spans[n.group][0]:spans[n.group][1]]) for n in names]
    # "North Korean", "South African": the whole group is an adjective of a place.
    return [replace(n, soft=n.soft or ADJECTIVE) if n.phrase != n.text and is_adjective_of_place(n.phrase, lang)
            else n for n in named]


def _bare(word: str) -> str:
    """'Sainsbury's' -> 'Sainsbury', 'Trump’s' -> 'Trump'."""
    return re.sub(r"['’]s$", "", word)


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    if before and before[-1] in _QUOTE_MARKS and before[:-1].rstrip().endswith(tuple(_COMMAS)):
        return False  # '"… the Democratic Party," Trump said': the quotation closed, the sentence goes on
    return not before or before[-1] in _SENTENCE_OPENERS + ".!?"


def _next_is_capitalised(words: list, k: int) -> bool:
    return k + 1 < len(words) and words[k + 1].group()[:1].isupper() and \
        words[k + 1].start() - words[k].end() == 1


def _soft_reason(word: str, lang: str, lower: frozenset) -> str | None:
    if len(consonant_key(word)) < MIN_KEY:
        return SHORT
    if is_adjective_of_place(word, lang):
        return ADJECTIVE
    if word.isupper():
        return "an acronym, often spelt out or translated"
    if word.lower() in lower:
        return "a common word written capitalised"
    return None


@lru_cache(maxsize=32)
def _months(lang: str) -> frozenset:
    """Month and weekday names (ICU's date symbols): capitalised in many languages, never names
    here. Every region's symbols of the language: British English abbreviates September "Sept"."""
    import icu

    language = icu.Locale(lang or "en").getLanguage()
    words: set[str] = set()
    for locale in [icu.Locale(language)] + [loc for loc in icu.Locale.getAvailableLocales().values()
                                            if loc.getLanguage() == language]:
        symbols = icu.DateFormatSymbols(locale)
        words.update(w.rstrip(".") for w in list(symbols.getMonths()) + list(symbols.getShortMonths())
                     + list(symbols.getWeekdays()) + list(symbols.getShortWeekdays()) if w)
    return frozenset(words - {""})  # a word is read without its full stop: "Okt." is "Okt"


def title_case(text: str) -> bool:
    """A headline in title case ("Trump Warns of Embarked Troops"): capitals say nothing of
    names there. Title case leaves only short words in lower case (of, and, with); a sentence
    dense with names still has longer ones (met Vladimir Putin and North Korean *soldiers*)."""
    words = _WORD.findall(text)
    capitalised = sum(w[:1].isupper() for w in words)
    return capitalised >= 3 and capitalised > 0.6 * len(words) and not any(len(w) >= 5 and w.islower() for w in words)


def article_cues(sentences: list[str]) -> tuple[frozenset, frozenset]:
    """(words written capitalised inside a sentence, words written in lower case) over an
    article; headlines in title case say nothing of either."""
    inside, lower = set(), set()
    for sentence in (s for s in sentences if not title_case(s)):
        for match in _WORD.finditer(sentence):
            word = _bare(match.group())
            if word.islower():
                lower.add(word)
            elif word[:1].isupper() and not _starts_sentence(sentence, match.start()):
                inside.add(word)
    return frozenset(inside), frozenset(lower)


def soften_common_words(names: dict[int, list[Name]], lang: str, lower: frozenset = frozenset()) -> dict[int, list[Name]]:
    """``names`` (per sentence, as ``extract`` found them over an article) with the common words
    (``lexicon``; or, like "The", words the article writes in lower case, ``lower``) of a group of
    two words or more made soft, where translators translate them rather than render them:

    * every word of a phrase of common words (``PHRASE``: Supreme Court, Public Prosecution
      Service);
    * the common words of a group that also holds a name (``DESCRIPTOR``: Palace of Westminster,
      Syracuse University, Belfast Magistrates), unless a given name makes the group a person's
      ("Donald Trump", "Christine Blasey Ford"): there the common word is the surname.

    A common word the article also uses standing alone as a name stays a name wherever it
    stands: "President Trump" where Trump appears alone, "Kanye West" where West does."""
    if not has_lexicon(lang):
        return names
    groups = defaultdict(list)
    for k, found in names.items():
        for n in found:
            groups[k, n.group].append(n)
    alone = {group[0].text for group in groups.values() if len(group) == 1}
    common = {m.text for group in groups.values() for m in group
              if (is_common_word(m.text, lang) or m.text.lower() in lower) and m.text not in alone}
    soft = {}
    for key, group in groups.items():
        if len(group) < 2:
            continue
        if all(m.text in common for m in group):
            soft[key] = PHRASE
        elif not any(is_given_name(m.text) for m in group):
            soft[key] = DESCRIPTOR
    return {k: [replace(n, soft=n.soft or soft[k, n.group]) if (k, n.group) in soft and n.text in common else n
                for n in found]
            for k, found in names.items()}


def candidates(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` a name may be written as, in any script: words and pairs of words,
    Hangul words without their particles (푸틴의), runs of kana, and the 2-6 character pieces of
    Han runs (names stand inside them without spaces: 普京总统)."""
    spans: set[tuple[int, int]] = set()
    for run in re.finditer(r"[\u4e00-\u9fff\u3400-\u4dbf]+", text):
        for i in range(run.start(), run.end()):
            for j in range(i + 2, min(run.end(), i + 6) + 1):
                spans.add((i, j))
    for run in re.finditer(r"[\u30a1-\u30fa\u30fc]+(?:[・=＝][\u30a1-\u30fa\u30fc]+)*", text):
        spans.add(run.span())
        for part in re.finditer(r"[\u30a1-\u30fa\u30fc]+", run.group()):
            spans.add((run.start() + part.start(), run.start() + part.end()))
    words = [m for m in _WORD.finditer(text) if script_of(m.group()) not in ("han", "kana")]
    for k, match in enumerate(words):
        spans.add(match.span())
        if script_of(match.group()) == "hangul":
            spans.update((match.start(), match.start() + n) for n in range(2, len(match.group())))
        if k + 1 < len(words) and re.fullmatch(r"[\s\-·・]", text[match.end():words[k + 1].start()]):
            spans.add((match.start(), words[k + 1].end()))
    return sorted(spans)

