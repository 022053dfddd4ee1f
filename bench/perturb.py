"""Seeded drift planted in copies of professional translations, with labels that point at it.

Every perturbation takes an article pair as lines (a line is a paragraph and an NTREX
translation unit, so line k of the target translates line k of the source) and returns a
changed copy of the target lines and one ``Label``: the category and kind of drift and the
span it concerns, on the side where a finding should point (the target for what was changed
or added there, the source for what the target lost). Same seed, same cases; the input lists
are never modified.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from bench import renderings
from bench.alignment import split_point


_CJK_NUMERAL = r"(?<=[\d一二三四五六七八九十两])"
SCALES = {  # (pattern of a smaller scale word, a larger one in the same grammatical form)
    "en": [(r"\bmillion", "billion"), (r"\bthousand", "million")],
    "fr": [(r"\bmillion", "milliard"), (r"\bmille\b", "million")],
    "de": [(r"\bMillionen\b", "Milliarden"), (r"\bMillion\b", "Milliarde"), (r"(?<=\d )Tausend\b", "Millionen")],
    "es": [(r"\bmillones", "miles de millones"), (r"(?<=\d )mil\b", "millones")],
    "ru": [(r"\bмиллион", "миллиард"), (r"\bтысяч\b", "миллионов"), (r"\bтысячи\b", "миллиона")], "ar": [(r"مليون", "مليار"), (r"(?<=\d )ألف", "مليون")],
    "ko": [(r"(?<=\d)만", "억"), (r"(?<=\d)천", "만")],
    "zh": [(_CJK_NUMERAL + "万", "亿"), (_CJK_NUMERAL + "千", "万")],
    "ja": [(_CJK_NUMERAL + "万", "億"), (_CJK_NUMERAL + "千", "万")],
}
NEGATIONS = {  # (pattern, replacement): each turns a statement into its opposite
    "en": [(r"\b(is|are|was|were|has|have|had|do|does|did|will|would|can|could|should) not\b", r"\1"),
           (r"\bwon['’]t\b", "will"), (r"\bcan['’]t\b", "can"),
           (r"\b(is|are|was|were|has|have|had|do|does|did|could|would|should)n['’]t\b", r"\1"),
           (r"\b(is|are|was|were|will|can|has|have)\b", r"\1 not")],
    "fr": [(r"\bn['’]([\wéèêàç]+) pas\b", r"\1"), (r"\bne ([\wéèêàç]+) pas\b", r"\1"), (r"\b(est|sont|a|ont) ", r"n'\1 pas ")],
    "de": [(r"\bnicht ", ""), (r"\bkeine?n? ", "eine "), (r"\b(ist|sind|hat|haben|wird|werden) ", r"\1 nicht ")],
    "es": [(r"\bno ", ""), (r"\b(es|son|está|están|ha|han|fue) ", r"no \1 ")],
    "ru": [(r"\bне ", ""), (r"\b(был|была|было|были|будет) ", r"не \1 ")],
    "ar": [(r"(^|\s)(لا|لم|لن) ", r"\1"), (r"(^|\s)(كان|كانت|يمكن) ", r"\1لم \2 ")],
    "ko": [(r"지 않았다", "었다"), (r"지 않는다", "는다"), (r"없다", "있다"), (r"없는", "있는")],
    "zh": [(r"没有", "有"), (r"不", "")],
    "ja": [(r"ていない", "ている"), (r"ではない", "である"), (r"しない", "する"), (r"がない", "がある")],
}
QUOTES = re.compile(r"“[^”\n]{6,}”|«[^»\n]{6,}»|„[^“”\n]{6,}[“”]|\"[^\"\n]{6,}\"|「[^」\n]{3,}」|『[^』\n]{3,}』")
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")


@dataclass(frozen=True)
class Label:
    category: str
    kind: str
    side: str  # "source" or "target": where a finding should point
    line: int  # the line (paragraph) of that side
    start: int  # character offsets within that line
    end: int
    sentence_level: bool = False  # a finding anywhere in the sentence(s) of the span counts


@dataclass
class Planted:
    target: list[str]
    label: Label


Perturbation = Callable[[random.Random, list[str], list[str], str, str, list[str]], "Planted | None"]


def _pick(rng: random.Random, options: list):
    return options[rng.randrange(len(options))] if options else None


def figure_value(rng, source, target, source_lang, target_lang, others):
    spots = [(k, m) for k, line in enumerate(target) for m in NUMBER.finditer(line)
             if any(unicodedata.digit(c, 0) for c in m.group())]
    spot = _pick(rng, spots)
    if spot is None:
        return None
    k, match = spot
    digits = [i for i, c in enumerate(match.group()) if c.isdigit() and unicodedata.digit(c) != 0]
    position = match.start() + digits[0]
    old = unicodedata.digit(target[k][position])
    new = (old + rng.randrange(1, 9)) % 10 or 1
    zero = ord(target[k][position]) - old  # keep the script's own digits
    line = target[k][:position] + chr(zero + new) + target[k][position + 1:]
    return Planted(_replace(target, k, line), Label("figure", "value", "target", k, match.start(), match.end()))


def figure_transposed(rng, source, target, source_lang, target_lang, others):
    """Two neighbouring digits swapped, the typist's error: 1,250 -> 1,520."""
    spots = [(k, m, i) for k, line in enumerate(target) for m in NUMBER.finditer(line)
             for i in range(m.start(), m.end() - 1)
             if line[i].isdigit() and line[i + 1].isdigit() and line[i] != line[i + 1]]
    spot = _pick(rng, spots)
    if spot is None:
        return None
    k, match, i = spot
    line = target[k][:i] + target[k][i + 1] + target[k][i] + target[k][i + 2:]
    return Planted(_replace(target, k, line), Label("figure", "transposed", "target", k, match.start(), match.end()))


def figure_dropped(rng, source, target, source_lang, target_lang, others):
    """A number the source line has, in the same digits, deleted from the translation: a whole
    figure, not the minutes of a clock time or one side of a score (13:00 -> 13: still reads 13)."""
    spots = []
    for k, (source_line, target_line) in enumerate(zip(source, target)):
        for m in NUMBER.finditer(target_line):
            at = source_line.find(m.group())
            glued = target_line[m.start() - 1:m.start()] == ":" or target_line[m.end():m.end() + 1] == ":"
            if len(m.group()) >= 2 and at >= 0 and not glued:
                spots.append((k, m, at))
    spot = _pick(rng, spots)
    if spot is None:
        return None
    k, match, at = spot
    line = (target[k][:match.start()] + target[k][match.end():]).replace("  ", " ")
    return Planted(_replace(target, k, line), Label("figure", "dropped", "source", k, at, at + len(match.group())))


def figure_scale(rng, source, target, source_lang, target_lang, others):
    spots = [(k, m, larger) for k, line in enumerate(target) for smaller, larger in SCALES[target_lang]
             for m in re.finditer(smaller, line)]
    spot = _pick(rng, spots)
    if spot is None:
        return None
    k, match, larger = spot
    line = target[k][:match.start()] + larger + target[k][match.end():]
    return Planted(_replace(target, k, line),
                   Label("figure", "scale", "target", k, match.start(), match.start() + len(larger)))


def _at_word(line: str, form: str, whole: bool = False) -> int:
    """Where ``form`` starts in ``line`` at the start of a word (endings and particles may
    follow it: Путина, 푸틴의; with ``whole``, as for English, nothing may: not "London" in
    "Londonderry"); -1 when absent. In Han and kana there are no word starts."""
    for match in re.finditer(re.escape(form), line):
        before = line[match.start() - 1] if match.start() else " "
        after = line[match.end():match.end() + 1]
        if whole and after.isalpha():
            continue
        if not before.isalpha() or unicodedata.name(before, "").startswith(("CJK", "KATAKANA", "HIRAGANA")):
            return match.start()
    return -1


def _name_spots(source, target, source_lang, target_lang):
    """(pair, line, source offset, target offset) where a name and its NTREX rendering stand in
    the same line pair, and the table of renderings (bench/renderings.py)."""
    table = renderings.pairs(source_lang, target_lang)
    spots = []
    for pair in table:
        for k, (source_line, target_line) in enumerate(zip(source, target)):
            at_source = _at_word(source_line, pair[0], whole=source_lang == "en")
            at_target = _at_word(target_line, pair[1], whole=target_lang == "en")
            if at_source >= 0 and at_target >= 0:
                spots.append((pair, k, at_source, at_target))
    return spots, table


def name_replaced(rng, source, target, source_lang, target_lang, others):
    spots, table = _name_spots(source, target, source_lang, target_lang)
    spot = _pick(rng, spots)
    if spot is None:
        return None
    pair, k, _, at = spot
    text = "\n".join(target)
    replacement = _pick(rng, [t for _, t in table if t not in text and pair[1] not in t and t not in pair[1]])
    if replacement is None:
        return None
    line = target[k][:at] + replacement + target[k][at + len(pair[1]):]
    return Planted(_replace(target, k, line), Label("name", "replaced", "target", k, at, at + len(replacement)))


def name_garbled(rng, source, target, source_lang, target_lang, others):
    spots, table = _name_spots(source, target, source_lang, target_lang)
    spot = _pick(rng, [s for s in spots if len(s[0][1]) >= 2])
    if spot is None:
        return None
    pair, k, _, at = spot
    garbled = _garble(rng, pair[1], [t for _, t in table])
    line = target[k][:at] + garbled + target[k][at + len(pair[1]):]
    return Planted(_replace(target, k, line), Label("name", "garbled", "target", k, at, at + len(garbled)))


def _garble(rng, form: str, others: list[str]) -> str:
    """A misspelling: two inner letters of an alphabet swapped (Pyongyang -> Pyongyagn), or in
    Han, kana and Hangul, where each character is a syllable, one character after the first
    replaced by one from another name (平壤 -> 平斯)."""
    syllabic = unicodedata.name(form[-1], "").startswith(("CJK", "KATAKANA", "HIRAGANA", "HANGUL"))
    if syllabic:
        spare = sorted({c for other in others for c in other if c not in form and c.isalpha()})
        k = rng.randrange(1, len(form))
        return form[:k] + spare[rng.randrange(len(spare))] + form[k + 1:]
    inner = [k for k in range(1, len(form) - 2) if form[k] != form[k + 1] and form[k].isalpha() and form[k + 1].isalpha()]
    if not inner:
        return form[::-1] if form[::-1] != form else form + form[-1]
    k = inner[rng.randrange(len(inner))]
    return form[:k] + form[k + 1] + form[k] + form[k + 2:]


def name_dropped(rng, source, target, source_lang, target_lang, others):
    spots, _ = _name_spots(source, target, source_lang, target_lang)
    spot = _pick(rng, spots)
    if spot is None:
        return None
    pair, k, at_source, at = spot
    line = (target[k][:at] + target[k][at + len(pair[1]):]).replace("  ", " ")
    return Planted(_replace(target, k, line),
                   Label("name", "dropped", "source", k, at_source, at_source + len(pair[0])))


def quote_content(rng, source, target, source_lang, target_lang, others):
    spot = _pick(rng, [(k, m) for k, line in enumerate(target) for m in QUOTES.finditer(line)])
    if spot is None:
        return None
    k, match = spot
    inner = match.group()[1:-1]
    kept = inner[: max(1, len(inner) // 2)].rstrip()
    quoted = match.group()[0] + kept + match.group()[-1]
    line = target[k][:match.start()] + quoted + target[k][match.end():]
    return Planted(_replace(target, k, line),
                   Label("quote", "truncated", "target", k, match.start(), match.start() + len(quoted)))


def quote_unquoted(rng, source, target, source_lang, target_lang, others):
    spot = _pick(rng, [(k, m) for k, line in enumerate(target) for m in QUOTES.finditer(line)])
    if spot is None:
        return None
    k, match = spot
    inner = match.group()[1:-1]
    line = target[k][:match.start()] + inner + target[k][match.end():]
    return Planted(_replace(target, k, line),
                   Label("quote", "unquoted", "target", k, match.start(), match.start() + len(inner)))


def quote_replaced(rng, source, target, source_lang, target_lang, others):
    """A quote's words replaced by those of another quote of the same article."""
    quotes = [(k, m) for k, line in enumerate(target) for m in QUOTES.finditer(line)]
    spot = _pick(rng, quotes)
    if spot is None:
        return None
    k, match = spot
    donor = _pick(rng, [m.group()[1:-1] for j, m in quotes if j != k and m.group()[1:-1] != match.group()[1:-1]])
    if donor is None:
        return None
    quoted = match.group()[0] + donor + match.group()[-1]
    line = target[k][:match.start()] + quoted + target[k][match.end():]
    return Planted(_replace(target, k, line),
                   Label("quote", "replaced", "target", k, match.start(), match.start() + len(quoted)))


REPORTED = re.compile(r"\b(said|says|told|added|asked|stated|wrote|according to|explained|insisted|warned)\b")


# Up to three capitalised words (titles, given names) between a reporting verb and the name it
# attributes the quote to: "said Anna Petrova", "according to Dr. John Smith".
_BETWEEN = r"(?:[A-Z][\w'’.-]*\s+){0,3}"


def _speaks(line: str, at: int, name: str) -> bool:
    """Whether the name at ``at`` is the speaker of a reporting verb beside it: "Lavrov said",
    "Kim also told", "said Anna Petrova", "according to Dr. John Smith"."""
    before, after = line[:at], line[at + len(name):]
    return bool(re.search(REPORTED.pattern + r"\s+" + _BETWEEN + "$", before)
                or re.match(r"(?:['’]s)?\s+(?:also\s+|has\s+|had\s+|then\s+|later\s+)?" + REPORTED.pattern, after))


def quote_speaker(rng, source, target, source_lang, target_lang, others):
    """The speaker of a reported quote (the name a reporting verb of the source line stands
    beside) swapped, in the translation, for another name of the article (or, if it has no
    other, of the corpus): the quote is now someone else's."""
    spots, table = _name_spots(source, target, source_lang, target_lang)
    text = "\n".join(target)
    quoted = [(pair, k, at) for pair, k, at_source, at in spots
              if _speaks(source[k], at_source, pair[0]) and QUOTES.search(target[k])
              and not any(m.start() <= at < m.end() for m in QUOTES.finditer(target[k]))]
    spot = _pick(rng, quoted)
    if spot is None:
        return None
    pair, k, at = spot
    candidates = [t for _, t in table if pair[1] not in t and t not in pair[1]]
    in_article = [t for t in candidates if t in text and t[:1].isupper() == pair[1][:1].isupper()]
    replacement = _pick(rng, in_article) or _pick(rng, [t for t in candidates if t not in text])
    if replacement is None:
        return None
    line = target[k][:at] + replacement + target[k][at + len(pair[1]):]
    return Planted(_replace(target, k, line), Label("quote", "speaker", "target", k, at, at + len(replacement)))


def sentence_dropped(rng, source, target, source_lang, target_lang, others):
    if len(target) < 3:
        return None
    k = rng.randrange(1, len(target))  # never the headline: the article must stay recognisable
    return Planted(target[:k] + target[k + 1:],
                   Label("omission", "sentence", "source", k, 0, len(source[k]), sentence_level=True))


def sentence_added(rng, source, target, source_lang, target_lang, others):
    extra = _pick(rng, [line for line in others if 20 <= len(line) <= 300])
    if extra is None or len(target) < 2:
        return None
    k = rng.randrange(1, len(target) + 1)
    return Planted(target[:k] + [extra] + target[k:],
                   Label("addition", "sentence", "target", k, 0, len(extra), sentence_level=True))


def clause_dropped(rng, source, target, source_lang, target_lang, others):
    spots = [(k, split_point(line)) for k, line in enumerate(target) if len(line) > 60]
    spot = _pick(rng, [(k, p) for k, p in spots if p])
    if spot is None:
        return None
    k, point = spot
    line = target[k][:point].rstrip(" ,，、،;；:：") + _final_stop(target[k])
    return Planted(_replace(target, k, line),
                   Label("omission", "clause", "source", k, 0, len(source[k]), sentence_level=True))


# How a clause is joined on where clauses are joined by a comma of the script's own.
_CLAUSE_JOINER = {"zh": "，", "ja": "、", "ar": "، "}
_SENTENCE_STOPS = ".!?。！？؟"
_CLAUSE_EDGES = " ,，、،;；:：.!?。！？؟"
_QUOTE_MARKS = re.compile(r"[\"“”«»„‹›「」『』]")


def clause_added(rng, source, target, source_lang, target_lang, others):
    """The mirror of ``clause_dropped``: the second half of a line of another article (from a
    clause boundary on) appended to a translated sentence."""
    k = _pick(rng, [k for k, line in enumerate(target) if len(line) > 60 and line.rstrip()[-1] in _SENTENCE_STOPS])
    clauses = [line[point:].strip(_CLAUSE_EDGES) for line in others if len(line) > 60 for point in [split_point(line)] if point]
    clause = _pick(rng, [c for c in clauses if len(c) >= 20 and not _QUOTE_MARKS.search(c)])
    if k is None or clause is None:
        return None
    stop = target[k].rstrip()[-1]
    head = target[k].rstrip()[:-1].rstrip(_CLAUSE_EDGES)
    joiner = _CLAUSE_JOINER.get(target_lang, ", ")
    start = len(head) + len(joiner)
    return Planted(_replace(target, k, head + joiner + clause + stop),
                   Label("addition", "clause", "target", k, start, start + len(clause)))


def negation(rng, source, target, source_lang, target_lang, others):
    spots = []
    for rank, (pattern, replacement) in enumerate(NEGATIONS[target_lang]):
        spots = [(k, m, replacement) for k, line in enumerate(target) for m in re.finditer(pattern, line)]
        if spots:  # prefer removing a negation; add one only where none exists
            break
    spot = _pick(rng, spots)
    if spot is None:
        return None
    k, match, replacement = spot
    new = match.expand(replacement)
    line = target[k][:match.start()] + new + target[k][match.end():]
    # The span: what replaced the cue and the word it bore on ("has not materialised" -> "has materialised").
    start = match.start() + len(new) - len(new.lstrip())
    following = re.compile(r"\s*\w{1,12}").match(line, match.start() + len(new))
    end = following.end() if following else match.start() + len(new)
    return Planted(_replace(target, k, line), Label("meaning", "negation", "target", k, start, max(end, start + 1)))


def _replace(lines: list[str], k: int, line: str) -> list[str]:
    return lines[:k] + [line] + lines[k + 1:]


def _final_stop(line: str) -> str:
    stripped = line.rstrip()
    return stripped[-1] if stripped and unicodedata.category(stripped[-1]) == "Po" else ""


PERTURBATIONS: dict[str, Perturbation] = {
    "figure/value": figure_value, "figure/scale": figure_scale,
    "figure/transposed": figure_transposed, "figure/dropped": figure_dropped,
    "name/replaced": name_replaced, "name/garbled": name_garbled, "name/dropped": name_dropped,
    "quote/truncated": quote_content, "quote/unquoted": quote_unquoted,
    "quote/replaced": quote_replaced, "quote/speaker": quote_speaker,
    "omission/sentence": sentence_dropped, "addition/sentence": sentence_added,
    "omission/clause": clause_dropped, "addition/clause": clause_added, "meaning/negation": negation,
}


def plant(kind: str, seed: str, source: list[str], target: list[str], source_lang: str, target_lang: str,
          others: list[str]) -> Planted | None:
    """Apply one perturbation kind, deterministically for a given seed string; None if it does not apply."""
    rng = random.Random(f"{seed}:{kind}")
    return PERTURBATIONS[kind](rng, list(source), list(target), source_lang, target_lang, others)


def document_span(lines: list[str], label: Label) -> tuple[int, int]:
    """Offsets of a label in the article text made by joining ``lines`` with newlines."""
    offset = sum(len(line) + 1 for line in lines[: label.line])
    return offset + label.start, offset + label.end
