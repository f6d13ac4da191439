"""The Evidence & regulation view: studies by design and size, key results, harms and the regulatory timeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from core import i18n, report, site
from core.analysis import findings, vocab
from core.analysis.claims import (
    comparison_words,
    evidence_overview,
    harms_summary,
    key_results,
    linked_evidence,
    regulatory_timeline,
)
from core.analysis.sources import harm_words, study_words
from core.charts import claims as claim_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.links import study_links
from core.views import claims as claims_view


@dataclass(frozen=True)
class EvidenceView:
    overview: pd.DataFrame
    overview_chart: Spec
    knee_back: pd.DataFrame
    knee_back_chart: Spec
    results: list[tuple[findings.Finding, pd.DataFrame]]
    harms_summary: str
    harms: pd.DataFrame
    timeline: pd.DataFrame
    timeline_chart: Spec
    # The data behind each chart as its table and CSV give it (without the link columns and the sort key), made once.
    overview_data: pd.DataFrame
    knee_back_data: pd.DataFrame
    timeline_data: pd.DataFrame


LINK_COLUMNS = ["pubmed_link", "doi_link", "nct_link"]  # the study table's own link column replaces these


def harms_table(ds: Dataset) -> pd.DataFrame:
    """The harms as shown: a patient count a reader can take in ("not stated" where the source gives none)."""
    columns = ["short_name", "year", "route", "n_patients", "severity", "setting", "what_happened", "verification"]
    table = ds.harms[columns].copy()
    lang = ds.lang
    unknown = not_stated(lang)
    table["n_patients"] = [i18n.format_number(int(n), lang, 0) if pd.notna(n) else unknown for n in table["n_patients"]]
    if lang != "en":  # coded words in the reader's language (the English reads its codes, which are words)
        studies, harms = study_words(lang), harm_words(lang)
        for column, words in (("route", studies), ("verification", studies), ("severity", harms), ("setting", harms)):
            table[column] = table[column].map(lambda v, words=words: words.get(v, v))
    return table


def evidence_page(ds: Dataset) -> EvidenceView:
    overview = evidence_overview(ds)
    timeline = regulatory_timeline(ds)
    knee_back = claim_charts.knee_back_studies(overview)
    return EvidenceView(
        overview=overview,
        overview_chart=to_spec(claim_charts.evidence_chart(overview, ds.lang)),
        knee_back=knee_back,
        knee_back_chart=to_spec(claim_charts.evidence_chart(knee_back, ds.lang)),
        results=[(result, linked_evidence(ds, result.row_ids)) for result in key_results(ds)],
        harms_summary=harms_summary(ds),
        harms=harms_table(ds),
        timeline=timeline,
        timeline_chart=to_spec(claim_charts.regulatory_timeline_chart(timeline, ds.lang)),
        overview_data=overview.drop(columns=LINK_COLUMNS),
        knee_back_data=knee_back.drop(columns=LINK_COLUMNS),
        timeline_data=timeline.drop(columns=["date_start"]),
    )


# --- the study table ------------------------------------------------------------------------------

NOT_STATED = "not stated"


def not_stated(lang: str = "en") -> str:
    """What a table cell says where the source gives nothing (gender-neutral in Spanish: it fills any column)."""
    return i18n.pgettext(lang, "table gap", "not stated")


# Identifiers come right after the study's name: a reporter looks for them first.
COLUMNS = ["short_name", "pmid", "doi", "nct", "link", "kind", "year", "condition", "route", "comparison", "size",
           "doses", "comparator", "certainty", "funding", "main_finding", "verification", "id"]  # fmt: skip
_TEXT = ["pmid", "doi", "nct", "size", "doses", "comparator", "funding"]


def _best_link(row: Mapping) -> str | None:
    found = study_links(row)
    return found[0].url if found else (row.get("url") or None)


def study_table(overview: pd.DataFrame, config: Mapping[str, str], page: str, lang: str = "en") -> pd.DataFrame:
    """The studies as shown: gaps say "not stated"; `link` is the best address (PubMed, DOI, registry, else the
    page we checked); `report` is a prefilled error report, or None everywhere when no address is set. Coded words
    (kind, condition, route, comparison, certainty, check) read in `lang`."""
    table = overview.copy()
    table["link"] = [_best_link(row) for row in table.to_dict("records")]
    unknown = not_stated(lang)
    for column in _TEXT:
        table[column] = [str(v) if v is not None and not pd.isna(v) and str(v) else unknown for v in table[column]]
    if lang != "en":
        words = study_words(lang) | comparison_words(lang)
        for column in ("kind", "condition", "route", "comparison", "certainty", "verification"):
            table[column] = table[column].map(lambda v: words.get(v, v))
    table = table[COLUMNS]
    table["report"] = [
        report.study_report(config, row.id, row.short_name, page, lang).url for row in table.itertuples()
    ]
    return table


def studies_table(ds: Dataset, condition: str, config: tuple[tuple[str, str], ...], page: str) -> pd.DataFrame:
    """The study table for one condition ("all" for every study), for ui to cache per condition and report address."""
    overview = evidence_overview(ds)
    chosen = overview if condition == "all" else overview[overview["condition"] == condition]
    return study_table(chosen, dict(config), page, ds.lang)


def shown_studies(
    ds: Dataset, condition: str, config: tuple[tuple[str, str], ...], page: str
) -> tuple[pd.DataFrame, bool]:
    """The study table as the page shows it, and whether it has a report link per row: without a report address
    the empty column is left out (the page offers one report button instead)."""
    table = studies_table(ds, condition, config, page)
    reporting = bool(table["report"].notna().any())
    return (table if reporting else table.drop(columns=["report"])), reporting


def condition_words(ds: Dataset) -> dict[str, str]:
    """Condition (as the filter's link holds it) -> its name in ds.lang."""
    return study_words(ds.lang)


def key_result_studies(studies: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A key result's studies as its small table shows them: name, year and certainty in `lang`."""
    words = study_words(lang)
    table = studies[["id", "short_name", "year", "certainty"]]
    if lang == "en":
        return table
    table = table.assign(certainty=table["certainty"].map(lambda v: words.get(v, v)))
    return table.rename(
        columns={
            "id": i18n.pgettext(lang, "column", "row id"),
            "short_name": i18n.pgettext(lang, "column", "study"),
            "year": i18n.pgettext(lang, "column", "year"),
            "certainty": i18n.pgettext(lang, "column", "certainty"),
        }
    )


certainty_table, report_link = vocab.certainty_table, report.report_link
certainty_words_table = claims_view.certainty_words_table
PAGE_PATH = site.page("evidence").url_path
