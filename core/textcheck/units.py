"""What a number counts and per what: its unit and basis, and the product a number without a unit is about."""


# Numbers are found with one simple pattern; everything around a number is read with short anchored patterns in
# a window of at most a hundred characters, so the cost per number is fixed whatever the text holds.

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from core.textcheck.model import MIN_CELLS
from core.textcheck.number_patterns import (
    _BASIS,
    _BASIS_WORDS,
    _CELL_WORD,
    _DOSE_WORDS,
    _EXOSOME_CONTEXT,
    _GROUPED,
    _IV,
    _MARKET_WORDS,
    _NOT_CELLS_AFTER,
    _PAREN,
    _UNIT,
)
from core.textcheck.spans import Sentences

if TYPE_CHECKING:
    from core.textcheck.numbers import _Candidate

# Just before a bare number, words that make it an identifier ("patent no: US 8,377,432"), not a count of cells.
# A currency code glued to the number ("RM30,000", "P500,000"): a price. Other glued words stay (a table's "Intra
# discal50,000,000" is a dose whose cells ran together).
_CURRENCY_BEFORE = re.compile(r"(?<![a-z])(?:rm|rs\.?|inr|php|p|mxn|cop|thb|krw|aed|sgd|usd|eur|gbp|idr|myr|aud|cad)$")
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:patent|no\.?|number|ref\.?|id)|#)\s{0,3}:?\s{0,3}(?:[a-z]{1,3}\s{0,2})?$")


def _has_dose_context(segment: str, text: str, bounds: tuple[int, int]) -> bool:
    # Substring tests on lower-cased text cost little per number; only "IV" needs its case and word edges.
    return any(w in segment for w in _DOSE_WORDS) or bool(_IV.search(text, *bounds))


def _unit_and_basis(text: str, position: int) -> tuple[str | None, str | None, int]:
    """The product named after the numbers ("stem cells", "exosomes"), the basis ("per knee"), and where they end."""
    what = None
    if unit := _UNIT.match(text, position, position + 120):
        what = unit.lastgroup
        position = unit.end()
        if paren := _PAREN.match(text, position, position + 24):
            position = paren.end()
    basis = None
    if basis_match := _BASIS.match(text, position, position + 40):
        word = basis_match.group("b").lower().rstrip("s")
        basis = next((v for k, v in _BASIS_WORDS.items() if word.startswith(k)), None)
        position = basis_match.end()
    return what, basis, position


def _unitless_product(
    text: str, candidate: _Candidate, sentences: Sentences, in_words: bool, has_basis: bool
) -> str | None:
    """For numbers that name no product: 'cells' or 'exosomes' when the words around make it a dose, else None."""
    start = candidate.items[0].start
    last = candidate.items[-1]
    multiplied = any(i.power or (i.mult or 0) >= 1e5 for i in candidate.items) or (last.mult or 0) >= 1e5
    if in_words and not multiplied:
        return None
    if not has_basis and _NOT_CELLS_AFTER.match(text, candidate.end, min(len(text), candidate.end + 60)):
        return None
    bounds = sentences.span(start)
    if multiplied:
        segment = sentences.lower[bounds[0] : bounds[1]]
        if not _has_dose_context(segment, text, bounds) or any(w in segment for w in _MARKET_WORDS):
            return None
    else:
        grouped = bool(_GROUPED.fullmatch(text[start : candidate.items[0].end].strip()))
        first_value = candidate.items[0].value * (candidate.items[0].mult or last.mult or 1)
        if not grouped or first_value < MIN_CELLS:
            return None  # a bare number (a year, a PMID, a phone number) is never read as a dose
        before = sentences.lower[max(0, start - 25) : start]
        if _CURRENCY_BEFORE.search(before) or _IDENTIFIER_BEFORE.search(before):
            return None
        # A bare grouped number counts when its paragraph (a table under a "Dose" header) is about doses.
        paragraph_start = max(text.rfind("\n\n", max(0, start - 400), start), start - 400, 0)
        if not _has_dose_context(sentences.lower[paragraph_start : bounds[1]], text, (paragraph_start, bounds[1])):
            return None
    sentence_text = text[bounds[0] : bounds[1]]
    exosomes = _EXOSOME_CONTEXT.search(sentence_text) and not _CELL_WORD.search(sentence_text)
    return "exosomes" if exosomes else "cells"
