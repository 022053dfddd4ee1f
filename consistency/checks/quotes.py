"""Quotes: every quoted statement reaches the translation, in quotation marks, with its words and
its speaker.

Quotations are found on both sides (``consistency.quotes``) and paired bead by bead: a source
quotation with the target quotation of its bead (or a neighbouring one) whose words its own
resemble most, by the encoder's vectors of the quoted words. Then:

* a source quotation left unpaired whose sentence was translated survives **without its
  marks** (major for a statement, minor for a quoted phrase, which translators may set in
  plain type); one whose sentence is gone **vanished** (critical for a statement; the
  omission check reports the sentence);
* a target statement left unpaired is a quotation **the source does not have** (critical);
* a pair whose target words read more like another quotation of the source article than
  their own was **replaced** (critical), and so was a quotation the translation repeats word for
  word where the source says something else (``quotes.placement``); one whose target is far
  shorter than the article's translations are, relative to their sources, and one half of whose
  source words find no counterpart in it, word by word (``word_alignment``), was **cut** (major);
* a quotation whose source speaker is a name, given in the translation to a name that
  renders another person (by consonant key), has **another speaker** (critical); so has one
  whose speaker the translation renders nowhere in the bead, where a name of the translation or
  the rendering of another person of the article stands in the speaker's place (found as the
  names check finds names, ``names.search``). Quoted phrases have speakers as statements do.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from ..document import Document
from ..findings import Finding, Span
from ..names import extract as extract_names
from ..names import SHORT, has_capitals
from ..names.chinese_words import is_chinese
from ..names.taggers import has_tagger, is_tagged_name
from ..names.romanise import chrf, consonant_key, fold, key_similarity, romanise
from ..names.search import Search, side_of
from ..names.spelling import GARBLED, by_letters
from ..quotes import STATEMENT, Attribution, Quote, attribute, find_quotes, placement
from ..word_alignment import TokenAlignment
from .base import Check, CheckContext, register

REPLACED_MARGIN = 0.03  # cosine by which another source quotation must beat the paired one
CUT_RATIO = 0.75  # target/source length of a quotation, over the article's usual ratio, below which it may be cut
# A cut leaves one half of the source quotation with few words aligned to the translation. How
# few, and with how much of the other half rendered, was chosen on the quotations of 20
# held-out articles in 16 directions (bench/NOTES.md, "Cut quotations"): 221 planted cuts, 746
# faithful pairs.
CUT_MIN_CHARS = 20  # shorter quotations (a word or two) vary too much in length to judge a cut
CUT_UNRENDERED = 0.2  # aligned share of the source half a cut left out, at most...
CUT_RENDERED = 0.5  # ...while the half it kept has at least this share aligned
# Or, on longer quotations, the sentence vectors: the translation is nearer the half it kept than
# all of the source quotation, by CUT_MARGIN, and the other half has under CUT_COSINE_UNRENDERED
# of its characters aligned (alone, the vectors also flag compact but whole renderings).
CUT_COSINE_MIN_CHARS = 40
CUT_MARGIN = 0.01
CUT_COSINE_UNRENDERED = 0.3
SAME_SPEAKER = 0.6  # consonant-key similarity at which two speaker names are one person
VERB_REACH = 12  # characters between a reporting verb and the quotation it sets off ("said that")
RENDERS_OTHER = 0.85  # the same, to say the new speaker is another person the article names


@dataclass(frozen=True)
class _Side:
    document: Document
    quotes: list[Quote]  # top-level quotations
    bead: dict[int, int]  # sentence -> bead index
    speakers: dict[int, Attribution]  # quote start -> its attribution
    loose: frozenset[int]  # beads holding a quotation mark without its partner


@register
class QuoteCheck(Check):
    name = "quotes"
    description = "quoted statements missing, unquoted, added, cut, replaced or given another speaker (opt-in)"
    default = False  # until the benchmark shows its precision: bench/NOTES.md, "Quotes"

    def settings(self) -> dict:
        return {"replaced_margin": REPLACED_MARGIN, "cut_ratio": CUT_RATIO, "cut_min_chars": CUT_MIN_CHARS,
                "cut_unrendered": CUT_UNRENDERED, "cut_rendered": CUT_RENDERED, "cut_cosine_min_chars": CUT_COSINE_MIN_CHARS,
                "cut_margin": CUT_MARGIN, "cut_cosine_unrendered": CUT_COSINE_UNRENDERED,
                "same_speaker": SAME_SPEAKER, "verb_reach": VERB_REACH, "renders_other": RENDERS_OTHER,
                "pasted_without_gain": placement.WITHOUT_GAIN, "pasted_over_twin": placement.OVER_TWIN}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        source, target = (_side(document, context.alignment, which) for document, which in
                          ((context.source, "source"), (context.target, "target")))
        if not source.quotes and not target.quotes:
            return
        similarity = _similarities(context, source.quotes, target.quotes)
        pairs = _pair(source, target, similarity, context.alignment)
        paired_source = {s for s, _ in pairs}
        paired_target = {t for _, t in pairs}
        misplaced = {m.quote: m for m in _misplaced(source, target, pairs, context)}
        for s, quote in enumerate(source.quotes):
            # A quoted phrase (a term, scare quotes) is often set in plain type by translators.
            if s not in paired_source and quote.kind == STATEMENT and not _near(source, quote, target.loose):
                yield self._lost(quote, source, context, _set_off(source, quote))
        for t, quote in enumerate(target.quotes):
            if (t not in paired_target | misplaced.keys() and _set_off(target, quote)
                    and not _near(target, quote, source.loose)):
                yield self._added(quote, target)
        ratios = _bead_ratios(context)
        usual = {(s, t): _usual_ratio(ratios, source.bead[source.quotes[s].sentences[0]], source.quotes[s],
                                      target.quotes[t], context) for s, t in pairs}
        words = _word_alignments([(source.quotes[s], target.quotes[t]) for s, t in pairs
                                  if _may_be_cut(source.quotes[s], target.quotes[t], usual[s, t])], context.encoder)
        unsettled = []  # pairs whose speakers the attributions could not compare
        for s, t in pairs:
            compared = list(self._compare(s, t, source, target, similarity, usual[s, t], words, context.encoder))
            if t in misplaced:
                # Words pasted from elsewhere are neither a cut of their own nor to be reported twice.
                pasted = misplaced.pop(t)
                replaced = [f for f in compared if "other_quote" in f.details]
                compared = replaced or [self._pasted(pasted, source, target, s, context)]
            yield from compared
            finding = self._speaker(source.quotes[s], target.quotes[t], source, target,
                                    (_span(source.document, source.quotes[s]), _span(target.document, target.quotes[t])))
            if finding:
                yield finding
            else:
                unsettled.append((s, t))
        yield from self._speaker_unnamed(unsettled, source, context)
        for m in misplaced.values():  # those left unpaired
            yield self._pasted(m, source, target, None, context)

    def _lost(self, quote: Quote, source: _Side, context: CheckContext, set_off: bool) -> Finding:
        bead = context.alignment[source.bead[quote.sentences[0]]]
        span = _span(source.document, quote)
        if not bead.target:
            return Finding("quote", "critical", 0.8, f"quoted statement “{_short(quote.text)}” vanished with its "
                           "sentence", span, None, {"quote": _evidence(quote), "bead": list(bead.source)},
                           check=self.name)
        document = context.target
        first, last = document.sentences[bead.target[0]], document.sentences[bead.target[-1]]
        where = Span(bead.target[0], first.start, last.end, document.text[first.start:last.end])
        details = {"quote": _evidence(quote), "set_off": set_off, "paraphrase_in": "the aligned target sentence(s)"}
        if set_off:
            return Finding("quote", "major", 0.7, f"quoted statement “{_short(quote.text)}” is in the translation "
                           "without quotation marks (or paraphrased)", span, where, details, check=self.name)
        # Woven into the reporter's sentence ("stressed that relations “will help …”"): a
        # translation may set it as reported speech on purpose, so it is for the editor to weigh.
        return Finding("quote", "minor", 0.5, f"quoted words “{_short(quote.text)}”, woven into the sentence, "
                       "lost their quotation marks in the translation", span, where, details, check=self.name)

    def _pasted(self, m: placement.Misplaced, source: _Side, target: _Side, paired: int | None,
                context: CheckContext) -> Finding:
        """A quotation of the translation repeating another's words where the source says
        something else; ``paired`` is the source quotation it was paired with, if any."""
        quote, twin = target.quotes[m.quote], target.quotes[m.twin]
        bead = context.alignment[target.bead[quote.sentences[0]]]
        if paired is not None:
            ours = _span(source.document, source.quotes[paired])
        else:
            first, last = (context.source.sentences[i] for i in (bead.source[0], bead.source[-1]))
            ours = Span(bead.source[0], first.start, last.end, context.source.text[first.start:last.end])
        return Finding("quote", "critical", 0.7, f"the translation quotes “{_short(quote.text)}” here and again in "
                       f"sentence {twin.sentences[0] + 1}, where it belongs; here the source says something else "
                       f"(without the quotation this sentence is nearer its source: {m.with_quote:.3f} → "
                       f"{m.without_quote:.3f})", ours, _span(target.document, quote),
                       {"quote": _evidence(quote), "twin": {**_evidence(twin), "sentence": twin.sentences[0]},
                        **m.to_dict()}, check=self.name)

    def _added(self, quote: Quote, target: _Side) -> Finding:
        return Finding("quote", "critical", 0.7, f"the translation quotes “{_short(quote.text)}”, which the "
                       "source does not quote", None, _span(target.document, quote),
                       {"quote": _evidence(quote)}, check=self.name)

    def _compare(self, s: int, t: int, source: _Side, target: _Side, similarity: np.ndarray,
                 usual: float, words: dict, encoder) -> Iterable[Finding]:
        ours, theirs = source.quotes[s], target.quotes[t]
        spans = _span(source.document, ours), _span(target.document, theirs)
        own = float(similarity[s, t])
        rivals = [(float(similarity[k, t]), k) for k in range(len(source.quotes))
                  if k != s and source.quotes[k].text.strip() != ours.text.strip()]
        best, other = max(rivals, default=(-1.0, None))
        if other is not None and best > own + REPLACED_MARGIN:
            yield Finding("quote", "critical", 0.8, f"quotation “{_short(ours.text)}” became “{_short(theirs.text)}”, "
                          f"which renders another quotation of the source: “{_short(source.quotes[other].text)}”",
                          *spans, {"similarity": round(own, 3), "similarity_to_other": round(best, 3),
                                   "other_quote": _evidence(source.quotes[other])}, check=self.name)
            return
        alignment = words.get((ours.start, theirs.start))
        if alignment is None:
            return
        # Which half of the source quotation the translation renders, word by word.
        cut = _halves_cut(ours.text)
        halves = ours.text[:cut].strip(), ours.text[cut:].strip()
        shares = alignment.aligned_share(0, cut), alignment.aligned_share(cut, len(ours.text))
        lost = int(np.argmin(shares))
        kept_share, lost_share = shares[1 - lost], shares[lost]
        by_words = lost_share < CUT_UNRENDERED and kept_share >= CUT_RENDERED
        details = {"length_ratio": round(len(theirs.text) / max(len(ours.text), 1), 3), "usual_ratio": round(usual, 3),
                   "similarity": round(own, 3), "aligned_share_kept": round(kept_share, 3),
                   "aligned_share_missing": round(lost_share, 3)}
        if not by_words:
            if len(ours.text) < CUT_COSINE_MIN_CHARS or lost_share >= CUT_COSINE_UNRENDERED:
                return
            # Shorter than the article's translations run, and closer to the half it kept than to
            # all of the source quotation.
            vectors = encoder.embed([theirs.text, *halves])
            to_kept = float(vectors[2 - lost] @ vectors[0])
            details["similarity_to_kept_half"] = round(to_kept, 3)
            if to_kept <= own + CUT_MARGIN:
                return
        details["missing"] = halves[lost]
        yield Finding("quote", "major", 0.7, f"quotation “{_short(ours.text)}” is cut in the translation "
                      f"(“{_short(theirs.text)}”): “{_short(halves[lost])}” is missing", *spans, details,
                      check=self.name)

    def _speaker(self, ours: Quote, theirs: Quote, source: _Side, target: _Side, spans) -> Finding | None:
        said, says = source.speakers.get(ours.start), target.speakers.get(theirs.start)
        if not (said and says and said.speaker and says.speaker) or not _is_name(source.document, said.speaker):
            return None  # "he", "the ministry": nothing to compare a name with
        keys = [consonant_key(word) for word in said.speaker.text.split()]
        theirs_keys = [consonant_key(word) for word in _words(says.speaker.text)]
        if any(key_similarity(a, b) >= SAME_SPEAKER for a in keys for b in theirs_keys if a and b):
            return None
        others = {n.text: n.key for sentence in source.document.sentences
                  for n in extract_names(sentence.text, source.document.lang) if not n.soft and n.key not in keys}
        renders = [text for text, key in others.items() if len(key) >= 3
                   and any(key_similarity(key, b) >= RENDERS_OTHER for b in theirs_keys if b)]
        # Where capitals mark names, a capitalised name is someone, and in Chinese a word jieba tags
        # a name; elsewhere a word is shown to be someone else only by rendering another name of
        # the article (总统 is a title, not a name).
        if not renders and not _is_name(target.document, says.speaker):
            return None
        who = f" (that is {renders[0]})" if renders else ""
        return Finding("quote", "critical", 0.7 if renders else 0.6,
                       f"quotation “{_short(ours.text)}” is said by “{said.speaker.text}” "
                       f"in the source but by “{says.speaker.text}” in the translation{who}",
                       said.speaker, says.speaker,
                       {"source_speaker": {"text": said.speaker.text, "keys": keys},
                        "target_speaker": {"text": says.speaker.text, "romanised": romanise(says.speaker.text),
                                           "keys": theirs_keys},
                        "renders": renders}, check=self.name)

    def _speaker_unnamed(self, pairs: list[tuple[int, int]], source: _Side, context: CheckContext) -> Iterable[Finding]:
        """A source speaker who is a name, looked for in the translation as the names check looks
        for any name (``names.search``: letters, CLDR, the article's own rendering, the word
        alignment), in the bead of the sentence that names it. The quotation is someone else's
        where nothing renders the speaker and what stands in the name's place is someone: a name
        of the translation no source name accounts for, or the rendering of another name of the
        article. What stands there is what the names search says, or what the word alignment
        puts in the name's place: a person's name is transliterated, never translated, so a word
        aligned with it that renders another person of the article is that person (where the
        names search would call the name translated). This finds the swaps the attributions
        miss: a speaker the target's attribution finder does not reach, a given name swapped
        beside a surname kept, a script without capitals."""
        speakers: dict[int, list[tuple[Quote, Attribution]]] = {}  # bead -> the speakers it names
        for s, _ in pairs:
            said = source.speakers.get(source.quotes[s].start)
            if said and said.speaker and _is_name(source.document, said.speaker):
                speakers.setdefault(source.bead[said.speaker.sentence], []).append((source.quotes[s], said))
        if not speakers:
            return
        ours = side_of(context.source, "source", context.target.lang)
        if ours.names is None:
            return
        theirs = side_of(context.target, "target", context.source.lang)
        beads = [k for k, bead in enumerate(context.alignment) if bead.source and bead.target]
        search = Search(ours, theirs, [context.alignment[k] for k in beads], context)
        at = {k: n for n, k in enumerate(beads)}
        stand_ins: dict[tuple[int, int], tuple[tuple[int, int], bool]] = {}  # name -> what stands in its place
        for lost in search.lost({at[k] for k in speakers if k in at}):
            if lost.stand_in is not None and not lost.garbled:  # a misspelt name is the names check's
                stand_ins[(lost.name.start, lost.name.end)] = (lost.stand_in, lost.pointed)
        for k, said_here in speakers.items():
            if k not in at:
                continue
            text = context.target.text[slice(*search.bead_span(at[k], theirs))]
            for quote, said in said_here:
                names = _speaker_names(ours, said)
                if any(_rendered(n, text, search) for n in names):
                    continue  # a given name or surname kept: the names search above weighs the other
                for name in (n for n in names if (n.start, n.end) not in stand_ins):
                    other = _aligned_other(name, at[k], said, ours, search)
                    if other is not None:
                        stand_ins[(name.start, name.end)] = (other, True)
        for k, said_here in speakers.items():
            for quote, said in said_here:
                for name in _speaker_names(ours, said):
                    if (name.start, name.end) not in stand_ins:
                        continue
                    (start, end), pointed = stand_ins.pop((name.start, name.end))
                    finding = self._unnamed(quote, said, name, (start, end), pointed, context, ours, theirs, search)
                    if finding:
                        yield finding

    def _unnamed(self, quote: Quote, said: Attribution, name, stand_in: tuple[int, int], pointed: bool,
                 context: CheckContext, ours, theirs, search: Search) -> Finding | None:
        start, end = stand_in
        text = context.target.text[start:end]
        if chrf(name.romanised, romanise(text)) >= GARBLED:
            return None  # the name written otherwise (Josef / Йозеф), or garbled: the names check's to weigh
        renders = _renders_another(text, said.speaker.text, ours, search)
        if not (renders or theirs.names is not None and _is_target_name(theirs, start, end)
                or _tagged_name(context.target, start, end)):
            return None  # "il a déclaré", 他说: a pronoun or a title stands there, not someone else
        who = f" (that is {renders[0]})" if renders else ""
        return Finding("quote", "critical", 0.7 if renders else 0.6,
                       f"quotation “{_short(quote.text)}” is said by “{said.speaker.text}” in the source; "
                       f"the translation has “{text}”{who} where the speaker's name was",
                       Span(said.speaker.sentence, name.start, name.end, name.text),
                       Span(context.target.sentence_at(start), start, end, text),
                       {"source_speaker": {"text": said.speaker.text, "name": name.text,
                                           "romanised": name.romanised, "key": name.key,
                                           "usual_renderings": sorted(search.usual(name))},
                        "stand_in": {"text": text, "romanised": romanise(text), "key": consonant_key(text),
                                     "key_similarity": round(key_similarity(name.key, consonant_key(text)), 3),
                                     "aligned_to_name": pointed},
                        "renders": renders, "quote": _evidence(quote)}, check=self.name)


def _aligned_other(name, k: int, said: Attribution, ours, search: Search) -> tuple[int, int] | None:
    """What the word alignment puts in the speaker's place in bead ``k`` when it renders another
    name of the source article; None when it renders the speaker itself, by key, or no one."""
    text = search.other.document.text
    readings = search.readings(name, k)
    if any(key_similarity(name.key, consonant_key(text[a:b])) >= SAME_SPEAKER for a, b in readings):
        return None
    return next(((a, b) for a, b in readings if _renders_another(text[a:b], said.speaker.text, ours, search)), None)


def _rendered(name, text: str, search: Search) -> bool:
    """Whether ``text`` renders the name by its letters, CLDR or the article's own rendering."""
    return by_letters(name, text, *search.langs) is not None or any(form and form in text for form in search.usual(name))


def _speaker_names(ours, said: Attribution) -> list:
    """The names of the source side (document offsets) inside the speaker's span."""
    return [n for n in ours.names.get(said.speaker.sentence, [])
            if not n.soft and said.speaker.start <= n.start and n.end <= said.speaker.end]


def _renders_another(text: str, speaker: str, ours, search: Search) -> list[str]:
    """The names of the source article, other than the speaker's words, that ``text`` renders:
    by consonant key, or as the article renders them elsewhere (Kennedy / 肯尼迪)."""
    key = consonant_key(text)
    names = {n.text: n for found in ours.names.values() for n in found
             if not n.soft and fold(n.text) not in fold(speaker)}
    search.learn(fold(n.text) for n in names.values())  # the article's renderings, learned in one pass
    return sorted(name for name, n in names.items()
                  if len(n.key) >= 3 and key and key_similarity(n.key, key) >= RENDERS_OTHER
                  or any(form and len(form) >= 2 and form in text for form in search.usual(n)))


def _is_target_name(theirs, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` of the translation are a name of it (not a capitalised
    first word or pronoun, which ``names.extract`` marks soft; a short name is a name still)."""
    return any(n.soft in (None, SHORT) and n.start < end and start < n.end
               for found in theirs.names.values() for n in found)


def _words(text: str) -> list[str]:
    """Words of a speaker span, with the name dots of Chinese and Japanese (·, ・) as spaces."""
    return text.replace("·", " ").replace("・", " ").split()


def _is_name(document: Document, span: Span) -> bool:
    """A speaker written as a name: one to four capitalised words, none of which the article
    also writes in lower case ("The", "Er", "Der Minister" are not names; "Lawrow" is)."""
    if is_chinese(document.lang):
        return _tagged_name(document, span.start, span.end)
    words = _words(span.text)
    if not has_capitals(span.text) or not 1 <= len(words) <= 4:
        return False
    lowered = {w for w in re.findall(r"\w+", document.text) if w[:1].islower()}
    return all(w[:1].isupper() and w.lower() not in lowered for w in words)


def _tagged_name(document: Document, start: int, end: int) -> bool:
    """Where capitals do not tell, a speaker is a name where the language's tagger reads each of
    its words as one (汤米 in “……”汤米说, Furyk in German); 他, 总统 and Präsident are not."""
    if not has_tagger(document.lang):
        return False
    sentence = document.sentences[document.sentence_at(start)]
    return is_tagged_name(document.lang, sentence.text, start - sentence.start, end - sentence.start)


def _near(side: _Side, quote: Quote, loose: frozenset[int]) -> bool:
    """Whether the other side has a lone quotation mark in this quotation's bead."""
    return side.bead[quote.sentences[0]] in loose


def _set_off(side: _Side, quote: Quote) -> bool:
    """A statement set off as speech: opening its sentence, after a colon, comma or dash, or just
    after its reporting verb ("said that “…”"). A quotation woven into the reporter's sentence
    ("West was simply “being who he is”") is often rendered as reported speech, as German does
    with its subjunctive, so its marks may go. In Chinese, Japanese and Korean a quotation
    stands after the speaker and its particle."""
    document = side.document
    if quote.kind != STATEMENT:
        return False
    if document.lang in ("zh", "ja", "ko"):
        return True
    sentence = document.sentences[quote.sentences[0]]
    opening = quote.open_mark if quote.open_mark is not None else quote.start
    before = document.text[sentence.start:max(opening, sentence.start)].rstrip()
    if not before or before[-1] in ":,;：，、،؛—–-":
        return True
    said = side.speakers.get(quote.start)
    return bool(said and said.verb and said.verb.end <= opening and opening - said.verb.end <= VERB_REACH)


def _names_in(document: Document, span: Span) -> list:
    """The names inside ``span``, read in its whole sentence: a name opening a sentence is told
    from a capitalised first word only there."""
    sentence = document.sentences[span.sentence]
    start, end = span.start - sentence.start, span.end - sentence.start
    return [n for n in extract_names(sentence.text, document.lang) if not n.soft and start <= n.start and n.end <= end]


def _side(document: Document, alignment, which: str) -> _Side:
    found = find_quotes(document)
    # A mark without its partner is most often a quotation running over several paragraphs, opened
    # or closed in another one, or a mark misplaced in editing: nothing to pair it with reliably, so
    # it is left out, and its bead is not one to say a quotation was lost or added in.
    quotes = [q for q in found if q.depth == 0 and q.balanced and q.text.strip()]
    bead = {i: k for k, b in enumerate(alignment) for i in getattr(b, which)}
    # Phrases too: a quoted phrase has a speaker as a statement has ("the case “was not
    # complicated”, said Carmen Zárate"), and a name swapped beside it is as wrong.
    speakers = {a.quote.start: a for a in attribute(document, quotes, phrases=True)}
    loose = frozenset(bead[i] for q in found if not q.balanced for i in q.sentences if i in bead)
    return _Side(document, quotes, bead, speakers, loose)


def _misplaced(source: _Side, target: _Side, pairs: list[tuple[int, int]], context: CheckContext) -> list:
    """Quotations of the translation pasted where another of its quotations belongs
    (``quotes.placement``); not where the source quotes the same words twice as well."""
    paired = {t: s for s, t in pairs}
    twins = [(a, b) for a, b in placement.twins(target.quotes)
             if not (a in paired and b in paired
                     and " ".join(source.quotes[paired[a]].text.split()) == " ".join(source.quotes[paired[b]].text.split()))]
    return placement.misplaced(context.source, context.target, context.alignment, target.bead, target.quotes, twins,
                               context.encoder)


def _similarities(context: CheckContext, source: list[Quote], target: list[Quote]) -> np.ndarray:
    if not source or not target or context.encoder is None:
        return np.zeros((len(source), len(target)), dtype=np.float32)
    vectors = context.encoder.embed([q.text for q in source] + [q.text for q in target])
    return vectors[:len(source)] @ vectors[len(source):].T


def _pair(source: _Side, target: _Side, similarity: np.ndarray, alignment) -> list[tuple[int, int]]:
    """Greedy, most similar first, between quotations whose beads are at most one apart."""
    options = []
    for s, ours in enumerate(source.quotes):
        for t, theirs in enumerate(target.quotes):
            apart = abs(source.bead[ours.sentences[0]] - target.bead[theirs.sentences[0]])
            if apart <= 1:
                options.append((apart > 0, -float(similarity[s, t]), s, t))
    pairs, used_source, used_target = [], set(), set()
    for _, _, s, t in sorted(options):
        if s not in used_source and t not in used_target:
            pairs.append((s, t))
            used_source.add(s)
            used_target.add(t)
    return pairs


def _bead_ratios(context: CheckContext) -> dict[int, float]:
    """Target/source length of each aligned bead: how much longer this translation writes."""
    ratios = {}
    for k, bead in enumerate(context.alignment):
        if bead.source and bead.target:
            source = sum(len(context.source.sentences[i].text) for i in bead.source)
            target = sum(len(context.target.sentences[j].text) for j in bead.target)
            ratios[k] = target / max(source, 1)
    return ratios


def _usual_ratio(ratios: dict[int, float], bead: int, ours: Quote, theirs: Quote, context: CheckContext) -> float:
    """The length ratio a faithful rendering of the quotation would have: that of the article's
    other beads (Chinese is shorter than English), or, in a short article, of the words of its
    own bead outside the quotation; a cut leaves both of these as they were."""
    others = [ratio for k, ratio in ratios.items() if k != bead]
    if len(others) >= 3:
        return statistics.median(others)
    source_bead, target_bead = context.alignment[bead].source, context.alignment[bead].target
    outside = [sum(len(document.sentences[i].text) for i in indices) - len(quote.text) for document, indices, quote in
               ((context.source, source_bead, ours), (context.target, target_bead, theirs))]
    return outside[1] / outside[0] if min(outside) >= 15 else 1.0


def _may_be_cut(ours: Quote, theirs: Quote, usual: float) -> bool:
    """Long enough to judge, and shorter than the article's translations run."""
    return len(ours.text) >= CUT_MIN_CHARS and len(theirs.text) / max(len(ours.text), 1) < CUT_RATIO * usual


def _word_alignments(pairs: list[tuple[Quote, Quote]], encoder) -> dict[tuple[int, int], TokenAlignment]:
    """The word alignment of each pair's quoted words, by the two quotations' starts: one
    batched pass of the encoder for the pairs that may be cut, none for the others."""
    if not pairs or encoder is None:
        return {}
    alignments = TokenAlignment.many(encoder, [(ours.text, theirs.text) for ours, theirs in pairs])
    return {(ours.start, theirs.start): a for (ours, theirs), a in zip(pairs, alignments) if a is not None}


def _halves_cut(text: str) -> int:
    """Where the quotation is cut in two: at the space nearest its middle (at its middle where
    words are written without spaces)."""
    middle = len(text) // 2
    spaces = [k for k, char in enumerate(text) if char.isspace()]
    return min(spaces, key=lambda k: abs(k - middle)) if spaces else middle


def _span(document: Document, quote: Quote) -> Span:
    return Span(quote.sentences[0], quote.start, quote.end, quote.text)


def _evidence(quote: Quote) -> dict:
    return {"text": quote.text, "kind": quote.kind, "style": quote.style, "balanced": quote.balanced}


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
