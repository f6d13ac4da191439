"""The five pages: who published them, what kind of site, what they claim (with quotes) and what doses they give."""

import streamlit as st

import ui
from core.text import md_escape, plural
from core.views import embed
from core.views import sources as sources_view

ds = ui.page_frame(
    "The five pages",
    "These are the five web pages this site examines. None is a medical source: two look like marketing by "
    "sellers, the others are mass-produced or user-posted articles. We quote them only to check them.",
)

# 1. Inputs
source_ids = ["all", *ds.sources["id"]]
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True)) | {"all": "All five pages"}
chosen = ui.bound_selectbox("Page", source_ids, key="source", format_func=labels.get)

# 2. Compute (cached per data version and choice)
view = ui.derived(sources_view.sources_page)
shown = ds.sources if chosen == "all" else ds.sources[ds.sources["id"] == chosen]

# 3. Render


def source_card(source) -> None:
    """One page: who published it, and (when it is the one chosen) its claims, checklist and doses."""
    with st.container(border=True):
        st.subheader(md_escape(source.short_label))
        st.markdown(f"**{md_escape(source.title)}**")
        cols = st.columns(3)
        cols[0].markdown(f"**Publisher**  \n{md_escape(source.publisher)}")
        cols[1].markdown(f"**Kind of site**  \n{md_escape(source.publisher_kind)}")
        cols[2].markdown(f"**Date shown**  \n{md_escape(source.date_shown or 'none')}")
        st.markdown(md_escape(source.note))
        st.caption(
            f"How sure we are of who published it: {md_escape(source.provenance_confidence)}"
            + (
                f" · original address (not linked): {md_escape(source.url)}"
                if source.url
                else " · original address not found"
            )
        )
        if chosen == "all":
            st.markdown("Pick this page in the box at the top to read its claims, checklist and doses.")
            return
        detail = ui.derived(sources_view.source_detail, source.id)
        with st.expander(f"What it claims ({plural(len(detail.claims), 'claim')})"):
            for claim in detail.claims.itertuples():
                st.markdown(f"**{md_escape(claim.topic)}** · stated {md_escape(claim.stated_as)}")
                ui.quote(claim.quote, source.short_label, source.seed_file)
                st.caption(f"Our verdict: {md_escape(claim.verdict)}. {md_escape(claim.verdict_note)}")
            ui.table_download(detail.claims, f"claims_{source.id}", "Download these claims (CSV, with row ids)")
        with st.expander(f"Source-quality checklist: {md_escape(detail.checklist_summary)}"):
            for item in detail.checklist.itertuples():
                st.markdown(f"**{md_escape(item.dimension)}: {md_escape(item.verdict)}.** {md_escape(item.question)}")
                if item.quote:
                    ui.quote(item.quote, source.short_label, source.seed_file)
                st.caption(("" if item.quote else "Nothing on the page: ") + md_escape(item.justification))
        with st.expander(f"What doses it gives ({plural(len(detail.doses), 'statement')})"):
            if detail.doses.empty:
                st.markdown("This page gives no doses.")
            for table, _raw in detail.protocols:
                st.markdown(
                    "**Its protocol table, as the page meant it.** The copy lost the borders between the cells; "
                    "each line as printed is quoted below."
                )
                st.dataframe(table, hide_index=True, width="stretch")
            for dose in detail.doses.itertuples():
                ui.quote(dose.quote, source.short_label, source.seed_file)
                st.caption(md_escape(dose.reading))
            ui.table_download(detail.doses, f"doses_{source.id}", "Download these doses (CSV, with row ids)")


# A chosen page comes first, so the first screen answers the choice; the overview charts follow.
if chosen != "all":
    for source in shown.itertuples():
        source_card(source)

ui.chart_block(
    view.claims_chart,
    caption=embed.CAPTIONS["claims_per_source"],
    data=view.profile,
    file_stem="claims_per_source",
)

st.header("Source quality: a checklist")
st.markdown(
    "We scored each page on the same checklist, built from published tools for judging health information "
    "(JAMA benchmarks, DISCERN, HealthNewsReview criteria, HONcode) and from studies of stem-cell clinic websites. "
    "Yes earns an item's points, partly half, no nothing."
)
ui.chart_block(
    view.grid_chart,
    caption=embed.CAPTIONS["source_quality_scores"],
    data=view.grid,
    file_stem="source_quality_scores",
)
if ui.reveal("Show the checklist and the published rubrics behind it", key="rubrics"):
    st.dataframe(
        view.rubrics,
        hide_index=True,
        width="stretch",
        column_config={"url": st.column_config.LinkColumn("Where published")},
    )
    st.dataframe(view.totals, hide_index=True, width="stretch")

if chosen == "all":
    st.header("The pages one by one")
    for source in shown.itertuples():
        source_card(source)
ui.page_end(ds, *shown["note"], *shown["title"])
