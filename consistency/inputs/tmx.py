"""TMX, read with translate-toolkit's ``tmx`` store.

The source language is the header's ``srclang``; the target is the language of the other
``<tuv>`` (``xml:lang``). A TMX holding several target languages needs ``--target-lang`` to
say which one to check.
"""
from __future__ import annotations

from ..errors import InputError
from .base import BilingualFile, SegmentPair
from .inline import plain_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read_tmx(path: str, data: bytes, target_lang: str | None = None) -> BilingualFile:
    from translate.storage.tmx import tmxfile

    store = tmxfile.parsestring(data)
    header = store.document.getroot().find("header")
    source_lang = header.get("srclang") if header is not None else None
    if not source_lang or source_lang == "*all*":
        raise InputError(f"{path}: the TMX header names no source language (srclang)")
    units = [unit for unit in store.units if not unit.isheader()]
    others = sorted({_lang(node) for unit in units for node in unit.getlanguageNodes()} - {_lang_key(source_lang)})
    if target_lang:
        wanted = _lang_key(target_lang)
        chosen = [lang for lang in others if lang.split("-")[0] == wanted.split("-")[0]]
    else:
        chosen = others
    if len(chosen) != 1:
        listed = ", ".join(others) or "none"
        raise InputError(f"{path}: cannot tell which target language to check (languages besides "
                         f"{source_lang}: {listed}); give one with --target-lang")
    target_key = chosen[0]
    segments = []
    for unit in units:
        texts = {_lang(node): _seg_text(node) for node in unit.getlanguageNodes()}
        segments.append(SegmentPair(texts.get(_lang_key(source_lang), ""), texts.get(target_key, ""),
                                    unit.xmlelement.get("tuid") or ""))
    return BilingualFile(path, "tmx", tuple(segments), source_lang, _original_case(units, target_key))


def _lang(node) -> str:
    return _lang_key(node.get(_XML_LANG) or node.get("lang") or "")  # TMX 1.1 used lang=


def _lang_key(code: str) -> str:
    return code.strip().replace("_", "-").lower()


def _seg_text(node) -> str:
    seg = node.find("seg")
    return plain_text(seg) if seg is not None else ""


def _original_case(units, key: str) -> str:
    for unit in units:
        for node in unit.getlanguageNodes():
            if _lang(node) == key:
                return node.get(_XML_LANG) or node.get("lang")
    return key
