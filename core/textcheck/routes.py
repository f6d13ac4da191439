"""Routes of delivery: from the dose's own sentence, else the next sentence, a labelled line or the nearest heading."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.textcheck.spans import Sentences, ascii_lower

_CLAUSE_BREAK = re.compile(r"[;+•|]|,\s|\s[-–—]\s")
# Words are matched without a trailing \b because pasted tables glue numbers to them ("Intra discal50,000,000").
# A bare "knee", "disc" or "spine" names a route only as a place something goes ("into the knee", "per disc").
_PLACE = (
    r"(?:into|in|per|each|to|both|the|a|one|every|for\s{1,3}one)\s{1,3}"
    r"(?:the\s{1,3}|each\s{1,3}|your\s{1,3}|a\s{1,3}|affected\s{1,3}|damaged\s{1,3})?"
)
# Matched on ascii-lower-cased text (faster than case-insensitive matching); only "IV" needs its capitals.
_ROUTE_WORDS = re.compile(
    rf"(?P<knee>\bintra[\s-]{{0,2}}articular(?:ly)?|\b{_PLACE}knees?\b|\bknee[\s-]{{1,2}}(?:joint|injection)s?\b)"
    rf"|(?P<disc>\bintra[\s-]{{0,2}}dis[ck]al(?:ly)?|\b{_PLACE}(?:disc|disk)s?\b|\b(?:cells|dose)\s{{0,2}}/\s{{0,2}}dis[ck]\b)"
    r"|(?P<thecal>\bintrathecal(?:ly)?|\blumbar\s{1,3}puncture\b)"
    r"|(?P<epidural>\bepidural(?:ly)?)"
    r"|(?P<iv>\bintravenous(?:ly)?|\binfusions?\b|\binfused\b|\bdrip\b|\binto\s{1,3}(?:a|the)\s{1,3}vein\b|(?<![a-z])i\.v\.)"
    rf"|(?P<spine>\b{_PLACE}(?:spine|back)\b|\bspinal(?:\s{{1,3}}level)?\b|\blumbar\b|\bvertebra[el]?\b)"
)
_IV = re.compile(r"IV(?<![A-Za-z]IV)(?![A-Za-z])")
# In a heading or a labelled line a bare "knee" or "disc" is enough: "Stem cells for knee arthritis".
_HEADING_WORDS = re.compile(
    r"(?P<knee>(?i:\bknees?\b|\bintra[\s-]{0,2}articular))|(?P<disc>(?i:\bdis[ck]s?\b|\bintra[\s-]{0,2}dis[ck]al))"
    r"|(?P<thecal>(?i:\bintrathecal))|(?P<epidural>(?i:\bepidural))"
    r"|(?P<iv>(?i:\bintravenous(?:ly)?\b|\binfusions?\b|\bdrip\b)|(?<![A-Za-z])IV(?![A-Za-z]))"
)
_LABEL = re.compile(
    r"(?im)^[ \t]{0,4}(?:route|injection\s{1,3}method|method(?:\s{1,3}of\s{1,3}(?:administration|delivery))?"
    r"|administration|delivery|application|given)[ \t]{0,3}[:：-][ \t]{0,3}([^\n]{1,80})$"
)
_ROUTE_OF_GROUP = {
    "knee": "intra-articular knee",
    "disc": "intradiscal",
    "thecal": "intrathecal",
    "epidural": "epidural",
    "iv": "intravenous",
    "spine": "spine, site unspecified",
}
HEADING_LOOKBACK = 1500
CAPTION_LOOKBACK = 5000  # a table's rows can run long below its caption
MAX_CAPTION = 300
# "Table 5." on a line of its own, or starting the caption's line: the caption that follows describes every row.
_TABLE_LABEL = re.compile(r"(?im)^[ \t]{0,3}table[ \t]{1,3}[0-9ivx]{1,4}[.:]?[ \t]{0,3}")
LABEL_WINDOW = 600


@dataclass(frozen=True)
class RouteWords:
    """One language's route patterns; Spanish (core.textcheck.spanish) also looks at the sentence before a dose."""

    words: re.Pattern[str]
    heading: re.Pattern[str]
    label: re.Pattern[str]
    lower: Callable[[str], str]
    look_back: bool = False
    clause_break: re.Pattern[str] = _CLAUSE_BREAK


ENGLISH = RouteWords(_ROUTE_WORDS, _HEADING_WORDS, _LABEL, ascii_lower)


def route_for(
    text: str, start: int, end: int, sentences: Sentences, words: RouteWords = ENGLISH
) -> tuple[str | None, bool]:
    """The route of a dose and whether it was inferred from outside the dose's own sentence."""
    bounds = sentences.span(start)
    bounds = (bounds[0], max(bounds[1], min(end, len(text))))
    found = _route(text, start, end, bounds, words)
    if found:
        return found, False
    for label in words.label.finditer(text, max(0, start - LABEL_WINDOW), min(len(text), end + LABEL_WINDOW)):
        if route := _first_route(words.heading, label.group(1)):
            return route, True
    following = sentences.next_span(end)
    if following[1] > following[0] and (route := _nearest(text, end, *following, words)):
        return route, True
    if words.look_back and bounds[0] > 0:
        before = sentences.span(max(0, bounds[0] - 2))
        if before[1] > before[0] and (route := _nearest(text, start, before[0], min(before[1], bounds[0]), words)):
            return route, True
    heading = _heading_route(text, start, words) or _caption_route(text, start, words)
    return heading, heading is not None


def _route(text: str, start: int, end: int, bounds: tuple[int, int], words: RouteWords) -> str | None:
    """The route named nearest the dose in its clause (else its sentence); a specific route beats a bare 'spine'."""
    found = _routes_near(text, start, end, *_clause(text, start, end, bounds, words), words) or _routes_near(
        text, start, end, *bounds, words
    )
    return _pick(found)


def _nearest(text: str, start: int, left: int, right: int, words: RouteWords) -> str | None:
    return _pick(_routes_near(text, start, start, left, right, words))


def _pick(found: dict[str, int]) -> str | None:
    if "intrathecal" in found and "epidural" in found:
        return "intrathecal-or-epidural as stated"
    specific = {r: d for r, d in found.items() if r != "spine, site unspecified"}
    if specific:
        return min(specific, key=specific.__getitem__)
    return "spine, site unspecified" if found else None


def _clause(text: str, start: int, end: int, bounds: tuple[int, int], words: RouteWords) -> tuple[int, int]:
    left, right = bounds
    # One character past the dose's start, so that a break may look ahead at its first digit (Spanish " y 2 ×").
    found = words.clause_break.finditer(text, left, min(start + 1, len(text)))
    breaks_before = [m.end() for m in found if m.end() <= start]
    after = words.clause_break.search(text, end, right)
    return (breaks_before[-1] if breaks_before else left), (after.start() if after else right)


def _routes_near(text: str, start: int, end: int, left: int, right: int, words: RouteWords) -> dict[str, int]:
    found: dict[str, int] = {}
    lower = words.lower(text[left:right])
    hits = [(m.start() + left, m.end() + left, m.lastgroup or "") for m in words.words.finditer(lower)]
    hits += [(m.start(), m.end(), "iv") for m in _IV.finditer(text, left, right)]
    for hit_start, hit_end, group in hits:
        distance = start - hit_end if hit_end <= start else max(hit_start - end, 0)
        route = _ROUTE_OF_GROUP[group]
        found[route] = min(distance, found.get(route, distance))
    return found


def _first_route(pattern: re.Pattern[str], line: str) -> str | None:
    routes = {_ROUTE_OF_GROUP[m.lastgroup or ""] for m in pattern.finditer(line)}
    if "intrathecal" in routes and "epidural" in routes:
        return "intrathecal-or-epidural as stated"
    return next(iter(routes)) if len(routes) == 1 else None  # a heading naming two routes says nothing about one dose


def _heading_route(text: str, start: int, words: RouteWords) -> str | None:
    """The route named by the nearest heading above: a short line that does not end like a sentence."""
    floor = max(0, start - HEADING_LOOKBACK)
    line_end = text.rfind("\n", floor, start)
    while line_end > floor:
        line_start = text.rfind("\n", floor, line_end) + 1
        line = text[line_start:line_end].strip()
        if line and len(line) <= 90 and line[-1] not in ".!?,;:" and not line.startswith(("-", "•", "*", "|")):
            return _first_route(words.heading, line)
        line_end = line_start - 1
    return None


def _caption_route(text: str, start: int, words: RouteWords) -> str | None:
    """The route a table's caption names ("Table 5. Summary of intra-articular injection ... in knee osteoarthritis"),
    for a dose in a row below it."""
    labels = list(_TABLE_LABEL.finditer(text, max(0, start - CAPTION_LOOKBACK), start))
    if not labels:
        return None
    label = labels[-1]
    caption_start = label.end()
    if text.startswith("\n", caption_start):
        caption_start += 1  # the label stands alone: the caption is the next line
    caption_end = text.find("\n", caption_start, start)
    if caption_end < 0 or caption_end - caption_start > MAX_CAPTION:
        return None
    return _first_route(words.heading, text[caption_start:caption_end])
