"""Home's lead: what is and is not approved, how far the doses disagree, and the dose-ladder chart that shows it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from core.analysis import dose_frames, doses, findings
from core.analysis.verdicts import approval_status, summary_of_findings
from core.data import Dataset
from core.text import format_count, md_escape

if TYPE_CHECKING:
    import altair as alt

# NOTE: Altair (and the theme, which registers with it) is imported inside the chart builder: Home's lead
# sentences are drawn before any chart, so a freshly started server shows them without waiting for Altair.

# Ladder groups, top to bottom: what the pages ask for, what trials tested, what a regulator approved.
GROUP_ORDER = ("page dose", "page course", "trials", "approved")
TRIAL_ROUTES = {"intra-articular knee": "Knee trials", "intradiscal": "Disc trials"}
APPROVED_LABEL_ID = "ryoncil_label"  # evidence row of the one approved MSC product with a dose


@dataclass(frozen=True)
class Lead:
    """One lead sentence and the data rows behind it (ids go to tables and downloads, never into the sentence)."""

    headline: str
    detail: str
    row_ids: tuple[str, ...]
    short: str = ""  # the one clause of the detail that belongs on a phone's first screen


# --- approval ------------------------------------------------------------------------------------


def approval(ds: Dataset) -> Lead:
    """What is and is not approved for knee and back pain, with the approved knee cell products as the exception."""
    status = approval_status(ds)
    detail = " ".join(part for part in (status.detail, status.exception) if part)
    return Lead(status.headline, detail, tuple(status.row_ids), short=status.exception)


# --- dose ladder ---------------------------------------------------------------------------------


def dose_ladder(ds: Dataset, weight_kg: float = doses.DEFAULT_WEIGHT_KG) -> pd.DataFrame:
    """One row per rung: each page's dose and largest course, the trial range by route, the approved IV dose."""
    norm = doses.normalise(ds, weight_kg)
    trials = doses.trial_doses(ds, weight_kg)
    rows: list[dict] = []
    cells = norm[norm["comparable"]]
    for source_id, group in cells.groupby("source_id", sort=False):
        name = group["short_label"].iloc[0]
        routes = sorted({r for r in group["route_label"] if r != "route not stated"})
        rows.append(
            _rung("page dose", f"{name}: one dose", group["cells_per_admin_low"].min(),
                  group["cells_per_admin_high"].max(), source_id, tuple(group["regimen_id"]),
                  f"As the page counts it (per knee, injection, session or day); routes: {', '.join(routes)}.")
        )  # fmt: skip
    courses = dose_frames.course_totals(norm)
    for source_id, group in courses.groupby("source_id", sort=False):
        top = group.loc[group[["low", "high"]].max(axis=1).idxmax()]
        high = top["high"] if pd.notna(top["high"]) else top["low"]
        note = "Printed by the page." if top["basis"] == "printed" else "Worked out by us: the page never prints it."
        if pd.isna(top["high"]):
            note += " The page sets no limit on sessions, so this is the least it could be."
        rows.append(
            _rung("page course", f"{top['short_label']}: largest course", top["low"], high, source_id,
                  tuple(top["regimen_ids"]), note)
        )  # fmt: skip
    for route, label in TRIAL_ROUTES.items():
        tested = trials[trials["route"] == route]
        if tested.empty:
            continue
        rows.append(
            _rung("trials", f"{label}: one dose", tested["cells_per_admin"].min(), tested["cells_per_admin"].max(),
                  "trials", tuple(dict.fromkeys(tested["evidence_id"])),
                  f"{tested['evidence_id'].nunique()} studies, cells per injection.")
        )  # fmt: skip
    approved = trials[trials["evidence_id"] == APPROVED_LABEL_ID]
    if not approved.empty:
        dose = approved["cells_per_admin"].iloc[0]
        rows.append(
            _rung("approved", "Approved IV dose, for another disease", dose, dose, "approved", (APPROVED_LABEL_ID,),
                  f"Ryoncil, approved in the US only for a children's immune disease (graft-versus-host disease); "
                  f"{format_count(approved['dose_as_tested'].iloc[0])} cells per kg, shown for a "
                  f"{weight_kg:g}-kg adult. Not approved for joints or backs.")
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=_LADDER_COLUMNS)
    return frame.reset_index(drop=True)


_LADDER_COLUMNS = ["group", "rung", "low", "high", "colour_key", "cells", "label", "note", "row_ids"]


def _rung(group: str, rung: str, low: float, high: float, key: str, ids: tuple[str, ...], note: str) -> dict:
    cells = doses.cells_range(low, high)
    return {
        "group": group,
        "rung": rung,
        "low": float(low),
        "high": float(high),
        "colour_key": key,
        "cells": cells,
        "label": f"{rung}: {cells}",
        "note": note,
        "row_ids": ids,
    }


def dose_lead(ladder: pd.DataFrame) -> Lead | None:
    """How far the pages' doses disagree with each other and with trials, in one sentence."""
    pages = ladder[ladder["group"] == "page dose"]
    trials = ladder[ladder["group"] == "trials"]
    if pages.empty:
        return None
    pages_spread = doses.spread(pages)
    headline = (
        f"The {_count_words(len(pages), 'page')} that give cell doses ask for {format_count(pages_spread.low)} to "
        f"{format_count(pages_spread.high)} cells a dose, the largest {pages_spread.fold:.0f} times the smallest, "
        "with no reason given."
    )
    details, short = [], ""
    if not trials.empty:
        short = f"Trials tested {format_count(trials['low'].min())} to {format_count(trials['high'].max())}."
        details.append(
            f"Trials in knees and discs tested {format_count(trials['low'].min())} to "
            f"{format_count(trials['high'].max())} cells per injection; there is no agreed dose."
        )
    courses = ladder[ladder["group"] == "page course"]
    if not courses.empty:
        details.append(
            f"The largest course on these pages adds up to {format_count(courses['high'].max())} cells, "
            "a sum the page never prints."
            if (ladder.loc[courses["high"].idxmax(), "note"]).startswith("Worked out")
            else f"The largest course on these pages adds up to {format_count(courses['high'].max())} cells."
        )
    ids = tuple(dict.fromkeys(i for ids in ladder["row_ids"] for i in ids))
    return Lead(headline, " ".join(details), ids, short)


def _count_words(n: int, noun: str) -> str:
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    return f"{words.get(n, str(n))} {noun}{'' if n == 1 else 's'}"


def ladder_title(ladder: pd.DataFrame) -> str:
    pages = ladder[ladder["group"] == "page dose"]
    trials = ladder[ladder["group"] == "trials"]
    if pages.empty:
        return "No page gives a cell dose to compare"
    title = f"The pages' doses differ {doses.spread(pages).fold:.0f}-fold"
    if not trials.empty:
        title += f"; trials tested {format_count(trials['low'].min())} to {format_count(trials['high'].max())}"
    return title


def _colour_scale(ladder: pd.DataFrame) -> alt.Scale:
    from core.charts import theme

    # Pages keep their colour from every other chart; trials are grey and the approved dose black, as elsewhere.
    mapping = {**theme.SOURCE_COLOURS, "trials": theme.TRIAL_GREY, "approved": theme.BLACK}
    return theme.colour_scale(mapping, list(dict.fromkeys(ladder["colour_key"])))


ROW_PX = 46


def dose_ladder_chart(ladder: pd.DataFrame) -> alt.LayerChart:
    """Each rung a range on one log scale of cells, its words written above it so nothing hides in a tooltip."""
    import altair as alt

    from core.charts import theme

    title = ladder_title(ladder)
    rungs = list(ladder["rung"])
    values = pd.concat([ladder["low"], ladder["high"]])
    low, high = (values.min(), values.max()) if not values.empty else (1e6, 1e9)
    # Room on the right for the last rung's words; ticks only at powers of ten a reader can name.
    domain = [low / 2, high * 2]
    ticks = [10.0**k for k in range(math.ceil(math.log10(domain[0])), math.floor(math.log10(domain[1])) + 1)]
    x = alt.X(
        "low:Q",
        title="Cells (log scale)",
        scale=alt.Scale(type="log", domain=domain, nice=False),
        axis=alt.Axis(values=ticks, labelExpr=doses_axis_label()),
    )
    y = alt.Y("rung:N", sort=rungs, title=None, axis=None, scale=alt.Scale(paddingInner=0.55, paddingOuter=0.3))
    color = alt.Color("colour_key:N", scale=_colour_scale(ladder), legend=None)
    tooltip = [alt.Tooltip("rung:N", title="What"), alt.Tooltip("cells:N", title="Cells"),
               alt.Tooltip("note:N", title="Note")]  # fmt: skip
    base = alt.Chart(ladder)
    rule = base.mark_rule(strokeWidth=5).encode(x=x, x2="high:Q", y=y, color=color, tooltip=tooltip)
    ends = [
        base.mark_point(filled=True, size=140, opacity=1, shape="diamond" if end == "approved" else "circle").encode(
            x=alt.X(f"{end}:Q"), y=y, color=color, tooltip=tooltip
        )
        for end in ("low", "high")
    ]
    words = base.mark_text(align="left", baseline="bottom", dy=-9, fontSize=14, limit=0).encode(
        x=alt.datum(domain[0]), y=y, text="label:N", color=alt.value("#1a1a1a")
    )
    heading = theme.wrapped_title(
        title,
        "Cells per dose, and per whole course, on one scale. Colours: the pages. Grey: doses trials tested. "
        "Black: the one approved stem-cell drip, for a different disease.",
    )
    return alt.layer(rule, *ends, words).properties(
        title=heading,
        height=len(rungs) * ROW_PX + 22 * theme.title_lines(heading) + 60,
        description=(f"Dose ladder. {title}. " + " ".join(f"{r.rung}: {r.cells}." for r in ladder.itertuples())),
    )


def doses_axis_label() -> str:
    return (
        "datum.value >= 1e9 ? format(datum.value / 1e9, '~g') + ' billion' : "
        "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' million' : format(datum.value, ',~g')"
    )


LADDER_CAPTION = (
    "What this cannot tell you: which dose works. There is no agreed dose, and a bigger number is not a better "
    "treatment. Pages count per knee, injection, session or day, as they print it; course totals the page never "
    "prints are our arithmetic. Cells from different sources and routes are not interchangeable. Sources: the five "
    "archived pages, the trials on the Evidence page, and the US label of the approved product."
)


def lead_markdown(view: HomeView | LeadView) -> str:
    """The finding as Markdown for the first screen: approval first, then the doses, escaped."""
    parts = [f"**{md_escape(view.approval.headline)}** {md_escape(view.approval.short)}".strip()]
    if view.doses is not None:
        parts.append(f"**{md_escape(view.doses.headline)}** {md_escape(view.doses.short)}".strip())
    return "\n\n".join(parts)


def lead_text(view: HomeView | LeadView) -> str:
    """The same finding as plain text (for the glossary and the handout)."""
    leads = [view.approval] + ([view.doses] if view.doses else [])
    return " ".join(f"{x.headline} {x.detail}".strip() for x in leads)


def key_points(ds: Dataset) -> list[Lead | findings.Finding]:
    """Home's findings in reading order, lead first: what Home, the handout and the room all say."""
    ladder = dose_ladder(ds)
    dose = dose_lead(ladder)
    # The handout has no summary-of-findings list, so it keeps the largest knee trial among its points.
    trial = findings.largest_trial(ds, "knee osteoarthritis")
    return [approval(ds), *([dose] if dose else []), *([trial] if trial else []), *_other_findings(ds)]


def _other_findings(ds: Dataset) -> list[findings.Finding]:
    # The dose findings are the lead and the chart; what trials found is the summary of findings above these.
    found = (
        findings.claims_as_fact(ds),
        findings.harms_documented(ds),
    )
    return [f for f in found if f is not None]


# --- the view ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadView:
    approval: Lead
    doses: Lead | None


def lead_view(ds: Dataset) -> LeadView:
    """Only the lead sentences (no chart): the first thing a phone shows, so it is computed first."""
    return LeadView(approval(ds), dose_lead(dose_ladder(ds)))


@dataclass(frozen=True)
class HomeView:
    approval: Lead
    doses: Lead | None
    ladder: pd.DataFrame
    ladder_table: pd.DataFrame
    ladder_chart: dict
    findings: list[findings.Finding]
    sources_table: pd.DataFrame


def home_view(ds: Dataset) -> HomeView:
    """Everything Home shows, computed once per data version."""
    from core.charts.export import to_spec

    ladder = dose_ladder(ds)
    found = _other_findings(ds)
    lead = dose_lead(ladder)
    approval_lead = approval(ds)
    leads = [("Approval", approval_lead)] + ([("Doses", lead)] if lead else [])
    sources = pd.DataFrame(
        [{"finding": f"{name}: {x.headline}", "rows behind it": " ".join(x.row_ids)} for name, x in leads]
        + [{"finding": f.headline, "rows behind it": " ".join(f.row_ids)} for f in found]
    )
    table = ladder.assign(row_ids=ladder["row_ids"].map(" ".join))[["rung", "cells", "low", "high", "note", "row_ids"]]
    return HomeView(
        approval=approval_lead,
        doses=lead,
        ladder=ladder,
        ladder_table=table.rename(columns={"rung": "what", "low": "cells_low", "high": "cells_high"}),
        ladder_chart=to_spec(dose_ladder_chart(ladder)),
        findings=found,
        sources_table=sources,
    )


def studies_show_markdown(ds: Dataset) -> str:
    """What studies show, one line per question: the first (headline) outcome of each in the summary of findings."""
    sof = summary_of_findings(ds).drop_duplicates("question", keep="first")

    def against(comparator: str) -> str:
        return f" ({comparator})" if comparator.startswith("no ") else f", against {comparator}"

    return "\n".join(
        f"- **{md_escape(row.question)}** {md_escape(row.outcome + against(row.comparator))}: "
        f"{md_escape(row.effect_plain)} "
        f"*({md_escape(row.certainty)} certainty; {md_escape(row.size)})*"
        for row in sof.itertuples()
    )
