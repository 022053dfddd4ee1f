"""The pipeline, one way: Document -> Sentences -> Alignment -> Findings -> Report."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from . import checks as check_registry
from . import language
from .alignment import Aligner, AlignmentSettings
from .document import DEFAULT_MAX_CHARS, Document, check_size, normalise_newlines, read_text
from .encoders.base import Encoder
from .encoders.cache import CachedEncoder
from .errors import InputError
from .findings import reweigh
from .report import Report
from .segmentation import segment, segment_lines

# Scripts written without spaces between words: merged sentences are joined without one.
_NO_SPACE_LANGS = {"zh", "ja", "th", "lo", "km", "my"}


@dataclass(frozen=True)
class Settings:
    source_lang: str | None = None  # None: identify from the text
    target_lang: str | None = None
    model: str | None = None  # None: the offline default (multilingual-e5-small)
    checks: tuple[str, ...] | None = None  # None: the default checks (every one not opt-in)
    segmentation: str = "auto"  # "auto": ICU sentences; "lines": one sentence per line
    markdown: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    alignment: AlignmentSettings = field(default_factory=AlignmentSettings)
    severity: dict[str, str] = field(default_factory=dict)  # category -> severity, or "off" to drop it
    min_confidence: float = 0.0  # findings less sure than this are not reported
    check_options: dict[str, dict] = field(default_factory=dict)  # check name -> its keyword arguments

    @classmethod
    def from_config(cls, config, **given) -> "Settings":
        """Settings from a ``config.Config``; ``given`` (the command line's) wins over the file."""
        from_file = {"checks": config.checks, "max_chars": config.max_chars, "alignment": config.alignment,
                     "severity": dict(config.severity), "min_confidence": config.min_confidence,
                     "check_options": config.check_options()}
        merged = {**{k: v for k, v in from_file.items() if v is not None},
                  **{k: v for k, v in given.items() if v is not None}}
        return cls(**merged)


Progress = Callable[[str], None]


class Checker:
    """Holds the loaded model; ``check`` may be called any number of times."""

    def __init__(self, settings: Settings = Settings(), encoder: Encoder | None = None):
        from . import __version__
        from .encoders.registry import load_encoder

        if settings.segmentation not in ("auto", "lines"):
            raise InputError(f"unknown segmentation {settings.segmentation!r} (auto or lines)")
        self.settings = settings
        self.version = __version__
        self.checks = check_registry.create(settings.checks, settings.check_options)
        self.encoder = CachedEncoder(encoder or load_encoder(settings.model))
        self.aligner = Aligner(self.encoder, settings.alignment)

    def check_files(self, source: str | Path, target: str | Path, progress: Progress | None = None,
                    **languages: str | None) -> Report:
        source_text = read_text(source, self.settings.max_chars)
        target_text = read_text(target, self.settings.max_chars)
        markdown = self.settings.markdown or str(source).endswith(".md")
        return self.check(source_text, target_text, progress=progress, names=(str(source), str(target)),
                          markdown=markdown, **languages)

    def check(self, source: str, target: str, progress: Progress | None = None,
              names: tuple[str, str] = ("source", "target"), markdown: bool | None = None,
              source_lang: str | None = None, target_lang: str | None = None) -> Report:
        """Check one pair; ``source_lang``/``target_lang`` override the settings for this pair."""
        notify = progress or (lambda stage: None)
        settings = self.settings
        markdown = settings.markdown if markdown is None else markdown
        warnings: list[str] = []
        documents = []
        for text, name, lang in ((source, names[0], source_lang or settings.source_lang),
                                 (target, names[1], target_lang or settings.target_lang)):
            text = check_size(normalise_newlines(text).lstrip("\ufeff"), name, settings.max_chars)
            documents.append(Document(text, self._language(text, name, lang, warnings), name=name))
        source_doc, target_doc = documents
        if source_doc.lang == target_doc.lang:
            warnings.append(f"both sides are in the same language ({source_doc.lang}): "
                            "checking them as a pair all the same")

        notify("segmenting")
        for document in documents:
            if settings.segmentation == "lines":
                segment_lines(document)
            else:
                segment(document, markdown=markdown)

        notify("aligning")
        alignment = self.aligner.align(
            [s.text for s in source_doc.sentences], [s.text for s in target_doc.sentences],
            source_joiner=_joiner(source_doc.lang), target_joiner=_joiner(target_doc.lang))

        notify("checking")
        context = check_registry.CheckContext(source_doc, target_doc, alignment, self.encoder)
        findings = reweigh([finding for check in self.checks for finding in check.run(context)],
                           settings.severity, settings.min_confidence)
        return Report(source_doc, target_doc, alignment, findings,
                      self.signature(source_doc.lang, target_doc.lang), warnings)

    def signature(self, source_lang: str, target_lang: str) -> dict:
        settings = self.settings
        return {
            "version": self.version,
            **self.encoder.signature(),
            "settings": {
                "source_lang": source_lang, "target_lang": target_lang,
                "segmentation": "icu" if settings.segmentation == "auto" else "lines",
                "markdown": settings.markdown,
                "newlines": "\\r\\n and \\r read as \\n",
                "alignment": asdict(settings.alignment),
                "checks": [c.name for c in self.checks],
                "check_settings": {c.name: c.settings() for c in self.checks if c.settings()},
                **({"severity": dict(sorted(settings.severity.items()))} if settings.severity else {}),
                **({"min_confidence": settings.min_confidence} if settings.min_confidence else {}),
            },
        }

    @staticmethod
    def _language(text: str, name: str, given: str | None, warnings: list[str]) -> str:
        if given:
            return language.validate(given)
        lang, probability = language.detect(text)
        if probability < 0.5:
            warnings.append(f"{name}: language identified as {lang} with low confidence "
                            f"({probability:.2f}); give it with --source-lang/--target-lang")
        return lang


def _joiner(lang: str) -> str:
    return "" if lang in _NO_SPACE_LANGS else " "


def check(source: str, target: str, **settings) -> Report:
    """Check one translation: ``source`` and ``target`` are the articles' texts.

    Keyword arguments are ``Settings`` fields (source_lang, target_lang, model, checks, …).
    """
    return Checker(Settings(**settings)).check(source, target)
