"""Everything a page computes for its inputs, in one call, so ui can cache it per data version and input values.

Each view returns plain tables and chart specs already serialised (export.to_spec): a rerun with the same
inputs then costs only the drawing. Pages stay thin: read inputs, fetch the view, render.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from core import charts, claim_charts, discrepancies, dose_charts, doses, exercises, findings, sources, verdicts
from core.claims import (
    claims_with_sources,
    evidence_overview,
    harms_summary,
    key_results,
    linked_evidence,
    linked_regulatory,
    mechanism_matrix,
    mechanism_topics,
    regulatory_timeline,
    who_claims,
)
from core.data import Dataset
from core.datadict import field_table
from core.export import Spec, to_spec
from core.rubric import rubric_sources, score_grid, score_source, score_totals
from core.text import md_escape, verification_flag

# --- home ----------------------------------------------------------------------------------------


def home(ds: Dataset) -> list[findings.Finding]:
    return findings.key_findings(ds)


# --- sources -------------------------------------------------------------------------------------


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
        protocols=[(table, raw) for _, table, raw in doses.protocol_tables(ds.regimens, source_id)],
    )


# --- doses ---------------------------------------------------------------------------------------


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


def doses_page(ds: Dataset, weight: float, routes: tuple[str, ...], source_ids: tuple[str, ...]) -> DosesView:
    norm = doses.normalise(ds, weight)
    trials = doses.trial_doses(ds, weight)
    shown = doses.select(norm, list(routes), list(source_ids))
    points = doses.dose_points(shown, trials[trials["route"].isin(routes)])
    courses = doses.course_totals(norm[norm["source_id"].isin(source_ids)])
    per_kg = doses.per_kg_points(shown, trials)
    found = discrepancies.find(ds, weight)
    chosen = discrepancies.within(found, norm, routes, source_ids)
    return DosesView(
        norm=norm,
        points=points,
        courses=courses,
        per_kg=per_kg,
        found=found,
        top=discrepancies.top_problems(chosen),
        left_out=doses.left_out_words(shown),
        protocols=[(table, raw) for sid in source_ids for _, table, raw in doses.protocol_tables(ds.regimens, sid)],
        dots_chart=to_spec(dose_charts.dose_dots(points)),
        per_kg_chart=None if per_kg.empty else to_spec(dose_charts.per_kg(per_kg, weight)),
        courses_chart=to_spec(dose_charts.course_totals(courses)),
    )


def ids_table(*parts: tuple[str, pd.DataFrame, str]) -> pd.DataFrame:
    """(kind of row, frame, id column) → one table of every row id, for readers who check the data."""
    return pd.DataFrame(
        [(kind, row_id) for kind, frame, column in parts for row_id in frame[column]], columns=["row", "id"]
    )


@dataclass(frozen=True)
class Evidence:
    """The rows a discrepancy, route or claim rests on, ready to list."""

    regimens: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    regulatory: pd.DataFrame

    def citations(self) -> list[str]:
        """One line per study or regulator statement, with any doubt about it (ids are in ids_table)."""

        return [f"Study: {e.short_name}{verification_flag(e.verification)}" for e in self.evidence.itertuples()] + [
            f"Regulator: {r.title}, {r.date}{verification_flag(r.verification)}" for r in self.regulatory.itertuples()
        ]

    def ids_table(self) -> pd.DataFrame:
        """Every row behind the item, by table and id, for readers who check the data."""
        return ids_table(
            ("dose statement", self.regimens, "regimen_id"),
            ("claim", self.claims, "id"),
            ("study", self.evidence, "id"),
            ("regulator statement", self.regulatory, "id"),
        )


def discrepancy_rows(ds: Dataset, weight: float) -> dict[Any, Evidence]:
    """The rows behind each discrepancy, keyed by its index label in discrepancies.find."""
    norm = doses.normalise(ds, weight)
    labels = ds.sources.set_index("id")
    out = {}
    for item in discrepancies.find(ds, weight).itertuples():
        claims = doses.pick(ds.claims, item.claim_ids)
        claims = claims.assign(
            short_label=claims["source_id"].map(labels["short_label"]),
            seed_file=claims["source_id"].map(labels["seed_file"]),
        )
        out[item.Index] = Evidence(
            regimens=doses.pick(norm, item.regimen_ids, "regimen_id"),
            claims=claims,
            evidence=doses.pick(ds.evidence, item.evidence_ids),
            regulatory=doses.pick(ds.regulatory, item.regulatory_ids),
        )
    return out


# --- routes --------------------------------------------------------------------------------------


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
    overview = doses.route_overview(ds, norm, trials)
    spread = doses.route_spread(overview[overview["section_id"].isin(chosen)])
    shown = ds.routes[ds.routes["id"].isin(chosen)]
    labels = ds.sources.set_index("id")
    by_id = overview.set_index("section_id")
    sections = []
    for _, row in shown.iterrows():
        claims = doses.section_claims(ds, row, norm)
        sections.append(
            RouteSection(
                row=row.to_dict(),
                doses_sentence=doses.overview_sentence(by_id.loc[row["id"]]),
                pages=doses.section_rows(norm, row),
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


# --- mechanisms ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MechanismSection:
    topic: dict[str, Any]
    studies: pd.DataFrame
    claims: pd.DataFrame
    who: str


@dataclass(frozen=True)
class MechanismsView:
    matrix: pd.DataFrame
    matrix_chart: Spec
    sections: list[MechanismSection]


def mechanisms_page(ds: Dataset, chosen: str) -> MechanismsView:
    topics = mechanism_topics(ds)
    matrix = mechanism_matrix(ds)
    claims = claims_with_sources(ds)
    shown = topics if chosen == "all" else topics[topics["id"] == chosen]
    return MechanismsView(
        matrix=matrix,
        matrix_chart=to_spec(claim_charts.mechanism_matrix_chart(matrix)),
        sections=[
            MechanismSection(
                topic=topic.to_dict(),
                studies=linked_evidence(ds, topic["evidence_ids"]),
                claims=claims[claims["topic"] == topic["id"]],
                who=who_claims(matrix, topic["id"]),
            )
            for _, topic in shown.iterrows()
        ],
    )


# --- claims --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimCard:
    # Plain records, not DataFrames: a page draws many cards, and DataFrame.itertuples builds a new
    # namedtuple class on every call (about a millisecond each).
    claim: dict[str, Any]
    studies: tuple[dict[str, Any], ...]
    statements: tuple[dict[str, Any], ...]
    harms: tuple[dict[str, Any], ...] = ()
    # The verdict method behind this claim: its level's meaning, certainty, check date and group.
    method: dict[str, Any] | None = None
    # Summary-of-findings rows that rest on the same studies: what the pooled evidence says.
    pooled: tuple[dict[str, Any], ...] = ()


def claim_cards(ds: Dataset) -> dict[str, ClaimCard]:
    """Every claim with its linked studies, regulator statements, harms, verdict method and pooled findings."""
    pooled = verdicts.summary_of_findings(ds).to_dict("records")
    cards = {}
    for _, claim in claims_with_sources(ds).iterrows():
        detail = verdicts.claim_verdict_detail(ds, claim["id"])
        cited = set(claim["evidence_ids"])
        cards[claim["id"]] = ClaimCard(
            claim=claim.to_dict(),
            studies=tuple(linked_evidence(ds, claim["evidence_ids"]).to_dict("records")),
            statements=tuple(linked_regulatory(ds, claim["regulatory_ids"]).to_dict("records")),
            harms=tuple(detail.harms.to_dict("records")),
            method={
                "label": detail.label,
                "definition": detail.definition,
                "certainty": detail.certainty,
                "checked_on": verdicts.checked_on_words(detail.checked_on),
                "group_label": detail.group_label,
                "group_size": len(detail.group_claim_ids),
            },
            pooled=tuple(row for row in pooled if cited & set(row["row_ids"])),
        )
    return cards


# --- evidence ------------------------------------------------------------------------------------


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


# --- methods -------------------------------------------------------------------------------------


def field_table_of(ds: Dataset, name: str) -> pd.DataFrame:
    """The data dictionary rows of one file."""
    return field_table(ds.resource(name))


# --- exercises -----------------------------------------------------------------------------------


def exercise_list(ds: Dataset) -> list[exercises.Exercise]:
    return exercises.exercises(ds)
