"""The whole analysis (analyze) and the plain outputs built from it: summary, marked-up text, CSV and Markdown."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from core import i18n
from core.text import md_escape, normalise_space
from core.textcheck import spanish
from core.textcheck.amounts import find_amounts
from core.textcheck.checklist import checklist
from core.textcheck.compare import condition_of
from core.textcheck.detect_language import detect
from core.textcheck.flags import find_red_flags
from core.textcheck.kind import page_kind
from core.textcheck.language import find_language
from core.textcheck.learned import RuleFindings, Weights, read
from core.textcheck.localise import localised
from core.textcheck.model import MAX_CHARS, MAX_FINDINGS, TextReport, TextTooLongError, cut_lists
from core.textcheck.numbers import find_doses
from core.textcheck.outputs import (
    KIND_OF_WORDS,
    finding_headers,
    findings_table,
    language_summary,
    read_as_sentence,
    report_csv,
    report_markdown,
    summary,
    truncation_note,
)
from core.textcheck.spans import Sentences

__all__ = ["KIND_OF_WORDS", "finding_headers", "findings_table", "language_summary", "read_as_sentence",
           "report_csv", "report_markdown", "summary", "truncation_note"]  # fmt: skip


def analyze(text: str, *, learned: bool = True, model: Weights | None = None, lang: str = "en") -> TextReport:
    """Find doses, amounts, wording, red flags, page kind and checklist answers; TextTooLongError above MAX_CHARS.

    The text's language is told first (report.read_as): English and Spanish texts are read by their own rules, a
    text in another language gives an empty report with read_as None. With `learned` (the default) the learned
    reader (core.textcheck.learned, trained on English pages) decides red flags, hype and page kind of an English
    text from the rules' findings; `learned=False` gives the rules alone (the bench compares both); `model` swaps
    in other weights (the bench's cross-validation folds). `lang` is the visitor's language: the report's own
    sentences (reasons, checklist questions and notes, cues) are in it; quotes from the text stay as written."""
    if len(text) > MAX_CHARS:
        raise TextTooLongError(too_long_message(len(text), lang))
    read_as = detect(text)
    if read_as is None:
        return TextReport(length=len(text), read_as=None)  # a language we have no rules for: nothing is guessed
    if read_as == "es":
        return localised(spanish.analyze(text, lang), lang)  # rules alone: the reader learned from English pages
    return localised(_english(text, learned, model, lang), lang)


def too_long_message(length: int, lang: str = "en") -> str:
    if lang == "en":
        return (
            f"The text has {length:,} characters; the checker takes at most {MAX_CHARS:,}. "
            "Paste the part that makes the claims."
        )
    return i18n.gettext(
        lang,
        "The text has {n} characters; the checker takes at most {most}. Paste the part that makes the claims.",
    ).format(n=i18n.format_number(length, lang, 0), most=i18n.format_number(MAX_CHARS, lang, 0))


def _english(text: str, learned: bool, model: Weights | None, lang: str) -> TextReport:
    sentences = Sentences(text)
    doses, cut_doses = find_doses(text, sentences)
    amounts, cut_amounts = find_amounts(text, sentences, doses)
    taken = [(d.start, d.end) for d in doses]
    language, cut_language = find_language(text, sentences)
    language = [h for h in language if not _overlaps(h.start, h.end, taken)]
    flags, cut_flags = find_red_flags(text, sentences, doses)
    kind = page_kind(text, [a for a in amounts if a.kind == "price"], sentences.lower, len(flags), lang)
    suspects: list = []
    if learned:
        found = RuleFindings(flags, language, kind, any(a.kind == "price" for a in amounts))
        reading = read(text, sentences, found, model)
        flags, kind, suspects = reading.flags[:MAX_FINDINGS], reading.kind, reading.suspects
        used = sorted(taken + [(h.start, h.end) for h in language])
        language = sorted(language + [h for h in reading.hype if not _overlaps(h.start, h.end, used)],
                          key=lambda h: h.start)[:MAX_FINDINGS]  # fmt: skip
    truncated = cut_lists(cut_doses, cut_amounts, cut_language, cut_flags)
    return TextReport(
        length=len(text),
        doses=doses,
        language=language,
        checklist=checklist(text, sentences, [a for a in amounts if a.kind == "price"], kind, lang),
        red_flags=flags,
        page_kind=kind,
        amounts=amounts,
        condition=condition_of(text),
        truncated=truncated,
        suspects=suspects,
    )


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (start, math.inf))
    before = spans[index - 1] if index else None
    after = spans[index] if index < len(spans) else None
    return bool((before and before[1] > start) or (after and after[0] < end))


def caution_score(report: TextReport) -> int:
    """Higher means read it more warily: red flags weigh most, then a seller's page, then sure-sounding words."""
    return 3 * len(report.red_flags) + 2 * (report.page_kind.kind == "seller") + min(len(report.sure_words), 3)


# --- rendering aids (plain strings; the page decides how to show them) ---------------------------

_MARK = {"dose": ":orange-background[**{}**]", "hedge": ":blue-background[{}]", "flag": ":red-background[**{}**]"}
_MARK_SURE = ":red-background[*{}*]"
_MARK_QUOTED = ":gray-background[{}]"


def highlighted_markdown(text: str, report: TextReport) -> str:
    """The text as safe Markdown: everything escaped, doses, flags and wording marked with coloured spans."""
    spans = (
        [(d.start, d.end, "dose") for d in report.doses]
        + [(f.start, f.end, "flag") for f in report.red_flags]
        + [(h.start, h.end, h.kind if h.voice == "own" else "quoted") for h in report.language]
    )
    out, position = [], 0
    for start, end, kind in sorted(spans):
        if start < position:
            continue
        out.append(_escape_block(text[position:start]))
        mark = _MARK_QUOTED if kind == "quoted" else _MARK.get(kind, _MARK_SURE)
        out.append(mark.format(md_escape(normalise_space(text[start:end]))))
        position = end
    out.append(_escape_block(text[position:]))
    return "".join(out)


def _escape_block(chunk: str) -> str:
    # One space next to a mark is kept (whether or not md_escape keeps edge spaces) so that words do not run into
    # the marked ones; md_escape stops longer leading runs from making a code block. Newlines become line breaks.
    lines = chunk.split("\n")
    out = [md_escape(line) for line in lines]
    if lines[0][:1].isspace() and not out[0][:1].isspace():
        out[0] = " " + out[0]
    if lines[-1][-1:].isspace() and not out[-1][-1:].isspace():
        out[-1] += " "
    return "  \n".join(out)


EXAMPLE = (
    "Revolutionary stem cell therapy for knee and back pain! Our breakthrough protocol has been shown to regrow "
    "cartilage. We inject 50 million mesenchymal stem cells into the knee and 2 x 10^8 cells by IV infusion, "
    "monthly for 3 months. Our FDA-registered lab guarantees 99.9% purity and safety. Patients report a pain-free "
    "life. Treatment costs $9,800. Results may vary and more research is needed.\n"
    "Book a free consultation on WhatsApp: +1 305 555 0147"
)
# The same made-up advert in Spanish, for a visitor whose interface is Spanish (the checker reads it with the
# Spanish rules; nothing in it is quoted from a real page).
EXAMPLE_ES = (
    "¡Terapia revolucionaria con células madre para el dolor de rodilla y de espalda! Nuestro protocolo regenera el "
    "cartílago. Inyectamos 50 millones de células madre mesenquimales en la rodilla y 2 × 10^8 células por vía "
    "intravenosa, una vez al mes durante 3 meses. Nuestro laboratorio aprobado por la COFEPRIS garantiza un "
    "tratamiento 100 % natural y sin riesgos. Nuestros pacientes dicen que viven sin dolor. El tratamiento cuesta "
    "9.800 USD. Los resultados pueden variar y se necesitan más estudios.\n"
    "Pida su cita gratuita por WhatsApp."
)


def example(lang: str = "en") -> str:
    """The made-up advert the page offers to try, in the visitor's language."""
    return EXAMPLE_ES if lang == "es" else EXAMPLE
