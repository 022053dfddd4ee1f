"""Negation: the cue lexicons of each language, what a statement says without its cue, and the
check that finds a negation one side of a pair lacks."""
from __future__ import annotations

import pytest

from conftest import SEED_LANGS, SEEDS, load_gold
from consistency.negation import GRAMMATICAL, LEXICAL, cues, supported, without

SOURCE = (SEEDS / "source" / "000.en.txt").read_text(encoding="utf-8")


def _cues(text: str, lang: str) -> list[tuple[str, str]]:
    return [(c.text, c.strength) for c in cues(text, lang)]


@pytest.mark.parametrize("lang, text, cue", [
    ("en", "That possibility has not materialized.", "not"),
    ("en", "They didn't agree.", "n't"),
    ("en", "Nobody came.", "Nobody"),
    ("fr", "Cette possibilité ne s’est pas concrétisée.", "ne"),
    ("fr", "Il n’a jamais répondu.", "n’"),
    ("de", "Diese Möglichkeit hat sich nicht konkretisiert.", "nicht"),
    ("de", "Es gab keine Antwort.", "keine"),
    ("es", "Esa posibilidad no se ha materializado.", "no"),
    ("ru", "Эта возможность не реализовалась.", "не"),
    ("ar", "لم يتحقق هذا الاحتمال.", "لم"),
    ("ar", "ولا يزيد عن ذلك.", "ولا"),
    ("ko", "그 가능성은 현실화되지 않았다.", "않"),
    ("ko", "그럴 계획은 없다.", "없"),
    ("zh", "这一可能性尚未成为现实。", "未"),
    ("zh", "他没有回答。", "没"),
    ("ja", "その可能性は実現していない。", "ない"),
    ("ja", "彼は来なかった。", "なかった"),
])
def test_a_grammatical_negation_is_found_in_every_language(lang, text, cue):
    assert _cues(text, lang) == [(cue, GRAMMATICAL)]


@pytest.mark.parametrize("lang, text", [
    ("en", "It is not only a treaty but an alliance."),
    ("en", "Whether or not they agree, the vote goes ahead."),
    ("fr", "Non seulement le traité, mais aussi l’alliance."),
    ("fr", "Le projet compte plus de 20 personnes."),  # "plus" and "personne" alone: more, person
    ("de", "Nicht nur der Vertrag, auch das Bündnis."),
    ("es", "No sólo el tratado, sino la alianza."),
    ("ru", "Тем не менее договор подписан."),
    ("ar", "لا يزال الاتفاق ساريا."),  # "still" is written with a negation particle
    ("ko", "조약뿐만 아니라 동맹도 맺었다."),
    ("zh", "这不仅是条约，非常重要，不断发展。"),
    ("ja", "条約だけでなく同盟も結ばなければならない。"),
])
def test_expressions_that_only_look_negative_are_not_cues(lang, text):
    assert [cue for cue in _cues(text, lang) if cue[1] == GRAMMATICAL] == []


def test_negative_concord_is_one_negation_and_restrictive_ne_que_means_only():
    assert [s for _, s in _cues("Никто ничего не сказал.", "ru")].count(GRAMMATICAL) == 1
    assert [s for _, s in _cues("Nadie dijo nada.", "es")].count(GRAMMATICAL) == 1
    assert _cues("Il n’a que trois ans.", "fr") == [("n’", LEXICAL)]
    assert _cues("Il refused to sign, without a word.", "en") == [("refused", LEXICAL), ("without", LEXICAL)]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "It has not materialized.", "It has materialized."),
    ("en", "They won't sign.", "They will sign."),
    ("en", "They can't sign.", "They can sign."),
    ("fr", "Elle ne s’est pas concrétisée.", "Elle s’est concrétisée."),
    ("de", "Es gab keine Antwort.", "Es gab eine Antwort."),
    ("ko", "그 가능성은 현실화되지 않았다.", "그 가능성은 현실화되았다."),
    ("ko", "그럴 계획은 없다.", "그럴 계획은 있다."),
    ("ja", "実現していない。", "実現している。"),
    ("zh", "他没有回答。", "他有回答。"),
])
def test_a_statement_without_its_negation(lang, text, expected):
    (cue,) = [c for c in cues(text, lang) if c.strength == GRAMMATICAL]
    assert without(text, cue, lang) == expected


def test_languages_without_a_lexicon_are_not_judged():
    assert supported("en") and supported("ja") and not supported("fi")
    assert cues("Se ei toteutunut.", "fi") == []


@pytest.fixture(scope="module")
def negation(default_encoder):
    from consistency import Checker, Settings

    return Checker(Settings(checks=("negation",)), encoder=default_encoder)


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_no_finding_on_the_faithful_seed_translations(negation, lang):
    target = (SEEDS / "faithful" / f"000.{lang}.txt").read_text(encoding="utf-8")
    assert negation.check(SOURCE, target, source_lang="en", target_lang=lang).findings == []


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_the_dropped_negation_of_every_drifted_seed_is_found(negation, lang):
    gold = load_gold("drifted", lang)
    (planted,) = [d for d in gold["drifts"] if d["category"] == "meaning"]
    target = (SEEDS / "drifted" / f"000.{lang}.txt").read_text(encoding="utf-8")
    findings = negation.check(SOURCE, target, source_lang="en", target_lang=lang).findings
    (finding,) = [f for f in findings if f.source and planted["source"]["start"] <= f.source.start < planted["source"]["end"]]
    assert finding.category == "meaning" and finding.severity == "critical" and finding.check == "negation"
    assert finding.source.text == "not" and finding.details["side"] == "source"
    assert finding.target.start < planted["target"]["end"] and planted["target"]["start"] < finding.target.end
    assert finding.details["similarity_without_cue"] > finding.details["similarity"]
    assert len(findings) == 1, "the drifted seeds hold one negation drift each"


@pytest.mark.parametrize("lang, written, negated, cue", [
    ("de", "würden „zum", "würden „nicht zum", "nicht"),
    ("fr", "\u00a0contribueront", "\u00a0ne contribueront pas", "ne"),
    ("es", "«ayudarán", "«no ayudarán", "no"),
    ("ru", "«будут", "«не будут", "не"),
])
def test_an_added_negation_is_found_on_the_target_side(negation, lang, written, negated, cue):
    # "Putin stressed that strong relations … “will help build a fair, multipolar world order.”"
    target = (SEEDS / "faithful" / f"000.{lang}.txt").read_text(encoding="utf-8")
    assert written in target
    flipped = target.replace(written, negated, 1)
    (finding,) = negation.check(SOURCE, flipped, source_lang="en", target_lang=lang).findings
    assert finding.details["side"] == "target" and finding.target.text == cue
    assert finding.source.sentence == 8 and "will help" in finding.details["compared_with"]
