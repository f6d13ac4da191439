"""Reading Spanish numbers: doses ("15 millones de células", "1,5 × 10⁶", "mil millones"), prices, volumes.

Spanish writes decimals with a comma ("1,5 millones") but Mexico and much of Latin America with a point, and
thousands the other way round; a separator followed by exactly three digits is read as thousands, any other as
the decimal mark. The long scale is kept: a "billón" is 10^12 and "mil millones" 10^9.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.textcheck import spanish_patterns as sp
from core.textcheck.amounts import collect_amounts
from core.textcheck.model import MAX_FINDINGS, MIN_CELLS, Amount, DoseMention
from core.textcheck.spans import Sentences

_NUMBER = re.compile(sp.NUMBER)
_GROUPED = re.compile(r"\d{1,3}(?:([.,\u00a0\u202f])\d{3})(?:\1\d{3}){0,4}")
_SUPER = str.maketrans(sp.SUPERSCRIPT, "0123456789")
_POWER = re.compile(sp.POWER)
_SCI = re.compile(sp.SCI)
_E_NOTATION = re.compile(sp.E_NOTATION)
_WORD_MULT = re.compile(sp.WORD_MULT)
_LETTER_MULT = re.compile(sp.LETTER_MULT)
_WORD_NUMBER = re.compile(sp.WORD_NUMBER)
_BARE_THOUSAND_MILLION = re.compile(sp.BARE_THOUSAND_MILLION)
_JOIN = re.compile(sp.JOIN)
_BETWEEN = re.compile(sp.BETWEEN)
_UNIT = re.compile(sp.UNIT + sp.ADJ_AFTER, re.IGNORECASE)
_BASIS = re.compile(sp.BASIS, re.IGNORECASE)
_AT_MOST = re.compile(sp.AT_MOST, re.IGNORECASE)
_AT_LEAST = re.compile(sp.AT_LEAST, re.IGNORECASE)
_TOTAL_BEFORE = re.compile(sp.TOTAL_BEFORE, re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(sp.CURRENCY_BEFORE, re.IGNORECASE)
_NOT_CELLS_BEFORE = re.compile(sp.NOT_CELLS_BEFORE, re.IGNORECASE)
_NOT_CELLS_AFTER = re.compile(sp.NOT_CELLS_AFTER, re.IGNORECASE)
_EXOSOME_CONTEXT = re.compile(sp.EXOSOME_CONTEXT, re.IGNORECASE)
_CELL_WORD = re.compile(sp.CELL_WORD, re.IGNORECASE)
_PRICE = re.compile(sp.PRICE, re.IGNORECASE)
_HARVEST = re.compile(sp.HARVEST, re.IGNORECASE)
_HARVEST_CONTEXT = re.compile(sp.HARVEST_CONTEXT, re.IGNORECASE)
_COURSE = tuple(re.compile(p) for p in sp.COURSE)
_NEXT_DOSE = re.compile(r"\d[\d,.]{0,12}\s{0,2}(?:mill|bill|mil\s{1,3}mill|[x×*]\s{0,2}10)")
MAX_NUMBERS = 20_000  # numbers looked at at all: past this a text is a table of numbers, not a page to check


@dataclass(frozen=True)
class _Item:
    value: float
    mult: float | None
    start: int
    end: int
    power: bool


def number_value(raw: str) -> float | None:
    """'1.500' and '1,500' -> 1500 (thousands); '1,5' and '1.5' -> 1.5 (a decimal mark)."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if _GROUPED.fullmatch(raw.replace(" ", ".")):
        return float(re.sub(r"[.,\s]", "", raw))
    seps = [c for c in raw if c in ".,"]
    if len(seps) > 1:  # "1.500,5" or "1,500.5": the last mark is the decimal one
        head, last = raw[: max(raw.rfind("."), raw.rfind(","))], raw[max(raw.rfind("."), raw.rfind(",")) + 1 :]
        return float(re.sub(r"[.,\s]", "", head) + "." + last)
    return float(raw.replace(",", ".").replace(" ", ""))


def _suffix(text: str, at: int) -> tuple[float | None, int, bool]:
    limit = min(len(text), at + 40)
    if m := _SCI.match(text, at, limit):
        return 10.0 ** int(next(g for g in m.groups() if g).translate(_SUPER)), m.end(), True
    if m := _E_NOTATION.match(text, at, limit):
        return 10.0 ** int(m.group(1)), m.end(), True
    lower = sp.spanish_lower(text[at:limit])
    if m := _WORD_MULT.match(lower):
        index = int(m.lastgroup[1:])
        return sp.MULTIPLIERS[index][1], at + m.end(), False
    if m := _LETTER_MULT.match(text, at, limit):
        return 1e6, m.end(), False
    return None, at, False


def _item_at(text: str, match: re.Match[str]) -> _Item | None:
    start, raw = match.start(), match.group(0)
    if start and (text[start - 1].isalnum() or text[start - 1] in "_/"):
        return None  # digits glued to letters (NCT01234567) are codes, not doses
    value = number_value(raw)
    if value is None or len(raw) > 24:
        return None
    if raw == "10" and (p := _POWER.match(text, match.end(), match.end() + 12)):
        return _Item(10.0 ** int(next(g for g in p.groups() if g).translate(_SUPER)), None, start, p.end(), True)
    mult, end, power = _suffix(text, match.end())
    return _Item(value, mult, start, end, power)


def _word_items(text: str, lower: str):
    for m in _WORD_NUMBER.finditer(lower):
        total = sum(sp.WORD_VALUES.get(w, 0) for w in m.group(0).split())
        mult, end, _ = _suffix(text, m.end())
        if mult and mult >= 1e6:
            yield _Item(float(total), mult, m.start(), end, False)
    for m in _BARE_THOUSAND_MILLION.finditer(lower):
        yield _Item(1.0, 1e9, m.start(), m.end(), False)


def _items(text: str, lower: str):
    """Digit numbers and word numbers, in order of position."""
    found = [(m.start(), m) for m in _NUMBER.finditer(text)][:MAX_NUMBERS]
    words = [(i.start, i) for i in _word_items(text, lower)][:MAX_NUMBERS]
    for _start, thing in sorted(found + words, key=lambda pair: pair[0]):
        yield thing if isinstance(thing, _Item) else _item_at(text, thing)


def _chain(text: str, first: _Item) -> tuple[list[_Item], bool]:
    """The numbers read together: a range ("entre 10 y 20 millones", "10-20 millones") or a list of doses."""
    items, ranged, position = [first], False, first.end
    between = bool(_BETWEEN.search(sp.spanish_lower(text[max(0, first.start - 12) : first.start])))
    while len(items) < 8:
        join = _JOIN.match(text, position, position + 12)
        nxt = _NUMBER.match(text, join.end(), join.end() + 25) if join else None
        if nxt is None or _CURRENCY_BEFORE.search(text, max(0, nxt.start() - 4), nxt.start()):
            break
        item = _item_at(text, nxt)
        if item is None or (items[-1].mult is not None and item.mult is None and not join.group(1)):
            break  # "50 millones, 2019": a year after a dose is not one more dose
        ranged = ranged or bool(join.group(1)) or (between and bool(join.group(3)))
        items.append(item)
        position = item.end
        if ranged:
            break
    if items[-1].mult is None and not items[-1].power and len(items) > 1:
        return [first], False  # a list of plain numbers ("3, 6 y 12 meses")
    return items, ranged


def find_doses(text: str, sentences: Sentences, route_for) -> tuple[list[DoseMention], bool]:
    """Every dose in the text in order (a list or range as one dose, low to high), and whether the list was cut."""
    found: list[DoseMention] = []
    consumed = 0
    for item in _items(text, sentences.lower):
        if item is None or item.start < consumed:
            continue
        if _CURRENCY_BEFORE.search(text, max(0, item.start - 5), item.start):
            consumed = item.end
            continue
        items, _ranged = _chain(text, item)
        dose = _dose(text, items, sentences, route_for)
        consumed = max(consumed, items[-1].end, dose.end if dose else 0)
        if dose:
            found.append(dose)
            if len(found) >= MAX_FINDINGS:
                return found, True
    return found, False


def _dose(text: str, items: list[_Item], sentences: Sentences, route_for) -> DoseMention | None:
    start, end = items[0].start, items[-1].end
    shared = items[-1].mult
    values = [i.value * (i.mult or shared or 1) for i in items]
    low, high = min(values), max(values)
    if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 or high < MIN_CELLS or high > 1e15:
        return None
    if _NOT_CELLS_BEFORE.search(sp.spanish_lower(text[max(0, start - 40) : start])):
        return None
    what, basis, position = None, None, end
    if unit := _UNIT.match(text, end, end + 120):
        what, position = unit.lastgroup, unit.end()
    if b := _BASIS.match(text, position, position + 60):
        word = sp.spanish_lower(b.group("b"))
        basis = next((v for k, v in sp.BASIS_WORDS.items() if word.startswith(k)), None)
        position = b.end()
    bounds = sentences.span(start)
    # A list under a line that names the product ("Dosis habituales: ... Normalmente de 5, 10 y 25 millones."):
    # the sentence before counts as the number's context too.
    segment = sentences.lower[sentences.span(max(0, bounds[0] - 2))[0] : bounds[1]]
    if what is None:
        multiplied = any(i.power or (i.mult or 0) >= 1e5 for i in items) or (shared or 0) >= 1e5
        if not multiplied or (basis is None and _NOT_CELLS_AFTER.match(text, end, end + 60)):
            return None
        if not any(w in segment for w in sp.DOSE_WORDS) or any(w in segment for w in sp.MARKET_WORDS):
            return None
        sentence_text = text[bounds[0] : bounds[1]]
        exosomes = _EXOSOME_CONTEXT.search(sentence_text) and not _CELL_WORD.search(sentence_text)
        what, unit_stated = ("exosomes" if exosomes else "cells"), False
    else:
        unit_stated = True
        what = "cells" if what in ("cells",) else what
    if _TOTAL_BEFORE.search(sp.spanish_lower(text[max(0, start - 30) : start])) and basis is None:
        basis = "course total"
    route, inferred = route_for(text, start, position, sentences)
    count, course_text = (None, "") if basis in ("course total", "per mL") else _course(sentences, position, bounds[1])
    return DoseMention(
        text=text[start:position].rstrip(),
        start=start,
        end=start + len(text[start:position].rstrip()),
        cells_low=low,
        cells_high=high,
        per_kg=basis == "per kg",
        route=route,
        unit_stated=unit_stated,
        sentence=sentences.sentence(start, position),
        what=what,
        basis=basis,
        bound=_bound(text, start),
        route_inferred=inferred,
        course_count=count,
        course_text=course_text,
        course_low=low * count if count else None,
        course_high=high * count if count else None,
    )


def _course(sentences: Sentences, after: int, limit: int) -> tuple[int | None, str]:
    """How many times the sentence says the dose is given ("una vez al mes durante 3 meses", "3 sesiones")."""
    following = _NEXT_DOSE.search(sentences.lower, after, limit)  # a course after the next dose belongs to that one
    end = following.start() if following else limit
    for pattern in _COURSE:
        if m := pattern.search(sentences.lower, after, end):
            word = m.group(1)
            count = int(word) if word.isdigit() else sp.WORD_VALUES.get(word, 0)
            if 1 < count <= 24:
                return count, " ".join(sentences.text[m.start() : m.end()].split())
    return None, ""


def _bound(text: str, start: int) -> str | None:
    window = sp.spanish_lower(text[max(0, start - 25) : start])
    if _AT_MOST.search(window):
        return "at most"
    if _AT_LEAST.search(window):
        return "at least"
    return None


def find_amounts(text: str, sentences: Sentences, doses: list[DoseMention]) -> tuple[list[Amount], bool]:
    """Harvest volumes ("50-100 cm3 de grasa") and prices ("3.000 €", "USD 5,000", "80.000 pesos"), never doses."""
    prices = (m for m in _PRICE.finditer(text) if not (m.start() and text[m.start() - 1].isalnum()))
    return collect_amounts(text, sentences, doses, _harvests(text, sentences), prices)


def _harvests(text: str, sentences: Sentences) -> Iterator[re.Match[str]]:
    for match in _HARVEST.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in ".,"):
            continue
        bounds = sentences.span(match.start())
        names_tissue = " de " in match.group(0)
        if names_tissue or _HARVEST_CONTEXT.search(sentences.lower, max(bounds[0], match.start() - 80), match.start()):
            yield match
