"""The Routes view: for each injection route, the doses pages give, the trials, harms and regulator statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core.analysis import doses, routes
from core.charts import doses as dose_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.text import md_escape, verification_flag
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
        flag = verification_flag
        return "\n\n".join(
            [
                *(f"**Study: {md_escape(e.short_name)}**{flag(e.verification)}. {md_escape(e.main_finding)}"
                  for e in self.studies.itertuples()),
                *(f"**Harm: {md_escape(h.short_name)}** ({h.year}){flag(h.verification)}. "
                  f"{md_escape(h.what_happened)}" for h in self.harms.itertuples()),
                *(f"**Regulator: {md_escape(r.title)}** ({r.date}, {md_escape(r.jurisdiction)}){flag(r.verification)}. "
                  f"{md_escape(r.summary)}" for r in self.statements.itertuples()),
            ]
        )  # fmt: skip


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
