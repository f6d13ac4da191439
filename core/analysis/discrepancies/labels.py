"""Rules on what a dose says it is: not cells, no unit, the wrong target, a course total implied but not printed."""

from __future__ import annotations

import pandas as pd

from core import i18n
from core.analysis.discrepancies.kinds import (
    DISC_TOPICS,
    ROUTES_OUTSIDE_DISC,
    UNNAMED_TARGET_ROUTES,
    _cells,
    _count,
    _item,
    _number,
    _per,
    _range,
    _section_ids,
    _union,
    _where,
    _words,
)
from core.analysis.doses import with_cells


def not_cells(norm: pd.DataFrame, routes: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Numbers printed as doses for products that are not cells."""
    _ = i18n.bound(lang)
    items = []
    rows = norm[norm["dose_low"].notna() & (norm["product"] != "cells")]
    for _row, r in rows.iterrows():
        ev, reg = _section_ids(routes, r["route"], r["product"])
        beside = norm[(norm["protocol_id"] == r["protocol_id"]) & norm["comparable"]] if r["protocol_id"] else []
        where = " " + _("It sits in the same table as the cell doses, as if it were one.") if len(beside) else ""
        printed = r["total_as_printed"] or _("no total")
        items.append(
            _item(
                "not_cells",
                "high",
                _("“{what}” is given a cell-style count, but it is not cells.").format(what=r["route_as_stated"]),
                _("The page gives {what} a dose of {dose}.").format(
                    what=r["route_as_stated"] if lang == "en" else f"«{r['route_as_stated']}»",
                    dose=_count(r["dose_low"], lang),
                )
                + f" {r['reason']}{where}",
                _("{printed} printed as total; dose {dose} {per} × {times}").format(
                    printed=printed,
                    dose=_count(r["dose_low"], lang),
                    per=_per(r, lang),
                    times=_number(r["admins_low"], lang),
                ),
                r.to_frame().T,
                evidence_ids=ev,
                regulatory_ids=reg,
            )
        )
    return items


def no_unit(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Doses printed as bare numbers."""
    items = []
    rows = norm[norm["dose_unit"] == "none stated"]
    for _source, group in rows.groupby("source_id", sort=False):
        implied = group[group["unit_caveat"] != ""]
        bare = group[group["unit_caveat"] == ""]
        items.append(
            _item(
                "no_unit",
                "medium" if len(bare) else "low",
                i18n.gettext(lang, "{n} doses are bare numbers with no unit.").format(n=len(group)),
                i18n.gettext(
                    lang,
                    "The page prints {n} doses as bare numbers. For {implied} of them only the page's layout suggests "
                    "cells (we count them as cells, with a warning); for {bare} nothing says what is being counted.",
                ).format(n=len(group), implied=len(implied), bare=len(bare)),
                "; ".join(f"{_where(r, lang)}: {_count(r['dose_low'], lang)}" for _row, r in group.iterrows()),
                group,
            )
        )
    return items


def route_target_mismatch(norm: pd.DataFrame, claims: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Injections that cannot reach the disc, on pages that promise to repair discs."""
    _ = i18n.bound(lang)
    items = []
    disc_claims = claims[claims["topic"].isin(DISC_TOPICS)]
    for source_id, promised in disc_claims.groupby("source_id", sort=False):
        mine = norm[(norm["source_id"] == source_id) & norm["dose_low"].notna()]
        outside = mine[mine["route"].isin(ROUTES_OUTSIDE_DISC)]
        if outside.empty:
            continue
        unnamed = mine[mine["route"].isin(UNNAMED_TARGET_ROUTES)]
        meanings = "; ".join(dict.fromkeys(_words(lang, ROUTES_OUTSIDE_DISC, r) for r in outside["route"]))
        extra = (
            " "
            + _(
                "It also injects “into the spine” without saying where, so that dose cannot be matched to the disc "
                "either."
            )
            if not unnamed.empty
            else ""
        )
        items.append(
            _item(
                "route_target_mismatch",
                "high",
                _("Promised disc repair, but the injection does not go into the disc."),
                _(
                    "The page says stem cells repair spinal discs, but its back injection is “{stated}”: {meanings}. "
                    "Neither is inside the disc."
                ).format(stated=outside.iloc[0]["route_as_stated"], meanings=meanings)
                + extra,
                "; ".join(
                    f"{_where(r, lang)}: {_range(r['dose_low'], r['dose_high'], lang)} {_per(r, lang)}"
                    for _row, r in pd.concat([outside, unnamed]).iterrows()
                ),
                pd.concat([outside, unnamed]),
                claim_ids=tuple(promised["id"]),
                evidence_ids=_union(promised["evidence_ids"]),
                regulatory_ids=_union(promised["regulatory_ids"]),
            )
        )
    return items


def implied_course_total(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Totals a page implies (repeated sessions, several parts of one session) but never prints."""
    _ = i18n.bound(lang)
    items = []
    repeated = norm[norm["comparable"] & (norm["admins_low"] > 1) & norm["total_printed"].isna()]
    for _row, r in repeated.iterrows():
        lo, hi = r["cells_per_course_low"], r["cells_per_course_high"]
        times = _range(r["admins_low"], r["admins_high"], lang)
        items.append(
            _item(
                "implied_course_total",
                "medium",
                _("A course of {cells} that the page never states.").format(cells=_cells(lo, hi, lang)),
                _(
                    "The page gives {dose} {per} into the {route}, {times} times. Multiplied out, that is {total} "
                    "over the course (our arithmetic). The page never says this total."
                ).format(
                    dose=_cells(r["dose_low"], r["dose_high"], lang),
                    per=_per(r, lang),
                    route=r["route_label"],
                    times=times,
                    total=_cells(lo, hi, lang),
                ),
                _("{dose} × {times} = {total} (computed)").format(
                    dose=_range(r["dose_low"], r["dose_high"], lang), times=times, total=_cells(lo, hi, lang)
                ),
                r.to_frame().T,
            )
        )
    for _protocol, group in norm[norm["protocol_id"] != ""].groupby("protocol_id", sort=False):
        parts = group[group["comparable"]]
        if len(parts) < 2 or group["total_printed"].notna().any():
            continue
        undosed = group[group["dose_low"].isna()]
        total = with_cells(_count(parts["cells_per_course_low"].sum(), lang), lang)
        later = (
            " "
            + i18n.ngettext(
                lang,
                "It adds {n} later session with no dose at all, so the full course has no stated upper limit.",
                "It adds {n} later sessions with no dose at all, so the full course has no stated upper limit.",
                len(undosed),
            ).format(n=len(undosed))
            if len(undosed)
            else ""
        )
        items.append(
            _item(
                "implied_course_total",
                "medium",
                _("One protocol adds up to {total}, a total the page never prints.").format(total=total),
                _(
                    "The parts of this protocol add up to {total} (our arithmetic); the page never gives the sum."
                ).format(total=total)
                + later,
                _("{sum} = {total} (computed)").format(
                    sum=" + ".join(_count(v, lang) for v in parts["cells_per_course_low"]), total=total
                ),
                group,
            )
        )
    for _row, r in norm[norm["comparable"] & norm["open_ended"] & (norm["protocol_id"] == "")].iterrows():
        items.append(
            _item(
                "implied_course_total",
                "low",
                _("Follow-up doses into the {route} with no limit.").format(route=r["route_label"]),
                _(
                    "The page gives {dose} {per} and allows follow-ups without saying how many, so the course has no "
                    "upper limit."
                ).format(dose=_cells(r["dose_low"], r["dose_high"], lang), per=_per(r, lang)),
                _("at least {cells}; no upper limit stated").format(
                    cells=with_cells(_count(r["cells_per_course_low"], lang), lang)
                ),
                r.to_frame().T,
            )
        )
    return items
