"""Claims vs evidence: every claim as a card — what the page says, what trials show, what regulators say."""

import streamlit as st

import ui
from core.claims import (
    VERDICT_ORDER,
    VERIFICATION_FLAG,
    certainty_table,
    claims_with_sources,
    filter_claims,
    linked_evidence,
    linked_regulatory,
    verdict_table,
)
from core.text import md_escape

PER_PAGE = 12

ds = ui.page_frame(
    "Claims vs evidence",
    "Every claim the five pages make, one card each: what the page says, word for word; what trials and reviews "
    "show, with how sure they are; and what regulators say. Use the filters to pick a topic, a page or a verdict.",
)

# 1. Inputs
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True))
cols = st.columns(3)
with cols[0]:
    topics = ui.bound_multiselect("Topic", list(ds.topics["id"]), key="topic")
with cols[1]:
    sources = ui.bound_multiselect("Page", list(ds.sources["id"]), key="source", format_func=labels.get)
with cols[2]:
    verdicts = ui.bound_multiselect("Our verdict", list(VERDICT_ORDER), key="verdict")

with st.expander("What the verdicts and certainty labels mean"):
    st.markdown("**Our verdicts** (ours, each resting on the studies and regulator statements on its card):")
    st.dataframe(verdict_table(), hide_index=True, width="stretch")
    st.markdown(
        "**Certainty** says how sure we can be of a study's result, in the words of GRADE, the system used by "
        "medical reviews. Where no review graded a study, the label is our judgement of its design."
    )
    st.dataframe(certainty_table(), hide_index=True, width="stretch")

# 2. Compute
chosen = filter_claims(claims_with_sources(ds), topics, sources, verdicts)

# 3. Render
st.markdown(f"**{len(chosen)} of {len(ds.claims)} claims match.**")
for claim in ui.paginate(chosen, "page", per_page=PER_PAGE, noun="claims").itertuples():
    with st.container(border=True):
        st.markdown(
            f"**{md_escape(claim.topic)}** · {md_escape(claim.short_label)} · stated {md_escape(claim.stated_as)} "
            f"· `{claim.id}`"
        )
        st.markdown("**The page says**")
        ui.quote(claim.quote, claim.short_label, claim.seed_file)
        st.markdown(f"**Our verdict: {md_escape(claim.verdict)}.** {md_escape(claim.verdict_note)}")
        studies = linked_evidence(ds, claim.evidence_ids)
        st.markdown("**Trials and reviews show**")
        if studies.empty:
            st.caption("No study is linked to this claim.")
        for study in studies.itertuples():
            st.markdown(
                f"- **{md_escape(study.short_name)}** ({md_escape(study.kind)}, {study.year}; certainty: "
                f"{md_escape(study.certainty)}). {md_escape(study.main_finding)} "
                f"{VERIFICATION_FLAG[study.verification]}"
            )
        statements = linked_regulatory(ds, claim.regulatory_ids)
        st.markdown("**Regulators say**")
        if statements.empty:
            st.caption("No regulator or court statement is linked to this claim.")
        for rule in statements.itertuples():
            st.markdown(
                f"- **{md_escape(rule.jurisdiction)}, {md_escape(rule.date)}** ({md_escape(rule.body)}): "
                f"{md_escape(rule.summary)} {VERIFICATION_FLAG[rule.verification]}"
            )
