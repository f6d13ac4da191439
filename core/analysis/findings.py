"""Key findings for the home page, each computed from the dataset and pointing at the rows behind it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.analysis import vocab
from core.data import Dataset
from core.text import format_count


@dataclass(frozen=True)
class Finding:
    headline: str
    detail: str
    row_ids: tuple[str, ...]


def cell_dose_rows(regimens: pd.DataFrame) -> pd.DataFrame:
    """Dose statements that count cells, stated or implied by the page's own layout."""
    counts_cells = (regimens["dose_unit"] == "cells") | (regimens["implied_unit"] == "cells")
    return regimens[counts_cells & (regimens["product"] == "cells") & regimens["dose_low"].notna()]


def _route_words(regimen: pd.Series) -> str:
    return regimen["route_as_stated"] if regimen["route"] == "unspecified" else regimen["route"]


def dose_spread(ds: Dataset) -> Finding | None:
    doses = cell_dose_rows(ds.regimens)
    if doses.empty:
        return None
    low, high = doses.loc[doses["dose_low"].idxmin()], doses.loc[doses["dose_high"].idxmax()]
    non_cells = ds.regimens[(ds.regimens["product"] != "cells") & ds.regimens["dose_low"].notna()]
    detail = (
        f"{doses['source_id'].nunique()} of the {len(ds.sources)} pages give doses. The smallest is "
        f"{format_count(low['dose_low'])} cells ({_route_words(low)}); the largest {format_count(high['dose_high'])} "
        f"cells ({_route_words(high)}), with no reason given for either."
    )
    if not non_cells.empty:
        named = ", ".join(sorted(set(non_cells["route_as_stated"])))
        detail += f" One page also prints cell-style counts for things that are not cells: {named}."
    return Finding(
        "The pages disagree on how many cells to inject, and do not say why.",
        detail,
        tuple(doses["id"]) + tuple(non_cells["id"]),
    )


def trial_doses(ds: Dataset) -> Finding | None:
    knee = ds.evidence[(ds.evidence["route"] == "intra-articular knee") & (ds.evidence["doses_cells"].map(len) > 0)]
    if knee.empty:
        return None
    doses = [d for tested in knee["doses_cells"] for d in tested]
    return Finding(
        f"Knee trials themselves used doses that differ {max(doses) / min(doses):.0f}-fold.",
        f"{len(knee)} knee studies we list injected between {format_count(min(doses))} and "
        f"{format_count(max(doses))} cells per injection. There is no agreed dose to check a clinic against.",
        tuple(knee["id"]),
    )


def largest_trial(ds: Dataset, condition: str) -> Finding | None:
    trials = ds.evidence[
        (ds.evidence["kind"] == "randomised trial")
        & (ds.evidence["condition"] == condition)
        & (ds.evidence["n_unit"] == "participants")
    ]
    if trials.empty or trials["n"].isna().all():
        return None
    top = trials.loc[trials["n"].idxmax()]
    return Finding(
        f"The largest randomised {condition} trial we list: {top['short_name']}, with {int(top['n'])} people.",
        top["main_finding"],
        (top["id"],),
    )


def claims_as_fact(ds: Dataset) -> Finding | None:
    claims = ds.claims
    if claims.empty:
        return None
    as_fact = claims[claims["stated_as"] == "as fact"]
    unsupported = as_fact[as_fact["verdict"].isin(vocab.UNSUPPORTED)]
    return Finding(
        "Most claims are stated as plain fact, including ones the evidence does not back.",
        f"Of {len(claims)} claims in the five pages, {len(as_fact)} are stated as fact. For {len(unsupported)} of "
        "those, controlled trials do not show it, the evidence contradicts it, or it leaves out what matters.",
        tuple(unsupported["id"]),
    )


def harms_documented(ds: Dataset) -> Finding | None:
    clinic = ds.harms[ds.harms["setting"] == "unapproved clinic"]
    if clinic.empty:
        return None
    counted = clinic[clinic["n_patients"].notna()]
    worst = ", ".join(sorted(set(clinic["severity"])))
    detail = (
        f"{len(clinic)} published reports we list describe harm after products from unapproved clinics "
        f"(worst outcomes: {worst})."
    )
    if not counted.empty:
        top = counted.loc[counted["n_patients"].idxmax()]
        # Reports overlap (a national follow-up includes an earlier outbreak), so counts are never added up.
        status = "" if top["verification"] == "verified" else f", {top['verification']}ly verified"
        detail += (
            f" The largest counts {int(top['n_patients'])} people ({top['short_name']}{status}); "
            "reports overlap, so their counts cannot be added."
        )
    return Finding(
        "Serious harms after treatment at unapproved clinics are documented by doctors and regulators.",
        detail,
        tuple(clinic["id"]),
    )
