"""Claims vs evidence: every claim as a card — what the page says, what trials show, what regulators say."""

import streamlit as st

import ui
from core import views
from core.claims import (
    VERDICT_ORDER,
    certainty_table,
    claims_with_sources,
    filter_claims,
    verdict_table,
)
from core.text import md_escape, verification_flag

PER_PAGE = 8

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

if ui.reveal("What the verdicts and certainty labels mean", key="labels"):
    st.markdown("**Our verdicts** (ours, each resting on the studies and regulator statements on its card):")
    st.dataframe(verdict_table(), hide_index=True, width="stretch")
    st.markdown(
        "**Certainty** says how sure we can be of a study's result, in the words of GRADE, the system used by "
        "medical reviews. Where no review graded a study, the label is our judgement of its design."
    )
    st.dataframe(certainty_table(), hide_index=True, width="stretch")

# 2. Compute
chosen = filter_claims(ui.derived(claims_with_sources), topics, sources, verdicts)
cards = ui.derived(views.claim_cards)

# 3. Render
st.markdown(f"**{len(chosen)} of {len(ds.claims)} claims match.**")
for claim in ui.paginate(chosen, "page", per_page=PER_PAGE, noun="claims").itertuples():
    card = cards[claim.id]
    with st.container(border=True):
        st.markdown(
            f"**{md_escape(claim.topic)}** · {md_escape(claim.short_label)} · stated {md_escape(claim.stated_as)} "
            f"· `{claim.id}`\n\n**The page says**"
        )
        ui.quote(claim.quote, claim.short_label, claim.seed_file)
        studies = [
            f"- **{md_escape(s['short_name'])}** ({md_escape(s['kind'])}, {s['year']}; certainty: "
            f"{md_escape(s['certainty'])}). {md_escape(s['main_finding'])}{verification_flag(s['verification'])}"
            for s in card.studies
        ] or ["*No study is linked to this claim.*"]
        rules = [
            f"- **{md_escape(r['jurisdiction'])}, {md_escape(r['date'])}** ({md_escape(r['body'])}): "
            f"{md_escape(r['summary'])}{verification_flag(r['verification'])}"
            for r in card.statements
        ] or ["*No regulator or court statement is linked to this claim.*"]
        st.markdown(
            f"**Our verdict: {md_escape(claim.verdict)}.** {md_escape(claim.verdict_note)}\n\n"
            "**Trials and reviews show**\n\n" + "\n".join(studies) + "\n\n**Regulators say**\n\n" + "\n".join(rules)
        )
ui.page_end(ds, *chosen["verdict_note"].head(PER_PAGE * 2))
