"""Inputs: a path becomes one article's text per side, or a bilingual file's segment pairs.

=============  ===================================  =======================================
format         recognised by                        read with
=============  ===================================  =======================================
plain text     any other file                       ``document.read_text``
Markdown       ``.md``, ``.markdown``               ``document.read_text`` (segmented as Markdown)
HTML article   ``.html``, ``.htm``, ``.xhtml``      readability-lxml (``html.py``)
XLIFF 1.2/2.x  ``.xlf``, ``.xliff``, ``.xlf2``      translate-toolkit ``xliff`` / ``xliff2``
TMX            ``.tmx``                             translate-toolkit ``tmx``
PO             ``.po``, ``.pot``                    translate-toolkit ``pypo``
=============  ===================================  =======================================

A file with another extension (``.xml``, none) is recognised by its XML root element
(``<xliff version>``, ``<tmx>``, ``<html>``); ``.txt`` is always plain text.
"""
from __future__ import annotations

from pathlib import Path

from ..document import DEFAULT_MAX_CHARS, read_text
from ..errors import InputError
from .base import Article, ArticlePair, BilingualFile, SegmentPair

__all__ = ["Article", "ArticlePair", "BilingualFile", "SegmentPair", "detect_format", "load",
           "BILINGUAL_FORMATS"]

BILINGUAL_FORMATS = ("xliff", "tmx", "po")
_BY_EXTENSION = {".xlf": "xliff", ".xliff": "xliff", ".xlf2": "xliff", ".tmx": "tmx", ".po": "po",
                 ".pot": "po", ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown",
                 ".markdown": "markdown", ".txt": "text"}
_BY_ROOT = {"xliff": "xliff", "tmx": "tmx", "html": "html"}


def load(source: str | Path, target: str | Path | None = None, max_chars: int = DEFAULT_MAX_CHARS,
         target_lang: str | None = None) -> ArticlePair | BilingualFile:
    """Read what ``consistency check`` was given: a bilingual file alone, or two articles.
    ``target_lang`` picks the language to check in a TMX holding several."""
    source_format = detect_format(source)
    if source_format in BILINGUAL_FORMATS:
        if target is not None:
            raise InputError(f"{source}: a {source_format.upper()} file holds both sides; give it alone, "
                             "without a second file")
        return read_bilingual(source, source_format, max_chars, target_lang)
    if target is None:
        raise InputError(f"{source}: an article needs its translation as a second file "
                         "(only XLIFF, TMX and PO files hold both sides)")
    target_format = detect_format(target)
    if target_format in BILINGUAL_FORMATS:
        raise InputError(f"{target}: a {target_format.upper()} file holds both sides; give it alone")
    return ArticlePair(read_article(source, source_format, max_chars), read_article(target, target_format, max_chars))


def detect_format(path: str | Path) -> str:
    """'text', 'markdown', 'html', 'xliff', 'tmx' or 'po': by extension, else by XML root."""
    path = Path(path)
    _must_be_file(path)
    known = _BY_EXTENSION.get(path.suffix.lower())
    if known:
        return known
    return _BY_ROOT.get(_root_name(path), "text")


def read_article(path: str | Path, format: str, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    text = read_text(path, max_chars)
    if format == "html":
        from .html import article_text

        text = article_text(str(path), text)
    return Article(str(path), format, text)


def read_bilingual(path: str | Path, format: str, max_chars: int = DEFAULT_MAX_CHARS,
                   target_lang: str | None = None) -> BilingualFile:
    from lxml import etree

    path = Path(path)
    _must_be_file(path)
    data = _read_bytes(path, max_chars)
    try:
        if format == "xliff":
            from .xliff import read_xliff

            loaded = read_xliff(str(path), data, _xliff_version(path, data))
        elif format == "tmx":
            from .tmx import read_tmx

            loaded = read_tmx(str(path), data, target_lang)
        else:
            from .po import read_po

            loaded = read_po(str(path), data)
    except InputError:
        raise
    except etree.XMLSyntaxError as error:
        raise InputError(f"{path}: not well-formed XML ({error})") from None
    except (ValueError, TypeError, AttributeError, StopIteration) as error:
        # translate-toolkit's stores raise these on files of the right syntax but wrong shape.
        raise InputError(f"{path}: not a valid {format.upper()} file ({error or type(error).__name__})") from None
    if not any(s.source.strip() or s.target.strip() for s in loaded.segments):
        raise InputError(f"{path}: holds no segments")
    return loaded


def _xliff_version(path: Path, data: bytes) -> str:
    from lxml import etree

    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    if etree.QName(root).localname != "xliff":
        raise InputError(f"{path}: not XLIFF (the root element is <{etree.QName(root).localname}>)")
    version = root.get("version") or ""
    if ":2." in (etree.QName(root).namespace or ""):
        version = version or "2.0"
    if not version:
        raise InputError(f"{path}: the <xliff> element gives no version")
    return version


def _root_name(path: Path) -> str:
    """The root element's name, or '' when the file does not start as XML or HTML does."""
    from lxml import etree

    try:
        for _, element in etree.iterparse(str(path), events=("start",), resolve_entities=False,
                                          no_network=True, recover=True, html=False):
            return etree.QName(element).localname.lower()
    except etree.XMLSyntaxError:
        pass
    return ""


def _read_bytes(path: Path, max_chars: int) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(max_chars * 4 + 1)
    if len(data) > max_chars * 4:
        raise InputError(f"{path}: larger than {max_chars * 4:,} bytes (raise the limit with --max-chars)")
    return data


def _must_be_file(path: Path) -> None:
    if path.is_symlink():  # as document.read_text: only what the user names directly is read
        raise InputError(f"{path}: is a symbolic link; give the file it points to ({path.resolve()})")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
