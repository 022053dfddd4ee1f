"""The HTML report: one self-contained page with the aligned pairs side by side.

Everything the page needs is inline (page.css, page.js beside this file), so a report can be
mailed or archived as one file and opened offline. Every string that comes from the articles or
the findings is escaped, and a Content-Security-Policy lets only this module's own style and
script run (by their hashes): even an escaping bug could not run script from an article.
The page reads fully without JavaScript; the script only adds filters, click-to-scroll and
selection.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from importlib import resources

import icu

from ...alignment import Bead
from ...document import Document
from ...findings import CATEGORIES, SEVERITIES, Finding, Span
from ...report import Report, signature_string
from ..text import SEVERITY_MARK

SIDES = ("source", "target")
QUOTED = re.compile("“([^“”]*)”")


def render_html(report: Report, **_options) -> str:
    style, script = _asset("page.css"), _asset("page.js")
    findings = {f"F{k}": finding for k, finding in enumerate(report.findings, start=1)}
    bead_of = {side: _bead_of_sentence(report.alignment, side) for side in SIDES}
    source, target = report.source, report.target
    title = f"consistency: {source.name or 'source'} ⇄ {target.name or 'target'}"
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_policy(style, script)}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n",
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        _header(report),
        "<div class=\"layout\">\n<main>\n",
        _pairs_table(report, findings),
        "</main>\n",
        _findings_panel(findings, bead_of, {"source": source.lang, "target": target.lang}),
        "</div>\n",
        _footer(report),
        f"<script>{script}</script>\n</body>\n</html>\n",
    ])


def segments(length: int, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Cut ``[0, length)`` at every edge of ``spans`` (start, end, id), which may overlap or nest;
    each piece lists the ids of the spans covering all of it, in the order given."""
    spans = [(max(start, 0), min(end, length), key) for start, end, key in spans]
    spans = [(start, end, key) for start, end, key in spans if start < end]
    cuts = sorted({0, length, *(edge for start, end, _ in spans for edge in (start, end))})
    return [(a, b, tuple(key for start, end, key in spans if start <= a and b <= end))
            for a, b in zip(cuts, cuts[1:])]


def is_right_to_left(lang: str) -> bool:
    """Whether the language's usual script runs right to left (ar, fa, he, ur, dv, …), from ICU's
    likely-script data, so that every language ICU knows is covered without a list here."""
    script = icu.Locale.addLikelySubtags(icu.Locale(lang or "und")).getScript()
    return bool(script) and any(icu.Script(code).isRightToLeft() for code in icu.Script.getCode(script))


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _policy(style: str, script: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; "
            "base-uri 'none'; form-action 'none'")


def _bead_of_sentence(alignment: list[Bead], side: str) -> dict[int, int]:
    return {index: k for k, bead in enumerate(alignment) for index in getattr(bead, side)}


def _language(lang: str) -> str:
    name = icu.Locale(lang).getDisplayName(icu.Locale("en")) if lang else ""
    return f"{name}, {lang}" if name and name != lang else lang or "language unknown"


def _header(report: Report) -> str:
    def side(document: Document) -> str:
        return (f"<bdi class=\"document-name\">{escape(document.name)}</bdi> "
                f"({escape(_language(document.lang))}, {len(document.sentences)} sentences)")

    counts = report.counts()
    summary_class = "summary has-critical" if counts["critical"] else "summary"
    warnings = "".join(f"<li dir=\"auto\">{escape(warning)}</li>" for warning in report.warnings)
    return ("<header>\n<h1>Translation consistency report</h1>\n"
            f"<p class=\"documents\">{side(report.source)} ⇄ {side(report.target)}</p>\n"
            f"<p class=\"{summary_class}\">{escape(report.summary_line())}</p>\n"
            + (f"<ul class=\"warnings\">{warnings}</ul>\n" if warnings else "")
            + "</header>\n")


def _column_attributes(document: Document, side: str) -> str:
    direction = "rtl" if is_right_to_left(document.lang) else "ltr"
    return f"data-side=\"{side}\" lang=\"{escape(document.lang)}\" dir=\"{direction}\""


def _pairs_table(report: Report, findings: dict[str, Finding]) -> str:
    documents = {"source": report.source, "target": report.target}
    # Findings by the sentence their span is in, so that a long article is not scanned per sentence.
    on_sentence = {side: {} for side in SIDES}
    for key, finding in findings.items():
        for side in SIDES:
            if (span := getattr(finding, side)) is not None:
                on_sentence[side].setdefault(span.sentence, []).append((key, span))
    rows = []
    for k, bead in enumerate(report.alignment):
        concerned = sorted({key for side in SIDES for index in getattr(bead, side)
                            for key, _ in on_sentence[side].get(index, [])}, key=lambda key: int(key[1:]))
        shape = f"{len(bead.source)}-{len(bead.target)}"
        score = f" <span class=\"score\">{bead.score:.2f}</span>" if bead.source and bead.target else ""
        references = "".join(f"<a class=\"ref sev-{findings[key].severity}\" href=\"#finding-{key}\">{key}</a>"
                             for key in concerned)
        cells = "".join(_cell(documents[side], getattr(bead, side), findings, on_sentence[side], side)
                        for side in SIDES)
        row_class = "pair" if bead.source and bead.target else "pair gap"
        rows.append(f"<tr class=\"{row_class}\" id=\"bead-{k}\" data-bead=\"{k}\">"
                    f"<th class=\"bead\" scope=\"row\"><span class=\"shape\">{shape}</span>{score}"
                    f"<span class=\"refs\">{references}</span></th>{cells}</tr>\n")
    heads = "".join(f"<th {_column_attributes(documents[side], side)}>{side} "
                    f"<span class=\"lang\">({escape(documents[side].lang)})</span></th>" for side in SIDES)
    return ("<table class=\"pairs\">\n<colgroup><col class=\"bead-column\"><col><col></colgroup>\n"
            f"<thead><tr><th class=\"bead\" scope=\"col\">pair</th>{heads}</tr></thead>\n"
            f"<tbody>\n{''.join(rows)}</tbody>\n</table>\n")


def _cell(document: Document, indices: tuple[int, ...], findings: dict[str, Finding],
          on_sentence: dict[int, list[tuple[str, Span]]], side: str) -> str:
    attributes = _column_attributes(document, side)
    if not indices:
        return (f"<td class=\"side missing\" {attributes}>"
                "<span class=\"missing-note\" lang=\"en\" dir=\"ltr\">no counterpart</span></td>")
    return f"<td class=\"side\" {attributes}>" + " ".join(
        _sentence(document, index, findings, on_sentence.get(index, []), side) for index in indices) + "</td>"


def _sentence(document: Document, index: int, findings: dict[str, Finding], spans: list[tuple[str, Span]],
              side: str) -> str:
    sentence = document.sentences[index]
    relative = [(span.start - sentence.start, span.end - sentence.start, key) for key, span in spans]
    pieces = []
    for start, end, covering in segments(len(sentence.text), relative):
        text = escape(sentence.text[start:end])
        pieces.append(_highlight(text, covering, findings, side) if covering else text)
    return (f"<span class=\"sentence-number\" aria-hidden=\"true\">{index + 1}</span>"
            f"<span class=\"sentence\" data-side=\"{side}\" data-sentence=\"{index}\">{''.join(pieces)}</span>")


def _highlight(text: str, keys: tuple[str, ...], findings: dict[str, Finding], side: str) -> str:
    # Colour by the most severe finding covering the piece; every covering id stays on it.
    main = min(keys, key=lambda key: SEVERITIES.index(findings[key].severity))
    title = "; ".join(f"{key} {findings[key].severity} {findings[key].category}: {findings[key].message}"
                      for key in keys)
    return (f"<mark class=\"hl cat-{findings[main].category} sev-{findings[main].severity}\" "
            f"data-side=\"{side}\" data-findings=\"{' '.join(keys)}\" title=\"{escape(title)}\">{text}</mark>")


def _findings_panel(findings: dict[str, Finding], bead_of: dict[str, dict[int, int]],
                    langs: dict[str, str]) -> str:
    total = len(findings)
    categories = "".join(_filter("category", category, f"<span class=\"swatch\"></span>{category}",
                                 sum(f.category == category for f in findings.values()))
                         for category in CATEGORIES)
    severities = "".join(_filter("severity", severity, f"{SEVERITY_MARK[severity]} {severity}",
                                 sum(f.severity == severity for f in findings.values()))
                         for severity in SEVERITIES)
    items = "".join(_finding_item(key, finding, bead_of, langs) for key, finding in findings.items())
    listing = f"<ol class=\"finding-list\">\n{items}</ol>\n" if items else "<p class=\"none\">No findings.</p>\n"
    # Disabled until the script runs: without it the boxes would promise filtering that cannot happen.
    return ("<aside class=\"findings\">\n<h2>Findings</h2>\n"
            "<fieldset id=\"filters\" class=\"filters\" disabled>\n<legend>Show</legend>\n"
            f"<div class=\"filter-group\">{categories}</div>\n"
            f"<div class=\"filter-group\">{severities}</div>\n</fieldset>\n"
            f"<p class=\"shown\" id=\"shown\" data-total=\"{total}\">{total} finding{'s' if total != 1 else ''}</p>\n"
            f"{listing}</aside>\n")


def _filter(group: str, value: str, label: str, count: int) -> str:
    kind = "cat" if group == "category" else "sev"
    state = "checked" if count else "checked disabled"
    return (f"<label class=\"filter {kind}-{value}{' empty' if not count else ''}\">"
            f"<input type=\"checkbox\" name=\"{group}\" value=\"{value}\" {state}>"
            f"{label} <span class=\"count\">{count}</span></label>")


def _finding_item(key: str, finding: Finding, bead_of: dict[str, dict[int, int]], langs: dict[str, str]) -> str:
    beads = sorted({bead_of[side][span.sentence] for side, span in (("source", finding.source),
                                                                     ("target", finding.target))
                    if span is not None and span.sentence in bead_of[side]})
    jump = f" href=\"#bead-{beads[0]}\"" if beads else ""
    evidence = "".join(_span_evidence(side, getattr(finding, side), langs[side]) for side in SIDES)
    details = json.dumps(finding.details, ensure_ascii=False, indent=2, default=str)
    return (f"<li class=\"finding cat-{finding.category} sev-{finding.severity}\" id=\"finding-{key}\" "
            f"data-finding=\"{key}\" data-category=\"{finding.category}\" data-severity=\"{finding.severity}\" "
            f"data-beads=\"{' '.join(f'bead-{k}' for k in beads)}\">"
            f"<a class=\"jump\"{jump}><span class=\"id\">{key}</span> "
            f"<span class=\"badge severity\">{SEVERITY_MARK[finding.severity]} {finding.severity}</span> "
            f"<span class=\"badge category\">{finding.category}</span> "
            f"<span class=\"message\" dir=\"auto\">{_isolate_quoted(escape(finding.message))}</span></a>"
            "<details><summary>evidence</summary><dl>"
            f"{evidence}<dt>confidence</dt><dd>{float(finding.confidence):.2f}</dd>"
            f"<dt>check</dt><dd>{escape(finding.check or '?')}</dd></dl>"
            f"<pre class=\"evidence\" dir=\"ltr\">{escape(details)}</pre></details></li>\n")


def _isolate_quoted(message: str) -> str:
    """Wrap each “quoted” part of an (escaped) message in <bdi>: Arabic or Hebrew quoted inside an
    English message otherwise pulls the quotation marks and the figures after it out of order."""
    return QUOTED.sub(lambda match: f"“<bdi>{match.group(1)}</bdi>”", message)


def _span_evidence(side: str, span: Span | None, lang: str) -> str:
    if span is None:
        return f"<dt>{side}</dt><dd class=\"absent\">none</dd>"
    return (f"<dt>{side}</dt><dd>sentence {span.sentence + 1}, characters {span.start}–{span.end}: "
            f"<bdi class=\"span-text\" lang=\"{escape(lang)}\">{escape(span.text)}</bdi></dd>")


def _footer(report: Report) -> str:
    full = json.dumps(report.signature, ensure_ascii=False, indent=2, default=str)
    return ("<footer>\n"
            f"<p>signature <code class=\"signature\">{escape(signature_string(report.signature))}</code></p>\n"
            f"<details><summary>full signature</summary><pre>{escape(full)}</pre></details>\n"
            "</footer>\n")
