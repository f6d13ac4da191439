"""The Routes view: for each injection route, the doses pages give, the trials, harms and regulator statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core import i18n
from core.analysis import doses, routes
from core.charts import doses as dose_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.i18n import N_
from core.text import md_escape
from core.views.cite import harm_line, regulator_line, study_line
from core.views.doses import on_screen as on_screen  # for the page, which reads only this view
from core.views.doses import verdict_words
from core.views.rows import ids_table


@dataclass(frozen=True)
class RouteSection:
    row: dict[str, Any]
    doses_sentence: str
    lang: str
    pages: pd.DataFrame
    claims: pd.DataFrame
    studies: pd.DataFrame
    harms: pd.DataFrame
    statements: pd.DataFrame

    def ids_table(self) -> pd.DataFrame:
        """Every row behind the section, by table and id, for readers who check the data."""
        return ids_table(
            (N_("dose statement"), self.pages, "regimen_id"),
            (N_("claim"), self.claims, "id"),
            (N_("study"), self.studies, "id"),
            (N_("harm report"), self.harms, "id"),
            (N_("regulator statement"), self.statements, "id"),
            lang=self.lang,
        )

    def citations_markdown(self) -> str:
        """The studies, harms and regulator statements behind the section, one escaped paragraph each."""
        return "\n\n".join(
            [
                *(study_line(s, lang=self.lang) for s in self.studies.to_dict("records")),
                *(harm_line(h, lang=self.lang) for h in self.harms.to_dict("records")),
                *(regulator_line(r, lang=self.lang) for r in self.statements.to_dict("records")),
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
    spread = routes.route_spread(overview[overview["section_id"].isin(chosen)], ds.lang)
    shown = ds.routes[ds.routes["id"].isin(chosen)]
    labels = ds.sources.set_index("id")
    by_id = overview.set_index("section_id")
    sections = []
    for _, row in shown.iterrows():
        claims = routes.section_claims(ds, row, norm)
        sections.append(
            RouteSection(
                row=row.to_dict(),
                doses_sentence=routes.overview_sentence(by_id.loc[row["id"]], ds.lang),
                lang=ds.lang,
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
        spread_chart=to_spec(dose_charts.route_spread(spread, ds.lang)),
        strength=strength,
        strength_chart=to_spec(dose_charts.evidence_strength(shown, ds.lang)),
        sections=sections,
    )


# --- words for the page ----------------------------------------------------------------------------------------


def summary_markdown(section: RouteSection) -> str:
    """The short version of a route: where the needle goes, the doses, the strongest evidence and the harms."""
    _ = i18n.bound(section.lang)
    row, n_harms = section.row, len(section.harms)
    harms = (
        i18n.ngettext(section.lang, "{n} report", "{n} reports", n_harms).format(n=n_harms)
        if n_harms
        else _("none listed")
    )
    strength = routes.chart_words("strength", row["evidence_strength"], section.lang)
    return _(
        "**Where the needle goes.** {where}\n\n**Doses.** {doses}\n\n**Strongest evidence of benefit:** {strength} · "
        "**Documented harms:** {harms}"
    ).format(
        where=md_escape(row["where_needle_goes"]),
        doses=md_escape(section.doses_sentence),
        strength=md_escape(strength),
        harms=harms,
    )


def details_markdown(section: RouteSection) -> str:
    """What the evidence, the harms and the regulators say about a route, one paragraph each."""
    _ = i18n.bound(section.lang)
    row = section.row
    parts = [
        _("**Where the product ends up.** {text}").format(text=md_escape(row["where_cells_end_up"]))
        if row["where_cells_end_up"]
        else "",
        _("**What the evidence found.** {text}").format(text=md_escape(row["evidence_summary"])),
        _("**Regulators.** {text}").format(text=md_escape(row["regulatory_summary"])),
    ]
    return "\n\n".join(part for part in parts if part)


def details_label(section: RouteSection) -> str:
    """The switch that opens a route's quotes, claims, studies, harms and regulator statements, with their counts."""
    lang, n = section.lang, {name: len(getattr(section, name)) for name in ("pages", "claims", "studies", "harms")}
    n["statements"] = len(section.statements)
    return i18n.gettext(lang, "Show the {quotes}, {claims}, {studies}, {harms} and {statements}").format(
        quotes=i18n.ngettext(lang, "{n} dose quote", "{n} dose quotes", n["pages"]).format(n=n["pages"]),
        claims=i18n.ngettext(lang, "{n} claim", "{n} claims", n["claims"]).format(n=n["claims"]),
        studies=i18n.ngettext(lang, "{n} study", "{n} studies", n["studies"]).format(n=n["studies"]),
        harms=i18n.ngettext(lang, "{n} harm report", "{n} harm reports", n["harms"]).format(n=n["harms"]),
        statements=i18n.ngettext(lang, "{n} regulator statement", "{n} regulator statements", n["statements"]).format(
            n=n["statements"]
        ),
    )


def claim_note(ds: Dataset, claim) -> str:
    """The line under a claim's quote: our verdict and why."""
    return i18n.gettext(ds.lang, "Our verdict: {verdict}. {note}").format(
        verdict=md_escape(verdict_words(ds, claim.verdict)), note=md_escape(claim.verdict_note)
    )
