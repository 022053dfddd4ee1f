"""Negation cues in a sentence, by strength, with their spans (the Extractions stage for meaning).

A cue is *grammatical* when it negates a predicate ("not", "ne … pas", "не", "لم", "않다",
"不", "ない") and *lexical* when a word carries the negation in its meaning ("without",
"refused", "unclear"). See ``lexicon`` for why the two are kept apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import LEXICONS, Lexicon

GRAMMATICAL = "grammatical"
LEXICAL = "lexical"

# Negative concord holds within a clause: its ends are punctuation (and the quotation marks of
# every style the quote detector knows).
_CLAUSE_END = re.compile(r"[,;:!?.…()\[\]\"“”„«»‹›「」『』—–、，；：。！？،؛]")


@dataclass(frozen=True)
class Cue:
    start: int  # character offsets into the sentence
    end: int
    text: str
    strength: str  # GRAMMATICAL or LEXICAL


def supported(language: str) -> bool:
    return language in LEXICONS


@lru_cache(maxsize=None)
def _compiled(language: str) -> dict[str, re.Pattern | None]:
    lexicon = LEXICONS[language]

    def join(patterns: tuple[str, ...]) -> re.Pattern | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None

    return {"particles": join(lexicon.particles), "words": join(lexicon.words), "concord": join(lexicon.concord),
            "lexical": join(lexicon.lexical), "masked": join(lexicon.masked),
            "alone": join(lexicon.alone) if lexicon.alone else join(lexicon.concord),
            "restrictive": join(lexicon.restrictive)}


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for mark in _CLAUSE_END.finditer(text):
        bounds.append((start, mark.start()))
        start = mark.end()
    bounds.append((start, len(text)))
    return bounds


def cues(text: str, language: str) -> list[Cue]:
    """The negation cues of ``text`` in reading order; none for a language without a lexicon."""
    if language not in LEXICONS:
        return []
    lexicon: Lexicon = LEXICONS[language]
    patterns = _compiled(language)
    if patterns["masked"]:  # blanked, not removed, so that offsets stay those of the text
        text_seen = patterns["masked"].sub(lambda m: " " * len(m.group()), text)
    else:
        text_seen = text
    found: list[Cue] = []
    taken: list[tuple[int, int]] = []

    def take(start: int, end: int, strength: str | None) -> None:
        """Record a cue; a strength of None marks the words as part of a cue already taken."""
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        if strength is not None:
            found.append(Cue(start, end, text[start:end], strength))

    def matches(kind: str, start: int = 0, end: int | None = None) -> list[re.Match]:
        pattern = patterns[kind]
        return list(pattern.finditer(text_seen, start, len(text_seen) if end is None else end)) if pattern else []

    for clause_start, clause_end in _clauses(text_seen):
        particles = matches("particles", clause_start, clause_end)
        concord = matches("concord", clause_start, clause_end)
        for particle in particles:
            partnered = any(c.start() > particle.start() for c in concord)
            restricted = patterns["restrictive"] and patterns["restrictive"].search(text_seen, particle.end(), clause_end)
            if restricted and not partnered:  # "ne … que", "لا … إلا": only
                take(particle.start(), particle.end(), LEXICAL)
            elif partnered or not lexicon.particle_needs_concord:  # an expletive "ne" negates nothing
                take(particle.start(), particle.end(), GRAMMATICAL)
        # Concord words add nothing to their clause's particle ("никто ничего не сказал" is one
        # negation); without one they negate by themselves ("rien n'a changé" has its "ne").
        alone, negated = patterns["alone"], bool(particles)
        for word in concord:  # without a particle the first one negates, and the rest agree with it
            if negated:
                take(word.start(), word.end(), None)
            elif alone.fullmatch(word.group()):
                take(word.start(), word.end(), GRAMMATICAL)
                negated = True
        for word in matches("words", clause_start, clause_end):
            take(word.start(), word.end(), GRAMMATICAL)
    for word in matches("lexical"):
        take(word.start(), word.end(), LEXICAL)
    return sorted(found, key=lambda cue: cue.start)


# What a grammatical cue leaves when it is taken out, where deleting it alone would leave a
# word the encoder cannot read: "can't" → "can", "keine" → "eine", "없다" → "있다", "ない" → "る".
_LEFT = {
    "en": {"cannot": "can"},
    "ko": {"없": "있", "아니": "이"},
    "ja": {"ない": "る", "なかった": "た", "ません": "ます", "なく": "く", "ず": "て", "ではない": "である",
           "じゃない": "だ", "なければ": "れば", "なし": "あり"},
}
# French negation is two words ("ne … pas"): the second goes with the first.
_FRENCH_PARTNER = re.compile(r"\s*\b(?:pas|plus|jamais|rien|aucun\w*|personne|guère|point)\b", re.IGNORECASE)


def without(text: str, cue: Cue, language: str) -> str:
    """``text`` with the grammatical negation ``cue`` taken out: the statement it would be
    without it, to ask which of the two the other side of the pair says."""
    start, end, left = cue.start, cue.end, _LEFT.get(language, {}).get(cue.text.lower(), "")
    lowered = cue.text.lower()
    if language == "en" and lowered in ("n't", "n’t"):
        stem = text[:start].lower()
        if stem.endswith("ca"):  # can't
            left = "n"
        elif stem.endswith("wo"):  # won't
            start, left = start - 2, "will"
    elif language == "de" and lowered.startswith("kein"):
        left = cue.text[1:]
    elif language == "ko" and lowered == "않" and text[max(0, start - 2):start] == "지 ":
        start -= 2  # "가지 않았다" → "가았다": the verb stem meets the tense again
    result = text[:start] + left + text[end:]
    if language == "fr":
        partner = _FRENCH_PARTNER.search(result, start)
        if partner:
            result = result[:partner.start()] + result[partner.end():]
    return re.sub(r" {2,}", " ", result)
