"""The kinds of dose discrepancy, their severities and columns, and the helpers every rule shares."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from core.analysis import doses

KINDS = {
    "route_dose_conflict": "Same route, different doses",
    "headline_vs_own_doses": "Headline range vs the page's own doses",
    "printed_total_check": "Printed totals vs dose × days",
    "total_leaves_rows_out": "A total that leaves rows out",
    "not_cells": "Cell counts for things that are not cells",
    "no_unit": "Doses printed with no unit",
    "route_target_mismatch": "Route cannot reach what it is sold for",
    "implied_course_total": "Course totals the page never states",
    "outside_trial_range": "Doses against the doses trials tested",
    "iv_vs_approved": "Vein doses against the only approved dose",
}
SEVERITY_ORDER = ("high", "medium", "low", "none")
SEVERITY_WORDS = {
    "high": "Serious problem",
    "medium": "Problem",
    "low": "Minor problem",
    "none": "Checked: consistent",
}
COLUMNS = [
    "kind", "kind_label", "status", "severity", "headline", "explanation", "numbers", "source_ids", "regimen_ids",
    "claim_ids", "evidence_ids", "regulatory_ids", "fold",
]  # fmt: skip

# Where in the body each route puts the product; routes in the same family reach the same part of the body.
ROUTE_FAMILIES = {
    "intra-articular knee": "knee joint",
    "intradiscal": "spine",
    "intrathecal": "spine",
    "epidural": "spine",
    "intrathecal-or-epidural as stated": "spine",
    "spine, site unspecified": "spine",
    "intravenous": "vein",
}
UNNAMED_TARGET_ROUTES = ("spine, site unspecified",)
DOSE_STATEMENT_KINDS = ("route dose", "combination protocol part", "protocol table row")
TOTAL_KIND = "protocol table total"
HEADLINE_KIND = "headline range"
# Claims about rebuilding the disc, and the routes that put the product somewhere other than inside the disc.
DISC_TOPICS = ("disc repair",)
ROUTES_OUTSIDE_DISC = {
    "intrathecal": "intrathecal means into the spinal fluid, through the dura (the covering of the spinal cord)",
    "epidural": "epidural means into the space just outside the dura",
    "intrathecal-or-epidural as stated": (
        "intrathecal means into the spinal fluid, through the dura (the covering of the spinal cord), and epidural "
        "means into the space just outside the dura"
    ),
}
APPROVAL_KIND = "drug label"
TOLERANCE = 0.5  # cells; printed totals are whole numbers, so anything closer than half a cell is equal


def _item(kind: str, severity: str, headline: str, explanation: str, numbers: str, rows: pd.DataFrame, **ids) -> dict:
    return {
        "kind": kind,
        "kind_label": KINDS[kind],
        "status": "consistent" if severity == "none" else "problem",
        "severity": severity,
        "headline": headline,
        "explanation": explanation,
        "numbers": numbers,
        "source_ids": tuple(dict.fromkeys(rows["source_id"])),
        "regimen_ids": tuple(dict.fromkeys(rows["regimen_id"])),
        "claim_ids": tuple(ids.get("claim_ids", ())),
        "evidence_ids": tuple(ids.get("evidence_ids", ())),
        "regulatory_ids": tuple(ids.get("regulatory_ids", ())),
        "fold": ids.get("fold", math.nan),
    }


def _per(row: pd.Series) -> str:
    return doses.PER_WORDS.get(row["dose_per"], "")


def _range(low: float, high: float) -> str:
    return doses.cells_range(low, high)


def _dose_rows(norm: pd.DataFrame) -> pd.DataFrame:
    return norm[norm["comparable"] & norm["statement_kind"].isin(DOSE_STATEMENT_KINDS)]


def _fold_severity(fold: float) -> str:
    return "high" if fold >= 4 else "medium" if fold >= 2 else "low"


def _union(values: Iterable) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for value in values if isinstance(value, tuple) for item in value))


def _section_ids(routes: pd.DataFrame, route: str, product: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Evidence and regulatory ids of the Routes sections (data/routes.csv) that cover a route and product."""
    if routes.empty:
        return (), ()
    match = routes[routes["routes"].map(lambda r: route in r) & routes["products"].map(lambda p: product in p)]
    return _union(match["evidence_ids"]), _union(match["regulatory_ids"])
