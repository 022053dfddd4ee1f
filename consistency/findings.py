"""Stage 5, Findings: what a check reports, pointing at exact spans on both sides."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

CATEGORIES = ("figure", "name", "quote", "omission", "addition", "meaning", "hidden")
SEVERITIES = ("critical", "major", "minor")  # most severe first


@dataclass(frozen=True)
class Span:
    sentence: int
    start: int  # character offsets into the whole document as read
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Finding:
    category: str
    severity: str
    confidence: float
    message: str
    source: Span | None
    target: Span | None
    details: dict = field(default_factory=dict)
    check: str = ""  # the registered name of the check that produced it

    def __post_init__(self):
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def position(self) -> tuple:
        """Reading order: by source position, then target position."""
        source = self.source.start if self.source else -1
        target = self.target.start if self.target else -1
        return (source if source >= 0 else target, target, self.category, self.message)

    def to_dict(self, finding_id: str) -> dict:
        return {"id": finding_id, "category": self.category, "severity": self.severity,
                "confidence": round(float(self.confidence), 4), "message": self.message,
                "source": self.source.to_dict() if self.source else None,
                "target": self.target.to_dict() if self.target else None,
                "details": self.details, "check": self.check}


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is as severe as ``threshold`` or more."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)


def reweigh(findings: list[Finding], severity: dict[str, str], min_confidence: float = 0.0) -> list[Finding]:
    """The user's policy over what the checks found: a category's severity set (or "off": not
    reported), findings less sure than ``min_confidence`` left out. The check's own severity is
    kept in ``details`` so the report shows that the policy changed it."""
    kept = []
    for finding in findings:
        wanted = severity.get(finding.category, finding.severity)
        if wanted == "off" or finding.confidence < min_confidence:
            continue
        if wanted != finding.severity:
            finding = replace(finding, severity=wanted, details={**finding.details, "severity_by_check": finding.severity})
        kept.append(finding)
    return kept
