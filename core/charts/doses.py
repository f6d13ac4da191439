"""Pure chart builders for doses and routes: a DataFrame in, an alt.Chart out, titled with what it shows."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from core.analysis import doses
from core.charts import theme
from core.text import format_count

TRIAL_GREY = theme.TRIAL_GREY  # trial marks are grey so that colour always means "which page"
STRENGTH_ORDER = tuple(theme.STRENGTH_COLOURS)
# Axis labels in words a reader can take in: 15 m, 200 m, 1.2 bn.
CELLS_LABEL = (
    "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' billion' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' million' : format(datum.value, ',~g')"
)
# Row labels break into lines of this many characters (drawn whole, never cut off with an ellipsis).
LABEL_CHARS = 18
Y_LABELS = theme.wrapped_axis()
TITLE_CHARS, SUBTITLE_CHARS = theme.TITLE_CHARS, theme.SUBTITLE_CHARS
_title = theme.wrapped_title


def _height(rows: int, per_row: int, legend_entries: int, title: alt.Title) -> int:
    """Total height: Streamlit fits title, axis and legend into it, so they are counted on top of the plot."""
    return rows * per_row + 24 * theme.title_lines(title) + 22 * legend_entries + 100


def _row_height(rows: list[str], least: int) -> int:
    """Room for a row: at least `least` pixels, more when its label breaks into several lines."""
    most_lines = max((r.count("|") + 1 for r in rows), default=1)
    return max(least, 18 * most_lines + 10)


def _rows(frame: pd.DataFrame, column: str) -> tuple[pd.Series, list[str]]:
    """The column's values with '|' where a long label breaks, and their order of first appearance."""
    split = frame[column].map(lambda v: theme.split_label(str(v), LABEL_CHARS))
    return split, list(dict.fromkeys(split))


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


def _source_colour(frame: pd.DataFrame) -> tuple[alt.Color, alt.Shape]:
    """One colour AND one shape per page, the same on every chart, so nothing rests on colour alone."""
    pages = frame[frame["who"] == "page"] if "who" in frame else frame
    labels_by_id = dict(zip(pages["source_id"], pages["label"], strict=True))
    colours = theme.source_colours(labels_by_id)
    ids = list(theme.SOURCE_COLOURS)
    shapes = [theme.SOURCE_SHAPES[ids.index(sid) if sid in ids else -1] for sid in labels_by_id]
    labels = list(labels_by_id.values())
    return (
        alt.Color("label:N", title="Page", scale=theme.colour_scale(colours, labels)),
        alt.Shape("label:N", title="Page", scale=alt.Scale(domain=labels, range=shapes)),
    )


def dose_title(points: pd.DataFrame) -> str:
    pages = points[points["who"] == "page"]
    trials = points[points["who"] == "trial"]
    if pages.empty:
        return "No cell doses to show for this choice"
    found = doses.spread(pages)
    title = (
        f"The pages' doses run from {format_count(found.low)} to {format_count(found.high)} cells, "
        f"a {found.fold:.0f}-fold spread"
    )
    if not trials.empty:
        title += f"; studies: {format_count(trials['low'].min())} to {format_count(trials['low'].max())}"
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
    rows, routes = _rows(points, "route_label")
    data = points.assign(lane=points["label"].where(points["who"] == "page", "studies"), row=rows)
    color, shape = _source_colour(points)
    y = alt.Y("row:N", title=None, sort=routes, axis=Y_LABELS)
    y_offset = alt.YOffset("lane:N", sort=[*labels, "studies"])
    page_tooltip = [
        alt.Tooltip("label:N", title="Page"),
        alt.Tooltip("route_label:N", title="Route"),
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
    heading = _title(title, "Cells per dose, log scale. Coloured shapes: the pages. Grey ticks: doses studies tested.")
    return alt.layer(*ranges, ticks).properties(
        title=heading,
        height=_height(len(routes), _row_height(routes, 40 + 8 * len(labels)), len(labels), heading),
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
    # The page's name on its own line(s), then what the course is: "000 Vega Stem Cell|vein".
    rows = data["item"].map(lambda v: "|".join(theme.split_label(part, 18) for part in str(v).split(" · ")))
    items = list(dict.fromkeys(rows))
    data = data.assign(row=rows)
    color, shape = _source_colour(data.assign(who="page"))
    y = alt.Y("row:N", title=None, sort=items, axis=Y_LABELS)
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
    words = base.mark_text(align="left", dx=9, fontSize=theme.MARK_TEXT_SIZE, color=theme.TEXT).encode(
        x=alt.X("end:Q"), y=y, yOffset=y_offset, text="mark_word:N"
    )
    heading = _title(title, "Cells per course, log scale. Solid: printed by the page. Dashed, hollow: our sum.")
    return alt.layer(rule, *points, words).properties(
        title=heading,
        height=_height(len(items), _row_height(items, 56), len(labels) + 3, heading),
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
    rows, order = _rows(points, "label")
    points = points.assign(row=rows)
    color, shape = _source_colour(points)
    y = alt.Y("row:N", title=None, sort=order, axis=Y_LABELS)
    tooltip = [
        alt.Tooltip("label:N", title="Page or study"),
        alt.Tooltip("dose:N", title="Dose"),
        alt.Tooltip("quote:N", title="Quote"),
        alt.Tooltip("verification:N", title="Verification"),
        alt.Tooltip("row_id:N", title="Row"),
    ]
    x = alt.X(
        "low:Q",
        title=f"Cells per kg (at {weight_kg:g} kg)",
        axis=alt.Axis(labelExpr=CELLS_LABEL, tickCount=4),
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
        title, f"Cells per kg for a {weight_kg:g}-kg person. Grey: study doses; dashed line: the approved dose."
    )
    return alt.layer(*layers).properties(
        title=heading,
        height=_height(len(order), _row_height(order, 36), len(labels), heading),
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
    rows, sections = _rows(spread, "section")
    spread = spread.assign(row=rows)
    colour = alt.Color("who:N", title="Doses from", scale=theme.colour_scale(theme.DOSE_SOURCE_COLOURS))
    shape = alt.Shape(
        "who:N", title="Doses from", scale=alt.Scale(domain=["pages", "trials"], range=["circle", "square"])
    )
    y = alt.Y("row:N", title=None, sort=sections, axis=Y_LABELS)
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
        height=_height(len(sections), _row_height(sections, 48), 2, heading),
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
    """Bars: the strongest evidence of benefit for each route, from none to high certainty, each labelled in words."""
    title = evidence_strength_title(sections)
    rows, order = _rows(sections, "label")
    data = sections.assign(rank=sections["evidence_strength"].map(STRENGTH_ORDER.index), row=rows)
    heading = _title(title, "Certainty of the best evidence that the route helps, in GRADE words.")
    encoding = {
        "y": alt.Y("row:N", title=None, sort=order, axis=Y_LABELS),
        "x": alt.X(
            "rank:Q",
            title="Strongest evidence of benefit: none to high",
            # Room on the right for the word at the end of the longest bar.
            scale=alt.Scale(domain=[0, len(STRENGTH_ORDER) + 1]),
            axis=alt.Axis(labels=False, ticks=False, grid=False),
        ),
        "tooltip": [
            alt.Tooltip("label:N", title="Route"),
            alt.Tooltip("evidence_strength:N", title="Strongest evidence of benefit"),
        ],
    }
    colour = alt.Color("evidence_strength:N", scale=theme.colour_scale(theme.STRENGTH_COLOURS), legend=None)
    bars = alt.Chart(data).mark_bar(height=20).encode(color=colour, **encoding)
    # A dot at the bar's end keeps 'none' (a bar of length zero) visible; the word says what the bar means.
    dots = alt.Chart(data).mark_point(filled=True, size=80, opacity=1).encode(color=colour, **encoding)
    words = alt.Chart(data).mark_text(align="left", dx=10).encode(text="evidence_strength:N", **encoding)
    return alt.layer(bars, dots, words).properties(
        title=heading,
        height=_height(len(data), _row_height(order, 34), 0, heading),
        description=(
            f"Bar chart. {title}. " + "; ".join(f"{r.label}: {r.evidence_strength}" for r in data.itertuples()) + "."
        ),
    )
