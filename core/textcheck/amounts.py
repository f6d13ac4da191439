"""Harvest volumes and prices a text gives, found beside its doses (never counted as cells)."""


# Numbers are found with one simple pattern; everything around a number is read with short anchored patterns in
# a window of at most a hundred characters, so the cost per number is fixed whatever the text holds.

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from core.textcheck.model import MAX_FINDINGS, Amount, DoseMention
from core.textcheck.number_patterns import _HARVEST, _HARVEST_CONTEXT, _PRICE
from core.textcheck.spans import Sentences


def find_amounts(text: str, sentences: Sentences, doses: list[DoseMention]) -> tuple[list[Amount], bool]:
    """Harvest volumes and prices, each its own finding, never a dose; and whether the list was cut."""
    return collect_amounts(text, sentences, doses, _harvests(text, sentences), _PRICE.finditer(text))


def _harvests(text: str, sentences: Sentences) -> Iterator[re.Match[str]]:
    for match in _HARVEST.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in ".,"):
            continue
        bounds = sentences.span(match.start())
        names_tissue = match.end() - match.start() > 14 and not match.group(0).rstrip().lower().endswith(("ml", "cc"))
        if names_tissue or _HARVEST_CONTEXT.search(text, max(bounds[0], match.start() - 80), match.start()):
            yield match


def collect_amounts(
    text: str, sentences: Sentences, doses: list[DoseMention], harvests: Iterable[re.Match[str]],
    prices: Iterable[re.Match[str]],
) -> tuple[list[Amount], bool]:  # fmt: skip
    """The amounts each language's reader found (harvest volumes first, then prices), capped, in text order, with
    any that lie inside a dose left out; and whether the list was cut."""
    found: list[Amount] = []
    for match in harvests:
        found.append(_amount("harvest", text, match, sentences))
        if len(found) >= MAX_FINDINGS:
            return found, True
    for match in prices:
        found.append(_amount("price", text, match, sentences))
        if len(found) >= 2 * MAX_FINDINGS:
            return sorted(found, key=lambda a: a.start), True
    taken = [(d.start, d.end) for d in doses]
    kept = [a for a in found if not any(s < a.end and a.start < e for s, e in taken)]
    return sorted(kept, key=lambda a: a.start), False


def _amount(kind: str, text: str, match: re.Match[str], sentences: Sentences) -> Amount:
    start, end = match.start(), match.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Amount(kind, text[start:end], start, end, sentences.sentence(start, end))
