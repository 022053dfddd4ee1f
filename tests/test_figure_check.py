"""The figure check on hand-aligned sentence pairs: what is a finding and what is not."""
from __future__ import annotations

from consistency.alignment import Bead
from consistency.checks.base import CheckContext
from consistency.checks.figures import FigureCheck
from consistency.document import Document
from consistency.segmentation import segment


def _findings(source: list[str], target: list[str], source_lang: str = "en", target_lang: str = "fr"):
    """Findings for articles given one sentence per paragraph, sentence k aligned with sentence k."""
    documents = [segment(Document("\n\n".join(lines) + "\n", lang)) for lines, lang in
                 ((source, source_lang), (target, target_lang))]
    assert [len(d.sentences) for d in documents] == [len(source), len(target)]
    alignment = [Bead((k,), (k,), 1.0) for k in range(min(len(source), len(target)))]
    return list(FigureCheck().run(CheckContext(*documents, alignment, encoder=None)))


def test_equal_values_in_other_forms_are_no_finding():
    assert _findings(["More than ten thousand soldiers and 2.5 million rounds."],
                     ["Plus de 10 000 soldats et 2,5 millions de cartouches."]) == []
    assert _findings(["Waves as high as six meters (18 feet) hit the coast."],
                     ["Des vagues de six mètres de haut ont frappé la côte."]) == []
    assert _findings(["The goal came on 3:35."], ["最初のゴールは3分35秒に決まった。"], target_lang="ja") == []
    assert _findings(["They studied at Yale in the 1980s."], ["Estudiaron en Yale en los años 80."],
                     target_lang="es") == []
    # A conversion whose unit the translation misspells is still the two numbers it is written with.
    assert _findings(["Waves as high as six meters (18 feet) hit the coast."],
                     ["6メートル(18フィーと)にも及ぶ波が岸に押し寄せた。"], target_lang="ja") == []
    assert _findings(["He hit the water at the par-3 16th hole."], ["سقطت الكرة بالماء عند الحفرة Par-3 رقم 16."],
                     target_lang="ar") == []


def test_changed_bracketed_conversion_or_name_number_is_still_found():
    (finding,) = _findings(["Waves as high as six meters (18 feet) hit the coast."],
                           ["6メートル(81フィーと)にも及ぶ波が岸に押し寄せた。"], target_lang="ja")
    assert finding.target.text == "81"
    (finding,) = _findings(["COVID-19 killed 19 people."], ["Le COVID-19 a tué 18 personnes."])
    assert (finding.severity, finding.source.text, finding.target.text) == ("critical", "19", "18")
    (finding,) = _findings(["COVID-19 killed 19 people."], ["Le COVID-19 a tué des gens."])
    assert (finding.severity, finding.source.text, finding.target) == ("major", "19", None)


def test_changed_value_is_critical_and_shows_both_spans():
    (finding,) = _findings(["The death toll rose to 832."], ["Le bilan s'élève à 823 morts."])
    assert (finding.category, finding.severity) == ("figure", "critical")
    assert (finding.source.text, finding.target.text) == ("832", "823")


def test_changed_score_is_found_in_its_sentence():
    (finding,) = _findings(["Dundee Stars 5-3 Belfast Giants"], ["Dundee Stars 5-5 Belfast Giants"])
    assert finding.severity == "critical" and finding.target.text == "5"


def test_figure_dropped_from_one_of_two_mentions_is_found():
    findings = _findings(["Death toll rises to 832.", "The death toll has climbed to 832, the agency said."],
                         ["Le bilan s'élève à 832 morts.", "Le bilan s'est encore alourdi, selon l'agence."])
    assert [(f.severity, f.source.text, f.target) for f in findings] == [("major", "832", None)]


def test_figure_moved_to_another_sentence_is_not_lost():
    assert _findings(["The agency spoke on Sunday.", "In all, 832 people died.", "Rescuers kept digging."],
                     ["Selon l'agence, 832 personnes sont mortes dimanche.", "Au total, le bilan est lourd.",
                      "Les secours continuaient."]) == []


def test_hedges_of_one_sense_agree_and_a_dropped_hedge_is_minor():
    assert _findings(["The quake killed nearly 16,700 people."], ["Le séisme a tué près de 16 700 personnes."]) == []
    assert _findings(["About 16,700 people died."], ["Près de 16 700 personnes sont mortes."]) == []
    (finding,) = _findings(["More than 10 percent were displaced."], ["10 % ont été déplacés."])
    assert finding.severity == "minor" and "more" in finding.message


def test_small_spelled_numbers_never_raise_a_finding_alone():
    assert _findings(["Both chains were bought two years ago."], ["Les chaînes ont été achetées il y a peu."]) == []
    assert _findings(["They drew boos at least twice."], ["観客から少なくとも2回ブーイングが起こった。"],
                     target_lang="ja") == []


def test_amount_in_another_currency_is_critical():
    (finding,) = _findings(["Sainsbury's sold the business for £125m."], ["Sainsbury's a vendu l'activité pour 125 millions de dollars."])
    assert finding.severity == "critical" and "currency" in finding.message
    assert finding.details["source"]["currency"] == ["pound"] and finding.details["target"]["currency"] == ["dollar"]
    assert _findings(["It sold for £125m."], ["1억 2500만 파운드에 팔렸다."], target_lang="ko") == []
    assert _findings(["It cost $5bn."], ["It cost 5 billion dollars."], target_lang="en") == []
    assert _findings(["The budget is ¥300bn."], ["预算为3000亿元。"], target_lang="zh") == []  # ¥ is yen or yuan


def test_invisible_characters_inside_figures():
    # Zero-width and directional marks are read through. A bidi override is the bidi check's
    # (tests/test_bidi_check.py): here the figure is compared by the value it holds, and the
    # control is part of the evidence on any finding it has.
    assert _findings(["The death toll rose to 1,234."], ["Le bilan s'élève à 1\u200b234 morts."]) == []
    assert _findings(["Rose to 10,000."], ["\u200f10,000\u200f شخص"], target_lang="ar") == []
    assert _findings(["The death toll rose to 1234."], ["Le bilan s'élève à 12\u202e34 morts."]) == []
    (finding,) = _findings(["The death toll rose to 1234."], ["Le bilan s'élève à 12\u202e35 morts."])
    assert finding.details["target"]["bidi_control"] == "U+202E"
