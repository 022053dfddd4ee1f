"""Finding quotations in a segmented Document.

One pass over each paragraph's quotation marks with a stack of open quotations: a closing mark
closes the innermost open quotation it can close (any opened inside it and left open are
reported unbalanced, ending where it ends), an opening mark is pushed, a closing mark with
nothing to close is reported unbalanced. Each mark is looked at once and each open quotation
pushed and popped once, so the work is linear in the text; nesting is capped at ``MAX_DEPTH``
so the reported spans stay linear too (a string of 10,000 opening marks is not 10,000 nested
quotations of a reader's article).

Rules a reader may want to know:

* apostrophes: ’ and ' between two letters (don’t, Putin’s, l’Ukraine), after a space
  (’90s, rock ’n’ roll) or closing nothing (the soldiers’ families) are apostrophes; ‘ before
  two digits (‘90s) too. An unclosed straight ' is dropped, not reported: it is far more often
  an apostrophe than a lost mark;
* symmetric marks (" … ", Swedish ” … ”, » … ») pair by alternation, helped by what flanks
  them: a mark with a space before and a letter after opens, even if an earlier one was left
  open;
* a quotation left open at the end of a paragraph whose next paragraph opens with the same
  mark continues there (the English convention for a quotation of several paragraphs): one
  quotation, balanced, with the reopening marks in ``reopen_marks``;
* dash-led dialogue (— Да, — сказал он. / —Sí —dijo él—.) in the languages that write it:
  a paragraph opening with a dash is speech up to the dash that starts the narrator's comment,
  and speech again after a dash that ends it;
* 《》 and 〈〉 are Chinese and Korean title marks, not quotation marks (marks.py).

``kind`` tells a quoted statement from a quoted phrase (a term, a scare quote: “brotherhood in
struggle”). Length is counted in words (a run of Han characters counts one word per two, of
kana one per three: they are written without spaces). A quotation is a statement when it is

* long: at least ``LONG_WORDS`` (12) words, wherever it stands; or
* set off as speech, however short: introduced by a colon, or by a reporting verb with at
  most "that" and a few words between (he said “no”; وقال بوتين في رسالته إن «…»), or by a
  comma when it ends its sentence (According to the ministry, “the talks failed.”); opening
  its sentence and ending with punctuation, with the sentence or before a comma (“Yes,” he
  said. / « Oui », a-t-il dit.); holding a sentence end (two sentences, as the segmenter
  sees them); followed by a quotative particle (ja 「…」と述べた, ko “…”라고 말했다) or by a
  dash comment («…», — сказал он); or dash-led dialogue; or
* ending a clause and at least ``CLAUSE_WORDS`` (6) words: its content ends with a full stop,
  question or exclamation mark, or the quotation ends its sentence (Putin stressed that
  relations “will help build a fair, multipolar world order.”).

Everything else is a phrase. The thresholds keep a translation's statements the statements of
its source: the American full stop inside the closing mark (“thanks to our joint efforts.”)
does not make a five-word phrase a statement.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from ..document import Document
from .verbs import reporting_verbs
from .marks import APOSTROPHES, DASH_DIALOGUE, DASH_DIALOGUE_LANGS, DIALOGUE_DASHES, Style, roles_for

_LOOK = 80  # characters looked at around a quotation to tell its kind
MAX_DEPTH = 8  # deeper opening marks are ignored: no article nests quotations that deep
LONG_WORDS = 12
CLAUSE_WORDS = 6

STATEMENT = "statement"
PHRASE = "phrase"

_TERMINAL = ".!?…。！？"
_CLOSING_PUNCTUATION = "”’»«›‹」』﹂﹄〟〞)]）」\"'"
_QUOTATIVE = {
    "ja": re.compile(r"\s*(?:と|って|との)(?![「『“〝])"),
    "ko": re.compile(r"\s*(?:이?라고|고|이?라며|며)(?=[\s,，]|$)"),
}
# What may stand between a reporting verb and the quotation it introduces: nothing but a colon
# or "that" (said that “…”), or a few words ending with one (وقال بوتين في رسالته إن «…»).
_COMPLEMENTISER = r"(?:\b(?:that|que|qu[’']|dass|что)|(?<!\w)(?:إن|أن|إنّ|أنّ))"
_AFTER_VERB = re.compile(rf"\s*[,:：，]?\s*(?:{_COMPLEMENTISER}\s*)?$"
                         rf"|(?:\s*[\w'’\-]+){{0,6}}\s*(?:[,:：，،]|{_COMPLEMENTISER})\s*$")
_DASHES = re.compile("[" + DIALOGUE_DASHES + "]")
_DASH_COMMENT = re.compile(r"\s*,?\s*[—–―]\s*\w")


@dataclass(frozen=True)
class Quote:
    start: int  # document offsets of the quoted content, marks and inner padding excluded
    end: int
    text: str  # document.text[start:end]
    style: str  # a name from marks.STYLES, or "dash-dialogue"
    open_mark: int | None  # offset of the opening mark (None: it was never opened)
    close_mark: int | None  # offset of the closing mark (None: never closed)
    sentences: tuple[int, ...]  # indices of the sentences the content touches
    depth: int  # 0 at top level, 1 inside another quotation …
    balanced: bool
    kind: str  # "statement" or "phrase" (see the module's docstring)
    reopen_marks: tuple[int, ...] = ()  # the marks reopening it at each new paragraph

    @property
    def lonely_mark(self) -> int | None:
        """The offset of the mark without a partner, for an unbalanced quotation."""
        if self.balanced:
            return None
        return self.open_mark if self.close_mark is None else self.close_mark

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass
class _Open:
    styles: tuple[Style, ...]  # „ opens „…“ and „…” alike in Polish: the closing mark decides
    mark: int
    reopen_marks: list

    @property
    def closes(self) -> str:
        return "".join(style.closes for style in self.styles)

    def closed_by(self, char: str) -> Style | None:
        return next((style for style in self.styles if char in style.closes), None)


@dataclass(frozen=True)
class _Found:
    """A quotation before trimming, depth and kind are worked out."""
    start: int
    end: int
    style: str
    open_mark: int | None
    close_mark: int | None
    balanced: bool
    reopen_marks: tuple = ()


def find_quotes(document: Document) -> list[Quote]:
    """Every quotation of a segmented document, in reading order (an outer one before those
    inside it)."""
    text = document.text
    if not document.sentences:
        # Segmentation leaves none where the text holds no word (blank, or only the ">" of a
        # quoted e-mail line); a text with words and no sentences was never segmented.
        if any(c.isalnum() for c in text):
            raise ValueError("find_quotes needs a segmented Document (consistency.segmentation.segment)")
        return []
    paragraphs = _paragraphs(document)
    sentence_starts = [s.start for s in document.sentences]
    found = _MarkScanner(text, document.lang, paragraphs, sentence_starts).scan()
    lang = _base_lang(document.lang)
    if lang in DASH_DIALOGUE_LANGS:
        found += _dash_dialogue(text, paragraphs, found)
    found = _holding(_trimmed(text, f) for f in found)
    found.sort(key=lambda f: (f.start, -f.end, f.open_mark if f.open_mark is not None else -1))
    quotes, enclosing = [], []
    for f in found:
        while enclosing and not (enclosing[-1].start <= f.start and f.end <= enclosing[-1].end):
            enclosing.pop()
        quote = Quote(f.start, f.end, text[f.start:f.end], f.style, f.open_mark, f.close_mark,
                      _sentences_touched(document, sentence_starts, f), len(enclosing), f.balanced,
                      _kind(text, document, sentence_starts, f, lang), tuple(f.reopen_marks))
        quotes.append(quote)
        enclosing.append(quote)
    return quotes


def _base_lang(lang: str) -> str:
    return (lang or "").lower().replace("_", "-").split("-")[0]


def _paragraphs(document: Document) -> list[tuple[int, int]]:
    spans: dict[int, list[int]] = {}
    for sentence in document.sentences:
        span = spans.setdefault(sentence.paragraph, [sentence.start, sentence.end])
        span[0], span[1] = min(span[0], sentence.start), max(span[1], sentence.end)
    return sorted((a, b) for a, b in spans.values())


class _MarkScanner:
    """The stack-based pass over quotation marks (see the module's docstring)."""

    def __init__(self, text: str, lang: str, paragraphs: list[tuple[int, int]], sentence_starts: list[int]):
        self.text = text
        self.roles = roles_for(lang)
        self.paragraphs = paragraphs
        self.sentence_starts = sentence_starts
        self.marks = re.compile("[" + re.escape("".join(sorted(self.roles))) + "]")
        self.found: list[_Found] = []
        self.stack: list[_Open] = []
        self.closable: dict[str, int] = {}  # mark -> open quotations it can close
        self.last_mark_end = 0

    def scan(self) -> list[_Found]:
        skip = None
        for number, (start, end) in enumerate(self.paragraphs):
            self.last_mark_end = start
            for match in self.marks.finditer(self.text, start, end):
                if match.start() != skip:
                    self._mark(match.start(), start, end)
            skip = self._paragraph_end(end, self.paragraphs[number + 1] if number + 1 < len(self.paragraphs) else None)
        return self.found

    def _mark(self, at: int, paragraph_start: int, paragraph_end: int) -> None:
        char = self.text[at]
        roles = self.roles[char]
        before = self.text[at - 1] if at > paragraph_start else " "
        after = self.text[at + 1] if at + 1 < paragraph_end else " "
        opens = roles.opens
        if char in APOSTROPHES or (char == "‘" and not roles.closes):
            self._single(at, char, before, after)
            return
        if opens and roles.closes and set(opens) & set(roles.closes):  # symmetric: " … "
            can_close = self.closable.get(char)
            if _left_flanking(before, after) or not (can_close or _right_flanking(before, after)):
                self._open(at, opens)
            elif can_close:
                self._close(at, char)
            else:
                self._lonely_close(at, roles.closes[0])
            return
        if roles.closes and self.closable.get(char):
            self._close(at, char)
        elif opens:
            self._open(at, opens)
        else:
            self._lonely_close(at, roles.closes[0])

    def _single(self, at: int, char: str, before: str, after: str) -> None:
        """’ ' and the English ‘: quotation marks only where they cannot be apostrophes."""
        roles = self.roles[char]
        if before.isalnum() and after.isalnum() and not (_unspaced(before) or _unspaced(after)):
            return  # don't, Putin’s, l’Ukraine (but ‘역사적인 날’이라고 closes)
        if _left_flanking(before, after):
            elided = after.isdigit() or re.match(r"['’](?:tis|twas|em|n)\b", self.text[at:at + 6])
            if roles.opens and not elided:
                self._open(at, roles.opens)
            return
        top = self.stack[-1] if self.stack else None
        if top is not None and top.closed_by(char) is not None:
            self._close(at, char)

    def _open(self, at: int, styles: tuple[Style, ...]) -> None:
        self.last_mark_end = at + 1
        if len(self.stack) >= MAX_DEPTH:
            return
        opened = _Open(styles, at, [])
        self.stack.append(opened)
        for char in set(opened.closes):
            self.closable[char] = self.closable.get(char, 0) + 1

    def _pop(self) -> _Open:
        opened = self.stack.pop()
        for char in set(opened.closes):
            self.closable[char] -= 1
        return opened

    def _close(self, at: int, char: str) -> None:
        while self.stack:
            opened = self._pop()
            style = opened.closed_by(char)
            if style is not None:
                self.found.append(_Found(opened.mark + 1, at, style.name, opened.mark, at, True,
                                         tuple(opened.reopen_marks)))
                break
            self._unclosed(opened, at)
        self.last_mark_end = at + 1

    def _unclosed(self, opened: _Open, end: int) -> None:
        if opened.styles[0].name == "straight-single":
            return  # far more often an apostrophe ('em, 'tis) than a lost mark
        self.found.append(_Found(opened.mark + 1, end, opened.styles[0].name, opened.mark, None, False,
                                 tuple(opened.reopen_marks)))

    def _lonely_close(self, at: int, style: Style) -> None:
        # From the last mark (or the sentence's start): the span crosses no other quotation.
        sentence = self.sentence_starts[max(0, bisect.bisect_right(self.sentence_starts, at) - 1)]
        start = max(self.last_mark_end, sentence)
        self.found.append(_Found(min(start, at), at, style.name, None, at, False))
        self.last_mark_end = at + 1

    def _paragraph_end(self, end: int, following: tuple[int, int] | None) -> int | None:
        """Report what is left open; return the offset of a reopening mark that continues the
        outermost quotation into the next paragraph."""
        continued = None
        if self.stack and following is not None:
            first = self.text[following[0]]
            outer = self.stack[0]
            if any(first in style.opens for style in outer.styles):
                continued = following[0]
        while len(self.stack) > (1 if continued is not None else 0):
            self._unclosed(self._pop(), end)
        if continued is not None:
            self.stack[0].reopen_marks.append(continued)
        return continued


def _unspaced(char: str) -> bool:
    """Hangul, kana and Han: scripts that write no apostrophes, so a mark between their letters
    is a quotation mark (‘날’이라고)."""
    code = ord(char)
    return 0x1100 <= code <= 0x11FF or 0x3040 <= code <= 0x30FF or 0x3130 <= code <= 0x318F \
        or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF


def _left_flanking(before: str, after: str) -> bool:
    return not after.isspace() and (before.isspace() or _opening_punctuation(before))


def _right_flanking(before: str, after: str) -> bool:
    return not before.isspace() and (after.isspace() or _punctuation(after) and not _opening_punctuation(after))


def _punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _opening_punctuation(char: str) -> bool:
    return unicodedata.category(char) in ("Ps", "Pi", "Pd") or char in "«„‚「『"


def _dash_dialogue(text: str, paragraphs: list[tuple[int, int]], found: list[_Found]) -> list[_Found]:
    """Speech in paragraphs led by a dash: from the dash to the dash of the narrator's comment,
    then again after a dash closing the comment. Dashes inside quotation marks are text."""
    quoted = _merged(sorted((f.open_mark if f.open_mark is not None else f.start,
                             f.close_mark + 1 if f.close_mark is not None else f.end) for f in found))
    quoted_starts = [a for a, _ in quoted]
    result = []
    for start, end in paragraphs:
        following = text[start + 1:end].lstrip()
        # Speech starts with a word or an opening mark (— Да, —¿Vienes?, — «Нет»), not a number.
        if text[start] not in DIALOGUE_DASHES or not following or following[0].isdigit() \
                or not (following[0].isalpha() or following[0] in "¿¡" or _opening_punctuation(following[0])) \
                or following[0] in DIALOGUE_DASHES or _covered(quoted, quoted_starts, start):
            continue
        speaking, speech_mark = True, start
        for match in _DASHES.finditer(text, start + 1, end):
            at = match.start()
            if _covered(quoted, quoted_starts, at):
                continue
            window = text[max(start, at - 8):at]  # a few characters: the work stays linear
            before = window.rstrip()
            spaced_before = len(before) < len(window)
            after = text[at + 1] if at + 1 < end else " "
            if not before:
                continue
            if speaking and (before[-1] in ",!?.…" or spaced_before and after.isalpha()):
                result.append(_Found(speech_mark + 1, at, DASH_DIALOGUE, speech_mark, at, True))
                speaking = False
            elif not speaking and ((before[-1] in ".,:" and spaced_before and after.isspace())
                                   or (not spaced_before and before[-1].isalpha() and not after.isalpha())):
                speaking, speech_mark = True, at
        if speaking:
            result.append(_Found(speech_mark + 1, end, DASH_DIALOGUE, speech_mark, None, True))
    return result


def _holding(trimmed) -> list[_Found]:
    """The trimmed spans, each dialogue still holding every quotation that opened inside it: the
    comma trimmed off a dialogue's end may belong to an unclosed quotation running to the end of
    the paragraph ("–“:,")."""
    found = [f for f in trimmed if f.start < f.end or f.style != DASH_DIALOGUE]
    marked = sorted((f.start, f.end) for f in found if f.style != DASH_DIALOGUE)
    starts = [start for start, _ in marked]
    result = []
    for f in found:
        if f.style == DASH_DIALOGUE:  # dialogues never overlap, so this stays linear
            k, end = bisect.bisect_left(starts, f.start), f.end
            while k < len(marked) and marked[k][0] < f.end:
                end, k = max(end, marked[k][1]), k + 1
            f = _Found(f.start, end, f.style, f.open_mark, f.close_mark, f.balanced, f.reopen_marks)
        result.append(f)
    return result


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(spans: list[tuple[int, int]], starts: list[int], at: int) -> bool:
    k = bisect.bisect_right(starts, at) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _trimmed(text: str, found: _Found) -> _Found:
    """Without the padding inside the marks (French « … »), and for dialogue without the
    comma or stop that belongs to the narration around it."""
    start, end = found.start, found.end
    # Speech after a dash, and a span guessed back from a lonely closing mark, start alike, so
    # that the one lies inside the other.
    strip = ".,;: " + DIALOGUE_DASHES if found.style == DASH_DIALOGUE or found.open_mark is None else ""
    while start < end and (text[start].isspace() or text[start] in strip):
        start += 1
    strip = "," if found.style == DASH_DIALOGUE else ""
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    return _Found(start, end, found.style, found.open_mark, found.close_mark, found.balanced, found.reopen_marks)


def _sentences_touched(document: Document, starts: list[int], found: _Found) -> tuple[int, ...]:
    start, end = found.start, found.end
    if start == end:  # empty: the sentence of its mark
        mark = found.open_mark if found.open_mark is not None else found.close_mark
        start, end = mark, mark + 1
    first = max(0, bisect.bisect_right(starts, start) - 1)
    indices = []
    for sentence in document.sentences[first:]:
        if sentence.start >= end:
            break
        if sentence.end > start:
            indices.append(sentence.index)
    return tuple(indices)


def word_count(text: str) -> float:
    """Words, with runs of Han characters counted one word per two and kana one per three."""
    words = 0.0
    for token in re.findall(r"\w+", text):
        han = sum(1 for c in token if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf")
        kana = sum(1 for c in token if "\u3040" <= c <= "\u30ff")
        words += han / 2 + kana / 3 + (1 if len(token) > han + kana else 0)
    return words


def _kind(text: str, document: Document, starts: list[int], found: _Found, lang: str) -> str:
    if found.style == DASH_DIALOGUE:
        return STATEMENT
    content = text[found.start:found.end]
    words = word_count(content)
    if words >= LONG_WORDS:
        return STATEMENT
    after = (found.close_mark + 1) if found.close_mark is not None else found.end
    sentence_end = _sentence_at(document, starts, max(found.start, after - 1)).end
    ends_sentence = _ends_sentence(text, after, sentence_end)
    if words > 0 and _set_off_as_speech(text, document, starts, found, content, after, ends_sentence, lang):
        return STATEMENT
    if words >= CLAUSE_WORDS and (content[-1:] in _TERMINAL and content[-1:] or ends_sentence):
        return STATEMENT
    return PHRASE


def _sentence_at(document: Document, starts: list[int], at: int):
    return document.sentences[max(0, bisect.bisect_right(starts, at) - 1)]


def _ends_sentence(text: str, after: int, sentence_end: int) -> bool:
    position = after
    while position < min(sentence_end, after + _LOOK) and (text[position] in _CLOSING_PUNCTUATION or text[position].isspace()):
        position += 1
    return position >= sentence_end or text[position] in _TERMINAL


def _set_off_as_speech(text: str, document: Document, starts: list[int], found: _Found, content: str,
                       after: int, ends_sentence: bool, lang: str) -> bool:
    if found.open_mark is not None:
        sentence_start = _sentence_at(document, starts, found.open_mark).start
        before = text[max(sentence_start, found.open_mark - _LOOK):found.open_mark]
        if before.rstrip().endswith((":", "：")):
            return True
        if before.rstrip().endswith((",", "，", "،")) and ends_sentence:
            return True  # According to the ministry, “the talks have failed.”
        opens_sentence = found.open_mark - sentence_start <= _LOOK and not before.strip(" \t\n" + DIALOGUE_DASHES + "-(")
        followed_by_comma = text[after:after + 3].lstrip().startswith((",", "，", "،"))
        if opens_sentence and (ends_sentence or followed_by_comma or content[-1:] in _TERMINAL + ",;:，、" and content[-1:]):
            return True  # “Yes,” he said. / « Oui », a-t-il dit. / »Ja«, sagte er.
        verbs = reporting_verbs(lang)
        if verbs is not None:
            last = None
            for last in verbs.finditer(before):
                pass
            if last is not None and _AFTER_VERB.match(before, last.end()):
                return True  # he said “we will not go”
    following = bisect.bisect_right(starts, found.start)
    if following < len(starts) and starts[following] < found.end:
        return True  # it holds a sentence end, as ICU's rules see it
    if found.close_mark is None:
        return False
    following = text[after:after + 12]
    quotative = _QUOTATIVE.get(lang)
    return bool(quotative and quotative.match(following)) or bool(_DASH_COMMENT.match(following))
