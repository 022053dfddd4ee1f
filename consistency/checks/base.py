"""What every check is: a small class, registered by name, turning aligned documents into findings."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Iterable

from ..alignment import Bead
from ..calibration import Thresholds
from ..detector import Detector
from ..document import Document
from ..encoders.base import Encoder
from ..findings import Finding

_REGISTRY: dict[str, type["Check"]] = {}


@dataclass
class CheckContext:
    source: Document
    target: Document
    alignment: list[Bead]
    encoder: Encoder
    thresholds: Thresholds | None = None  # per-pair values measured for this model (make calibrate)

    def threshold(self, check: str, setting: str, default: float) -> float:
        return default if self.thresholds is None else self.thresholds.get(check, setting, default)

    def detector(self, check: str) -> Detector | None:
        return None if self.thresholds is None else self.thresholds.detector(check)

    def mirrored(self) -> "CheckContext":
        """The same pair read the other way round: the translation as the source. A check that
        finds what a translation lacks finds, so, what it adds."""
        beads = [Bead(bead.target, bead.source, bead.score) for bead in self.alignment]
        return CheckContext(self.target, self.source, beads, self.encoder, self.thresholds)


class Check(ABC):
    name: ClassVar[str]
    description: ClassVar[str]
    # Whether it runs when no checks are named. A check below its precision bar in the benchmark
    # is opt-in (``--checks``), so that the default report stays one an editor can trust.
    default: ClassVar[bool] = True

    @abstractmethod
    def run(self, context: CheckContext) -> Iterable[Finding]:
        """Yield findings; a check never alters the documents or the alignment."""

    def settings(self) -> dict:
        """What of this check's configuration belongs in the report's signature."""
        return {}


def register(cls: type[Check]) -> type[Check]:
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"check {cls.name!r} is registered twice")
    _REGISTRY[cls.name] = cls
    return cls


def available() -> list[str]:
    return sorted(_REGISTRY)


def defaults() -> list[str]:
    return [n for n in available() if _REGISTRY[n].default]


def create(names: Iterable[str] | None = None, options: dict[str, dict] | None = None) -> list[Check]:
    """Instances of the named checks (the default ones when ``names`` is None, the default ones
    and more when every name starts with "+": "+names"); ``options`` gives
    a check's keyword arguments by its name (the configuration file's [figures], [names] …)."""
    chosen = defaults() if names is None else list(names)
    if chosen and all(n.startswith("+") for n in chosen):  # "+names": the default checks and these
        chosen = defaults() + [n[1:] for n in chosen if n[1:] not in defaults()]
    unknown = [n for n in chosen if n not in _REGISTRY]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; available: {', '.join(available())}")
    options = options or {}
    return [_REGISTRY[n](**options.get(n, {})) for n in chosen]
