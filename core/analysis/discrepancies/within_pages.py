"""Rules that compare a page's doses with each other and with other pages: conflicts, headlines, totals."""

from __future__ import annotations

import math

import pandas as pd

from core.analysis.discrepancies.kinds import (
    HEADLINE_KIND,
    ROUTE_FAMILIES,
    TOLERANCE,
    TOTAL_KIND,
    _dose_rows,
    _fold_severity,
    _item,
    _per,
    _range,
)
from core.text import format_count, plural


def route_dose_conflict(norm: pd.DataFrame) -> list[dict]:
    """Pages that dose the same part of the body differently."""
    rows = _dose_rows(norm)
    rows = rows[rows["route"].isin(ROUTE_FAMILIES)].assign(family=lambda f: f["route"].map(ROUTE_FAMILIES))
    items = []
    for family, group in rows.groupby("family", sort=False):
        if group["source_id"].nunique() < 2:
            continue
        per_source = []
        for _, part in group.groupby("source_id", sort=False):
            pers = ", ".join(dict.fromkeys(part.apply(_per, axis=1)))
            routes = ", ".join(dict.fromkeys(part["route_label"]))
            low, high = part["cells_per_admin_low"].min(), part["cells_per_admin_high"].max()
            per_source.append((part.iloc[0]["short_label"], low, high, pers, routes))
        low, high = min(p[1] for p in per_source), max(p[2] for p in per_source)
        same = len({(p[1], p[2], p[3]) for p in per_source}) == 1
        fold = high / low
        numbers = "; ".join(
            f"{label}: {_range(lo, hi)} cells {per} ({routes})" for label, lo, hi, per, routes in per_source
        )
        bases = {p[3] for p in per_source}
        basis_note = (
            " They also count differently (" + " vs ".join(sorted(bases)) + "), so even equal numbers would not "
            "mean the same amount."
            if len(bases) > 1
            else ""
        )
        if same:
            items.append(
                _item(
                    "route_dose_conflict",
                    "none",
                    f"The pages agree on the dose for the {family}.",
                    f"Every page that doses the {family} gives the same dose.",
                    numbers,
                    group,
                )
            )
            continue
        items.append(
            _item(
                "route_dose_conflict",
                _fold_severity(fold),
                f"Pages dose the {family} differently: the highest is up to {fold:.1f} times the lowest.",
                f"For the {family}, the pages give doses from {format_count(low)} to {format_count(high)} cells, "
                f"a {fold:.1f}-fold spread. None of them says why its own dose is the right one.{basis_note}",
                numbers,
                group,
                fold=fold,
            )
        )
    return items


def headline_vs_own_doses(norm: pd.DataFrame) -> list[dict]:
    """A page's headline range against the route doses the same page gives."""
    items = []
    headlines = norm[norm["comparable"] & (norm["statement_kind"] == HEADLINE_KIND)]
    own = _dose_rows(norm)
    for _, head in headlines.iterrows():
        mine = own[own["source_id"] == head["source_id"]]
        if mine.empty:
            continue
        lo, hi = head["cells_per_admin_low"], head["cells_per_admin_high"]
        outside = mine[(mine["cells_per_admin_low"] < lo) | (mine["cells_per_admin_high"] > hi)]
        rows = pd.concat([head.to_frame().T, outside if not outside.empty else mine])
        headline_words = f"{_range(lo, hi)} cells {_per(head)}"
        if outside.empty:
            items.append(
                _item(
                    "headline_vs_own_doses",
                    "none",
                    "The page's own doses fit its headline range.",
                    f"Every dose the page gives falls inside its headline of {headline_words}.",
                    f"Headline: {headline_words}",
                    rows,
                )
            )
            continue
        parts = []
        for _, r in outside.iterrows():
            side = "below" if r["cells_per_admin_low"] < lo else "above"
            parts.append(
                f"{r['route_label']}: {_range(r['cells_per_admin_low'], r['cells_per_admin_high'])} "
                f"{_per(r)} (partly {side})"
            )
        items.append(
            _item(
                "headline_vs_own_doses",
                "medium",
                "The page's own doses fall outside its headline range.",
                f"The page says {headline_words} are typical. But {len(outside)} of its own doses fall partly "
                f"outside that range, so the page does not follow its own rule.",
                f"Headline: {headline_words}; " + "; ".join(parts),
                rows,
            )
        )
    return items


def printed_total_check(norm: pd.DataFrame) -> list[dict]:
    """Totals the page prints beside a dose, against the dose times the number of days or sessions."""
    rows = norm[
        norm["total_printed"].notna()
        & (norm["statement_kind"] != TOTAL_KIND)
        & norm["printed_times_admins_low"].notna()
    ]
    items = []
    for _, group in rows.groupby(["source_id", "protocol_id"], sort=False):
        checks, wrong = [], []
        for _, r in group.iterrows():
            expected = (r["printed_times_admins_low"], r["printed_times_admins_high"])
            ok = all(abs(e - r["total_printed"]) <= TOLERANCE for e in expected if not math.isnan(e))
            line = (
                f"{r['route_as_stated']}: {format_count(r['dose_low'])} × {r['admins_low']:g} = "
                f"{format_count(expected[0])}; printed {r['total_as_printed']}"
            )
            checks.append(line + (" (matches)" if ok else " (does not match)"))
            if not ok:
                wrong.append(r["regimen_id"])
        if wrong:
            bad = group[group["regimen_id"].isin(wrong)]
            items.append(
                _item(
                    "printed_total_check",
                    "medium",
                    "Printed totals do not equal dose × days.",
                    f"{plural(len(bad), 'printed total')} "
                    f"{'differs' if len(bad) == 1 else 'differ'} from the dose times the number of days or "
                    "sessions the page gives.",
                    "; ".join(checks),
                    bad,
                )
            )
        else:
            items.append(
                _item(
                    "printed_total_check",
                    "none",
                    "The printed totals do add up: dose × days gives each one.",
                    f"We checked {plural(len(group), 'printed total')} against the dose times the days the "
                    "page gives. They match, so the arithmetic itself is right; the problems lie elsewhere.",
                    "; ".join(checks),
                    group,
                )
            )
    return items


def total_leaves_rows_out(norm: pd.DataFrame) -> list[dict]:
    """A printed grand total against the rows of its own table: which rows does it add, which does it drop?"""
    items = []
    totals = norm[(norm["statement_kind"] == TOTAL_KIND) & norm["total_printed"].notna()]
    for _, total in totals.iterrows():
        table = norm[(norm["protocol_id"] == total["protocol_id"]) & (norm["statement_kind"] != TOTAL_KIND)]
        if total["protocol_id"] == "" or table.empty:
            continue
        counted = table[table["total_printed"].notna()]
        dropped = table[table["total_printed"].isna() & table["dose_low"].notna()]
        added = counted["total_printed"].sum()
        rows = pd.concat([total.to_frame().T, table])
        numbers = (
            f"Printed total {total['total_as_printed']}; rows with a total add up to {format_count(added)} ("
            + ", ".join(counted["route_as_stated"])
            + ")"
        )
        if abs(added - total["total_printed"]) > TOLERANCE:
            items.append(
                _item(
                    "total_leaves_rows_out",
                    "medium",
                    "The printed total does not add up.",
                    f"The page's total of {total['total_as_printed']} is not the sum of its own rows "
                    f"({format_count(added)}).",
                    numbers,
                    rows,
                )
            )
            continue
        if dropped.empty:
            items.append(
                _item(
                    "total_leaves_rows_out",
                    "none",
                    "The printed total adds up every row.",
                    "The total equals the rows of its table added up, and no row is left out.",
                    numbers,
                    rows,
                )
            )
            continue
        left = "; ".join(
            f"{r['route_as_stated']}: {format_count(r['dose_low'])} {_per(r)} × {r['admins_low']:g}"
            for _, r in dropped.iterrows()
        )
        not_cells = dropped[~dropped["comparable"]]
        items.append(
            _item(
                "total_leaves_rows_out",
                "medium",
                f"The printed total leaves out {len(dropped)} rows of its own table.",
                f"The total of {total['total_as_printed']} adds up only the rows that have a total beside them. It "
                f"leaves out {len(dropped)} rows that the same table gives a dose for"
                + (f", {len(not_cells)} of them not cells at all" if len(not_cells) else "")
                + ". A reader cannot tell from the total what the whole protocol involves.",
                numbers + "; left out: " + left,
                rows,
            )
        )
    return items
