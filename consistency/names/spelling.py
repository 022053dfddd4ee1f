"""How a name may be written in a text: by its letters (with case endings), by CLDR's name for
the same place, by a capitalised span with exactly its consonant key; and when a form is a
misspelling of the usual one rather than another rendering."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from . import Name, candidates, has_capitals
from .exonyms import city_renderings, renderings
from .romanise import chrf, consonant_key, edit_similarity, fold, same_key, script_of

EXACT_KEY = 4  # a capitalised span with exactly the name's key, searched over the bead, from this length
GARBLED = 0.5  # spelling similarity to the usual rendering above which a stand-in is a garble (CJK, Hangul)
ALPHABET_GARBLED = 0.6  # the same for letters of an alphabet


def by_letters(name: Name, text: str, lang: str, other_lang: str) -> str | None:
    """The form ``text`` renders ``name`` in by its letters, CLDR or an exact long key; None if none."""
    folded, origins = _folded(text)
    wanted = fold(name.text)
    position = folded.find(wanted)
    while position >= 0:
        # A word starts where a letter of another script ends: Chinese, Japanese and Arabic
        # write a name in Latin letters without a space (我看到Kante, علىBellenglise).
        before = folded[position - 1] if position else " "
        if not before.isalpha() or script_of(before) != script_of(wanted):
            after = position + len(wanted)
            return text[origins[position]:origins[after] if after < len(origins) else len(text)]
        position = folded.find(wanted, position + 1)
    for rendering in renderings(name.text, lang, other_lang) | renderings(name.phrase, lang, other_lang):
        stem = _stem(fold(rendering))
        if stem in folded:
            return rendering
    for rendering in sorted(city_renderings(name.text, other_lang) | city_renderings(name.phrase, other_lang),
                            key=lambda form: (-len(form), form)):
        written = _written_as_name(rendering, text)
        if written:
            return written
    if len(name.key) >= EXACT_KEY:
        return next((piece for key, piece in _keyed_pieces(text).get(len(name.key), ()) if same_key(name.key, key)),
                    None)
    return None


def _written_as_name(form: str, text: str) -> str | None:
    """The word of ``text`` that writes ``form`` as a name: in a script with capitals, a
    capitalised word that is the form, perhaps with an ending (Неаполе), not a word that begins
    with it ("Seul" is among Seoul's names in GeoNames: seul, Seulement); elsewhere anywhere (邓迪)."""
    folded, origins = _folded(text)
    stem = _stem(fold(form))
    position = folded.find(stem)
    while position >= 0:
        start, end = origins[position], position + len(stem)
        if not has_capitals(form):
            return text[start:origins[end] if end < len(origins) else len(text)]
        word_end = next((k for k in range(end, len(folded)) if not folded[k].isalpha()), len(folded))
        if (not start or not text[start - 1].isalpha()) and text[start].isupper() \
                and word_end - end <= len(fold(form)) - len(stem) + 2:
            return text[start:origins[word_end] if word_end < len(origins) else len(text)]
        position = folded.find(stem, position + 1)
    return None


@lru_cache(maxsize=256)
def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded (every name of a bead is looked for in the same text), and where in
    ``text`` each folded character comes from: folding changes lengths (ß is ss, a combining
    accent goes), and the form returned must be the text's own."""
    pieces = [fold(char) for char in text]
    return "".join(pieces), [k for k, piece in enumerate(pieces) for _ in piece]


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


def variant_of(usual: str, form: str) -> bool:
    """Whether ``form`` is ``usual`` itself, inflected (Путина), or within a longer word or
    a piece of one (트럼프는, وبوتين, 米トランプ): a rendering, not a misspelling of it."""
    return usual in form or form in usual or _inflected(usual, form)


def transposed(usual: str, form: str) -> bool:
    """Whether ``form`` is ``usual`` with two neighbouring letters swapped (Harelm, Lnodres),
    perhaps with an ending of up to two letters: a slip of the keyboard that no language's
    spelling of a name makes, where a letter changed or dropped may be one (Luisiana,
    Makedonien). Not in names under four letters, where an ending makes one (As / sagt)."""
    typed = form[:len(usual)]
    if len(usual) < 4 or len(typed) < len(usual) or len(form) - len(usual) > 2 or typed == usual:
        return False
    k = next(k for k, (x, y) in enumerate(zip(usual, typed)) if x != y)
    return k + 1 < len(usual) and (typed[k], typed[k + 1]) == (usual[k + 1], usual[k]) \
        and typed[k + 2:] == usual[k + 2:]


def drops_sounds(key: str, other: str) -> bool:
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
