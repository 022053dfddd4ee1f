"""The lengthened check: a translation far longer than the article's usual ratio, with words that
render nothing in the source, has gained a part; the finding points at it in the translation."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from consistency.alignment import Bead
from consistency.checks.shortened import long_enough

SOURCE = (SEEDS / "source" / "000.en.txt").read_text(encoding="utf-8")
FRENCH = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
LANGS = ("ar", "de", "es", "fr", "ja", "ko", "ru", "zh")
# Nothing in the source says anything of markets.
APPENDED = ", alors que les marchés financiers asiatiques ont nettement reculé pendant toute la semaine dernière."


@pytest.fixture(scope="module")
def lengthened(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(checks=("lengthened",)), encoder=default_encoder)


@pytest.mark.parametrize("lang", LANGS)
def test_no_finding_on_the_faithful_seed_translations(lengthened, lang):
    target = (SEEDS / "faithful" / f"000.{lang}.txt").read_text(encoding="utf-8")
    assert lengthened.check(SOURCE, target).findings == []


def _appended(line: int) -> str:
    lines = FRENCH.splitlines()
    lines[line] = lines[line].rstrip(".") + APPENDED
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("line", [3, 7, 9])
def test_a_clause_appended_to_a_translated_sentence_is_found_and_pointed_at(lengthened, line):
    report = lengthened.check(SOURCE, _appended(line), source_lang="en", target_lang="fr")
    (finding,) = report.findings
    assert finding.category == "addition" and finding.severity == "major" and finding.check == "lengthened"
    assert finding.target.text == APPENDED.lstrip(", ") and finding.details["added"] == finding.target.text
    assert finding.source.sentence == finding.target.sentence == line
    assert finding.source.text == report.source.sentences[line].text
    # The evidence reads as the pair stands: the translation is the longer side.
    details = finding.details
    assert details["target_chars"] > 1.25 * details["usual_ratio"] * details["source_chars"]
    assert details["source_sentences"] == [line] == details["target_sentences"]
    assert details["translation_passage"].endswith(APPENDED) and details["detector_probability"] > 0.84
    assert "seems added" in finding.message and "the target part “alors que les marchés" in finding.message


def test_the_same_addition_is_not_an_omission_and_a_cut_is_not_an_addition(default_encoder):
    from consistency import Checker, Settings

    both = Checker(Settings(checks=("shortened", "lengthened")), encoder=default_encoder)
    assert [f.check for f in both.check(SOURCE, _appended(7)).findings] == ["lengthened"]
    cut = FRENCH.replace(", y voyant la preuve d’une véritable «\u00a0fraternité de combat\u00a0» entre les deux pays", "", 1)
    assert [f.check for f in both.check(SOURCE, cut).findings] == ["shortened"]


def test_the_mirrored_context_exchanges_the_documents_and_each_beads_sides():
    from consistency.checks.base import CheckContext

    context = CheckContext("source", "target", [Bead((0, 1), (0,), 0.9), Bead((2,), (), -0.1)], encoder=None)
    mirrored = context.mirrored()
    assert (mirrored.source, mirrored.target) == ("target", "source")
    assert mirrored.alignment == [Bead((0,), (0, 1), 0.9), Bead((), (2,), -0.1)]


def test_a_passage_is_long_enough_in_either_language():
    # Twelve Chinese characters against English at 3.5 characters each: long enough, as forty English ones are.
    assert long_enough(12, 3.5) and long_enough(40, 0.3)
    assert not long_enough(30, 1.1) and not long_enough(10, 3.5)
