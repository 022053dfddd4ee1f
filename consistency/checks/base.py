"""What every check is: a small class, registered by name, turning aligned documents into findings."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Iterable

from ..alignment import Bead
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


class Check(ABC):
    name: ClassVar[str]
    description: ClassVar[str]

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


def create(names: Iterable[str] | None = None) -> list[Check]:
    """Instances of the named checks (all registered ones when ``names`` is None)."""
    chosen = available() if names is None else list(names)
    unknown = [n for n in chosen if n not in _REGISTRY]
    if unknown:
        raise ValueError(f"unknown check(s) {', '.join(unknown)}; available: {', '.join(available())}")
    return [_REGISTRY[n]() for n in chosen]
