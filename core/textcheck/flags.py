"""Red flags: the warning signs a careful reader looks for, each with a plain reason and the page that explains it."""

from __future__ import annotations

import re

from core import i18n
from core.textcheck import phrases
from core.textcheck.model import MAX_FINDINGS, DoseMention, RedFlag
from core.textcheck.spans import PhraseScanner, Sentences

_FLAGS = PhraseScanner([pattern.lower() for _kind, pattern in phrases.RED_FLAGS])
_NOT_CELLS_IN_UNIT = re.compile(r"exosom|vesicle|platelet|particle|secretome|\bPRP\b", re.IGNORECASE)
_PRODUCTS = PhraseScanner([phrases.REGULATED_PRODUCTS])
_GIVING = re.compile(phrases.GIVING)
_PAST_GIVING = re.compile(phrases.PAST_GIVING)
_TREATING = re.compile(phrases.TREATING)
_LABEL_ALONE = re.compile(rf"[ \t\-•*]{{0,4}}{phrases.OFFER_LABEL}[ \t]{{0,3}}[:：]?[ \t]{{0,3}}", re.IGNORECASE)
_LABEL_THEN_LIST = re.compile(rf"[ \t\-•*]{{0,4}}{phrases.OFFER_LABEL}[ \t]{{0,3}}[:：]", re.IGNORECASE)
MAX_LABEL_LINE = 80  # characters: a label is a short line of its own
_NOT_AN_OFFER = re.compile(phrases.NOT_AN_OFFER)
_INSTEAD_OF_SURGERY = PhraseScanner([phrases.INSTEAD_OF_SURGERY])
_NOT_A_PROMISE = re.compile(phrases.NOT_A_PROMISE)
_WORKING_ALTERNATIVE = re.compile(phrases.WORKING_ALTERNATIVE)
_ONLY_BEFORE = re.compile(r"\bonly\b")
_ONLY_AFTER = re.compile(r"\s{1,3}only\s{1,3}for\b")
_CLAUSE_TURN = re.compile(phrases.CLAUSE_TURN)
MAX_PRODUCT_TO_VERB = 60  # characters


def make_flag(kind: str, text: str, start: int, end: int, sentence: str, reason: str = "") -> RedFlag:
    _label, default_reason, page = phrases.FLAG_KINDS[kind]
    return RedFlag(kind, text, start, end, reason or default_reason, page, sentence)


def label(kind: str, lang: str = "en") -> str:
    """The short plain label of a red-flag kind, in words of `lang`."""
    return i18n.gettext(lang, phrases.FLAG_KINDS[kind][0])


def reason(kind: str, lang: str = "en") -> str:
    """The plain reason a red-flag kind is one, in words of `lang`."""
    return i18n.gettext(lang, phrases.FLAG_KINDS[kind][1])


def find_red_flags(text: str, sentences: Sentences, doses: list[DoseMention]) -> tuple[list[RedFlag], bool]:
    """Red flags in the page's own voice (quoted, reported or denied words are not held against it), in order."""
    flags: list[RedFlag] = []
    for index, start, end in _FLAGS.finditer(sentences.lower):
        kind = phrases.RED_FLAGS[index][0]
        voice = sentences.voice(start, end, hedgeable=kind == "regenerate")
        if kind == "approval" and ("?" in text[end : end + 3] or _approval_limited(sentences, start, end)):
            continue  # a question ("Are stem cells FDA approved?") or a statement of what alone is approved
        # A quoted patient story is still a patient story; only a denial takes it back.
        if voice != "own" and not (kind == "testimonial" and voice in ("quoted", "reported")):
            continue
        flags.append(make_flag(kind, text[start:end], start, end, sentences.sentence(start, end)))
        if len(flags) >= MAX_FINDINGS:
            return flags, True
    for flag in _regulated_products_given(text, sentences) + _instead_of_surgery(text, sentences):
        flags.append(flag)
        if len(flags) >= MAX_FINDINGS:
            return _without_overlaps(sorted(flags, key=lambda f: f.start)), True
    for dose in doses:
        if dose.what == "cells" and _NOT_CELLS_IN_UNIT.search(dose.sentence) and not dose.unit_stated:
            continue
        if dose.what == "cells" and dose.unit_stated and _NOT_CELLS_IN_UNIT.search(dose.text):
            flags.append(make_flag("product as cells", dose.text, dose.start, dose.end, dose.sentence))
    return _without_overlaps(_merge_touching(text, sorted(flags, key=lambda f: f.start))), False


def _approval_limited(sentences: Sentences, start: int, end: int) -> bool:
    """Approval said of what alone is approved ("the only product approved by the FDA is for blood cancers",
    "approved only for"): a statement of the regulator's limits, not a stamp on the page's own offer."""
    left, right = sentences.span(start)
    before = [m.end() for m in _ONLY_BEFORE.finditer(sentences.lower, max(left, start - 80), start)]
    if before and not _CLAUSE_TURN.search(sentences.lower, before[-1], start):
        return True
    return bool(_ONLY_AFTER.match(sentences.lower, end, right))


def _without_overlaps(flags: list[RedFlag]) -> list[RedFlag]:
    """Spans in a list never overlap: a flag that starts inside the one before it is left out (that one says it)."""
    kept: list[RedFlag] = []
    for flag in flags:
        if not kept or flag.start >= kept[-1].end:
            kept.append(flag)
    return kept


def _regulated_products_given(text: str, sentences: Sentences) -> list[RedFlag]:
    """A product regulators warn about, which the page says it gives: one flag per sentence, from product to verb."""
    flags: list[RedFlag] = []
    done_to = -1  # each sentence is judged once, so that a page repeating a product name costs no more than one
    for _index, start, end in _PRODUCTS.finditer(sentences.lower):
        if start < done_to:
            continue
        left, right = sentences.span(start)
        done_to = right
        lower = sentences.lower
        if text[left:right].rstrip().endswith("?") or sentences.voice(start, end) != "own":
            continue  # a question is not an offer; quoted, reported or denied words are not the page's
        if _NOT_AN_OFFER.search(lower, left, right) or _PAST_GIVING.search(lower, left, right):
            continue
        giving = [m.span() for m in _GIVING.finditer(lower, left, right)]
        giving += [m.span() for m in _TREATING.finditer(lower, end, right)]  # the product, then what it does
        if not giving:
            if listed := _listed_under_label(text, start):
                first, last = listed
                flags.append(make_flag("regulated product", text[first:last], first, last, text[first:last]))
            continue
        near = min(giving, key=lambda g: abs(g[0] - start))
        # Product and verb are shown together when they are close; a far verb would mark half the sentence.
        close = abs(near[0] - start) <= MAX_PRODUCT_TO_VERB
        first, last = (min(start, near[0]), max(end, near[1])) if close else (start, end)
        flags.append(make_flag("regulated product", text[first:last], first, last, sentences.sentence(first, last)))
        if len(flags) >= MAX_FINDINGS:
            break
    return flags


def _listed_under_label(text: str, position: int) -> tuple[int, int] | None:
    """The product's line, when a label says it lists what the clinic uses: "Materials: MSC · exosome · PRP" on one
    line, or "Materials" alone on the line just above it."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > MAX_LABEL_LINE:
        return None
    labelled = bool(_LABEL_THEN_LIST.match(text, line_start, position))
    if not labelled and line_start:
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        labelled = line_start - 1 - above_start <= MAX_LABEL_LINE and bool(
            _LABEL_ALONE.fullmatch(text, above_start, line_start - 1)
        )
    if not labelled:
        return None
    first = line_start + len(text[line_start:line_end]) - len(text[line_start:line_end].lstrip(" \t-•*"))
    return first, len(text[:line_end].rstrip())


def _instead_of_surgery(text: str, sentences: Sentences) -> list[RedFlag]:
    """The shot offered in place of surgery as the page's own promise (not denied, wished for, hedged or studied)."""
    flags: list[RedFlag] = []
    for _index, start, end in _INSTEAD_OF_SURGERY.finditer(sentences.lower):
        left = sentences.span(start)[0]
        if sentences.voice(start, end) != "own":
            continue
        if _NOT_A_PROMISE.search(sentences.lower, left, start) and not _WORKING_ALTERNATIVE.search(
            sentences.lower, max(left, start - 25), end
        ):
            continue
        flags.append(make_flag("instead of surgery", text[start:end], start, end, sentences.sentence(start, end)))
        if len(flags) >= MAX_FINDINGS:
            break
    return flags


def _merge_touching(text: str, flags: list[RedFlag]) -> list[RedFlag]:
    """One claim, one flag: flags of the same kind only a comma or a space apart are one phrase.

    "According to patient feedback, most patients report" matches two testimonial patterns but says one thing.
    """
    merged: list[RedFlag] = []
    for flag in flags:
        last = merged[-1] if merged else None
        gap = text[last.end : flag.start] if last else ""
        if last and last.kind == flag.kind and 0 <= len(gap) <= 3 and not gap.strip(" ,;"):
            merged[-1] = RedFlag(
                last.kind, text[last.start : flag.end], last.start, flag.end, last.reason, last.page, last.sentence
            )
            continue
        merged.append(flag)
    return merged
