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

from bench.alignment import split_point

LANGS = ("en", "fr", "de", "es", "ru", "ar", "ko", "zh", "ja")

# Entities with their usual rendering per language (Russian as a stem so case endings match).
PEOPLE = [
    ("Trump", "Trump", "Trump", "Trump", "Трамп", "ترامب", "트럼프", "特朗普", "トランプ"),
    ("Putin", "Poutine", "Putin", "Putin", "Путин", "بوتين", "푸틴", "普京", "プーチン"),
    ("Obama", "Obama", "Obama", "Obama", "Обам", "أوباما", "오바마", "奥巴马", "オバマ"),
    ("Merkel", "Merkel", "Merkel", "Merkel", "Меркель", "ميركل", "메르켈", "默克尔", "メルケル"),
    ("Macron", "Macron", "Macron", "Macron", "Макрон", "ماكرون", "마크롱", "马克龙", "マクロン"),
]
PLACES = [
    ("London", "Londres", "London", "Londres", "Лондон", "لندن", "런던", "伦敦", "ロンドン"),
    ("Paris", "Paris", "Paris", "París", "Париж", "باريس", "파리", "巴黎", "パリ"),
    ("Moscow", "Moscou", "Moskau", "Moscú", "Москв", "موسكو", "모스크바", "莫斯科", "モスクワ"),
    ("Washington", "Washington", "Washington", "Washington", "Вашингтон", "واشنطن", "워싱턴", "华盛顿", "ワシントン"),
    ("Berlin", "Berlin", "Berlin", "Berlín", "Берлин", "برلين", "베를린", "柏林", "ベルリン"),
    ("China", "Chine", "China", "China", "Кита", "الصين", "중국", "中国", "中国"),
    ("Russia", "Russie", "Russland", "Rusia", "Росси", "روسيا", "러시아", "俄罗斯", "ロシア"),
    ("Germany", "Allemagne", "Deutschland", "Alemania", "Германи", "ألمانيا", "독일", "德国", "ドイツ"),
    ("France", "France", "Frankreich", "Francia", "Франци", "فرنسا", "프랑스", "法国", "フランス"),
    ("Japan", "Japon", "Japan", "Japón", "Япони", "اليابان", "일본", "日本", "日本"),
    ("Iran", "Iran", "Iran", "Irán", "Иран", "إيران", "이란", "伊朗", "イラン"),
    ("Syria", "Syrie", "Syrien", "Siria", "Сири", "سوريا", "시리아", "叙利亚", "シリア"),
    ("Israel", "Israël", "Israel", "Israel", "Израил", "إسرائيل", "이스라엘", "以色列", "イスラエル"),
    ("Scotland", "Écosse", "Schottland", "Escocia", "Шотланди", "اسكتلندا", "스코틀랜드", "苏格兰", "スコットランド"),
    ("Mexico", "Mexique", "Mexiko", "México", "Мексик", "المكسيك", "멕시코", "墨西哥", "メキシコ"),
]
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


def _entities(table, source, target, source_lang, target_lang):
    s, t = LANGS.index(source_lang), LANGS.index(target_lang)
    spots = []
    for row in table:
        for k, (source_line, target_line) in enumerate(zip(source, target)):
            if row[s] in source_line and row[t] in target_line:
                spots.append((row, k, source_line.index(row[s]), target_line.index(row[t])))
    return spots, s, t


def name_replaced(rng, source, target, source_lang, target_lang, others):
    table = _pick(rng, [PEOPLE, PLACES])
    spots, s, t = _entities(table, source, target, source_lang, target_lang)
    spot = _pick(rng, spots)
    if spot is None:
        return None
    row, k, _, at = spot
    text = "\n".join(target)
    replacement = _pick(rng, [r[t] for r in table if r[t] not in text and r[t] != row[t]])
    if replacement is None:
        return None
    line = target[k][:at] + replacement + target[k][at + len(row[t]):]
    return Planted(_replace(target, k, line), Label("name", "replaced", "target", k, at, at + len(replacement)))


def name_dropped(rng, source, target, source_lang, target_lang, others):
    spots, s, t = _entities(PEOPLE + PLACES, source, target, source_lang, target_lang)
    spot = _pick(rng, spots)
    if spot is None:
        return None
    row, k, at_source, at = spot
    line = (target[k][:at] + target[k][at + len(row[t]):]).replace("  ", " ")
    return Planted(_replace(target, k, line),
                   Label("name", "dropped", "source", k, at_source, at_source + len(row[s])))


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
    "name/replaced": name_replaced, "name/dropped": name_dropped,
    "quote/truncated": quote_content, "quote/unquoted": quote_unquoted,
    "omission/sentence": sentence_dropped, "addition/sentence": sentence_added,
    "omission/clause": clause_dropped, "meaning/negation": negation,
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
