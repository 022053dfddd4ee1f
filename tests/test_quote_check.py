"""The quote check (opt-in): the seed drifts, and each kind of finding on a hand-made pair."""
from __future__ import annotations

import pytest

from consistency import Checker, Settings
from conftest import SEED_LANGS, SEEDS, load_gold

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def quotes(default_encoder):
    checker = Checker(Settings(checks=("quotes",)), encoder=default_encoder)

    def check(source: str, target: str, source_lang: str = "en", target_lang: str = "fr"):
        return checker.check(source, target, source_lang=source_lang, target_lang=target_lang).findings

    return check


SOURCE = (SEEDS / "source/000.en.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_faithful_seed_translations_keep_every_quote(quotes, lang):
    target = (SEEDS / f"faithful/000.{lang}.txt").read_text(encoding="utf-8")
    assert quotes(SOURCE, target, target_lang=lang) == []


@pytest.mark.parametrize("lang", SEED_LANGS)
def test_a_seed_statement_left_without_its_marks_is_found(quotes, lang):
    target = (SEEDS / f"drifted/000.{lang}.txt").read_text(encoding="utf-8")
    drift = next(d for d in load_gold("drifted", lang)["drifts"] if d["kind"] == "unquoted")
    found = [f for f in quotes(SOURCE, target, target_lang=lang)
             if f.source and f.source.start < drift["source"]["end"] and drift["source"]["start"] < f.source.end]
    # Set off after "said that" (major), or woven into the sentence after "stressed that strong
    # relations between Moscow and Pyongyang" (minor: reported speech may be a choice).
    woven = drift["source"]["text"].startswith("will help build")
    assert [f.severity for f in found] == ["minor" if woven else "major"]
    assert ("lost their quotation marks" if woven else "without quotation marks") in found[0].message
    # The evidence points at where the words went: the aligned target sentence holds the drift.
    assert found[0].target.start <= drift["target"]["start"] and drift["target"]["end"] <= found[0].target.end


def test_a_quote_the_source_does_not_have_is_critical(quotes):
    findings = quotes("The minister spoke to reporters about the budget on Monday.",
                      "Le ministre a déclaré aux journalistes : « Ce budget est le pire de notre histoire. »")
    assert [(f.severity, f.target.text) for f in findings] == [("critical", "Ce budget est le pire de notre histoire.")]
    assert "source does not quote" in findings[0].message and findings[0].source is None


def test_a_quote_replaced_by_another_of_the_article_is_critical(quotes):
    source = ("“We will rebuild every bridge that the floods destroyed before winter comes,” the governor said. "
              "Later she added: “The state cannot pay for the new hospital this year.”")
    target = ("« Nous reconstruirons chaque pont détruit par les inondations avant l'hiver », a déclaré la gouverneure. "
              "Elle a ajouté : « Nous reconstruirons chaque pont détruit par les inondations avant l'hiver. »")
    findings = quotes(source, target)
    replaced = [f for f in findings if "renders another quotation" in f.message]
    assert [f.severity for f in replaced] == ["critical"]
    assert replaced[0].source.text.startswith("The state cannot pay")
    assert replaced[0].details["similarity_to_other"] > replaced[0].details["similarity"]


PROMISE = "The governor promised on Monday to rebuild every bridge that the floods destroyed before winter comes. "
EVENING = ("Speaking to reporters at the town hall in Springfield later that evening, after a long meeting with the "
           "city council and the fire brigade, she said the state “cannot pay for the new hospital” this year.")
PROMESSE = "La gouverneure a promis lundi « de reconstruire chaque pont détruit par les inondations avant l'hiver ». "
SOIREE = ("S'adressant aux journalistes à la mairie de Springfield plus tard dans la soirée, après une longue réunion "
          "avec le conseil municipal et les pompiers, elle a déclaré que l'État « {} » cette année.")


def test_a_quotation_pasted_where_the_source_says_something_else_is_critical(quotes):
    # The translator quoted the promise, which the source does not quote: no rival source
    # quotation says where the pasted words come from, the sentence vectors do.
    pasted = "de reconstruire chaque pont détruit par les inondations avant l'hiver"
    findings = quotes(PROMISE + EVENING, PROMESSE + SOIREE.format(pasted))
    assert [(f.severity, f.target.sentence, f.source.text) for f in findings] == [
        ("critical", 1, "cannot pay for the new hospital")]
    assert "again in sentence 1, where it belongs" in findings[0].message
    details = findings[0].details
    assert details["similarity_without_quotation"] > details["similarity_to_source"]
    assert details["twin_similarity_without_quotation"] < details["twin_similarity_to_source"]


def test_the_same_words_quoted_twice_where_the_source_has_them_twice_is_no_finding(quotes):
    assert quotes(PROMISE + EVENING, PROMESSE + SOIREE.format("ne peut pas payer le nouvel hôpital")) == []
    assert quotes("The mayor called the plan “a disaster” on Monday. Speaking to reporters at the town hall later "
                  "that evening, the governor called the delay “a disaster” as well.",
                  "Le maire a qualifié le projet de « catastrophe » lundi. S'adressant aux journalistes à la mairie "
                  "plus tard dans la soirée, la gouverneure a elle aussi qualifié le retard de « catastrophe ».") == []


def test_a_quote_cut_by_half_is_major(quotes):
    source = ("The mayor said: “The new line will carry forty thousand passengers a day, and it will open "
              "before the end of next year, whatever the council decides about the budget.”")
    target = "Le maire a déclaré : « La nouvelle ligne transportera des passagers. »"
    cut = [f for f in quotes(source, target) if "is cut in the translation" in f.message]
    assert [f.severity for f in cut] == ["major"] and cut[0].details["missing"].endswith("decides about the budget.")


@pytest.mark.parametrize("target, cut", [
    ("Der Trainer sagte: „Wir werden gewinnen.“", True),
    # Fewer words than the English, but every part said: shorter is not cut.
    ("Der Trainer sagte: „Wir holen nächste Saison den Pokal.“", False),
])
def test_a_short_quote_is_cut_when_half_its_words_find_no_counterpart(quotes, target, cut):
    source = "The coach said: “We will win the cup next season.”"
    found = [f for f in quotes(source, target, target_lang="de") if "is cut in the translation" in f.message]
    assert bool(found) == cut
    if cut:
        assert found[0].details["missing"] == "cup next season."
        assert found[0].details["aligned_share_missing"] < 0.2 <= 0.5 <= found[0].details["aligned_share_kept"]


@pytest.mark.parametrize("target, cut", [
    ("Le ministre a déclaré : « Pour l'instant, nous ne sommes pas en mesure. »", True),
    ("Le ministre a déclaré : « Pour l'instant, nous ne pouvons rien dire. »", False),
])
def test_a_compact_rendering_of_a_long_quote_is_not_a_cut(quotes, target, cut):
    source = ("The minister said: “At this moment in time, we are not in a position to say anything about the "
              "matter.”")
    found = [f for f in quotes(source, target) if "is cut in the translation" in f.message]
    assert bool(found) == cut
    if cut:
        assert found[0].details["missing"].endswith("about the matter.")


def test_a_quote_given_to_another_named_person_is_critical(quotes):
    source = ("On Monday Lavrov met his counterpart in Ankara. Putin said: “Our army will stay in the region "
              "for as long as it is needed there.”")
    target = ("Lundi, Lavrov a rencontré son homologue à Ankara. Lavrov a déclaré : « Notre armée restera dans la "
              "région aussi longtemps qu'il le faudra. »")
    swapped = [f for f in quotes(source, target) if "is said by" in f.message]
    assert [(f.severity, f.source.text, f.target.text) for f in swapped] == [("critical", "Putin", "Lavrov")]
    assert swapped[0].details["renders"] == ["Lavrov"]


def test_the_same_speaker_in_another_script_or_a_pronoun_is_no_finding(quotes):
    source = "Putin said: “Our army will stay in the region for as long as it is needed there.”"
    assert quotes(source, "Путин заявил: «Наша армия останется в регионе столько, сколько потребуется».",
                  target_lang="ru") == []
    assert quotes(source, "Il a déclaré : « Notre armée restera dans la région aussi longtemps qu'il le faudra. »") == []


SPEAKER_SOURCE = ("The court ruled within six months. That shows the case “was not complicated at all”, said Carmen "
                  "Zárate, an expert in international law.")


def test_a_given_name_swapped_beside_a_quoted_phrase_is_critical(quotes):
    # The surname is kept, so the attributions' speakers match by key; the names search finds
    # that "Carmen" is rendered by nothing and that another name stands in its place.
    target = ("La cour a statué en six mois. Cela montre que l'affaire « n'était pas compliquée du tout », "
              "explique Lucía Zárate, experte en droit international.")
    swapped = [f for f in quotes(SPEAKER_SOURCE, target) if "source_speaker" in f.details]
    assert [(f.severity, f.source.text, f.target.text) for f in swapped] == [("critical", "Carmen", "Lucía")]
    assert swapped[0].details["stand_in"]["romanised"] == "lucia"


def test_the_speaker_kept_beside_a_quoted_phrase_is_no_finding(quotes):
    target = ("La cour a statué en six mois. Cela montre que l'affaire « n'était pas compliquée du tout », "
              "explique Carmen Zárate, experte en droit international.")
    assert quotes(SPEAKER_SOURCE, target) == []


GRAHAM = ("Senator Kennedy and Senator Graham spoke to reporters on Friday. “I do not know what happened that "
          "night, but I know the judge denied it,” Graham said.")


def test_a_speaker_swapped_for_another_name_of_the_article_in_chinese_is_critical(quotes):
    swapped = quotes(GRAHAM, "参议员肯尼迪和参议员格雷厄姆周五对记者发表了讲话。“我不知道那天晚上发生了什么，但我知道法官否认了，”"
                             "肯尼迪说。", target_lang="zh")
    assert [(f.severity, f.source.text) for f in swapped] == [("critical", "Graham")]
    assert "肯尼迪" in swapped[0].target.text


@pytest.mark.parametrize("said", ["格雷厄姆说", "他说"])
def test_the_same_speaker_or_a_pronoun_in_chinese_is_no_finding(quotes, said):
    assert quotes(GRAHAM, "参议员肯尼迪和参议员格雷厄姆周五对记者发表了讲话。“我不知道那天晚上发生了什么，但我知道法官否认了，”"
                          f"{said}。", target_lang="zh") == []


def test_a_speaker_swapped_for_a_name_the_article_lacks_in_chinese_is_critical(quotes):
    # 汤米 renders no name of the article; jieba's tags say it is a person's name all the same.
    swapped = quotes(GRAHAM, "参议员肯尼迪和参议员格雷厄姆周五对记者发表了讲话。“我不知道那天晚上发生了什么，但我知道法官否认了，”"
                             "汤米说。", target_lang="zh")
    assert [(f.severity, f.source.text, f.target.text) for f in swapped] == [("critical", "Graham", "汤米")]


@pytest.mark.parametrize("said", ["参议员说", "这位参议员说"])
def test_a_title_in_the_speakers_place_in_chinese_is_no_finding(quotes, said):
    assert quotes(GRAHAM, "参议员肯尼迪和参议员格雷厄姆周五对记者发表了讲话。“我不知道那天晚上发生了什么，但我知道法官否认了，”"
                          f"{said}。", target_lang="zh") == []


def test_a_statement_that_vanished_with_its_sentence_is_critical(quotes):
    source = ("The talks ended on Friday. “We have reached no agreement on the border and we will not sign "
              "anything this month,” the envoy said. Both sides will meet again in May.")
    target = "Les pourparlers se sont terminés vendredi. Les deux parties se retrouveront en mai."
    findings = quotes(source, target)
    assert [f.severity for f in findings] == ["critical"] and "vanished" in findings[0].message
