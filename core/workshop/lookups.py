"""Questions read straight off one data row: a mechanism, a route, a study or a regulator statement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from core.data import Dataset
from core.workshop.question import (
    EVIDENCE,
    MECHANISMS,
    ROUTES,
    Exercise,
    _question,
    _regulator_quote,
    _study_quote,
)


@dataclass(frozen=True)
class _Lookup:
    """A question with fixed wording, explained and quoted by the rows of one table that match a filter."""

    id: str
    table: str  # a key of _EXPLAINED_BY
    question: str  # may name a field of the first matching row, e.g. {short_name}
    answer: str
    decoys: tuple[str, ...]
    topic: str
    page: str
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # column: accepted values; all must hold
    mentions: tuple[str, str] | None = None  # (column, case-insensitive pattern it must contain)
    shown: int = 1  # matching rows that explain and quote; with more than one, every match is cited
    leading: tuple[str, str] | None = None  # (column, value): rows with that value come first


# Each table's column that explains a row, and how a row is quoted. A row without a verbatim quote is not quoted.
_EXPLAINED_BY = {
    "evidence": ("main_finding", _study_quote),
    "regulatory": ("summary", _regulator_quote),
    "harms": ("what_happened", _study_quote),
}
_LOOKUPS = {
    spec.id: spec
    for spec in (
        _Lookup(
            "iv_lungs",
            "evidence",
            "Cells dripped into a vein: where do most of them end up first?",
            "Most are caught in the lungs",
            (
                "They travel to the sore knee or back",
                "They spread evenly through the body",
                "They stay in the arm where the drip went in",
            ),
            "routes",
            ROUTES,
            where={"route": ("intravenous",)},
            mentions=("quote", "lung"),
            shown=2,
        ),
        _Lookup(
            "knee_cells",
            "evidence",
            "Cells injected into a knee joint: what happens to them?",
            "They stay in or near the joint, and fade",
            (
                "They spread through the whole body",
                "They turn into a new knee",
                "They last for the rest of the patient's life",
            ),
            "routes",
            ROUTES,
            where={"route": ("intra-articular knee", "multiple routes")},
            mentions=("quote", "intraarticular|IA-injected|synovial"),
            shown=2,
            # The knee study first: it answers the question asked; the review across routes backs it up.
            leading=("route", "intra-articular knee"),
        ),
        _Lookup(
            "signalling",
            "evidence",
            "The scientist who named 'mesenchymal stem cells' says injected cells mainly do what?",
            "Send chemical signals that prompt the body's own cells",
            ("Turn into new cartilage", "Replace the worn disc", "Nothing at all"),
            "mechanisms",
            MECHANISMS,
            mentions=("quote", "Medicinal Signaling"),
        ),
        _Lookup(
            "courts",
            "regulatory",
            "US appeals courts ruled on clinics that inject patients' own processed fat cells (SVF). "
            "What did they decide?",
            "They are drugs, so they need FDA approval",
            (
                "They are surgery, so the FDA has no say",
                "They are approved for knee pain",
                "They are safe as long as the cells are the patient's own",
            ),
            "regulation",
            EVIDENCE,
            where={"kind": ("court ruling",)},
            mentions=("summary", "SVF"),
            shown=2,
        ),
        _Lookup(
            "trial_side_effects",
            "harms",
            "In pooled knee trials, how did side effects after stem-cell shots compare with placebo?",
            "More side effects with the cells than with placebo",
            ("No side effects at all", "Fewer side effects than placebo"),
            "harms",
            ROUTES,
            where={"setting": ("pooled trials",)},
            mentions=("short_name", "placebo"),
        ),
        _Lookup(
            "harm_route",
            "harms",
            "{short_name}: how had the cells been given?",
            "Into the spinal fluid",
            ("Into a knee joint", "As a skin cream", "Into a muscle of the arm"),
            "harms",
            ROUTES,
            where={"route": ("intrathecal",), "setting": ("unapproved clinic",)},
        ),
    )
}


def _looked_up(ds: Dataset, spec_id: str) -> Exercise | None:
    spec = _LOOKUPS[spec_id]
    frame = getattr(ds, spec.table)
    keep = pd.Series(True, index=frame.index)
    for column, values in spec.where.items():
        keep &= frame[column].isin(values)
    if spec.mentions:
        column, pattern = spec.mentions
        keep &= frame[column].str.contains(pattern, case=False)
    matched = frame[keep]
    if matched.empty:
        return None
    if spec.leading:
        column, value = spec.leading
        matched = matched.sort_values(column, key=lambda c: c != value, kind="stable")
    shown = matched.head(spec.shown)
    text_column, quote = _EXPLAINED_BY[spec.table]
    return _question(
        spec.id,
        spec.question.format_map(shown.iloc[0]),
        spec.answer,
        spec.decoys,
        " ".join(shown[text_column]),
        (quote(r) for _, r in shown.iterrows() if r["quote"]),
        matched["id"] if spec.shown > 1 else shown["id"],
        spec.topic,
        spec.page,
    )
