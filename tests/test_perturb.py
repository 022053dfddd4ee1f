"""The benchmark's planted drift: each kind changes the text, and its label points at the change."""
from __future__ import annotations

import pytest

from bench import renderings
from bench.perturb import PERTURBATIONS, document_span, plant

SOURCE = [
    "Putin writes to the mayor of London",
    "The city will spend 25 million pounds on 300 new buses, officials said on Tuesday.",
    "“We are not going to wait for another winter,” the mayor told reporters outside City Hall.",
    "The plan, which was first announced in 2019, has not been approved by the council yet.",
    "“The new buses will all be electric,” Putin said in a letter sent from Moscow.",
]
TARGET = [
    "Poutine écrit au maire de Londres",
    "La ville dépensera 25 millions de livres pour 300 nouveaux bus, ont indiqué les responsables mardi.",
    "« Nous n'allons pas attendre un autre hiver », a déclaré le maire aux journalistes devant l'hôtel de ville.",
    "Le plan, annoncé pour la première fois en 2019, n'a pas encore été approuvé par le conseil.",
    "« Les nouveaux bus seront tous électriques », a déclaré Poutine dans une lettre envoyée de Moscou.",
]
OTHERS = ["Une autre nouvelle sans rapport avec cet article, tirée d'ailleurs.",
          "Les pompiers sont intervenus dans la nuit, après un incendie qui a détruit trois entrepôts du port."]


def changed_region(old: str, new: str) -> tuple[int, int]:
    """[start, end) in ``new`` of what differs from ``old`` (empty where text was only deleted)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, len(new) - suffix


@pytest.fixture(autouse=True)
def renderings_of_the_test_article(monkeypatch):
    """The name kinds take renderings from the NTREX inventory; this article brings its own."""
    monkeypatch.setattr(renderings, "pairs", lambda source_lang, target_lang: [("London", "Londres"),
                                                                           ("Putin", "Poutine"), ("Moscow", "Moscou"),
                                                                           ("Berlin", "Berlin")])


@pytest.mark.parametrize("kind", sorted(PERTURBATIONS))
def test_label_points_at_the_planted_change(kind):
    before = list(TARGET)
    planted = plant(kind, "test", SOURCE, TARGET, "en", "fr", OTHERS)
    assert TARGET == before, "the professional translation is never edited in place"
    assert planted is not None, f"{kind} found nothing to change in the test article"
    label = planted.label
    assert f"{label.category}/{label.kind}" == kind
    old, new = "\n".join(TARGET), "\n".join(planted.target)
    assert old != new
    start, end = changed_region(old, new)
    if label.side == "target":
        span_start, span_end = document_span(planted.target, label)
        assert span_start <= start and end <= span_end or (span_start < end and start < span_end), (
            kind, new[span_start:span_end], new[start:end])
    else:
        # What the target lost is the rendering of the labelled source text.
        span_start, span_end = document_span(SOURCE, label)
        labelled = "\n".join(SOURCE)[span_start:span_end]
        lost = old[start:start + len(old) - len(new)]
        assert len(new) < len(old) and labelled
        if kind == "name/dropped":
            assert (labelled, lost.strip()) in {("Putin", "Poutine"), ("London", "Londres"), ("Moscow", "Moscou")}
        elif kind == "figure/dropped":
            assert labelled == lost.strip() and labelled.isdigit()
        else:
            assert labelled == SOURCE[label.line]
            assert lost.strip() and lost.strip() in TARGET[label.line]


def test_same_seed_same_case_other_seed_may_differ():
    first = plant("figure/value", "seed-a", SOURCE, TARGET, "en", "fr", OTHERS)
    again = plant("figure/value", "seed-a", SOURCE, TARGET, "en", "fr", OTHERS)
    assert first.target == again.target and first.label == again.label
    variants = {tuple(plant("figure/value", f"seed-{k}", SOURCE, TARGET, "en", "fr", OTHERS).target) for k in range(10)}
    assert len(variants) > 1


def test_script_of_digits_is_kept():
    planted = plant("figure/value", "x", ["He sent 10 soldiers."], ["أرسل ١٠ جنود."], "en", "ar", [])
    changed = "".join(planted.target)
    assert changed != "أرسل ١٠ جنود." and all(not c.isdigit() or "٠" <= c <= "٩" for c in changed)


@pytest.mark.parametrize("lang, joiner", [("fr", ", "), ("zh", "，")])
def test_an_appended_clause_is_another_articles_clause_joined_before_the_final_stop(lang, joiner):
    planted = plant("addition/clause", "clause", SOURCE, TARGET, "en", lang, OTHERS)
    line, label = planted.target[planted.label.line], planted.label
    assert (label.side, label.sentence_level) == ("target", False)
    assert line[label.start:label.end] == "après un incendie qui a détruit trois entrepôts du port"
    original = TARGET[label.line]
    assert line == original[:-1] + joiner + line[label.start:label.end] + original[-1]


def test_a_swapped_speaker_is_the_name_the_reporting_verb_attributes_the_quote_to():
    # Line 4 names its speaker ("Putin said"); line 0 names Putin too, but no quotation is his there.
    planted = plant("quote/speaker", "test", SOURCE, TARGET, "en", "fr", OTHERS)
    label = planted.label
    assert label.line == 4 and "Poutine" not in planted.target[4]
    assert planted.target[4][label.start:label.end] in {"Londres", "Moscou", "Berlin"}


@pytest.mark.parametrize("line, name, speaks", [
    ("“We will win,” Lavrov said in a statement.", "Lavrov", True),
    ("“We will win,” said Anna Petrova, a voter.", "Petrova", True),
    ("“We will win,” according to Dr. John Smith of the institute.", "Smith", True),
    ("Kim also told reporters: “We will win.”", "Kim", True),
    ("Putin said that Lavrov “suffered” in the talks.", "Lavrov", False),
    ("“We will win,” he said in a statement on Twitter.", "Twitter", False),
])
def test_the_speaker_of_a_reporting_verb_stands_beside_it(line, name, speaks):
    from bench.perturb import _speaks
    assert _speaks(line, line.index(name), name) is speaks
