"""Rules that set the pages' doses against human trials and the one approved vein dose."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from core import i18n
from core.analysis import doses
from core.analysis.discrepancies.kinds import (
    APPROVAL_KIND,
    UNNAMED_TARGET_ROUTES,
    _cells,
    _count,
    _dose_rows,
    _fold,
    _item,
    _number,
    _range,
    _section_ids,
    condition_words,
)
from core.text import verification_words


def _day(date: str, lang: str) -> str:
    """A full ISO date in the language's words ("18 de diciembre de 2024"); English, and partial dates, as stored."""
    if lang == "en" or len(date) != 10:
        return date
    return i18n.format_date(dt.date.fromisoformat(date), lang)


def _checked(status: str, lang: str) -> str:
    # English as core.text.verification_words writes it (as before); other languages through the catalog.
    return verification_words(status) if lang == "en" else doses.checked_words(status, lang)


def outside_trial_range(norm: pd.DataFrame, trials: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Page doses against the doses human studies tested by the same route (per-kg doses are the next rule's job)."""
    _ = i18n.bound(lang)
    items = []
    per_admin = trials[~trials["computed_from_weight"]]
    per_kg_routes = set(trials.loc[trials["computed_from_weight"], "route"])
    rows = _dose_rows(norm)
    for (_source, route), group in rows.groupby(["source_id", "route"], sort=False):
        tested = per_admin[per_admin["route"] == route]
        lo, hi = group["cells_per_admin_low"].min(), group["cells_per_admin_high"].max()
        label = group.iloc[0]["route_label"]
        mine = f"{group.iloc[0]['short_label']}: {_cells(lo, hi, lang)} ({label})"
        if tested.empty:
            if route in per_kg_routes:
                continue
            unnamed = route in UNNAMED_TARGET_ROUTES
            items.append(
                _item(
                    "outside_trial_range",
                    "low" if unnamed else "medium",
                    _("No trial to compare with: {route}.").format(route=label),
                    _("The page does not say where in the spine the cells go, so no trial can be matched to this dose.")
                    if unnamed
                    else _(
                        "No study we list tested cells given into the {route}, so this dose has nothing to rest on."
                    ).format(route=label),
                    mine,
                    group,
                )
            )
            continue
        t_lo, t_hi = tested["cells_per_admin"].min(), tested["cells_per_admin"].max()
        trial_list = "; ".join(
            f"{t['short_name']}: "
            + ", ".join(_count(d, lang) for d in part["dose_as_tested"])
            + f" ({_checked(t['verification'], lang)})"
            for _evidence, part in tested.groupby("evidence_id", sort=False)
            for t in [part.iloc[0]]
        )
        basis = ", ".join(dict.fromkeys(doses.basis_words(b, lang) for b in tested["dose_basis"]))
        tested_cells = _cells(t_lo, t_hi, lang)
        numbers = _("{mine}; trials: {tested} {basis} — {trials}").format(
            mine=mine, tested=tested_cells, basis=basis, trials=trial_list
        )
        ids = tuple(dict.fromkeys(tested["evidence_id"]))
        if lo >= t_lo and hi <= t_hi:
            items.append(
                _item(
                    "outside_trial_range",
                    "none",
                    _("Inside the range trials tested: {route}.").format(route=label),
                    _(
                        "The page's dose is within the {tested} {basis} that trials tested. That does not show the "
                        "dose works: see what those trials found."
                    ).format(tested=tested_cells, basis=basis),
                    numbers,
                    group,
                    evidence_ids=ids,
                )
            )
            continue
        above = hi > t_hi
        fold = hi / t_hi if above else t_lo / lo
        if above:
            headline = _("Above the doses trials tested: {route}.")
            explanation = _(
                "Trials we list tested {tested} {basis}. The page's dose of {dose} is above that range ({fold}× the "
                "highest tested dose), so no trial we list tells us what it does."
            )
        else:
            headline = _("Below the doses trials tested: {route}.")
            explanation = _(
                "Trials we list tested {tested} {basis}. The page's dose of {dose} is below that range ({fold}× the "
                "lowest tested dose), so no trial we list tells us what it does."
            )
        items.append(
            _item(
                "outside_trial_range",
                "medium",
                headline.format(route=label),
                explanation.format(tested=tested_cells, basis=basis, dose=_range(lo, hi, lang), fold=_fold(fold, lang)),
                numbers,
                group,
                evidence_ids=ids,
                fold=fold,
            )
        )
    return items


def iv_vs_approved(
    norm: pd.DataFrame,
    evidence: pd.DataFrame,
    regulatory: pd.DataFrame,
    routes: pd.DataFrame,
    weight_kg: float,
    lang: str = "en",
) -> list[dict]:
    """Vein doses converted to cells per kg, against the approved per-kg dose and its indication."""
    _ = i18n.bound(lang)
    labels = evidence[(evidence["kind"] == APPROVAL_KIND) & (evidence["dose_basis"] == doses.PER_KG_BASIS)]
    rows = _dose_rows(norm)
    rows = rows[rows["cells_per_kg_low"].notna()]
    weight = _number(weight_kg, lang)
    items = []
    for _label, label in labels.iterrows():
        approved = label["doses_cells"][0]
        on_route = rows[rows["route"] == label["route"]]
        _evidence, reg = _section_ids(routes, label["route"], "cells")
        approvals = regulatory[regulatory["id"].isin(reg) & (regulatory["kind"] == "approval")]
        # The approval's own summary names the indication; its first sentence is enough here.
        when = "".join(
            " "
            + _("{what} (approved {date}).").format(
                what=a["summary"].split(". ")[0].rstrip("."), date=_day(str(a["date"]), lang)
            )
            for _row, a in approvals.iterrows()
        )
        others = evidence[
            (evidence["route"] == label["route"])
            & (evidence["dose_basis"] == doses.PER_KG_BASIS)
            & (evidence["id"] != label["id"])
        ]
        other_words = "".join(
            " "
            + _("{study} used {cells} per kg ({checked}).").format(
                study=o["short_name"],
                cells=doses.with_cells(_count(o["doses_cells"][0], lang), lang),
                checked=_checked(o["verification"], lang),
            )
            for _row, o in others.iterrows()
        )
        approved_cells = doses.with_cells(_count(approved, lang), lang)
        for _source, group in on_route.groupby("source_id", sort=False):
            kg_lo, kg_hi = group["cells_per_kg_low"].min(), group["cells_per_kg_high"].max()
            m_lo, m_hi = kg_lo / approved, kg_hi / approved
            multiple = (
                f"{_fold(m_lo, lang)}×" if abs(m_hi - m_lo) < 0.05 else f"{_fold(m_lo, lang)}–{_fold(m_hi, lang)}×"
            )
            items.append(
                _item(
                    "iv_vs_approved",
                    "high" if m_hi >= 1 else "medium",
                    _("Vein dose is {multiple} the only approved per-kg dose, which is for another disease.").format(
                        multiple=multiple
                    ),
                    _(
                        "For a person of {weight} kg, the page's vein dose is {dose} per kg: {multiple} the {label} "
                        "dose of {approved} per kg. That dose is for {condition}, not for knee or back pain."
                    ).format(
                        weight=weight,
                        dose=_cells(kg_lo, kg_hi, lang),
                        multiple=multiple,
                        label=label["short_name"],
                        approved=approved_cells,
                        condition=condition_words(label["condition"], lang),
                    )
                    + when
                    + other_words,
                    _("{dose} ÷ {weight} kg = {per_kg} per kg; approved {approved} per kg; {multiple}").format(
                        dose=_cells(group["cells_per_admin_low"].min(), group["cells_per_admin_high"].max(), lang),
                        weight=weight,
                        per_kg=_range(kg_lo, kg_hi, lang),
                        approved=_count(approved, lang),
                        multiple=multiple,
                    ),
                    group,
                    evidence_ids=(label["id"], *others["id"]),
                    regulatory_ids=tuple(approvals["id"]),
                    fold=m_hi,
                )
            )
    return items
