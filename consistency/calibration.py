"""Thresholds measured per language pair for one model, on translations known to be faithful.

How far a professional translation leans one way under a check's measure depends on the encoder
and on the language pair: the negation check's gain on faithful en-ko pairs is not what it is
on en-fr pairs. ``make calibrate`` measures each pair on NTREX-128 articles outside every
benchmark sample and writes ``consistency/calibrations/<model>.json``, stamped with the hash of
the model's weights. A check asks for its threshold by language pair; it gets the calibrated
value when the file was made for the loaded model and holds that pair, and its own default
otherwise. The report's signature records the file's hash and every value a check took from it.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .detector import Detector

FOLDER = Path(__file__).parent / "calibrations"
LENGTHS = FOLDER / "lengths.json"  # model-free: how long each language writes (``bench.lengths``)


def pair_key(source_lang: str, target_lang: str) -> str:
    """Both directions of a pair share their thresholds: "en-fr" for en→fr and fr→en."""
    return "-".join(sorted(lang.split("-")[0].lower() for lang in (source_lang, target_lang)))


@dataclass(frozen=True)
class Calibration:
    model_sha256: str
    made_by: dict  # "check.setting" -> the command and the data it measured
    file_sha256: str
    thresholds: dict = field(default_factory=dict)  # check -> setting -> pair key -> value
    detectors: dict = field(default_factory=dict)  # check -> a trained detector's numbers (its to_dict())

    @classmethod
    def for_model(cls, model: str, model_sha256: str, folder: Path = FOLDER) -> "Calibration | None":
        """The calibration made for these weights, or None (another model, or none made)."""
        path = folder / f"{model.rsplit('/', 1)[-1]}.json"
        if not path.is_file():
            return None
        raw = path.read_bytes()
        data = json.loads(raw)
        if data.get("model_sha256") != model_sha256:
            return None
        return cls(data["model_sha256"], data["made_by"], hashlib.sha256(raw).hexdigest(), data["thresholds"],
                   data.get("detectors", {}))

    def threshold(self, check: str, setting: str, source_lang: str, target_lang: str) -> float | None:
        return self.thresholds.get(check, {}).get(setting, {}).get(pair_key(source_lang, target_lang))


@dataclass(frozen=True)
class Lengths:
    """How many characters each language writes for one English character, measured on faithful
    translations (``python -m bench.lengths``): the usual ratio of a pair whose article is too short
    to give its own. A pair of two other languages takes the quotient of theirs."""
    per_english_char: dict
    file_sha256: str

    @classmethod
    def load(cls, path: Path = LENGTHS) -> "Lengths | None":
        if not path.is_file():
            return None
        raw = path.read_bytes()
        return cls(json.loads(raw)["chars_per_english_char"], hashlib.sha256(raw).hexdigest())

    def ratio(self, source_lang: str, target_lang: str) -> float | None:
        """Target characters per source character; None where either language was not measured."""
        source, target = (self.per_english_char.get(lang.split("-")[0].lower()) for lang in (source_lang, target_lang))
        return None if source is None or target is None else target / source


@dataclass
class Thresholds:
    """What one report's checks take from a calibration, recorded for its signature."""

    calibration: Calibration | None
    source_lang: str
    target_lang: str
    used: dict = field(default_factory=dict)  # "check.setting" -> value

    def get(self, check: str, setting: str, default: float) -> float:
        value = None
        if self.calibration is not None:
            value = self.calibration.threshold(check, setting, self.source_lang, self.target_lang)
        if value is None:
            return default
        self.used[f"{check}.{setting}"] = value
        return value

    def detector(self, check: str) -> Detector | None:
        """The detector trained for this check with this model, or None; the signature says
        which (the first 12 hex digits of its numbers' sha256)."""
        data = None if self.calibration is None else self.calibration.detectors.get(check)
        if data is None:
            return None
        digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:12]
        self.used[f"{check}.detector"] = digest
        return Detector.from_dict(data)

    def signature(self) -> dict | None:
        if self.calibration is None:
            return None
        return {"file_sha256": self.calibration.file_sha256, "pair": pair_key(self.source_lang, self.target_lang),
                "used": dict(sorted(self.used.items()))}
