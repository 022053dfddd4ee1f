"""The bidi check: a control that shows a reader other letters or digits than the text holds is
reported, with what it reads as and what it shows; controls that only do their job are not."""
from __future__ import annotations

import pytest

from consistency.alignment import Bead
from consistency.checks.base import CheckContext
from consistency.checks.bidi import BidiCheck, hidden_reorderings
from consistency.document import Document
from consistency.segmentation import segment

RLO, LRO, PDF, LRI, RLI, PDI, RLE = "\u202e", "\u202d", "\u202c", "\u2066", "\u2067", "\u2069", "\u202b"


def _findings(source: str, target: str, target_lang: str = "fr"):
    documents = [segment(Document(text, lang)) for text, lang in ((source, "en"), (target, target_lang))]
    alignment = [Bead((k,), (k,), 1.0) for k in range(min(len(d.sentences) for d in documents))]
    return list(BidiCheck().run(CheckContext(*documents, alignment, encoder=None)))


def test_a_reversed_name_is_reported_with_what_it_reads_and_shows():
    target = f"Le président {RLO}nituP{PDF} a parlé.\n\nIl est parti."
    (finding,) = _findings("President Putin spoke.\n\nHe left.", target)
    assert finding.category == "hidden" and finding.severity == "major" and finding.source is None
    assert finding.target.text == "nituP" and finding.target.sentence == 0
    assert target[finding.target.start:finding.target.end] == "nituP"
    assert finding.details["target"] == {"reads_as": "nituP", "shows_as": "Putin", "controls": ["U+202E"]}
    assert "“nituP” shows a reader “Putin”" in finding.message


def test_digits_shown_in_another_order_are_reported_on_either_side():
    (finding,) = _findings(f"The toll rose to 12{RLO}34{PDF}.", "Le bilan s'élève à 1234.")
    assert finding.source.text == f"12{RLO}34" and finding.target is None
    assert finding.details["source"]["reads_as"] == "1234" and finding.details["source"]["shows_as"] == "1243"
    # An override never closed runs to the end of the paragraph, and the next sentence with it.
    findings = _findings("Fine.", f"Le bilan est de 12{RLO}34. Puis 56 morts.\n\nAutre paragraphe 78.")
    assert [f.details["target"]["reads_as"] for f in findings] == ["1234", "Puis", "56", "morts"]
    assert [f.target.sentence for f in findings] == [0, 1, 1, 1]


@pytest.mark.parametrize("line, reads, shows", [
    (f"قال {LRO}نيتوب{PDF} أمس", "نيتوب", "بوتين"),  # Arabic letters forced left to right
    (f"x 😀 {RLO}nituP{PDF} y", "nituP", "Putin"),  # offsets past a character beyond the BMP
    (f"Pu{RLO}tin{PDF}", "Putin", "Punit"),  # the control inside the word
    (f"Le bilan: {RLE}1 234{PDF} morts.", "1 234", "234 1"),  # a number's groups are one unit
])
def test_reorderings_in_each_direction(line, reads, shows):
    ((start, end, controls, shows_as),) = hidden_reorderings(line)
    assert line[start:end].replace(RLO, "").replace(LRO, "") == reads and shows_as == shows


@pytest.mark.parametrize("line", [
    f"قال {LRI}Putin{PDI} إن 12 شخصا قتلوا",  # an isolate round a Latin name in Arabic: its job
    f"{RLI}Putin Medvedev{PDI} spoke",  # isolates move whole words, never letters inside one
    f"قال {RLO}نيتوب{PDF} أمس",  # right to left forced on what is right to left already
    "Le bilan s'élève à 1\u200b234 morts, \u200fplus\u200e.",  # zero-width and marks reorder nothing
    "No control at all.",
])
def test_controls_that_change_no_word_are_not_reported(line):
    assert hidden_reorderings(line) == []


def test_the_faithful_seed_with_a_hidden_override_is_reported_by_default(checker):
    from pathlib import Path

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    source = (seeds / "source" / "000.en.txt").read_text(encoding="utf-8")
    target = (seeds / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    assert [f for f in checker.check(source, target).findings if f.category == "hidden"] == []
    name = next(word for word in ("Poutine", "Kim", "Corée") if word in target)
    tampered = target.replace(name, RLO + name[::-1] + PDF, 1)
    (finding,) = [f for f in checker.check(source, tampered).findings if f.category == "hidden"]
    assert finding.check == "bidi" and finding.details["target"]["shows_as"] == name
