"""The terminal report: aligned sentence pairs side by side, findings under the pair they concern."""
from __future__ import annotations

import io
import shutil

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..findings import Finding
from ..report import Report, signature_string

SEVERITY_STYLE = {"critical": "bold red", "major": "yellow", "minor": "cyan"}
SEVERITY_MARK = {"critical": "✖", "major": "▲", "minor": "•"}


def render_text(report: Report, color: bool = False, width: int | None = None, **_options) -> str:
    width = width or shutil.get_terminal_size((120, 24)).columns
    console = Console(file=io.StringIO(), width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    source, target = report.source, report.target
    console.print(Text(f"{source.name} ({source.lang}, {len(source.sentences)} sentences)  ⇄  "
                       f"{target.name} ({target.lang}, {len(target.sentences)} sentences)", style="bold"))
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=False, pad_edge=False)
    table.add_column("bead", no_wrap=True, style="dim", width=9)
    table.add_column(f"source ({source.lang})", ratio=1, overflow="fold")
    table.add_column(f"target ({target.lang})", ratio=1, overflow="fold")
    placed: set[int] = set()
    for bead in report.alignment:
        related = [k for k, f in enumerate(report.findings) if _concerns(f, bead)]
        table.add_row(_bead_label(bead), _cell(report.source, bead.source, report.findings, related, "source"),
                      _cell(report.target, bead.target, report.findings, related, "target"))
        for k in related:
            if k not in placed:
                table.add_row("", _finding_line(k, report.findings[k]), "")
                placed.add(k)
    console.print(table)
    for k, finding in enumerate(report.findings):
        if k not in placed:
            console.print(_finding_line(k, finding))
    for warning in report.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
    console.print(Text(signature_string(report.signature), style="dim"))
    counts = report.counts()
    summary = Text(report.summary_line(), style="bold red" if counts["critical"] else "bold")
    console.print(summary)
    return console.file.getvalue()


def _concerns(finding: Finding, bead) -> bool:
    return bool((finding.source and finding.source.sentence in bead.source)
                or (finding.target and finding.target.sentence in bead.target))


def _bead_label(bead) -> str:
    shape = f"{len(bead.source)}-{len(bead.target)}"
    return f"{shape} {bead.score:.2f}" if bead.source and bead.target else shape


def _cell(document, indices, findings, related, side) -> Text:
    text = Text()
    for n, index in enumerate(indices):
        sentence = document.sentences[index]
        offset = len(text) + (1 if n else 0)
        if n:
            text.append(" ")
        text.append(sentence.text)
        for k in related:
            span = getattr(findings[k], side)
            if span and span.sentence == index:
                style = SEVERITY_STYLE[findings[k].severity] + " underline"
                text.stylize(style, offset + max(span.start - sentence.start, 0),
                             offset + min(span.end, sentence.end) - sentence.start)
    return text


def _finding_line(k: int, finding: Finding) -> Text:
    line = Text(f"{SEVERITY_MARK[finding.severity]} F{k + 1} {finding.severity} {finding.category}: ",
                style=SEVERITY_STYLE[finding.severity])
    line.append(finding.message)
    return line
