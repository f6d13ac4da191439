"""Pure chart builders: a DataFrame in, an alt.Chart out, with a title that states the finding."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core.analysis import vocab
from core.charts import theme

# Firmest first, as in the theme's purple ramp, so the legend reads dark to light.


def claims_title(profile: pd.DataFrame) -> str:
    total = int(profile[list(vocab.STATED_AS)].to_numpy().sum()) if not profile.empty else 0
    if total == 0:
        return "No claims recorded"
    fact = int(profile["as fact"].sum())
    most = profile.loc[profile["as fact"].idxmax()]
    return (
        f"{fact} of the {total} claims are stated as plain fact; {most['short_label']} states the most "
        f"({int(most['as fact'])})"
    )


def claims_by_stated_as(profile: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many claims each source makes, split by how firmly it states them."""
    long = profile.melt(
        id_vars=["short_label"], value_vars=list(vocab.STATED_AS), var_name="stated_as", value_name="n_claims"
    )
    long = long.assign(row=long["short_label"].map(lambda v: theme.split_label(v, 20)))
    title = claims_title(profile)
    return (
        alt.Chart(long, title=theme.wrapped_title(title, "Claims per page, by how firmly the page states them"))
        .mark_bar()
        .encode(
            y=alt.Y(
                "row:N",
                title=None,
                sort=[theme.split_label(v, 20) for v in profile["short_label"]],
                axis=theme.wrapped_axis(),
            ),
            x=alt.X("n_claims:Q", title="Number of claims", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "stated_as:N",
                title="Stated",
                sort=list(vocab.STATED_AS),
                scale=theme.colour_scale(theme.STATED_AS_COLOURS, vocab.STATED_AS),
            ),
            order=alt.Order("stated_as_order:Q"),
            tooltip=[
                alt.Tooltip("short_label:N", title="Page"),
                alt.Tooltip("stated_as:N", title="Stated"),
                alt.Tooltip("n_claims:Q", title="Claims"),
            ],
        )
        .transform_calculate(stated_as_order=f"indexof({list(vocab.STATED_AS)!r}, datum.stated_as)")
        .properties(
            height=alt.Step(44),
            description=f"Bar chart. {title}. Each bar is one page, split by how firmly its claims are stated.",
        )
    )
