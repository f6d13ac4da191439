"""The Evidence & regulation view: studies by design and size, key results, harms and the regulatory timeline."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.analysis import findings
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
