"""The kinds of dose discrepancy, their severities and columns, and the helpers every rule shares."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from core import i18n
from core.analysis import doses
from core.i18n import N_

KINDS = {
    "route_dose_conflict": N_("Same route, different doses"),
    "headline_vs_own_doses": N_("Headline range vs the page's own doses"),
    "printed_total_check": N_("Printed totals vs dose × days"),
    "total_leaves_rows_out": N_("A total that leaves rows out"),
    "not_cells": N_("Cell counts for things that are not cells"),
    "no_unit": N_("Doses printed with no unit"),
    "route_target_mismatch": N_("Route cannot reach what it is sold for"),
    "implied_course_total": N_("Course totals the page never states"),
    "outside_trial_range": N_("Doses against the doses trials tested"),
    "iv_vs_approved": N_("Vein doses against the only approved dose"),
}
SEVERITY_ORDER = ("high", "medium", "low", "none")
SEVERITY_WORDS = {
    "high": N_("Serious problem"),
    "medium": N_("Problem"),
    "low": N_("Minor problem"),
    "none": N_("Checked: consistent"),
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
# Each family in words, with its article, to stand in a sentence ("the spine" / "la columna").
FAMILY_WORDS = {"knee joint": N_("the knee joint"), "spine": N_("the spine"), "vein": N_("the vein")}
UNNAMED_TARGET_ROUTES = ("spine, site unspecified",)
DOSE_STATEMENT_KINDS = ("route dose", "combination protocol part", "protocol table row")
TOTAL_KIND = "protocol table total"
HEADLINE_KIND = "headline range"
# Claims about rebuilding the disc, and the routes that put the product somewhere other than inside the disc.
DISC_TOPICS = ("disc repair",)
ROUTES_OUTSIDE_DISC = {
    "intrathecal": N_("intrathecal means into the spinal fluid, through the dura (the covering of the spinal cord)"),
    "epidural": N_("epidural means into the space just outside the dura"),
    "intrathecal-or-epidural as stated": N_(
        "intrathecal means into the spinal fluid, through the dura (the covering of the spinal cord), and epidural "
        "means into the space just outside the dura"
    ),
}
APPROVAL_KIND = "drug label"
TOLERANCE = 0.5  # cells; printed totals are whole numbers, so anything closer than half a cell is equal


def _item(kind: str, severity: str, headline: str, explanation: str, numbers: str, rows: pd.DataFrame, **ids) -> dict:
    # kind_label is the English label: find_in() puts it in the edition's language once every rule has run.
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


def _per(row: pd.Series, lang: str = "en") -> str:
    return doses.per_words(row["dose_per"], lang)


def _range(low: float, high: float, lang: str = "en") -> str:
    return doses.cells_range(low, high, lang)


def _cells(low: float, high: float, lang: str = "en") -> str:
    """A range with the word for cells: '15 million–50 million cells' / '15 millones–50 millones de células'."""
    return doses.cells_text(low, high, lang)


def _count(value: float, lang: str = "en") -> str:
    return doses.format_count(value, lang)


def _number(value: float, lang: str = "en") -> str:
    """A plain number ('70', '2.5' / '2,5'), as the English ':g' format gives it."""
    return i18n.format_number(value, lang)


def _fold(value: float, lang: str = "en") -> str:
    """A fold or multiple with one decimal: '4.0' / '4,0'."""
    return i18n.format_number(value, lang, 1)


def _where(row: pd.Series, lang: str = "en") -> str:
    """What a dose row is given into, for a summary line: the page's own words in English; in Spanish our words for
    a cell route, or the page's own name for a product, in quotation marks."""
    if lang == "en":
        return row["route_as_stated"]
    return row["route_label"] if row["product"] == "cells" else f"«{row['route_as_stated']}»"


def condition_words(condition: str, lang: str = "en") -> str:
    """A condition of the evidence table in words that follow "for" in a sentence (Spanish adds the article)."""
    words = {
        "knee osteoarthritis": i18n.pgettext(lang, "condition, after 'for'", "knee osteoarthritis"),
        "discogenic low back pain": i18n.pgettext(lang, "condition, after 'for'", "discogenic low back pain"),
        "several": i18n.pgettext(lang, "condition, after 'for'", "several conditions"),
        "cirrhosis": i18n.pgettext(lang, "condition, after 'for'", "cirrhosis"),
        "graft-versus-host disease": i18n.pgettext(lang, "condition, after 'for'", "graft-versus-host disease"),
        "fibromyalgia": i18n.pgettext(lang, "condition, after 'for'", "fibromyalgia"),
    }
    return words.get(condition, condition)


def _words(lang: str, table: dict[str, str], code: str) -> str:
    """A code's words from one of the tables above, in lang (the code itself when the table does not have it)."""
    return i18n.gettext(lang, table[code]) if code in table else code


def _dose_rows(norm: pd.DataFrame) -> pd.DataFrame:
    return norm[norm["comparable"] & norm["statement_kind"].isin(DOSE_STATEMENT_KINDS)]


def _fold_severity(fold: float) -> str:
    return "high" if fold >= 4 else "medium" if fold >= 2 else "low"


def _union(values: Iterable) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for value in values if isinstance(value, tuple) for item in value))


def _section_ids(routes: pd.DataFrame, route: str, product: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Evidence and regulatory ids of the Routes sections (data/routes.csv) that cover a route and product."""
    if routes.empty:
        return (), ()
    match = routes[routes["routes"].map(lambda r: route in r) & routes["products"].map(lambda p: product in p)]
    return _union(match["evidence_ids"]), _union(match["regulatory_ids"])
