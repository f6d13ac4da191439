"""The Five pages view: who published each page, what it claims, its checklist score and its doses."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.analysis import sources
from core.analysis.rubric import rubric_sources, score_grid, score_source, score_totals
from core.charts import claims as claim_charts
from core.charts import sources as charts
from core.charts.export import Spec, to_spec
from core.data import Dataset


@dataclass(frozen=True)
class SourcesView:
    profile: pd.DataFrame
    claims_chart: Spec
    grid: pd.DataFrame
    totals: pd.DataFrame
    grid_chart: Spec
    rubrics: pd.DataFrame


def sources_page(ds: Dataset) -> SourcesView:
    profile = sources.source_profiles(ds)
    grid, totals = score_grid(ds), score_totals(ds)
    return SourcesView(
        profile=profile,
        claims_chart=to_spec(charts.claims_by_stated_as(profile)),
        grid=grid.drop(columns=["citation", "url"]),
        totals=totals,
        grid_chart=to_spec(claim_charts.rubric_grid_chart(grid, totals)),
        rubrics=rubric_sources(ds.rubric_items),
    )


@dataclass(frozen=True)
class SourceDetail:
    claims: pd.DataFrame
    checklist: pd.DataFrame
    checklist_summary: str
    doses: pd.DataFrame
    protocols: list[tuple[pd.DataFrame, list[str]]]


def source_detail(ds: Dataset, source_id: str) -> SourceDetail:
    result = score_source(ds, source_id)
    return SourceDetail(
        claims=sources.claims_of(ds, source_id),
        checklist=result.items,
        checklist_summary=result.summary(),
        doses=ds.regimens[ds.regimens["source_id"] == source_id],
        protocols=[(table, raw) for _, table, raw in sources.protocol_tables(ds.regimens, source_id)],
    )
