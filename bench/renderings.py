"""How NTREX's translators render each English name, found from the corpus itself.

The name benchmark replaces, garbles or drops a name *as the translation writes it*, so it must
first know that the Korean translator wrote "Sturridge" as 스터리지 and the Russian one as
Старридж (with case endings). This is found the way word aligners began:

* a name is a capitalised English word, not at the start of a sentence, that the English side
  of the corpus never writes in lower case ("Jones", "Macedonia"; not "Parliament", "Street"),
  found in at least ``MIN_LINES`` lines;
* its rendering is the string of the translation that co-occurs with it most consistently over
  the 1,997 line pairs (Dice coefficient over the sets of lines holding each), among the strings
  a name can be written as in that language: words, stems without case endings or particles,
  runs of CJK characters, whole katakana words;
* names and renderings are linked one to one, best Dice first (competitive linking), so
  "Gjorge" and "Ivanov", which always come together, do not both take one word.

Nothing here uses the checker's own name matching, so the benchmark does not grade the checker
against itself.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from bench import ntrex

MIN_LINES = 2
MIN_DICE = 0.6
# Capitalised words that are not names, or are translated rather than rendered.
_NOT_NAMES = {"I", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "He", "She", "It", "We", "They", "But", "And", "In",
              "On", "At", "For", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
              "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "President", "Minister", "Prime", "Senator", "Sen", "Gov"}
_ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_ARABIC_PREFIXES = ("و", "ب", "ل", "ف", "ك")


def english_names(line: str) -> list[tuple[int, str]]:
    """(offset, word) of capitalised English words that do not start a sentence."""
    found = []
    for match in _ENGLISH_WORD.finditer(line):
        word = match.group().rstrip("'’-")
        word = re.sub(r"['’]s$", "", word)
        before = line[:match.start()].rstrip()
        starts_sentence = not before or before[-1] in ".!?:\"“‘(—–"
        if (word[:1].isupper() and any(c.islower() for c in word) and len(word) > 2
                and word not in _NOT_NAMES and not starts_sentence):
            found.append((match.start(), word))
    return found


def candidates(line: str, lang: str) -> set[str]:
    """The strings a name can be written as in a line of ``lang``."""
    if lang in ("zh", "ja"):
        runs = re.findall(r"[\u4e00-\u9fff]+", line)
        found = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 2, min(len(run), i + 8) + 1)}
        return found | {word for word in re.findall(r"[\u30a1-\u30fa\u30fc]+", line) if len(word) >= 2}
    words = re.findall(r"\w+(?:[\-’']\w+)*", line)
    found = set()
    for word in words:
        if any(c.isdigit() for c in word) or len(word) < 2:
            continue
        found.add(word)
        if lang == "ko":  # particles follow the name: 스터리지가, 스터리지의
            found.update(word[:n] for n in range(2, len(word)))
        elif lang == "ru":  # case endings: Путина, Путину, Путиным
            found.update(word[:-n] for n in (1, 2) if len(word) - n >= 3)
        elif lang == "ar":  # conjunctions and prepositions written onto the word: وبوتين, لترامب
            if word[:1] in _ARABIC_PREFIXES and len(word) > 3:
                found.add(word[1:])
    return found


@lru_cache(maxsize=16)
def inventory(code: str) -> dict[str, str]:
    """English name -> its usual rendering in the language of NTREX file ``code``."""
    lang = ntrex.LANGUAGES[code]
    english = [line for article in ntrex.articles("eng") for line in article.lines]
    foreign = [line for article in ntrex.articles(code) for line in article.lines]
    lower = {word for line in english for word in _ENGLISH_WORD.findall(line) if word.islower()}
    name_lines: dict[str, set[int]] = defaultdict(set)
    for k, line in enumerate(english):
        for _, word in english_names(line):
            if word.lower() not in lower:
                name_lines[word].add(k)
    wanted = {name: lines for name, lines in name_lines.items() if len(lines) >= MIN_LINES}
    string_lines: dict[str, set[int]] = defaultdict(set)
    for k, line in enumerate(foreign):
        for string in candidates(line, lang):
            string_lines[string].add(k)
    scored = []
    for name, lines in wanted.items():
        for string in set().union(*(candidates(foreign[k], lang) for k in lines)):
            together = len(lines & string_lines[string])
            dice = 2 * together / (len(lines) + len(string_lines[string]))
            if together >= MIN_LINES and dice >= MIN_DICE:
                scored.append((dice, together, len(string), name, string))
    result, taken = {}, set()
    for *_, name, string in sorted(scored, reverse=True):
        if name not in result and string not in taken and not any(string in t or t in string for t in taken):
            result[name] = string
            taken.add(string)
    return result


def pairs(source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """(how the source writes a name, how the translation writes it) for an English pair, from
    the NTREX inventory; empty when the data is absent or neither side is English."""
    if not ntrex.available():
        return []
    codes = {lang: code for code, lang in ntrex.LANGUAGES.items()}
    if source_lang == "en" and target_lang in codes:
        return sorted(inventory(codes[target_lang]).items())
    if target_lang == "en" and source_lang in codes:
        return sorted((rendering, name) for name, rendering in inventory(codes[source_lang]).items())
    return []
