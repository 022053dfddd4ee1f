"""The project's benchmarks (see the README's benchmark section)."""
from __future__ import annotations

import subprocess
from pathlib import Path


def commit() -> str:
    """The checkout's short commit, which a run records so that a table mixing runs says whose is whose."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True).stdout.strip()
    return head or "unknown"
