"""The Dose discrepancies view: for one weight, the doses are normalised once and searched once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.analysis import discrepancies, dose_frames, doses, sources
from core.charts import doses as dose_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.views.rows import RowsBehind


@dataclass(frozen=True)
class DosesView:
    norm: pd.DataFrame
    points: pd.DataFrame
    courses: pd.DataFrame
    per_kg: pd.DataFrame
    found: pd.DataFrame
    top: pd.DataFrame
    left_out: str
    protocols: list[tuple[pd.DataFrame, list[str]]]
    dots_chart: Spec
    per_kg_chart: Spec | None
    courses_chart: Spec
    rows_behind: dict[Any, RowsBehind]


def doses_page(ds: Dataset, weight: float, routes: tuple[str, ...], source_ids: tuple[str, ...]) -> DosesView:
    norm = doses.normalise(ds, weight)
    trials = doses.trial_doses(ds, weight)
    shown = doses.select(norm, list(routes), list(source_ids))
    points = dose_frames.dose_points(shown, trials[trials["route"].isin(routes)])
    courses = dose_frames.course_totals(norm[norm["source_id"].isin(source_ids)])
    per_kg = dose_frames.per_kg_points(shown, trials)
    found = discrepancies.find_in(ds, norm, trials, weight)
    chosen = discrepancies.within(found, norm, routes, source_ids)
    return DosesView(
        norm=norm,
        points=points,
        courses=courses,
        per_kg=per_kg,
        found=found,
        top=discrepancies.top_problems(chosen),
        left_out=doses.left_out_words(shown),
        protocols=[(table, raw) for sid in source_ids for _, table, raw in sources.protocol_tables(ds.regimens, sid)],
        dots_chart=to_spec(dose_charts.dose_dots(points)),
        per_kg_chart=None if per_kg.empty else to_spec(dose_charts.per_kg(per_kg, weight)),
        courses_chart=to_spec(dose_charts.course_totals(courses)),
        rows_behind=rows_behind(ds, norm, found),
    )


def rows_behind(ds: Dataset, norm: pd.DataFrame, found: pd.DataFrame) -> dict[Any, RowsBehind]:
    """The rows behind each discrepancy in found, keyed by its index label."""
    labels = ds.sources.set_index("id")
    out = {}
    for item in found.itertuples():
        claims = doses.pick(ds.claims, item.claim_ids)
        claims = claims.assign(
            short_label=claims["source_id"].map(labels["short_label"]),
            seed_file=claims["source_id"].map(labels["seed_file"]),
        )
        out[item.Index] = RowsBehind(
            regimens=doses.pick(norm, item.regimen_ids, "regimen_id"),
            claims=claims,
            evidence=doses.pick(ds.evidence, item.evidence_ids),
            regulatory=doses.pick(ds.regulatory, item.regulatory_ids),
        )
    return out


# What the page's inputs and list need, so the page reads only this view (page -> view -> analysis).
WEIGHT_LIMITS_KG, DEFAULT_WEIGHT_KG = doses.WEIGHT_LIMITS_KG, doses.DEFAULT_WEIGHT_KG
COURSE_CONVENTION, KINDS = doses.COURSE_CONVENTION, discrepancies.KINDS
route_label, item_line, item_markdown = doses.route_label, discrepancies.item_line, discrepancies.item_markdown
select_items = discrepancies.select


@dataclass(frozen=True)
class DoseChoices:
    routes: list[str]  # routes that any page doses, in the order the pages use them
    sources: list[str]  # pages that give a dose


def choices(ds: Dataset) -> DoseChoices:
    """The routes and pages the inputs offer (weight-free: a new weight does not change them)."""
    norm = doses.normalise(ds)
    return DoseChoices(doses.dosed_routes(norm), doses.dosing_sources(norm))
