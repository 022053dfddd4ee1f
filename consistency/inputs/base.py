"""What reading an input gives: one article's text per side, or a bilingual file's segment pairs."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One side as an article: the text the sentence segmenter and the aligner will see."""

    path: str
    format: str  # "text", "markdown" or "html"
    text: str


@dataclass(frozen=True)
class ArticlePair:
    source: Article
    target: Article

    @property
    def format(self) -> str:
        formats = {self.source.format, self.target.format}
        return self.source.format if len(formats) == 1 else f"{self.source.format}+{self.target.format}"


@dataclass(frozen=True)
class SegmentPair:
    """One unit of a bilingual file: its source and its translation, inline codes dropped.
    An empty ``target`` is a unit nobody translated; an empty ``source`` a target with no source."""

    source: str
    target: str
    id: str = ""


@dataclass(frozen=True)
class BilingualFile:
    path: str
    format: str  # "xliff-1.2", "xliff-2", "tmx" or "po"
    segments: tuple[SegmentPair, ...]
    source_lang: str | None  # as the file's metadata gives it; None where it says nothing
    target_lang: str | None
    notes: tuple[str, ...] = ()  # what the report should warn about (draft translations checked)
