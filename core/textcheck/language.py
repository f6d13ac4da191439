"""Sure-sounding words, hype, patient stories and hedges, told apart from words the page quotes or reports."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.textcheck import phrases
from core.textcheck.model import MAX_FINDINGS, LanguageHit
from core.textcheck.spans import PhraseScanner, Sentences

_LANGUAGE = PhraseScanner([pattern.lower() for _kind, pattern in phrases.LANGUAGE])
_HEDGEABLE = re.compile(r"regenerat|restor|regrow|repair", re.IGNORECASE)


def find_language(text: str, sentences: Sentences) -> tuple[list[LanguageHit], bool]:
    """Sure-sounding claims, hype, testimonials and hedges, in order, each with whose voice it is in."""
    return scan_language(text, sentences, _LANGUAGE, phrases.LANGUAGE, _HEDGEABLE)


def scan_language(
    text: str, sentences: Sentences, scanner: PhraseScanner, kinds: Sequence[tuple[str, str]], hedgeable: re.Pattern
) -> tuple[list[LanguageHit], bool]:
    """The wording hits of one language's phrase list (`kinds`: (kind, phrase) in the scanner's order), each with its
    voice; a phrase `hedgeable` matches can also read as hedged ("may regenerate"): see Sentences.voice."""
    hits: list[LanguageHit] = []
    for index, start, end in scanner.finditer(sentences.lower):
        kind = kinds[index][0]
        hedgeable_here = bool(hedgeable.match(sentences.lower, start))
        voice = "own" if kind == "hedge" else sentences.voice(start, end, hedgeable=hedgeable_here)
        hits.append(LanguageHit(text[start:end], start, end, kind, sentences.sentence(start, end), voice))
        if len(hits) >= MAX_FINDINGS:
            return hits, True
    return hits, False
