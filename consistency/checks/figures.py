"""Figures: every number in the source has an equal-valued counterpart in its translation.

Within each aligned bead, source and target figures are paired by value, like with like (a
percentage only with a percentage, a month with a month, a digit before a word); a clock time
takes its hour and minutes written out on the other side (3:35 / 3分35秒). What is left is
looked for in the neighbouring beads, since translators move figures between sentences. A
source and a target figure still left in one bead are one figure whose value changed
(critical). The rest is matched one to one against what is left anywhere else in the other
article (restructured paragraphs), and what remains was dropped or added (major).
Equal amounts in currencies that cannot be the same (£ / dollars) are a critical finding; equal
values whose hedges differ in sense ("more than 10,000" / "10,000") are a minor one.
Soft figures (small spelled-out numbers, months, magnitudes) may match but never raise a
finding alone.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ..document import Document
from ..figures import HEDGE_SENSE, Figure, extract
from ..findings import Finding, Span
from .base import Check, CheckContext, register


@register
class FigureCheck(Check):
    name = "figures"
    description = "numbers, amounts, percentages and years changed, dropped or added"

    def __init__(self, ignore: Iterable[str] = ()):
        # Figures the desk does not want checked (page numbers, reference codes): a finding whose
        # figure lies inside a match of one of these regular expressions is not reported.
        self.ignore = tuple(ignore)
        self._ignore = [re.compile(pattern) for pattern in self.ignore]

    def settings(self) -> dict:
        return {"ignore": list(self.ignore)} if self.ignore else {}

    def run(self, context: CheckContext) -> Iterable[Finding]:
        for finding in self._findings(context):
            if not any(self._ignored(span, document) for span, document in
                       ((finding.source, context.source), (finding.target, context.target)) if span):
                yield finding

    def _ignored(self, span: Span, document: Document) -> bool:
        sentence = document.sentences[span.sentence]
        return any(match.start() + sentence.start <= span.start and span.end <= match.end() + sentence.start
                   for pattern in self._ignore for match in pattern.finditer(sentence.text))

    def _findings(self, context: CheckContext) -> Iterable[Finding]:
        source = _figures(context.source)
        target = _figures(context.target)
        left: list[tuple[list, list]] = []
        for bead in (bead for bead in context.alignment if bead.source and bead.target):
            pairs, ours, theirs = _pair_bead([f for i in bead.source for f in source[i]],
                                             [f for j in bead.target for f in target[j]])
            for s, t in pairs:
                if s[1].currency and t[1].currency and not s[1].currency & t[1].currency:
                    yield self._currency_changed(s, t)
                # A conversion is rounded, so "about" may come and go with it: exact values only.
                if HEDGE_SENSE[s[1].hedge] != HEDGE_SENSE[t[1].hedge] and s[1].values & t[1].values \
                        and not (s[1].soft or t[1].soft):
                    yield self._hedge_changed(s, t)
            left.append((ours, theirs))
        before_moves = list(left)  # each side's leftovers as they were, so a move is seen from both beads
        for k in range(len(left)):
            for neighbour in (k - 1, k + 1):
                if 0 <= neighbour < len(left):
                    left[k] = _moved(left[k], before_moves[neighbour])
        # Left over on both sides of one bead: one changed figure. This reading comes before a
        # move across the article, which would explain a changed figure away.
        changed, left = _changed_in_beads(left)
        for s, t in changed:
            yield self._changed(s, t)
        left = _moved_far(left, _unaligned(source, context.alignment, "source"),
                          _unaligned(target, context.alignment, "target"))
        for ours, theirs in left:
            yield from (self._one_sided(s, is_source=True) for s in ours if not s[1].soft)
            yield from (self._one_sided(t, is_source=False) for t in theirs if not t[1].soft)

    def _changed(self, source, target) -> Finding:
        s, t = source[1], target[1]
        return self._both(source, target, "critical", 0.9 if not (s.unsure or t.unsure) else 0.7,
                          f"figure changed: “{s.text}” ({s.describe()}) became “{t.text}” ({t.describe()})")

    def _currency_changed(self, source, target) -> Finding:
        s, t = source[1], target[1]
        return self._both(source, target, "critical", 0.8,
                          f"same amount, different currency: “{s.text}” ({' or '.join(sorted(s.currency))}) "
                          f"became “{t.text}” ({' or '.join(sorted(t.currency))})")

    def _hedge_changed(self, source, target) -> Finding:
        s, t = source[1], target[1]
        return self._both(source, target, "minor", 0.6, f"same value, different hedge: “{s.text}” "
                          f"({s.hedge or 'exact'}) became “{t.text}” ({t.hedge or 'exact'})")

    def _both(self, source, target, severity: str, confidence: float, message: str) -> Finding:
        (i, s), (j, t) = source, target
        return Finding("figure", severity, confidence, message, _span(i, s), _span(j, t), _details(s, t),
                       check=self.name)

    def _one_sided(self, figure, is_source: bool) -> Finding:
        index, f = figure
        if is_source:
            message = f"figure “{f.text}” ({f.describe()}) has no counterpart in the translation"
        else:
            message = f"figure “{f.text}” ({f.describe()}) in the translation is not in the source"
        return Finding("figure", "major", 0.6, message, _span(index, f) if is_source else None,
                       None if is_source else _span(index, f),
                       _details(f, None) if is_source else _details(None, f), check=self.name)


def _pairable(items: list) -> list:
    """Figures that can show a changed value: not small spelled-out numbers ("two", "second",
    "cuatro" pair too often with an unrelated digit)."""
    def weak(figure: Figure) -> bool:
        return figure.spelled and not (figure.month or figure.vague) and max(figure.values) <= 10

    return [item for item in items if not weak(item[1])]


def _of_kind(items: list, kind: str) -> list:
    """Months pair with months, clock times with times, other figures with other figures."""
    def kind_of(figure: Figure) -> str:
        return "month" if figure.month else "time" if figure.time else "plain"

    return [item for item in items if kind_of(item[1]) == kind]


def _same_clock(source, target) -> bool:
    """4.40 am / 4時40分: the same clock reading where only the half of the day is unsure."""
    return bool(source[1].time and target[1].time and source[1].parts() & target[1].parts()
                and min(source[1].values) % 720 == min(target[1].values) % 720)


def _written_out(figure: Figure, values: set) -> bool:
    """A clock time whose hour and minutes stand as numbers on the other side (13:10 / 13分10秒)."""
    if not figure.time:
        return False
    minutes = int(min(figure.values))
    return minutes % 60 in values and bool({minutes // 60, minutes // 60 % 12} & values)


def _present(figure: Figure, others: list[Figure]) -> bool:
    """The value stands somewhere on the other side, as a figure or inside a clock time."""
    return any(figure.matches(other) or figure.values & other.parts() or other.values & figure.parts()
               or _same_clock((0, figure), (0, other)) for other in others)


def _figures(document: Document) -> dict[int, list[tuple[int, Figure]]]:
    """Per sentence index, (sentence index, figure with document offsets)."""
    result = {}
    for sentence in document.sentences:
        result[sentence.index] = [
            (sentence.index, replace(f, start=sentence.start + f.start, end=sentence.start + f.end))
            for f in extract(sentence.text, document.lang)]
    return result


def _pair_bead(ours: list, theirs: list) -> tuple[list, list, list]:
    """(pairs, source figures left, target figures left) of one bead."""
    our_parts = {part for _, f in ours for part in f.parts()}
    their_parts = {part for _, f in theirs for part in f.parts()}
    pairs, ours, theirs = _pair(ours, theirs)
    our_values = {v for _, f in ours for v in f.values}
    their_values = {v for _, f in theirs for v in f.values}
    # 3:35 written as 3分35秒: a clock time and the numbers it is written with on the other side.
    ours_left = [s for s in ours if not s[1].values <= their_parts and not _written_out(s[1], their_values)]
    theirs_left = [t for t in theirs if not t[1].values <= our_parts and not _written_out(t[1], our_values)]
    return pairs, ours_left, theirs_left


def _pair(ours: list, theirs: list):
    """Pairs of equal figures, like with like first: a digit with a digit, a word with a word
    ("eight" takes "acht" before the "8" that may be another figure's changed value)."""
    pairs, unmatched, remaining = [], list(ours), list(theirs)
    for same_form in (True, False):
        for item in list(unmatched):
            match = next((other for other in remaining if item[1].matches(other[1])
                          and (item[1].soft == other[1].soft or not same_form)), None)
            if match is not None:
                unmatched.remove(item)
                remaining.remove(match)
                pairs.append((item, match))
    return pairs, unmatched, remaining


def _changed_in_beads(left: list[tuple[list, list]]) -> tuple[list, list[tuple[list, list]]]:
    """(changed pairs, what is left) when figures of one kind are left on both sides of a bead."""
    changed, rest = [], []
    for ours, theirs in left:
        paired = [pair for kind in ("plain", "month", "time")
                  for pair in zip(_of_kind(_pairable(ours), kind), _of_kind(_pairable(theirs), kind))
                  if not _same_clock(*pair)]
        done = {id(item) for pair in paired for item in pair}
        changed += paired
        rest.append(([s for s in ours if id(s) not in done], [t for t in theirs if id(t) not in done]))
    return changed, rest


def _unaligned(figures: dict, alignment: list, side: str) -> list:
    """Figures in sentences the alignment left without a counterpart (the omission check's
    business): they may still be where a figure of the other side went."""
    aligned = {i for bead in alignment if bead.source and bead.target for i in getattr(bead, side)}
    return [item for index, items in figures.items() if index not in aligned for item in items]


def _moved_far(left: list[tuple[list, list]], spare_source: list, spare_target: list) -> list[tuple[list, list]]:
    """Figures left over in one bead that match, one to one, a figure left over anywhere else in
    the other article moved there (restructured paragraphs, a figure restated in a headline).
    One to one, so a value the source gives twice and the translation once is still reported
    as dropped."""
    pool_target = [t for _, theirs in left for t in theirs] + spare_target
    pool_source = [s for ours, _ in left for s in ours] + spare_source
    gone = set()
    for s in pool_source:
        match = next((t for t in pool_target if id(t) not in gone and _present(s[1], [t[1]])), None)
        if match is not None:
            gone.update((id(s), id(match)))
    return [([s for s in ours if id(s) not in gone], [t for t in theirs if id(t) not in gone])
            for ours, theirs in left]


def _moved(here: tuple[list, list], neighbour: tuple[list, list]) -> tuple[list, list]:
    ours, theirs = here
    their_neighbours, our_neighbours = neighbour[1], neighbour[0]
    ours = [s for s in ours if not any(s[1].matches(t[1]) for t in their_neighbours)]
    theirs = [t for t in theirs if not any(t[1].matches(s[1]) for s in our_neighbours)]
    return ours, theirs


def _span(sentence: int, figure: Figure) -> Span:
    return Span(sentence, figure.start, figure.end, figure.text)


def _details(source: Figure | None, target: Figure | None) -> dict:
    details = {}
    for side, figure in (("source", source), ("target", target)):
        if figure is not None:
            details[side] = {"values": sorted(str(v) for v in figure.values), "percent": figure.percent,
                             "month": figure.month, "time": figure.time, "hedge": figure.hedge,
                             "spelled": figure.spelled}
            if figure.converts:
                details[side]["metric_factor"] = figure.converts
            if figure.currency:
                details[side]["currency"] = sorted(figure.currency)
            if figure.bidi:
                details[side]["bidi_control"] = figure.bidi
            if figure.unsure:
                details[side]["unsure"] = figure.unsure
    return details
