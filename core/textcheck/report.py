"""The whole analysis (analyze) and the plain outputs built from it: summary, marked-up text, CSV and Markdown."""

from __future__ import annotations

import bisect
import csv
import io
import math
from collections.abc import Sequence

import pandas as pd

from core.text import md_escape, normalise_space
from core.textcheck import spanish
from core.textcheck.amounts import find_amounts
from core.textcheck.checklist import checklist
from core.textcheck.compare import condition_of, describe_cells
from core.textcheck.detect_language import detect
from core.textcheck.flags import find_red_flags, label
from core.textcheck.kind import KIND_LABELS, page_kind
from core.textcheck.language import find_language
from core.textcheck.learned import RuleFindings, Weights, read
from core.textcheck.model import MAX_CHARS, MAX_FINDINGS, TextReport, TextTooLongError
from core.textcheck.numbers import find_doses
from core.textcheck.spans import Sentences


def analyze(text: str, *, learned: bool = True, model: Weights | None = None) -> TextReport:
    """Find doses, amounts, wording, red flags, page kind and checklist answers; TextTooLongError above MAX_CHARS.

    With `learned` (the default) the learned reader (core.textcheck.learned) decides red flags, hype and page
    kind from the rules' findings; `learned=False` gives the rules alone (the bench compares both); `model` swaps
    in other weights (the bench's cross-validation folds)."""
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            f"The text has {len(text):,} characters; the checker takes at most {MAX_CHARS:,}. "
            "Paste the part that makes the claims."
        )
    read_as = detect(text)
    if read_as is None:
        return TextReport(length=len(text), read_as=None)  # a language we have no rules for: nothing is guessed
    if read_as == "es":
        return spanish.analyze(text)  # the rules alone: the learned reader was trained on English pages
    sentences = Sentences(text)
    doses, cut_doses = find_doses(text, sentences)
    amounts, cut_amounts = find_amounts(text, sentences, doses)
    taken = [(d.start, d.end) for d in doses]
    language, cut_language = find_language(text, sentences)
    language = [h for h in language if not _overlaps(h.start, h.end, taken)]
    flags, cut_flags = find_red_flags(text, sentences, doses)
    kind = page_kind(text, [a for a in amounts if a.kind == "price"], sentences.lower, len(flags))
    suspects: list = []
    if learned:
        found = RuleFindings(flags, language, kind, any(a.kind == "price" for a in amounts))
        reading = read(text, sentences, found, model)
        flags, kind, suspects = reading.flags[:MAX_FINDINGS], reading.kind, reading.suspects
        used = sorted(taken + [(h.start, h.end) for h in language])
        language = sorted(language + [h for h in reading.hype if not _overlaps(h.start, h.end, used)],
                          key=lambda h: h.start)[:MAX_FINDINGS]  # fmt: skip
    truncated = tuple(
        name
        for name, cut in (("doses", cut_doses), ("amounts", cut_amounts), ("language", cut_language),
                          ("red flags", cut_flags))
        if cut
    )  # fmt: skip
    return TextReport(
        length=len(text),
        doses=doses,
        language=language,
        checklist=checklist(text, sentences, [a for a in amounts if a.kind == "price"], kind),
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


def summary(report: TextReport) -> tuple[str, str]:
    """A level ('advert', 'caution' or 'neutral') and one plain sentence that says how to read the text."""
    flags = len(report.red_flags)
    kind = report.page_kind.kind
    if kind == "seller" or flags >= 2:
        words = f"{flags} red flag{'s' if flags != 1 else ''}" if flags else "no red flags from our list"
        return "advert", f"Read it as an advert: it reads like {KIND_LABELS[kind]}, with {words}."
    if flags == 1:
        return "caution", f"One red flag: check it below. The page reads like {KIND_LABELS[kind]}."
    return "neutral", f"No red flags from our list. The page reads like {KIND_LABELS[kind]}."


def truncation_note(report: TextReport) -> str:
    if not report.truncated:
        return ""
    return (
        f"Only the first {MAX_FINDINGS} {', '.join(report.truncated)} are shown: the text holds more. "
        "Paste a shorter part to see the rest."
    )


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


_FINDING_COLUMNS = ["section", "found", "kind", "route", "start", "end", "cells_low", "cells_high", "per_kg",
                    "what", "basis", "route_inferred", "sentence"]  # fmt: skip


def findings_table(report: TextReport) -> pd.DataFrame:
    """Every finding as one row: what kind, the words found, where, and the sentence around them."""
    blank = dict.fromkeys(_FINDING_COLUMNS[3:12])
    rows = [
        {"section": "red flag", "found": f.text, "kind": label(f.kind), **blank, "start": f.start, "end": f.end,
         "sentence": f.reason}
        for f in report.red_flags
    ] + [
        {"section": "dose", "found": d.text, "kind": describe_cells(d), "route": d.route or "", "start": d.start,
         "end": d.end, "cells_low": d.cells_low, "cells_high": d.cells_high, "per_kg": d.per_kg, "what": d.what,
         "basis": d.basis or "", "route_inferred": d.route_inferred, "sentence": d.sentence}
        for d in report.doses
    ] + [
        {"section": a.kind, "found": a.text, "kind": a.kind, **blank, "start": a.start, "end": a.end,
         "sentence": a.sentence}
        for a in report.amounts
    ] + [
        {"section": "language", "found": h.text, "kind": h.kind if h.voice == "own" else f"{h.kind} ({h.voice})",
         **blank, "start": h.start, "end": h.end, "sentence": h.sentence}
        for h in report.language
    ] + [
        {"section": "checklist", "found": "yes" if c.found else "no", "kind": c.question, **blank,
         "sentence": c.evidence or c.note}
        for c in report.checklist
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=_FINDING_COLUMNS)


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


KIND_OF_WORDS = {
    "certainty": "Stated as sure fact",
    "hype": "Hype words",
    "testimonial": "Patient stories used as proof",
    "hedge": "Hedges (words that admit doubt)",
}


def language_summary(report: TextReport) -> list[tuple[str, str, int, list[str]]]:
    """Per kind of wording in the page's own voice: kind, label, how many, the distinct words (most frequent first)."""
    summary_rows = []
    for kind, label_text in KIND_OF_WORDS.items():
        hits = [" ".join(h.text.lower().split()) for h in report.language if h.kind == kind and h.voice == "own"]
        words = sorted(set(hits), key=lambda w: (-hits.count(w), w))
        summary_rows.append((kind, label_text, len(hits), words))
    return summary_rows


def report_markdown(report: TextReport, comparison: pd.DataFrame) -> str:
    """A short Markdown report of the findings; text from the checked page is escaped."""
    _level, sentence = summary(report)
    lines = ["# Text check report", "", f"Text length: {report.length:,} characters.", "", sentence, ""]
    lines += ["## Red flags", ""]
    if not report.red_flags:
        lines.append("None from our list.")
    for flag in report.red_flags:
        lines.append(f"- {label(flag.kind)}: “{md_escape(flag.text)}”. {md_escape(flag.reason)}")
    cues = ", ".join(report.page_kind.cues)
    lines += ["", "## What kind of page", "", f"It reads like {KIND_LABELS[report.page_kind.kind]}"
              + (f" (cues: {md_escape(cues)})." if cues else "."), "", "## Doses", ""]  # fmt: skip
    if comparison.empty:
        lines.append("No doses found.")
    for row in comparison.to_dict("records"):
        lines.append(
            f"- “{md_escape(row['found in text'])}”: {row['amount']}; route {row['route']}. "
            f"Trials in our data: {row['trials in our data']}; {row['compared with trials']}."
        )
    if report.amounts:
        lines += ["", "## Harvest volumes and prices", ""]
        lines += [f"- {a.kind}: “{md_escape(a.text)}”" for a in report.amounts]
    lines += ["", "## How sure it sounds", ""]
    for _, label_text, count, words in language_summary(report):
        lines.append(f"- {label_text}: {count}" + (f" ({md_escape(', '.join(words))})" if words else ""))
    if report.quoted_words:
        quoted = sorted({normalise_space(h.text.lower()) for h in report.quoted_words})
        lines.append(f"- Quoted or reported, not counted: {md_escape(', '.join(quoted))}")
    lines += ["", "## Checklist", ""]
    for item in report.checklist:
        detail = f" “{md_escape(item.evidence)}”" if item.evidence else ""
        lines.append(f"- {item.question} **{'yes' if item.found else 'no'}**.{detail} {item.note}".rstrip())
    if note := truncation_note(report):
        lines += ["", note]
    lines += ["", "Not medical advice. Made with the stem-cell claims vs evidence explainer."]
    return "\n".join(lines) + "\n"


EXAMPLE = (
    "Revolutionary stem cell therapy for knee and back pain! Our breakthrough protocol has been shown to regrow "
    "cartilage. We inject 50 million mesenchymal stem cells into the knee and 2 x 10^8 cells by IV infusion, "
    "monthly for 3 months. Our FDA-registered lab guarantees 99.9% purity and safety. Patients report a pain-free "
    "life. Treatment costs $9,800. Results may vary and more research is needed.\n"
    "Book a free consultation on WhatsApp: +1 305 555 0147"
)
