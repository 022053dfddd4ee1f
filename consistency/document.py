"""Stage 1, Document: read an article (bytes -> text), normalise newlines, keep offsets honest."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_CHARS = 1_000_000  # about 150,000 words: far beyond any article
# A news sentence is rarely 500 characters; this many with no sentence end is a broken or
# hostile file (a table dump, a run of digits), which every stage would have to work through.
DEFAULT_MAX_SENTENCE_CHARS = 20_000


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # character offsets into Document.text
    end: int
    text: str
    paragraph: int

    def to_dict(self) -> dict:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Document:
    """An article as read: ``text`` has ``\\r\\n`` and ``\\r`` turned into ``\\n`` and a BOM removed;
    every offset in a report points into this string."""

    text: str
    lang: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    name: str = ""

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (the last sentence past the end)."""
        return next((s.index for s in self.sentences if s.start <= offset < s.end), self.sentences[-1].index)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16/32; anything else is refused, never guessed."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: broken {encoding} text at byte {error.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not UTF-8 (invalid byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it to UTF-8 first") from None


def read_text(path: str | Path, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    path = Path(path)
    if path.is_symlink():
        # A link may lead anywhere (a device, a file outside the desk's folders): only what the
        # user names directly is read.
        raise InputError(f"{path}: is a symbolic link; give the file it points to ({path.resolve()})")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a text file")
    # Read at most one byte-budget past the limit so a huge file is refused without loading it.
    with path.open("rb") as handle:
        data = handle.read(max_chars * 4 + 4)
    text = normalise_newlines(decode(data, str(path)))
    return check_size(text, str(path), max_chars)


def check_size(text: str, name: str, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    if len(text) > max_chars:
        raise InputError(f"{name}: longer than {max_chars:,} characters "
                         "(raise the limit with --max-chars)")
    if not text.strip():
        raise InputError(f"{name}: is empty")
    return text


def check_sentences(documents, max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS) -> None:
    """Refuse a document with no sentence (markup or punctuation only: "\t>") or holding a
    sentence longer than the limit, saying where it starts."""
    for document in documents:
        if not document.sentences:
            raise InputError(f"{document.name or 'input'}: holds no sentence to check (only markup, "
                             "punctuation or spaces)")
        for sentence in document.sentences:
            if sentence.end - sentence.start > max_sentence_chars:
                raise InputError(f"{document.name or 'input'}: sentence {sentence.index + 1} (from character "
                                 f"{sentence.start}) is {sentence.end - sentence.start:,} characters long, over the "
                                 f"limit of {max_sentence_chars:,} (raise it with --max-sentence-chars)")
