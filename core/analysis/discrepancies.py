"""Rules over the normalised doses that find where pages disagree with each other, themselves, trials and regulators."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from core.analysis import doses
from core.data import Dataset
from core.text import format_count, md_escape, plural, verification_words

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


# --- rules ---------------------------------------------------------------------------------------


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


# --- helpers and entry point ---------------------------------------------------------------------


def _union(values: Iterable) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for value in values if isinstance(value, tuple) for item in value))


def _section_ids(routes: pd.DataFrame, route: str, product: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Evidence and regulatory ids of the Routes sections (data/routes.csv) that cover a route and product."""
    if routes.empty:
        return (), ()
    match = routes[routes["routes"].map(lambda r: route in r) & routes["products"].map(lambda p: product in p)]
    return _union(match["evidence_ids"]), _union(match["regulatory_ids"])


def find(ds: Dataset, weight_kg: float = doses.DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """Every discrepancy the rules find, problems first by severity, then checks that passed."""
    return find_in(ds, doses.normalise(ds, weight_kg), doses.trial_doses(ds, weight_kg), weight_kg)


def find_in(ds: Dataset, norm: pd.DataFrame, trials: pd.DataFrame, weight_kg: float) -> pd.DataFrame:
    """find() over doses already normalised for weight_kg, so a page that holds them does not normalise again."""
    items = [
        *route_dose_conflict(norm),
        *headline_vs_own_doses(norm),
        *printed_total_check(norm),
        *total_leaves_rows_out(norm),
        *not_cells(norm, ds.routes),
        *no_unit(norm),
        *route_target_mismatch(norm, ds.claims),
        *implied_course_total(norm),
        *outside_trial_range(norm, trials),
        *iv_vs_approved(norm, ds.evidence, ds.regulatory, ds.routes, weight_kg),
    ]
    out = pd.DataFrame(items, columns=COLUMNS)
    order = out["severity"].map(SEVERITY_ORDER.index)
    kind_order = out["kind"].map(list(KINDS).index)
    return out.assign(_s=order, _k=kind_order).sort_values(["_s", "_k"], kind="stable").drop(columns=["_s", "_k"])


def select(found: pd.DataFrame, kinds: list[str], sources: list[str]) -> pd.DataFrame:
    """Discrepancies of the chosen kinds that involve at least one of the chosen pages."""
    involved = found["source_ids"].map(lambda ids: bool(set(ids) & set(sources)))
    return found[found["kind"].isin(kinds) & involved]


def within(found: pd.DataFrame, norm: pd.DataFrame, routes: Iterable[str], sources: Iterable[str]) -> pd.DataFrame:
    """Discrepancies that involve a chosen page and, where they rest on dose rows, a chosen route."""
    route_of = dict(zip(norm["regimen_id"], norm["route"], strict=True))
    routes, sources = set(routes), set(sources)
    on_page = found["source_ids"].map(lambda ids: bool(set(ids) & sources))
    on_route = found["regimen_ids"].map(lambda ids: not ids or bool({route_of.get(i) for i in ids} & routes))
    return found[on_page & on_route]


def top_problems(found: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The most severe problems, for a short summary above the full list."""
    return found[found["status"] == "problem"].head(n)


def item_line(item) -> str:
    """One discrepancy as a one-line Markdown label: how serious, then its headline."""
    return f"**{SEVERITY_WORDS[item.severity]}:** {md_escape(item.headline)}"


def item_markdown(item) -> str:
    """What the line opens to, as escaped Markdown: the kind, the explanation and the numbers behind it."""
    return f"*{md_escape(item.kind_label)}*\n\n{md_escape(item.explanation)}\n\n*Numbers: {md_escape(item.numbers)}*"
