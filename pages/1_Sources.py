"""The five pages: who published them, what kind of site, what they claim (with quotes) and what doses they give."""

import streamlit as st

import ui
from core import charts
from core.sources import claims_of, source_profiles
from core.text import md_escape

ds = ui.page_frame(
    "The five pages",
    "These are the five web pages this site examines. None is a medical source: two look like marketing by "
    "sellers, the others are mass-produced or user-posted articles. We quote them only to check them.",
)

# 1. Inputs
source_ids = ["all", *ds.sources["id"]]
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True)) | {"all": "All five pages"}
chosen = ui.bound_selectbox("Page", source_ids, key="source", format_func=labels.get)

# 2. Compute
profile = source_profiles(ds)
shown = ds.sources if chosen == "all" else ds.sources[ds.sources["id"] == chosen]

# 3. Render
ui.chart_block(
    charts.claims_by_stated_as(profile),
    caption=(
        "Counts of claims we recorded in each page, by how firmly the page words them. A count says nothing "
        "about whether a claim is true (see each claim's verdict below), and longer pages simply say more. "
        "Source: our reading of the five seed files."
    ),
    data=profile,
    file_stem="claims_per_source",
)

for source in shown.itertuples():
    with st.container(border=True):
        st.subheader(source.short_label)
        st.markdown(f"**{md_escape(source.title)}**")
        cols = st.columns(3)
        cols[0].markdown(f"**Publisher**  \n{md_escape(source.publisher)}")
        cols[1].markdown(f"**Kind of site**  \n{md_escape(source.publisher_kind)}")
        cols[2].markdown(f"**Date shown**  \n{md_escape(source.date_shown or 'none')}")
        st.markdown(md_escape(source.note))
        st.caption(
            f"Seed file `{source.seed_file}` · how sure we are of who published it: {source.provenance_confidence}"
            + (f" · original address (not linked): `{source.url}`" if source.url else " · original address not found")
        )
        claims = claims_of(ds, source.id)
        with st.expander(f"What it claims ({len(claims)} claims)"):
            for claim in claims.itertuples():
                st.markdown(f"**{md_escape(claim.topic)}** · stated {md_escape(claim.stated_as)}")
                ui.quote(claim.quote, source.short_label, source.seed_file)
                st.caption(f"Our verdict: {claim.verdict}. {claim.verdict_note} ({claim.id})")
        doses = ds.regimens[ds.regimens["source_id"] == source.id]
        with st.expander(f"What doses it gives ({len(doses)} statements)"):
            if doses.empty:
                st.markdown("This page gives no doses.")
            for dose in doses.itertuples():
                ui.quote(dose.quote, source.short_label, source.seed_file)
                st.caption(f"{dose.reading} ({dose.id})")
