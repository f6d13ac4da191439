"""Which language a pasted text is written in, told from its commonest small words: the checker reads en and es."""

from __future__ import annotations

import re

READS = ("en", "es")  # the languages the checker has rules for
MIN_WORDS = 8  # fewer common words than this and we do not guess
# Short, frequent words of each language that the other does not use (so "no", "a", "me" count for neither).
_EN = (
    "the and of to is in that it for are with as on this be by from or have an they which you your can their "
    "was were has will not but what all been more when who these may its also into than our we"
)
_ES = (
    "el la los las de del que y en es por para con una un su sus se al lo como más pero sus son está "
    "están este esta estos estas puede pueden ser fue hay sin sobre entre también ya muy cuando"
)
_COMMON = {"en": frozenset(_EN.split()), "es": frozenset(_ES.split())}
_WORD = re.compile(r"[a-záéíóúüñ]+")


def detect(text: str) -> str | None:
    """ "en" or "es" when the text is clearly in one of them; None for too little text or another language."""
    words = _WORD.findall(text.lower())
    counts = {lang: sum(w in common for w in words) for lang, common in _COMMON.items()}
    best = max(counts, key=counts.get)
    if counts[best] < MIN_WORDS or counts[best] < 0.05 * len(words):
        return None
    others = sum(n for lang, n in counts.items() if lang != best)
    return best if counts[best] >= 2 * others else None
