"""Doses by injection route: the rows, trials and claims of each Routes section, and how far they spread."""

from __future__ import annotations

import pandas as pd

from core import i18n
from core.analysis.doses import cells_range, cells_text
from core.data import Dataset

# Codes the dose and route charts show, in words: the strength of evidence (GRADE words, from the routes table),
# who a dose comes from, and whether a course total is printed by the page or computed by us. Each is looked up
# with its context: the same English word ("none", "moderate") reads differently elsewhere in the app.
CHART_WORDS = {
    "strength": ("none", "very low", "low", "moderate", "high"),
    "who": ("pages", "trials", "page", "trial", "approved"),
    "basis": ("printed", "computed"),
}


def _chart_words(table: str, lang: str) -> dict[str, str]:
    if table == "strength":
        return {
            "none": i18n.pgettext(lang, "strength of evidence", "none"),
            "very low": i18n.pgettext(lang, "strength of evidence", "very low"),
            "low": i18n.pgettext(lang, "strength of evidence", "low"),
            "moderate": i18n.pgettext(lang, "strength of evidence", "moderate"),
            "high": i18n.pgettext(lang, "strength of evidence", "high"),
        }
    if table == "who":
        return {
            "pages": i18n.pgettext(lang, "doses from", "pages"),
            "trials": i18n.pgettext(lang, "doses from", "trials"),
            "page": i18n.pgettext(lang, "dose from", "page"),
            "trial": i18n.pgettext(lang, "dose from", "trial"),
            "approved": i18n.pgettext(lang, "dose from", "approved"),
        }
    return {
        "printed": i18n.pgettext(lang, "course total", "printed"),
        "computed": i18n.pgettext(lang, "course total", "computed"),
    }


def chart_words(table: str, code: str, lang: str = "en") -> str:
    """A chart's code in words ("strength", "none" -> "none" / "ninguna"); an unknown code is shown as it is."""
    return _chart_words(table, lang).get(code, code)


def section_rows(norm: pd.DataFrame, section: pd.Series) -> pd.DataFrame:
    """The dose statements a Routes section covers: its routes and its products."""
    return norm[norm["route"].isin(section["routes"]) & norm["product"].isin(section["products"])]


def section_trials(trials: pd.DataFrame, section: pd.Series) -> pd.DataFrame:
    if "cells" not in section["products"]:
        return trials.iloc[0:0]
    return trials[trials["route"].isin(section["routes"])]


def section_claims(ds: Dataset, section: pd.Series, norm: pd.DataFrame) -> pd.DataFrame:
    """Claims of the pages that give this route, whose evidence is mostly this section's evidence."""
    sources = set(section_rows(norm, section)["source_id"])
    wanted = set(section["evidence_ids"])
    if not sources or not wanted:
        return ds.claims.iloc[0:0]

    def share(ids: tuple[str, ...]) -> float:
        return len(wanted & set(ids)) / len(ids) if ids else 0.0

    claims = ds.claims[ds.claims["source_id"].isin(sources)].copy()
    claims["share"] = claims["evidence_ids"].map(share)
    # At least half of the claim's evidence must be this route's, so general claims do not repeat everywhere.
    return claims[claims["share"] >= 0.5].sort_values(["share", "id"], ascending=[False, True])


def route_overview(ds: Dataset, norm: pd.DataFrame, trials: pd.DataFrame) -> pd.DataFrame:
    """One row per Routes section: the pages' dose spread, the trials' dose spread and the strength of evidence."""
    rows = []
    for _, section in ds.routes.iterrows():
        pages = section_rows(norm, section)
        cells = pages[pages["comparable"]]
        tested = section_trials(trials, section)
        rows.append(
            {
                "section_id": section["id"],
                "label": section["label"],
                "evidence_strength": section["evidence_strength"],
                "pages_low": cells["cells_per_admin_low"].min(),
                "pages_high": cells["cells_per_admin_high"].max(),
                "n_pages": pages["source_id"].nunique(),
                "n_not_cells": int((~pages["comparable"] & pages["dose_low"].notna()).sum()),
                "trials_low": tested["cells_per_admin"].min(),
                "trials_high": tested["cells_per_admin"].max(),
                "n_trials": tested["evidence_id"].nunique(),
                "trials_computed_from_weight": bool(tested["computed_from_weight"].any()),
                "regimen_ids": tuple(pages["regimen_id"]),
                "trial_ids": tuple(dict.fromkeys(tested["evidence_id"])),
            }
        )
    return pd.DataFrame(rows)


def overview_sentence(row: pd.Series, lang: str = "en") -> str:
    """The pages' doses against the trials' doses for one section, in words."""
    _ = i18n.bound(lang)
    if row["n_pages"] == 0:
        pages = _("None of the pages gives a dose for this route.")
    elif pd.isna(row["pages_low"]):
        pages = i18n.ngettext(
            lang,
            "The pages give {n} number here, none of them a count of cells.",
            "The pages give {n} numbers here, none of them a count of cells.",
            int(row["n_not_cells"]),
        ).format(n=int(row["n_not_cells"]))
    else:
        pages = i18n.ngettext(
            lang, "{n} page gives {cells} per dose.", "{n} pages give {cells} per dose.", int(row["n_pages"])
        ).format(n=int(row["n_pages"]), cells=cells_text(row["pages_low"], row["pages_high"], lang))
    if row["n_trials"] == 0:
        trials = _("No trial we list tested a cell dose by this route.")
    else:
        cells = cells_text(row["trials_low"], row["trials_high"], lang)
        if row["trials_computed_from_weight"]:
            trials = i18n.ngettext(
                lang,
                "{n} study we list tested {cells} per dose (per-kg doses converted at the chosen body weight).",
                "{n} studies we list tested {cells} per dose (per-kg doses converted at the chosen body weight).",
                int(row["n_trials"]),
            )
        else:
            trials = i18n.ngettext(
                lang, "{n} study we list tested {cells} per dose.", "{n} studies we list tested {cells} per dose.",
                int(row["n_trials"]),
            )  # fmt: skip
        trials = trials.format(n=int(row["n_trials"]), cells=cells)
    return f"{pages} {trials}"


def route_spread(overview: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The route overview in long form: one row per section for the pages' doses and one for the trials'."""
    rows = []
    for _, r in overview.iterrows():
        for who, prefix, ids in (("pages", "pages", "regimen_ids"), ("trials", "trials", "trial_ids")):
            low, high = r[f"{prefix}_low"], r[f"{prefix}_high"]
            if pd.isna(low):
                continue
            rows.append(
                {
                    "section": r["label"],
                    "who": who,
                    "low": low,
                    "high": high,
                    "doses": cells_range(low, high, lang),
                    "ids": " ".join(r[ids]),
                    "evidence_strength": r["evidence_strength"],
                }
            )
    return pd.DataFrame(rows, columns=["section", "who", "low", "high", "doses", "ids", "evidence_strength"])
