"""Stage 2, Sentences: split a Document into sentences with character offsets.

ICU's sentence BreakIterator (PyICU) does the splitting: it implements Unicode's sentence
rules for every script (。！？, ؟, ।, Armenian and Ethiopic stops …) and, with the
``@ss=standard`` locale keyword, CLDR's abbreviation lists ("Mr.", "Jan.", "z.B.", "т.е.")
for the languages that have them. Three gaps are covered here:

* paragraphs: a line is a paragraph unless the article wraps its paragraphs with single
  newlines between blank-line separated blocks, in which case those newlines are soft;
* a quoted question or exclamation followed by a lowercase attribution ("“Who is he?”
  she asked."), or a quotation followed by a quotative particle (「勝つ。」と言った), is
  one sentence, as is a fragment made only of closing punctuation; French closing
  guillemets after a space (« Nous gagnerons. ») stay with their sentence;
* a few abbreviations missing from CLDR's lists (en "Dr.", "Sen.", de "z. B.", it "sig.",
  pt "Sr." …) and ordinals written with a full stop (de "im 1. Weltkrieg");
* Markdown block markers (``#``, ``>``, list bullets) are kept out of sentence spans.
"""
from __future__ import annotations

import re
import unicodedata

from .document import Document, Sentence

_BLOCK_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")
_HEADING_ONLY_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+•][ \t]+)")


class Segmenter:
    """Splits text into sentences for one language; cheap to create, reusable."""

    def __init__(self, lang: str, markdown: bool = False):
        import icu

        self.lang = lang
        self.markdown = markdown
        self._iterator = icu.BreakIterator.createSentenceInstance(icu.Locale(f"{lang}@ss=standard"))
        self._icu = icu

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, paragraph) for each sentence, whitespace trimmed."""
        result: list[tuple[int, int, int]] = []
        for paragraph, (start, end) in enumerate(self._paragraphs(text)):
            block = text[start:end]
            marker = (_BLOCK_MARKER if self.markdown else _HEADING_ONLY_MARKER).match(block)
            skip = marker.end() if marker else 0
            # Soft newlines become spaces so ICU does not treat them as hard breaks;
            # same length, so offsets stay valid.
            pieces = self._split(block.replace("\n", " "), skip)
            for piece_start, piece_end in _repair(block, pieces, self.lang):
                result.append((start + piece_start, start + piece_end, paragraph))
        return result

    def _paragraphs(self, text: str) -> list[tuple[int, int]]:
        soft_wrapped = re.search(r"\n[ \t]*\n", text) is not None and _has_wrapped_lines(text)
        separator = re.compile(r"\n[ \t]*\n+" if soft_wrapped else r"\n+")
        spans, position = [], 0
        for match in separator.finditer(text):
            spans.append((position, match.start()))
            position = match.end()
        spans.append((position, len(text)))
        return [(a, b) for a, b in spans if text[a:b].strip()]

    def _split(self, block: str, skip: int) -> list[tuple[int, int]]:
        unicode_block = self._icu.UnicodeString(block)
        self._iterator.setText(unicode_block)
        to_python = _utf16_to_python(block)
        bounds = [0] + [to_python(b) for b in self._iterator]
        pieces = []
        for a, b in zip(bounds, bounds[1:]):
            a = max(a, skip)
            while a < b and block[a].isspace():
                a += 1
            while b > a and block[b - 1].isspace():
                b -= 1
            if a < b:
                pieces.append((a, b))
        return pieces


# Abbreviations CLDR's suppression lists lack (ICU would end a sentence after them).
_ABBREVIATIONS = {
    "en": ("Dr.", "Sen.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Rev.", "Hon.",
           "Pres.", "Sec.", "Supt.", "Insp.", "Det.", "Maj.", "Brig.", "Cpl.", "Pvt.", "Rep.", "Reps.",
           "Sens.", "Gens.", "Ald.", "Atty.", "Fr.", "Sr.", "Jr.", "St.", "Mt.", "Ft.", "No."),
    "de": ("z.", "d.", "u.", "z. B.", "z.B.", "d. h.", "u. a.", "bzw.", "ca.", "Nr.", "Dr.", "Prof.", "Hr.", "Fr."),
    "fr": ("M.", "MM.", "Mme.", "Dr.", "Pr.", "av.", "env."),
    "it": ("sig.", "Sig.", "sig.ra", "Sig.ra", "dott.", "Dott.", "prof.", "Prof.", "avv.", "on."),
    "pt": ("Sr.", "Sra.", "Dr.", "Dra.", "Prof.", "Profa."),
    "es": ("Sr.", "Sra.", "Dr.", "Dra.", "Prof.", "Ud.", "Uds."),
    "ru": ("т. е.", "т. д.", "т. п.", "г.", "гг.", "им.", "ул."),
}
# A quotation closed with 。 and then reported: 「勝つ。」と言った / “이길 것이다.”라고 말했다.
_QUOTATIVE = {"ja": ("と", "って", "との"), "ko": ("라고", "이라고", "고 ", "라며", "며"),
              "zh": ("的",)}
_CLOSING = "»”’」』）)]›\"'"


def _repair(block: str, pieces: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged:
            previous = block[merged[-1][0]:merged[-1][1]]
            closing = _leading_closers(block, start, end)
            if closing and closing < end:
                # « Nous gagnerons. » M. Dupont…: the closing mark ends the sentence before.
                merged[-1] = (merged[-1][0], closing)
                start = closing
                while start < end and block[start].isspace():
                    start += 1
            if _continues(previous, block[start:end], lang):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _leading_closers(block: str, start: int, end: int) -> int:
    position = start
    while position < end and block[position] in _CLOSING:
        position += 1
    return position if position > start else 0


# Ordinals written as a number and a full stop ("im 1. Weltkrieg", "am 3. Oktober").
_ORDINAL_STOP = re.compile(r"(?:^|\s)\d{1,2}\.$")
_ORDINAL_LANGS = {"de", "da", "no", "nb", "fi", "tr", "pl", "cs", "sk", "hu", "hr", "sl", "sr", "et", "lv", "is"}


def _continues(previous: str, piece: str, lang: str) -> bool:
    if not piece:
        return True
    if lang in _ORDINAL_LANGS and _ORDINAL_STOP.search(previous):
        return True
    if unicodedata.category(piece[0]) == "Ll":
        return True
    # Only closing quotes, brackets or punctuation: it belongs to the sentence before.
    if all(unicodedata.category(c)[0] in "PZ" for c in piece):
        return True
    if piece.startswith(_QUOTATIVE.get(lang, ())):
        return True
    return previous.endswith(_ABBREVIATIONS.get(lang, ()))


def _has_wrapped_lines(text: str) -> bool:
    """Blank-line separated blocks whose inner line breaks mostly run on in lowercase: a
    hard-wrapped article. Headlines and subheadings (no final stop, next line capitalised)
    do not count as wrapping."""
    breaks = runs_on = 0
    for block in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        for following in lines[1:]:
            breaks += 1
            runs_on += unicodedata.category(following[0]) == "Ll"
    return breaks > 0 and runs_on >= max(1, 0.3 * breaks)


def _utf16_to_python(text: str):
    """ICU reports UTF-16 offsets; Python strings index code points."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table, units = [], 0
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) >= 0x10000:
            table.append(index)
            units += 1
        units += 1
    table.append(len(text))
    return lambda offset: table[offset]


def segment(document: Document, markdown: bool = False) -> Document:
    segmenter = Segmenter(document.lang or "und", markdown=markdown)
    document.sentences = [
        Sentence(index, start, end, document.text[start:end], paragraph)
        for index, (start, end, paragraph) in enumerate(segmenter.spans(document.text))
    ]
    return document


def segment_lines(document: Document) -> Document:
    """Pre-segmented input: every non-empty line is one sentence (as aligners' test sets are)."""
    sentences, position = [], 0
    for line in document.text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped)
            sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped, len(sentences)))
        position += len(line) + 1
    document.sentences = sentences
    return document


# Where a clause ends, in any script: a translator may join two sentences into one, and a
# sentence of one side is then a clause of the other's.
CLAUSE_END = re.compile(r"[,;:!?.…—–、，；：。！？،؛]+")


def clause_runs(text: str, max_runs: int = 48) -> list[tuple[int, int]]:
    """Spans of ``text`` whole and of each run of one to three consecutive clauses in it (single
    clauses only, or none, where there would be more than ``max_runs``), whitespace trimmed."""
    clauses, start = [], 0
    for mark in CLAUSE_END.finditer(text):
        if text[start:mark.end()].strip():
            clauses.append((start, mark.end()))
        start = mark.end()
    if text[start:].strip():
        clauses.append((start, len(text)))
    longest = 3 if 3 * len(clauses) <= max_runs else 1 if len(clauses) < max_runs else 0
    runs = {(clauses[i][0], clauses[j][1]) for i in range(len(clauses)) for j in range(i, min(i + longest, len(clauses)))}
    runs.add((0, len(text)))
    trimmed = []
    for a, b in sorted(runs):
        piece = text[a:b]
        trimmed.append((a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))))
    return trimmed

