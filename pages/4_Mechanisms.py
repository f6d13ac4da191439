"""Mechanisms: how the pages say the cells work, how firmly, and what trials and lab studies actually show."""

import streamlit as st

import ui
from core.text import md_escape, plural
from core.views import embed
from core.views import mechanisms as mechanisms_view

ds = ui.page_frame(
    "Mechanisms",
    "The pages explain *how* stem cells are supposed to help: regrow cartilage, repair discs, turn into new "
    "tissue, calm inflammation. Here is each idea in plain words, which pages claim it and how firmly, and what "
    "studies have found.",
)

# 1. Inputs
topics = ui.derived(mechanisms_view.mechanism_topics)
options = ["all", *topics["id"]]
chosen = ui.bound_selectbox(
    "Mechanism", options, key="mechanism", format_func=lambda t: "All mechanisms" if t == "all" else t
)

# 2. Compute (cached per data version and choice)
view = ui.derived(mechanisms_view.mechanisms_page, chosen)

# 3. Render
ui.chart_block(
    view.matrix_chart,
    caption=embed.CAPTIONS["mechanism_matrix"],
    data=view.matrix,
    file_stem="mechanism_matrix",
)

for section in view.sections:
    topic = section.topic
    with st.container(border=True):
        st.subheader(md_escape(mechanisms_view.topic_heading(topic["id"])))
        who = md_escape(section.who) if section.who else "none of the five pages."
        # The verdict and who claims it first; what the studies found, in full, is one switch away.
        st.markdown(
            f"{md_escape(topic['plain_explanation'])}\n\n"
            f"**What studies show: {md_escape(topic['evidence_status'] or 'not rated')}.** "
            f"**Who claims it:** {who}"
        )
        label = (
            f"Show what studies found: {plural(len(section.studies), 'study', 'studies')}, and the pages' "
            f"{plural(len(section.claims), 'claim')}"
        )
        if not ui.reveal(label, key=f"details_{topic['id']}"):
            continue
        st.markdown(md_escape(topic["evidence_summary"] or "We have no evidence rows for this mechanism."))
        st.markdown("\n".join(f"- {line}" for line in section.study_lines))
        ui.quotes(
            section.claims,
            lambda c: (
                f"Stated {md_escape(c.stated_as)} · our verdict: {md_escape(c.verdict)}. {md_escape(c.verdict_note)}"
            ),
        )
ui.page_end(ds, *(f"{m.topic['plain_explanation']} {m.topic['evidence_summary']}" for m in view.sections))
