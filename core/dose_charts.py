"""Pure chart builders for doses and routes: a DataFrame in, an alt.Chart out, titled with what it shows."""

from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from core.text import format_count
from core.theme import palette

TRIAL_GREY = "#6b6b6b"  # trial marks are grey so that colour always means "which page"
STRENGTH_ORDER = ("none", "very low", "low", "moderate", "high")
# Axis labels in words a reader can take in: 15 m, 200 m, 1.2 bn.
CELLS_LABEL = (
    "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' billion' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' million' : format(datum.value, ',~g')"
)
Y_LABELS = alt.Axis(labelLimit=120)


# Titles do not wrap by themselves; these widths keep them whole on a 390-px phone screen.
TITLE_CHARS, SUBTITLE_CHARS = 44, 50


def _title(title: str, subtitle: str) -> alt.Title:
    return alt.Title(textwrap.wrap(title, TITLE_CHARS), subtitle=textwrap.wrap(subtitle, SUBTITLE_CHARS))


def _height(rows: int, per_row: int, legend_entries: int, title: alt.Title) -> int:
    """Total height: Streamlit fits title, axis and legend into it, so they are counted on top of the plot."""
    return rows * per_row + 19 * len(title.text) + 16 * len(title.subtitle) + 20 * legend_entries + 90


def log_ticks(low: float, high: float) -> list[float]:
    """1-3-10 tick values spanning low..high, so a log axis shows a few readable numbers."""
    ticks, step = [], 10 ** math.floor(math.log10(low))
    while step <= high * 10:
        ticks += [v for v in (step, 3 * step) if low / 1.5 <= v <= high * 1.5]
        step *= 10
    return ticks


def _log_x(title: str, low: float, high: float, room_right: float = 1.5) -> alt.X:
    return alt.X(
        "low:Q",
        title=title,
        scale=alt.Scale(type="log", domain=[low / 1.5, high * room_right], nice=False),
        axis=alt.Axis(labelExpr=CELLS_LABEL, values=log_ticks(low, high)),
    )


def _extent(frame: pd.DataFrame) -> tuple[float, float]:
    values = pd.concat([frame["low"], frame["high"]]).dropna()
    return (values.min(), values.max()) if not values.empty else (1e6, 1e9)


def _source_colour(labels: list[str]) -> tuple[alt.Color, alt.Shape]:
    """One colour AND one shape per page, so nothing rests on colour alone."""
    return (
        alt.Color("label:N", title="Page", scale=alt.Scale(domain=labels, range=list(palette()))),
        alt.Shape("label:N", title="Page", scale=alt.Scale(domain=labels)),
    )


def dose_title(points: pd.DataFrame) -> str:
    pages = points[points["who"] == "page"]
    trials = points[points["who"] == "trial"]
    if pages.empty:
        return "No cell doses to show for this choice"
    low, high = pages["low"].min(), pages["high"].max()
    title = f"The pages' doses run from {format_count(low)} to {format_count(high)} cells, {high / low:.0f}× apart"
    if not trials.empty:
        title += f"; studies tested {format_count(trials['low'].min())} to {format_count(trials['low'].max())}"
    return title


def _dot_and_range(base, extent, y, y_offset, color, shape, tooltip, *, dot_size: int) -> list[alt.Chart]:
    """A line from low to high on a log scale with a dot at each end: one range per row of the data."""
    rule = base.mark_rule(strokeWidth=3).encode(
        x=_log_x("Cells per dose (log scale)", *extent),
        x2="high:Q",
        y=y,
        yOffset=y_offset,
        color=color,
        tooltip=tooltip,
    )
    ends = [
        base.mark_point(filled=True, size=dot_size, opacity=1).encode(
            x=alt.X(f"{end}:Q"), y=y, yOffset=y_offset, color=color, shape=shape, tooltip=tooltip
        )
        for end in ("low", "high")
    ]
    return [rule, *ends]


def dose_dots(points: pd.DataFrame) -> alt.LayerChart:
    """Dot-and-range of cells per dose by route on a log scale: pages as coloured shapes, study doses as grey ticks."""
    title = dose_title(points)
    labels = list(dict.fromkeys(points.loc[points["who"] == "page", "label"]))
    routes = list(dict.fromkeys(points["route_label"]))
    data = points.assign(lane=points["label"].where(points["who"] == "page", "studies"))
    color, shape = _source_colour(labels)
    y = alt.Y("route_label:N", title=None, sort=routes, axis=Y_LABELS)
    y_offset = alt.YOffset("lane:N", sort=[*labels, "studies"])
    page_tooltip = [
        alt.Tooltip("label:N", title="Page"),
        alt.Tooltip("route_as_stated:N", title="Route as stated"),
        alt.Tooltip("dose:N", title="Dose"),
        alt.Tooltip("quote:N", title="Quote"),
        alt.Tooltip("note:N", title="Caveat"),
        alt.Tooltip("row_id:N", title="Row"),
    ]
    trial_tooltip = [
        alt.Tooltip("label:N", title="Study"),
        alt.Tooltip("dose:N", title="Dose tested"),
        alt.Tooltip("note:N", title="Kind of study"),
        alt.Tooltip("verification:N", title="Verification"),
        alt.Tooltip("row_id:N", title="Row"),
    ]
    base = alt.Chart(data)
    pages = base.transform_filter(alt.datum.who == "page")
    trials = base.transform_filter(alt.datum.who == "trial")
    ranges = _dot_and_range(pages, _extent(points), y, y_offset, color, shape, page_tooltip, dot_size=110)
    ticks = trials.mark_tick(color=TRIAL_GREY, thickness=2, size=14, opacity=0.8).encode(
        x=alt.X("low:Q"), y=y, yOffset=y_offset, tooltip=trial_tooltip
    )
    n_pages = int((points["who"] == "page").sum())
    heading = _title(
        title,
        "Cells per dose (per knee, injection, session or day, as the page counts), log scale. Coloured shapes: "
        "the pages. Grey ticks: doses that studies tested by the same route.",
    )
    return alt.layer(*ranges, ticks).properties(
        title=heading,
        height=_height(len(routes), 44, len(labels) + 1, heading),
        description=(
            f"Dot-and-range chart. {title}. {n_pages} page doses across {len(routes)} routes "
            f"({', '.join(routes)}), each page in its own colour and shape, with study doses as grey ticks."
        ),
    )


def course_title(courses: pd.DataFrame) -> str:
    if courses.empty:
        return "No course totals to show for this choice"
    printed = courses[courses["basis"] == "printed"]
    top = courses.loc[courses[["low", "high"]].max(axis=1).idxmax()]
    top_value = max(top["low"], top["high"] if pd.notna(top["high"]) else 0)
    return (
        f"{len(printed)} of {len(courses)} course totals are printed by a page; the largest, "
        f"{format_count(top_value)} cells, is {top['basis']}"
    )


def course_totals(courses: pd.DataFrame) -> alt.LayerChart:
    """Cells per course for each page's schedule or protocol; totals the page never printed are marked 'computed'."""
    title = course_title(courses)
    labels = list(dict.fromkeys(courses["short_label"]))
    data = courses.assign(
        label=courses["short_label"],
        regimen_ids=courses["regimen_ids"].map(" ".join),
        mark_word=courses["basis"] + courses["open_ended"].map({True: ", no limit", False: ""}),
        end=courses["high"].fillna(courses["low"]),
    )
    color, shape = _source_colour(labels)
    y = alt.Y("item:N", title=None, sort=list(dict.fromkeys(data["item"])), axis=Y_LABELS)
    y_offset = alt.YOffset("basis:N", sort=["printed", "computed"])
    tooltip = [
        alt.Tooltip("short_label:N", title="Page"),
        alt.Tooltip("item:N", title="Schedule"),
        alt.Tooltip("total:N", title="Cells per course"),
        alt.Tooltip("basis:N", title="Printed or computed"),
        alt.Tooltip("regimen_ids:N", title="Rows"),
    ]
    base = alt.Chart(data)
    rule = base.mark_rule(strokeWidth=3).encode(
        x=_log_x("Cells per course (log scale)", *_extent(courses), room_right=6),
        x2="end:Q",
        y=y,
        yOffset=y_offset,
        color=color,
        strokeDash=alt.StrokeDash(
            "basis:N", title="Total", scale=alt.Scale(domain=["printed", "computed"], range=[[1, 0], [4, 3]])
        ),
        tooltip=tooltip,
    )
    points = [
        base.transform_filter(alt.datum.basis == basis)
        .mark_point(filled=filled, size=110, strokeWidth=2, opacity=1)
        .encode(x=alt.X(f"{end}:Q"), y=y, yOffset=y_offset, color=color, shape=shape, tooltip=tooltip)
        for basis, filled in (("printed", True), ("computed", False))
        for end in ("low", "end")
    ]
    words = base.mark_text(align="left", dx=9, fontSize=11, color="#333333").encode(
        x=alt.X("end:Q"), y=y, yOffset=y_offset, text="mark_word:N"
    )
    heading = _title(
        title,
        "Cells per course, log scale. Solid and filled: printed by the page. Dashed and hollow: computed by us "
        "from dose × sessions; the page never states it.",
    )
    return alt.layer(rule, *points, words).properties(
        title=heading,
        height=_height(data["item"].nunique(), 48, len(labels) + 3, heading),
        description=(
            f"Range chart of cells per course. {title}. Hollow marks and dashed lines are totals we computed "
            "because the page never states them; filled marks are totals the page printed."
        ),
    )


def per_kg_title(points: pd.DataFrame) -> str:
    pages = points[points["who"] == "page"]
    approved = points[points["who"] == "approved"]
    if pages.empty or approved.empty:
        return "No vein doses to compare with the approved per-kg dose"
    multiple = pages["high"].max() / approved["low"].iloc[0]
    return f"The pages' vein doses are up to {multiple:.1f}× the only approved per-kg dose, set for another disease"


def per_kg(points: pd.DataFrame, weight_kg: float) -> alt.LayerChart:
    """Vein doses per kg at the chosen body weight, against the approved and trial per-kg doses."""
    title = per_kg_title(points)
    pages = points[points["who"] == "page"]
    labels = list(dict.fromkeys(pages["label"]))
    order = list(dict.fromkeys(points["label"]))
    color, shape = _source_colour(labels)
    y = alt.Y("label:N", title=None, sort=order, axis=Y_LABELS)
    tooltip = [
        alt.Tooltip("label:N", title="Page or study"),
        alt.Tooltip("dose:N", title="Dose"),
        alt.Tooltip("quote:N", title="Quote"),
        alt.Tooltip("verification:N", title="Verification"),
        alt.Tooltip("row_id:N", title="Row"),
    ]
    x = alt.X(
        "low:Q",
        title=f"Cells per kg of body weight (at {weight_kg:g} kg)",
        axis=alt.Axis(labelExpr=CELLS_LABEL, tickCount=5),
    )
    base = alt.Chart(points)
    page_marks = base.transform_filter(alt.datum.who == "page")
    others = base.transform_filter(alt.datum.who != "page")
    layers = [
        page_marks.mark_rule(strokeWidth=3).encode(x=x, x2="high:Q", y=y, color=color, tooltip=tooltip),
        *[
            page_marks.mark_point(filled=True, size=110, opacity=1).encode(
                x=alt.X(f"{end}:Q"), y=y, color=color, shape=shape, tooltip=tooltip
            )
            for end in ("low", "high")
        ],
        others.mark_tick(color=TRIAL_GREY, thickness=3, size=18).encode(x=alt.X("low:Q"), y=y, tooltip=tooltip),
        base.transform_filter(alt.datum.who == "approved")
        .mark_rule(color=TRIAL_GREY, strokeDash=[4, 3])
        .encode(x=alt.X("low:Q"), tooltip=tooltip),
    ]
    heading = _title(
        title,
        f"Cells per kg of body weight for a {weight_kg:g}-kg person. Coloured shapes: the pages' vein doses. "
        "Grey: approved label and study doses (dashed line: the approved dose).",
    )
    return alt.layer(*layers).properties(
        title=heading,
        height=_height(len(order), 36, len(labels) + 1, heading),
        description=(
            f"Range chart of vein doses per kg of body weight at {weight_kg:g} kg. {title}. The pages' doses are "
            "coloured shapes; the approved label dose is a grey tick with a dashed line, other study doses grey ticks."
        ),
    )


def route_spread_title(spread: pd.DataFrame) -> str:
    with_trials = set(spread.loc[spread["who"] == "trials", "section"])
    with_pages = set(spread.loc[spread["who"] == "pages", "section"])
    untested = len(with_pages - with_trials)
    if not with_pages:
        return "No page gives a cell dose for these routes"
    return f"For {untested} of the {len(with_pages)} routes the pages dose, no study we list tested a cell dose"


def route_spread(spread: pd.DataFrame) -> alt.LayerChart:
    """Per route: the spread of the pages' doses and of the studies' doses, side by side on a log scale."""
    title = route_spread_title(spread)
    sections = list(dict.fromkeys(spread["section"]))
    colour = alt.Color(
        "who:N", title="Doses from", scale=alt.Scale(domain=["pages", "trials"], range=[palette()[0], TRIAL_GREY])
    )
    shape = alt.Shape(
        "who:N", title="Doses from", scale=alt.Scale(domain=["pages", "trials"], range=["circle", "square"])
    )
    y = alt.Y("section:N", title=None, sort=sections, axis=Y_LABELS)
    y_offset = alt.YOffset("who:N", sort=["pages", "trials"])
    tooltip = [
        alt.Tooltip("section:N", title="Route"),
        alt.Tooltip("who:N", title="Doses from"),
        alt.Tooltip("doses:N", title="Cells per dose"),
        alt.Tooltip("evidence_strength:N", title="Strength of evidence"),
        alt.Tooltip("ids:N", title="Rows"),
    ]
    base = alt.Chart(spread)
    ranges = _dot_and_range(base, _extent(spread), y, y_offset, colour, shape, tooltip, dot_size=90)
    heading = _title(title, "Lowest to highest cells per dose, log scale: the pages' doses and the studies'.")
    return alt.layer(*ranges).properties(
        title=heading,
        height=_height(len(sections), 48, 3, heading),
        description=(
            f"Range chart by route. {title}. For each route, one line spans the pages' doses and, where any "
            "exist, a second line spans the doses studies tested."
        ),
    )


def evidence_strength_title(sections: pd.DataFrame) -> str:
    if sections.empty:
        return "No routes to show"
    ranks = sections["evidence_strength"].map(STRENGTH_ORDER.index)
    best = STRENGTH_ORDER[ranks.max()]
    none = int((sections["evidence_strength"] == "none").sum())
    return f"No route has better than {best}-certainty evidence of benefit; {none} of {len(sections)} have none"


def evidence_strength(sections: pd.DataFrame) -> alt.LayerChart:
    """Bars: the strongest evidence of benefit for each route, from none to high certainty."""
    title = evidence_strength_title(sections)
    data = sections.assign(rank=sections["evidence_strength"].map(STRENGTH_ORDER.index))
    heading = _title(title, "Certainty of the best evidence that the route helps (GRADE words).")
    encoding = {
        "y": alt.Y("label:N", title=None, sort=list(data["label"]), axis=Y_LABELS),
        "x": alt.X(
            "rank:Q",
            title="Strongest evidence of benefit",
            scale=alt.Scale(domain=[0, len(STRENGTH_ORDER) - 1]),
            axis=alt.Axis(values=list(range(len(STRENGTH_ORDER))), labelExpr=f"{list(STRENGTH_ORDER)!r}[datum.value]"),
        ),
        "tooltip": [
            alt.Tooltip("label:N", title="Route"),
            alt.Tooltip("evidence_strength:N", title="Strongest evidence of benefit"),
        ],
    }
    bars = alt.Chart(data).mark_bar(color=palette()[0], height=18).encode(**encoding)
    # A dot at the bar's end keeps 'none' (a bar of length zero) visible.
    dots = alt.Chart(data).mark_point(color=palette()[0], filled=True, size=70, opacity=1).encode(**encoding)
    return alt.layer(bars, dots).properties(
        title=heading,
        height=_height(len(data), 30, 0, heading),
        description=(
            f"Bar chart. {title}. " + "; ".join(f"{r.label}: {r.evidence_strength}" for r in data.itertuples()) + "."
        ),
    )
