"""The Claims page's summary chart: claims per verdict, by page and by kind of topic, worst verdict first."""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import i18n
from core.analysis import vocab
from core.charts import theme
from core.charts.theme import wrapped_legend

FACETS = ("By page", "By topic")  # codes of the two halves of the summary (its table shows them in words)


def facet_words(lang: str) -> tuple[str, str]:
    """The two halves of the summary in words: "By page", "By topic"."""
    return i18n.pgettext(lang, "summary chart", "By page"), i18n.pgettext(lang, "summary chart", "By topic")


def verdict_summary_title(counts: pd.DataFrame, lang: str = "en") -> str:
    by_page = counts[counts["facet"] == FACETS[0]]
    total = int(by_page["claims"].sum())
    if not total:
        return i18n.gettext(lang, "No claims to summarise")
    unsupported = int(by_page.loc[by_page["verdict"].isin(vocab.UNSUPPORTED), "claims"].sum())
    return i18n.gettext(
        lang, "{unsupported} of {total} claims are misleading, contradicted or not shown in trials"
    ).format(unsupported=unsupported, total=total)


def verdict_summary_chart(
    counts: pd.DataFrame, order: list[str], labels: dict[str, str], lang: str = "en"
) -> alt.VConcatChart:
    """Claims per verdict as stacked bars, by page and by kind of topic, worst verdict first on the left."""
    _ = i18n.bound(lang)
    label_order = [labels.get(v, v) for v in order]
    colours = {labels.get(v, v): theme.VERDICT_COLOURS[v] for v in order if v in theme.VERDICT_COLOURS}
    data = counts.assign(_rank=counts["verdict"].map({v: i for i, v in enumerate(order)}))
    color = alt.Color(
        "verdict_label:N",
        title=_("Our verdict"),
        scale=theme.colour_scale(colours, label_order),
        # One column: two ran off a 390-px phone. Labels longer than the longest English one (30 characters) go
        # on two lines: the legend starts where the bars do, right of the page names.
        legend=wrapped_legend(label_order, 30, orient="bottom"),
    )
    tooltip = [alt.Tooltip("group:N", title=_("Group")), alt.Tooltip("verdict_label:N", title=_("Verdict")),
               alt.Tooltip("claims:Q", title=_("Claims"))]  # fmt: skip

    def bars(facet: str, heading: str) -> alt.Chart:
        part = data[data["facet"] == facet]
        groups = list(dict.fromkeys(part.sort_values("group")["group"]))
        return (
            alt.Chart(part)
            .mark_bar(stroke="#ffffff", strokeWidth=1)
            .encode(
                x=alt.X("sum(claims):Q", title=_("Claims"), axis=alt.Axis(tickMinStep=1)),
                y=alt.Y("group:N", title=None, sort=groups, axis=alt.Axis(labelLimit=0)),
                color=color,
                order=alt.Order("_rank:Q"),
                tooltip=tooltip,
            )
            .properties(title=alt.Title(heading, fontSize=theme.LABEL_SIZE), height=30 * len(groups))
        )

    title = verdict_summary_title(counts, lang)
    heading = theme.wrapped_title(title, _("Each bar is one page, or one kind of topic; worst verdict on the left."))
    by_page, by_topic = (bars(f, h) for f, h in zip(FACETS, facet_words(lang), strict=True))
    return alt.vconcat(by_page, by_topic, spacing=16).properties(
        title=heading,
        description=_("Stacked bar chart of our verdicts on the pages' claims. {title}.").format(title=title),
    )
