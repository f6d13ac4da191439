"""Mechanisms: how the pages say the cells work, how firmly, and what trials and lab studies actually show."""

import streamlit as st

import ui
from core import views
from core.claims import mechanism_topics
from core.text import md_escape, verification_flag

ds = ui.page_frame(
    "Mechanisms",
    "The pages explain *how* stem cells are supposed to help: regrow cartilage, repair discs, turn into new "
    "tissue, calm inflammation. Here is each idea in plain words, which pages claim it and how firmly, and what "
    "studies have found.",
)

# 1. Inputs
topics = ui.derived(mechanism_topics)
options = ["all", *topics["id"]]
chosen = ui.bound_selectbox(
    "Mechanism", options, key="mechanism", format_func=lambda t: "All mechanisms" if t == "all" else t
)

# 2. Compute (cached per data version and choice)
view = ui.derived(views.mechanisms_page, chosen)

# 3. Render
ui.chart_block(
    view.matrix_chart,
    caption=(
        'Each cell shows the firmest wording a page uses for that mechanism: fact, hedged ("may", "potential"), '
        "anecdote, or a dash when the page does not claim it. It counts wording, not truth, and a page that says "
        "more has more chances to claim. Sources: our reading of the five seed files; evidence status from the "
        "studies listed under each mechanism below."
    ),
    data=view.matrix,
    file_stem="mechanism_matrix",
)

for section in view.sections:
    topic = section.topic
    with st.container(border=True):
        st.subheader(topic["id"])
        who = md_escape(section.who) if section.who else "none of the five pages."
        st.markdown(
            f"{md_escape(topic['plain_explanation'])}\n\n"
            f"**What studies show: {md_escape(topic['evidence_status'] or 'not rated')}.** "
            f"{md_escape(topic['evidence_summary'] or 'We have no evidence rows for this mechanism.')}\n\n"
            f"**Who claims it:** {who}"
        )
        label = f"Show the {len(section.studies)} studies and the pages' {len(section.claims)} claims"
        if not ui.reveal(label, key=f"details_{topic['id']}"):
            continue
        st.markdown(
            "\n".join(
                f"- **{md_escape(s.short_name)}** ({md_escape(s.kind)}, {s.year})"
                + verification_flag(s.verification)
                + f". {md_escape(s.citation)}"
                + (f" · PMID {s.pmid}" if s.pmid else "")
                + (f" · DOI {md_escape(s.doi)}" if s.doi else "")
                for s in section.studies.itertuples()
            )
        )
        ui.quotes(
            section.claims,
            lambda c: (
                f"Stated {md_escape(c.stated_as)} · our verdict: {md_escape(c.verdict)}. "
                f"{md_escape(c.verdict_note)} ({c.id})"
            ),
        )
ui.page_end(ds, *(f"{m.topic['plain_explanation']} {m.topic['evidence_summary']}" for m in view.sections))
