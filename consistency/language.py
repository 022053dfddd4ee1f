"""Which language a side is written in: given by the user, or identified with py3langid."""
from __future__ import annotations

from functools import lru_cache

from .errors import InputError

# Languages the whole pipeline is tested on (segmentation, alignment); identification is
# restricted to a wider set of news languages so that short texts are not labelled as
# close dialects ("wuu" for Chinese, "nn" for Norwegian).
TESTED = ("en", "fr", "de", "es", "it", "pt", "ru", "uk", "pl", "tr", "ar", "fa", "he", "hi",
          "zh", "ja", "ko")
IDENTIFIABLE = TESTED + ("nl", "sv", "da", "no", "fi", "cs", "sk", "ro", "hu", "bg", "el", "sr",
                         "hr", "lt", "lv", "et", "sl", "ca", "id", "ms", "vi", "th", "bn",
                         "ur", "ta", "sw", "ka", "hy", "az", "kk")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(IDENTIFIABLE))
    return identifier


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) from the first few thousand characters."""
    lang, probability = _identifier().classify(text[:5000])
    return lang, float(probability)


def validate(code: str) -> str:
    """Accept a BCP-47 primary language subtag that ICU knows; refuse anything else clearly."""
    import icu

    code = code.strip().replace("_", "-")
    primary = code.split("-")[0].lower()
    if not primary.isalpha() or not 2 <= len(primary) <= 3:
        raise InputError(f"unknown language code {code!r} (use ISO 639-1, e.g. en, ar, zh)")
    display = icu.Locale(primary).getDisplayLanguage(icu.Locale("en"))
    if display.lower() == primary:
        raise InputError(f"unknown language code {code!r} (use ISO 639-1, e.g. en, ar, zh)")
    return primary
