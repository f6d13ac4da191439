"""Where sentences, lines and quotations are in a text, found once in linear time and looked up by position."""

from __future__ import annotations

import bisect
import re
import string

from core.i18n import N_
from core.textcheck import phrases

# One punctuation mark at a time: "[.!?]+(?=\s)" backtracks over a long run of dots and stalls the server.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_QUOTE_CHARS = re.compile(r"[“”\"‘’']")
_NEGATOR = re.compile(phrases.NEGATOR, re.IGNORECASE)
_CLAUSE_TURN = re.compile(phrases.CLAUSE_TURN, re.IGNORECASE)
_REPORTING = re.compile(phrases.REPORTING, re.IGNORECASE)
_DISTANCING = re.compile(phrases.DISTANCING, re.IGNORECASE)
_HEDGE_BEFORE = re.compile(phrases.HEDGE_BEFORE, re.IGNORECASE)
_CURE_NOUN = re.compile(phrases.CURE_NOUN_BEFORE, re.IGNORECASE)
SHORTENED = N_(" (part of a longer sentence)")  # said in words: a trailing "…" reads as text cut off by mistake
MAX_QUOTE = 400  # a quotation longer than this is more likely an unpaired mark than a quote
MAX_QUOTE_MARKS = 5000  # past this many marks the text is not prose; later words count as the page's own
# Lower-casing ASCII only keeps every position where it was (str.lower can lengthen some characters).
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


class PhraseScanner:
    """Many phrases found in one pass over ascii_lower(text); each hit is then told which phrase it was.

    Case-insensitive matching, named groups and a word boundary inside every alternative each cost a check per
    alternative at every position; one plain alternation on lower-cased text with one boundary check up front is
    several times faster, and only the (few) hits pay for finding out which phrase matched.
    """

    def __init__(self, patterns: list[str]):
        # Every phrase ends at a word's end: "confirm" must not match inside "confirmed".
        ended = [rf"(?:{p})(?![a-z])" for p in patterns]
        words = [e for p, e in zip(patterns, ended, strict=True) if p[:1].isalnum() or p.startswith("(")]
        symbols = [e for p, e in zip(patterns, ended, strict=True) if not (p[:1].isalnum() or p.startswith("("))]
        parts = [rf"\b(?:{'|'.join(words)})"] + ([f"(?:{'|'.join(symbols)})"] if symbols else [])
        self.scanner = re.compile("|".join(parts))
        self.each = [re.compile(e if e in symbols else rf"\b{e}") for e in ended]

    def finditer(self, lower: str):
        """(index of the phrase, start, end) for each hit, left to right, never overlapping."""
        for match in self.scanner.finditer(lower):
            start, end = match.span()
            index = next((i for i, p in enumerate(self.each) if (m := p.match(lower, start)) and m.end() == end), None)
            if index is None:
                index = next((i for i, p in enumerate(self.each) if p.match(lower, start)), 0)
            yield index, start, end


class Sentences:
    """Sentence and line boundaries of a text, and its quotations.

    A "sentence" never reaches more than WINDOW characters from the position asked about, so that text without
    full stops (a table, a pasted list) still costs a fixed amount per finding.
    """

    WINDOW = 200
    # Whose voice a phrase is in is read with these; a subclass for another language swaps them.
    negator, clause_turn, reporting, distancing = _NEGATOR, _CLAUSE_TURN, _REPORTING, _DISTANCING
    hedge_before, cure_noun, cure_word = _HEDGE_BEFORE, _CURE_NOUN, "cure"

    def __init__(self, text: str):
        self.text = text
        self.lower = self.lowered(text)
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self.quotes = _quotations(text)
        self._quote_starts = [q[0] for q in self.quotes]

    @staticmethod
    def lowered(text: str) -> str:
        return ascii_lower(text)

    def span(self, position: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, position) - 1
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return max(self.starts[index], position - self.WINDOW), min(end, position + self.WINDOW)

    def next_span(self, position: int) -> tuple[int, int]:
        """The sentence after the one holding `position` (empty at the end of the text)."""
        end = self.span(position)[1]
        if end >= len(self.text):
            return end, end
        return self.span(end + 1 if self.text[end : end + 1].isspace() else end)

    def sentence(self, start: int, end: int) -> str:
        """The sentence holding the span, cut at whole words when it is too long, and then saying so."""
        first = self.span(start)[0]
        inner = max(end - 1, start)
        index = bisect.bisect_right(self.starts, inner)
        sentence_end = self.starts[index] if index < len(self.starts) else len(self.text)
        last = max(self.span(inner)[1], end)
        cut_left = first > self.starts[bisect.bisect_right(self.starts, start) - 1]
        cut_right = last < sentence_end
        # A cut inside a word reads as a typo: move to the nearest space between the cut and the span itself.
        if cut_left and (space := self.text.find(" ", first, start)) != -1:
            first = space + 1
        if cut_right and (space := self.text.rfind(" ", end, last)) != -1:
            last = space
        body = " ".join(self.text[first:last].split())
        return body + SHORTENED if (cut_left or cut_right) and body else body

    def quotes_around(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations holding this span, innermost first (a quote inside a quote counts as both)."""
        index = bisect.bisect_right(self._quote_starts, start) - 1
        return [q for q in self.quotes[max(0, index - 3) : index + 1][::-1] if q[0] <= start and q[1] >= end]

    def _pull_quote(self, quote: tuple[int, int]) -> bool:
        """The quotation fills its line: nothing but spaces before the opening mark and after the closing one."""
        line_start = self.text.rfind("\n", 0, quote[0]) + 1
        line_end = self.text.find("\n", quote[1])
        line_end = len(self.text) if line_end < 0 else line_end
        return not self.text[line_start : quote[0] - 1].strip() and not self.text[quote[1] + 1 : line_end].strip()

    def denied(self, start: int, left: int | None = None) -> bool:
        """A denial earlier in the same clause: "does not guarantee a permanent solution or a lifetime cure"."""
        left = self.span(start)[0] if left is None else left
        negator = _last_match(self.negator, self.text, max(left, start - phrases.MAX_NEGATION_REACH), start)
        return negator is not None and not self.clause_turn.search(self.text, negator.end(), start)

    def voice(self, start: int, end: int, *, hedgeable: bool = False) -> str:
        """'own', 'quoted', 'reported', 'negated' or 'hedged': whose words these are, as the page presents them."""
        left = self.span(start)[0]
        if self.denied(start, left):
            return "negated"
        cure = self.lower.startswith(self.cure_word, start)
        if cure and self.cure_noun.search(self.text, max(left, start - 40), start):
            return "negated"
        reported = bool(self.reporting.search(self.text, left, start))
        for quote in self.quotes_around(start, end):
            if self._pull_quote(quote) and not reported:
                continue  # a whole paragraph set in quotation marks, nobody named: the page's own answer, displayed
            # One to three words in quotation marks with nobody named as saying them are scare quotes: the page's own,
            # unless the sentence holds them at arm's length ("the concept of ... somehow 'regrowing tissue'").
            short = len(self.text[quote[0] : quote[1]].split()) <= 3
            if not short or reported or self.distancing.search(self.text, *self.span(start)):
                return "quoted"
        if reported:
            return "reported"
        if hedgeable and self.hedge_before.search(self.text, max(left, start - 50), start):
            return "hedged"
        return "own"


def _last_match(pattern: re.Pattern[str], text: str, left: int, right: int) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, left, right):  # noqa: B007 (the loop keeps the last match)
        pass
    return last


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans between paired quotation marks on one line: “…”, "…", ‘…’ and '…' (apostrophes are not quotes)."""
    found: list[tuple[int, int]] = []
    open_at: dict[str, int] = {}
    newlines = [m.start() for m in re.finditer("\n", text)]
    closing = {"“": "”", '"': '"', "‘": "’", "'": "'"}
    for count, match in enumerate(_QUOTE_CHARS.finditer(text)):
        if count >= MAX_QUOTE_MARKS:
            break
        char, at = match.group(0), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        for opener, start in list(open_at.items()):
            if at - start > MAX_QUOTE or bisect.bisect(newlines, start) != bisect.bisect(newlines, at):
                del open_at[opener]
        pending = next((o for o, s in open_at.items() if closing[o] == char), None)
        if pending is not None and not (char in "’'" and after.isalpha()):
            found.append((open_at.pop(pending) + 1, at))
            continue
        if char in '“"' or (char in "‘'" and not before.isalnum()):
            open_at[char] = at
    return sorted(found)
