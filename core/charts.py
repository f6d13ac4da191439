"""Pure chart builders: a DataFrame in, an alt.Chart out, with a title that states the finding."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import theme  # noqa: F401  (registers and enables the one chart theme)
from core.sources import STATED_AS_ORDER


def claims_by_stated_as(profile: pd.DataFrame) -> alt.Chart:
    """Stacked bars: how many claims each source makes, split by how firmly it states them."""
    long = profile.melt(
        id_vars=["short_label"], value_vars=list(STATED_AS_ORDER), var_name="stated_as", value_name="n_claims"
    )
    most = profile.loc[profile["as fact"].idxmax()] if not profile.empty else None
    title = (
        f"Most claims are stated as plain fact ({most['short_label']} has the most: {int(most['as fact'])})"
        if most is not None
        else "No claims recorded"
    )
    return (
        alt.Chart(long, title=alt.Title(title, subtitle="Claims per page, by how firmly the page states them"))
        .mark_bar()
        .encode(
            y=alt.Y("short_label:N", title=None, sort=list(profile["short_label"])),
            x=alt.X("n_claims:Q", title="Number of claims", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("stated_as:N", title="Stated", sort=list(STATED_AS_ORDER)),
            order=alt.Order("stated_as_order:Q"),
            tooltip=[
                alt.Tooltip("short_label:N", title="Page"),
                alt.Tooltip("stated_as:N", title="Stated"),
                alt.Tooltip("n_claims:Q", title="Claims"),
            ],
        )
        .transform_calculate(stated_as_order=f"indexof({list(STATED_AS_ORDER)!r}, datum.stated_as)")
        .properties(
            height=alt.Step(28),
            description=f"Bar chart. {title}. Each bar is one page, split by how firmly its claims are stated.",
        )
    )
