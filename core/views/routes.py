"""The Routes view: for each injection route, the doses pages give, the trials, harms and regulator statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.analysis import doses, routes
from core.charts import doses as dose_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.views.cite import harm_line, regulator_line, study_line
from core.views.rows import ids_table


@dataclass(frozen=True)
class RouteSection:
    row: dict[str, Any]
    doses_sentence: str
    pages: pd.DataFrame
    claims: pd.DataFrame
    studies: pd.DataFrame
    harms: pd.DataFrame
    statements: pd.DataFrame

    def ids_table(self) -> pd.DataFrame:
        """Every row behind the section, by table and id, for readers who check the data."""
        return ids_table(
            ("dose statement", self.pages, "regimen_id"),
            ("claim", self.claims, "id"),
            ("study", self.studies, "id"),
            ("harm report", self.harms, "id"),
            ("regulator statement", self.statements, "id"),
        )

    def citations_markdown(self) -> str:
        """The studies, harms and regulator statements behind the section, one escaped paragraph each."""
        return "\n\n".join(
            [
                *(study_line(s) for s in self.studies.to_dict("records")),
                *(harm_line(h) for h in self.harms.to_dict("records")),
                *(regulator_line(r) for r in self.statements.to_dict("records")),
            ]
        )


@dataclass(frozen=True)
class RoutesView:
    spread: pd.DataFrame
    spread_chart: Spec
    strength: pd.DataFrame
    strength_chart: Spec
    sections: list[RouteSection]


def routes_page(ds: Dataset, chosen: tuple[str, ...]) -> RoutesView:
    norm = doses.normalise(ds)
    trials = doses.trial_doses(ds)
    overview = routes.route_overview(ds, norm, trials)
    spread = routes.route_spread(overview[overview["section_id"].isin(chosen)])
    shown = ds.routes[ds.routes["id"].isin(chosen)]
    labels = ds.sources.set_index("id")
    by_id = overview.set_index("section_id")
    sections = []
    for _, row in shown.iterrows():
        claims = routes.section_claims(ds, row, norm)
        sections.append(
            RouteSection(
                row=row.to_dict(),
                doses_sentence=routes.overview_sentence(by_id.loc[row["id"]]),
                pages=routes.section_rows(norm, row),
                claims=claims.assign(
                    short_label=claims["source_id"].map(labels["short_label"]),
                    seed_file=claims["source_id"].map(labels["seed_file"]),
                ),
                studies=doses.pick(ds.evidence, row["evidence_ids"]),
                harms=doses.pick(ds.harms, row["harm_ids"]),
                statements=doses.pick(ds.regulatory, row["regulatory_ids"]),
            )
        )
    strength = shown[["id", "label", "evidence_strength", "evidence_ids"]]
    return RoutesView(
        spread=spread,
        spread_chart=to_spec(dose_charts.route_spread(spread)),
        strength=strength,
        strength_chart=to_spec(dose_charts.evidence_strength(shown)),
        sections=sections,
    )
