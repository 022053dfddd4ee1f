"""The pipeline, one way: Document -> Sentences -> Alignment -> Findings -> Report."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import checks as check_registry
from . import inputs, language
from .alignment import Aligner, AlignmentSettings, Bead
from .document import (DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCE_CHARS, Document, Sentence, check_sentences,
                       check_size, normalise_newlines)
from .calibration import Calibration, Thresholds
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
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS
    alignment: AlignmentSettings = field(default_factory=AlignmentSettings)
    severity: dict[str, str] = field(default_factory=dict)  # category -> severity, or "off" to drop it
    min_confidence: float = 0.0  # findings less sure than this are not reported
    check_options: dict[str, dict] = field(default_factory=dict)  # check name -> its keyword arguments

    @classmethod
    def from_config(cls, config, **given) -> "Settings":
        """Settings from a ``config.Config``; ``given`` (the command line's) wins over the file."""
        from_file = {"checks": config.checks, "max_chars": config.max_chars,
                     "max_sentence_chars": config.max_sentence_chars, "alignment": config.alignment,
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
        model = self.encoder.signature()
        self.calibration = Calibration.for_model(model["model"], model["model_sha256"])

    def check_files(self, source: str | Path, target: str | Path, progress: Progress | None = None,
                    **languages: str | None) -> Report:
        """Two files, each an article (what batch manifests name): ``check_paths`` with both."""
        return self.check_paths(source, target, progress=progress, **languages)

    def check_paths(self, source: str | Path, target: str | Path | None = None, progress: Progress | None = None,
                    source_lang: str | None = None, target_lang: str | None = None) -> Report:
        """Check what the paths hold: two articles (text, Markdown, HTML), or one bilingual file
        (XLIFF, TMX, PO) with ``target`` left out."""
        loaded = inputs.load(source, target, self.settings.max_chars,
                             target_lang=target_lang or self.settings.target_lang)
        return self.check_input(loaded, progress=progress, source_lang=source_lang, target_lang=target_lang)

    def check_input(self, loaded: inputs.ArticlePair | inputs.BilingualFile, progress: Progress | None = None,
                    source_lang: str | None = None, target_lang: str | None = None) -> Report:
        """Check what ``inputs.load`` read. Languages given here or in the settings come before
        those a bilingual file's metadata names."""
        if isinstance(loaded, inputs.ArticlePair):
            return self.check(loaded.source.text, loaded.target.text, progress=progress,
                              names=(loaded.source.path, loaded.target.path),
                              markdown=self.settings.markdown or loaded.source.format == "markdown",
                              source_lang=source_lang, target_lang=target_lang, input_format=loaded.format)
        warnings = list(loaded.notes)
        source_lang = source_lang or self.settings.source_lang or _file_language(loaded.source_lang, loaded.path,
                                                                                 warnings)
        target_lang = target_lang or self.settings.target_lang or _file_language(loaded.target_lang, loaded.path,
                                                                                 warnings)
        return self.check_segments([(s.source, s.target) for s in loaded.segments], progress=progress,
                                   names=(f"{loaded.path} (source)", f"{loaded.path} (target)"),
                                   source_lang=source_lang, target_lang=target_lang,
                                   input_format=loaded.format, warnings=warnings)

    def check(self, source: str, target: str, progress: Progress | None = None,
              names: tuple[str, str] = ("source", "target"), markdown: bool | None = None,
              source_lang: str | None = None, target_lang: str | None = None,
              input_format: str = "text") -> Report:
        """Check one pair; ``source_lang``/``target_lang`` override the settings for this pair."""
        notify = progress or (lambda stage: None)
        settings = self.settings
        markdown = settings.markdown if markdown is None else markdown
        warnings: list[str] = []
        source_doc, target_doc = documents = self._documents(
            (source, target), names, (source_lang, target_lang), warnings)

        notify("segmenting")
        for document in documents:
            if settings.segmentation == "lines":
                segment_lines(document)
            else:
                segment(document, markdown=markdown)
        check_sentences(documents, settings.max_sentence_chars)

        notify("aligning")
        # Given a sentence a line, a line is no paragraph: its number would say nothing.
        paragraphs = (None if settings.segmentation == "lines"
                      else tuple([s.paragraph for s in document.sentences] for document in documents))
        alignment = self.aligner.align(
            [s.text for s in source_doc.sentences], [s.text for s in target_doc.sentences],
            source_joiner=_joiner(source_doc.lang), target_joiner=_joiner(target_doc.lang), paragraphs=paragraphs)

        segmentation = "icu" if settings.segmentation == "auto" else "lines"
        return self._run_checks(source_doc, target_doc, alignment, warnings, notify,
                                self.signature(source_doc.lang, target_doc.lang, segmentation=segmentation,
                                               input_format=input_format, markdown=markdown))

    def check_segments(self, pairs: Iterable[tuple[str, str]], progress: Progress | None = None,
                       names: tuple[str, str] = ("source", "target"), source_lang: str | None = None,
                       target_lang: str | None = None, input_format: str = "segments",
                       warnings: Iterable[str] = ()) -> Report:
        """Check a pre-segmented pair, as a bilingual file pairs its units: each (source, target)
        is one sentence a side and one bead, not re-aligned; an empty target is a source segment
        nobody translated (a 1-0 bead, so an omission), an empty source a 0-1 bead."""
        notify = progress or (lambda stage: None)
        warnings = list(warnings)
        pairs = [(_segment_text(s), _segment_text(t)) for s, t in pairs]
        pairs = [(s, t) for s, t in pairs if s or t]
        sides = ([s for s, _ in pairs if s], [t for _, t in pairs if t])
        for texts, name in zip(sides, names):
            if not texts:
                raise InputError(f"{name}: no segment has text on this side")
        source_doc, target_doc = documents = self._documents(
            tuple(_SEGMENT_SEPARATOR.join(texts) for texts in sides), names, (source_lang, target_lang), warnings)

        notify("segmenting")
        for document, texts in zip(documents, sides):
            _one_sentence_per_segment(document, texts)
        check_sentences(documents, self.settings.max_sentence_chars)

        notify("aligning")
        pairing, i, j = [], 0, 0
        for source, target in pairs:
            pairing.append((i if source else None, j if target else None))
            i, j = i + bool(source), j + bool(target)
        alignment = self.aligner.score_pairing(*sides, pairing)

        return self._run_checks(source_doc, target_doc, alignment, warnings, notify,
                                self.signature(source_doc.lang, target_doc.lang, segmentation="file",
                                               input_format=input_format, markdown=False))

    def _documents(self, texts: tuple[str, str], names: tuple[str, str], languages: tuple[str | None, str | None],
                   warnings: list[str]) -> tuple[Document, Document]:
        settings = self.settings
        documents = []
        for text, name, lang in zip(texts, names, (languages[0] or settings.source_lang,
                                                   languages[1] or settings.target_lang)):
            text = check_size(normalise_newlines(text).lstrip("\ufeff"), name, settings.max_chars)
            documents.append(Document(text, self._language(text, name, lang, warnings), name=name))
        source_doc, target_doc = documents
        if source_doc.lang == target_doc.lang:
            warnings.append(f"both sides are in the same language ({source_doc.lang}): "
                            "checking them as a pair all the same")
        return source_doc, target_doc

    def _run_checks(self, source_doc: Document, target_doc: Document, alignment: list[Bead], warnings: list[str],
                    notify: Progress, signature: dict) -> Report:
        notify("checking")
        thresholds = Thresholds(self.calibration, source_doc.lang, target_doc.lang)
        context = check_registry.CheckContext(source_doc, target_doc, alignment, self.encoder, thresholds)
        findings = reweigh([finding for check in self.checks for finding in check.run(context)],
                           self.settings.severity, self.settings.min_confidence)
        calibration = thresholds.signature()
        if calibration is not None:
            signature = {**signature, "calibration": calibration}
        return Report(source_doc, target_doc, alignment, findings, signature, warnings)

    def signature(self, source_lang: str, target_lang: str, segmentation: str | None = None,
                  input_format: str = "text", markdown: bool | None = None) -> dict:
        settings = self.settings
        if segmentation is None:
            segmentation = "icu" if settings.segmentation == "auto" else "lines"
        return {
            "version": self.version,
            **self.encoder.signature(),
            "settings": {
                "source_lang": source_lang, "target_lang": target_lang,
                "input": input_format,
                # "file": a bilingual file's own segments and pairs, not segmented nor aligned here.
                "segmentation": segmentation,
                "markdown": settings.markdown if markdown is None else markdown,
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


# Segments of a bilingual file are laid out as paragraphs: every offset a report gives points
# into this text, and a segment never runs into the next.
_SEGMENT_SEPARATOR = "\n\n"


def _segment_text(text: str) -> str:
    return normalise_newlines(text or "").lstrip("\ufeff").strip()


def _one_sentence_per_segment(document: Document, texts: list[str]) -> None:
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, position, position + len(text), text, index))
        position += len(text) + len(_SEGMENT_SEPARATOR)
    document.sentences = sentences


def _file_language(code: str | None, path: str, warnings: list[str]) -> str | None:
    """A bilingual file's language code, or None (then identified) where it is not one ICU knows."""
    if not code:
        return None
    try:
        return language.validate(code)
    except InputError:
        warnings.append(f"{path}: the file's language {code!r} is not a language code; identified instead")
        return None


def check(source: str, target: str, **settings) -> Report:
    """Check one translation: ``source`` and ``target`` are the articles' texts.

    Keyword arguments are ``Settings`` fields (source_lang, target_lang, model, checks, …).
    """
    return Checker(Settings(**settings)).check(source, target)
