"""Rules that compare a page's doses with each other and with other pages: conflicts, headlines, totals."""

from __future__ import annotations

import math

import pandas as pd

from core import i18n
from core.analysis.discrepancies.kinds import (
    FAMILY_WORDS,
    HEADLINE_KIND,
    ROUTE_FAMILIES,
    TOLERANCE,
    TOTAL_KIND,
    _cells,
    _count,
    _dose_rows,
    _fold,
    _fold_severity,
    _item,
    _number,
    _per,
    _range,
    _where,
    _words,
)
from core.analysis.doses import with_cells


def route_dose_conflict(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Pages that dose the same part of the body differently."""
    _ = i18n.bound(lang)
    rows = _dose_rows(norm)
    rows = rows[rows["route"].isin(ROUTE_FAMILIES)].assign(family=lambda f: f["route"].map(ROUTE_FAMILIES))
    items = []
    for family, group in rows.groupby("family", sort=False):
        if group["source_id"].nunique() < 2:
            continue
        # The family in words; English keeps its article in the sentence ("the spine"), Spanish in the word.
        where = family if lang == "en" else _words(lang, FAMILY_WORDS, family)
        per_source = []
        for _source, part in group.groupby("source_id", sort=False):
            pers = ", ".join(dict.fromkeys(part.apply(_per, axis=1, lang=lang)))
            routes = ", ".join(dict.fromkeys(part["route_label"]))
            low, high = part["cells_per_admin_low"].min(), part["cells_per_admin_high"].max()
            per_source.append((part.iloc[0]["short_label"], low, high, pers, routes))
        low, high = min(p[1] for p in per_source), max(p[2] for p in per_source)
        same = len({(p[1], p[2], p[3]) for p in per_source}) == 1
        fold = high / low
        numbers = "; ".join(
            f"{label}: {_cells(lo, hi, lang)} {per} ({routes})" for label, lo, hi, per, routes in per_source
        )
        bases = {p[3] for p in per_source}
        basis_note = (
            " "
            + _("They also count differently ({bases}), so even equal numbers would not mean the same amount.").format(
                bases=_(" vs ").join(sorted(bases))
            )
            if len(bases) > 1
            else ""
        )
        if same:
            items.append(
                _item(
                    "route_dose_conflict",
                    "none",
                    _("The pages agree on the dose for the {family}.").format(family=where),
                    _("Every page that doses the {family} gives the same dose.").format(family=where),
                    numbers,
                    group,
                )
            )
            continue
        items.append(
            _item(
                "route_dose_conflict",
                _fold_severity(fold),
                _("Pages dose the {family} differently: the highest is up to {fold} times the lowest.").format(
                    family=where, fold=_fold(fold, lang)
                ),
                _(
                    "For the {family}, the pages give doses from {low} to {high}, a {fold}-fold spread. None of them "
                    "says why its own dose is the right one."
                ).format(
                    family=where,
                    low=_count(low, lang),
                    high=with_cells(_count(high, lang), lang),
                    fold=_fold(fold, lang),
                )
                + basis_note,
                numbers,
                group,
                fold=fold,
            )
        )
    return items


def headline_vs_own_doses(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """A page's headline range against the route doses the same page gives."""
    _ = i18n.bound(lang)
    items = []
    headlines = norm[norm["comparable"] & (norm["statement_kind"] == HEADLINE_KIND)]
    own = _dose_rows(norm)
    for _row, head in headlines.iterrows():
        mine = own[own["source_id"] == head["source_id"]]
        if mine.empty:
            continue
        lo, hi = head["cells_per_admin_low"], head["cells_per_admin_high"]
        outside = mine[(mine["cells_per_admin_low"] < lo) | (mine["cells_per_admin_high"] > hi)]
        rows = pd.concat([head.to_frame().T, outside if not outside.empty else mine])
        headline_words = f"{_cells(lo, hi, lang)} {_per(head, lang)}"
        if outside.empty:
            items.append(
                _item(
                    "headline_vs_own_doses",
                    "none",
                    _("The page's own doses fit its headline range."),
                    _("Every dose the page gives falls inside its headline of {headline}.").format(
                        headline=headline_words
                    ),
                    _("Headline: {headline}").format(headline=headline_words),
                    rows,
                )
            )
            continue
        parts = []
        for _row, r in outside.iterrows():
            side = _("partly below") if r["cells_per_admin_low"] < lo else _("partly above")
            parts.append(
                f"{r['route_label']}: {_range(r['cells_per_admin_low'], r['cells_per_admin_high'], lang)} "
                f"{_per(r, lang)} ({side})"
            )
        items.append(
            _item(
                "headline_vs_own_doses",
                "medium",
                _("The page's own doses fall outside its headline range."),
                _(
                    "The page says {headline} are typical. But {n} of its own doses fall partly outside that range, "
                    "so the page does not follow its own rule."
                ).format(headline=headline_words, n=len(outside)),
                _("Headline: {headline}").format(headline=headline_words) + "; " + "; ".join(parts),
                rows,
            )
        )
    return items


def printed_total_check(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """Totals the page prints beside a dose, against the dose times the number of days or sessions."""
    _ = i18n.bound(lang)
    rows = norm[
        norm["total_printed"].notna()
        & (norm["statement_kind"] != TOTAL_KIND)
        & norm["printed_times_admins_low"].notna()
    ]
    items = []
    for _group, group in rows.groupby(["source_id", "protocol_id"], sort=False):
        checks, wrong = [], []
        for _row, r in group.iterrows():
            expected = (r["printed_times_admins_low"], r["printed_times_admins_high"])
            ok = all(abs(e - r["total_printed"]) <= TOLERANCE for e in expected if not math.isnan(e))
            line = _("{what}: {dose} × {times} = {expected}; printed {printed}").format(
                what=_where(r, lang),
                dose=_count(r["dose_low"], lang),
                times=_number(r["admins_low"], lang),
                expected=_count(expected[0], lang),
                printed=r["total_as_printed"],
            )
            checks.append(line + " " + (_("(matches)") if ok else _("(does not match)")))
            if not ok:
                wrong.append(r["regimen_id"])
        if wrong:
            bad = group[group["regimen_id"].isin(wrong)]
            items.append(
                _item(
                    "printed_total_check",
                    "medium",
                    _("Printed totals do not equal dose × days."),
                    i18n.ngettext(
                        lang,
                        "{n} printed total differs from the dose times the number of days or sessions the page gives.",
                        "{n} printed totals differ from the dose times the number of days or sessions the page gives.",
                        len(bad),
                    ).format(n=len(bad)),
                    "; ".join(checks),
                    bad,
                )
            )
        else:
            items.append(
                _item(
                    "printed_total_check",
                    "none",
                    _("The printed totals do add up: dose × days gives each one."),
                    i18n.ngettext(
                        lang,
                        "We checked {n} printed total against the dose times the days the page gives. They match, so "
                        "the arithmetic itself is right; the problems lie elsewhere.",
                        "We checked {n} printed totals against the dose times the days the page gives. They match, so "
                        "the arithmetic itself is right; the problems lie elsewhere.",
                        len(group),
                    ).format(n=len(group)),
                    "; ".join(checks),
                    group,
                )
            )
    return items


def total_leaves_rows_out(norm: pd.DataFrame, lang: str = "en") -> list[dict]:
    """A printed grand total against the rows of its own table: which rows does it add, which does it drop?"""
    _ = i18n.bound(lang)
    items = []
    totals = norm[(norm["statement_kind"] == TOTAL_KIND) & norm["total_printed"].notna()]
    for _row, total in totals.iterrows():
        table = norm[(norm["protocol_id"] == total["protocol_id"]) & (norm["statement_kind"] != TOTAL_KIND)]
        if total["protocol_id"] == "" or table.empty:
            continue
        counted = table[table["total_printed"].notna()]
        dropped = table[table["total_printed"].isna() & table["dose_low"].notna()]
        added = counted["total_printed"].sum()
        rows = pd.concat([total.to_frame().T, table])
        numbers = _("Printed total {printed}; rows with a total add up to {added} ({rows})").format(
            printed=total["total_as_printed"],
            added=_count(added, lang),
            rows=", ".join(_where(r, lang) for _row, r in counted.iterrows()),
        )
        if abs(added - total["total_printed"]) > TOLERANCE:
            items.append(
                _item(
                    "total_leaves_rows_out",
                    "medium",
                    _("The printed total does not add up."),
                    _("The page's total of {printed} is not the sum of its own rows ({added}).").format(
                        printed=total["total_as_printed"], added=_count(added, lang)
                    ),
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
                    _("The printed total adds up every row."),
                    _("The total equals the rows of its table added up, and no row is left out."),
                    numbers,
                    rows,
                )
            )
            continue
        left = "; ".join(
            f"{_where(r, lang)}: {_count(r['dose_low'], lang)} {_per(r, lang)} × {_number(r['admins_low'], lang)}"
            for _row, r in dropped.iterrows()
        )
        not_cells = dropped[~dropped["comparable"]]
        if len(not_cells):
            explanation = _(
                "The total of {printed} adds up only the rows that have a total beside them. It leaves out {n} rows "
                "that the same table gives a dose for, {not_cells} of them not cells at all. A reader cannot tell "
                "from the total what the whole protocol involves."
            )
        else:
            explanation = _(
                "The total of {printed} adds up only the rows that have a total beside them. It leaves out {n} rows "
                "that the same table gives a dose for. A reader cannot tell from the total what the whole protocol "
                "involves."
            )
        items.append(
            _item(
                "total_leaves_rows_out",
                "medium",
                _("The printed total leaves out {n} rows of its own table.").format(n=len(dropped)),
                explanation.format(printed=total["total_as_printed"], n=len(dropped), not_cells=len(not_cells)),
                numbers + _("; left out: ") + left,
                rows,
            )
        )
    return items
