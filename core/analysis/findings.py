"""Key findings for the home page, each computed from the dataset and pointing at the rows behind it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.analysis import vocab
from core.data import Dataset


@dataclass(frozen=True)
class Finding:
    headline: str
    detail: str
    row_ids: tuple[str, ...]


def largest_randomised_trial(evidence: pd.DataFrame, condition: str) -> pd.Series | None:
    """The randomised trial of `condition` with the most participants, or None when no trial counts people."""
    trials = evidence[
        (evidence["kind"] == "randomised trial")
        & (evidence["condition"] == condition)
        & (evidence["n_unit"] == "participants")
        & evidence["n"].notna()
    ]
    return None if trials.empty else trials.loc[trials["n"].idxmax()]


def stated_as_fact(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims a page words as plain fact, with no 'may' or 'some patients'."""
    return claims[claims["stated_as"] == "as fact"]


def largest_trial(ds: Dataset, condition: str) -> Finding | None:
    top = largest_randomised_trial(ds.evidence, condition)
    if top is None:
        return None
    return Finding(
        f"The largest randomised {condition} trial we list: {top['short_name']}, with {int(top['n'])} people.",
        top["main_finding"],
        (top["id"],),
    )


def claims_as_fact(ds: Dataset) -> Finding | None:
    claims = ds.claims
    if claims.empty:
        return None
    as_fact = stated_as_fact(claims)
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
