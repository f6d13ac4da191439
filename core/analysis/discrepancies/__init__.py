"""Rules over the normalised doses that find where pages disagree with each other, themselves, trials and regulators."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from core import i18n
from core.analysis import doses
from core.analysis.discrepancies.against_trials import iv_vs_approved, outside_trial_range
from core.analysis.discrepancies.kinds import COLUMNS, KINDS, SEVERITY_ORDER, SEVERITY_WORDS
from core.analysis.discrepancies.labels import implied_course_total, no_unit, not_cells, route_target_mismatch
from core.analysis.discrepancies.within_pages import (
    headline_vs_own_doses,
    printed_total_check,
    route_dose_conflict,
    total_leaves_rows_out,
)
from core.data import Dataset
from core.text import md_escape


def find(ds: Dataset, weight_kg: float = doses.DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """Every discrepancy the rules find, problems first by severity, then checks that passed."""
    return find_in(ds, doses.normalise(ds, weight_kg), doses.trial_doses(ds, weight_kg), weight_kg)


def find_in(ds: Dataset, norm: pd.DataFrame, trials: pd.DataFrame, weight_kg: float) -> pd.DataFrame:
    """find() over doses already normalised for weight_kg, so a page that holds them does not normalise again.

    Headlines, explanations and numbers are in the edition's language (ds.lang); kinds, severities and ids are codes,
    so both languages find the same items in the same order."""
    lang = ds.lang
    items = [
        *route_dose_conflict(norm, lang),
        *headline_vs_own_doses(norm, lang),
        *printed_total_check(norm, lang),
        *total_leaves_rows_out(norm, lang),
        *not_cells(norm, ds.routes, lang),
        *no_unit(norm, lang),
        *route_target_mismatch(norm, ds.claims, lang),
        *implied_course_total(norm, lang),
        *outside_trial_range(norm, trials, lang),
        *iv_vs_approved(norm, ds.evidence, ds.regulatory, ds.routes, weight_kg, lang),
    ]
    out = pd.DataFrame(items, columns=COLUMNS)
    out["kind_label"] = out["kind"].map(lambda kind: kind_label(kind, lang))
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


def kind_label(kind: str, lang: str = "en") -> str:
    """A kind of discrepancy in words ("not_cells" -> "Cell counts for things that are not cells")."""
    return i18n.gettext(lang, KINDS[kind])


def severity_words(severity: str, lang: str = "en") -> str:
    return i18n.gettext(lang, SEVERITY_WORDS[severity])


def item_line(item, lang: str = "en") -> str:
    """One discrepancy as a one-line Markdown label: how serious, then its headline."""
    return f"**{severity_words(item.severity, lang)}:** {md_escape(item.headline)}"


def item_markdown(item, lang: str = "en") -> str:
    """What the line opens to, as escaped Markdown: the kind, the explanation and the numbers behind it."""
    numbers = i18n.gettext(lang, "Numbers: {numbers}").format(numbers=md_escape(item.numbers))
    return f"*{md_escape(item.kind_label)}*\n\n{md_escape(item.explanation)}\n\n*{numbers}*"
