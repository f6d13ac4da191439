"""Chart builders for mechanisms, evidence, regulation and source quality: DataFrame in, alt.Chart out."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from core.analysis import vocab
from core.analysis.claims import BENEFIT_KINDS, COMPARISON_ORDER
from core.analysis.rubric import VERDICT_ORDER as RUBRIC_VERDICTS
from core.charts import theme

KNEE_BACK = ("knee osteoarthritis", "discogenic low back pain")
_EDGE = "#9aa0a6"
_title = theme.wrapped_title
_SPLIT_LABEL = theme.LABEL_LINES


def _lines(label: str, width: int = 16) -> str:
    return theme.split_label(label.replace("/", "/ "), width).replace("/ ", "/")


def _column_axis() -> alt.Axis:
    # Upright text would need ~100 px per page on a phone; turned a quarter, every name is whole in ~20 px.
    return alt.Axis(orient="top", labelAngle=-90, labelAlign="left", labelBaseline="middle", labelLimit=0,
                    labelOverlap=False, labelPadding=6)  # fmt: skip


def _step(rows: list[str]) -> int:
    """Row height that fits the longest multi-line row label (with room to tell one row's label from the next)."""
    lines = max((r.count("|") + 1 for r in rows), default=1)
    return max(34, 17 * lines + (4 if lines > 2 else 2))


def _text_colour(fills: pd.Series) -> pd.Series:
    """Black or white text for each cell, whichever reads on its fill."""
    return fills.map(theme.text_on)


# --- mechanisms ----------------------------------------------------------------------------------


def mechanism_matrix_chart(matrix: pd.DataFrame) -> alt.LayerChart:
    """Grid of mechanism × page, coloured and labelled by how firmly each page asserts it; rows say what trials show."""
    topics = list(dict.fromkeys(matrix["topic"]))
    sources = list(dict.fromkeys(matrix["short_label"]))
    status = matrix.drop_duplicates("topic").set_index("topic")["status_short"]
    # What trials show goes on the row's own label (second line), so a phone needs no sixth column.
    row_of = {t: _lines(t, 20) + "|trials: " + status[t] for t in topics}
    cells = matrix.assign(
        row=matrix["topic"].map(row_of),
        column=matrix["short_label"],
        fill=matrix["stated_as"].map(theme.STATED_AS_COLOURS).fillna("#ffffff"),
    )[["topic", "row", "column", "short_label", "label", "stated_as", "n_claims", "claim_ids", "evidence_status",
       "fill"]]  # fmt: skip
    cells = cells.assign(text_colour=_text_colour(cells["fill"]))
    fact_pages = matrix.loc[matrix["stated_as"] == "as fact", "short_label"].nunique()
    established = matrix.drop_duplicates("topic")["evidence_status"].eq("established").sum()
    settled = "none" if established == 0 else f"only {established}"
    title = (
        f"{fact_pages} of {len(sources)} pages state how the cells work as plain fact; trials have established "
        f"{settled} of these {len(topics)} mechanisms"
    )
    x = alt.X("column:N", title=None, sort=sources, axis=_column_axis())
    y = alt.Y("row:N", title=None, sort=[row_of[t] for t in topics], axis=theme.wrapped_axis())
    tooltip = [
        alt.Tooltip("topic:N", title="Mechanism"),
        alt.Tooltip("short_label:N", title="Page"),
        alt.Tooltip("stated_as:N", title="Strongest wording"),
        alt.Tooltip("n_claims:Q", title="Claims"),
        alt.Tooltip("claim_ids:N", title="Claim ids"),
        alt.Tooltip("evidence_status:N", title="What trials show"),
    ]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    claim_cells = base.mark_rect(stroke=_EDGE, strokeWidth=0.5).encode(
        color=alt.Color(
            "stated_as:N",
            title="How firmly the page says it",
            scale=theme.colour_scale(theme.STATED_AS_COLOURS, (*vocab.STATED_AS, vocab.NOT_CLAIMED)),
        )
    )
    text = base.mark_text(fontSize=theme.MARK_TEXT_SIZE).encode(
        text="label:N", color=alt.Color("text_colour:N", scale=None)
    )
    return alt.layer(claim_cells, text).properties(
        title=_title(title, "Each cell: the firmest wording a page uses."),
        height=alt.Step(_step(list(row_of.values()))),
        description=(
            f"Grid chart. {title}. Rows are the {len(topics)} claimed mechanisms, each with what trials show; "
            f"columns are the {len(sources)} pages; each cell is labelled fact, hedged, anecdote or a dash for "
            "not claimed."
        ),
    )


# --- evidence ------------------------------------------------------------------------------------


def knee_back_studies(overview: pd.DataFrame) -> pd.DataFrame:
    """Studies of people with knee osteoarthritis or disc back pain that test whether the cells help."""
    return overview[overview["condition"].isin(KNEE_BACK) & overview["kind"].isin(BENEFIT_KINDS)]


def evidence_title(overview: pd.DataFrame) -> str:
    knee_back = knee_back_studies(overview)
    if knee_back.empty:
        return f"None of the {len(overview)} studies shown tested cells for knee or back pain"
    placebo = int((knee_back["comparison"] == "placebo or sham").sum())
    title = (
        f"Only {placebo} of the {len(knee_back)} knee and back studies we list compared cells with a placebo or sham"
    )
    others = len(overview) - len(knee_back)
    if others:
        title += f"; {others} more are on other diseases, animals or background"
    return title


def evidence_chart(overview: pd.DataFrame) -> alt.Chart:
    """Every study as a dot by year, stacked within its condition's row, shaped and coloured by comparison."""
    title = evidence_title(overview)
    order = list(COMPARISON_ORDER)
    data = overview[
        ["id", "short_name", "kind", "year", "condition", "route", "condition_route", "comparison", "design", "size",
         "doses", "comparator", "main_finding", "certainty", "verification", "funding"]
    ]  # fmt: skip
    data = data.assign(
        # One row per condition (its route is in the tooltip and the table): fewer, fuller rows on a phone.
        row=data["condition"].map(lambda v: theme.split_label(v, 16)),
        rank=data["comparison"].map(lambda c: order.index(c) if c in order else len(order)),
    ).sort_values(["row", "year", "rank", "id"])
    # Studies of one row and year stack upwards instead of hiding behind each other.
    data = data.assign(stack=data.groupby(["row", "year"]).cumcount())
    # Knee and back rows first, then the rest alphabetically.
    first = data.assign(other=~data["condition"].isin(KNEE_BACK)).sort_values(["other", "row"])
    rows = list(dict.fromkeys(first["row"]))
    tallest = int(data["stack"].max()) + 1 if not data.empty else 1
    centred = [*range(tallest - 1 - (tallest - 1) % 2, -1, -2), *range(1, tallest, 2)]
    return (
        alt.Chart(data)
        .mark_point(size=110, filled=True, opacity=0.9, stroke="#ffffff", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "year:Q",
                title="Year published",
                scale=alt.Scale(zero=False, nice=False, padding=14),
                axis=alt.Axis(format="d", tickMinStep=1, tickCount=5),
            ),
            y=alt.Y("row:N", title=None, sort=rows, axis=theme.wrapped_axis()),
            # The first study of a year sits level with the row's label, the next ones alternate below and above.
            yOffset=alt.YOffset("stack:O", sort=centred, scale=alt.Scale(paddingInner=0)),
            color=alt.Color(
                "comparison:N",
                title="Compared with",
                scale=theme.colour_scale(theme.COMPARISON_COLOURS, order),
            ),
            shape=alt.Shape(
                "comparison:N",
                title="Compared with",
                scale=alt.Scale(domain=order, range=list(theme.COMPARISON_SHAPES)),
            ),
            tooltip=[
                alt.Tooltip("short_name:N", title="Study"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("condition:N", title="Condition"),
                alt.Tooltip("route:N", title="Route"),
                alt.Tooltip("design:N", title="Design"),
                alt.Tooltip("size:N", title="Size"),
                alt.Tooltip("doses:N", title="Doses"),
                alt.Tooltip("comparator:N", title="Comparator"),
                alt.Tooltip("main_finding:N", title="Finding"),
                alt.Tooltip("certainty:N", title="Certainty"),
                alt.Tooltip("verification:N", title="Checked"),
            ],
        )
        .properties(
            title=_title(title, "Each dot is one study, by year; studies of one year stack up."),
            height=len(rows) * max(40, 13 * tallest + 10) + 24 * 4 + 22 * len(order) + 110,
            description=(
                f"Dot chart. {title}. Each of the {len(data)} studies is a dot placed by year, in a row for its "
                "condition; shape and colour show whether it compared cells with a placebo or sham, "
                "another treatment, nothing, or was not a test of benefit."
            ),
        )
    )


# --- regulation ----------------------------------------------------------------------------------

# A mark and its label take up this many years of the axis on a phone (about 7 px per year at 390 px).
_MARK_YEARS, _CHAR_YEARS = 1.4, 1.3
_PRODUCT = re.compile(r"(?:approves|licenses|authorises|authorizes)\s+([\w-]+)|^([\w-]+)\s*\(", re.IGNORECASE)


def approval_label(title: str) -> str:
    """The product's name in an approval's title ("FDA approves Ryoncil (...)" → "Ryoncil"), else "approval"."""
    match = _PRODUCT.search(title)
    name = (match.group(1) or match.group(2)) if match else ""
    return name or "approval"


def _lanes(timeline: pd.DataFrame) -> pd.Series:
    """Within each jurisdiction, the first lane where a mark (and its label) does not overlap an earlier one."""
    lanes = pd.Series(0, index=timeline.index)
    last = timeline["date_start"].max() if not timeline.empty else pd.Timestamp("2000-01-01")
    for _, group in timeline.sort_values("date_start").groupby("jurisdiction", sort=False):
        ends: list[float] = []
        for index, row in group.iterrows():
            year = row["date_start"].year + row["date_start"].day_of_year / 366
            width = _CHAR_YEARS * len(row["label"]) if row["label"] else 0
            # Labels near the end of the axis are drawn to the left of their mark.
            left_of = (last - row["date_start"]).days < 6 * 365
            start, end = (year - _MARK_YEARS - width, year + _MARK_YEARS) if left_of else (
                year - _MARK_YEARS, year + _MARK_YEARS + width)  # fmt: skip
            lane = next((i for i, e in enumerate(ends) if e <= start), len(ends))
            if lane < len(ends):
                ends[lane] = end
            else:
                ends.append(end)
            lanes[index] = lane
    return lanes


def against_words(timeline: pd.DataFrame) -> str:
    against = int(timeline["kind"].isin(["consumer warning", "safety alert", "court ruling"]).sum())
    return f"{against} are warnings, alerts or court rulings"


def regulatory_title(timeline: pd.DataFrame) -> str:
    """What the approvals are for, read from their own titles and summaries, and how many statements warn."""
    approvals = timeline[timeline["kind"] == "approval"]
    against = int(timeline["kind"].isin(["consumer warning", "safety alert", "court ruling"]).sum())
    n = len(approvals)
    if n == 0:
        return f"No approvals among these statements; {against} warnings, alerts and court rulings"
    knee = approvals[approvals["title"].str.contains(r"\bknee", case=False, regex=True)]
    back = approvals[approvals["title"].str.contains(r"\b(?:back|spine|spinal|disc)\b", case=False, regex=True)]
    surgical = knee["summary"].str.contains("surg", case=False)
    names = ", ".join(approval_label(t) for t in knee["title"])
    every = "the 1 approval is" if n == 1 else f"the {n} approvals is"
    if knee.empty and back.empty:
        return f"None of {every} for knee or back pain; {against} warnings, alerts and court rulings"
    if back.empty and surgical.all():
        which = f"the one for knees ({names}) is" if len(knee) == 1 else f"the {len(knee)} for knees ({names}) are"
        return f"None of {every} a shot for knee or back pain; {which} put in by surgery"
    return f"Of {n} approvals, {len(knee)} are for knees ({names}) and {len(back)} for backs"


def regulatory_timeline_chart(timeline: pd.DataFrame) -> alt.LayerChart:
    """Regulator and court statements on a time line: each jurisdiction a labelled band of rows, approvals named."""
    kinds = list(dict.fromkeys([*theme.STATEMENT_COLOURS, *timeline["kind"]]))
    title = regulatory_title(timeline)
    data = timeline[["id", "date_start", "date", "jurisdiction", "body", "kind", "title", "summary", "verification"]]
    names = [approval_label(t) if k == "approval" else "" for k, t in zip(data["kind"], data["title"], strict=True)]
    data = data.assign(label=names)
    data = data.assign(lane=_lanes(data))
    last = data["date_start"].max() if not data.empty else pd.Timestamp("2000-01-01")
    data = data.assign(left_of=[(last - d).days < 6 * 365 for d in data["date_start"]])
    # One row per lane; a jurisdiction's name sits on its first lane, so every mark is beside its own label.
    jurisdictions = list(dict.fromkeys(data.sort_values("date_start")["jurisdiction"]))
    keys = [f"{j}~{lane}" for j in jurisdictions for lane in range(int(data.loc[data["jurisdiction"] == j,
                                                                                     "lane"].max()) + 1)]  # fmt: skip
    data = data.assign(key=data["jurisdiction"] + "~" + data["lane"].astype(str))
    y = alt.Y(
        "key:N",
        title=None,
        sort=keys,
        scale=alt.Scale(paddingInner=0, paddingOuter=0.2),
        axis=alt.Axis(labelExpr="split(datum.label, '~')[1] == '0' ? split(datum.label, '~')[0] : ''",
                      labelLimit=0, ticks=False, grid=False, domain=False),
    )  # fmt: skip
    x = alt.X(
        "date_start:T",
        title="Date (first day of the stated year or month)",
        scale=alt.Scale(padding=14),
        axis=alt.Axis(tickCount=5),
    )
    tooltip = [
        alt.Tooltip("date:N", title="Date as stated"),
        alt.Tooltip("jurisdiction:N", title="Where"),
        alt.Tooltip("body:N", title="Who"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("title:N", title="Title"),
        alt.Tooltip("summary:N", title="What it says"),
        alt.Tooltip("verification:N", title="Checked"),
    ]
    base = alt.Chart(data)
    # A thin line above each jurisdiction's first lane separates the bands.
    separators = (
        alt.Chart(pd.DataFrame({"key": [f"{j}~0" for j in jurisdictions[1:]]}))
        .mark_rule(color="#d9d9d9", strokeWidth=1)
        .encode(y=alt.Y("key:N", sort=keys, bandPosition=0))
    )
    points = base.mark_point(size=130, filled=True, opacity=1, stroke="#ffffff", strokeWidth=0.5).encode(
        x=x,
        y=y,
        color=alt.Color("kind:N", title="Kind of statement", scale=theme.colour_scale(theme.STATEMENT_COLOURS, kinds)),
        shape=alt.Shape(
            "kind:N", title="Kind of statement",
            scale=alt.Scale(domain=kinds, range=[*theme.STATEMENT_SHAPES, *["circle"] * len(kinds)][: len(kinds)]),
        ),
        tooltip=tooltip,
    )  # fmt: skip
    labels = [
        base.transform_filter((alt.datum.label != "") & (alt.datum.left_of == side))
        .mark_text(align="right" if side else "left", dx=-10 if side else 10, fontWeight=600)
        .encode(x=x, y=y, text="label:N", tooltip=tooltip)
        for side in (False, True)
    ]
    return alt.layer(separators, points, *labels).properties(
        title=_title(title, f"Each mark is one statement, by date and place; {against_words(timeline)}."),
        height=22 * len(keys) + 24 * 5 + 22 * 4 + 110,
        description=(
            f"Time line. {title}. {len(data)} statements by regulators, courts and professional bodies, placed by "
            f"date in a band for each of {len(jurisdictions)} jurisdictions ({', '.join(jurisdictions)}); shape and "
            "colour show the kind of statement, and each approval is labelled with the product's name."
        ),
    )


# --- source quality ------------------------------------------------------------------------------


def rubric_grid_chart(grid: pd.DataFrame, totals: pd.DataFrame) -> alt.LayerChart:
    """Checklist item × page grid, coloured and labelled by verdict; pages ordered from best to worst score."""
    items = list(dict.fromkeys(grid["dimension"]))
    pages = list(totals["short_label"])
    failed_by_all = grid.groupby("item_id")["verdict"].agg(lambda v: set(v) == {"no"})
    low, high = totals["share"].min(), totals["share"].max()
    title = (
        f"The pages score {low:.0%} to {high:.0%} of the source-quality checklist; all fail "
        f"{int(failed_by_all.sum())} of {len(items)} items outright"
    )
    data = grid[["short_label", "dimension", "question", "rubric", "verdict", "verdict_short", "points",
                 "max_points", "justification"]]  # fmt: skip
    data = data.assign(
        row=data["dimension"].map(lambda v: _lines(v, 20)),
        column=data["short_label"],
        fill=data["verdict"].map(theme.RUBRIC_COLOURS).fillna(theme.MUTED),
    )
    data = data.assign(text_colour=_text_colour(data["fill"]))
    base = alt.Chart(data).encode(
        x=alt.X("column:N", title=None, sort=pages, axis=_column_axis()),
        y=alt.Y("row:N", title=None, sort=[_lines(i, 20) for i in items], axis=theme.wrapped_axis()),
        tooltip=[
            alt.Tooltip("short_label:N", title="Page"),
            alt.Tooltip("dimension:N", title="Item"),
            alt.Tooltip("question:N", title="Question"),
            alt.Tooltip("verdict:N", title="Verdict"),
            alt.Tooltip("points:Q", title="Points"),
            alt.Tooltip("justification:N", title="Why"),
            alt.Tooltip("rubric:N", title="Rubric"),
        ],
    )
    cells = base.mark_rect(stroke=_EDGE, strokeWidth=0.5).encode(
        color=alt.Color(
            "verdict:N",
            title="Meets the item?",
            scale=theme.colour_scale(theme.RUBRIC_COLOURS, RUBRIC_VERDICTS),
            legend=alt.Legend(direction="horizontal", columns=2),
        )
    )
    text = base.mark_text(fontSize=theme.MARK_TEXT_SIZE).encode(
        text="verdict_short:N", color=alt.Color("text_colour:N", scale=None)
    )
    return alt.layer(cells, text).properties(
        title=_title(title, "Yes = full points, partly = half, no = 0."),
        height=alt.Step(_step([_lines(i, 20) for i in items])),
        description=(
            f"Grid chart. {title}. Rows are the {len(items)} checklist items, columns the {len(pages)} pages from "
            "best to worst score; each cell is labelled yes, partly, no or n/a."
        ),
    )
