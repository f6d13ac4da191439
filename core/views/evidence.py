"""The Evidence & regulation view: studies by design and size, key results, harms and the regulatory timeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from core import report, site
from core.analysis import findings, vocab
from core.analysis.claims import (
    evidence_overview,
    harms_summary,
    key_results,
    linked_evidence,
    regulatory_timeline,
)
from core.charts import claims as claim_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.links import study_links


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


def harms_table(ds: Dataset) -> pd.DataFrame:
    """The harms as shown: a patient count a reader can take in ("not stated" where the source gives none)."""
    columns = ["short_name", "year", "route", "n_patients", "severity", "setting", "what_happened", "verification"]
    table = ds.harms[columns].copy()
    table["n_patients"] = [f"{int(n):,}" if pd.notna(n) else "not stated" for n in table["n_patients"]]
    return table


def evidence_page(ds: Dataset) -> EvidenceView:
    overview = evidence_overview(ds)
    timeline = regulatory_timeline(ds)
    knee_back = claim_charts.knee_back_studies(overview)
    return EvidenceView(
        overview=overview,
        overview_chart=to_spec(claim_charts.evidence_chart(overview)),
        knee_back=knee_back,
        knee_back_chart=to_spec(claim_charts.evidence_chart(knee_back)),
        results=[(result, linked_evidence(ds, result.row_ids)) for result in key_results(ds)],
        harms_summary=harms_summary(ds),
        harms=harms_table(ds),
        timeline=timeline,
        timeline_chart=to_spec(claim_charts.regulatory_timeline_chart(timeline)),
    )


# --- the study table ------------------------------------------------------------------------------

NOT_STATED = "not stated"
# Identifiers come right after the study's name: a reporter looks for them first.
COLUMNS = ["short_name", "pmid", "doi", "nct", "link", "kind", "year", "condition", "route", "comparison", "size",
           "doses", "comparator", "certainty", "funding", "main_finding", "verification", "id"]  # fmt: skip
_TEXT = ["pmid", "doi", "nct", "size", "doses", "comparator", "funding"]


def _best_link(row: Mapping) -> str | None:
    found = study_links(row)
    return found[0].url if found else (row.get("url") or None)


def study_table(overview: pd.DataFrame, config: Mapping[str, str], page: str) -> pd.DataFrame:
    """The studies as shown: gaps say "not stated"; `link` is the best address (PubMed, DOI, registry, else the
    page we checked); `report` is a prefilled error report, or None everywhere when no address is set."""
    table = overview.copy()
    table["link"] = [_best_link(row) for row in table.to_dict("records")]
    for column in _TEXT:
        table[column] = [str(v) if v is not None and not pd.isna(v) and str(v) else NOT_STATED for v in table[column]]
    table = table[COLUMNS]
    table["report"] = [report.study_report(config, row.id, row.short_name, page).url for row in table.itertuples()]
    return table


def studies_table(ds: Dataset, condition: str, config: tuple[tuple[str, str], ...], page: str) -> pd.DataFrame:
    """The study table for one condition ("all" for every study), for ui to cache per condition and report address."""
    overview = evidence_overview(ds)
    chosen = overview if condition == "all" else overview[overview["condition"] == condition]
    return study_table(chosen, dict(config), page)


certainty_table, report_link = vocab.certainty_table, report.report_link
PAGE_PATH = site.page("evidence").url_path
