"""Comparison: where the other side of a bead renders each name, and what stands in its place
when nothing does.

Each name looks for its rendering in the other side of its bead, the first answer ending the
search:

1. **by its letters or CLDR** (``spelling.by_letters``): the name itself in the same script
   (Trump / Trump, Putin / Putins), or CLDR's name for the same country, city or language
   (Germany / ドイツ, Moscow / Москва, Korean / 朝鲜), or, for a consonant key of four or more,
   a capitalised span with exactly its key, case endings aside (Sturridge / Старриджем);
2. **by the article**: the string it renders a name it repeats with (Rangers / 流浪者),
   learned by Dice over beads and confirmed by its key or by the word alignment, when a name
   asks for it (a name its letters find never does);
3. **by the word alignment** (``tokens``, SimAlign's argmax over the encoder's token vectors):
   the words aligned with it, read as a romanisation whose consonant key is near the name's
   (Putin / 普京 / プーチン; in Han and kana also the run around them: 曼 of 曼彻斯特), or
   aligned both ways with a contextual similarity that says they translate it (White House /
   白宫);
4. in the neighbouring beads, by 1 (a name moved by a restructured sentence), unless the
   neighbour has the name itself.

The alignment proposes and the romanisation decides: a consonant key alone, searched over a
whole sentence, finds "Putin" in "beiden" and in 派遣.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..document import Document
from . import (ADJECTIVE, CASED_SCRIPTS, MIN_KEY, SHORT, Name, article_cues, candidates, extract, has_capitals,
               soften_common_words)
from .chinese_words import is_chinese, words_around
from .exonyms import country_of_capital, renderings
from .glossary import Glossary
from .lexicon import is_common_word
from .romanise import chrf, consonant_key, fold, key_similarity, romanise, script_of, without_article
from .taggers import has_tagger, is_tagged_name
from .spelling import GARBLED, by_letters, drops_sounds, misspelt, transposed, variant_of
from ..word_alignment import TokenAlignment

if TYPE_CHECKING:  # the checks import this module
    from ..checks.base import CheckContext

ALIGNED = 0.6  # key similarity of the words the alignment puts in the name's place
ALIGNED_RUN = 0.75  # the same for a piece of the Han or kana run around them, which chance meets more often
TRANSLATED = 0.85  # contextual similarity of a two-way alignment: the name is translated
TRANSLATED_LOWER = 0.6  # the same, to a word in lower case where capitals mark names
TRANSLATED_COMMON = 0.6  # the same, for a name that is also a common word (Assessment / Evaluación) ...
WORD_TRANSLATION = 0.86  # ... whose stand-in the encoder also puts this near the word out of context
_OPENERS = ".!?:;\"“”‘«»(—–\n"  # what a sentence, heading or quotation starts after
RENDERS_ANOTHER = 0.85  # key similarity at which a stand-in is taken to render another name of the article
LEARNED = 0.75  # Dice over beads of a name and a string of the other side: the article's rendering of the name


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
    garbled: bool = False  # the stand-in is the name's rendering misspelt (Search._garbled)


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
        self._folded_words: dict[int, list[tuple[int, int, str]]] = {}
        self._common_words: set[tuple[int, str]] = set()  # (bead, name) translated as a common word
        self._learned: dict[str, str | None] = {}  # folded name -> the article's rendering of it, once asked
        self._beads_of: dict[str, list[int]] | None = None  # folded name -> the beads holding it
        self._strings: list[set[str]] | None = None  # bead -> the strings of the other side a name may be
        self._string_beads: Counter = Counter()  # string -> how many beads hold it

    def learned(self, name: Name) -> str | None:
        """The string of the other side the article renders ``name`` with where it repeats it (``learn``)."""
        folded = fold(name.text)
        if folded not in self._learned:
            self.learn([folded])
        return self._learned[folded]

    def learn(self, folded_names: Iterable[str], beads: Iterable[int] = ()) -> None:
        """Learn the string of the other side that comes with each of these names (folded) in
        its beads and hardly anywhere else (Dice coefficient over beads, as word aligners
        began): how this article renders a name it repeats, translated (Rangers / 流浪者) or not.
        Names are learned when first asked for, the ones asked together with one batched pass
        of the word alignment (with ``beads``, other beads the caller is about to align)."""
        wanted = [name for name in dict.fromkeys(folded_names) if name not in self._learned]
        scored = {}
        for name in wanted:
            self._learned[name] = None
            where = self._beads_holding().get(name, [])
            if len(where) < 2:
                continue
            strings = self._bead_strings()
            together = Counter(string for k in where for string in strings[k])
            scored[name] = [string for dice, _, string in sorted(
                ((2 * count / (len(where) + self._string_beads[string]), len(string), string)
                 for string, count in together.items() if count >= 2), reverse=True) if dice >= LEARNED]
        self.prefetch(sorted(set(beads) | {k for name, strings in scored.items()
                                            for k in self._confirming_beads(name, strings)}))
        for name, strings in scored.items():
            # A word that merely comes with the name (Москвой beside Пхеньяном) must not pass
            # for it: the string reads like the name, or the word alignment ties them.
            self._learned[name] = next((string for string in strings if self._confirmed(name, string)), None)

    def _beads_holding(self) -> dict[str, list[int]]:
        if self._beads_of is None:
            self._beads_of = defaultdict(list)
            for k, bead in enumerate(self.beads):
                for name in dict.fromkeys(fold(n.text) for i in getattr(bead, self.side.which)
                                          for n in self.side.names.get(i, [])):
                    self._beads_of[name].append(k)
        return self._beads_of

    def _bead_strings(self) -> list[set[str]]:
        if self._strings is None:
            self._strings = [{text[a:b] for a, b in candidates(text)}
                             for text in (self._text(k, self.other)[0] for k in range(len(self.beads)))]
            self._string_beads = Counter(string for found in self._strings for string in found)
        return self._strings

    def _ours(self, k: int, folded: str) -> list[Name]:
        return [n for i in getattr(self.beads[k], self.side.which) for n in self.side.names.get(i, [])
                if fold(n.text) == folded]

    def _keyed(self, folded: str, string: str) -> bool:
        """Whether the string reads like the name: its consonant key is near the name's
        (two consonants, as in Pyongyang's PN, are also بين, "between")."""
        name = self._ours(self._beads_holding()[folded][0], folded)[0]
        return len(name.key) >= MIN_KEY and key_similarity(name.key, consonant_key(string)) >= ALIGNED

    def _confirming_bead(self, folded: str, string: str) -> int | None:
        """The first bead holding both the name and the string: the one whose word alignment
        is asked whether they are tied."""
        return next((k for k in self._beads_holding()[folded] if string in self._text(k, self.other)[0]), None)

    def _confirming_beads(self, folded: str, strings: list[str]) -> list[int]:
        """The beads ``_confirmed`` will align for these candidates, up to one its key confirms."""
        if self.context.encoder is None:
            return []
        beads = []
        for string in strings:
            if self._keyed(folded, string):
                break
            k = self._confirming_bead(folded, string)
            if k is not None:
                beads.append(k)
        return beads

    def _confirmed(self, folded: str, string: str) -> bool:
        if self._keyed(folded, string):
            return True
        k = self._confirming_bead(folded, string) if self.context.encoder is not None else None
        alignment = None if k is None else self.alignment(k)
        if alignment is None:
            return False
        where, ours = self._text(k, self.other)[0].find(string), self._ours(k, folded)[0]
        start = ours.start - self._text(k, self.side)[1]
        tied = [alignment.target.offsets[t] for t, _ in alignment.mutual(start, start + len(ours.text))]
        return any(a < where + len(string) and where < b for a, b in tied)

    def usual(self, name: Name) -> set[str]:
        """How the article renders the name where it was found, and CLDR's renderings."""
        return {form for form, _ in self.forms[fold(name.text)].most_common(2) if form} | self._known(name)

    def lost(self, only: set[int] | None = None) -> list[Lost]:
        """The names no rendering was found for (in the beads ``only`` names, else in all). In a
        group with a word found (Donald Trump / トランプ), a word before the last one is lost only
        when a name stands in its place, capitalised (Ryder Cup / Stadium Cup) or in Chinese
        tagged one (杰克逊·特朗普): translators drop given names and titles, not swap them."""
        lost = []
        per_bead = [[(n, i) for i in getattr(bead, self.side.which) for n in self.side.names.get(i, [])]
                    if only is None or k in only else [] for k, bead in enumerate(self.beads)]
        letters = [{id(n): by_letters(n, self._text(k, self.other)[0], *self.langs) for n, _ in ours}
                   for k, ours in enumerate(per_bead)]
        # One batched pass aligns the beads with a name its letters did not find, and the beads
        # that confirm how the article renders those names.
        unfound = [k for k, found in enumerate(letters) if None in found.values()]
        self.learn([fold(n.text) for k in unfound for n, _ in per_bead[k] if letters[k][id(n)] is None], unfound)
        # Every bead's forms first: whether a form misspells the name is judged against how the
        # whole article writes it.
        found_forms = [{n.text: self._found(n, k, letters[k][id(n)]) for n, _ in ours}
                       for k, ours in enumerate(per_bead)]
        for k, ours in enumerate(per_bead):
            forms = found_forms[k]
            # A group is numbered within its sentence, and a bead may hold several sentences.
            members = defaultdict(list)
            for n, i in ours:
                members[i, n.group].append(n)
            for group in members.values():
                n = group[-1]
                if forms[n.text] is not None and letters[k][id(n)] is None \
                        and self._partner_form(n, forms[n.text], group, letters[k]):
                    forms[n.text] = None
            # A common word translated (North of North Korea / 北) is not lost, but says nothing
            # of whether its group's name is there (北バハカリフォルニア).
            found = {key for key, group in members.items()
                     if any(forms[m.text] is not None and (k, m.text) not in self._common_words for m in group)}
            rendered = {fold(form) for form in forms.values() if form}
            for n, i in ours:
                form = forms[n.text]
                if form:
                    garbled = None if n.soft else self._garbled(n, k, form)
                else:
                    slips = form is None and n.soft in (None, SHORT) and not n.text.isupper()
                    garbled = self._slip(n, k) if slips else None
                if garbled is not None:
                    lost.append(Lost(n, i, k, garbled, True, garbled=True))
                    continue
                if forms[n.text] is not None:
                    continue
                if n.soft:
                    short = self._short_replaced(n, i, k, rendered, members[i, n.group], forms) \
                        if n.soft == SHORT else None
                    if short is not None:
                        lost.append(short)
                    continue
                group = members[i, n.group]
                item = self._placed(Lost(n, i, k), group, forms)
                if (i, n.group) in found and group[-1] is not n:
                    # A word before the last of a found group is lost only when a name stands in
                    # its place, and only capitals, a tagger (Chinese, German) or the rendering of
                    # another name of the article make a stand-in a name: otherwise the words the
                    # alignment points at may as well translate a given name or title ("North" /
                    # الشماليون).
                    if not item.pointed or self._is_rendering(item.stand_in, rendered) \
                            or self.other.names is None and not self._named_stand_in(item):
                        continue
                elif (i, n.group) in found and self.other.names is None and item.pointed \
                        and self._named_stand_in(item) and not self._is_rendering(item.stand_in, rendered):
                    pass  # another name in its place (Joko Widodo / 佐科·莱科宁): replaced
                elif (i, n.group) in found and self.other.names is None:
                    # The last word (Kavanaugh of Brett Kavanaugh) is what translators keep, so
                    # its loss counts; without capitals, only where the translation writes the
                    # name's script (German): keys and the alignment miss renderings in others
                    # (우즈 for Woods, bench/NOTES.md). A word the alignment ties both ways is
                    # translated (Court / Amtsgericht), and a group found by an adjective of a
                    # place alone names a thing (Scottish Premiership: schottische Liga). What
                    # stands there is no name.
                    if not self._writes_script_of(n) or self.corresponds(n, k) or all(
                            m.soft == ADJECTIVE for m in group if forms[m.text] is not None):
                        continue
                    item.stand_in = None
                lost.append(item)
        return lost

    def _short_replaced(self, name: Name, sentence: int, k: int, rendered: set[str], group: list[Name],
                        forms: dict[str, str | None]) -> Lost | None:
        """A short name of the source (Sam, Palu) keys too little to be looked for across scripts,
        but where the translation writes its script, translators keep it letter for letter: where
        the alignment puts another name in its place (Sam Allardyce / Furyk Allardyce),
        capitalised, or tagged one where capitals do not tell, it is replaced. (A short name of
        the translation with nothing in the source is no finding: it may be a word of a phrase.)"""
        before = self.side.document.text[:name.start].rstrip()
        if self.side.which != "source" or not self._writes_script_of(name) or name.text.isupper() \
                or is_common_word(name.text, self.langs[0]) or not before or before[-1] in _OPENERS:
            return None  # an acronym, a common word (On, Kit) or a sentence's first word: no name to keep
        item = self._placed(Lost(name, sentence, k), group, forms)
        if not item.pointed or self._is_rendering(item.stand_in, rendered):
            return None
        text = self.other.document.text[item.stand_in[0]:item.stand_in[1]]
        if not text[:1].isupper() or self.other.names is None and not self._tagged_name(item):
            return None
        if chrf(name.romanised, romanise(text)) >= GARBLED or renderings(name.text, *self.langs) \
                or key_similarity(name.key, consonant_key(text)) >= ALIGNED:
            return None  # written otherwise (Rome / Rom, Dane / Danois), or a place: CLDR's to check
        return item

    def _placed(self, lost: Lost, group: list[Name], forms: dict[str, str | None]) -> Lost:
        """The lost name with what stands in its place: where the alignment points, else beside
        the rest of its group."""
        lost.stand_in, lost.pointed = self._stand_in(lost)
        if not lost.pointed:
            beside = self._beside_partner(lost.name, group, forms, lost.bead)
            if beside is not None:
                lost.stand_in, lost.pointed = beside, True
        return lost

    def _beside_partner(self, name: Name, group: list[Name], forms: dict[str, str | None],
                        k: int) -> tuple[int, int] | None:
        """Where the alignment points at no name (a name and what replaced it share no meaning), the
        word written beside a found word of the name's group, on the name's side of it: the word
        before Allardyce for Sam of Sam Allardyce, the word after Joko for Widodo; capitalised in
        a script with capitals. Spaced text only."""
        text, offset = self._text(k, self.other)
        at = group.index(name)
        for j in (at + 1, at - 1):
            form = forms.get(group[j].text) if 0 <= j < len(group) else None
            where = text.find(form) if form else -1
            if where < 0:
                continue
            word = re.search(r"(\w[\w'’\-]*)\s+$", text[:where]) if j > at else \
                re.match(r"\s+(\w[\w'’\-]*)", text[where + len(form):])
            if word and (word.group(1)[:1].isupper() or not has_capitals(word.group(1))):
                start = word.start(1) + (0 if j > at else where + len(form))
                return start + offset, start + len(word.group(1)) + offset
        return None

    def _named_stand_in(self, lost: Lost) -> bool:
        """Whether what stands in a lost name's place is a name, where no capitals tell."""
        return self._tagged_name(lost) or self._renders_absent(lost)

    def _renders_absent(self, lost: Lost) -> bool:
        """Whether what stands in a lost name's place renders another name of the article, one its
        bead does not hold (Jordan Spieth / جوردان فرانشيسكو, where Francesco is another golfer of
        the article): by consonant key, or as the translation writes that name where it found it.
        A name the bead holds is no stand-in: its rendering is where the alignment may stray."""
        if lost.stand_in is None:
            return False
        text = self.other.document.text[lost.stand_in[0]:lost.stand_in[1]]
        key = consonant_key(text)
        here = {fold(n.text) for i in getattr(self.beads[lost.bead], self.side.which)
                for n in self.side.names.get(i, [])}
        for found in self.side.names.values():
            for n in found:
                if n.soft or fold(n.text) in here:
                    continue
                if key and len(n.key) >= MIN_KEY and key_similarity(n.key, key) >= RENDERS_ANOTHER:
                    return True
                if any(form and len(form) >= 2 and form in text
                       for form, _ in self.forms[fold(n.text)].most_common(2)):
                    return True
        return False

    def _tagged_name(self, lost: Lost) -> bool:
        """Whether what stands in a lost name's place is a name by the language's own tagger, where
        no capitals tell (Chinese: jieba's tags of people, places and organisations; German:
        HanTa's proper nouns)."""
        if lost.stand_in is None or not has_tagger(self.langs[1]):
            return False
        text, offset = self._text(lost.bead, self.other)
        return is_tagged_name(self.langs[1], text, lost.stand_in[0] - offset, lost.stand_in[1] - offset)

    def _writes_script_of(self, name: Name) -> bool:
        """Whether the other side's language is usually written in the name's script."""
        return _usual_script(self.other.document.lang) == CASED_SCRIPTS.get(script_of(name.text))

    def _partner_form(self, name: Name, form: str, group: list[Name], letters: dict) -> bool:
        """Whether a form not found by the name's letters is just what the letters found for
        another word of its group (Long for Lartin of Long Lartin): the alignment took the
        partner's rendering, and the name itself is not there. A form that holds more (Cour
        suprême for Court of Supreme Court) renders the two together."""
        folded = fold(form)
        return bool(folded) and any(n is not name and letters.get(id(n)) and fold(letters[id(n)]) == folded
                                    for n in group)

    def _garbled(self, name: Name, k: int, form: str) -> tuple[int, int] | None:
        """Where ``form`` stands in bead ``k`` (document offsets) when it misspells the name as
        written in the same script, by CLDR or the article's other places (Harelm for Harlem,
        Пхеньня beside Пхеньян), and is none of them nor one of them inflected or with a
        particle (Путина, 트럼프는, وبوتين); None when it renders the name."""
        folded = without_article(fold(form))
        forms = self.forms[fold(name.text)]
        # A slip is made once: a spelling the article keeps, inflected or not, is the
        # translator's (Феникс, Фениксе for Phoenix, where CLDR has Финикс).
        if sum(count for f, count in forms.items() if variant_of(without_article(fold(f)), folded)) >= 2:
            return None
        # The article's other spellings count where they outnumber this one: two spellings as
        # frequent are the translator's own variants (فرجينيا / فيرجينيا), neither a slip.
        usual = {f for f, count in forms.items() if count > forms[form]}
        known = {without_article(fold(u)) for u in self._known(name, learn=False) | {name.text} | usual}
        if any(variant_of(u, folded) for u in known):
            return None
        # In the name's own script a translation may spell it its own way (Luisiana, Makedonien,
        # Präsident): only a slip of the keys is a misspelling there. Han and kana runs go on
        # into the next word (ラテンアメリカ for Latin), so a misspelling keeps about the length.
        same_script = script_of(form) == script_of(name.text)
        syllabic = script_of(form) in ("han", "kana")
        if not any(transposed(u, folded) if same_script else misspelt(u, folded)
                   and (not syllabic or abs(len(u) - len(folded)) <= 1) for u in known):
            return None
        text, offset = self._text(k, self.other)
        at = text.find(form)
        return None if at < 0 else (offset + at, offset + at + len(form))

    def _slip(self, name: Name, k: int) -> tuple[int, int] | None:
        """Where a word of bead ``k`` is the name, or a rendering of it that CLDR or the article
        gives, with two neighbouring letters swapped (document offsets): a name too short for
        its consonants to find it (Harlem, key RN) is still found misspelt by its letters; an
        acronym is not, as languages order its letters their own way (EU / UE)."""
        known = {fold(u) for u in self._known(name, learn=False) | {name.text}}
        for a, b, piece in self._words(k):
            # A slip is made once: a word the translation writes twice is its own (Bibel for Bible).
            if any(transposed(u, piece) for u in known) and fold(self.other.document.text).count(piece) < 2:
                return a, b
        return None

    def _words(self, k: int) -> list[tuple[int, int, str]]:
        """The one-word spans of the other side in bead ``k`` a name may be written as (document
        offsets), folded: worked out once per bead, not once per name looked for there."""
        if k not in self._folded_words:
            text, offset = self._text(k, self.other)
            self._folded_words[k] = [(offset + a, offset + b, piece) for a, b in candidates(text)
                                     for piece in [fold(text[a:b])] if " " not in piece]
        return self._folded_words[k]

    def _known(self, name: Name, learn: bool = True) -> set[str]:
        """CLDR's renderings of the name, the glossary's, and the article's where it repeats the
        name (learned now when ``learn``; without, only if a search has asked already: learning
        may take a pass of the encoder)."""
        learned = self.learned(name) if learn else self._learned.get(fold(name.text))
        return (renderings(name.text, *self.langs) | ({learned} if learned else set())
                | self.glossary.renderings(name, self.langs[1]))

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
                       for a, b in _readings(alignment.target.text, alignment, token, aligned, self.langs[1])})

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
        if form is None:
            learned = self.learned(name)
            if learned is not None and learned in self._bead_strings()[k]:
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
            word = target[slice(*_word_around(target, *map(int, alignment.target.offsets[token]), self.langs[1]))]
            if similarity >= TRANSLATED and chrf(name.romanised, romanise(word)) < GARBLED:
                return ""
            if self.other.names is not None and word.islower() and similarity >= TRANSLATED_LOWER:
                return ""
            # A garble keeps the name's consonants (Yaun for Yuan): it is never the translation.
            if similarity >= TRANSLATED_COMMON and chrf(name.romanised, romanise(word)) < GARBLED \
                    and key_similarity(name.key, consonant_key(word)) < ALIGNED \
                    and self._translates_common_word(name, word):
                self._common_words.add((k, name.text))
                return ""
        both_ways = {token for token, _ in pairs}
        aligned = sorted(both_ways | set(alignment.pointing_at(start, end)))
        readings = [(token, a, b) for token in aligned for a, b in _readings(target, alignment, token, aligned, self.langs[1])]
        # The capital for the government, the country in its place (Pyongyang / 朝鲜): translated.
        held = [tuple(map(int, alignment.target.offsets[token])) for token in aligned]
        if any(a < d and c < b for a, b in country_of_capital(name.text, target, self.langs[1]) for c, d in held):
            return ""
        # Words aligned together are read together first: one of them alone (بيانغ) may key as
        # the name where the two misspell it (بيانغ يونغ for بيونغ يانغ), and then none renders it.
        run = alignment.target_span(aligned)
        if run is not None and script_of(target[run[0]:run[1]]) not in ("han", "kana") \
                and " " in target[run[0]:run[1]].strip():
            a, b = _word_around(target, *run, self.langs[1])
            if self._misspells(name, target[a:b]):
                return None
            readings.insert(0, (next((t for t in aligned if t in both_ways), aligned[0]), a, b))
        for token, a, b in readings:
            similarity = key_similarity(name.key, consonant_key(target[a:b]))
            if len(name.key) >= MIN_KEY and similarity >= ALIGNED:
                return target[a:b]
            # A short key (Seoul, Kyiv) only in another script, and near only when aligned
            # both ways (Kyiv / 키이우): in its own script a short name is found by its
            # letters, as Pyangyong keys as Pyongyang does.
            if script_of(target[a:b]) != script_of(name.text) and not self._misspells(name, target[a:b]) and (
                    similarity == 1 or token in both_ways and similarity >= 0.5
                    and drops_sounds(name.key, consonant_key(target[a:b]))):
                return target[a:b]
        # Han script writes a name in characters the alignment may tie only one of to it (曼 of
        # 曼彻斯特 for Manchester), and kana joins a name to the next word (ハリウッドスター): the
        # run around is read too, as far as the alignment leaves its characters to no other
        # word, and held to a nearer key, since more pieces meet a key by chance. The nearest
        # reading counts, the shortest of equals.
        if len(name.key) >= MIN_KEY:
            taken = _taken(alignment, set(alignment.source_tokens(start, end)))
            pieces = {piece for token in aligned
                      for piece in _run_pieces(target, *map(int, alignment.target.offsets[token]), taken)}
            scored = [(key_similarity(name.key, consonant_key(target[a:b])), a - b, a, b) for a, b in pieces]
            best = max(scored, default=None)
            if best is not None and best[0] >= ALIGNED_RUN:
                return target[best[2]:best[3]]
        return None

    def _translates_common_word(self, name: Name, word: str) -> bool:
        """Whether ``word`` translates ``name`` as the common word it also is (Assessment /
        Evaluación, Democrats / 민주당, West of West Virginia / Occidentale): in context the
        alignment ties a name put in another's place about as closely (Woods / Shawn, 0.67),
        so the two words are also compared out of context, where the encoder puts a word and
        its translation nearer (0.86-0.90 on the benchmark's examples) than a word and a name
        that replaces it (Trump / Путин 0.85, Woods / Shawn 0.82): bench/NOTES.md."""
        if not is_common_word(name.text, self.side.document.lang):
            return False
        vectors = self.context.encoder.embed([name.text.lower(), word])
        return float(vectors[0] @ vectors[1]) >= WORD_TRANSLATION

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
        a, b = _word_around(alignment.target.text, *map(int, alignment.target.offsets[token]), self.langs[1])
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
                a, b = _word_around(text, *span, self.langs[1])
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
    found = soften_common_words({s.index: extract(s.text, document.lang, inside, lower) for s in document.sentences},
                           document.lang, lower)
    for sentence in document.sentences:
        side.names[sentence.index] = [
            replace(n, start=n.start + sentence.start, end=n.end + sentence.start,
                    soft=None if n.soft == SHORT and renderings(n.text, document.lang, other_lang) else n.soft)
            for n in found[sentence.index]]
    return side


@lru_cache(maxsize=64)
def _usual_script(lang: str) -> str:
    """The language's usual script, as ICU's likely subtags give it (Latn, Cyrl, Arab, Hani …)."""
    import icu

    return icu.Locale.addLikelySubtags(icu.Locale(lang or "und")).getScript()


def _capitals_mark_names(lang: str) -> bool:
    """Whether capitals set names apart in the language: its usual script has them, and it does
    not capitalise every noun as German does."""
    return lang not in ("de", "lb", "gsw") and _usual_script(lang) in CASED_SCRIPTS.values()


def _readings(text: str, alignment: TokenAlignment, token: int, aligned: list[int], lang: str) -> list[tuple[int, int]]:
    """The spans an aligned token may be part of: its whole word (in Hangul also without the
    particles after it), or, in unspaced Han script, its Chinese word and the pieces of up to six
    characters of the run of aligned tokens it stands in (尹 is a surname, 普京 one token,
    梅德韦杰夫 five), never reaching into words not aligned."""
    start, end = map(int, alignment.target.offsets[token])
    if script_of(text[start:end]) == "hangul":  # the word, then without its particles (버밍엄에서: 버밍엄)
        a, b = _word_around(text, start, end, lang)
        return [(a, k) for k in range(b, min(b, max(end, a + 2)) - 1, -1)]
    if script_of(text[start:end]) != "han":
        return [_word_around(text, start, end, lang)]
    word = [words_around(text, start, end)] if is_chinese(lang) else []
    first = last = token
    while first - 1 in aligned:
        first -= 1
    while last + 1 in aligned:
        last += 1
    low, high = int(alignment.target.offsets[first][0]), int(alignment.target.offsets[last][1])
    return word + [(a, b) for a in range(max(low, start - 5), start + 1) for b in range(max(end, a + 1), min(high, a + 6) + 1)
                   if all(script_of(c) == "han" for c in text[a:b]) and (a, b) not in word]


def _taken(alignment: TokenAlignment, ours: set[int]) -> set[int]:
    """The characters of the other side the alignment ties both ways to a word outside ``ours``."""
    best_source = alignment.similarity.argmax(0)
    return {c for j, both in enumerate(alignment.aligned()[1]) if both and int(best_source[j]) not in ours
            for c in range(*map(int, alignment.target.offsets[j]))}


# The longest piece of a run read for a name: 梅德韦杰夫, ウエストバージニア.
_PIECE = {"han": 6, "kana": 12}


def _run_pieces(text: str, start: int, end: int, taken: set[int]) -> list[tuple[int, int]]:
    """The pieces of a Han or kana run a token stands in that hold it (two characters at least),
    the run ending where the alignment gives a character to another word (北约 to NATO)."""
    script = script_of(text[start:end])
    if script not in _PIECE:
        return []
    longest = _PIECE[script]
    low, high = start, end
    while low > 0 and script_of(text[low - 1]) == script and low - 1 not in taken:
        low -= 1
    while high < len(text) and script_of(text[high]) == script and high not in taken:
        high += 1
    return [(a, b) for a in range(max(low, end - longest), start + 1)
            for b in range(max(end, a + 2), min(high, a + longest) + 1)]


def _word_around(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """The whole word a token is part of: a spaced word, a run of katakana (プーチン), a Chinese
    word (托马斯, where the token is 托), or, in other Han script, the token itself."""
    script = script_of(text[start:end])
    if script == "han":
        return words_around(text, start, end) if is_chinese(lang) else (start, end)
    inside = (lambda c: "\u30a1" <= c <= "\u30fa" or c == "\u30fc") if script == "kana" else str.isalpha  # not ・
    while start > 0 and inside(text[start - 1]):
        start -= 1
    while end < len(text) and inside(text[end]):
        end += 1
    return start, end
