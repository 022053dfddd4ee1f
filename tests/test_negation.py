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
    ("ja", "選手に伝えなくてはなりません。"),  # obligation: "must"
    ("ja", "何百万の人間が死ぬだろう。"),  # the verb "die" ends in ぬ
    ("zh", "贝尔法斯特面临杀人未遂指控，无核化谈判停滞。"),  # "attempted", "denuclearisation"
    ("zh", "谈判停滞不前，他的别名是老王。"),  # "stalled", "alias"
    ("zh", "他否定了这一说法，议会否决了法案。"),  # "denied", "vetoed": lexical cues, not the particle 否
    ("ja", "彼は無実を訴えた。"),  # "innocent"
    ("en", "Oh, no."),  # an interjection negates no predicate
    ("ru", "Нет, договор подписан."),
])
def test_expressions_that_only_look_negative_are_not_cues(lang, text):
    assert [cue for cue in _cues(text, lang) if cue[1] == GRAMMATICAL] == []


def test_negative_concord_is_one_negation_and_restrictive_ne_que_means_only():
    assert [s for _, s in _cues("Никто ничего не сказал.", "ru")].count(GRAMMATICAL) == 1
    assert [s for _, s in _cues("Nadie dijo nada.", "es")].count(GRAMMATICAL) == 1
    assert _cues("Il n’a que trois ans.", "fr") == [("n’", LEXICAL)]
    assert [s for _, s in _cues("لن أعتبر نفسي ناجحا إلا إذا عدنا.", "ar")] == [LEXICAL, LEXICAL]  # only if
    # A negative-polarity adverb goes with its negation: "전혀 알지 못했다" is one ("never knew").
    assert _cues("그는 전혀 알지 못했습니다.", "ko") == [("못했", GRAMMATICAL)]
    assert _cues("Il refused to sign, without a word.", "en") == [("refused", LEXICAL), ("without", LEXICAL)]
    # French "arrêté" is "arrested" in the news far more than "stopped": no cue.
    assert _cues("Un homme a été arrêté.", "fr") == [] and _cues("La production s’arrête.", "fr") == [("arrête", LEXICAL)]


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


# A short article of our own, its last sentence with and without a negation in each language.
SAID = "The government approved the budget on Monday.\nThe opposition criticised the plan.\nOfficials said the talks had {}succeeded.\n"
TRANSLATED = {  # language: (the two sentences before, the last one affirmative, negated, its cue)
    "fr": ("Le gouvernement a approuvé le budget lundi.\nL’opposition a critiqué le projet.",
           "Les responsables ont déclaré que les négociations avaient réussi.",
           "Les responsables ont déclaré que les négociations n’avaient pas réussi.", "n’"),
    "de": ("Die Regierung hat den Haushalt am Montag gebilligt.\nDie Opposition kritisierte den Plan.",
           "Beamte sagten, die Gespräche seien erfolgreich gewesen.",
           "Beamte sagten, die Gespräche seien nicht erfolgreich gewesen.", "nicht"),
    "es": ("El Gobierno aprobó el presupuesto el lunes.\nLa oposición criticó el plan.",
           "Los funcionarios dijeron que las conversaciones habían tenido éxito.",
           "Los funcionarios dijeron que las conversaciones no habían tenido éxito.", "no"),
    "ru": ("Правительство одобрило бюджет в понедельник.\nОппозиция раскритиковала план.",
           "Чиновники заявили, что переговоры увенчались успехом.",
           "Чиновники заявили, что переговоры не увенчались успехом.", "не"),
    "ar": ("وافقت الحكومة على الميزانية يوم الاثنين.\nوانتقدت المعارضة الخطة.",
           "وقال المسؤولون إن المحادثات نجحت.", "وقال المسؤولون إن المحادثات لم تنجح.", "لم"),
    "ko": ("정부는 월요일에 예산안을 승인했다.\n야당은 그 계획을 비판했다.",
           "관리들은 회담이 성공했다고 말했다.", "관리들은 회담이 성공하지 않았다고 말했다.", "않"),
    "zh": ("政府周一批准了预算。\n反对派批评了该计划。", "官员们表示，会谈取得了成功。", "官员们表示，会谈没有成功。", "没"),
    "ja": ("政府は月曜日に予算を承認した。\n野党はその計画を批判した。", "当局者は、会談は成功したと述べた。",
           "当局者は、会談は成功しなかったと述べた。", "なかった"),
}


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_a_negation_kept_is_not_reported_and_one_added_or_dropped_is(negation, lang):
    before, affirmative, negated, cue = TRANSLATED[lang]
    positive, negative = SAID.format(""), SAID.format("not ")

    def findings(source, last):
        return negation.check(source, f"{before}\n{last}\n", source_lang="en", target_lang=lang).findings

    assert findings(positive, affirmative) == [] and findings(negative, negated) == []
    (added,) = findings(positive, negated)
    assert (added.details["side"], added.target.text, added.source.sentence) == ("target", cue, 2)
    (dropped,) = findings(negative, affirmative)
    assert (dropped.details["side"], dropped.source.text, dropped.target.sentence) == ("source", "not", 2)
    assert dropped.details["similarity_without_cue"] > dropped.details["similarity"]


def test_a_thousand_clauses_or_negations_cost_a_bounded_number_of_encoder_passes(negation):
    import time

    target = (SEEDS / "faithful" / "000.fr.txt").read_text(encoding="utf-8")
    listing = "They did not name " + ", ".join(f"town{k}" for k in range(1_000)) + "."
    nots = "It is " + " and ".join("not" for _ in range(500)) + " so."
    started = time.perf_counter()
    findings = negation.check(SOURCE.rstrip() + f"\n{listing} {nots}\n", target.rstrip() + "\nIls ont nommé des villes.\n",
                              source_lang="en", target_lang="fr").findings
    # The other way round: a pair whose one side (two sentences) is weighed against a thousand clauses.
    towns = "Ils n’ont pas nommé " + ", ".join(f"town{k}" for k in range(1_000)) + "."
    negation.check(SOURCE.rstrip() + "\nThey named the towns. They named them all.\n", target.rstrip() + f"\n{towns}\n",
                   source_lang="en", target_lang="fr")
    assert time.perf_counter() - started < 60, "a hang, not a speed goal"
    assert all(f.source.sentence >= 14 for f in findings)
