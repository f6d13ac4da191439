"""The tables the dose charts draw: each dose as a point or range, course totals, vein doses per kg."""

from __future__ import annotations

import math

import pandas as pd

from core import i18n
from core.analysis import doses
from core.analysis.doses import (
    cells_range,
    checked_words,
    dose_text,
    study_kind_words,
    trial_dose_text,
    with_cells,
)
from core.text import format_count


def dose_points(norm: pd.DataFrame, trials: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """One long frame for the dose chart: each page's cell dose per administration, and each trial dose."""
    pages = norm[norm["comparable"]].copy()
    headline = pages["statement_kind"] == "headline range"
    pages = pages.assign(
        route_label=pages["route_label"].where(~headline, i18n.gettext(lang, "headline, no route")),
        who="page",
        label=pages["short_label"],
        low=pages["cells_per_admin_low"],
        high=pages["cells_per_admin_high"],
        dose=pages.apply(dose_text, axis=1, lang=lang),
        row_id=pages["regimen_id"],
        verification="",
        note=pages["unit_caveat"],
    )
    tested = trials.assign(
        who="trial",
        source_id="",
        label=trials["short_name"],
        low=trials["cells_per_admin"],
        high=trials["cells_per_admin"],
        dose=trials.apply(trial_dose_text, axis=1, lang=lang) if not trials.empty else pd.Series(dtype=str),
        row_id=trials["evidence_id"],
        route_as_stated=trials["dose_basis"],
        note=trials["kind"],
    )
    columns = [
        "who",
        "source_id",
        "label",
        "route",
        "route_label",
        "route_as_stated",
        "low",
        "high",
        "dose",
        "quote",
        "row_id",
        "verification",
        "note",
    ]
    points = pd.concat([pages[columns], tested[columns]], ignore_index=True)
    return _worded(points, "note", lang)


def _worded(frame: pd.DataFrame, kind_column: str, lang: str) -> pd.DataFrame:
    """Study kinds and verification codes in words, for tooltips and tables (English keeps its codes, as before)."""
    if lang == "en" or frame.empty:
        return frame
    studies = frame["who"] != "page"
    return frame.assign(
        **{
            kind_column: frame[kind_column].where(~studies, frame[kind_column].map(lambda k: study_kind_words(k, lang)))
        },
        verification=frame["verification"].map(lambda v: checked_words(v, lang)),
    )


def course_totals(norm: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Cells per course for each stand-alone schedule and each protocol: printed by the page, or computed by us.

    `basis` stays a code ("printed" or "computed"); `item` and `total` are words in `lang`."""
    rows = []
    cells = norm[norm["comparable"]]
    standalone = cells[(cells["protocol_id"] == "") & cells["admins_low"].notna()]
    for _, r in standalone.iterrows():
        rows.append(_course_row(r["source_id"], r["short_label"], r["route_label"], r, (r["regimen_id"],)))
    for _, group in norm[norm["protocol_id"] != ""].groupby("protocol_id", sort=False):
        first = group.iloc[0]
        parts = group[group["comparable"]]
        open_parts = group[group["open_ended"] | (group["comparable"] & group["admins_low"].isna())]
        undosed = group[group["dose_low"].isna() & (group["statement_kind"] != "protocol table total")]
        label = i18n.gettext(lang, "{page} · protocol").format(page=first["short_label"])
        if not parts.empty:
            # A part with no limit on sessions, or a session with no dose, leaves the course with no upper end.
            closed = open_parts.empty and undosed.empty
            rows.append(
                {
                    "source_id": first["source_id"],
                    "short_label": first["short_label"],
                    "item": label,
                    "low": parts["cells_per_course_low"].sum(min_count=1),
                    "high": parts["cells_per_course_high"].sum(min_count=1) if closed else math.nan,
                    "basis": "computed",
                    "regimen_ids": tuple(parts["regimen_id"]) + tuple(undosed["regimen_id"]),
                }
            )
        printed = group[(group["statement_kind"] == "protocol table total") & group["total_printed"].notna()]
        for _, t in printed.iterrows():
            rows.append(
                {
                    "source_id": t["source_id"],
                    "short_label": t["short_label"],
                    "item": label,
                    "low": t["total_printed"],
                    "high": t["total_printed"],
                    "basis": "printed",
                    "regimen_ids": (t["regimen_id"],),
                }
            )
    out = pd.DataFrame(rows, columns=["source_id", "short_label", "item", "low", "high", "basis", "regimen_ids"])
    # Two schedules of one page on one route would share a row: number them (ids stay in regimen_ids).
    repeat = out.groupby(["item", "basis"]).cumcount()
    schedule = i18n.gettext(lang, "{item}, schedule {n}")
    out.loc[repeat > 0, "item"] = [
        schedule.format(item=item, n=n + 1)
        for item, n in zip(out.loc[repeat > 0, "item"], repeat[repeat > 0], strict=True)
    ]
    out["open_ended"] = out["high"].isna()
    out["total"] = [cells_range(lo, hi, lang) for lo, hi in zip(out["low"], out["high"], strict=True)]
    return out


def _course_row(source_id: str, short_label: str, what: str, r: pd.Series, ids: tuple[str, ...]) -> dict:
    printed = not math.isnan(r["total_printed"])
    return {
        "source_id": source_id,
        "short_label": short_label,
        "item": f"{short_label} · {what}",
        "low": r["total_printed"] if printed else r["cells_per_course_low"],
        "high": r["total_printed"] if printed else r["cells_per_course_high"],
        "basis": "printed" if printed else "computed",
        "regimen_ids": ids,
    }


def per_kg_points(norm: pd.DataFrame, trials: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Vein doses per kg of body weight: each page's dose at the chosen weight, and each per-kg study dose."""
    per_kg_words = i18n.gettext(lang, "{cells} per kg")

    def page_dose(r: pd.Series) -> str:
        return f"{dose_text(r, lang)} ÷ {i18n.format_number(r['weight_kg'], lang)} kg"

    def study_dose(t: pd.Series) -> str:
        return per_kg_words.format(cells=with_cells(format_count(t["dose_as_tested"], lang), lang))

    pages = norm[norm["cells_per_kg_low"].notna()]
    per_kg = trials[trials["computed_from_weight"]]
    rows = [
        {"who": "page", "source_id": r["source_id"], "label": r["short_label"], "low": r["cells_per_kg_low"],
         "high": r["cells_per_kg_high"], "dose": page_dose(r), "row_id": r["regimen_id"], "quote": r["quote"],
         "kind": r["statement_kind"], "verification": ""}
        for _, r in pages.iterrows()
    ] + [
        {"who": "approved" if t["kind"] == "drug label" else "trial", "source_id": "", "label": t["short_name"],
         "low": t["dose_as_tested"], "high": t["dose_as_tested"], "dose": study_dose(t), "row_id": t["evidence_id"],
         "quote": t["quote"], "kind": t["kind"], "verification": t["verification"]}
        for _, t in per_kg.iterrows()
    ]  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=["who", "source_id", "label", "low", "high", "dose", "row_id", "quote", "kind", "verification"],
    )
    return _worded(frame, "kind", lang)


# --- what each dose chart states: its title (core.charts.doses draws the charts) -----------------


def dose_title(points: pd.DataFrame, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    pages = points[points["who"] == "page"]
    trials = points[points["who"] == "trial"]
    if pages.empty:
        return _("No cell doses to show for this choice")
    found = doses.spread(pages)
    values = {
        "low": format_count(found.low, lang),
        "high": doses.with_cells(format_count(found.high, lang), lang),
        "fold": i18n.format_number(found.fold, lang, 0),
    }
    if trials.empty:
        return _("The pages' doses run from {low} to {high}, a {fold}-fold spread").format(**values)
    return _(
        "The pages' doses run from {low} to {high}, a {fold}-fold spread; studies: {study_low} to {study_high}"
    ).format(
        **values,
        study_low=format_count(trials["low"].min(), lang),
        study_high=format_count(trials["low"].max(), lang),
    )


def course_title(courses: pd.DataFrame, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    if courses.empty:
        return _("No course totals to show for this choice")
    printed = courses[courses["basis"] == "printed"]
    top = courses.loc[courses[["low", "high"]].max(axis=1).idxmax()]
    top_value = max(top["low"], top["high"] if pd.notna(top["high"]) else 0)
    if top["basis"] == "printed":
        title = _("{printed} of {n} course totals are printed by a page; the largest, {cells}, is printed")
    else:
        title = _("{printed} of {n} course totals are printed by a page; the largest, {cells}, is computed")
    return title.format(
        printed=len(printed), n=len(courses), cells=doses.with_cells(format_count(top_value, lang), lang)
    )


def per_kg_title(points: pd.DataFrame, lang: str = "en") -> str:
    _ = i18n.bound(lang)
    pages = points[points["who"] == "page"]
    approved = points[points["who"] == "approved"]
    if pages.empty or approved.empty:
        return _("No vein doses to compare with the approved per-kg dose")
    multiple = pages["high"].max() / approved["low"].iloc[0]
    return _(
        "The pages' vein doses are up to {multiple}× the only approved per-kg dose, set for another disease"
    ).format(multiple=i18n.format_number(multiple, lang, 1))


def route_spread_title(spread: pd.DataFrame, lang: str = "en") -> str:
    with_trials = set(spread.loc[spread["who"] == "trials", "section"])
    with_pages = set(spread.loc[spread["who"] == "pages", "section"])
    untested = len(with_pages - with_trials)
    if not with_pages:
        return i18n.gettext(lang, "No page gives a cell dose for these routes")
    return i18n.gettext(
        lang, "For {untested} of the {n} routes the pages dose, no study we list tested a cell dose"
    ).format(untested=untested, n=len(with_pages))
