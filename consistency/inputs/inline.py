"""A segment's text from its XML element: text inside paired markup kept, native codes dropped.

translate-toolkit's ``unit.source`` keeps the content of XLIFF 1.2 ``<ph>``/``<bpt>``/``<ept>``
and TMX's codes (``<b>``, ``<br/>`` of the original format), which is markup, not text a
reader sees; so the text is taken from the unit's parsed source/target elements here.
"""
from __future__ import annotations

from lxml import etree

# Elements whose content is the original format's markup (XLIFF 1.2, TMX) or that stand for it
# with no text of their own (XLIFF 2 <ph/>, <sc/>, <ec/>; XLIFF 1.2 <x/>, <bx/>, <ex/>).
# Paired markup that wraps real text (<g>, <pc>, <mrk>, <hi>) is walked into.
_NATIVE_CODE = {"ph", "bpt", "ept", "it", "ut", "sub", "x", "bx", "ex", "sc", "ec", "sm", "em"}


def plain_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            if name == "cp":  # XLIFF 2: a code point XML cannot carry
                parts.append(_code_point(child.get("hex", "")))
            elif name not in _NATIVE_CODE:
                parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _code_point(hex_value: str) -> str:
    try:
        return chr(int(hex_value, 16))
    except ValueError:
        return ""
