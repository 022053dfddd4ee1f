"""Stage 6, Report: one object holding everything a renderer shows, with its signature."""
from __future__ import annotations

from dataclasses import dataclass, field

from .alignment import Bead
from .document import Document
from .findings import SEVERITIES, Finding, at_least

SCHEMA = "consistency.report/1"


@dataclass
class Report:
    source: Document
    target: Document
    alignment: list[Bead]
    findings: list[Finding]
    signature: dict
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.findings = sorted(self.findings, key=Finding.position)

    def counts(self) -> dict[str, int]:
        return {severity: sum(f.severity == severity for f in self.findings) for severity in SEVERITIES}

    def fails(self, threshold: str) -> bool:
        """True when a finding is at or above ``threshold`` ('never' never fails)."""
        return threshold != "never" and any(at_least(f.severity, threshold) for f in self.findings)

    def summary_line(self) -> str:
        counts = self.counts()
        total = len(self.findings)
        if total == 0:
            return "no findings"
        parts = ", ".join(f"{n} {severity}" for severity, n in counts.items() if n)
        return f"{total} finding{'s' if total != 1 else ''}: {parts}"

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "source": _side(self.source),
            "target": _side(self.target),
            "alignment": [bead.to_dict() for bead in self.alignment],
            "findings": [f.to_dict(f"F{k}") for k, f in enumerate(self.findings, start=1)],
            "summary": {"sentences": {"source": len(self.source.sentences),
                                      "target": len(self.target.sentences)},
                        "findings": self.counts()},
            "warnings": list(self.warnings),
            "signature": self.signature,
        }


def _side(document: Document) -> dict:
    return {"lang": document.lang, "name": document.name, "text_sha256": document.sha256,
            "sentences": [s.to_dict() for s in document.sentences]}


def signature_string(signature: dict) -> str:
    """A one-line form in sacrebleu's style, for footers and logs."""
    settings = signature.get("settings", {})
    alignment = settings.get("alignment", {})
    return "|".join([
        f"consistency:{signature.get('version')}",
        f"model:{signature.get('model')}@{str(signature.get('model_sha256', ''))[:12]}",
        f"langs:{settings.get('source_lang')}-{settings.get('target_lang')}",
        f"seg:{settings.get('segmentation')}",
        "align:" + ",".join(f"{k}={v}" for k, v in sorted(alignment.items())),
        "checks:" + ",".join(settings.get("checks", [])),
    ] + ([f"calibration:{signature['calibration']['file_sha256'][:12]}:"
          + ",".join(f"{k}={v}" for k, v in signature["calibration"]["used"].items())]
         if signature.get("calibration") else []))
