"""Hedges: the words that say a figure is not exact ("more than", "около", "以上", "10퍼센트가 넘는"),
before the figure or, in Chinese, Japanese and Korean, after it and its counter."""
from __future__ import annotations

import re

HEDGES = {  # kind -> cue phrases placed before a figure
    "more": {"en": ["more than", "over", "above", "in excess of"], "fr": ["plus de", "plus d'", "au-delà de"],
             "de": ["mehr als", "über"], "es": ["más de", "más del"], "ru": ["более", "свыше", "больше"],
             "ar": ["أكثر من", "ما يزيد على", "ما يزيد عن"], "zh": ["超过", "逾"], "ja": ["超"]},
    "about": {"en": ["about", "around", "some", "roughly", "approximately", "an estimated"],
              "fr": ["environ", "quelque", "quelques"], "de": ["rund", "etwa", "ungefähr", "circa", "ca."],
              "es": ["unos", "unas", "alrededor de", "alrededor del", "aproximadamente"],
              "ru": ["около", "примерно", "порядка"], "ar": ["نحو", "حوالي", "زهاء"],
              "zh": ["约", "大约", "约有", "大约有"], "ja": ["約", "およそ"], "ko": ["약"]},
    "almost": {"en": ["nearly", "almost", "close to"], "fr": ["presque", "près de", "près d'"],
               "de": ["fast", "knapp", "beinahe"], "es": ["casi", "cerca de", "cerca del"],
               "ru": ["почти", "чуть меньше"], "ar": ["ما يقرب من", "قرابة"], "zh": ["近", "将近", "接近"],
               "ko": ["거의"]},
    "at least": {"en": ["at least"], "fr": ["au moins"], "de": ["mindestens", "zumindest"],
                 "es": ["al menos", "por lo menos"], "ru": ["не менее", "по меньшей мере", "как минимум"],
                 "ar": ["على الأقل"], "zh": ["至少"], "ja": ["少なくとも", "最低"], "ko": ["적어도", "최소"]},
    "up to": {"en": ["up to", "as many as"], "fr": ["jusqu'à"], "de": ["bis zu"],
              "es": ["hasta"], "ru": ["вплоть до"], "ar": ["حتى"],
              "zh": ["多达", "最多"], "ja": ["最大"], "ko": ["최대"]},
}

# What a hedge says about the true value. Cues of one sense are interchangeable across languages
# ("près de" is "nearly" and "about"; "über" is "more than" and "at least"): only a change of sense,
# or a hedge dropped or added, is a finding.
HEDGE_SENSE = {None: "exact", "about": "approximate", "almost": "approximate", "more": "at least",
               "at least": "at least", "up to": "at most"}

# Chinese, Japanese and Korean also hedge after the figure and its counter: 1万人以上, 200倍左右,
# 3,000개까지, 300,000명이 넘는. Cue -> kind; "여" and "多" only straight after the digits (10여 명, 200多人).
_HEDGES_AFTER = {
    "zh": {"以上": "more", "多": "more", "余": "more", "左右": "about", "上下": "about"},
    "ja": {"以上": "more", "超": "more", "余り": "more", "ほど": "about", "程度": "about", "前後": "about",
           "近く": "almost", "まで": "up to"},
    "ko": {"이상": "more", "넘는": "more", "넘게": "more", "여": "more", "가량": "about", "정도": "about",
           "가까이": "almost", "까지": "up to"},
}
_COUNTER = {"zh": r"[个名人倍位家座起次件只元]", "ja": r"[人名件点個倍台回歳円社校]",
            "ko": r"(?:명|배|개|건|회|곳|척|대|마리|달러|원|가구)"}
_IMMEDIATE = {"여", "多", "余"}
# A preposition may stand between a Slavic hedge and its figure: "примерно в 200 раз", "почти на 10 %".
_CUE_GAP = {"ru": r"(?:\s+(?:в|на))?", "uk": r"(?:\s+(?:в|на|у))?"}
_DATE_COUNTERS = r"(?:년|월|일|시|분|年|月|日|時|时|分)"  # "2018년까지" is "until 2018", no hedge

# Hedges after the figure and its noun: "30 mètres environ", "384 شخصًا على الأقل".
_TRAILING_HEDGES = {
    "en": {"about": "or so|approximately"}, "fr": {"about": "environ"}, "de": {"about": "ungefähr|etwa"},
    "es": {"about": "aproximadamente"}, "it": {"about": "circa"}, "pt": {"about": "aproximadamente"},
    "ru": {"about": "примерно|приблизительно"},
    "ar": {"about": "تقريبا|تقريبًا", "at least": "على الأقل", "more": "أو أكثر|وأكثر"},
}


def hedge_of(text: str, start: int, end: int, lang: str) -> str | None:
    """The kind of hedge ("more", "about", "almost", "at least", "up to") on text[start:end], or None."""
    before = text[max(0, start - 24):start].lower().replace("’", "'")
    for kind, cues in HEDGES.items():
        for cue in cues.get(lang, ()):
            if lang in ("zh", "ja", "ko"):
                if before.rstrip().endswith(cue):
                    return kind
            elif re.search(r"(?:^|\W)" + re.escape(cue) + _CUE_GAP.get(lang, "") + r"\s*$", before):
                return kind
    if lang in _HEDGES_AFTER:
        after = text[end:end + 12]
        # "18歳から29歳まで", "18세부터 29세까지": the end of a range, not "up to".
        range_end = re.search(r"(?:から|부터|~|〜|－|-)\s*$", text[max(0, start - 3):start])
        if not re.match(r"\s?" + _DATE_COUNTERS, after) and not range_end:
            for cue, kind in _HEDGES_AFTER[lang].items():
                if after.startswith(cue) if cue in _IMMEDIATE else re.match(
                        r"\s?(?:" + _COUNTER[lang] + r")?\s?(?:이|가|을|를)?\s?" + re.escape(cue), after):
                    return kind
    # "30 mètres environ", "384 شخصًا على الأقل", "an hour or so": a hedge after the figure and its noun.
    for kind, cues in _TRAILING_HEDGES.get(lang, {}).items():
        if re.match(r"\s*(?:[^\s\d]+\s+)?(?:" + cues + r")(?!\w)", text[end:end + 40], re.IGNORECASE):
            return kind
    return None
