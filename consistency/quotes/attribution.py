"""Who is quoted, with which reporting verb, and where that was written.

For each top-level statement (phrases are terms, not speech; a quotation inside another is the
outer speaker's) the reporting verb is looked for outside every quotation: in the sentence that
opens the quotation, before it, and in the one that closes it, after it (the nearer wins); then
in the sentence before, if it ends with a colon ("Putin said:"), and in the sentence after, if
the verb comes within its first words ("“…” Putin said on Tuesday." split by the segmenter).

The speaker is found from the verb:

* cased scripts: the words just before the verb back to punctuation or a conjunction ("In the
  letter, Putin said", "North Korean leader Kim Jong Un said"); if a preposition comes first,
  those words are a phrase, not a subject ("In dem Schreiben erklärte Putin"), so the words
  after the verb are taken ("erklärte Putin:", "said the minister"), and failing that the name
  standing right before the verb (names.extract: "В письме Путин заявил");
* Arabic: the words after the verb (وقال بوتين في رسالته إن …);
* Chinese: the characters before the verb back to punctuation, cut at a preposition or
  adverb (普京在信中表示 → 普京);
* Japanese: the words before は (or が) nearest the sentence's start (プーチン氏は …と述べた);
* Korean: the last word with the topic particle 은/는 before the quotation (or the first with
  이/가), with the words before it that carry no particle (푸틴 대통령은 → 푸틴 대통령).

A name standing before a colon ("Putin: “…”") is a speaker without a verb, in any language.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..document import Document
from ..findings import Span
from ..names import extract
from .detect import STATEMENT, Quote, _base_lang
from .verbs import (ADVERBS, AFTER_QUOTE, ARABIC_STOPS, CHINESE_STOPS, CLAUSE_WORDS, PREPOSITIONS, PRONOUNS,
                    reporting_verbs)

SAME_BEFORE = "same sentence before"
SAME_AFTER = "same sentence after"
PREVIOUS = "previous sentence"
NEXT = "next sentence"
NONE = "none"

_MASK = "\x1f"  # stands for quoted text: neither a word nor a space, so it ends a speaker's words
_WORD = re.compile(r"\w[\w'’\-]*")
_TITLE = re.compile(r"(?:M|MM|Mme|Mr|Mrs|Ms|Dr|Sr|Sra|Prof|Gen)\.")
_CASELESS = {"ar", "zh", "ja", "ko"}
_NEXT_SENTENCE_WORDS = 4
_REACH = 300  # characters searched on each side of a quotation: a speaker is written close by
_MAX_SPEAKER_WORDS = 8


@dataclass(frozen=True)
class Attribution:
    quote: Quote
    speaker: Span | None  # a name, a pronoun or a noun phrase ("the ministry")
    verb: Span | None  # the reporting verb as written ("said", "a déclaré", "と述べた")
    where: str  # SAME_BEFORE, SAME_AFTER, PREVIOUS, NEXT or NONE
    confidence: float


def attribute(document: Document, quotes: list[Quote], phrases: bool = False) -> list[Attribution]:
    """One attribution for each top-level statement among ``quotes`` (and quoted phrase, with
    ``phrases``: "the case “was not complicated”, said Carmen Zárate"), in their order."""
    if not document.sentences:
        return []
    finder = _Finder(document, quotes)
    return [finder.attribute(q) for q in quotes if (phrases or q.kind == STATEMENT) and q.depth == 0]


class _Finder:
    def __init__(self, document: Document, quotes: list[Quote]):
        self.document = document
        self.text = document.text
        self.lang = _base_lang(document.lang)
        self.verbs = reporting_verbs(self.lang)
        self.starts = [s.start for s in document.sentences]
        masked = list(self.text)
        for quote in quotes:
            first = quote.open_mark if quote.open_mark is not None else quote.start
            last = quote.close_mark + 1 if quote.close_mark is not None else quote.end
            masked[first:last] = _MASK * (last - first)
        self.masked = "".join(masked)

    def sentence(self, at: int):
        return self.document.sentences[max(0, bisect.bisect_right(self.starts, at) - 1)]

    def attribute(self, quote: Quote) -> Attribution:
        opening = quote.open_mark if quote.open_mark is not None else quote.start
        closing = quote.close_mark + 1 if quote.close_mark is not None else quote.end
        first, last = self.sentence(opening), self.sentence(max(opening, closing - 1))
        found = self._same_sentence(max(first.start, opening - _REACH), opening, closing,
                                    min(last.end, closing + _REACH))
        if found is None and first.index > 0:
            previous = self.document.sentences[first.index - 1]
            # "Putin said:" / "“We will win,” he said. “We always do.”": the same voice goes on.
            if previous.text.rstrip().endswith((":", "：")) or (
                    previous.paragraph == first.paragraph and _MASK in self.masked[previous.start:previous.end]):
                low = max(previous.start, previous.end - _REACH)
                verb = self._last_verb(low, previous.end)
                if verb is not None:
                    found = (PREVIOUS, verb, low, previous.end)
        if found is None and last.index + 1 < len(self.document.sentences):
            following = self.document.sentences[last.index + 1]
            high = min(following.end, following.start + _REACH)
            verb = self._first_verb(following.start, high)
            if verb is not None and len(_WORD.findall(self.masked[following.start:verb.start()])) < _NEXT_SENTENCE_WORDS:
                found = (NEXT, verb, following.start, high)
        if found is None:
            speaker = self._before_colon(max(first.start, opening - _REACH), opening)
            if speaker is not None:
                return Attribution(quote, speaker, None, SAME_BEFORE, 0.5)
            return Attribution(quote, None, None, NONE, 0.0)
        where, verb, low, high = found
        speaker = self._speaker(verb, low, high, opening, closing)
        confidence = (0.9 if speaker is not None else 0.5) * (1.0 if where in (SAME_BEFORE, SAME_AFTER) else 0.75)
        if speaker is not None and self.lang not in _CASELESS and not self._named_or_pronoun(speaker):
            confidence -= 0.15  # a noun phrase ("the ministry") is the least sure of speakers
        return Attribution(quote, speaker, self._span(verb.start(), verb.end()), where, round(confidence, 2))

    # -- the verb ---------------------------------------------------------------------------

    def _same_sentence(self, low: int, opening: int, closing: int, high: int):
        before = self._last_verb(low, opening)
        after = self._first_verb(closing, high)
        if before is None and after is None:
            return None
        gap_before = len(_WORD.findall(self.masked[before.end():opening])) if before else 1 << 30
        gap_after = len(_WORD.findall(self.masked[closing:after.start()])) if after else 1 << 30
        if gap_before <= gap_after:
            return SAME_BEFORE, before, low, opening
        return SAME_AFTER, after, closing, high

    def _matches(self, low: int, high: int) -> list[re.Match]:
        matches = list(self.verbs.finditer(self.masked, low, high)) if self.verbs is not None else []
        after_quote = AFTER_QUOTE.get(self.lang)
        if after_quote is not None and low > 0 and self.masked[low - 1] == _MASK:
            so = after_quote.match(self.masked, low, high)
            if so:
                matches.insert(0, _Group(so, 1))
        return matches

    def _last_verb(self, low: int, high: int):
        matches = self._matches(low, high)
        return matches[-1] if matches else None

    def _first_verb(self, low: int, high: int):
        matches = self._matches(low, high)
        return matches[0] if matches else None

    # -- the speaker ------------------------------------------------------------------------

    def _speaker(self, verb, low: int, high: int, opening: int, closing: int) -> Span | None:
        pronoun = next((verb.span(g) for g in ("pronoun", "pronoun_after")
                        if verb.re.groupindex.get(g) and verb.group(g)), None)
        if pronoun is not None:
            return self._span(*pronoun)
        if self.lang == "ar":
            return self._words_after(verb.end(), high, arabic=True)
        if self.lang == "zh":
            return self._chinese(verb, low, high)
        if self.lang in ("ja", "ko"):
            start = max(self.sentence(opening).start, opening - _REACH)
            region = (closing, verb.start()) if verb.start() >= closing else (start, verb.start())
            speaker = (self._japanese if self.lang == "ja" else self._korean)(*region, verb)
            if speaker is None and verb.start() >= closing:
                speaker = (self._japanese if self.lang == "ja" else self._korean)(start, opening, verb)
            return speaker
        before = self._words_before(verb.start(), low)
        if before:
            return before
        after = self._words_after(verb.end(), high)
        return after or self._name_before(verb.start(), low) or self._shared_subject(verb.start(), low)

    def _tokens(self, low: int, high: int) -> list[tuple[int, int]]:
        spans = []
        for match in _WORD.finditer(self.masked, low, high):
            end = match.end()
            if _TITLE.match(self.masked, match.start()) and _TITLE.match(self.masked, match.start()).end() <= high:
                end = _TITLE.match(self.masked, match.start()).end()
            spans.append((match.start(), end))
        return spans

    def _words_before(self, verb_start: int, low: int) -> Span | None:
        """The words before the verb back to punctuation or a conjunction; None when they run
        into a preposition (a phrase of place or time, not a subject)."""
        taken: list[tuple[int, int]] = []
        boundary = verb_start
        for start, end in reversed(self._tokens(low, verb_start)):
            if self.masked[end:boundary].strip():
                break  # punctuation or a quotation between: the clause starts here
            word = self.text[start:end].lower()
            if word in CLAUSE_WORDS.get(self.lang, ()):
                break
            if word in PREPOSITIONS.get(self.lang, ()) or len(taken) >= _MAX_SPEAKER_WORDS:
                return None
            if not taken and word in ADVERBS.get(self.lang, ()):
                boundary = start
                continue
            taken.append((start, end))
            boundary = start
        if not taken:
            return None
        return self._span(taken[-1][0], taken[0][1])

    def _words_after(self, verb_end: int, high: int, arabic: bool = False) -> Span | None:
        taken: list[tuple[int, int]] = []
        boundary = verb_end
        for start, end in self._tokens(verb_end, high):
            if self.masked[boundary:start].strip():
                break
            word = self.text[start:end]
            stops = ARABIC_STOPS if arabic else PREPOSITIONS.get(self.lang, set()) | CLAUSE_WORDS.get(self.lang, set())
            if word.lower() in stops or len(taken) >= (3 if arabic else _MAX_SPEAKER_WORDS):
                break
            taken.append((start, end))
            boundary = end
        if not taken:
            return None
        return self._span(taken[0][0], taken[-1][1])

    def _name_before(self, verb_start: int, low: int) -> Span | None:
        """The name group ending right before the verb (adverbs aside)."""
        names = extract(self.text[low:verb_start], self.lang)
        if not names:
            return None
        last = names[-1]
        between = self.text[low + last.end:verb_start].lower().split()
        if any(word not in ADVERBS.get(self.lang, ()) for word in between):
            return None
        group = [n for n in names if n.group == last.group]
        return self._span(low + group[0].start, low + last.end)

    def _shared_subject(self, verb_start: int, low: int) -> Span | None:
        """"Putin praised … and said: “…”": the verb shares the subject that opens the clause."""
        tokens = self._tokens(low, verb_start)
        if not tokens or self.text[tokens[-1][0]:tokens[-1][1]].lower() not in _COORDINATORS:
            return None
        taken = []
        for start, end in tokens:
            word = self.text[start:end]
            if taken and self.masked[taken[-1][1]:start].strip():
                break
            if word.lower() in PRONOUNS.get(self.lang, ()) and not taken:
                return self._span(start, end)
            if not (word[:1].isupper() or taken and word in _NAME_PARTICLES):
                break
            taken.append((start, end))
        return self._span(taken[0][0], taken[-1][1]) if taken else None

    def _before_colon(self, low: int, opening: int) -> Span | None:
        """"Putin: “…”": the words before a colon that ends just before the quotation."""
        before = self.masked[low:opening].rstrip()
        if not before.endswith((":", "：")):
            return None
        colon = low + len(before) - 1
        if self.lang in _CASELESS:
            start = colon
            while start > low and not re.match(r"[\s,，、。" + _MASK + "]", self.masked[start - 1]):
                start -= 1
            return self._span(start, colon) if start < colon else None
        words = self._words_before(colon, low)
        # A name, not a clause ("Putin:", not "Today it was cold:"): every word capitalised
        # but the particles of names (de, von, bin …).
        if words is None or len(words.text.split()) > 4 or not all(
                w[:1].isupper() or w in _NAME_PARTICLES for w in words.text.split()):
            return None
        return words

    def _chinese(self, verb, low: int, high: int) -> Span | None:
        if verb.group() in ("据", "根据"):
            start = verb.end()
            end = start
            while end < high and not re.match(r"[\s，,。：:" + _MASK + "]", self.masked[end]):
                if self.verbs.match(self.masked, end):
                    break
                end += 1
            return self._span(start, end) if end > start else None
        end = verb.start()
        start = end
        while start > low and not re.match(r"[\s，,。：:；、" + _MASK + "]", self.masked[start - 1]):
            start -= 1
        piece = self.masked[start:end]
        piece_start = start + len(piece) - len(re.sub(r"^(?:根据|据|按照)", "", piece))
        cut = next((k for k in range(piece_start, end) if self.masked[k] in CHINESE_STOPS), end)
        return self._span(piece_start, cut) if cut > piece_start else None

    def _japanese(self, low: int, high: int, verb) -> Span | None:
        if verb.group().startswith("によ"):
            return self._back_to_delimiter(verb.start(), low)
        for particle in "はが":
            for k in range(low + 1, high):
                if self.masked[k] == particle and not ("\u3040" <= self.masked[k - 1] <= "\u309f") \
                        and self.masked[k - 1] not in "、。，" + _MASK:
                    return self._back_to_delimiter(k, low)
        return None

    def _back_to_delimiter(self, end: int, low: int) -> Span | None:
        start = end
        while start > low and not re.match(r"[\s、。，,：:" + _MASK + "]", self.masked[start - 1]):
            start -= 1
        return self._span(start, end) if start < end else None

    def _korean(self, low: int, high: int, verb) -> Span | None:
        if "따르면" in verb.group():
            return self._back_to_delimiter(verb.start(), low)
        words = [m.span() for m in _KOREAN_WORD.finditer(self.masked, low, high)]
        topic = None
        for k in range(len(words) - 1, -1, -1):
            word = self.masked[words[k][0]:words[k][1]]
            if word.endswith(("은", "는")) and not word.endswith(_KOREAN_ADNOMINAL) and len(word) > 1:
                topic = k
                break
        if topic is None:
            topic = next((k for k, (a, b) in enumerate(words)
                          if self.masked[a:b].endswith(("이", "가")) and b - a > 1), None)
        if topic is None:
            return None
        first = topic
        while first > 0 and words[first - 1][1] + 1 == words[first][0] \
                and not self.masked[words[first - 1][0]:words[first - 1][1]].endswith(_KOREAN_PARTICLES):
            first -= 1
        return self._span(words[first][0], words[topic][1] - 1)

    def _named_or_pronoun(self, speaker: Span) -> bool:
        return speaker.text.lower() in PRONOUNS.get(self.lang, ()) or any(c.isupper() for c in speaker.text)

    def _span(self, start: int, end: int) -> Span:
        return Span(self.sentence(start).index, start, end, self.text[start:end])


_KOREAN_WORD = re.compile(r"[^\s" + _MASK + r",.]+")
_COORDINATORS = set("and but et mais und aber y pero и а но".split())
_NAME_PARTICLES = set("de da del della der den van von bin al el la le du di of dos das y ibn zu".split())

# Word endings that are verbs describing a noun (있는, 받은), not the topic particle 은/는.
_KOREAN_ADNOMINAL = ("하는", "있는", "없는", "되는", "받은", "같은", "많은", "라는", "이라는", "다는", "않은", "않는", "한다는")
_KOREAN_PARTICLES = ("에서", "에게", "에", "을", "를", "은", "는", "이", "가", "고", "며", "다", "서", "로",
                     "와", "과", "도", "만", "께서", "의")


class _Group:
    """A match seen through one of its groups (German "…“, so Putin": the verb is "so")."""

    def __init__(self, match: re.Match, group: int):
        self._match, self._group = match, group
        self.re = match.re

    def start(self, group: int = 0) -> int:
        return self._match.start(self._group)

    def end(self, group: int = 0) -> int:
        return self._match.end(self._group)

    def group(self, group=0) -> str:
        return self._match.group(self._group)

    def span(self, group=0) -> tuple[int, int]:
        return self._match.span(self._group)
