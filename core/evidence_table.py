"""The Evidence page's study table: identifiers first, "not stated" for gaps, a link and an error report per study."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from core import report
from core.links import study_links

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
