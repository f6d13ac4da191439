"""Check any pasted or uploaded text: its cell doses, its sure-sounding and hedging words, what it leaves out."""

from __future__ import annotations

import bisect
import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pandas as pd

from core.text import format_count, md_escape, normalise_space

MAX_CHARS = 200_000
MAX_UPLOAD_BYTES = 5_000_000
UPLOAD_TYPES = ("txt", "md", "html", "htm")
MIN_CELLS = 10_000  # a cell dose is never this small; smaller "doses" are counts of something else

ROUTES = (
    "intra-articular knee",
    "intradiscal",
    "intrathecal",
    "epidural",
    "intrathecal-or-epidural as stated",
    "spine, site unspecified",
    "intravenous",
)


class TextCheckError(ValueError):
    """Input the checker cannot take; the message is written for the person who gave it."""


class TextTooLongError(TextCheckError):
    """The text has more than MAX_CHARS characters."""


class UploadError(TextCheckError):
    """An uploaded file that is not a readable .txt, .md or .html text file."""


# --- result types --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoseMention:
    """One cell dose found in the text.

    `text` is `input[start:end]`. `cells_low`/`cells_high` are numbers of cells (equal for a single number);
    when `per_kg` is True they are cells per kilogram of body weight. `route` is one of ROUTES when the sentence
    names one, else None. `unit_stated` is False for a bare number (as in a table) that the text never calls cells.
    """

    text: str
    start: int
    end: int
    cells_low: float
    cells_high: float
    per_kg: bool
    route: str | None
    unit_stated: bool
    sentence: str


@dataclass(frozen=True)
class LanguageHit:
    """A word or phrase that makes a claim sound sure ('certainty', 'hype', 'testimonial') or unsure ('hedge')."""

    text: str
    start: int
    end: int
    kind: str
    sentence: str


@dataclass(frozen=True)
class CheckItem:
    """One question of the source-quality checklist, answered from the text with the snippet that decided it."""

    key: str
    question: str
    found: bool
    good_if_found: bool
    evidence: str
    note: str

    @property
    def good(self) -> bool:
        return self.found == self.good_if_found


@dataclass(frozen=True)
class TextReport:
    """What analyze() found. Every list is sorted by position; spans within a list never overlap."""

    length: int
    doses: list[DoseMention] = field(default_factory=list)
    language: list[LanguageHit] = field(default_factory=list)
    checklist: list[CheckItem] = field(default_factory=list)

    @property
    def sure_words(self) -> list[LanguageHit]:
        return [h for h in self.language if h.kind != "hedge"]

    @property
    def hedges(self) -> list[LanguageHit]:
        return [h for h in self.language if h.kind == "hedge"]


# --- numbers -------------------------------------------------------------------------------------

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = (
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: (i + 2) * 10 for i, w in enumerate(_TENS)}
    | {"a": 1, "an": 1}
)
_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
_WORDNUM = (
    rf"(?=[aefnostAEFNOST])(?i:\b(?:(?:{_SMALL}|an?)(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?|{_SMALL})\b)"
    r"(?=\s*(?:[-–—]|(?i:mil|bil|tho|mln|mio|bn\b|to\s|and\s)))"  # a word number needs a multiplier or a range
)
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_GROUPED = r"\d{1,3}(?:,\d{3}){1,6}"  # 100,000,000 (no end check: pasted tables run numbers together)
_POWER = rf"10\s*(?:\^|\*\*)\s*\+?\d{{1,2}}(?!\d)|10[{_SUPERSCRIPT}]{{1,2}}"  # 10^7, 10⁷
_PLAIN = r"\d{1,15}(?:\.\d{1,8})?(?!\d)(?:[eE]\+?\d{1,2}(?!\d))?"  # 50, 1.5, 5e7
_DIGITNUM = rf"(?<![\d.,])(?:{_GROUPED}|{_POWER}|{_PLAIN})"
_NUM = rf"(?:{_DIGITNUM}|{_WORDNUM})"
_MULT = (
    r"(?:(?:\s+|-)(?i:millions?|mln|mio|billions?|bn|thousands?)\b"
    r"|(?:MM|M|K|k)(?![A-Za-z])"
    rf"|\s*[x×X✕*·]\s*10\s*(?:(?:\^|\*\*)\s*\+?\d{{1,2}}(?!\d)|[{_SUPERSCRIPT}]{{1,2}}|[3-9](?!\d)))"
)
_SEP = r"(?:\s*[-–—‐‑~]\s*|\s+(?i:to|and)\s+)"
_ADJ = (
    r"(?i:of|your|own|the|adult|autologous|allogeneic|allogenic|live|living|viable|fresh|cultured|expanded"
    r"|culture-expanded|umbilical|cord|cord-derived|adipose|adipose-derived|fat|fat-derived|bone|marrow"
    r"|bone-marrow|marrow-derived|bone-marrow-derived|derived|placental|donor|total|young|active|nucleated"
    r"|mononuclear|regenerative|progenitor|mesenchymal|stromal|hematopoietic|haematopoietic|Wharton['’]s|jelly"
    r"|expanded|high-quality|potent|healthy|pure|premium|MSC)"
)
_CELLNOUN = r"(?:(?i:stem[\s-]+cells?|cells?)|MSCs?|ADSCs?|BMSCs?|UC-MSCs?|hUC-MSCs?)\b"
_PERKG = r"(?:\s*(?:/|\bper\b|\ba\b)\s*(?i:kg|kilo(?:gram)?s?)\b(?:\s+(?i:of\s+)?(?i:body\s*weight|bw))?)"

_DOSE = re.compile(
    rf"(?P<low>(?<![\d.,])(?:(?P<grouped>{_GROUPED})|(?P<power>{_POWER})|{_PLAIN})|{_WORDNUM})(?P<lowmult>{_MULT})?"
    rf"(?:{_SEP}(?P<high>{_NUM})(?P<highmult>{_MULT})?)?"
    rf"(?P<unit>\s+(?:{_ADJ}\s+){{0,4}}{_CELLNOUN})?"
    rf"(?P<perkg>{_PERKG})?"
    # Fail fast, inside the regex engine, on a plain number with nothing around it that could make it a dose.
    r"(?(lowmult)|(?(highmult)|(?(unit)|(?(perkg)|(?(grouped)|(?(power)|(?!)))))))"
)
_NOT_CELLS_AFTER = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?(?i:people|persons?|individuals|americans|europeans|britons|adults|children|kids"
    r"|men|women|patients|sufferers|users|readers|views|visitors|followers|cases|procedures|treatments|injections"
    r"|doctors|clinics|dollars|euros|pounds|usd|eur|gbp|years?|yrs|months?|weeks?|days?|hours?|minutes?|seconds?"
    r"|times|cc|ccs|ml|mls|millilit(?:er|re)s?|lit(?:er|re)s?|l|mg|g|grams?|kg|lbs?|mm|cm|percent|worldwide"
    r"|globally|dollar|euro)\b|\s*%"
)
_NOT_CELLS_BEFORE = re.compile(
    r"(?:[$€£¥₹]|\b(?i:usd|eur|gbp|us\$|a\$|c\$|worth|market|revenue|valued|valuation|spent|spend|costs?|price[sd]?"
    r"|pay|paid|earn|sales|funding|raised|invested|budget|fees?|affects?|affecting|affected|pmid|nct|doi|isbn"
    r"|no\.))\s*(?:of\s+)?(?:about|around|approximately|over|nearly|almost|up\s+to|more\s+than)?\s*$"
)
_DOSE_CONTEXT = re.compile(
    r"(?i:\bcells?\b|\bMSCs?\b|\bstem\b|\binject|\bdos(?:e|es|age|ing)\b|\binfus|\bintravenous|\bintra[\s-]?articular"
    r"|\bintra[\s-]?discal|\bintrathecal|\bepidural|\badminist|\btransplant|\bprotocol)|(?<![A-Za-z])IV(?![A-Za-z])"
)
_MONEY_CONTEXT = re.compile(
    r"[$€£¥₹]|(?i:\b(?:markets?|industry|revenues?|sales|worth|valued|valuation|dollars|euros|funding|invest\w*"
    r"|spending|budget)\b)"
)
_SCI = re.compile(rf"10\s*(?:(?:\^|\*\*)\s*\+?(\d{{1,2}})|([{_SUPERSCRIPT}]{{1,2}})|([3-9]))")
_SUPER_TABLE = str.maketrans(_SUPERSCRIPT, "0123456789")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def _number_value(raw: str) -> tuple[float, bool]:
    """The value of one number token, and whether it was written with thousands commas."""
    raw = raw.strip()
    if raw[:1].isdigit():
        sci = _SCI.fullmatch(raw) if raw.startswith("10") and len(raw) > 2 else None
        if sci and not _ASCII_DIGITS.fullmatch(raw[2:]):
            return 10.0 ** int(next(g for g in sci.groups() if g).translate(_SUPER_TABLE)), False
        return float(raw.replace(",", "")), "," in raw
    return float(_words_value(raw)), False


def _words_value(raw: str) -> int:
    total = current = 0
    for word in re.split(r"[\s-]+", raw.lower()):
        if word == "hundred":
            current = max(current, 1) * 100
        elif word != "and":
            current += _WORD_VALUES[word]
    return total + current


def _multiplier(raw: str | None) -> float:
    if not raw:
        return 1.0
    word = raw.strip(" -\t\n").lower()
    if word.startswith(("million", "mln", "mio")) or word == "mm" or raw.strip() == "M":
        return 1e6
    if word.startswith(("billion", "bn")):
        return 1e9
    if word.startswith("thousand") or word == "k":
        return 1e3
    sci = _SCI.search(raw)
    return 10.0 ** int(next(g for g in sci.groups() if g).translate(_SUPER_TABLE)) if sci else 1.0


# --- sentences and routes ------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")
_CLAUSE_BREAK = re.compile(r"[;+•|]|,\s|\s[-–—]\s")
# Words are matched without a trailing \b because pasted tables glue numbers to them ("Intra discal50,000,000").
# A bare "knee", "disc" or "spine" names a route only as a place something goes ("into the knee", "per disc").
_PLACE = r"(?:into|in|per|each|to|both|the|a|one|every)\s+(?:the\s+|each\s+|your\s+|a\s+|affected\s+)?"
_ROUTE_WORDS = re.compile(
    rf"(?P<knee>(?i:\bintra[\s-]?articular(?:ly)?|\b{_PLACE}knees?\b|\bknee[\s-]+(?:joint|injection)s?\b))"
    rf"|(?P<disc>(?i:\bintra[\s-]?dis[ck]al(?:ly)?|\b{_PLACE}(?:disc|disk)s?\b))"
    r"|(?P<thecal>(?i:\bintrathecal(?:ly)?))"
    r"|(?P<epidural>(?i:\bepidural(?:ly)?))"
    r"|(?P<iv>(?i:\bintravenous(?:ly)?|\binfusions?\b|\binfused\b|\bdrip\b)|(?<![A-Za-z])(?:IV|i\.v\.)(?![A-Za-z]))"
    rf"|(?P<spine>(?i:\b{_PLACE}(?:spine|back)\b|\bspinal(?:\s+level)?\b|\blumbar\b|\bvertebra[el]?\b))"
)
_ROUTE_OF_GROUP = {
    "knee": "intra-articular knee",
    "disc": "intradiscal",
    "thecal": "intrathecal",
    "epidural": "epidural",
    "iv": "intravenous",
    "spine": "spine, site unspecified",
}


class _Sentences:
    """Sentence boundaries of a text, found once, looked up by position.

    A "sentence" never reaches more than WINDOW characters from the position asked about, so that text without
    full stops (a table, a pasted list) still costs a fixed amount per finding.
    """

    WINDOW = 200

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def span(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, position) - 1
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return max(self.starts[index], position - self.WINDOW), min(end, position + self.WINDOW)

    def sentence(self, start: int, end: int) -> str:
        first = self.span(start)[0]
        last = max(self.span(max(end - 1, start))[1], end)
        return " ".join(self.text[first:last].split())


def _clause(text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    left, right = bounds
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)]
    after = _CLAUSE_BREAK.search(text, end, right)
    return (breaks_before[-1] if breaks_before else left), (after.start() if after else right)


def _route(text: str, start: int, end: int, bounds: tuple[int, int]) -> str | None:
    """The route named nearest the dose in its clause (else its sentence); a specific route beats a bare 'spine'."""
    found = _routes_near(text, start, end, *_clause(text, start, end, bounds)) or _routes_near(
        text, start, end, *bounds
    )
    if "intrathecal" in found and "epidural" in found:
        return "intrathecal-or-epidural as stated"
    specific = {r: d for r, d in found.items() if r != "spine, site unspecified"}
    if specific:
        return min(specific, key=specific.__getitem__)
    return "spine, site unspecified" if found else None


def _routes_near(text: str, start: int, end: int, left: int, right: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for match in _ROUTE_WORDS.finditer(text, left, right):
        distance = start - match.end() if match.end() <= start else max(match.start() - end, 0)
        route = _ROUTE_OF_GROUP[match.lastgroup or ""]
        found[route] = min(distance, found.get(route, distance))
    return found


# --- doses ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    low: float
    high: float
    grouped: bool  # written with thousands commas, as in 50,000,000
    multiplied: bool  # a million-sized multiplier or a power of ten was written (million, M, x 10^7, 10^7)


def _reading(match: re.Match[str]) -> _Reading | None:
    """The numbers of a candidate, with a multiplier written once applied to both ends ("20–40 million")."""
    try:
        low, low_grouped = _number_value(match.group("low"))
        high, high_grouped = _number_value(match.group("high")) if match.group("high") else (low, low_grouped)
    except (KeyError, ValueError, OverflowError):
        return None
    low_mult, high_mult = _multiplier(match.group("lowmult")), _multiplier(match.group("highmult"))
    if not match.group("high"):
        high_mult = low_mult
    elif not match.group("lowmult"):
        low_mult = high_mult
    elif not match.group("highmult"):
        high_mult = low_mult
    low, high = low * low_mult, high * high_mult
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        return None
    power = match.group("power") is not None
    return _Reading(low, high, low_grouped or high_grouped, power or max(low_mult, high_mult) >= 1e5)


def _is_dose(text: str, match: re.Match[str], sentences: _Sentences, reading: _Reading) -> bool:
    """Decide from the words around a number whether it is a cell dose."""
    start = match.start()
    if match.group("low")[:1].isalpha() and not reading.multiplied:
        return False  # a word number is a dose only with 'million', 'billion' etc.
    if start and text[start - 1].isalpha() and not reading.grouped:
        return False  # digits glued to letters (NCT01234567, COVID19) are codes, not doses
    if reading.high < MIN_CELLS or _NOT_CELLS_BEFORE.search(text, max(0, start - 40), start):
        return False
    if match.group("unit") or match.group("perkg"):
        return True
    if _NOT_CELLS_AFTER.match(text, match.end(), min(len(text), match.end() + 60)):
        return False
    bounds = sentences.span(start)
    if reading.multiplied:
        return bool(_DOSE_CONTEXT.search(text, *bounds)) and not _MONEY_CONTEXT.search(text, *bounds)
    if not reading.grouped:
        return False  # a bare number without commas (a year, a PMID, a phone number) is never read as a dose
    # A bare grouped number counts when its paragraph (e.g. a table under a "Dose"/"Cells" header) is about doses.
    paragraph_start = max(text.rfind("\n\n", 0, start), start - 400, 0)
    return bool(_DOSE_CONTEXT.search(text, paragraph_start, bounds[1]))


def _candidates(text: str) -> Iterable[re.Match[str]]:
    """Candidate numbers, left to right; a range that reads backwards ("2019 – 50 million") is retried from its end."""
    position = 0
    while (match := _DOSE.search(text, position)) is not None:
        if match.group("high") and _reading(match) is None:
            yield from _candidates_single(text, match)
            position = match.start("high")
            continue
        yield match
        position = max(match.end(), match.start() + 1)


def _candidates_single(text: str, match: re.Match[str]) -> Iterable[re.Match[str]]:
    low_only = _DOSE.match(text, match.start(), match.end("lowmult") if match.group("lowmult") else match.end("low"))
    if low_only is not None:
        yield low_only


def find_doses(text: str, sentences: _Sentences | None = None) -> list[DoseMention]:
    """Every cell dose in the text, in order (see DoseMention)."""
    sentences = sentences or _Sentences(text)
    found = []
    for match in _candidates(text):
        reading = _reading(match)
        if reading is None or not _is_dose(text, match, sentences, reading):
            continue
        start, end = match.span()
        found.append(
            DoseMention(
                text=match.group(0),
                start=start,
                end=end,
                cells_low=reading.low,
                cells_high=reading.high,
                per_kg=bool(match.group("perkg")),
                route=_route(text, start, end, sentences.span(start)),
                unit_stated=bool(match.group("unit")),
                sentence=sentences.sentence(start, end),
            )
        )
    return found


# --- language ------------------------------------------------------------------------------------

_LANGUAGE = re.compile(
    r"(?P<certainty>(?i:\b(?:clinically|scientifically|medically)\s+proven\b|\bproven\b|\b(?:has|have)\s+(?:been\s+)?"
    r"(?:shown|proven|demonstrated)\b|\bguaranteed?\b|\b(?:is|are)\s+(?:completely\s+|totally\s+|100%\s+)?safe\b"
    r"|\bno\s+side[\s-]effects\b|\brisk[\s-]free\b|\bpermanent(?:ly)?\b|\bwill\s+(?:cure|heal|repair|regrow|"
    r"regenerate|restore)\b|\beliminates?\b))"
    r"|(?P<hype>(?i:\brevolution(?:ary|i[sz]e[sd]?)?\b|\bbreakthroughs?\b|\bmiracle\b|\bcutting[\s-]edge\b"
    r"|\bstate[\s-]of[\s-]the[\s-]art\b|\bgame[\s-]chang(?:er|ing)\b|\bcures?\b|\bcured\b|\bremarkable\b"
    r"|\bpromising\b|\bgroundbreaking\b|\bamazing\b|\bunprecedented\b))"
    r"|(?P<testimonial>(?i:\b(?:many\s+|most\s+|our\s+|some\s+)?patients\s+(?:report|say|tell|describe)\b"
    r"|\btestimonials?\b|\bsuccess\s+(?:stories|rate)\b|\breviews?\s+from\s+patients\b))"
    r"|(?P<hedge>(?i:\bmore\s+(?:research|studies|trials)\s+(?:is|are)\s+needed\b|\bfurther\s+research\b"
    r"|\b(?:additional|more)\s+(?:research|studies|trials)\b|\bmay\s+not\b|\bmight\b|\bcould\b"
    r"|\bpotential(?:ly)?\b|\bpossibl[ey]\b|\bnot\s+yet\b|\bunder\s+investigation\b|\bresults\s+(?:may\s+)?vary\b"
    r"|\bearly\s+(?:studies|research|results)\b|\bemerging\b|\bsuggests?\b)|\b[Mm]ay\b(?!\s+\d))"
)


def find_language(text: str, sentences: _Sentences | None = None) -> list[LanguageHit]:
    """Sure-sounding claims, hype, testimonials and hedges, in order."""
    sentences = sentences or _Sentences(text)
    return [
        LanguageHit(m.group(0), m.start(), m.end(), m.lastgroup or "", sentences.sentence(m.start(), m.end()))
        for m in _LANGUAGE.finditer(text)
    ]


# --- checklist -----------------------------------------------------------------------------------

_RISK = (
    re.compile(
        r"(?i:\b(?:side[\s-]effects?|complications?|adverse|infections?|bleeding|nerve\s+damage|tumou?rs?|death"
        r"|paralysis|harms?)\b)"
    ),
    re.compile(r"(?i:\b(?:risks?|dangers?|dangerous)\b)"),
)
_RISK_DENIED = re.compile(r"(?i:\b(?:no|without|zero|free\s+of|minimal|reduces?|lowers?|avoid)\s+(?:\w+\s+){0,3}$)")
# A risk of surgery or pills is not a risk of the stem-cell treatment the text sells.
_OTHER_TREATMENT = re.compile(r"(?i:\b(?:traditional|conventional|surgery|surgical|medications?|drugs|steroids?)\b)")
_PRICE = re.compile(
    r"[$€£¥₹]\s?\d[\d,.]{0,15}(?:\s?(?i:k|thousand|million))?"
    r"|(?<![\d,.])\d[\d,.]{0,15}\s?(?i:usd|eur|gbp|dollars|euros|pounds)\b|\b(?i:usd|eur|gbp|us\$)\s?\d[\d,.]{0,15}"
)
_COST_WORDS = re.compile(r"(?i:\b(?:costs?|price[sd]?|pricing|expensive|fees?|afford\w*|insurance)\b)")
_STUDY_ID = re.compile(
    r"(?i:\b10\.\d{4,9}/[^\s\"<>]+|\bPMID:?\s*\d{5,9}\b|\bPMC\d{5,9}\b|\bNCT\d{8}\b"
    r"|pubmed\.ncbi\.nlm\.nih\.gov/\d+|clinicaltrials\.gov/\S+)"
    r"|\b[A-Z][A-Za-z'’-]+\s+et\s+al\.?,?\s*\(?(?:19|20)\d{2}\b"
    r"|\(\s*[A-Z][A-Za-z'’-]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z'’-]+)?,?\s+(?:19|20)\d{2}\s*\)"
)
_VAGUE_STUDY = (
    re.compile(r"(?i:\ba\s+(?:19|20)\d{2}\s+study\b|\bpublished\s+in\b)"),
    re.compile(
        r"(?i:\b(?:studies|research|trials|evidence|science)\s+(?:show|shows|suggest|suggests|prove|proves"
        r"|supports?|has\s+shown|have\s+shown)\b|\brecent\s+studies\b)"
    ),
    re.compile(r"(?i:\bclinical\s+(?:studies|evidence|trials)\b)"),
)
_REGULATOR = (
    re.compile(
        r"\b(?:FDA|EMA|MHRA|TGA|HSA|PMDA|CDSCO|COFEPRIS|ANVISA)\b|(?i:\bfood\s+and\s+drug\s+administration\b"
        r"|\bhealth\s+canada\b|\b(?:un)?approved\b|\bapproval\b|\blicen[cs]ed\b|\bHCT/Ps?\b)"
    ),
    re.compile(r"(?i:\bregulat\w*)"),
)
_CONTACT = re.compile(
    r"\+\d[\d\s().-]{7,20}\d|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|(?i:\bwhats\s?app\b|\bcall\s+(?:us|now|today)\b|\bbook\s+(?:a|your|now)\b|\bfree\s+consultation\b"
    r"|\bschedule\s+(?:a|your)\s+(?:consultation|appointment)\b|\bviber\b|\btelegram\b)"
)


def _first(
    patterns: re.Pattern[str] | Sequence[re.Pattern[str]],
    text: str,
    sentences: _Sentences,
    *,
    denied: re.Pattern[str] | None = None,
    other: re.Pattern[str] | None = None,
) -> str:
    """The sentence around the first hit of the most telling pattern, skipping denials and other treatments."""
    for pattern in patterns if isinstance(patterns, Sequence) else (patterns,):
        for match in pattern.finditer(text):
            if denied and denied.search(text, max(0, match.start() - 40), match.start()):
                continue
            sentence = sentences.sentence(match.start(), match.end())
            if other and other.search(sentence):
                continue
            return _snippet(sentence, match.group(0))
    return ""


def _snippet(sentence: str, focus: str, width: int = 220) -> str:
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(normalise_space(focus)), 0)
    left = max(0, min(at - width // 3, len(sentence) - width))
    return ("…" if left else "") + sentence[left : left + width].strip() + ("…" if left + width < len(sentence) else "")


def checklist(text: str, sentences: _Sentences | None = None) -> list[CheckItem]:
    """The source-quality checklist, each answer with the text that decided it."""
    sentences = sentences or _Sentences(text)
    risk = _first(_RISK, text, sentences, denied=_RISK_DENIED, other=_OTHER_TREATMENT)
    price = _first(_PRICE, text, sentences)
    cost_words = "" if price else _first(_COST_WORDS, text, sentences)
    study = _first(_STUDY_ID, text, sentences)
    vague = "" if study else _first(_VAGUE_STUDY, text, sentences)
    regulator = _first(_REGULATOR, text, sentences)
    contact = _first(_CONTACT, text, sentences)
    return [
        CheckItem("risks", "Does it name risks or side effects?", bool(risk), True, risk,
                  "" if risk else "No risk or side effect is named."),
        CheckItem("costs", "Does it give costs with numbers?", bool(price), True, price or cost_words,
                  "" if price else "It talks about cost but gives no price." if cost_words else "No cost is given."),
        CheckItem("studies", "Does it name studies you can look up (DOI, PMID, trial number, author and year)?",
                  bool(study), True, study or vague,
                  "" if study else "It mentions studies but names none you could find." if vague
                  else "No study is named."),
        CheckItem("regulation", "Does it say what regulators allow (for example the FDA)?", bool(regulator), True,
                  regulator, "" if regulator else "Nothing about approval or regulators."),
        CheckItem("contact", "Does it give a sales contact (phone, WhatsApp, e-mail, booking)?", bool(contact), False,
                  contact, "A seller's page: read it as an advert." if contact else ""),
    ]  # fmt: skip


# --- the whole analysis --------------------------------------------------------------------------


def analyze(text: str) -> TextReport:
    """Find doses, sure and hedging words and checklist answers in a text; TextTooLongError above MAX_CHARS."""
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            f"The text has {len(text):,} characters; the checker takes at most {MAX_CHARS:,}. "
            "Paste the part that makes the claims."
        )
    sentences = _Sentences(text)
    doses = find_doses(text, sentences)
    taken = [(d.start, d.end) for d in doses]
    language = [h for h in find_language(text, sentences) if not _overlaps(h.start, h.end, taken)]
    return TextReport(len(text), doses, language, checklist(text, sentences))


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (start, math.inf))
    before = spans[index - 1] if index else None
    after = spans[index] if index < len(spans) else None
    return bool((before and before[1] > start) or (after and after[0] < end))


# --- uploads -------------------------------------------------------------------------------------


class _TextOfHtml(HTMLParser):
    """Keeps an HTML page's visible text: script and style contents are dropped, blocks become lines."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                        "table", "ul", "ol", "blockquote", "header", "footer", "td", "th", "pre", "hr"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one line per block, without scripts or styles."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (normalise_space(line) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .md or .html file; UploadError (or TextTooLongError) says what is wrong."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in UPLOAD_TYPES:
        raise UploadError(f"“{name}” is not a .txt, .md or .html file. Save the page as text or HTML and try again.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise TextTooLongError(f"“{name}” is {len(data):,} bytes; files up to {MAX_UPLOAD_BYTES:,} bytes are taken.")
    if b"\x00" in data[:100_000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadError(f"“{name}” looks like a binary file (a program, image or document), not text.")
    text = _decode(name, data)
    if extension in ("html", "htm"):
        text = html_to_text(text)
    if not text.strip():
        raise UploadError(f"“{name}” has no text in it.")
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            f"“{name}” has {len(text):,} characters of text; the checker takes at most {MAX_CHARS:,}. "
            "Paste the part that makes the claims instead."
        )
    return text


def _decode(name: str, data: bytes) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UploadError(
            f"“{name}” is not UTF-8 text (unreadable byte at position {error.start}). "
            "Open it in a text editor, save it as UTF-8 and try again."
        ) from None
    if "\x00" in text:
        raise UploadError(f"“{name}” looks like a binary file, not text.")
    return text


# --- comparison with the dataset -----------------------------------------------------------------

# Trials count doses per knee, disc, infusion or kilogram; per-mL concentrations cannot be compared with a count.
_TRIAL_ROUTES = {
    "intra-articular knee": ("intra-articular knee",),
    "intradiscal": ("intradiscal",),
    "intravenous": ("intravenous",),
}


def compare_doses(doses: Iterable[DoseMention], evidence: pd.DataFrame, regimens: pd.DataFrame) -> pd.DataFrame:
    """One row per dose with the trial doses and seed-page doses for the same route, and where it falls."""
    rows = []
    for dose in doses:
        trials = _trial_doses(dose, evidence)
        seeds = _seed_doses(dose, regimens)
        rows.append(
            {
                "found in text": dose.text,
                "cells": describe_cells(dose),
                "route": dose.route or "not stated",
                "trials in our data": _range_text(trials, dose.per_kg, ("study", "studies")),
                "compared with trials": _position(dose, trials),
                "trial ids": ", ".join(sorted(set(trials["id"]))) if len(trials) else "",
                "the five pages": _range_text(seeds, False, ("statement", "statements")),
                "page rows": ", ".join(seeds["id"]) if len(seeds) else "",
                "start": dose.start,
            }
        )
    return pd.DataFrame(rows, columns=_COMPARISON_COLUMNS)


_COMPARISON_COLUMNS = [
    "found in text", "cells", "route", "trials in our data", "compared with trials", "trial ids",
    "the five pages", "page rows", "start",
]  # fmt: skip


def _trial_doses(dose: DoseMention, evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per trial dose (id, value) comparable with this mention."""
    if dose.per_kg:
        chosen = evidence[evidence["dose_basis"] == "per kg body weight"]
    else:
        chosen = evidence[evidence["dose_basis"].isin(["per knee injection", "per disc", "per infusion"])]
        if dose.route is not None:
            chosen = chosen[chosen["route"].isin(_TRIAL_ROUTES.get(dose.route, ()))]
    pairs = [(row.id, float(v)) for row in chosen.itertuples() for v in (row.doses_cells or ())]
    return pd.DataFrame(pairs, columns=["id", "value"])


def _seed_doses(dose: DoseMention, regimens: pd.DataFrame) -> pd.DataFrame:
    if dose.per_kg:
        return pd.DataFrame(columns=["id", "value"])
    rows = regimens[(regimens["product"] == "cells") & regimens["dose_low"].notna()]
    if dose.route is not None:
        rows = rows[rows["route"] == dose.route]
    pairs = [(r.id, v) for r in rows.itertuples() for v in {float(r.dose_low), float(r.dose_high)}]
    return pd.DataFrame(pairs, columns=["id", "value"])


def _range_text(values: pd.DataFrame, per_kg: bool, nouns: tuple[str, str]) -> str:
    if values.empty:
        return "none for this route"
    low, high = values["value"].min(), values["value"].max()
    unit = " per kg" if per_kg else ""
    text = format_count(low) if low == high else f"{format_count(low)} to {format_count(high)}"
    count = values["id"].nunique()
    return f"{text}{unit} ({count} {nouns[count != 1]})"


def _position(dose: DoseMention, trials: pd.DataFrame) -> str:
    if trials.empty:
        return "no trial in our data gave cells this way"
    low, high = trials["value"].min(), trials["value"].max()
    if dose.cells_low > high:
        ratio = dose.cells_low / high
        return f"above every trial dose ({ratio:.{0 if ratio >= 10 else 1}f} times the highest)"
    if dose.cells_high < low:
        return "below every trial dose"
    if dose.cells_high > high:
        return "partly above the highest trial dose"
    if dose.cells_low < low:
        return "partly below the lowest trial dose"
    return "within the range trials used"


def describe_cells(dose: DoseMention) -> str:
    """'15 million to 50 million cells', 'about 2 million cells per kg' in words."""
    value = format_count(dose.cells_low)
    if dose.cells_high != dose.cells_low:
        value += f" to {format_count(dose.cells_high)}"
    unit = " cells per kg" if dose.per_kg else " cells" if dose.unit_stated else " (a bare number; unit not stated)"
    return value + unit


# --- rendering aids (plain strings; the page decides how to show them) ---------------------------

_MARK = {"dose": ":orange-background[**{}**]", "hedge": ":blue-background[{}]"}
_MARK_SURE = ":red-background[*{}*]"


def highlighted_markdown(text: str, report: TextReport) -> str:
    """The text as safe Markdown: everything escaped, doses and sure or hedging words marked with coloured spans."""
    spans = [(d.start, d.end, "dose") for d in report.doses] + [(h.start, h.end, h.kind) for h in report.language]
    out, position = [], 0
    for start, end, kind in sorted(spans):
        if start < position:
            continue
        out.append(_escape_block(text[position:start]))
        out.append(_MARK.get(kind, _MARK_SURE).format(md_escape(normalise_space(text[start:end]))))
        position = end
    out.append(_escape_block(text[position:]))
    return "".join(out)


def _escape_block(chunk: str) -> str:
    # Leading spaces would turn a line into a code block, and single newlines would run lines together.
    lines = [md_escape(line.strip() if i else line.rstrip()) for i, line in enumerate(chunk.split("\n"))]
    return "  \n".join(lines)


def findings_table(report: TextReport) -> pd.DataFrame:
    """Every finding as one row: what kind, the words found, where, and the sentence around them."""
    rows = [
        {"section": "dose", "found": d.text, "kind": describe_cells(d), "route": d.route or "", "start": d.start,
         "end": d.end, "cells_low": d.cells_low, "cells_high": d.cells_high, "per_kg": d.per_kg,
         "sentence": d.sentence}
        for d in report.doses
    ] + [
        {"section": "language", "found": h.text, "kind": h.kind, "route": "", "start": h.start, "end": h.end,
         "cells_low": None, "cells_high": None, "per_kg": None, "sentence": h.sentence}
        for h in report.language
    ] + [
        {"section": "checklist", "found": "yes" if c.found else "no", "kind": c.question, "route": "", "start": None,
         "end": None, "cells_low": None, "cells_high": None, "per_kg": None, "sentence": c.evidence or c.note}
        for c in report.checklist
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=_FINDING_COLUMNS)


_FINDING_COLUMNS = ["section", "found", "kind", "route", "start", "end", "cells_low", "cells_high", "per_kg",
                    "sentence"]  # fmt: skip


def report_csv(report: TextReport) -> bytes:
    """The findings table as UTF-8 CSV, with cells that a spreadsheet would run as formulas defused."""
    frame = findings_table(report)
    for column in ("found", "kind", "sentence"):
        frame[column] = frame[column].map(_defuse_formula)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8")


def _defuse_formula(value: object) -> object:
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


KIND_LABELS = {
    "certainty": "Stated as sure fact",
    "hype": "Hype words",
    "testimonial": "Patient stories used as proof",
    "hedge": "Hedges (words that admit doubt)",
}


def language_summary(report: TextReport) -> list[tuple[str, str, int, list[str]]]:
    """Per kind of wording: kind, plain label, how many times, and the distinct words used (most frequent first)."""
    summary = []
    for kind, label in KIND_LABELS.items():
        hits = [" ".join(h.text.lower().split()) for h in report.language if h.kind == kind]
        words = sorted(set(hits), key=lambda w: (-hits.count(w), w))
        summary.append((kind, label, len(hits), words))
    return summary


def report_markdown(report: TextReport, comparison: pd.DataFrame) -> str:
    """A short Markdown report of the findings; text from the checked page is escaped."""
    lines = ["# Text check report", "", f"Text length: {report.length:,} characters.", "", "## Doses", ""]
    if comparison.empty:
        lines.append("No cell doses found.")
    for row in comparison.to_dict("records"):
        lines.append(
            f"- “{md_escape(row['found in text'])}”: {row['cells']}; route {row['route']}. "
            f"Trials in our data: {row['trials in our data']}; {row['compared with trials']}. "
            f"The five pages we examined: {row['the five pages']}."
        )
    lines += ["", "## How sure it sounds", ""]
    for _, label, count, words in language_summary(report):
        lines.append(f"- {label}: {count}" + (f" ({md_escape(', '.join(words))})" if words else ""))
    lines += ["", "## Checklist", ""]
    for item in report.checklist:
        detail = f" “{md_escape(item.evidence)}”" if item.evidence else ""
        lines.append(f"- {item.question} **{'yes' if item.found else 'no'}**.{detail} {item.note}".rstrip())
    lines += ["", "Not medical advice. Made with the stem-cell claims vs evidence explainer."]
    return "\n".join(lines) + "\n"


EXAMPLE = (
    "Revolutionary stem cell therapy for knee and back pain! Our breakthrough protocol has been shown to regrow "
    "cartilage. We inject 50 million mesenchymal stem cells into the knee and 2 x 10^8 cells by IV infusion. "
    "Patients report a pain-free life. Treatment costs $9,800. Results may vary and more research is needed.\n"
    "Call us on WhatsApp: +1 305 555 0147"
)
