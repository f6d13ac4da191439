"""Pure chart builders for the five pages: a DataFrame in, an alt.Chart out, with a title that states the finding."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import i18n
from core.analysis import vocab
from core.analysis.rubric import VERDICT_ORDER as RUBRIC_VERDICTS
from core.analysis.rubric import verdict_words
from core.analysis.sources import stated_as_words
from core.charts import theme

EDGE = "#9aa0a6"


def lines(label: str, width: int = 16) -> str:
    return theme.split_label(label.replace("/", "/ "), width).replace("/ ", "/")


def column_axis() -> alt.Axis:
    # Upright text would need ~100 px per page on a phone; turned a quarter, every name is whole in ~20 px.
    return alt.Axis(orient="top", labelAngle=-90, labelAlign="left", labelBaseline="middle", labelLimit=0,
                    labelOverlap=False, labelPadding=6)  # fmt: skip


def step(rows: list[str]) -> int:
    """Row height that fits the longest multi-line row label (with room to tell one row's label from the next)."""
    most = max((r.count("|") + 1 for r in rows), default=1)
    return max(34, 17 * most + (4 if most > 2 else 2))


def text_colour(fills: pd.Series) -> pd.Series:
    """Black or white text for each cell, whichever reads on its fill."""
    return fills.map(theme.text_on)


# --- claims per page -----------------------------------------------------------------------------


def claims_title(profile: pd.DataFrame, lang: str = "en") -> str:
    total = int(profile[list(vocab.STATED_AS)].to_numpy().sum()) if not profile.empty else 0
    if total == 0:
        return i18n.gettext(lang, "No claims recorded")
    fact = int(profile["as fact"].sum())
    most = profile.loc[profile["as fact"].idxmax()]
    return i18n.gettext(
        lang, "{fact} of the {total} claims are stated as plain fact; {page} states the most ({most})"
    ).format(fact=fact, total=total, page=most["short_label"], most=int(most["as fact"]))


def claims_by_stated_as(profile: pd.DataFrame, lang: str = "en") -> alt.Chart:
    """Stacked bars: how many claims each source makes, split by how firmly it states them."""
    _ = i18n.bound(lang)
    words = stated_as_words(lang)
    order = [words[s] for s in vocab.STATED_AS]
    long = profile.melt(
        id_vars=["short_label"], value_vars=list(vocab.STATED_AS), var_name="stated_as", value_name="n_claims"
    )
    # The chart's own copy reads in the language; the colours follow the same order as the codes.
    long = long.assign(
        row=long["short_label"].map(lambda v: theme.split_label(v, 20)), stated_as=long["stated_as"].map(words)
    )
    colours = {words[s]: theme.STATED_AS_COLOURS[s] for s in vocab.STATED_AS}
    title = claims_title(profile, lang)
    return (
        alt.Chart(long, title=theme.wrapped_title(title, _("Claims per page, by how firmly the page states them")))
        .mark_bar()
        .encode(
            y=alt.Y(
                "row:N",
                title=None,
                sort=[theme.split_label(v, 20) for v in profile["short_label"]],
                axis=theme.wrapped_axis(),
            ),
            x=alt.X("n_claims:Q", title=_("Number of claims"), axis=alt.Axis(tickMinStep=1)),
            # The longest English label has 23 characters; a longer one (Spanish) goes on two lines.
            color=alt.Color(
                "stated_as:N",
                title=_("Stated"),
                sort=order,
                scale=theme.colour_scale(colours, order),
                legend=theme.wrapped_legend(order, 26),
            ),
            order=alt.Order("stated_as_order:Q"),
            tooltip=[
                alt.Tooltip("short_label:N", title=_("Page")),
                alt.Tooltip("stated_as:N", title=_("Stated")),
                alt.Tooltip("n_claims:Q", title=_("Claims")),
            ],
        )
        .transform_calculate(stated_as_order=f"indexof({order!r}, datum.stated_as)")
        .properties(
            height=alt.Step(44),
            description=_(
                "Bar chart. {title}. Each bar is one page, split by how firmly its claims are stated."
            ).format(title=title),
        )
    )


# --- source quality ------------------------------------------------------------------------------


def rubric_title(grid: pd.DataFrame, totals: pd.DataFrame, lang: str = "en") -> str:
    items = grid["dimension"].nunique()
    failed_by_all = grid.groupby("item_id")["verdict"].agg(lambda v: set(v) == {"no"})
    low, high = totals["share"].min(), totals["share"].max()
    return i18n.gettext(
        lang,
        "The pages score {low} to {high} of the source-quality checklist; all fail {failed} of {items} items outright",
    ).format(low=_percent(low, lang), high=_percent(high, lang), failed=int(failed_by_all.sum()), items=items)


def _percent(share: float, lang: str) -> str:
    return f"{share:.0%}" if lang == "en" else f"{i18n.format_number(round(share * 100), lang, 0)} %"


def rubric_grid_chart(grid: pd.DataFrame, totals: pd.DataFrame, lang: str = "en") -> alt.LayerChart:
    """Checklist item × page grid, coloured and labelled by verdict; pages ordered from best to worst score."""
    _ = i18n.bound(lang)
    items = list(dict.fromkeys(grid["dimension"]))
    pages = list(totals["short_label"])
    title = rubric_title(grid, totals, lang)
    words = verdict_words(lang)
    data = grid[["short_label", "dimension", "question", "rubric", "verdict", "verdict_short", "points",
                 "max_points", "justification"]]  # fmt: skip
    data = data.assign(
        row=data["dimension"].map(lambda v: lines(v, 20)),
        column=data["short_label"],
        fill=data["verdict"].map(theme.RUBRIC_COLOURS).fillna(theme.MUTED),
        verdict_short=data["verdict"].map(lambda v: words.get(v, (v, v))[1]),
        verdict=data["verdict"].map(lambda v: words.get(v, (v, v))[0]),
    )
    data = data.assign(text_colour=text_colour(data["fill"]))
    domain = [words[v][0] for v in RUBRIC_VERDICTS]
    colours = {words[v][0]: theme.RUBRIC_COLOURS[v] for v in RUBRIC_VERDICTS}
    base = alt.Chart(data).encode(
        x=alt.X("column:N", title=None, sort=pages, axis=column_axis()),
        y=alt.Y("row:N", title=None, sort=[lines(i, 20) for i in items], axis=theme.wrapped_axis()),
        tooltip=[
            alt.Tooltip("short_label:N", title=_("Page")),
            alt.Tooltip("dimension:N", title=_("Item")),
            alt.Tooltip("question:N", title=_("Question")),
            alt.Tooltip("verdict:N", title=i18n.pgettext(lang, "checklist", "Verdict")),
            alt.Tooltip("points:Q", title=_("Points")),
            alt.Tooltip("justification:N", title=_("Why")),
            alt.Tooltip("rubric:N", title=_("Rubric")),
        ],
    )
    cells = base.mark_rect(stroke=EDGE, strokeWidth=0.5).encode(
        color=alt.Color(
            "verdict:N",
            title=_("Meets the item?"),
            scale=theme.colour_scale(colours, domain),
            legend=alt.Legend(direction="horizontal", columns=2),
        )
    )
    text = base.mark_text(fontSize=theme.MARK_TEXT_SIZE).encode(
        text="verdict_short:N", color=alt.Color("text_colour:N", scale=None)
    )
    return alt.layer(cells, text).properties(
        title=theme.wrapped_title(title, _("Yes = full points, partly = half, no = 0.")),
        height=alt.Step(step([lines(i, 20) for i in items])),
        description=_(
            "Grid chart. {title}. Rows are the {items} checklist items, columns the {pages} pages from best to worst "
            "score; each cell is labelled yes, partly, no or n/a."
        ).format(title=title, items=len(items), pages=len(pages)),
    )
