"""Mechanisms: how the pages say the cells work, how firmly, and what trials and lab studies actually show."""

import streamlit as st

import ui
from core import claim_charts
from core.claims import claims_with_sources, linked_evidence, mechanism_matrix, mechanism_topics, who_claims
from core.text import md_escape

ds = ui.page_frame(
    "Mechanisms",
    "The pages explain *how* stem cells are supposed to help: regrow cartilage, repair discs, turn into new "
    "tissue, calm inflammation. Here is each idea in plain words, which pages claim it and how firmly, and what "
    "studies have found.",
)

# 1. Inputs
topics = mechanism_topics(ds)
options = ["all", *topics["id"]]
chosen = ui.bound_selectbox(
    "Mechanism", options, key="mechanism", format_func=lambda t: "All mechanisms" if t == "all" else t
)

# 2. Compute
matrix = mechanism_matrix(ds)
claims = claims_with_sources(ds)
shown = topics if chosen == "all" else topics[topics["id"] == chosen]

# 3. Render
ui.chart_block(
    claim_charts.mechanism_matrix_chart(matrix),
    caption=(
        'Each cell shows the firmest wording a page uses for that mechanism: fact, hedged ("may", "potential"), '
        "anecdote, or a dash when the page does not claim it. It counts wording, not truth, and a page that says "
        "more has more chances to claim. Sources: our reading of the five seed files; evidence status from the "
        "studies listed under each mechanism below."
    ),
    data=matrix,
    file_stem="mechanism_matrix",
)

for topic in shown.itertuples():
    with st.container(border=True):
        st.subheader(topic.id)
        st.markdown(md_escape(topic.plain_explanation))
        st.markdown(f"**What studies show: {md_escape(topic.evidence_status or 'not rated')}.**")
        st.markdown(md_escape(topic.evidence_summary or "We have no evidence rows for this mechanism."))
        studies = linked_evidence(ds, topic.evidence_ids)
        with st.expander(f"The {len(studies)} studies behind this"):
            for study in studies.itertuples():
                flag = "" if study.verification == "verified" else f" · checked: {study.verification}"
                st.markdown(f"**{md_escape(study.short_name)}** ({md_escape(study.kind)}, {study.year}){flag}")
                st.caption(
                    md_escape(study.citation)
                    + (f" · PMID {study.pmid}" if study.pmid else "")
                    + (f" · DOI {md_escape(study.doi)}" if study.doi else "")
                )
        mine = claims[claims["topic"] == topic.id]
        who = who_claims(matrix, topic.id)
        st.markdown(f"**Who claims it:** {md_escape(who) if who else 'none of the five pages.'}")
        with st.expander(f"What the pages say ({len(mine)} claims)"):
            for claim in mine.itertuples():
                st.markdown(f"Stated {md_escape(claim.stated_as)} · our verdict: **{md_escape(claim.verdict)}**")
                ui.quote(claim.quote, claim.short_label, claim.seed_file)
                st.caption(f"{md_escape(claim.verdict_note)} ({claim.id})")
