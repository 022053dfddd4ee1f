"""Coverage-guided fuzz targets (atheris / libFuzzer) for the hand-written parsers: figure
extraction and quotation detection. ``make fuzz`` runs each; a crash, a broken invariant or an
input slower than libFuzzer's ``-timeout`` stops the run and leaves the input in ``fuzz/out/``.

    python -m fuzz.targets figures -max_total_time=600 fuzz/out/figures seeds/source ...

Each target reads the fuzzer's bytes as (language, text) and checks what every caller relies on:
spans inside the text and equal to it, quotations nested properly, values that are numbers."""
from __future__ import annotations

import sys
from fractions import Fraction

import atheris

with atheris.instrument_imports(include=["consistency"]):
    from consistency.document import Document
    from consistency.figures import extract as figures
    from consistency.quotes import find_quotes
    from consistency.segmentation import segment

LANGS = ("en", "fr", "de", "es", "it", "pl", "ru", "uk", "ar", "fa", "he", "hi", "zh", "ja", "ko", "tr")


def _read(data: bytes) -> tuple[str, str]:
    provider = atheris.FuzzedDataProvider(data)
    lang = provider.PickValueInList(list(LANGS))
    return lang, provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())


def figures_target(data: bytes) -> None:
    lang, text = _read(data)
    for figure in figures(text, lang):
        assert 0 <= figure.start <= figure.end <= len(text), (figure, len(text))
        assert text[figure.start:figure.end] == figure.text, figure
        assert figure.values and all(isinstance(v, Fraction) for v in figure.values), figure


def quotes_target(data: bytes) -> None:
    lang, text = _read(data)
    if not text.strip():
        return
    document = segment(Document(text, lang))
    if not document.sentences:
        return  # markup or punctuation only ("\t>"): the pipeline refuses it (tests/test_cli.py)
    enclosing: list = []
    for quote in find_quotes(document):
        assert 0 <= quote.start <= quote.end <= len(text) and text[quote.start:quote.end] == quote.text, quote
        for mark in (quote.open_mark, quote.close_mark):
            assert mark is None or 0 <= mark < len(text), quote
        assert quote.balanced == (quote.open_mark is not None and quote.close_mark is not None) \
            or quote.style == "dash-dialogue", quote
        # Reading order, an outer quotation before those inside it: depth is the nesting seen.
        while enclosing and not (enclosing[-1].start <= quote.start and quote.end <= enclosing[-1].end):
            enclosing.pop()
        assert quote.depth == len(enclosing), quote
        enclosing.append(quote)


TARGETS = {"figures": figures_target, "quotes": quotes_target}


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in TARGETS:
        sys.exit(f"usage: python -m fuzz.targets {{{','.join(TARGETS)}}} [libFuzzer options] [corpus dirs]")
    atheris.Setup([argv[0], *argv[2:]], TARGETS[argv[1]])
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
