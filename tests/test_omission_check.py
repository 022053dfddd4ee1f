"""The omission check's severity: a dropped sentence is critical when it held a quotation, a
figure or a name, and each finding lists what its sentence held; an added one is critical only
when it puts a quotation in someone's mouth."""
from __future__ import annotations

import pytest

from consistency import Checker, Settings

SOURCE = ("Ministers met in Geneva on Monday.\n"
          "The talks lasted 14 hours.\n"
          "“We are closer than ever,” the envoy said.\n"
          "The meeting ended late in the evening.\n"
          "Both delegations will return next month.\n")
TARGET = ("Les ministres se sont réunis à Genève lundi.\n"
          "Les pourparlers ont duré 14 heures.\n"
          "« Nous n’avons jamais été aussi proches », a déclaré l’émissaire.\n"
          "La réunion s’est terminée tard dans la soirée.\n"
          "Les deux délégations reviendront le mois prochain.\n")


@pytest.fixture(scope="module")
def check(default_encoder):
    checker = Checker(Settings(checks=("omission",)), encoder=default_encoder)

    def run(source: str, target: str):
        report = checker.check(source, target, source_lang="en", target_lang="fr")
        return [(f.category, f.severity, f.details["holds"]) for f in report.findings]

    return run


def without(text: str, line: int) -> str:
    return "".join(l for k, l in enumerate(text.splitlines(keepends=True)) if k != line)


def test_the_untouched_pair_has_no_finding(check):
    assert check(SOURCE, TARGET) == []


@pytest.mark.parametrize("line, holds", [
    (0, {"names": ["Geneva"]}),
    (1, {"figures": ["14"]}),
    (2, {"quotations": ["“We are closer than ever,”"]}),
])
def test_a_dropped_sentence_holding_a_name_figure_or_quotation_is_critical(check, line, holds):
    assert check(SOURCE, without(TARGET, line)) == [("omission", "critical", holds)]


def test_a_dropped_sentence_holding_none_of_them_is_major(check):
    assert check(SOURCE, without(TARGET, 3)) == [("omission", "major", {})]


def test_an_added_quotation_is_critical_and_an_added_name_major(check):
    quoted = TARGET + "« C’est une victoire », a ajouté l’émissaire.\n"
    named = TARGET + "Le président Macron a salué l’accord.\n"
    assert check(SOURCE, quoted) == [("addition", "critical", {"quotations": ["« C’est une victoire »"]})]
    assert check(SOURCE, named) == [("addition", "major", {"names": ["Macron"]})]


@pytest.mark.parametrize("segmentation, paragraphs", [
    ("auto", ([0, 1, 1], [0, 1, 1])),  # two sentences of the second paragraph on each side
    ("lines", None),  # a sentence a line: a line is no paragraph
])
def test_the_aligner_reads_paragraphs_only_where_the_text_has_them(default_encoder, monkeypatch,
                                                                 segmentation, paragraphs):
    checker = Checker(Settings(checks=("omission",), segmentation=segmentation), encoder=default_encoder)
    seen = []
    align = checker.aligner.align
    monkeypatch.setattr(checker.aligner, "align",
                        lambda *args, **kwargs: seen.append(kwargs["paragraphs"]) or align(*args, **kwargs))
    source = "Ministers met in Geneva on Monday.\n\nThe talks lasted 14 hours. They ended late.\n"
    target = "Les ministres se sont réunis à Genève lundi.\n\nLes pourparlers ont duré 14 heures. Ils ont fini tard.\n"
    if segmentation == "lines":
        source, target = source.replace(" They", "\nThey"), target.replace(" Ils", "\nIls")
    checker.check(source, target, source_lang="en", target_lang="fr")
    assert seen == [paragraphs]
