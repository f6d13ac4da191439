"""Red flags: the warning signs a careful reader looks for, each with a plain reason and the page that explains it."""

from __future__ import annotations

import re

from core.textcheck import phrases
from core.textcheck.model import MAX_FINDINGS, DoseMention, RedFlag
from core.textcheck.spans import PhraseScanner, Sentences

_FLAGS = PhraseScanner([pattern.lower() for _kind, pattern in phrases.RED_FLAGS])
_NOT_CELLS_IN_UNIT = re.compile(r"exosom|vesicle|platelet|particle|secretome|\bPRP\b", re.IGNORECASE)


def make_flag(kind: str, text: str, start: int, end: int, sentence: str, reason: str = "") -> RedFlag:
    _label, default_reason, page = phrases.FLAG_KINDS[kind]
    return RedFlag(kind, text, start, end, reason or default_reason, page, sentence)


def label(kind: str) -> str:
    """The short plain label of a red-flag kind."""
    return phrases.FLAG_KINDS[kind][0]


def find_red_flags(text: str, sentences: Sentences, doses: list[DoseMention]) -> tuple[list[RedFlag], bool]:
    """Red flags in the page's own voice (quoted, reported or denied words are not held against it), in order."""
    flags: list[RedFlag] = []
    for index, start, end in _FLAGS.finditer(sentences.lower):
        kind = phrases.RED_FLAGS[index][0]
        voice = sentences.voice(start, end, hedgeable=kind == "regenerate")
        if kind == "approval" and "?" in text[end : end + 3]:
            continue  # a question ("Are stem cells FDA approved?") is not a claim
        # A quoted patient story is still a patient story; only a denial takes it back.
        if voice != "own" and not (kind == "testimonial" and voice in ("quoted", "reported")):
            continue
        flags.append(make_flag(kind, text[start:end], start, end, sentences.sentence(start, end)))
        if len(flags) >= MAX_FINDINGS:
            return flags, True
    for dose in doses:
        if dose.what == "cells" and _NOT_CELLS_IN_UNIT.search(dose.sentence) and not dose.unit_stated:
            continue
        if dose.what == "cells" and dose.unit_stated and _NOT_CELLS_IN_UNIT.search(dose.text):
            flags.append(make_flag("product as cells", dose.text, dose.start, dose.end, dose.sentence))
    return _merge_touching(text, sorted(flags, key=lambda f: f.start)), False


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
