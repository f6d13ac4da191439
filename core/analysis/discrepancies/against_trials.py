"""Rules that set the pages' doses against human trials and the one approved vein dose."""

from __future__ import annotations

import pandas as pd

from core.analysis import doses
from core.analysis.discrepancies.kinds import (
    APPROVAL_KIND,
    UNNAMED_TARGET_ROUTES,
    _dose_rows,
    _item,
    _range,
    _section_ids,
)
from core.text import format_count, verification_words


def outside_trial_range(norm: pd.DataFrame, trials: pd.DataFrame) -> list[dict]:
    """Page doses against the doses human studies tested by the same route (per-kg doses are the next rule's job)."""
    items = []
    per_admin = trials[~trials["computed_from_weight"]]
    per_kg_routes = set(trials.loc[trials["computed_from_weight"], "route"])
    rows = _dose_rows(norm)
    for (_, route), group in rows.groupby(["source_id", "route"], sort=False):
        tested = per_admin[per_admin["route"] == route]
        lo, hi = group["cells_per_admin_low"].min(), group["cells_per_admin_high"].max()
        mine = f"{group.iloc[0]['short_label']}: {_range(lo, hi)} cells ({group.iloc[0]['route_label']})"
        label = group.iloc[0]["route_label"]
        if tested.empty:
            if route in per_kg_routes:
                continue
            unnamed = route in UNNAMED_TARGET_ROUTES
            items.append(
                _item(
                    "outside_trial_range",
                    "low" if unnamed else "medium",
                    f"No trial to compare with: {label}.",
                    "The page does not say where in the spine the cells go, so no trial can be matched to this dose."
                    if unnamed
                    else f"No study we list tested cells given into the {label}, so this dose has nothing to rest on.",
                    mine,
                    group,
                )
            )
            continue
        t_lo, t_hi = tested["cells_per_admin"].min(), tested["cells_per_admin"].max()
        trial_list = "; ".join(
            f"{t['short_name']}: "
            + ", ".join(format_count(d) for d in part["dose_as_tested"])
            + f" ({verification_words(t['verification'])})"
            for _, part in tested.groupby("evidence_id", sort=False)
            for t in [part.iloc[0]]
        )
        basis = ", ".join(dict.fromkeys(tested["dose_basis"]))
        numbers = f"{mine}; trials: {_range(t_lo, t_hi)} cells {basis} — {trial_list}"
        ids = tuple(dict.fromkeys(tested["evidence_id"]))
        if lo >= t_lo and hi <= t_hi:
            items.append(
                _item(
                    "outside_trial_range",
                    "none",
                    f"Inside the range trials tested: {label}.",
                    f"The page's dose is within the {_range(t_lo, t_hi)} cells {basis} that trials "
                    "tested. That does not show the dose works: see what those trials found.",
                    numbers,
                    group,
                    evidence_ids=ids,
                )
            )
            continue
        above = hi > t_hi
        fold = hi / t_hi if above else t_lo / lo
        items.append(
            _item(
                "outside_trial_range",
                "medium",
                f"{'Above' if above else 'Below'} the doses trials tested: {label}.",
                f"Trials we list tested {_range(t_lo, t_hi)} cells {basis}. The page's dose of {_range(lo, hi)} is "
                f"{'above' if above else 'below'} that range ({fold:.1f}× the {'highest' if above else 'lowest'} "
                "tested dose), so no trial we list tells us what it does.",
                numbers,
                group,
                evidence_ids=ids,
                fold=fold,
            )
        )
    return items


def iv_vs_approved(
    norm: pd.DataFrame, evidence: pd.DataFrame, regulatory: pd.DataFrame, routes: pd.DataFrame, weight_kg: float
) -> list[dict]:
    """Vein doses converted to cells per kg, against the approved per-kg dose and its indication."""
    labels = evidence[(evidence["kind"] == APPROVAL_KIND) & (evidence["dose_basis"] == doses.PER_KG_BASIS)]
    rows = _dose_rows(norm)
    rows = rows[rows["cells_per_kg_low"].notna()]
    items = []
    for _, label in labels.iterrows():
        approved = label["doses_cells"][0]
        on_route = rows[rows["route"] == label["route"]]
        _, reg = _section_ids(routes, label["route"], "cells")
        approvals = regulatory[regulatory["id"].isin(reg) & (regulatory["kind"] == "approval")]
        # The approval's own summary names the indication; its first sentence is enough here.
        when = "".join(
            f" {a['summary'].split('. ')[0].rstrip('.')} (approved {a['date']})." for _, a in approvals.iterrows()
        )
        others = evidence[
            (evidence["route"] == label["route"])
            & (evidence["dose_basis"] == doses.PER_KG_BASIS)
            & (evidence["id"] != label["id"])
        ]
        other_words = "".join(
            f" {o['short_name']} used {format_count(o['doses_cells'][0])} cells per kg "
            f"({verification_words(o['verification'])})."
            for _, o in others.iterrows()
        )
        for _, group in on_route.groupby("source_id", sort=False):
            kg_lo, kg_hi = group["cells_per_kg_low"].min(), group["cells_per_kg_high"].max()
            m_lo, m_hi = kg_lo / approved, kg_hi / approved
            multiple = f"{m_lo:.1f}×" if abs(m_hi - m_lo) < 0.05 else f"{m_lo:.1f}–{m_hi:.1f}×"
            items.append(
                _item(
                    "iv_vs_approved",
                    "high" if m_hi >= 1 else "medium",
                    f"Vein dose is {multiple} the only approved per-kg dose, which is for another disease.",
                    f"For a person of {weight_kg:g} kg, the page's vein dose is {_range(kg_lo, kg_hi)} cells per kg: "
                    f"{multiple} the {label['short_name']} dose of {format_count(approved)} cells per kg. That dose is "
                    f"for {label['condition']}, not for knee or back pain.{when}{other_words}",
                    f"{_range(group['cells_per_admin_low'].min(), group['cells_per_admin_high'].max())} cells ÷ "
                    f"{weight_kg:g} kg = {_range(kg_lo, kg_hi)} per kg; approved {format_count(approved)} per kg; "
                    f"{multiple}",
                    group,
                    evidence_ids=(label["id"], *others["id"]),
                    regulatory_ids=tuple(approvals["id"]),
                    fold=m_hi,
                )
            )
    return items
