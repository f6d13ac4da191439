"""Mechanisms: how the pages say the cells work, how firmly, and what trials and lab studies actually show."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import embed
from core.views import mechanisms as mechanisms_view

_ = ui._

ds = ui.page_frame(
    _("Mechanisms"),
    _(
        "The pages explain *how* stem cells are supposed to help: regrow cartilage, repair discs, turn into new "
        "tissue, calm inflammation. Here is each idea in plain words, which pages claim it and how firmly, and what "
        "studies have found."
    ),
)
lang = ds.lang

# 1. Inputs (options are topic ids, so links keep working in either language; format_func shows them in words)
topics = ui.derived(mechanisms_view.mechanism_topics)
options = ["all", *topics["id"]]
chosen = ui.bound_selectbox(
    _("Mechanism"), options, key="mechanism", format_func=lambda t: mechanisms_view.topic_choice(t, lang)
)

# 2. Compute (cached per data version, language and choice)
view = ui.derived(mechanisms_view.mechanisms_page, chosen)

# 3. Render
ui.chart_block(
    view.matrix_chart,
    caption=embed.caption("mechanism_matrix", lang),
    data=mechanisms_view.matrix_on_screen(view.matrix, lang),
    file_stem="mechanism_matrix",
)

for section in view.sections:
    topic = section.topic
    with st.container(border=True):
        st.subheader(md_escape(mechanisms_view.topic_heading(topic["id"], lang)))
        # The verdict and who claims it first; what the studies found, in full, is one switch away.
        st.markdown(mechanisms_view.summary_markdown(section, lang))
        if not ui.reveal(mechanisms_view.details_label(section, lang), key=f"details_{topic['id']}"):
            continue
        st.markdown(mechanisms_view.evidence_markdown(section, lang))
        st.markdown("\n".join(f"- {line}" for line in section.study_lines))
        ui.quotes(section.claims, lambda c: mechanisms_view.claim_note(ds, c))
ui.page_end(ds, *(f"{m.topic['plain_explanation']} {m.topic['evidence_summary']}" for m in view.sections))
