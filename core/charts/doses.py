"""Pure chart builders for doses and routes: a DataFrame in, an alt.Chart out, titled with what it shows."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from core import i18n
from core.analysis.dose_frames import course_title, dose_title, per_kg_title, route_spread_title
from core.analysis.routes import chart_words
from core.charts import theme
from core.charts.theme import fitted

TRIAL_GREY = theme.TRIAL_GREY  # trial marks are grey so that colour always means "which page"
STRENGTH_ORDER = tuple(theme.STRENGTH_COLOURS)
# Axis labels in words a reader can take in: 15 million, 1.2 billion.
CELLS_LABEL = (
    "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' billion' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' million' : format(datum.value, ',~g')"
)
# Spanish counts in millions up to 10^12 (a "billón" is 10^12, never 10^9): 1.2e9 reads "1.200 millones". The
# chart's locale (set by ui.chart_block) gives the decimal comma and the thousands point.
CELLS_LABEL_ES = (
    "datum.value >= 1e12 ? format(datum.value / 1e12, ',~g') + ' billones' : "
    "datum.value >= 1e6 ? format(datum.value / 1e6, ',~g') + ' millones' : format(datum.value, ',~g')"
)


def cells_label(lang: str = "en") -> str:
    return CELLS_LABEL_ES if lang == "es" else CELLS_LABEL


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


def _log_x(title: str, low: float, high: float, room_right: float = 1.5, lang: str = "en") -> alt.X:
    return alt.X(
        "low:Q",
        title=title,
        scale=alt.Scale(type="log", domain=[low / 1.5, high * room_right], nice=False),
        axis=alt.Axis(labelExpr=cells_label(lang), values=log_ticks(low, high)),
    )


def _extent(frame: pd.DataFrame) -> tuple[float, float]:
    values = pd.concat([frame["low"], frame["high"]]).dropna()
    return (values.min(), values.max()) if not values.empty else (1e6, 1e9)


def _source_colour(frame: pd.DataFrame, lang: str = "en") -> tuple[alt.Color, alt.Shape]:
    """One colour AND one shape per page, the same on every chart, so nothing rests on colour alone."""
    pages = frame[frame["who"] == "page"] if "who" in frame else frame
    labels_by_id = dict(zip(pages["source_id"], pages["label"], strict=True))
    colours = theme.source_colours(labels_by_id)
    ids = list(theme.SOURCE_COLOURS)
    shapes = [theme.SOURCE_SHAPES[ids.index(sid) if sid in ids else -1] for sid in labels_by_id]
    labels = list(labels_by_id.values())
    page = i18n.gettext(lang, "Page")
    return (
        alt.Color("label:N", title=page, scale=theme.colour_scale(colours, labels)),
        alt.Shape("label:N", title=page, scale=alt.Scale(domain=labels, range=shapes)),
    )


def _dot_and_range(
    base, extent, y, y_offset, color, shape, tooltip, *, dot_size: int, lang: str = "en"
) -> list[alt.Chart]:
    """A line from low to high on a log scale with a dot at each end: one range per row of the data."""
    rule = base.mark_rule(strokeWidth=3).encode(
        x=_log_x(i18n.gettext(lang, "Cells per dose (log scale)"), *extent, lang=lang),
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


def dose_dots(points: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Dot-and-range of cells per dose by route on a log scale: pages as coloured shapes, study doses as grey ticks."""
    _ = i18n.bound(lang)
    title = dose_title(points, lang)
    labels = list(dict.fromkeys(points.loc[points["who"] == "page", "label"]))
    rows, routes = _rows(points, "route_label")
    data = points.assign(lane=points["label"].where(points["who"] == "page", "studies"), row=rows)
    color, shape = _source_colour(points, lang)
    y = alt.Y("row:N", title=None, sort=routes, axis=Y_LABELS)
    y_offset = alt.YOffset("lane:N", sort=[*labels, "studies"])
    page_tooltip = [
        alt.Tooltip("label:N", title=_("Page")),
        alt.Tooltip("route_label:N", title=_("Route")),
        alt.Tooltip("route_as_stated:N", title=_("Route as stated")),
        alt.Tooltip("dose:N", title=_("Dose")),
        alt.Tooltip("quote:N", title=_("Quote")),
        alt.Tooltip("note:N", title=_("Caveat")),
        alt.Tooltip("row_id:N", title=_("Row")),
    ]
    trial_tooltip = [
        alt.Tooltip("label:N", title=_("Study")),
        alt.Tooltip("dose:N", title=_("Dose tested")),
        alt.Tooltip("note:N", title=_("Kind of study")),
        alt.Tooltip("verification:N", title=_("Verification")),
        alt.Tooltip("row_id:N", title=_("Row")),
    ]
    base = alt.Chart(data)
    pages = base.transform_filter(alt.datum.who == "page")
    trials = base.transform_filter(alt.datum.who == "trial")
    ranges = _dot_and_range(pages, _extent(points), y, y_offset, color, shape, page_tooltip, dot_size=110, lang=lang)
    ticks = trials.mark_tick(color=TRIAL_GREY, thickness=2, size=14, opacity=0.8).encode(
        x=alt.X("low:Q"), y=y, yOffset=y_offset, tooltip=trial_tooltip
    )
    n_pages = int((points["who"] == "page").sum())
    heading = _title(
        title, _("Cells per dose, log scale. Coloured shapes: the pages. Grey ticks: doses studies tested.")
    )
    return alt.layer(*ranges, ticks).properties(
        title=heading,
        height=_height(len(routes), _row_height(routes, 40 + 8 * len(labels)), len(labels), heading),
        description=_(
            "Dot-and-range chart. {title}. {n_pages} page doses across {n_routes} routes ({routes}), each page in "
            "its own colour and shape, with study doses as grey ticks."
        ).format(
            title=title, n_pages=n_pages, n_routes=len(routes), routes=", ".join(r.replace("|", " ") for r in routes)
        ),
    )


def course_totals(courses: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Cells per course for each page's schedule or protocol; totals the page never printed are marked 'computed'."""
    _ = i18n.bound(lang)
    title = course_title(courses, lang)
    labels = list(dict.fromkeys(courses["short_label"]))
    basis_words = courses["basis"].map(lambda b: chart_words("basis", b, lang))
    no_limit = _(", no limit")
    data = courses.assign(
        label=courses["short_label"],
        regimen_ids=courses["regimen_ids"].map(" ".join),
        basis_words=basis_words,
        mark_word=basis_words + courses["open_ended"].map({True: no_limit, False: ""}),
        end=courses["high"].fillna(courses["low"]),
    )
    # The page's name on its own line(s), then what the course is: "000 Vega Stem Cell|vein".
    rows = data["item"].map(lambda v: "|".join(theme.split_label(part, 18) for part in str(v).split(" · ")))
    items = list(dict.fromkeys(rows))
    data = data.assign(row=rows)
    color, shape = _source_colour(data.assign(who="page"), lang)
    y = alt.Y("row:N", title=None, sort=items, axis=Y_LABELS)
    y_offset = alt.YOffset("basis:N", sort=["printed", "computed"])
    tooltip = [
        alt.Tooltip("short_label:N", title=_("Page")),
        alt.Tooltip("item:N", title=_("Schedule")),
        alt.Tooltip("total:N", title=_("Cells per course")),
        alt.Tooltip("basis_words:N", title=_("Printed or computed")),
        alt.Tooltip("regimen_ids:N", title=_("Rows")),
    ]
    base = alt.Chart(data)
    dash_domain = [chart_words("basis", b, lang) for b in ("printed", "computed")]
    rule = base.mark_rule(strokeWidth=3).encode(
        x=_log_x(_("Cells per course (log scale)"), *_extent(courses), room_right=6, lang=lang),
        x2="end:Q",
        y=y,
        yOffset=y_offset,
        color=color,
        strokeDash=alt.StrokeDash(
            "basis_words:N", title=_("Total"), scale=alt.Scale(domain=dash_domain, range=[[1, 0], [4, 3]])
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
    heading = _title(title, _("Cells per course, log scale. Solid: printed by the page. Dashed, hollow: our sum."))
    return alt.layer(rule, *points, words).properties(
        title=heading,
        height=_height(len(items), _row_height(items, 56), len(labels) + 3, heading),
        description=_(
            "Range chart of cells per course. {title}. Hollow marks and dashed lines are totals we computed because "
            "the page never states them; filled marks are totals the page printed."
        ).format(title=title),
    )


def per_kg(points: pd.DataFrame, weight_kg: float, lang: str = "en") -> alt.LayerChart:
    """Vein doses per kg at the chosen body weight, against the approved and trial per-kg doses."""
    _ = i18n.bound(lang)
    weight = i18n.format_number(weight_kg, lang)
    title = per_kg_title(points, lang)
    pages = points[points["who"] == "page"]
    labels = list(dict.fromkeys(pages["label"]))
    rows, order = _rows(points, "label")
    points = points.assign(row=rows)
    color, shape = _source_colour(points, lang)
    y = alt.Y("row:N", title=None, sort=order, axis=Y_LABELS)
    tooltip = [
        alt.Tooltip("label:N", title=_("Page or study")),
        alt.Tooltip("dose:N", title=_("Dose")),
        alt.Tooltip("quote:N", title=_("Quote")),
        alt.Tooltip("verification:N", title=_("Verification")),
        alt.Tooltip("row_id:N", title=_("Row")),
    ]
    x = alt.X(
        "low:Q",
        title=_("Cells per kg (at {weight} kg)").format(weight=weight),
        axis=alt.Axis(labelExpr=cells_label(lang), tickCount=4),
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
        _("Cells per kg for a {weight}-kg person. Grey: study doses; dashed line: the approved dose.").format(
            weight=weight
        ),
    )
    return alt.layer(*layers).properties(
        title=heading,
        height=_height(len(order), _row_height(order, 36), len(labels), heading),
        description=_(
            "Range chart of vein doses per kg of body weight at {weight} kg. {title}. The pages' doses are coloured "
            "shapes; the approved label dose is a grey tick with a dashed line, other study doses grey ticks."
        ).format(weight=weight, title=title),
    )


def route_spread(spread: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Per route: the spread of the pages' doses and of the studies' doses, side by side on a log scale."""
    _ = i18n.bound(lang)
    title = route_spread_title(spread, lang)
    rows, sections = _rows(spread, "section")
    # "who" stays a code (it orders the lanes); who_words is what the legend and tooltip show.
    spread = spread.assign(row=rows, who_words=spread["who"].map(lambda w: chart_words("who", w, lang)))
    who = {code: chart_words("who", code, lang) for code in ("pages", "trials")}
    colours = {who[code]: colour for code, colour in theme.DOSE_SOURCE_COLOURS.items()}
    colour = alt.Color("who_words:N", title=_("Doses from"), scale=theme.colour_scale(colours))
    shape = alt.Shape(
        "who_words:N",
        title=_("Doses from"),
        scale=alt.Scale(domain=[who["pages"], who["trials"]], range=["circle", "square"]),
    )
    y = alt.Y("row:N", title=None, sort=sections, axis=Y_LABELS)
    y_offset = alt.YOffset("who:N", sort=["pages", "trials"])
    tooltip = [
        alt.Tooltip("section:N", title=_("Route")),
        alt.Tooltip("who_words:N", title=_("Doses from")),
        alt.Tooltip("doses:N", title=_("Cells per dose")),
        alt.Tooltip("strength_words:N", title=_("Strength of evidence")),
        alt.Tooltip("ids:N", title=_("Rows")),
    ]
    spread = spread.assign(strength_words=spread["evidence_strength"].map(lambda s: chart_words("strength", s, lang)))
    base = alt.Chart(spread)
    ranges = _dot_and_range(base, _extent(spread), y, y_offset, colour, shape, tooltip, dot_size=90, lang=lang)
    heading = _title(title, _("Lowest to highest cells per dose, log scale: the pages' doses and the studies'."))
    return alt.layer(*ranges).properties(
        title=heading,
        height=_height(len(sections), _row_height(sections, 48), 2, heading),
        description=_(
            "Range chart by route. {title}. For each route, one line spans the pages' doses and, where any exist, a "
            "second line spans the doses studies tested."
        ).format(title=title),
    )


def evidence_strength_title(sections: pd.DataFrame, lang: str = "en") -> str:
    if sections.empty:
        return i18n.gettext(lang, "No routes to show")
    ranks = sections["evidence_strength"].map(STRENGTH_ORDER.index)
    best = STRENGTH_ORDER[ranks.max()]
    none = int((sections["evidence_strength"] == "none").sum())
    return i18n.gettext(
        lang, "No route has better than {best}-certainty evidence of benefit; {none} of {n} have none"
    ).format(best=chart_words("strength", best, lang), none=none, n=len(sections))


def evidence_strength(sections: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Bars: the strongest evidence of benefit for each route, from none to high certainty, each labelled in words."""
    _ = i18n.bound(lang)
    title = evidence_strength_title(sections, lang)
    rows, order = _rows(sections, "label")
    data = sections.assign(
        rank=sections["evidence_strength"].map(STRENGTH_ORDER.index),
        row=rows,
        strength_words=sections["evidence_strength"].map(lambda s: chart_words("strength", s, lang)),
    )
    heading = _title(title, _("Certainty of the best evidence that the route helps, in GRADE words."))
    encoding = {
        "y": alt.Y("row:N", title=None, sort=order, axis=Y_LABELS),
        "x": alt.X(
            "rank:Q",
            # Centred under the bars: longer than the English (43 characters), it goes on two lines.
            title=fitted(_("Strongest evidence of benefit: none to high"), 44),
            # Room on the right for the word at the end of the longest bar.
            scale=alt.Scale(domain=[0, len(STRENGTH_ORDER) + 1]),
            axis=alt.Axis(labels=False, ticks=False, grid=False),
        ),
        "tooltip": [
            alt.Tooltip("label:N", title=_("Route")),
            alt.Tooltip("strength_words:N", title=_("Strongest evidence of benefit")),
        ],
    }
    colour = alt.Color("evidence_strength:N", scale=theme.colour_scale(theme.STRENGTH_COLOURS), legend=None)
    bars = alt.Chart(data).mark_bar(height=20).encode(color=colour, **encoding)
    # A dot at the bar's end keeps 'none' (a bar of length zero) visible; the word says what the bar means.
    dots = alt.Chart(data).mark_point(filled=True, size=80, opacity=1).encode(color=colour, **encoding)
    words = alt.Chart(data).mark_text(align="left", dx=10).encode(text="strength_words:N", **encoding)
    return alt.layer(bars, dots, words).properties(
        title=heading,
        height=_height(len(data), _row_height(order, 34), 0, heading),
        description=_("Bar chart. {title}. {routes}.").format(
            title=title, routes="; ".join(f"{r.label}: {r.strength_words}" for r in data.itertuples())
        ),
    )
