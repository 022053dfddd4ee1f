"""Sentence splitting with offsets, per language and per trap."""
from __future__ import annotations

import pytest

from consistency.segmentation import Segmenter, segment_lines
from consistency.document import Document


def split(text: str, lang: str, markdown: bool = False) -> list[str]:
    spans = Segmenter(lang, markdown=markdown).spans(text)
    for start, end, _ in spans:
        assert text[start:end] == text[start:end].strip() and text[start:end]
    return [text[start:end] for start, end, _ in spans]


CASES = {
    "en": ("Mr. Smith paid $3.5 million on Jan. 5. Sen. Dianne Feinstein and Dr. Ford left.",
           ["Mr. Smith paid $3.5 million on Jan. 5.", "Sen. Dianne Feinstein and Dr. Ford left."]),
    "fr": ("Il a dit : « Nous gagnerons. » M. Dupont a payé 3,5 millions. Fin.",
           ["Il a dit : « Nous gagnerons. »", "M. Dupont a payé 3,5 millions.", "Fin."]),
    "de": ("Er zahlte z. B. 3,5 Mio. Euro. Am 3. Oktober ging er.", ["Er zahlte z. B. 3,5 Mio. Euro.",
                                                                      "Am 3. Oktober ging er."]),
    "es": ("¿Quién es? Es el Sr. Pérez. Pagó 3,5 millones.", ["¿Quién es?", "Es el Sr. Pérez.", "Pagó 3,5 millones."]),
    "it": ("Il sig. Rossi ha pagato. Poi è partito.", ["Il sig. Rossi ha pagato.", "Poi è partito."]),
    "pt": ("O Sr. Silva pagou 3,5 milhões. Depois saiu.", ["O Sr. Silva pagou 3,5 milhões.", "Depois saiu."]),
    "ru": ("Он сказал: «Нет!» Потом ушёл. Т. е. всё.", ["Он сказал: «Нет!»", "Потом ушёл.", "Т. е. всё."]),
    "uk": ("Він сказав «ні». Потім пішов.", ["Він сказав «ні».", "Потім пішов."]),
    "pl": ("Powiedział „nie”. Potem wyszedł.", ["Powiedział „nie”.", "Potem wyszedł."]),
    "tr": ("Bunu söyledi. Sonra gitti.", ["Bunu söyledi.", "Sonra gitti."]),
    "ar": ("قال بوتين إن الصداقة متينة. هل هذا صحيح؟ نعم.", ["قال بوتين إن الصداقة متينة.", "هل هذا صحيح؟", "نعم."]),
    "fa": ("پوتین گفت. آیا درست است؟ بله.", ["پوتین گفت.", "آیا درست است؟", "بله."]),
    "he": ("פוטין אמר זאת. אחר כך הלך.", ["פוטין אמר זאת.", "אחר כך הלך."]),
    "hi": ("पुतिन ने कहा। फिर वह चले गए।", ["पुतिन ने कहा।", "फिर वह चले गए।"]),
    "zh": ("他说：“我们会赢。”然后离开了。共有3.5万人。", ["他说：“我们会赢。”", "然后离开了。", "共有3.5万人。"]),
    "ja": ("彼は「勝つ。」と言った。その後去った。", ["彼は「勝つ。」と言った。", "その後去った。"]),
    "ko": ("푸틴은 “승리할 것”이라고 말했다. 그 후 떠났다.", ["푸틴은 “승리할 것”이라고 말했다.", "그 후 떠났다."]),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_languages(lang):
    text, expected = CASES[lang]
    assert split(text, lang) == expected


def test_quoted_question_with_lowercase_attribution_is_one_sentence():
    assert split("“Who is he?” she asked. Nobody knew.", "en") == ["“Who is he?” she asked.", "Nobody knew."]


def test_quotation_spanning_sentences_keeps_offsets():
    text = "He said: “We will win. The enemy will lose.” Then he left."
    assert split(text, "en") == ["He said: “We will win.", "The enemy will lose.”", "Then he left."]


def test_lines_are_paragraphs_and_headlines_stand_alone():
    text = "Putin’s New Year message to Kim\nMessage details\nIn the letter, he wrote. It arrived."
    spans = Segmenter("en").spans(text)
    assert [text[a:b] for a, b, _ in spans] == ["Putin’s New Year message to Kim", "Message details",
                                                "In the letter, he wrote.", "It arrived."]
    assert [p for _, _, p in spans] == [0, 1, 2, 2]


def test_hard_wrapped_paragraphs_are_joined():
    text = "The agreement includes a\nmutual-defense clause. It was signed\nin June.\n\nNext paragraph here."
    assert split(text, "en") == ["The agreement includes a\nmutual-defense clause.", "It was signed\nin June.",
                                 "Next paragraph here."]


def test_markdown_markers_stay_out_of_spans():
    text = "# Putin writes to Kim\n\n- First point. Second point.\n> A quoted line."
    assert split(text, "en", markdown=True) == ["Putin writes to Kim", "First point.", "Second point.",
                                                "A quoted line."]


def test_astral_characters_do_not_shift_offsets():
    # ICU counts UTF-16 units; an emoji is two of them but one Python character.
    text = "Great news 😀 today. Then 𝕏 posted. End."
    assert split(text, "en") == ["Great news 😀 today.", "Then 𝕏 posted.", "End."]


def test_pre_segmented_lines():
    document = segment_lines(Document(" One line.\n\nTwo. Still line two.\n", "en"))
    assert [(s.start, s.end, s.text) for s in document.sentences] == [(1, 10, "One line."), (12, 32, "Two. Still line two.")]
