"""Reporting verbs ("said", "a déclaré", "заявил", "表示", "と述べた", "밝혔다") and the few words
around them that tell where a speaker's name starts or stops, for the languages the project is
developed on (en fr de es ru ar zh ja ko). Other languages have none: a quotation there is
attributed only to a name standing before a colon.

Inflection is handled by stems where a language needs many forms (ru заяви-, сказа-, отмети-;
ko 강조했/강조하), by listing forms where there are few (es dijo/dice/ha dicho), and Arabic
words take their conjunction prefixes (و, ف) and any diacritics (شدّد = شدد).
"""
from __future__ import annotations

import re
from functools import lru_cache


def _words(spaced: str) -> str:
    return "|".join(spaced.split())


_EN = _words("""said says say saying added adds adding stressed stresses told tells wrote writes asked asks
    declared declares stated states noted notes explained explains insisted insists warned warns claimed
    claims argued argues replied replies answered announced commented continued concluded emphasized
    emphasised emphasizes underlined acknowledged admitted recalled remarked""") + "|pointed out|according to"

_FR_PARTICIPLES = _words("""déclaré dit ajouté affirmé souligné expliqué estimé indiqué précisé assuré insisté
    écrit noté rappelé averti répondu poursuivi conclu confié lancé martelé annoncé jugé prévenu""")
_FR_PRESENT = _words("""déclare dit ajoute affirme souligne explique estime indique précise assure écrit note
    rappelle avertit répond poursuit conclut confie lance martèle annonce déclara ajouta affirma""")
_FR = (r"(?:a|ont|avait|avaient|aurait|auraient)(?:-t-(?P<pronoun>il|elle|ils|elles|on))?"
       rf"\s+(?:\w+ment\s+|aussi\s+|encore\s+|déjà\s+)?(?:{_FR_PARTICIPLES})"
       rf"|(?:{_FR_PRESENT})(?:-(?:t-)?(?P<pronoun_after>il|elle|ils|elles|on))?"
       r"|selon|d[’']après")

_DE = (_words("""sagte sagten sagt gesagt erklärte erklärten erklärt betonte betonten betont hinzugefügt
    schrieb schreibt meinte meint erläuterte bekräftigte unterstrich warnte versicherte laut zufolge""")
       + r"|fügte(?:\s+\w+){0,3}?\s+hinzu|fügt(?:\s+\w+){0,3}?\s+hinzu|nach Angaben")

_ES_PARTICIPLES = _words("""dicho afirmado añadido agregado asegurado declarado subrayado destacado señalado
    explicado indicado insistido advertido escrito sostenido manifestado apuntado expresado recalcado
    reiterado precisado respondido""")
_ES = (rf"(?:ha|han|había|habían|habría)\s+(?:{_ES_PARTICIPLES})|"
       + _words("""dijo dijeron dice dicen afirmó afirmaron afirma añadió añade agregó agrega aseguró asegura
    declaró declara subrayó subraya destacó destaca señaló señala explicó explica indicó indica insistió
    advirtió advierte escribió escribe sostuvo sostiene manifestó apuntó expresó recalcó reiteró precisó
    respondió según""") + "|de acuerdo con")

_RU = (r"(?:заяви|заявля|сказа|говори|отмети|отмеча|подчеркн|подчёркива|подчеркива|добави|добавля|"
       r"поясни|поясня|сообщи|сообща|написа|указа|указыва|замети|уточни|ответи|предупреди)\w*"
       r"|по (?:его |её |ее |их )?словам|по мнению")

_AR_VERBS = """قال قالت يقول تقول قالوا أضاف أضافت يضيف تضيف أكد أكدت يؤكد تؤكد شدد شددت يشدد تشدد أوضح
    أوضحت يوضح صرح صرحت يصرح أعلن أعلنت يعلن أشار أشارت يشير كتب كتبت ذكر ذكرت اعتبر اعتبرت تابع تابعت"""

_ZH = r"表示|说道|写道|补充说|补充道|补充|指出|强调|声称|宣布|透露|坦言|认为|根据|据|说|称(?!赞|为|号|作|霸)"
_JA = (r"と(?:述べ|語っ|語り|強調し|付け加え|話し|指摘し|説明し|明らかにし|主張し|訴え|書い|記し|発表し|表明し|言っ)"
       r"(?:た|ている|ていた|ました|て)?|によると|によれば")
_KO = (r"(?:말|강조|설명|지적|주장|언급|표현|발표|경고|역설|시사|답변|밝)(?:했|하|한|혔|히)\w*"
       r"|덧붙였\w*|덧붙이\w*|전했\w*|에\s?따르면")

_ARABIC_MARKS = "[\u064b-\u065f\u0670\u0640]*"  # harakat, shadda, tatweel: written or not


def _arabic(word: str) -> str:
    letters = ("[اأإآ]" if c in "اأإآ" else re.escape(c) for c in word)
    return _ARABIC_MARKS.join(letters) + _ARABIC_MARKS


def _arabic_pattern() -> str:
    verbs = "|".join(_arabic(w) for w in sorted(_AR_VERBS.split(), key=len, reverse=True))
    according = "|".join(_arabic(w) for w in ("وفقا", "طبقا"))
    return (rf"(?<!\w)(?:[وف]{_ARABIC_MARKS})?(?:(?:{verbs})(?!\w)"
            rf"|(?:{according})\s*ل{_ARABIC_MARKS}|ب?{_arabic('حسب')}(?!\w))")


_PATTERNS = {"en": _EN, "fr": _FR, "de": _DE, "es": _ES, "ru": _RU}
_CASELESS = {"zh": _ZH, "ja": _JA, "ko": _KO}


@lru_cache(maxsize=None)
def reporting_verbs(lang: str) -> re.Pattern | None:
    """The reporting verbs of a language as one pattern (None: no lexicon for it)."""
    if lang in _PATTERNS:
        return re.compile(rf"(?<!\w)(?:{_PATTERNS[lang]})(?!\w)", re.IGNORECASE)
    if lang in _CASELESS:
        return re.compile(_CASELESS[lang])
    if lang == "ar":
        return re.compile(_arabic_pattern())
    return None


# A German quotation may end "…“, so Putin.": "so" is a reporting word only right there.
AFTER_QUOTE = {"de": re.compile(r"\s*,\s*(so)(?!\w)")}

# Words that end a speaker's name going away from the verb. A conjunction or relative ends a
# clause (the words between it and the verb may be the subject); a preposition starts a phrase
# that is no subject ("In the letter" said …), so the words beyond it are not taken.
CLAUSE_WORDS = {
    "en": set("that and but which who whom as while when where because so then if".split()),
    "fr": set("que qu et mais qui dont où lorsque quand car alors puis".split()),
    "de": set("dass und aber was wie als wenn weil denn sondern".split()),
    "es": set("que y pero quien quienes cual cuando donde como porque".split()),
    "ru": set("что и а но который которая которые как когда где чтобы ли".split()),
}
PREPOSITIONS = {
    "en": set("in on at during after before from with by for to into since under over about".split()),
    "fr": set("dans en à au aux sur pour par avec lors après avant depuis chez devant sous vers".split()),
    "de": set("in im am an auf bei beim mit nach vor seit aus zum zur für über unter während".split()),
    "es": set("en a al con por para desde tras durante sobre ante bajo".split()),
    "ru": set("в во на с со к ко по о об при за из от до для у после перед через над под".split()),
}
ADVERBS = {  # may stand between a speaker and the verb ("Putin also said")
    "en": set("also then later further again previously once repeatedly reportedly recently has had have "
              "would will".split()),
    "fr": set("également aussi encore déjà ensuite alors ainsi".split()),
    "de": set("auch zudem außerdem dann später bereits erneut noch ferner".split()),
    "es": set("también además luego después ya nuevamente".split()),
    "ru": set("также тоже ещё еще затем потом уже вновь снова позже ранее".split()),
}
PRONOUNS = {
    "en": set("he she they we i it".split()),
    "fr": set("il elle ils elles on lui nous".split()),
    "de": set("er sie wir es".split()),
    "es": set("él ella ellos ellas".split()),
    "ru": set("он она они мы".split()),
}
# Arabic words that end a speaker's name after the verb (وقال بوتين في رسالته إن …).
ARABIC_STOPS = set("""في إن أن إنّ أنّ على عن إلى من خلال بعد قبل مع لدى أمام أمس اليوم يوم إنه إنها أنه أنها
    بأن لـ ل""".split())
# Chinese characters that end a speaker's name going back from the verb (普京在信中表示: 在).
CHINESE_STOPS = "在于对向还也则又都曾再更今昨就便并已将"
