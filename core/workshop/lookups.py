"""Questions read straight off one data row: a mechanism, a route, a study or a regulator statement."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from core import i18n
from core.data import Dataset
from core.i18n import N_
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
    # The question, answer and decoys are English msgids (N_), translated into the edition's language when asked.
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
            N_("Cells dripped into a vein: where do most of them end up first?"),
            N_("Most are caught in the lungs"),
            (
                N_("They travel to the sore knee or back"),
                N_("They spread evenly through the body"),
                N_("They stay in the arm where the drip went in"),
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
            N_("Cells injected into a knee joint: what happens to them?"),
            N_("They stay in or near the joint, and fade"),
            (
                N_("They spread through the whole body"),
                N_("They turn into a new knee"),
                N_("They last for the rest of the patient's life"),
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
            N_("The scientist who named 'mesenchymal stem cells' says injected cells mainly do what?"),
            N_("Send chemical signals that prompt the body's own cells"),
            (N_("Turn into new cartilage"), N_("Replace the worn disc"), N_("Nothing at all")),
            "mechanisms",
            MECHANISMS,
            mentions=("quote", "Medicinal Signaling"),
        ),
        _Lookup(
            "courts",
            "regulatory",
            N_(
                "US appeals courts ruled on clinics that inject patients' own processed fat cells (SVF). "
                "What did they decide?"
            ),
            N_("They are drugs, so they need FDA approval"),
            (
                N_("They are surgery, so the FDA has no say"),
                N_("They are approved for knee pain"),
                N_("They are safe as long as the cells are the patient's own"),
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
            N_("In pooled knee trials, how did side effects after stem-cell shots compare with placebo?"),
            N_("More side effects with the cells than with placebo"),
            (N_("No side effects at all"), N_("Fewer side effects than placebo")),
            "harms",
            ROUTES,
            where={"setting": ("pooled trials",)},
            mentions=("short_name", "placebo"),  # the same word in the Spanish edition
        ),
        _Lookup(
            "harm_route",
            "harms",
            N_("{short_name}: how had the cells been given?"),
            N_("Into the spinal fluid"),
            (N_("Into a knee joint"), N_("As a skin cream"), N_("Into a muscle of the arm")),
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
    _ = i18n.bound(ds.lang)
    return _question(
        spec.id,
        _(spec.question).format_map(shown.iloc[0]),
        _(spec.answer),
        [_(d) for d in spec.decoys],
        " ".join(shown[text_column]),
        (quote(r) for _, r in shown.iterrows() if r["quote"]),
        matched["id"] if spec.shown > 1 else shown["id"],
        spec.topic,
        spec.page,
    )
