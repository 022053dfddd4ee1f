"""The JSON report: the contract other tools read (schema consistency.report/1, see README)."""
from __future__ import annotations

import json

from ..report import Report


def render_json(report: Report, **_options) -> str:
    # Key order is fixed by Report.to_dict and floats are rounded there, so the same input and
    # settings give byte-identical output.
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
