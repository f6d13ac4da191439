"""The report's words in the visitor's language: summary, notes, findings table, CSV and Markdown report."""

# The report's language is the visitor's interface language (lang), which may differ from the language the text
# is written in (report.read_as). Quotes from the text are never translated. Codes (kinds, routes, bases, voice)
# stay English in the data; their words are looked up here.

from __future__ import annotations

import csv
import io

import pandas as pd

from core import i18n
from core.i18n import N_
from core.text import md_escape, normalise_space
from core.textcheck.compare import describe_cells
from core.textcheck.flags import label
from core.textcheck.kind import kind_label
from core.textcheck.model import MAX_FINDINGS, TextReport

LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


def read_as_sentence(report: TextReport, lang: str = "en") -> str:
    """Which language the checker read the text as, or, plainly, that it could not read it."""
    _ = i18n.bound(lang)
    if report.read_as is None:
        return _(
            "The checker cannot read the language of this text: it has rules for English and Spanish only, so it "
            "checked nothing. Paste a text in English or Spanish."
        )
    return _("The checker read this text as {language}.").format(language=_(LANGUAGE_NAMES[report.read_as]))


def summary(report: TextReport, lang: str = "en") -> tuple[str, str]:
    """A level ('advert', 'caution' or 'neutral') and one plain sentence that says how to read the text."""
    _ = i18n.bound(lang)
    if report.read_as is None:
        return "neutral", read_as_sentence(report, lang)
    flags = len(report.red_flags)
    kind = report.page_kind.kind
    if kind == "seller" or flags >= 2:
        if not flags:
            sentence = _("Read it as an advert: it reads like {kind}, with no red flags from our list.")
        else:
            sentence = i18n.ngettext(
                lang,
                "Read it as an advert: it reads like {kind}, with {n} red flag.",
                "Read it as an advert: it reads like {kind}, with {n} red flags.",
                flags,
            )
        return "advert", sentence.format(kind=kind_label(kind, lang), n=flags)
    if flags == 1:
        return "caution", _("One red flag: check it below. The page reads like {kind}.").format(
            kind=kind_label(kind, lang)
        )
    return "neutral", _("No red flags from our list. The page reads like {kind}.").format(kind=kind_label(kind, lang))


LIST_NAMES = {"doses": N_("doses"), "amounts": N_("amounts"), "language": N_("language"), "red flags": N_("red flags")}


def truncation_note(report: TextReport, lang: str = "en") -> str:
    if not report.truncated:
        return ""
    _ = i18n.bound(lang)
    lists = ", ".join(_(LIST_NAMES.get(name, name)) for name in report.truncated)
    return _("Only the first {n} {lists} are shown: the text holds more. Paste a shorter part to see the rest.").format(
        n=MAX_FINDINGS, lists=lists
    )


KIND_OF_WORDS = {
    "certainty": N_("Stated as sure fact"),
    "hype": N_("Hype words"),
    "testimonial": N_("Patient stories used as proof"),
    "hedge": N_("Hedges (words that admit doubt)"),
}
WORD_KINDS = {"certainty": N_("certainty"), "hype": N_("hype"), "testimonial": N_("testimonial"), "hedge": N_("hedge")}
VOICES = {"quoted": N_("quoted"), "reported": N_("reported"), "negated": N_("negated"), "hedged": N_("hedged")}


def language_summary(report: TextReport, lang: str = "en") -> list[tuple[str, str, int, list[str]]]:
    """Per kind of wording in the page's own voice: kind, label, how many, the distinct words (most frequent first)."""
    summary_rows = []
    for kind, label_text in KIND_OF_WORDS.items():
        hits = [" ".join(h.text.lower().split()) for h in report.language if h.kind == kind and h.voice == "own"]
        words = sorted(set(hits), key=lambda w: (-hits.count(w), w))
        summary_rows.append((kind, i18n.gettext(lang, label_text), len(hits), words))
    return summary_rows


_FINDING_COLUMNS = ["section", "found", "kind", "route", "start", "end", "cells_low", "cells_high", "per_kg",
                    "what", "basis", "route_inferred", "sentence"]  # fmt: skip
SECTIONS = {"red flag": N_("red flag"), "dose": N_("dose"), "harvest": N_("harvest"), "price": N_("price"),
            "language": N_("language"), "checklist": N_("checklist")}  # fmt: skip
FINDING_HEADERS = {
    "section": N_("section"), "found": N_("found"), "kind": N_("kind"), "route": N_("route"), "start": N_("start"),
    "end": N_("end"), "cells_low": N_("cells (low)"), "cells_high": N_("cells (high)"), "per_kg": N_("per kg"),
    "what": N_("what"), "basis": N_("basis"), "route_inferred": N_("route from elsewhere"), "sentence": N_("sentence"),
}  # fmt: skip


def findings_table(report: TextReport, lang: str = "en") -> pd.DataFrame:
    """Every finding as one row: what kind, the words found, where, and the sentence around them. Column names are
    keys (FINDING_HEADERS gives their words); the cells are in `lang`, the quotes as the text has them."""
    _ = i18n.bound(lang)
    blank = dict.fromkeys(_FINDING_COLUMNS[3:12])

    def word_kind(kind: str, voice: str) -> str:
        name = _(WORD_KINDS.get(kind, kind))
        return name if voice == "own" else f"{name} ({_(VOICES.get(voice, voice))})"

    rows = [
        {"section": _(SECTIONS["red flag"]), "found": f.text, "kind": label(f.kind, lang), **blank, "start": f.start,
         "end": f.end, "sentence": f.reason}
        for f in report.red_flags
    ] + [
        {"section": _(SECTIONS["dose"]), "found": d.text, "kind": describe_cells(d, lang), "route": d.route or "",
         "start": d.start, "end": d.end, "cells_low": d.cells_low, "cells_high": d.cells_high, "per_kg": d.per_kg,
         "what": d.what, "basis": d.basis or "", "route_inferred": d.route_inferred, "sentence": d.sentence}
        for d in report.doses
    ] + [
        {"section": _(SECTIONS[a.kind]), "found": a.text, "kind": _(SECTIONS[a.kind]), **blank, "start": a.start,
         "end": a.end, "sentence": a.sentence}
        for a in report.amounts
    ] + [
        {"section": _(SECTIONS["language"]), "found": h.text, "kind": word_kind(h.kind, h.voice), **blank,
         "start": h.start, "end": h.end, "sentence": h.sentence}
        for h in report.language
    ] + [
        {"section": _(SECTIONS["checklist"]), "found": _("yes") if c.found else _("no"), "kind": c.question, **blank,
         "sentence": c.evidence or c.note}
        for c in report.checklist
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=_FINDING_COLUMNS)


def finding_headers(lang: str = "en") -> dict[str, str]:
    """The findings table's column names in words of `lang` (English keeps the keys, as the CSV always had)."""
    if lang == "en":
        return {key: key for key in _FINDING_COLUMNS}
    return {key: i18n.gettext(lang, FINDING_HEADERS[key]) for key in _FINDING_COLUMNS}


def report_csv(report: TextReport, lang: str = "en") -> bytes:
    """The findings table as UTF-8 CSV (headers in `lang`), with cells a spreadsheet would run as formulas defused."""
    frame = findings_table(report, lang)
    for column in ("found", "kind", "sentence"):
        frame[column] = frame[column].map(_defuse_formula)
    frame = frame.rename(columns=finding_headers(lang))
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
    return buffer.getvalue().encode("utf-8")


def _defuse_formula(value: object) -> object:
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def report_markdown(report: TextReport, comparison: pd.DataFrame, lang: str = "en") -> str:
    """A short Markdown report of the findings in `lang`; text from the checked page is escaped, never translated.
    `comparison` is compare_doses(..., lang=lang) (its columns are English keys)."""
    _ = i18n.bound(lang)
    _level, sentence = summary(report, lang)
    length = f"{report.length:,}" if lang == "en" else i18n.format_number(report.length, lang, 0)
    lines = [_("# Text check report"), "", _("Text length: {n} characters.").format(n=length), ""]
    if lang != "en" or report.read_as != "en":
        lines += [read_as_sentence(report, lang), ""]
    lines += [sentence, "", _("## Red flags"), ""]
    if not report.red_flags:
        lines.append(_("None from our list."))
    for flag in report.red_flags:
        lines.append(f"- {label(flag.kind, lang)}: “{md_escape(flag.text)}”. {md_escape(flag.reason)}")
    cues = ", ".join(report.page_kind.cues)
    kind = kind_label(report.page_kind.kind, lang)
    reads = (_("It reads like {kind} (cues: {cues}).") if cues else _("It reads like {kind}.")).format(
        kind=kind, cues=md_escape(cues)
    )
    lines += ["", _("## What kind of page"), "", reads, "", _("## Doses"), ""]
    if comparison.empty:
        lines.append(_("No doses found."))
    for row in comparison.to_dict("records"):
        lines.append(
            "- “{found}”: {amount}; ".format(found=md_escape(row["found in text"]), amount=row["amount"])
            + _("route {route}. Trials in our data: {trials}; {compared}.").format(
                route=row["route"], trials=row["trials in our data"], compared=row["compared with trials"]
            )
        )
    if report.amounts:
        lines += ["", _("## Harvest volumes and prices"), ""]
        lines += [f"- {_(SECTIONS[a.kind])}: “{md_escape(a.text)}”" for a in report.amounts]
    lines += ["", _("## How sure it sounds"), ""]
    for _kind, label_text, count, words in language_summary(report, lang):
        lines.append(f"- {label_text}: {count}" + (f" ({md_escape(', '.join(words))})" if words else ""))
    if report.quoted_words:
        quoted = sorted({normalise_space(h.text.lower()) for h in report.quoted_words})
        lines.append(_("- Quoted or reported, not counted: {words}").format(words=md_escape(", ".join(quoted))))
    lines += ["", _("## Checklist"), ""]
    for item in report.checklist:
        detail = f" “{md_escape(item.evidence)}”" if item.evidence else ""
        answer = _("yes") if item.found else _("no")
        lines.append(f"- {item.question} **{answer}**.{detail} {item.note}".rstrip())
    if note := truncation_note(report, lang):
        lines += ["", note]
    lines += ["", _("Not medical advice. Made with the stem-cell claims vs evidence explainer.")]
    return "\n".join(lines) + "\n"
