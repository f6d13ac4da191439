"""Reading numbers: doses (lists, ranges, bounds, powers of ten), courses, harvest volumes and prices."""

# Numbers are found with one simple pattern; everything around a number is read with short anchored patterns in
# a window of at most a hundred characters, so the cost per number is fixed whatever the text holds.

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.textcheck.model import MAX_FINDINGS, MIN_CELLS, DoseMention
from core.textcheck.number_patterns import (
    _AT_LEAST,
    _AT_MOST,
    _BETWEEN,
    _BODY_BLOOD_CELLS,
    _COURSE,
    _CURRENCY_BEFORE,
    _E_NOTATION,
    _GROUPED,
    _GROUPED_PREFIX,
    _JOIN,
    _LETTER_MULT,
    _MILLION_WORD,
    _NOT_CELLS_BEFORE,
    _NUMBER,
    _PLUS,
    _POWER,
    _SCI,
    _SPREAD,
    _SUPER_TABLE,
    _SUPERSCRIPT,
    _TOTAL_BEFORE,
    _WORD_MULT,
    _WORD_NUMBER,
    _WORD_VALUES,
    _YEAR,
)
from core.textcheck.routes import route_for
from core.textcheck.spans import Sentences
from core.textcheck.units import _unit_and_basis, _unitless_product


@dataclass(frozen=True)
class _Item:
    value: float
    mult: float | None  # the multiplier written with this number (None: none written)
    start: int
    end: int
    plus: bool
    power: bool  # written as a power of ten


def _number_value(raw: str) -> float | None:
    if _GROUPED.fullmatch(raw):
        return float(raw.replace(",", ""))
    if raw.count(",") == 1 and "." not in raw and len(raw.split(",")[1]) != 3:
        return float(raw.replace(",", "."))  # a decimal comma: "1,5 millones"
    if "," in raw or raw.count(".") > 1:
        return None
    return float(raw)


def _words_value(raw: str) -> int:
    total = current = 0
    for word in re.split(r"[\s-]+", raw.lower()):
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
    return total + current


def _suffix(text: str, at: int) -> tuple[float | None, int, bool, bool]:
    """The multiplier written right after a number: (factor or None, end, plus sign, power of ten)."""
    limit = min(len(text), at + 40)
    if m := _SCI.match(text, at, limit):
        digits = next(g for g in m.groups() if g)
        return 10.0 ** int(digits.translate(_SUPER_TABLE)), m.end(), False, True
    if m := _E_NOTATION.match(text, at, limit):
        return 10.0 ** int(m.group(1)), m.end(), False, True
    factor, end = None, at
    if m := _WORD_MULT.match(text, at, limit):
        word = m.group(1).lower()
        factor = 1e9 if word.startswith(("billion", "bn")) else 1e3 if word.startswith("thousand") else 1e6
        end = m.end()
    elif m := _LETTER_MULT.match(text, at, limit):
        letter = m.group(1)
        factor = {"M": 1e6, "MM": 1e6, "B": 1e9, "bn": 1e9}.get(letter, 1e3)
        end = m.end()
    plus = False
    if factor is not None and (p := _PLUS.match(text, end, limit)):
        plus, end = True, p.end()
    return factor, end, plus, False


def _item_at(text: str, match: re.Match[str]) -> _Item | None:
    raw = match.group(0)
    start = match.start()
    if start and text[start - 1].isdigit():
        return None  # the middle of a run of digits longer than any number
    if start and (text[start - 1].isalpha() or text[start - 1] in "_.,/"):
        prefix = _GROUPED_PREFIX.match(raw)
        if not (prefix and text[start - 1].isalpha()):
            return None  # digits glued to letters (NCT01234567, COVID19) are codes, not doses
    end = match.end()
    prefix = _GROUPED_PREFIX.match(raw)
    if prefix and not _GROUPED.fullmatch(raw) and raw[prefix.end() : prefix.end() + 1].isdigit():
        raw, end = prefix.group(0), start + prefix.end()  # pasted tables run numbers together
    if len(raw) > 24:
        return None
    value = _number_value(raw)
    if value is None:
        return None
    if raw == "10" and (p := _POWER.match(text, end, end + 12)):
        digits = next(g for g in p.groups() if g)
        return _Item(10.0 ** int(digits.translate(_SUPER_TABLE)), None, start, p.end(), False, True)
    factor, after, plus, power = _suffix(text, end)
    return _Item(value, factor, start, after, plus, power)


@dataclass(frozen=True)
class _Candidate:
    items: tuple[_Item, ...]
    ranged: bool  # two items read as a range (low to high) rather than a list of doses
    end: int  # where the numbers end (before unit and basis)


def _candidate(text: str, first: _Item) -> _Candidate:
    items, ranged, position = [first], False, first.end
    while len(items) < 8:
        join = _JOIN.match(text, position, position + 12)
        if join is None:
            break
        nxt = _NUMBER.match(text, join.end(), join.end() + 25)
        if nxt is None or _CURRENCY_BEFORE.search(text, max(0, nxt.start() - 4), nxt.start()):
            break
        item = _item_at(text, nxt)
        if item is None:
            break
        is_range = bool(join.group(1) or join.group(2)) or (
            len(items) == 1
            and bool(join.group(4))
            and bool(_BETWEEN.search(text, max(0, first.start - 12), first.start))
        )
        if is_range:
            if len(items) > 1:
                break
            ranged = True
            items.append(item)
            position = item.end
            break
        if items[-1].mult is not None or (_YEAR.fullmatch(text[item.start : item.start + 4]) and item.mult is None):
            break  # "50 million, 2019" or a year in a list: not one list of doses
        items.append(item)
        position = item.end
    if ranged and len(items) == 2:
        low, high = items
        low_mult = low.mult if low.mult is not None else high.mult
        if high.mult is None or low.value * (low_mult or 1) > high.value * high.mult:
            return _Candidate((first,), False, first.end)
    elif len(items) > 1 and items[-1].mult is None:
        return _Candidate((first,), False, first.end)  # a list of plain numbers ("3, 6 and 12 months")
    return _Candidate(tuple(items), ranged, items[-1].end)


def _values(candidate: _Candidate) -> list[tuple[_Item, float, float]]:
    shared = candidate.items[-1].mult
    if candidate.ranged:
        low, high = candidate.items
        return [(low, low.value * (low.mult or shared or 1), high.value * (high.mult or 1))]
    return [
        (item, item.value * (item.mult or shared or 1), item.value * (item.mult or shared or 1))
        for item in candidate.items
    ]


def _bound(text: str, start: int, plus: bool) -> str | None:
    window = text[max(0, start - 25) : start]
    if _AT_MOST.search(window):
        return "at most"
    if plus or _AT_LEAST.search(window):
        return "at least"
    return None


_NEXT_CHARS = frozenset("-–—‐‑~,xX×✕*·^+eEmMbBkKtaoO" + _SUPERSCRIPT)
_UNIT_HINTS = ("cell", "msc", "exosom", "vesicle", "particle", "platelet", "asc", "evs", "/kg", "per kg")
MAX_CANDIDATES = 3000  # numbers read closely; past this a text is a table of numbers, not a page to check
MAX_NUMBERS = 20_000  # numbers looked at at all, for the same reason


def _hopeless(text: str, lower: str, match: re.Match[str]) -> bool:
    """A small plain number with nothing after it that could make it part of a dose (cheap, before any parsing)."""
    raw, end = match.group(0), match.end()
    if len(raw) > 4 or "," in raw:
        return False
    following = text[end : end + 4].lstrip()[:1]
    if following in _NEXT_CHARS or raw == "10":
        return False
    window = lower[end : end + 80]
    return not any(hint in window for hint in _UNIT_HINTS)


def find_doses(text: str, sentences: Sentences) -> tuple[list[DoseMention], bool]:
    """Every dose in the text, in order, and whether the list was cut (at MAX_FINDINGS doses or MAX_CANDIDATES)."""
    found: list[DoseMention] = []
    consumed = 0
    examined = 0
    for seen, match in enumerate(_candidate_numbers(text, sentences.lower)):
        if seen >= MAX_NUMBERS:
            return found, True
        if match.start() < consumed:
            continue
        if isinstance(match, _WordMatch):
            item = match.item
        elif _hopeless(text, sentences.lower, match):
            continue
        else:
            item = _item_at(text, match)
        if item is None:
            continue
        if _CURRENCY_BEFORE.search(text, max(0, item.start - 4), item.start):
            consumed = item.end
            continue
        examined += 1
        if examined > MAX_CANDIDATES:
            return found, True
        candidate = _candidate(text, item)
        doses = _doses_of(text, candidate, sentences, isinstance(match, _WordMatch))
        consumed = max(consumed, candidate.end, *(d.end for d in doses)) if doses else max(consumed, candidate.end)
        if doses and (spread := _SPREAD.match(text, doses[-1].end, doses[-1].end + 40)):
            consumed = max(consumed, spread.end() + 12)  # "61 × 10⁶ ± 0.6 × 10⁶": the spread is not a second dose
            tail = _suffix(text, spread.end())[1]
            consumed = max(consumed, tail)
        found.extend(doses)
        if len(found) >= MAX_FINDINGS:
            return found[:MAX_FINDINGS], True
    return found, False


class _WordMatch:
    """A number written in words ("twenty-five million"), shaped like a digit match for find_doses."""

    def __init__(self, text: str, start: int, end: int):
        self._start = start
        value = float(_words_value(text[start:end]))
        factor, after, plus, _ = _suffix(text, end)
        self.item = _Item(value, factor, start, after, plus, False) if factor else None

    def start(self) -> int:
        return self._start


def _word_numbers(text: str, lower: str):
    for million in _MILLION_WORD.finditer(lower):
        left = max(0, million.start() - 60)
        if found := _WORD_NUMBER.search(lower[left : million.start()]):
            end = left + found.end()
            while end > left and lower[end - 1].isspace():
                end -= 1
            yield _WordMatch(text, left + found.start(), end)


def _candidate_numbers(text: str, lower: str):
    """Digit numbers and word numbers with a multiplier, merged in order of position."""
    words = iter(_word_numbers(text, lower))
    next_word = next(words, None)
    for match in _NUMBER.finditer(text):
        while next_word is not None and next_word.start() < match.start():
            yield next_word
            next_word = next(words, None)
        yield match
    while next_word is not None:
        yield next_word
        next_word = next(words, None)


def _doses_of(text: str, candidate: _Candidate, sentences: Sentences, in_words: bool) -> list[DoseMention]:
    last = candidate.items[-1]
    start = candidate.items[0].start
    if _NOT_CELLS_BEFORE.search(text, max(0, start - 40), start):
        return []
    if _BODY_BLOOD_CELLS.match(text, candidate.end, candidate.end + 60):
        return []  # "the marrow makes 200 billion new blood cells every day": the body's own output, not a dose
    what, basis, position = _unit_and_basis(text, candidate.end)
    unit_stated = what is not None
    if what is None:
        what = _unitless_product(text, candidate, sentences, in_words, basis is not None)
        if what is None:
            return []
    bounds = sentences.span(start)
    total_before = bool(_TOTAL_BEFORE.search(text, max(0, start - 30), start))
    if total_before and basis is None:
        basis = "course total"
    sentence = sentences.sentence(start, position)
    route, inferred = route_for(text, start, position, sentences)
    course = (
        _course(text, (start, _next_dose_at(text, position, bounds[1])))
        if basis not in ("course total", "per mL")
        else (None, "")
    )
    doses = []
    for index, (item, low, high) in enumerate(_values(candidate)):
        if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 or high < low:
            continue
        if high < MIN_CELLS or high > 1e15:
            continue
        is_last = index == len(candidate.items) - 1 or candidate.ranged
        end = position if is_last else item.end
        item_start = item.start if not candidate.ranged else start
        count, course_text = course
        doses.append(
            DoseMention(
                text=text[item_start:end],
                start=item_start,
                end=end,
                cells_low=low,
                cells_high=high,
                per_kg=basis == "per kg",
                route=route,
                unit_stated=unit_stated,
                sentence=sentence,
                what=what,
                basis=basis,
                bound=_bound(text, item_start, last.plus if is_last else item.plus),
                route_inferred=inferred,
                course_count=count,
                course_text=course_text,
                course_low=low * count if count else None,
                course_high=high * count if count else None,
            )
        )
    return doses


_NEXT_DOSE = re.compile(r"\d[\d,.]{0,12}\s{0,2}(?:million|billion|[x×]\s{0,2}10|M\b)", re.IGNORECASE)


def _next_dose_at(text: str, after: int, limit: int) -> int:
    """Where the next dose-like number starts (a course named after it belongs to that dose), else the limit."""
    found = _NEXT_DOSE.search(text, after, limit)
    return found.start() if found else limit


def _course(text: str, bounds: tuple[int, int]) -> tuple[int | None, str]:
    """How many times the sentence says the dose is given ("monthly for 3 months", "3 times")."""
    for pattern in _COURSE:
        if m := pattern.search(text, *bounds):
            word = m.group(1).lower()
            count = 2 if word == "twice" else int(word) if word.isdigit() else _WORD_VALUES.get(word, 12)
            if 1 < count <= 24:
                return count, " ".join(m.group(0).split())
    return None, ""
