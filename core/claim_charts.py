"""Chart builders for mechanisms, evidence, regulation and source quality: DataFrame in, alt.Chart out."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from core import theme
from core.claims import ASSERTION_ORDER, BENEFIT_KINDS, COMPARISON_ORDER
from core.rubric import VERDICT_ORDER as RUBRIC_VERDICTS

EVIDENCE_COLUMN = "What trials show"
_BLANK = "#ffffff"
_MUTED = "#f2f4f7"
_EDGE = "#9aa0a6"


def _title(text: str, subtitle: str) -> alt.Title:
    # Vega never wraps a title, so break it into lines short enough for a 390 px phone screen.
    return alt.Title(textwrap.wrap(text, 38, break_on_hyphens=False), subtitle=textwrap.wrap(subtitle, 50))


# Vega draws an array of strings as lines: labels carry '|' where _lines breaks them, so long names fit a phone.
_SPLIT_LABEL = "split(datum.label, '|')"


def _lines(label: str, width: int = 16) -> str:
    return "|".join(textwrap.wrap(label.replace("/", "/ "), width, break_long_words=False)).replace("/ ", "/")


def _colours(*indexes: int) -> list[str]:
    palette = theme.palette()
    return [palette[i] for i in indexes]


# --- mechanisms ----------------------------------------------------------------------------------


def mechanism_matrix_chart(matrix: pd.DataFrame) -> alt.LayerChart:
    """Grid of mechanism × source coloured and labelled by how firmly each page asserts it, with a trials column."""
    topics = list(dict.fromkeys(matrix["topic"]))
    sources = list(dict.fromkeys(matrix["short_label"]))
    claims = matrix.assign(column=matrix["short_label"], cell=matrix["label"], layer="claim")
    status = matrix.drop_duplicates("topic").assign(
        column=EVIDENCE_COLUMN, cell=lambda f: f["status_short"], layer="evidence", stated_as="", n_claims=0
    )
    cells = pd.concat([claims, status], ignore_index=True)[
        ["topic", "column", "cell", "layer", "stated_as", "n_claims", "claim_ids", "evidence_status"]
    ]
    cells["row"] = cells["topic"].map(_lines)
    fact_pages = matrix.loc[matrix["stated_as"] == "as fact", "short_label"].nunique()
    established = matrix.drop_duplicates("topic")["evidence_status"].eq("established").sum()
    settled = "none" if established == 0 else f"only {established}"
    title = (
        f"{fact_pages} of {len(sources)} pages state how the cells work as plain fact; trials have established "
        f"{settled} of these {len(topics)} mechanisms"
    )
    x = alt.X("column:N", title=None, sort=[*sources, EVIDENCE_COLUMN],
              axis=alt.Axis(orient="top", labelAngle=-35, labelLimit=120))  # fmt: skip
    y = alt.Y("row:N", title=None, sort=[_lines(t) for t in topics], axis=alt.Axis(labelExpr=_SPLIT_LABEL))
    tooltip = [
        alt.Tooltip("topic:N", title="Mechanism"),
        alt.Tooltip("column:N", title="Page"),
        alt.Tooltip("stated_as:N", title="Strongest wording"),
        alt.Tooltip("n_claims:Q", title="Claims"),
        alt.Tooltip("claim_ids:N", title="Claim ids"),
        alt.Tooltip("evidence_status:N", title="What trials show"),
    ]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    claim_cells = (
        base.transform_filter(alt.datum.layer == "claim")
        .mark_rect(stroke=_EDGE, strokeWidth=0.5)
        .encode(
            color=alt.Color(
                "stated_as:N",
                title="How firmly the page says it",
                scale=alt.Scale(domain=list(ASSERTION_ORDER), range=[*_colours(3, 4, 1, 7), _BLANK]),
            )
        )
    )
    trial_cells = base.transform_filter(alt.datum.layer == "evidence").mark_rect(
        fill=_MUTED, stroke=_EDGE, strokeWidth=0.5
    )
    text = base.mark_text(fontSize=10, color="#1a1a1a", lineBreak=" ").encode(text="cell:N")
    return alt.layer(claim_cells, trial_cells, text).properties(
        title=_title(title, "Strongest wording each page uses for each mechanism; last column: what trials show"),
        height=alt.Step(34),
        description=(
            f"Grid chart. {title}. Rows are the {len(topics)} claimed mechanisms, columns the {len(sources)} pages; "
            "each cell is labelled fact, hedged, anecdote or a dash for not claimed. The last column gives the "
            "evidence status of each mechanism."
        ),
    )


# --- evidence ------------------------------------------------------------------------------------


def evidence_chart(overview: pd.DataFrame) -> alt.Chart:
    """Every study as a point by year and condition · route, shaped and coloured by what it was compared with."""
    knee_back = overview[
        overview["condition"].isin(["knee osteoarthritis", "discogenic low back pain"])
        & overview["kind"].isin(BENEFIT_KINDS)
    ]
    placebo = int((knee_back["comparison"] == "placebo or sham").sum())
    title = (
        f"Only {placebo} of the {len(knee_back)} knee and back studies we list compared cells with a placebo or sham"
        if len(knee_back)
        else f"None of the {len(overview)} studies shown tested cells for knee or back pain"
    )
    data = overview[
        ["short_name", "kind", "year", "condition_route", "comparison", "design", "size", "doses", "comparator",
         "main_finding", "certainty", "verification", "funding"]
    ]  # fmt: skip
    order = list(COMPARISON_ORDER)
    return (
        alt.Chart(data)
        .mark_point(size=90, filled=True, opacity=0.85)
        .encode(
            x=alt.X(
                "year:Q",
                title="Year published",
                scale=alt.Scale(zero=False, nice=False, padding=12),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y("condition_route:N", title=None, axis=alt.Axis(labelExpr="split(datum.label, ' · ')")),
            yOffset=alt.YOffset("jitter:Q"),
            color=alt.Color(
                "comparison:N",
                title="Compared with",
                scale=alt.Scale(domain=order, range=_colours(2, 0, 3, 6)),
                legend=alt.Legend(labelLimit=280),
            ),
            shape=alt.Shape(
                "comparison:N",
                title="Compared with",
                scale=alt.Scale(domain=order, range=["circle", "square", "triangle-up", "cross"]),
            ),
            tooltip=[
                alt.Tooltip("short_name:N", title="Study"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("year:Q", title="Year", format="d"),
                alt.Tooltip("design:N", title="Design"),
                alt.Tooltip("size:N", title="Size"),
                alt.Tooltip("doses:N", title="Doses"),
                alt.Tooltip("comparator:N", title="Comparator"),
                alt.Tooltip("main_finding:N", title="Finding"),
                alt.Tooltip("certainty:N", title="Certainty"),
                alt.Tooltip("verification:N", title="Checked"),
            ],
        )
        .transform_calculate(jitter="(random() - 0.5) * 0.6")
        .properties(
            title=_title(title, "Each point is one study, by year of publication and condition · route"),
            height=alt.Step(36),
            description=(
                f"Dot chart. {title}. Each of the {len(data)} studies is a point placed by year and by condition "
                "and route; shape and colour show whether it compared cells with a placebo or sham, another "
                "treatment, nothing, or was not a test of benefit."
            ),
        )
    )


def regulatory_timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """Regulator and court statements on a time line, one row per jurisdiction, shaped and coloured by kind."""
    kinds = list(dict.fromkeys(["approval", "consumer warning", "safety alert", "rule or framework", "court ruling",
                                "professional guidance", *timeline["kind"]]))  # fmt: skip
    approvals = int((timeline["kind"] == "approval").sum())
    against = int(timeline["kind"].isin(["consumer warning", "safety alert", "court ruling"]).sum())
    first, last = timeline["date_start"].min().year, timeline["date_start"].max().year
    relation = "outnumber" if against > approvals else "do not outnumber"
    title = f"Warnings, alerts and court rulings ({against}) {relation} approvals ({approvals}), {first}–{last}"
    data = timeline[["date_start", "date", "jurisdiction", "body", "kind", "title", "summary", "verification"]]
    return (
        alt.Chart(data)
        .mark_point(size=110, filled=True, opacity=0.9)
        .encode(
            x=alt.X("date_start:T", title="Date (first day of the stated year or month)", axis=alt.Axis(tickCount=8)),
            # Statements of different kinds on nearby dates would hide each other: give each kind its own lane.
            yOffset=alt.YOffset("kind:N", sort=kinds),
            y=alt.Y("jurisdiction:N", title=None, axis=alt.Axis(labelLimit=120)),
            color=alt.Color("kind:N", title="Kind", scale=alt.Scale(domain=kinds, range=_colours(2, 1, 3, 0, 6, 4))),
            shape=alt.Shape(
                "kind:N",
                title="Kind",
                scale=alt.Scale(
                    domain=kinds, range=["circle", "triangle-up", "diamond", "square", "cross", "triangle-down"]
                ),
            ),
            tooltip=[
                alt.Tooltip("date:N", title="Date as stated"),
                alt.Tooltip("jurisdiction:N", title="Where"),
                alt.Tooltip("body:N", title="Who"),
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("title:N", title="Title"),
                alt.Tooltip("summary:N", title="What it says"),
                alt.Tooltip("verification:N", title="Checked"),
            ],
        )
        .properties(
            title=_title(title, "Each point is one statement, by date and jurisdiction"),
            height=alt.Step(60),
            description=(
                f"Time line. {title}. {len(data)} statements by regulators, courts and professional bodies are "
                "placed by date on one row per jurisdiction; shape and colour show the kind of statement."
            ),
        )
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
    data = data.assign(row=data["dimension"].map(_lines))
    base = alt.Chart(data).encode(
        x=alt.X("short_label:N", title=None, sort=pages, axis=alt.Axis(orient="top", labelAngle=-35, labelLimit=120)),
        y=alt.Y("row:N", title=None, sort=[_lines(i) for i in items], axis=alt.Axis(labelExpr=_SPLIT_LABEL)),
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
            scale=alt.Scale(domain=list(RUBRIC_VERDICTS), range=[*_colours(2, 1, 3), _MUTED]),
        )
    )
    text = base.mark_text(fontSize=10, color="#1a1a1a").encode(text="verdict_short:N")
    return alt.layer(cells, text).properties(
        title=_title(title, "Points per item: yes = full weight, partly = half, no = 0; pages best first"),
        height=alt.Step(34),
        description=(
            f"Grid chart. {title}. Rows are the {len(items)} checklist items, columns the {len(pages)} pages from "
            "best to worst score; each cell is labelled yes, partly, no or n/a."
        ),
    )
