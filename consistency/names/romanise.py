"""Names in any script brought to comparable forms: a Latin romanisation and a consonant key.

Romanisation is anyascii's (pinyin for Chinese, Hepburn for kana, Revised Romanisation for
Hangul, a letter-for-letter reading of Arabic and Cyrillic). Romanisations of one name differ
in their vowels (Arabic writes few, Japanese and Korean add them between consonants: トランプ
"toranpu", 트럼프 "teureompeu") and in consonants that languages hear alike (p/b/f/v/w,
k/g/q, s/z/sh/zh/j, l/r, m/n). The key keeps one letter per class of consonant and drops the
vowels, so Trump, Трамп, ترامب, 트럼프, トランプ and 特朗普 all key as ``TRNP``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Digraphs first (longest first), then single letters. "J" is a class of its own: Arabic ج and
# pinyin j are an English j in some names and a g in others (جوجل "Google", 吉 "Virginia").
# "ng" before "gh": Birmingham and Arabic برمنغهام ("brmnghham") are ng-h, not n-gh.
_DIGRAPHS = [("shch", "S"), ("sch", "S"), ("tch", "S"), ("dzh", "S"), ("zh", "S"), ("sh", "S"), ("ch", "S"),
             ("ts", "S"), ("tz", "S"), ("dj", "J"), ("dg", "J"), ("ph", "P"), ("th", "T"), ("kh", "K"),
             ("ng", "N"), ("gh", "K"), ("ck", "K"), ("qu", "K"), ("x", "KS")]
_CLASSES = {**dict.fromkeys("pbfvw", "P"), **dict.fromkeys("td", "T"), **dict.fromkeys("kgcq", "K"),
            **dict.fromkeys("sz", "S"), "j": "J", **dict.fromkeys("lr", "R"), **dict.fromkeys("mn", "N")}
_PINYIN = [("x", "s"), ("q", "ch")]  # pinyin x and q are palatal sibilants, not "ks" and "k"
_ARABIC_ARTICLE = re.compile(r"^(?:[وفبلك]?ال|[وفبلك]ل)(?=\w{3})")  # "al-", "wa-al-", "li-l-"


def romanise(text: str) -> str:
    """Lower-case Latin letters only: 'Путина' -> 'putina', '普京' -> 'pujing'."""
    return re.sub(r"[^a-z]", "", anyascii(text).lower())


def fold(text: str) -> str:
    """Case and accents folded, for comparing names within one script ("Poutine", "POUTINE")."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)  # Hangul syllables come apart in NFD: put them back


def script_of(text: str) -> str:
    """The script of the first letter: 'latin', 'cyrillic', 'arabic', 'han', 'hangul', 'kana', …"""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith("CJK"):
                return "han"
            if "KATAKANA" in name or "HIRAGANA" in name:
                return "kana"
            # Python's Unicode database names no Tangut or Khitan ideograph: no script we know.
            return name.split()[0].lower() if name else ""
    return ""


def without_article(text: str) -> str:
    """An Arabic word without the article and a particle before it (المقدونية, وبالعراق): no
    part of a name; other scripts as they are."""
    return _ARABIC_ARTICLE.sub("", text) if script_of(text) == "arabic" else text


@lru_cache(maxsize=65536)
def consonant_key(text: str) -> str:
    """The consonant skeleton: one class letter per run of consonants of a class, vowels dropped."""
    script = script_of(text)
    if script == "arabic":
        # Medial و and ي are mostly long vowels (بوتين "bwtyn" is Putin); the article is no part of a name.
        text = without_article(text).replace("ة", "")
        text = re.sub(r"^[اأإآ][وي]", "", text)  # أو, إي: an initial o or i, no consonant
        letters = romanise(text)
        letters = letters[:1] + re.sub(r"[wy]", "", letters[1:])
    else:
        letters = romanise(text)
        if script == "han":
            for pinyin, sound in _PINYIN:
                letters = letters.replace(pinyin, sound)
        elif script == "latin":
            # Gaelic Mc and Greek ch before r or l are a k in every language's rendering
            # (McIlroy / Макилрой, Chris / クリス), whatever letter follows.
            letters = re.sub(r"^mc", "mk", letters)
            letters = re.sub(r"(?<!s)ch(?=[rl])", "k", letters)
            letters = re.sub(r"c(?=[eiy])", "s", letters)  # Spencer, Garcia
            letters = re.sub(r"^x", "s", letters)  # an x that starts a name is a sibilant (Xining, Xavi)
        elif script in ("cyrillic", "kana"):
            letters = re.sub(r"^u(?=[aeio])", "w", letters)  # Уэст, Уильям, ウェスト: an English w
    for digraph, cls in _DIGRAPHS:
        letters = letters.replace(digraph, cls)
    key: list[str] = []
    for char in letters:
        for cls in (char if char.isupper() else _CLASSES.get(char, "")):
            if cls and (not key or key[-1] != cls):
                key.append(cls)
    return "".join(key)


# Classes that languages trade for one another in loanwords cost less to substitute: J is an S
# or a K; a t before i becomes a sibilant in Japanese and Chinese (Putin: プーチン "puchin",
# 普京 "pujing").
_NEAR = {frozenset("JS"): 0.0, frozenset("JK"): 0.0, frozenset("TS"): 0.5, frozenset("TJ"): 0.5}


def key_similarity(a: str, b: str) -> float:
    """1 - weighted edit distance / longer length, between two consonant keys."""
    return edit_similarity(a, b, _NEAR)


def same_key(a: str, b: str) -> bool:
    """``key_similarity(a, b) == 1`` in linear time: equal but for the classes traded at no cost."""
    return bool(a) and len(a) == len(b) and all(x == y or _NEAR.get(frozenset((x, y)), 1.0) == 0.0
                                                for x, y in zip(a, b))


def edit_similarity(a: str, b: str, near: dict | None = None) -> float:
    """1 - edit distance / longer length; ``near`` lowers the cost of some substitutions."""
    if not a or not b:
        return 0.0
    previous = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        current = [float(i)]
        for j, y in enumerate(b, 1):
            cost = 0.0 if x == y else (near or {}).get(frozenset((x, y)), 1.0)
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return 1 - previous[-1] / max(len(a), len(b))


@lru_cache(maxsize=1)
def _chrf():
    from sacrebleu.metrics import CHRF

    return CHRF(char_order=3, word_order=0, beta=1)


def chrf(a: str, b: str) -> float:
    """sacrebleu's character n-gram F-score (orders 1-3, F1) between two romanisations, 0-1."""
    if not a or not b:
        return 0.0
    return _chrf().sentence_score(b, [a]).score / 100
