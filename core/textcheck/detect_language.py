"""Which language a pasted text is written in, told from its commonest small words: the checker reads en and es."""

from __future__ import annotations

import re

READS = ("en", "es")  # the languages the checker has rules for
MIN_WORDS = 8  # fewer common words than this and the text is too short to tell
MIN_SHORT = 3  # ...unless this many of another language's words outnumber English and Spanish ones
# Short, frequent words of each language that the others hardly use (so "no", "a", "me" count for none). French,
# Portuguese, Italian and German are listed only so that a page in one of them is not mistaken for Spanish or English.
_EN = (
    "the and of to is in that it for are with as on this be by from or have an they which you your can their "
    "was were has will not but what all been more when who these may its also into than our we"
)
_ES = (
    "el la los las de del que y en es por para con una un su sus se al lo como más pero son está "
    "están este esta estos estas puede pueden ser fue hay sin sobre entre también ya muy cuando nuestro nuestra "
    "nuestros nuestras usted ustedes tiene tienen desde hasta cada otro otra todos después porque"
)
_FR = "le les des et est une pour dans qui pas plus ne sont avec au aux du cette ces il elle nous vous mais ou être"
_PT = "não são uma com os do da dos das em ao pelo pela também mais muito você seu sua isso"
_IT = "il della delle degli di che è per non sono gli una nel nella alla anche più questo questa ma"
_DE = "der die das und ist nicht mit den dem des ein eine zu auf für sich auch von wird sind werden"
_COMMON = {
    lang: frozenset(words.split())
    for lang, words in (("en", _EN), ("es", _ES), ("fr", _FR), ("pt", _PT), ("it", _IT), ("de", _DE))
}
# A word listed for two languages tells neither apart: each counts only for the languages it alone is listed in.
_ONLY = {
    lang: words - frozenset().union(*(other for o, other in _COMMON.items() if o != lang))
    for lang, words in _COMMON.items()
}
_WORD = re.compile(r"[a-zà-öø-ÿ]+")
_SPANISH_LETTERS = re.compile(
    r"[ñÑ¿¡áéíóúÁÉÍÓÚ]|\b(?:millones|rodilla|rodillas|espalda|tratamiento|terapia|dolor)\b", re.IGNORECASE
)


def _counts(text: str) -> dict[str, int]:
    words = _WORD.findall(text.lower())
    return {lang: sum(w in common for w in words) for lang, common in _ONLY.items()}


def detect(text: str) -> str | None:
    """ "en" or "es": the language whose rules read the text; None for a text in a language we cannot read.

    A text too short to tell (a sentence or two) is read as English, as the checker always read it, unless it
    has more Spanish small words than English ones, or clearly more of another language's."""
    counts = _counts(text)
    best = max(counts, key=lambda lang: (counts[lang], lang == "en", lang == "es"))
    if counts[best] < MIN_WORDS:
        if best not in READS and counts[best] >= MIN_SHORT:
            return None
        # "1,5 × 10⁶ células/kg": Spanish letters and words tell what too few small words cannot; one "y" does not.
        spanish = counts["es"] + (2 if _SPANISH_LETTERS.search(text) else 0)
        return "es" if spanish >= 2 and spanish > counts["en"] else "en"
    return best if best in READS else None
