"""The Dose discrepancies view: for one weight, the doses are normalised once and searched once."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from core import i18n
from core.analysis import discrepancies, dose_frames, doses, sources
from core.analysis.routes import chart_words
from core.charts import doses as dose_charts
from core.charts.export import Spec, to_spec
from core.data import Dataset
from core.i18n import N_
from core.text import md_escape
from core.views import embed
from core.views.rows import RowsBehind


@dataclass(frozen=True)
class DosesView:
    norm: pd.DataFrame
    points: pd.DataFrame
    courses: pd.DataFrame
    per_kg: pd.DataFrame
    found: pd.DataFrame
    top: pd.DataFrame
    left_out: str
    protocols: list[tuple[pd.DataFrame, list[str]]]
    dots_chart: Spec
    per_kg_chart: Spec | None
    courses_chart: Spec
    rows_behind: Mapping[Any, RowsBehind]
    lang: str = "en"
    source_ids: tuple[str, ...] = ()
    # The chart tables as shown and downloaded, and each item's line and what it opens to, made once per view: a
    # rerun that changes nothing reads them instead of rebuilding them.
    points_shown: pd.DataFrame | None = None
    per_kg_shown: pd.DataFrame | None = None
    courses_shown: pd.DataFrame | None = None
    top_lines: tuple[str, ...] = ()
    lines: dict[Any, str] = field(default_factory=dict)
    details: dict[Any, str] = field(default_factory=dict)
    _lists: dict[tuple[str, ...], ItemList] = field(default_factory=dict, repr=False, compare=False)
    _lists_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def item_list(self, kinds: tuple[str, ...]) -> ItemList:
        """The full list's items of these kinds on the chosen pages, remembered per choice of kinds (the view is
        shared by every reader, and a rerun that keeps the kinds asks again)."""
        with self._lists_lock:
            known = self._lists.get(kinds)
        if known is not None:
            return known
        listed = select_items(self.found, list(kinds), list(self.source_ids))
        made = ItemList(
            ids=tuple(listed.index),
            caption=list_caption(listed, self.lang),
            texts=(*listed["explanation"], *self.top["headline"]),
        )
        with self._lists_lock:
            self._lists[kinds] = made
        return made


@dataclass(frozen=True)
class ItemList:
    ids: tuple[Any, ...]  # index labels of view.found, most severe first
    caption: str
    texts: tuple[str, ...]  # the explanations and headlines whose glossary words the page explains


def doses_page(ds: Dataset, weight: float, routes: tuple[str, ...], source_ids: tuple[str, ...]) -> DosesView:
    """Every frame, finding and chart of the page, with their words in the edition's language (ds.lang)."""
    lang = ds.lang
    norm = doses.normalise(ds, weight)
    trials = doses.trial_doses(ds, weight)
    shown = doses.select(norm, list(routes), list(source_ids))
    points = dose_frames.dose_points(shown, trials[trials["route"].isin(routes)], lang)
    courses = dose_frames.course_totals(norm[norm["source_id"].isin(source_ids)], lang)
    per_kg = dose_frames.per_kg_points(shown, trials, lang)
    found = discrepancies.find_in(ds, norm, trials, weight)
    top = discrepancies.top_problems(discrepancies.within(found, norm, routes, source_ids))
    return DosesView(
        norm=norm,
        points=points,
        courses=courses,
        per_kg=per_kg,
        found=found,
        top=top,
        left_out=doses.left_out_words(shown, lang),
        protocols=[
            (table, raw) for sid in source_ids for _, table, raw in sources.protocol_tables(ds.regimens, sid, ds.lang)
        ],
        dots_chart=to_spec(dose_charts.dose_dots(points, lang)),
        per_kg_chart=None if per_kg.empty else to_spec(dose_charts.per_kg(per_kg, weight, lang)),
        courses_chart=to_spec(dose_charts.course_totals(courses, lang)),
        rows_behind=RowsBehindItems(ds, norm, found),
        lang=lang,
        source_ids=tuple(source_ids),
        points_shown=on_screen(points, lang),
        per_kg_shown=on_screen(per_kg, lang),
        courses_shown=on_screen(courses, lang),
        top_lines=tuple(item_line(item, lang) for item in top.itertuples()),
        lines={item.Index: item_line(item, lang) for item in found.itertuples()},
        details={item.Index: item_markdown(item, lang) for item in found.itertuples()},
    )


class RowsBehindItems(Mapping[Any, RowsBehind]):
    """The rows behind each discrepancy in found, keyed by its index label, each gathered the first time a reader
    opens it: gathering all of them was a third of a new weight's cost and most of a view's memory, for lists
    that are rarely opened."""

    def __init__(self, ds: Dataset, norm: pd.DataFrame, found: pd.DataFrame) -> None:
        self._ds, self._norm, self._found = ds, norm, found
        self._made: dict[Any, RowsBehind] = {}

    def __getitem__(self, key: Any) -> RowsBehind:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._gather(self._found.loc[key])
        return made

    def __iter__(self) -> Iterator[Any]:
        return iter(self._found.index)

    def __len__(self) -> int:
        return len(self._found)

    def _gather(self, item: pd.Series) -> RowsBehind:
        ds, labels = self._ds, self._ds.sources.set_index("id")
        claims = doses.pick(ds.claims, item["claim_ids"])
        claims = claims.assign(
            short_label=claims["source_id"].map(labels["short_label"]),
            seed_file=claims["source_id"].map(labels["seed_file"]),
        )
        return RowsBehind(
            regimens=doses.pick(self._norm, item["regimen_ids"], "regimen_id"),
            claims=claims,
            evidence=doses.pick(ds.evidence, item["evidence_ids"]),
            regulatory=doses.pick(ds.regulatory, item["regulatory_ids"]),
        )


# --- words for the page: captions, counts, verdicts and the tables' column headers -----------------------------


def courses_caption(lang: str = "en") -> str:
    """What the course-totals chart cannot tell (the one caption, shared with its embed)."""
    return embed.courses_caption(lang)


def list_caption(listed: pd.DataFrame, lang: str = "en") -> str:
    """'20 items: 18 problems and 2 checks that came out consistent (shown, not hidden).'"""
    return i18n.gettext(
        lang, "{n} items: {problems} problems and {checks} checks that came out consistent (shown, not hidden)."
    ).format(
        n=len(listed),
        problems=int((listed["status"] == "problem").sum()),
        checks=int((listed["status"] == "consistent").sum()),
    )


def verdict_words(ds: Dataset, verdict: str) -> str:
    """A claim's verdict as the page shows it: the code in English (as before), the edition's label otherwise."""
    if ds.lang == "en":
        return verdict
    labels = dict(zip(ds.verdicts["verdict"], ds.verdicts["label"], strict=True))
    return labels.get(verdict, verdict)


def claim_note(ds: Dataset, claim) -> str:
    """The line under a claim's quote on this page: it is a claim, and our verdict on it."""
    return i18n.gettext(ds.lang, "A claim on the page · our verdict: {verdict}").format(
        verdict=md_escape(verdict_words(ds, claim.verdict))
    )


# Column headers of the tables shown on screen and downloaded (the frames keep their English names for code).
COLUMN_WORDS = {
    "who": N_("who"), "source_id": N_("page id"), "label": N_("label"), "route": N_("route code"),
    "route_label": N_("route"), "route_as_stated": N_("route as stated"), "low": N_("lowest"), "high": N_("highest"),
    "dose": N_("dose"), "quote": N_("quote"), "row_id": N_("row id"), "verification": N_("verification"),
    "note": N_("note"), "short_label": N_("page"), "item": N_("schedule"), "basis": N_("printed or computed"),
    "regimen_ids": N_("dose rows"), "open_ended": N_("no upper limit"), "total": N_("cells per course"),
    "kind": N_("kind"), "section": N_("route"), "doses": N_("cells per dose"), "ids": N_("rows"),
    "evidence_strength": N_("strength of evidence"), "id": N_("id"), "evidence_ids": N_("studies"),
    "row": N_("kind of row"), "topic": N_("mechanism"), "stated_as": N_("strongest wording"),
    "strength": N_("how firm (rank)"), "n_claims": N_("claims"), "claim_ids": N_("claim ids"),
    "evidence_status": N_("what trials show"), "status_short": N_("what trials show, short"),
    "basis_words": N_("printed or computed, in words"),
}  # fmt: skip


def on_screen(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A table as shown and downloaded: in English as it is; in another language, its column headers in words."""
    if lang == "en":
        return frame
    # Codes a reader would meet in the table (who a dose is from, printed or computed, strength) in words too.
    coded = {"who": "who", "basis": "basis", "evidence_strength": "strength"}
    words = {
        column: frame[column].map(lambda code, table=table: chart_words(table, code, lang))
        for column, table in coded.items()
        if column in frame
    }
    frame = frame.assign(**words)
    return frame.rename(columns={c: i18n.gettext(lang, COLUMN_WORDS[c]) for c in frame.columns if c in COLUMN_WORDS})


# What the page's inputs and list need, so the page reads only this view (page -> view -> analysis).
WEIGHT_LIMITS_KG, DEFAULT_WEIGHT_KG = doses.WEIGHT_LIMITS_KG, doses.DEFAULT_WEIGHT_KG
COURSE_CONVENTION, KINDS = doses.COURSE_CONVENTION, discrepancies.KINDS
route_label, item_line, item_markdown = doses.route_label, discrepancies.item_line, discrepancies.item_markdown
kind_label, select_items = discrepancies.kind_label, discrepancies.select


@dataclass(frozen=True)
class DoseChoices:
    routes: list[str]  # routes that any page doses, in the order the pages use them
    sources: list[str]  # pages that give a dose


def choices(ds: Dataset) -> DoseChoices:
    """The routes and pages the inputs offer (weight-free: a new weight does not change them)."""
    norm = doses.normalise(ds)
    return DoseChoices(doses.dosed_routes(norm), doses.dosing_sources(norm))
