"""The Methods view: how sure we are of each table, the verdict method, the summary of findings, the dictionary."""

from __future__ import annotations

import datetime

import pandas as pd

from core import i18n, report
from core.analysis import claimreview, verdicts, verification
from core.data import TABLE_NAMES, Dataset, dictionary
from core.i18n import N_
from core.text import md_escape

# Everything the Methods page reads, in the order it shows it (page -> this view -> analysis and data).
evidence_checked_on = verdicts.evidence_checked_on
verdict_method, summary_of_findings = verdicts.verdict_method, verdicts.summary_of_findings
claimreview_records, report_link = claimreview.records_by_id, report.report_link
foreign_keys, FILES = dictionary.foreign_keys, TABLE_NAMES

# Each data file's title (datapackage.json's, in English), said in the visitor's language where the page names it.
FILE_TITLES = {
    "sources": N_("The five seed web pages"),
    "regimens": N_("Every dose statement in the seed pages"),
    "topics": N_("Claim topics"),
    "claims": N_("Claims the seed pages make"),
    "evidence": N_("Trials, reviews and studies"),
    "regulatory": N_("Regulator and court statements"),
    "harms": N_("Documented harms"),
    "glossary": N_("Glossary"),
    "routes": N_("Routes: where the product goes"),
    "rubric_items": N_("Source-quality checklist"),
    "rubric_scores": N_("Checklist verdicts for each page"),
    "verdicts": N_("The verdict method"),
    "claim_groups": N_("Groups of near-identical claims"),
    "evidence_summary": N_("What studies show: summary of findings"),
    "changes": N_("Corrections log"),
}


def _headers(frame: pd.DataFrame, lang: str, names: dict[str, str]) -> pd.DataFrame:
    """A table with the column headers it shows said in the language (English keeps its headers as they are)."""
    if lang == i18n.DEFAULT:
        return frame
    return frame.rename(columns={k: i18n.gettext(lang, v) for k, v in names.items() if k in frame.columns})


def checked_on_words(ds: Dataset, iso: str) -> str:
    """'2026-11-30' as '30 November 2026' ('30 de noviembre de 2026') for a sentence on screen."""
    if ds.lang == i18n.DEFAULT:
        return verdicts.checked_on_words(iso)
    return i18n.format_date(datetime.date.fromisoformat(iso), ds.lang)


def verification_counts(ds: Dataset) -> pd.DataFrame:
    """How many rows of each cited table were verified, partly verified or not, with headers in the language."""
    names = {"table": N_("table"), "verified": N_("verified"), "partial": N_("partial"),
             "unverified": N_("unverified"), "rows": N_("rows")}  # fmt: skip
    return _headers(verification.verification_counts(ds), ds.lang, names)


def field_table_of(ds: Dataset, name: str) -> pd.DataFrame:
    """The data dictionary rows of one file (the meanings stay as datapackage.json writes them)."""
    names = {"column": N_("column"), "type": N_("type"), "unit": N_("unit"), "allowed values": N_("allowed values"),
             "required": N_("required"), "meaning": N_("meaning")}  # fmt: skip
    return _headers(dictionary.field_table(ds.resource(name)), ds.lang, names)


def file_title(ds: Dataset, name: str) -> str:
    """A data file's title in the edition's language."""
    title = ds.resource(name)["title"]
    return title if ds.lang == i18n.DEFAULT else i18n.gettext(ds.lang, FILE_TITLES.get(name, title))


def certainty_words(certainty: str, lang: str = i18n.DEFAULT) -> str:
    """A GRADE certainty level in the language's established words (alta, moderada, baja, muy baja)."""
    words = {
        "high": i18n.pgettext(lang, "GRADE certainty", "high"),
        "moderate": i18n.pgettext(lang, "GRADE certainty", "moderate"),
        "low": i18n.pgettext(lang, "GRADE certainty", "low"),
        "very low": i18n.pgettext(lang, "GRADE certainty", "very low"),
    }
    return words.get(certainty, certainty)


def method_levels(ds: Dataset) -> list[tuple[str, str]]:
    """Each verdict level as (title, escaped Markdown body): what it means, what it needs, an example."""
    _, lang = i18n.bound(ds.lang), ds.lang
    out = []
    for level in verdict_method(ds).itertuples():
        count = i18n.ngettext(lang, "{n} claim", "{n} claims", level.claims).format(n=level.claims)
        needs = _("**What it needs:** {text}").format(text=md_escape(level.evidence_required))
        if lang == i18n.DEFAULT:
            example = _("**Example:** {text}").format(text=md_escape(level.example))
        else:  # the translated example holds the page's own words verbatim (in English): shown as a quotation
            example = _("**Example:**") + f"\n\n> {md_escape(level.example)}"
        body = "\n\n".join([md_escape(level.definition), needs, example])
        if lang == i18n.DEFAULT:
            title = f"{md_escape(level.verdict)}: {md_escape(level.label)} ({count})"
        else:  # the verdict's code is an English id; its translated label names it
            title = f"{md_escape(level.label[:1].upper() + level.label[1:])} ({count})"
        out.append((title, body))
    return out


def findings_blocks(ds: Dataset) -> list[tuple[str, str]]:
    """The summary of findings as (question, escaped Markdown of its rows), one block per question."""
    _, lang = i18n.bound(ds.lang), ds.lang
    blocks = []
    for question, rows in summary_of_findings(ds).groupby("question", sort=False):
        lines = []
        for row in rows.itertuples():
            # "no comparison group" (Spanish "sin grupo ...") reads on its own; any other comparator is "against" one.
            bare = row.comparator.startswith(("no ", "sin "))
            against = row.comparator if bare else _("against {comparator}").format(comparator=row.comparator)
            lines.append(
                _("**{outcome}, {against}:** {effect}. *{size}; {certainty} certainty.*").format(
                    outcome=md_escape(row.outcome),
                    against=md_escape(against),
                    effect=md_escape(row.effect_plain),
                    size=md_escape(row.size),
                    certainty=md_escape(certainty_words(row.certainty, lang)),
                )
            )
        blocks.append((md_escape(question), "\n\n".join(lines)))
    return blocks


def findings_table(ds: Dataset) -> pd.DataFrame:
    """The sources and notes of each summary row, with headers in the language."""
    table = summary_of_findings(ds)[["outcome", "comparator", "sources", "note"]]
    names = {"outcome": N_("outcome"), "comparator": N_("comparator"), "sources": N_("sources"), "note": N_("note")}
    return _headers(table, ds.lang, names)


def corrections_markdown(ds: Dataset) -> str:
    """The corrections log, newest first, as one escaped Markdown text (one element, not one per entry)."""
    _ = i18n.bound(ds.lang)
    return "\n\n".join(
        _("**{date}**: {change} *Why:* {reason}").format(
            date=md_escape(change.date), change=md_escape(change.change), reason=md_escape(change.reason)
        )
        for change in ds.changes.sort_values("date", ascending=False).itertuples()
    )


def corrections_table(ds: Dataset) -> pd.DataFrame:
    """The corrections log, newest first, as logged (in English), with headers in the language."""
    table = ds.changes.sort_values("date", ascending=False)
    names = {"date": N_("date"), "change": N_("change"), "reason": N_("reason")}
    return _headers(table[[c for c in ("date", "change", "reason") if c in table.columns]], ds.lang, names)


def file_label(ds: Dataset, name: str) -> str:
    """A data file as the file picker shows it: its file name; in another language, its title first."""
    path = ds.resource(name)["path"]
    return path if ds.lang == i18n.DEFAULT else f"{file_title(ds, name)} ({path})"


def file_about(ds: Dataset, name: str) -> str:
    """One file's title, row count and description as escaped Markdown. In another language the long description
    (English data in datapackage.json) is left to its column table, and the title is said in the language."""
    resource, rows = ds.resource(name), len(ds.table(name))
    if ds.lang == i18n.DEFAULT:
        return f"**{md_escape(resource['title'])}** ({rows} rows). {md_escape(resource['description'])}"
    words = i18n.ngettext(ds.lang, "**{title}** ({n} row).", "**{title}** ({n} rows).", rows)
    return words.format(title=md_escape(file_title(ds, name)), n=i18n.format_number(rows, ds.lang))


def links_markdown(ds: Dataset, links: list[str]) -> str:
    """A file's links to other files as escaped Markdown; in another language as code (they are ids, not words)."""
    if ds.lang == i18n.DEFAULT:
        return "; ".join(md_escape(link) for link in links)
    return "; ".join(f"`{link}`" for link in links if "`" not in link)


def translation_note(ds: Dataset) -> str:
    """In a translated edition, who translated it and how much a native speaker has checked, counted from the
    translations table ('' in English, which is the original)."""
    if ds.lang == i18n.DEFAULT:
        return ""
    rows = ds.translations[ds.translations["lang"] == ds.lang]
    official = rows["source"] != ""
    return i18n.gettext(
        ds.lang,
        "**About this edition.** Its interface and content were translated by our team. Texts we translated: "
        "{ours}; of these, checked by a native speaker: {reviewed}. Official versions published by their source "
        "in this language, cited as such: {official}. Quotes from the five pages stay as published, with our "
        "translation under them. If a translation reads wrongly, use “Report an error”.",
    ).format(
        ours=i18n.format_number(int((~official).sum()), ds.lang),
        reviewed=i18n.format_number(int((~official & (rows["reviewed"] == "yes")).sum()), ds.lang),
        official=i18n.format_number(int(official.sum()), ds.lang),
    )
