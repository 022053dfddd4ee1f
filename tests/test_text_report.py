"""The terminal report: columns that fit the width in any script, colour only when asked, and the
one-line summary last."""
from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from consistency.render import render_text
from conftest import SEEDS

ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def reports(checker):
    source = (SEEDS / "source/000.en.txt").read_text(encoding="utf-8")
    return {lang: checker.check(source, (SEEDS / f"drifted/000.{lang}.txt").read_text(encoding="utf-8"),
                                source_lang="en", target_lang=lang) for lang in ("zh", "ar", "ja")}


@pytest.mark.model
@pytest.mark.parametrize("lang", ["zh", "ar", "ja"])
@pytest.mark.parametrize("width", [60, 100, 160])
def test_every_line_fits_the_width_and_every_finding_is_shown(reports, lang, width):
    report = reports[lang]
    text = render_text(report, color=False, width=width)
    lines = text.rstrip("\n").split("\n")
    assert max(cell_len(line) for line in lines) <= width  # wide CJK characters count twice
    assert lines[-1] == report.summary_line() and re.fullmatch(r"\d+ findings: .*", lines[-1])
    flat = re.sub(r"\s+", "", text)
    for k, finding in enumerate(report.findings, start=1):
        assert f"F{k}{finding.severity}{finding.category}" in flat
    header = next(line for line in lines if f"target ({lang})" in line)
    column = cell_len(header[:header.index(f"target ({lang})")])
    target_column = "".join(after_cells(line, column) for line in lines[lines.index(header) + 1:])
    for sentence in report.target.sentences:  # every sentence shown whole in its column, however wrapped
        assert re.sub(r"\s+", "", sentence.text) in re.sub(r"\s+", "", target_column)


def after_cells(line: str, column: int) -> str:
    """What a terminal shows of ``line`` from cell ``column`` on."""
    cells = 0
    for k, char in enumerate(line):
        if cells >= column:
            return line[k:]
        cells += cell_len(char)
    return ""


@pytest.mark.model
def test_colour_only_when_asked(reports):
    report = reports["zh"]
    assert not ESCAPE.search(render_text(report, color=False, width=100))
    coloured = render_text(report, color=True, width=100)
    assert ESCAPE.search(coloured)
    assert ESCAPE.sub("", coloured) == render_text(report, color=False, width=100)
