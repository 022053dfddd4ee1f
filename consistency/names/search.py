"""Comparison: where the other side of a bead renders each name, and what stands in its place
when nothing does.

Each name looks for its rendering in the other side of its bead, the first answer ending the
search:

1. **by its letters or CLDR**: the name itself in the same script (Trump / Trump, Putin /
   Putins), or CLDR's name for the same country, city or language (Germany / ドイツ,
   Moscow / Москва, Korean / 朝鲜), or, for a consonant key of four or more, a capitalised
   span with exactly its key, case endings aside (Sturridge / Старриджем);
2. **by the article**: the string it renders a name it repeats with (Rangers / 流浪者),
   learned by Dice over beads and confirmed by its key or by the word alignment;
3. **by the word alignment** (``tokens``, SimAlign's argmax over the encoder's token vectors):
   the words aligned with it, read as a romanisation whose consonant key is near the name's
   (Putin / 普京 / プーチン), or aligned both ways with a contextual similarity that says they
   translate it (White House / 白宫);
4. in the neighbouring beads, by 1 (a name moved by a restructured sentence), unless the
   neighbour has the name itself.

The alignment proposes and the romanisation decides: a consonant key alone, searched over a
whole sentence, finds "Putin" in "beiden" and in 派遣.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import Document
from . import MIN_KEY, SHORT, Name, article_cues, candidates, extract, has_capitals
from .exonyms import renderings
from .glossary import Glossary
from .romanise import chrf, consonant_key, edit_similarity, fold, key_similarity, romanise, same_key, script_of
from ..word_alignment import TokenAlignment

if TYPE_CHECKING:  # the checks import this module
    from ..checks.base import CheckContext

EXACT_KEY = 4  # a capitalised span with exactly the name's key, searched over the bead, from this length
ALIGNED = 0.6  # key similarity of the words the alignment puts in the name's place
TRANSLATED = 0.85  # contextual similarity of a two-way alignment: the name is translated
TRANSLATED_LOWER = 0.6  # the same, to a word in lower case where capitals mark names
LEARNED = 0.75  # Dice over beads of a name and a string of the other side: the article's rendering of the name
GARBLED = 0.5  # spelling similarity to the usual rendering above which a stand-in is a garble (CJK, Hangul)
ALPHABET_GARBLED = 0.6  # the same for letters of an alphabet


@dataclass
class Side:
    document: Document
    which: str  # "source" or "target"
    names: dict[int, list[Name]] | None = field(default_factory=dict)  # sentence -> names; None: no capitals


@dataclass
class Lost:
    name: Name
    sentence: int
    bead: int
    stand_in: tuple[int, int] | None = None  # document offsets on the other side
    pointed: bool = False  # the stand-in is where the word alignment puts the name


class Search:
    """The names of one side looked for in the other, bead by bead."""

    def __init__(self, side: Side, other: Side, beads: list, context: CheckContext,
                 alignments: dict[int, TokenAlignment | None] | None = None, glossary: Glossary | None = None):
        self.side, self.other, self.beads, self.context = side, other, beads, context
        self.glossary = glossary or Glossary()
        self.langs = (side.document.lang, other.document.lang)
        self.forms: dict[str, Counter] = defaultdict(Counter)  # folded name -> how the other side wrote it
        self._alignments = {} if alignments is None else alignments  # bead -> source-first alignment
        self._spares: dict[int, tuple[int, int] | None] = {}
        self.learned = self._learn()

    def _learn(self) -> dict[str, str]:
        """Folded name -> the string of the other side that comes with it in its beads and
        hardly anywhere else (Dice coefficient over beads, as word aligners began): how this
        article renders a name it repeats, translated (Rangers / 流浪者) or not."""
        where: dict[str, set[int]] = defaultdict(set)
        for k, bead in enumerate(self.beads):
            for i in getattr(bead, self.side.which):
                for name in self.side.names.get(i, []):
                    where[fold(name.text)].add(k)
        repeated = {name: beads for name, beads in where.items() if len(beads) >= 2}
        self.strings: list[set[str]] = []
        if not repeated:
            return {}
        strings = self.strings = [{text[a:b] for a, b in candidates(text)}
                                  for text in (self._text(k, self.other)[0] for k in range(len(self.beads)))]
        total = Counter(string for found in strings for string in found)
        learned = {}
        for name, beads in repeated.items():
            together = Counter(string for k in beads for string in strings[k])
            scored = sorted(((2 * count / (len(beads) + total[string]), len(string), string)
                             for string, count in together.items() if count >= 2), reverse=True)
            # A word that merely comes with the name (Москвой beside Пхеньяном) must not pass
            # for it: the string reads like the name, or the word alignment ties them.
            best = next((string for dice, _, string in scored if dice >= LEARNED
                         and self._confirmed(name, string, beads)), None)
            if best is not None:
                learned[name] = best
        return learned

    def _confirmed(self, folded: str, string: str, beads: set[int]) -> bool:
        names = [n for k in beads for i in getattr(self.beads[k], self.side.which)
                 for n in self.side.names.get(i, []) if fold(n.text) == folded]
        if names and len(names[0].key) >= MIN_KEY and key_similarity(names[0].key, consonant_key(string)) >= ALIGNED:
            return True  # (two consonants, as in Pyongyang's PN, are also بين, "between")
        if self.context.encoder is None:
            return False
        for k in sorted(beads):
            text, offset = self._text(k, self.other)
            where = text.find(string)
            ours = [n for i in getattr(self.beads[k], self.side.which) for n in self.side.names.get(i, [])
                    if fold(n.text) == folded]
            if where < 0 or not ours:
                continue
            alignment = self.alignment(k)
            if alignment is None:
                return False
            start = ours[0].start - self._text(k, self.side)[1]
            tied = [alignment.target.offsets[t] for t, _ in alignment.mutual(start, start + len(ours[0].text))]
            return any(a < where + len(string) and where < b for a, b in tied)
        return False

    def usual(self, name: Name) -> set[str]:
        """How the article renders the name where it was found, and CLDR's renderings."""
        seen = {form for form, _ in self.forms[fold(name.text)].most_common(2) if form}
        learned = self.learned.get(fold(name.text))
        return (seen | renderings(name.text, *self.langs) | ({learned} if learned else set())
                | self.glossary.renderings(name, self.langs[1]))

    def lost(self, only: set[int] | None = None) -> list[Lost]:
        """The names no rendering was found for (in the beads ``only`` names, else in all). In a
        group with a word found (Donald Trump / トランプ), a word before the last one is lost only
        when a capitalised name stands in its place (Ryder Cup / Stadium Cup): translators drop
        given names and titles, not swap them."""
        lost = []
        per_bead = [[(n, i) for i in getattr(bead, self.side.which) for n in self.side.names.get(i, [])]
                    if only is None or k in only else [] for k, bead in enumerate(self.beads)]
        letters = [{id(n): by_letters(n, self._text(k, self.other)[0], *self.langs) for n, _ in ours}
                   for k, ours in enumerate(per_bead)]
        self.prefetch([k for k, found in enumerate(letters) if None in found.values()])
        for k, ours in enumerate(per_bead):
            forms = {n.text: self._found(n, k, letters[k][id(n)]) for n, _ in ours}
            found = {n.group for n, _ in ours if forms[n.text] is not None}
            last = {n.group: n for n, _ in ours}
            rendered = {fold(form) for form in forms.values() if form}
            for n, i in ours:
                if forms[n.text] is not None or n.soft:
                    continue
                item = Lost(n, i, k)
                item.stand_in, item.pointed = self._stand_in(item)
                # Only capitals make a stand-in a name: in other scripts the words the alignment
                # points at may as well translate a given name or title ("North" / الشماليون), or
                # render a Korean name by its characters (Yoon Suk-yeol / 尹锡悦).
                if n.group in found and (self.other.names is None or last[n.group] is not n and (
                        not item.pointed or self._is_rendering(item.stand_in, rendered))):
                    continue
                lost.append(item)
        return lost

    def bead_span(self, k: int, side: Side) -> tuple[int, int]:
        """Document offsets of bead ``k`` on ``side``."""
        text, start = self._text(k, side)
        return start, start + len(text)

    def readings(self, name: Name, k: int) -> list[tuple[int, int]]:
        """What the word alignment puts in the name's place on the other side (document offsets):
        the words it ties to the name either way, or in unspaced Han script the pieces of their
        run (``_readings``)."""
        alignment = self.alignment(k) if self.context.encoder is not None else None
        if alignment is None:
            return []
        start, end = name.start - self._text(k, self.side)[1], name.end - self._text(k, self.side)[1]
        aligned = sorted({token for token, _ in alignment.mutual(start, end)} | set(alignment.pointing_at(start, end)))
        offset = self._text(k, self.other)[1]
        return sorted({(a + offset, b + offset) for token in aligned
                       for a, b in _readings(alignment.target.text, alignment, token, aligned)})

    def _is_rendering(self, span: tuple[int, int], rendered: set[str]) -> bool:
        """Whether a stand-in is the rendering of another name of the bead (トランプ for Trump,
        where the alignment points from "Donald")."""
        text = fold(self.other.document.text[span[0]:span[1]])
        return any(form in text or text in form for form in rendered)

    def _text(self, k: int, side: Side) -> tuple[str, int]:
        indices = getattr(self.beads[k], side.which)
        sentences = side.document.sentences
        start = sentences[indices[0]].start
        return side.document.text[start:sentences[indices[-1]].end], start

    def _found(self, name: Name, k: int, form: str | None) -> str | None:
        """The form the other side renders the name in, "" when it translates it, None when
        nothing renders it; ``form`` is what its letters found (``by_letters``)."""
        if form is None and self.glossary:
            form = self.glossary.find(name, self._text(k, self.other)[0], self.langs[1])
        learned = self.learned.get(fold(name.text))
        if form is None and learned is not None and learned in self.strings[k]:
            form = learned
        if form is None and self.context.encoder is not None:
            form = self._by_alignment(name, k)
        for neighbour in (k - 1, k + 1):
            if form is None and 0 <= neighbour < len(self.beads):
                own = fold(self._text(neighbour, self.side)[0])
                if fold(name.text) not in own:
                    form = by_letters(name, self._text(neighbour, self.other)[0], *self.langs)
        if form:
            self.forms[fold(name.text)][form] += 1
        return form

    def prefetch(self, beads: list[int]) -> None:
        """Align the words of these beads in one batched pass of the encoder rather than one
        pass per bead (a pass for two short texts leaves most of the CPU idle)."""
        wanted = [k for k in beads if k not in self._alignments]
        if not wanted or self.context.encoder is None:
            return
        source, target = (self.side, self.other) if self.side.which == "source" else (self.other, self.side)
        pairs = [(self._text(k, source)[0], self._text(k, target)[0]) for k in wanted]
        self._alignments.update(zip(wanted, TokenAlignment.many(self.context.encoder, pairs)))

    def alignment(self, k: int) -> TokenAlignment | None:
        """The word alignment of bead ``k``, this side first; one per bead for both searches
        (the target's search reads the source's the other way round)."""
        if k not in self._alignments:
            source, target = self._text(k, self.side)[0], self._text(k, self.other)[0]
            if self.side.which == "target":
                source, target = target, source
            self._alignments[k] = TokenAlignment.of(self.context.encoder, source, target)
        alignment = self._alignments[k]
        return alignment if alignment is None or self.side.which == "source" else alignment.reversed()

    def _by_alignment(self, name: Name, k: int) -> str | None:
        """The form the aligned words give the name, "" when they translate it, None when neither."""
        alignment = self.alignment(k)
        if alignment is None:
            return None
        start, end = name.start - self._text(k, self.side)[1], name.end - self._text(k, self.side)[1]
        pairs = alignment.mutual(start, end)
        target = alignment.target.text
        for token, similarity in pairs:
            # Translated (White House / 白宫): tied closely, in other letters. Near letters tied
            # as closely are a variant or a garble, which the keys below tell apart. Where
            # capitals mark names, a name tied to a word in lower case was translated as a
            # common word ("World War" / "Guerre mondiale", "Foreign Minister" / "Affaires
            # étrangères"): a name put in its place would be capitalised.
            word = target[slice(*_word_around(target, *map(int, alignment.target.offsets[token])))]
            if similarity >= TRANSLATED and chrf(name.romanised, romanise(word)) < GARBLED:
                return ""
            if self.other.names is not None and word.islower() and similarity >= TRANSLATED_LOWER:
                return ""
        both_ways = {token for token, _ in pairs}
        aligned = sorted(both_ways | set(alignment.pointing_at(start, end)))
        for token in aligned:
            for a, b in _readings(target, alignment, token, aligned):
                similarity = key_similarity(name.key, consonant_key(target[a:b]))
                if len(name.key) >= MIN_KEY and similarity >= ALIGNED:
                    return target[a:b]
                # A short key (Seoul, Kyiv) only in another script, and near only when aligned
                # both ways (Kyiv / 키이우): in its own script a short name is found by its
                # letters, as Pyangyong keys as Pyongyang does.
                if script_of(target[a:b]) != script_of(name.text) and not self._misspells(name, target[a:b]) and (
                        similarity == 1 or token in both_ways and similarity >= 0.5
                        and _drops_sounds(name.key, consonant_key(target[a:b]))):
                    return target[a:b]
        return None

    def _misspells(self, name: Name, form: str) -> bool:
        """Whether ``form`` is near a known rendering of the name without being it (Пхяньён for
        Пхеньян), rather than another rendering (키이우 beside CLDR's older 키예프)."""
        folded = fold(form)
        return any(misspelt(fold(u), folded) for u in self.usual(name))

    def aligned_evidence(self, name: Name, k: int) -> dict | None:
        """The word the alignment ties to the name both ways, and how closely, for the finding."""
        alignment = self.alignment(k) if self.context.encoder is not None else None
        if alignment is None:
            return None
        offset = self._text(k, self.side)[1]
        pairs = alignment.mutual(name.start - offset, name.end - offset)
        if not pairs:
            return None
        token, similarity = max(pairs, key=lambda pair: pair[1])
        a, b = _word_around(alignment.target.text, *map(int, alignment.target.offsets[token]))
        return {"word": alignment.target.text[a:b], "similarity": round(similarity, 3)}

    def corresponds(self, name: Name, k: int) -> bool:
        """Whether the word alignment ties the name to anything at all on the other side."""
        alignment = self.alignment(k) if self.context.encoder is not None else None
        offset = self._text(k, self.side)[1]
        return alignment is not None and bool(alignment.mutual(name.start - offset, name.end - offset))

    def _stand_in(self, lost: Lost) -> tuple[tuple[int, int] | None, bool]:
        """What stands in the lost name's place on the other side (document offsets), and
        whether the word alignment puts it there."""
        text, offset = self._text(lost.bead, self.other)
        pointed = None
        alignment = self.alignment(lost.bead) if self.context.encoder is not None else None
        if alignment is not None:
            start = lost.name.start - self._text(lost.bead, self.side)[1]
            span = alignment.target_span(alignment.pointing_at(start, start + len(lost.name.text)))
            if span is not None:
                a, b = _word_around(text, *span)
                pointed = (a + offset, b + offset) if consonant_key(text[a:b]) else None
        if self.other.names is None:
            return pointed, pointed is not None
        # Where capitals mark names, what stands in is a capitalised word: the one the alignment
        # points at (even at the start of a sentence), else a name there that no name of ours renders.
        if pointed is not None and self.other.document.text[pointed[0]:pointed[0] + 1].isupper():
            return pointed, True
        return self._spare(lost.bead), False

    def _spare(self, k: int) -> tuple[int, int] | None:
        """The first name of the other side in bead ``k`` that no name of ours renders (the same
        for every name lost in the bead: worked out once)."""
        if k not in self._spares:
            ours_text = self._text(k, self.side)[0]
            self._spares[k] = next(((n.start, n.end) for j in getattr(self.beads[k], self.other.which)
                                    for n in self.other.names.get(j, []) if n.soft in (None, SHORT)
                                    and by_letters(n, ours_text, *reversed(self.langs)) is None), None)
        return self._spares[k]


def side_of(document: Document, which: str, other_lang: str) -> Side:
    side = Side(document, which)
    if not _capitals_mark_names(document.lang):
        side.names = None
        return side
    inside, lower = article_cues([s.text for s in document.sentences])
    for sentence in document.sentences:
        side.names[sentence.index] = [
            replace(n, start=n.start + sentence.start, end=n.end + sentence.start,
                    soft=None if n.soft == SHORT and renderings(n.text, document.lang, other_lang) else n.soft)
            for n in extract(sentence.text, document.lang, inside, lower)]
    return side


@lru_cache(maxsize=64)
def _capitals_mark_names(lang: str) -> bool:
    """Whether capitals set names apart in the language: its usual script (ICU's likely script)
    has them, and it does not capitalise every noun as German does."""
    import icu

    if lang in ("de", "lb", "gsw"):
        return False
    script = icu.Locale.addLikelySubtags(icu.Locale(lang or "und")).getScript()
    return script in ("Latn", "Cyrl", "Grek", "Armn", "Geor")


def by_letters(name: Name, text: str, lang: str, other_lang: str) -> str | None:
    """The form ``text`` renders ``name`` in by its letters, CLDR or an exact long key; None if none."""
    folded = _folded(text)
    position = folded.find(fold(name.text))
    if position >= 0 and (position == 0 or not folded[position - 1].isalpha()):
        return text[position:position + len(name.text)]
    for rendering in renderings(name.text, lang, other_lang) | renderings(name.phrase, lang, other_lang):
        stem = _stem(fold(rendering))
        if stem in folded:
            return rendering
    if len(name.key) >= EXACT_KEY:
        return next((piece for key, piece in _keyed_pieces(text).get(len(name.key), ()) if same_key(name.key, key)),
                    None)
    return None


@lru_cache(maxsize=256)
def _folded(text: str) -> str:
    return fold(text)  # every name of a bead is looked for in the same text


@lru_cache(maxsize=256)
def _keyed_pieces(text: str) -> dict[int, list[tuple[str, str]]]:
    """The spans of ``text`` a name may be written as, capitalised or in a script without
    capitals, with the key of each of their stems, by key length: every name of a bead is
    looked up in one text, so the keys are worked out once for all of them."""
    pieces: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for a, b in candidates(text):
        piece = text[a:b]
        if piece[:1].isupper() or not has_capitals(piece):
            for stem in _endings_off(piece):
                key = consonant_key(stem)
                pieces[len(key)].append((key, piece))
    return pieces


def _endings_off(word: str) -> list[str]:
    """A word and, in an alphabet, the word without a case ending of one or two letters
    (Старриджем, Путина): the ending may add a consonant to the key."""
    if not has_capitals(word) or len(word) < 5:
        return [word]
    return [word, word[:-1], word[:-2]]


def _inflected(word: str, form: str) -> bool:
    """Whether ``form`` is ``word`` with another ending (Кореи / Корея, 서울에 / 서울): letters of
    an alphabet may differ in the last two; syllables and characters (평얀 / 평양) may not."""
    common = next((k for k, (x, y) in enumerate(zip(word, form)) if x != y), min(len(word), len(form)))
    syllabic = script_of(word) in ("hangul", "han", "kana")
    return common >= min(len(word), len(form)) - (0 if syllabic else 2)


def _drops_sounds(key: str, other: str) -> bool:
    """Whether ``other`` is ``key`` with consonants left out (Kyiv KP / 키이우 K), as a rendering
    may drop a sound its language lacks; one that adds consonants is another word."""
    rest = iter(key)
    return bool(other) and all(letter in rest for letter in other)


def misspelt(usual: str, form: str) -> bool:
    """Whether ``form`` is near the usual spelling ``usual`` without being it or an inflection
    of it: Пхяньён for Пхеньян, 평얀이 for 평양, Pyangyong for Pyongyang. The form may carry an
    ending or a particle, so its beginnings of about the usual length are compared too. A
    character of a two-character CJK or Hangul name is half of it; letters of an alphabet are
    held to more (chrF, which n-grams make loose on short strings, only from six letters)."""
    if _inflected(usual, form):
        return False
    syllabic = script_of(usual) in ("hangul", "han", "kana")
    best = 0.0
    for n in range(max(1, len(usual) - 1), min(len(form), len(usual) + 1) + 1):
        piece = form[:n]
        similarity = edit_similarity(usual, piece)
        if min(len(usual), len(piece)) >= 6:
            similarity = max(similarity, chrf(usual, piece))
        best = max(best, similarity)
    return best >= (GARBLED if syllabic else ALPHABET_GARBLED)


def _stem(rendering: str) -> str:
    """"германия" -> "германи": inflected forms keep the stem (Германии); short names stay whole."""
    return rendering[:-2] if len(rendering) >= 6 and rendering[-1].isalpha() and " " not in rendering else rendering


def _readings(text: str, alignment: TokenAlignment, token: int, aligned: list[int]) -> list[tuple[int, int]]:
    """The spans an aligned token may be part of: its whole word, or, in unspaced Han script,
    the pieces of up to six characters of the run of aligned tokens it stands in (尹 is a
    surname, 普京 one token, 梅德韦杰夫 five), never reaching into words not aligned."""
    start, end = map(int, alignment.target.offsets[token])
    if script_of(text[start:end]) != "han":
        return [_word_around(text, start, end)]
    first = last = token
    while first - 1 in aligned:
        first -= 1
    while last + 1 in aligned:
        last += 1
    low, high = int(alignment.target.offsets[first][0]), int(alignment.target.offsets[last][1])
    return [(a, b) for a in range(max(low, start - 5), start + 1) for b in range(max(end, a + 1), min(high, a + 6) + 1)
            if all(script_of(c) == "han" for c in text[a:b])]


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole word a token is part of: a spaced word, a run of katakana (プーチン), or, in Han
    script, where words are not spaced, the token itself."""
    script = script_of(text[start:end])
    if script == "han":
        return start, end
    inside = (lambda c: "\u30a1" <= c <= "\u30fa" or c == "\u30fc") if script == "kana" else str.isalpha  # not ・
    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end
