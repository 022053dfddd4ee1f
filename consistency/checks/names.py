"""Names: every person, place and organisation keeps its rendering in the translation.

Names are found on the side written with capitals (both sides when both are; not German,
which capitalises every noun: ``names.extract``) and looked for on the other
(``names.search``). Translators drop given names and titles, so a word before the last of a
group (Phil of Phil Mickelson) is lost only where capitals mark names on the other side too and
a capitalised name stands in its place. The last word is lost where capitals mark names, and in
German unless the alignment ties it both ways (Court / Amtsgericht: translated); in scripts
without capitals a group with one word found stands, as the search there misses renderings,
unless what stands in a lost word's place is a name by the language's tagger (Chinese, German)
or renders another name of the article. Where the alignment ties nothing to a lost word, the
word beside the group's found word stands in its place (Sam Allardyce / Furyk Allardyce).

What is left is a finding: **replaced** (critical) when another name stands in its place (a
capitalised name of the translation left unmatched in the bead, or the words the alignment puts
there); **garbled** (major) when what stands there is near the rendering the article uses for
the name elsewhere or CLDR's (平嚷 for 平壤, Pyangyong for Pyongyang), or when the form that
renders the name misspells it (``Search._garbled``: Harelm for Harlem, Лонодне for Лондон);
**dropped** (major) when nothing stands there. A capitalised name of the translation that no
source name accounts for is **added** (major). Names too short to match across scripts ("Iowa",
"Aceh"), acronyms, adjectives of places ("Korean", "Western"), capitalised common words and
phrases of common words ("Supreme Court"), and the common words beside a name that say what it
names ("Palace" of Palace of Westminster; ``names.soften_common_words``) may support a match but
never raise a finding alone; a short name CLDR knows (Seoul, Paris) is checked by CLDR, and a
short one written with two letters swapped in its own script (Harelm) is garbled.
"""
from __future__ import annotations

from typing import Iterable

from ..findings import Finding, Span
from ..names import Name
from ..names.glossary import Glossary
from ..names.romanise import chrf, consonant_key, fold, key_similarity, romanise, script_of
from ..names.search import (ALIGNED, ALIGNED_RUN, LEARNED, TRANSLATED, TRANSLATED_COMMON, TRANSLATED_LOWER,
                            WORD_TRANSLATION, Lost, Search, side_of)
from ..names.spelling import ALPHABET_GARBLED, EXACT_KEY, GARBLED, by_letters, misspelt
from .base import Check, CheckContext, register


@register
class NameCheck(Check):
    name = "names"
    description = "people, places and organisations replaced, garbled, dropped or added (opt-in: experimental)"
    default = False  # far from its precision bar yet: bench/NOTES.md, "Names"

    def __init__(self, glossary: dict[str, dict[str, tuple[str, ...]]] | None = None):
        self.glossary_entries = dict(glossary or {})
        self.glossary = Glossary(self.glossary_entries)

    def settings(self) -> dict:
        glossary = {"glossary": self.glossary_entries} if self.glossary_entries else {}
        return {**glossary, "exact_key": EXACT_KEY, "aligned": ALIGNED, "aligned_run": ALIGNED_RUN,
                "translated": TRANSLATED, "translated_lower": TRANSLATED_LOWER,
                "translated_common": TRANSLATED_COMMON, "word_translation": WORD_TRANSLATION, "learned": LEARNED,
                "garbled": GARBLED,
                "alphabet_garbled": ALPHABET_GARBLED}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        source = side_of(context.source, "source", context.target.lang)
        target = side_of(context.target, "target", context.source.lang)
        beads = [b for b in context.alignment if b.source and b.target]
        used: set[tuple[int, int]] = set()  # target names shown as what replaced a source name
        alignments: dict = {}  # bead -> word alignment, computed once for both searches
        if source.names is not None:
            search = Search(source, target, beads, context, alignments, self.glossary)
            for lost in search.lost():
                finding = self._lost(lost, search)
                if finding.target is not None:
                    used.add((finding.target.start, finding.target.end))
                yield finding
        if target.names is not None:
            # A name of the translation is added when nothing in the source corresponds to it: a
            # capitalised word the alignment ties to source words ("Nouvel An" / "New Year") is
            # a translation, and a name the source article has elsewhere ("he said" / "selon
            # Trump") makes explicit what the source says.
            search = Search(target, source, beads, context, alignments, self.glossary)
            for lost in search.lost():
                # A name the source writes otherwise by a slip (Harelm / Harlem) is no added name.
                if not lost.garbled and not any(a < lost.name.end and lost.name.start < b for a, b in used) \
                        and not search.corresponds(lost.name, lost.bead) \
                        and by_letters(lost.name, context.source.text, context.target.lang, context.source.lang) is None:
                    yield self._added(lost)

    def _lost(self, lost: Lost, search: "Search") -> Finding:
        name = lost.name
        source_span = Span(lost.sentence, name.start, name.end, name.text)
        aligned = search.aligned_evidence(name, lost.bead)
        if lost.stand_in is None:
            return Finding("name", "major", 0.6, f"name “{name.text}” is not in the translation", source_span, None,
                           _evidence(name, None, search.usual(name), aligned), check=self.name)
        start, end = lost.stand_in
        text = search.other.document.text[start:end]
        target_span = Span(search.other.document.sentence_at(start), start, end, text)
        usual = search.usual(name)
        if lost.garbled:  # a misspelling of the name as written in the same script counts too (Harelm)
            usual = {u for u in usual | {name.text} if script_of(u) == script_of(text) and fold(u) != fold(text)}
        details = _evidence(name, text, usual, aligned)
        if lost.garbled or any(misspelt(fold(u), fold(text)) for u in usual):
            return Finding("name", "major", 0.6, f"name “{name.text}” garbled as “{text}” (usually "
                           f"“{' / '.join(sorted(usual))}”)", source_span, target_span, details, check=self.name)
        return Finding("name", "critical", 0.7, f"name “{name.text}” replaced by “{text}” (romanised "
                       f"“{romanise(text)}”)", source_span, target_span, details, check=self.name)

    def _added(self, lost: Lost) -> Finding:
        name = lost.name
        return Finding("name", "major", 0.6, f"name “{name.text}” in the translation is not in the source", None,
                       Span(lost.sentence, name.start, name.end, name.text), _evidence(name, None, set()),
                       check=self.name)


def _evidence(name: Name, other: str | None, usual: set[str], aligned: dict | None = None) -> dict:
    details = {"name": {"text": name.text, "romanised": name.romanised, "key": name.key}}
    if aligned:
        details["aligned"] = aligned
    if usual:
        details["usual_renderings"] = sorted(usual)
    if other is not None:
        details["rendering"] = {"text": other, "romanised": romanise(other), "key": consonant_key(other),
                                "key_similarity": round(key_similarity(name.key, consonant_key(other)), 3),
                                "chrf": round(chrf(name.romanised, romanise(other)), 3)}
    return details
