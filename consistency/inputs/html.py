"""An HTML article: its main text, one paragraph per block, boilerplate left out.

readability-lxml (Mozilla's Readability scoring over lxml) finds the article's main block and
drops navigation, scripts, sidebars and footers; its output is HTML, from which the title and
each heading, paragraph, list item and quotation are taken as one paragraph, with a blank line
between, so that segmentation keeps the article's paragraphs. (trafilatura extracts as well
but brings a dozen packages, date parsing among them, that a checker has no use for.)
"""
from __future__ import annotations

import re

from ..errors import InputError

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dd", "dt", "figcaption",
           "td", "th", "div"}
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: a no-break space stays


def article_text(path: str, html: str) -> str:
    import lxml.html
    from lxml.etree import ParserError
    from readability import Document

    try:
        page = Document(html)
        title = _headline(lxml.html.fromstring(html), page.title()) or page.short_title()
        main = lxml.html.fromstring(page.summary(html_partial=True))
    except (ParserError, ValueError) as error:
        raise InputError(f"{path}: cannot read as HTML ({error})") from None
    for line_break in main.iter("br"):  # text_content() would glue the lines together
        line_break.tail = "\n" + (line_break.tail or "")
    paragraphs = [text for text in map(_flat, _leaf_blocks(main)) if text]
    if title and (not paragraphs or paragraphs[0] != _flat_text(title)):
        paragraphs.insert(0, _flat_text(title))
    if not paragraphs:
        raise InputError(f"{path}: no article text found in the HTML")
    return "\n\n".join(paragraphs)


def _headline(root, page_title: str) -> str:
    """The story's <h1>: readability keeps the body and often drops it, and the page's <title>
    carries the site's name as well. A site's logo can be an <h1> too, and the <title> repeats
    the site's name, so the headline is the longest <h1> the <title> repeats, or the only one."""
    headings = [_flat_text(h.text_content()) for h in root.xpath("//h1")]
    in_title = [h for h in headings if h and h in _flat_text(page_title)]
    return max(in_title, key=len) if in_title else headings[0] if len(headings) == 1 else ""


def _leaf_blocks(root):
    """Block elements holding no other block: each is one paragraph of the article."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS \
                and not any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants()):
            yield element


def _flat(element) -> str:
    return _flat_text(element.text_content())


def _flat_text(text: str) -> str:
    """HTML's whitespace collapses to one space when rendered: a paragraph is one line."""
    return _SPACES.sub(" ", text).strip()
