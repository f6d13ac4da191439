"""The checker's rules for Spanish pages: doses, routes, wording, red flags, page kind and checklist, same fields."""

# The learned reader (learned.py) was trained on English pages only, so Spanish texts are read by these rules
# alone. The machinery (sentences, voice, phrase scanning, route search) is the English one with Spanish words.

from __future__ import annotations

import re
from functools import partial

from core.textcheck import checklist as english_checklist
from core.textcheck import spanish_patterns as sp
from core.textcheck import spanish_phrases as words
from core.textcheck.flags import _merge_touching as merge_touching
from core.textcheck.flags import make_flag
from core.textcheck.kind import score_cues
from core.textcheck.language import scan_language
from core.textcheck.model import (
    MAX_FINDINGS,
    Amount,
    CheckItem,
    DoseMention,
    LanguageHit,
    PageKind,
    RedFlag,
    TextReport,
    cut_lists,
)
from core.textcheck.routes import RouteWords, route_for
from core.textcheck.spanish_numbers import find_amounts, find_doses
from core.textcheck.spans import PhraseScanner, Sentences

# " y " before a number starts the next dose's clause: "50 millones en la rodilla y 2 × 10^8 por vía intravenosa".
ROUTES_ES = RouteWords(
    re.compile(sp.ROUTE_WORDS),
    re.compile(sp.HEADING_WORDS, re.I),
    re.compile(sp.LABEL, re.I),
    sp.spanish_lower,
    look_back=True,
    clause_break=re.compile(r"[;+•|]|,\s|\s[-–—]\s|\s[ye]\s(?=\d)"),
)


class SpanishSentences(Sentences):
    """Sentences of a Spanish text: accented capitals lower-cased too, and denials and reports in Spanish words."""

    negator = re.compile(sp.NEGATOR, re.IGNORECASE)
    clause_turn = re.compile(sp.CLAUSE_TURN, re.IGNORECASE)
    reporting = re.compile(sp.REPORTING, re.IGNORECASE)
    distancing = re.compile(sp.DISTANCING, re.IGNORECASE)
    hedge_before = re.compile(sp.HEDGE_BEFORE, re.IGNORECASE)
    cure_noun = re.compile(sp.CURE_NOUN_BEFORE, re.IGNORECASE)
    cure_word = "cura"

    @staticmethod
    def lowered(text: str) -> str:
        return sp.spanish_lower(text)


_LANGUAGE = PhraseScanner([p for _kind, p in words.LANGUAGE])
_FLAGS = PhraseScanner([p for _kind, p in words.RED_FLAGS])
_CUES = PhraseScanner([p for _kind, _weight, p in words.PAGE_CUES])
_PRODUCTS = PhraseScanner([words.REGULATED_PRODUCTS])
_INSTEAD = PhraseScanner([words.INSTEAD_OF_SURGERY])
_GIVING = re.compile(words.GIVING)
_PAST_GIVING = re.compile(words.PAST_GIVING)
_NOT_AN_OFFER = re.compile(words.NOT_AN_OFFER)
_NOT_A_PROMISE = re.compile(words.NOT_A_PROMISE)
_HEDGEABLE = re.compile(r"regener|restaur|reconstru|repar")
_APPROVAL_LIMITED = re.compile(r"\b(?:no|solo|s[oó]lo|únicamente|unicamente|ning[uú]n)\b")


def doses(text: str, sentences: Sentences) -> tuple[list[DoseMention], bool]:
    return find_doses(text, sentences, partial(route_for, words=ROUTES_ES))


def amounts(text: str, sentences: Sentences, found: list[DoseMention]) -> tuple[list[Amount], bool]:
    return find_amounts(text, sentences, found)


def language(text: str, sentences: Sentences) -> tuple[list[LanguageHit], bool]:
    """Sure-sounding claims, hype, patient stories and hedges, each with whose voice it is in."""
    return scan_language(text, sentences, _LANGUAGE, words.LANGUAGE, _HEDGEABLE)


def red_flags(text: str, sentences: Sentences, found: list[DoseMention]) -> tuple[list[RedFlag], bool]:
    """Red flags in the page's own voice; quoted, reported or denied words are not held against it."""
    flags: list[RedFlag] = []
    lower = sentences.lower
    for index, start, end in _FLAGS.finditer(lower):
        kind = words.RED_FLAGS[index][0]
        voice = sentences.voice(start, end, hedgeable=kind == "regenerate")
        left = sentences.span(start)[0]
        limited = _APPROVAL_LIMITED.search(lower, max(left, start - 30), start)
        if kind == "approval" and ("?" in text[end : end + 3] or limited):
            continue  # "¿Está aprobado por la FDA?" or "no está aprobado por": not a seal on the page's offer
        if kind == "regenerate" and _NOT_A_PROMISE.search(lower, max(left, start - 60), start):
            continue  # "podría regenerar", "estudios sobre la regeneración": a hope or research, not a promise
        if "¿" in text[left : sentences.span(start)[1]]:
            continue  # a question ("¿Regeneran el cartílago?") is not a promise
        if kind == "no risk" and voice == "negated":
            voice = "own"  # "no se reportó ni un solo efecto adverso": the denial is the claim itself
        if voice != "own" and not (kind == "testimonial" and voice in ("quoted", "reported")):
            continue
        flags.append(make_flag(kind, text[start:end], start, end, sentences.sentence(start, end)))
        if len(flags) >= MAX_FINDINGS:
            return _without_overlaps(flags), True
    flags += _products_given(text, sentences) + _instead_of_surgery(text, sentences)
    return _without_overlaps(merge_touching(text, sorted(flags, key=lambda f: f.start)[: MAX_FINDINGS * 2])), False


def _without_overlaps(flags: list[RedFlag]) -> list[RedFlag]:
    kept: list[RedFlag] = []
    for flag in sorted(flags, key=lambda f: f.start):
        if not kept or flag.start >= kept[-1].end:
            kept.append(flag)
    return kept[:MAX_FINDINGS]


def _products_given(text: str, sentences: Sentences) -> list[RedFlag]:
    """Exosomes, SVF, Wharton's jelly, amniotic or cord-blood products the page says it gives: one flag a sentence."""
    flags: list[RedFlag] = []
    done_to = -1
    lower = sentences.lower
    for _index, start, end in _PRODUCTS.finditer(lower):
        if start < done_to:
            continue
        left, right = sentences.span(start)
        done_to = right
        if text[left:right].rstrip().endswith("?") or sentences.voice(start, end) != "own":
            continue
        if _NOT_AN_OFFER.search(lower, left, right) or _PAST_GIVING.search(lower, left, right):
            continue
        giving = [m.span() for m in _GIVING.finditer(lower, left, right)]
        if not giving:
            continue
        near = min(giving, key=lambda g: abs(g[0] - start))
        first, last = (min(start, near[0]), max(end, near[1])) if abs(near[0] - start) <= 60 else (start, end)
        flags.append(make_flag("regulated product", text[first:last], first, last, sentences.sentence(first, last)))
        if len(flags) >= MAX_FINDINGS:
            break
    return flags


def _instead_of_surgery(text: str, sentences: Sentences) -> list[RedFlag]:
    flags: list[RedFlag] = []
    for _index, start, end in _INSTEAD.finditer(sentences.lower):
        left = sentences.span(start)[0]
        if sentences.voice(start, end) != "own" or _NOT_A_PROMISE.search(sentences.lower, left, start):
            continue
        flags.append(make_flag("instead of surgery", text[start:end], start, end, sentences.sentence(start, end)))
        if len(flags) >= MAX_FINDINGS:
            break
    return flags


def page_kind(text: str, prices: list[Amount], lower: str, selling_claims: int, lang: str = "en") -> PageKind:
    """The kind of page from its Spanish cues, scored as the English ones are (core.textcheck.kind)."""
    found = list(_CUES.finditer(lower))
    hits = [(words.PAGE_CUES[i][0], words.PAGE_CUES[i][1], s, e) for i, s, e in found]
    return score_cues(text, hits, prices, selling_claims, [i for i, _s, _e in found], lang)


_RISK = (re.compile(words.RISK), re.compile(words.RISK_WORD))
_RISK_DENIED = re.compile(words.RISK_DENIED, re.IGNORECASE)
_OTHER = re.compile(words.OTHER_TREATMENT, re.IGNORECASE)
_COST = re.compile(words.COST_WORDS)
_VAGUE = re.compile(words.VAGUE_STUDY)
_REGULATION = re.compile(words.REGULATION)
_BOOKING = re.compile(words.BOOKING)


def checklist(
    text: str, sentences: Sentences, prices: list[Amount], kind: PageKind, lang: str = "en"
) -> list[CheckItem]:
    """The same five questions as in English, answered from Spanish words (the questions stay keyed in English)."""
    first = english_checklist.first_in
    risk = first(_RISK, sentences, denied=_RISK_DENIED, other=_OTHER)
    cost_words = "" if prices else first((_COST,), sentences)
    study = english_checklist.study_named(text, sentences)
    vague = "" if study else first((_VAGUE,), sentences)
    regulation = first((_REGULATION,), sentences)
    booking = first((_BOOKING,), sentences)
    contact = booking or (english_checklist.contact_detail(text, sentences) if kind.kind == "seller" else "")
    return english_checklist.items(risk, prices, cost_words, study, vague, regulation, contact, lang)


def condition_of(text: str) -> str | None:
    """The condition a Spanish text is about, when it names one of the two the app covers."""
    lowered = sp.spanish_lower(text[:200_000])
    knee = lowered.count("rodilla") + lowered.count("artrosis") + lowered.count("osteoartritis")
    back = lowered.count("espalda") + lowered.count("lumbar") + lowered.count(" disco") + lowered.count("columna")
    if knee == back == 0:
        return None
    return "knee osteoarthritis" if knee >= back else "discogenic low back pain"


def analyze(text: str, lang: str = "en") -> TextReport:
    """The Spanish rules' report of a text (read_as "es"): the same fields as the English one."""
    sentences = SpanishSentences(text)
    found, cut_doses = doses(text, sentences)
    found_amounts, cut_amounts = amounts(text, sentences, found)
    prices = [a for a in found_amounts if a.kind == "price"]
    taken = sorted((d.start, d.end) for d in found)
    hits, cut_language = language(text, sentences)
    hits = [h for h in hits if not any(s < h.end and h.start < e for s, e in taken)]
    flags, cut_flags = red_flags(text, sentences, found)
    kind = page_kind(text, prices, sentences.lower, len(flags), lang)
    truncated = cut_lists(cut_doses, cut_amounts, cut_language, cut_flags)
    return TextReport(
        length=len(text),
        doses=found,
        language=hits,
        checklist=checklist(text, sentences, prices, kind, lang),
        red_flags=flags,
        page_kind=kind,
        amounts=found_amounts,
        condition=condition_of(text),
        truncated=truncated,
        read_as="es",
    )
