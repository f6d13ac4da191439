"""Sure-sounding words, hype, patient stories and hedges, told apart from words the page quotes or reports."""

from __future__ import annotations

import re

from core.textcheck import phrases
from core.textcheck.model import MAX_FINDINGS, LanguageHit
from core.textcheck.spans import PhraseScanner, Sentences

_LANGUAGE = PhraseScanner([pattern.lower() for _kind, pattern in phrases.LANGUAGE])
_HEDGEABLE = re.compile(r"regenerat|restor|regrow|repair", re.IGNORECASE)


def find_language(text: str, sentences: Sentences) -> tuple[list[LanguageHit], bool]:
    """Sure-sounding claims, hype, testimonials and hedges, in order, each with whose voice it is in."""
    hits: list[LanguageHit] = []
    for index, start, end in _LANGUAGE.finditer(sentences.lower):
        kind = phrases.LANGUAGE[index][0]
        hedgeable = bool(_HEDGEABLE.match(sentences.lower, start))
        voice = "own" if kind == "hedge" else sentences.voice(start, end, hedgeable=hedgeable)
        hits.append(LanguageHit(text[start:end], start, end, kind, sentences.sentence(start, end), voice))
        if len(hits) >= MAX_FINDINGS:
            return hits, True
    return hits, False
