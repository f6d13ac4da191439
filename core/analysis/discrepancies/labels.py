"""Rules on what a dose says it is: not cells, no unit, the wrong target, a course total implied but not printed."""

from __future__ import annotations

import pandas as pd

from core.analysis.discrepancies.kinds import (
    DISC_TOPICS,
    ROUTES_OUTSIDE_DISC,
    UNNAMED_TARGET_ROUTES,
    _item,
    _per,
    _range,
    _section_ids,
    _union,
)
from core.text import format_count, plural


def not_cells(norm: pd.DataFrame, routes: pd.DataFrame) -> list[dict]:
    """Numbers printed as doses for products that are not cells."""
    items = []
    rows = norm[norm["dose_low"].notna() & (norm["product"] != "cells")]
    for _, r in rows.iterrows():
        ev, reg = _section_ids(routes, r["route"], r["product"])
        beside = norm[(norm["protocol_id"] == r["protocol_id"]) & norm["comparable"]] if r["protocol_id"] else []
        where = " It sits in the same table as the cell doses, as if it were one." if len(beside) else ""
        items.append(
            _item(
                "not_cells",
                "high",
                f"“{r['route_as_stated']}” is given a cell-style count, but it is not cells.",
                f"The page gives {r['route_as_stated']} a dose of {format_count(r['dose_low'])}. {r['reason']}{where}",
                f"{r['total_as_printed'] or 'no total'} printed as total; dose {format_count(r['dose_low'])} "
                f"{_per(r)} × {r['admins_low']:g}",
                r.to_frame().T,
                evidence_ids=ev,
                regulatory_ids=reg,
            )
        )
    return items


def no_unit(norm: pd.DataFrame) -> list[dict]:
    """Doses printed as bare numbers."""
    items = []
    rows = norm[norm["dose_unit"] == "none stated"]
    for _, group in rows.groupby("source_id", sort=False):
        implied = group[group["unit_caveat"] != ""]
        bare = group[group["unit_caveat"] == ""]
        items.append(
            _item(
                "no_unit",
                "medium" if len(bare) else "low",
                f"{len(group)} doses are bare numbers with no unit.",
                f"The page prints {len(group)} doses as bare numbers. For {len(implied)} of them only the page's "
                f"layout suggests cells (we count them as cells, with a warning); for {len(bare)} nothing says what "
                "is being counted.",
                "; ".join(f"{r['route_as_stated']}: {format_count(r['dose_low'])}" for _, r in group.iterrows()),
                group,
            )
        )
    return items


def route_target_mismatch(norm: pd.DataFrame, claims: pd.DataFrame) -> list[dict]:
    """Injections that cannot reach the disc, on pages that promise to repair discs."""
    items = []
    disc_claims = claims[claims["topic"].isin(DISC_TOPICS)]
    for source_id, promised in disc_claims.groupby("source_id", sort=False):
        mine = norm[(norm["source_id"] == source_id) & norm["dose_low"].notna()]
        outside = mine[mine["route"].isin(ROUTES_OUTSIDE_DISC)]
        if outside.empty:
            continue
        unnamed = mine[mine["route"].isin(UNNAMED_TARGET_ROUTES)]
        meanings = "; ".join(dict.fromkeys(ROUTES_OUTSIDE_DISC[r] for r in outside["route"]))
        extra = (
            " It also injects “into the spine” without saying where, so that dose cannot be matched to the disc either."
            if not unnamed.empty
            else ""
        )
        items.append(
            _item(
                "route_target_mismatch",
                "high",
                "Promised disc repair, but the injection does not go into the disc.",
                f"The page says stem cells repair spinal discs, but its back injection is “"
                f"{outside.iloc[0]['route_as_stated']}”: {meanings}. Neither is inside the disc.{extra}",
                "; ".join(
                    f"{r['route_as_stated']}: {_range(r['dose_low'], r['dose_high'])} {_per(r)}"
                    for _, r in pd.concat([outside, unnamed]).iterrows()
                ),
                pd.concat([outside, unnamed]),
                claim_ids=tuple(promised["id"]),
                evidence_ids=_union(promised["evidence_ids"]),
                regulatory_ids=_union(promised["regulatory_ids"]),
            )
        )
    return items


def implied_course_total(norm: pd.DataFrame) -> list[dict]:
    """Totals a page implies (repeated sessions, several parts of one session) but never prints."""
    items = []
    repeated = norm[norm["comparable"] & (norm["admins_low"] > 1) & norm["total_printed"].isna()]
    for _, r in repeated.iterrows():
        lo, hi = r["cells_per_course_low"], r["cells_per_course_high"]
        items.append(
            _item(
                "implied_course_total",
                "medium",
                f"A course of {_range(lo, hi)} cells that the page never states.",
                f"The page gives {_range(r['dose_low'], r['dose_high'])} cells {_per(r)} into the {r['route_label']}, "
                f"{_range(r['admins_low'], r['admins_high'])} times. Multiplied out, that is {_range(lo, hi)} cells "
                "over the course (our arithmetic). The page never says this total.",
                f"{_range(r['dose_low'], r['dose_high'])} × {_range(r['admins_low'], r['admins_high'])} = "
                f"{_range(lo, hi)} cells (computed)",
                r.to_frame().T,
            )
        )
    for _, group in norm[norm["protocol_id"] != ""].groupby("protocol_id", sort=False):
        parts = group[group["comparable"]]
        if len(parts) < 2 or group["total_printed"].notna().any():
            continue
        undosed = group[group["dose_low"].isna()]
        total = parts["cells_per_course_low"].sum()
        later = (
            f" It adds {plural(len(undosed), 'later session')} with no dose at all, so the full course has "
            "no stated upper limit."
            if len(undosed)
            else ""
        )
        items.append(
            _item(
                "implied_course_total",
                "medium",
                f"One protocol adds up to {format_count(total)} cells, a total the page never prints.",
                f"The parts of this protocol add up to {format_count(total)} cells (our arithmetic); the page never "
                f"gives the sum.{later}",
                " + ".join(format_count(v) for v in parts["cells_per_course_low"]) + f" = {format_count(total)} "
                "cells (computed)",
                group,
            )
        )
    for _, r in norm[norm["comparable"] & norm["open_ended"] & (norm["protocol_id"] == "")].iterrows():
        items.append(
            _item(
                "implied_course_total",
                "low",
                f"Follow-up doses into the {r['route_label']} with no limit.",
                f"The page gives {_range(r['dose_low'], r['dose_high'])} cells {_per(r)} and allows follow-ups "
                "without saying how many, so the course has no upper limit.",
                f"at least {format_count(r['cells_per_course_low'])} cells; no upper limit stated",
                r.to_frame().T,
            )
        )
    return items
