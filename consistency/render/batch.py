"""The end of a batch run on the terminal: one row per pair, then one line in test runners' style."""
from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from ..findings import SEVERITIES, at_least


def render_batch_summary(results: list[dict], fail_on: str, reused: int, color: bool = False,
                         width: int = 120) -> str:
    """``results`` in manifest order: {"id", "report"} or {"id", "error"}."""
    console = Console(file=io.StringIO(), width=width, force_terminal=color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("pair", overflow="fold")
    table.add_column("langs", no_wrap=True)
    table.add_column("sentences", justify="right", no_wrap=True)
    for severity in SEVERITIES:
        table.add_column(severity, justify="right", no_wrap=True)
    table.add_column("status", overflow="fold")
    failing = errors = 0
    for result in results:
        if "error" in result:
            errors += 1
            table.add_row(result["id"], "", "", *[""] * len(SEVERITIES), f"[red]error: {result['error']}")
            continue
        report = result["report"]
        counts = report["summary"]["findings"]
        fails = fail_on != "never" and any(at_least(s, fail_on) for s, n in counts.items() if n)
        failing += fails
        sentences = report["summary"]["sentences"]
        table.add_row(result["id"], f"{report['source']['lang']}→{report['target']['lang']}",
                      f"{sentences['source']}/{sentences['target']}",
                      *[str(counts[s] or "") for s in SEVERITIES], "[bold red]fails" if fails else "ok")
    console.print(table)
    threshold = "" if fail_on == "never" else f", {failing} with findings at or above {fail_on}"
    console.print(f"{len(results)} pairs: {len(results) - reused - errors} checked now"
                  f"{f', {reused} unchanged since the last run' if reused else ''}"
                  f", {errors} could not be checked{threshold}")
    return console.file.getvalue()
