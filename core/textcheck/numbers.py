"""Reading numbers: doses (lists, ranges, bounds, powers of ten), courses, harvest volumes and prices."""

# Numbers are found with one simple pattern; everything around a number is read with short anchored patterns in
# a window of at most a hundred characters, so the cost per number is fixed whatever the text holds.

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.textcheck.model import MAX_FINDINGS, MIN_CELLS, Amount, DoseMention
from core.textcheck.routes import route_for
from core.textcheck.spans import Sentences

_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TABLE = str.maketrans(_SUPERSCRIPT, "0123456789")
_NUMBER = re.compile(r"\d{1,20}(?:[.,]\d{1,20}){0,8}")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,8})?")
_GROUPED_PREFIX = re.compile(r"\d{1,3}(?:,\d{3}){1,6}")
_POWER = re.compile(rf"\s{{0,2}}(?:\^|\*\*)\s{{0,2}}\+?(\d{{1,2}})|([{_SUPERSCRIPT}]{{1,2}})")
_SCI = re.compile(
    rf"\s{{0,3}}[x×X✕*·]\s{{0,3}}10(?:\s{{0,2}}(?:\^|\*\*)\s{{0,2}}\+?(\d{{1,2}})|([{_SUPERSCRIPT}]{{1,2}})|(\d{{1,2}}))"
    r"(?![\d])"
)
_E_NOTATION = re.compile(r"[eE]\+?(\d{1,2})(?![\w])")
_WORD_MULT = re.compile(
    r"\s{0,2}-?\s{0,1}(million|millions|mln|mio|billion|billions|bn|thousand|thousands)\b", re.IGNORECASE
)
_LETTER_MULT = re.compile(r"(MM|M|B|bn|K|k)(?![A-Za-z])")
_PLUS = re.compile(r"\s{0,1}\+")
_JOIN = re.compile(r"\s{0,2}(?:(-|–|—|‐|‑|~)|(to)\b|(,)\s{0,2}(?:(?:and|or)\s{1,3})?|(and|or)\b)\s{0,2}", re.IGNORECASE)
_SPREAD = re.compile(r"\s{0,3}(?:±|\+/-|\+-)\s{0,3}\d{1,12}(?:\.\d{1,8})?")
_ADJ = (
    r"of|your|own|the|adult|autologous|allogeneic|allogenic|live|living|viable|fresh|cultured|expanded"
    r"|culture-expanded|umbilical|cord|cord-derived|adipose|adipose-derived|fat|fat-derived|bone|marrow"
    r"|bone-marrow|marrow-derived|bone-marrow-derived|derived|placental|donor|total|young|active|nucleated"
    r"|mononuclear|regenerative|progenitor|mesenchymal|stromal|hematopoietic|haematopoietic|Wharton['’]s|jelly"
    r"|high-quality|potent|healthy|pure|premium|MSC|mesenchymal-derived|stem|cell|human|purified|certified|additional"
)
_UNIT = re.compile(
    rf"(?:\s{{0,3}}(?:{_ADJ})\b){{0,5}}\s{{0,3}}(?:"
    r"(?P<cells>stem[\s-]{1,2}cells?|cells?|(?:[A-Za-z]{1,5}-)?MSCs?|ADSCs?|BMSCs?|ASCs?)"
    r"|(?P<exosomes>exosomes?|extracellular\s{1,3}vesicles?|EVs|vesicles?|secretome)"
    r"|(?P<particles>(?:nano)?particles?)"
    r"|(?P<platelets>platelets?))\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s{0,2}\([^()\n]{1,20}\)")
_BASIS = re.compile(
    r"\s{0,3}(?:/|\bper\b|\beach\b|\ba\b|\bfor\s{1,3}(?:one|each|a|every)\b|\bin\s{1,3}each\b)\s{0,3}(?:\d{1,3}(?:\.\d{1,2})?\s{0,2})?"
    r"(?P<b>kg|kilo(?:gram)?s?|knees?|joints?|discs?|disks?|levels?|injections?|sessions?|treatments?|infusions?"
    r"|courses?|ml|cc|doses?|vials?|patients?)\b",
    re.IGNORECASE,
)
_BASIS_WORDS = {
    "kg": "per kg", "kilo": "per kg", "knee": "per knee", "joint": "per joint", "disc": "per disc", "disk": "per disc",
    "level": "per disc", "injection": "per injection", "session": "per session", "treatment": "per treatment",
    "infusion": "per infusion", "course": "per course", "ml": "per mL", "cc": "per mL", "dose": "per injection",
    "vial": "per vial", "patient": "per patient",
}  # fmt: skip
_AT_MOST = re.compile(
    r"(?:up\s{1,3}to|as\s{1,3}many\s{1,3}as|max(?:imum)?(?:\s{1,3}of)?|no\s{1,3}more\s{1,3}than|less\s{1,3}than"
    r"|fewer\s{1,3}than|under|below|<|≤)\s{0,3}[~≈]?\s{0,2}$",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(
    r"(?:over|more\s{1,3}than|at\s{1,3}least|min(?:imum)?(?:\s{1,3}of)?|above|exceeding|>|≥)\s{0,3}[~≈]?\s{0,2}$",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(
    r"\b(?:total(?:ing|ling|s)?|in\s{1,3}total|overall|cumulative(?:ly)?)\s{0,3}(?:of\s{1,3})?$", re.I
)
_BETWEEN = re.compile(r"\bbetween\s{1,3}$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:usd|eur|gbp|us\$|a\$|c\$))\s{0,2}$", re.IGNORECASE)
_NOT_CELLS_BEFORE = re.compile(
    r"\b(?:worth|market|revenue|valued|valuation|spent|spend|costs?|price[sd]?|pay|paid|earn|sales|funding|raised"
    r"|invested|budget|fees?|affects?|affecting|affected|pmid|nct|doi|isbn|no\.)\s{0,3}(?:of\s{1,3})?"
    r"(?:about|around|approximately|over|nearly|almost|up\s{1,3}to|more\s{1,3}than)?\s{0,3}$",
    re.IGNORECASE,
)
_NOT_CELLS_AFTER = re.compile(
    r"\s{0,3}(?:[\w'’-]{1,20}\s{1,3}){0,2}?(?:people|persons?|individuals|americans|europeans|britons|adults|children"
    r"|kids|men|women|patients|sufferers|users|readers|views|visitors|followers|cases|procedures|treatments"
    r"|injections|doctors|clinics|dollars|euros|pounds|usd|eur|gbp|years?|yrs|months?|weeks?|days?|hours?|minutes?"
    r"|seconds?|times|cc|ccs|ml|mls|millilit(?:er|re)s?|lit(?:er|re)s?|l|mg|g|grams?|kg|lbs?|mm|cm|nm|percent"
    r"|worldwide|globally|dollar|euro|joints|subscribers|businesses|companies)\b|\s{0,3}%",
    re.IGNORECASE,
)
_DOSE_WORDS = (
    "cell",
    "msc",
    "stem",
    "inject",
    "dose",
    "dosing",
    "dosage",
    "infus",
    "intravenous",
    "articular",
    "discal",
    "intrathecal",
    "epidural",
    "administ",
    "transplant",
    "protocol",
    "exosom",
)
_MARKET_WORDS = (
    "market",
    "industry",
    "revenue",
    " sales",
    "valued",
    "valuation",
    "funding",
    "invest",
    "spending",
    "budget",
)


def _has_dose_context(segment: str, text: str, bounds: tuple[int, int]) -> bool:
    # Substring tests on lower-cased text cost little per number; only "IV" needs its case and word edges.
    return any(w in segment for w in _DOSE_WORDS) or bool(_IV.search(text, *bounds))


_IV = re.compile(r"(?<![A-Za-z])IV(?![A-Za-z])")
_DOSE_CONTEXT = re.compile(
    r"\bcells?\b|\bMSCs?\b|\bstem\b|\binject|\bdos(?:e|es|age|ing)\b|\binfus|\bintravenous|\bintra[\s-]?articular"
    r"|\bintra[\s-]?discal|\bintrathecal|\bepidural|\badminist|\btransplant|\bprotocol|\bexosom|(?-i:\bIV\b)",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(?:markets?|industry|revenues?|sales|valued|valuation|funding|invest\w{0,6}|spending|budget)\b", re.I
)
_EXOSOME_CONTEXT = re.compile(r"\bexosom|\bvesicle|\bEVs\b", re.IGNORECASE)
_CELL_WORD = re.compile(r"\bcells?\b|\bMSCs?\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = (
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
    | {"a": 1, "an": 1}
)
_WORD = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))
# Word numbers are looked for only just before "million"/"billion" (found first, cheaply), never across the text.
_MILLION_WORD = re.compile(r"\b(?:million|billion)\b")
_WORD_NUMBER = re.compile(rf"\b(?:{_WORD})(?:[\s-]{{1,2}}(?:{_WORD}|hundred|and)){{0,5}}\s{{1,2}}$")
_COUNT = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
_EVERY = r"(?:once\s{1,3}a\s{1,3}|every\s{1,3})"
_COURSE = (
    re.compile(rf"\b(?:{_EVERY}month|monthly)\s{{1,3}}for\s{{1,3}}{_COUNT}\s{{1,3}}months?\b", re.I),
    re.compile(rf"\b(?:{_EVERY}week|weekly)\s{{1,3}}for\s{{1,3}}{_COUNT}\s{{1,3}}weeks?\b", re.I),
    re.compile(rf"\b{_COUNT}\s{{1,3}}(?:times|injections|infusions|sessions|doses|treatments|rounds)\b", re.I),
    re.compile(r"\b(twice)\b", re.I),
)  # fmt: skip
_HARVEST = re.compile(
    r"(?:between\s{1,3})?(\d{1,4}(?:\.\d{1,2})?)(?:\s{0,2}(?:-|–|to|and)\s{0,2}\d{1,4}(?:\.\d{1,2})?)?\s{0,2}"
    r"(?:cc['’]?s?|ml|mls|millilit(?:er|re)s?)\b(?:\s{1,3}(?:[\w'’-]{1,20}\s{1,3}){0,5}?(?:bone\s{1,3}marrow|marrow"
    r"|fat|adipose|lipoaspirate|blood|aspirate))?",
    re.IGNORECASE,
)
_HARVEST_CONTEXT = re.compile(r"\b(?:harvest|collect|draw|extract|aspirat|liposuction|lipoaspirat|take)\w{0,5}", re.I)
_PRICE = re.compile(
    r"(?:[$€£¥₹]|\b(?:USD|EUR|GBP|US\$)\s{0,2})\s{0,2}\d{1,3}(?:[,.]\d{3}){0,3}(?:\.\d{2})?\+?"
    r"(?:\s{0,2}(?:-|–|to)\s{0,2}(?:[$€£¥₹]\s{0,2})?\d{1,3}(?:[,.]\d{3}){0,3}(?:\.\d{2})?\+?)?"
    r"(?:\s{0,2}(?:USD|EUR|GBP|k|thousand)\b)?",
    re.IGNORECASE,
)


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
        # A bare grouped number counts when its paragraph (a table under a "Dose" header) is about doses.
        paragraph_start = max(text.rfind("\n\n", max(0, start - 400), start), start - 400, 0)
        if not _has_dose_context(sentences.lower[paragraph_start : bounds[1]], text, (paragraph_start, bounds[1])):
            return None
    sentence_text = text[bounds[0] : bounds[1]]
    exosomes = _EXOSOME_CONTEXT.search(sentence_text) and not _CELL_WORD.search(sentence_text)
    return "exosomes" if exosomes else "cells"


def _doses_of(text: str, candidate: _Candidate, sentences: Sentences, in_words: bool) -> list[DoseMention]:
    last = candidate.items[-1]
    start = candidate.items[0].start
    if _NOT_CELLS_BEFORE.search(text, max(0, start - 40), start):
        return []
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


def find_amounts(text: str, sentences: Sentences, doses: list[DoseMention]) -> tuple[list[Amount], bool]:
    """Harvest volumes and prices, each its own finding, never a dose; and whether the list was cut."""
    found: list[Amount] = []
    for match in _HARVEST.finditer(text):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in ".,"):
            continue
        bounds = sentences.span(match.start())
        names_tissue = match.end() - match.start() > 14 and not match.group(0).rstrip().lower().endswith(("ml", "cc"))
        if names_tissue or _HARVEST_CONTEXT.search(text, max(bounds[0], match.start() - 80), match.start()):
            found.append(_amount("harvest", text, match, sentences))
        if len(found) >= MAX_FINDINGS:
            return found, True
    for match in _PRICE.finditer(text):
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
