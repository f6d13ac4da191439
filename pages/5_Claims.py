"""Claims vs evidence: a verdict summary, then one line per claim (worst first) that opens to its full card."""

import streamlit as st

import ui
from core.analysis.vocab import certainty_table
from core.text import md_escape
from core.views import claims as claims_view

PER_PAGE = 15

ds = ui.page_frame(
    "Claims vs evidence",
    "Every claim the five pages make, worst first: claims the evidence contradicts or that mislead come before "
    "the ones it backs. Open a line to see what the page says, what trials show and what regulators say.",
)

# 1. Inputs
view = ui.derived(claims_view.claims_page)
labels = dict(zip(ds.sources["id"], ds.sources["short_label"], strict=True))
guess = ui.bound_toggle(
    "Guess first: hide our verdicts until you reveal them",
    key="guess",
    help="For a workshop: the room reads each claim and guesses before anyone opens the verdict.",
)
# Folded away: three lists of chips filled a phone's screen before the first claim.
filtered = any(key in st.query_params for key in ("topic", "source", "verdict"))
with st.expander("Filter by topic, page or verdict", icon=":material/filter_list:", expanded=filtered):
    cols = st.columns(3)
    with cols[0]:
        topics = ui.bound_multiselect("Topic", list(ds.topics["id"]), key="topic")
    with cols[1]:
        sources = ui.bound_multiselect("Page", list(ds.sources["id"]), key="source", format_func=labels.get)
    with cols[2]:
        verdicts = ui.bound_multiselect(
            "Our verdict", list(view.verdicts.order), key="verdict", format_func=lambda v: view.labels.get(v, v)
        )

# 2. Compute
chosen = claims_view.filter_ordered(view.ordered, topics, sources, verdicts)
cards = ui.derived(claims_view.card_texts)

# 3. Render
if guess:
    st.caption("Guess-first mode: the summary chart and every verdict stay hidden until you reveal them.")
else:
    ui.chart_block(
        view.summary_chart,
        caption=(
            "What this cannot tell you: how much each claim matters, or whether a treatment works for you. "
            "Verdicts are ours, each resting on the studies and regulator statements on its card; the page "
            "counts are of claims we found, not of sentences. Source: the five archived pages."
        ),
        data=view.counts[["facet", "group", "verdict", "claims"]],
        file_stem="claims_by_verdict",
    )
    if ui.reveal("What the verdicts and certainty labels mean", key="labels"):
        st.markdown("**Our verdicts** (ours, each resting on the studies and regulator statements on its card):")
        st.dataframe(view.verdicts.table(), hide_index=True, width="stretch")
        st.markdown(
            "**Certainty** says how sure we can be of a study's result, in the words of GRADE, the system used by "
            "medical reviews. Where no review graded a study, the label is our judgement of its design."
        )
        st.dataframe(certainty_table(), hide_index=True, width="stretch")

st.markdown(f"**{len(chosen)} of {len(ds.claims)} claims match.**")
for claim in ui.paginate(chosen, "page", per_page=PER_PAGE, noun="claims").itertuples():
    with st.expander(claims_view.line_label(claim, view.labels, guess=guess)):
        st.caption(
            f"{md_escape(claim.short_label)} · topic: {md_escape(claim.topic)} · stated {md_escape(claim.stated_as)}"
        )
        ui.quote(claim.quote, claim.short_label, claim.seed_file)
        if guess and not st.toggle("Reveal our verdict", key=f"reveal_{claim.id}"):
            continue
        st.markdown(cards[claim.id])
ui.page_buttons(len(chosen), "page", per_page=PER_PAGE)
if ui.reveal("These claims as a table, with their ids and archived files", key="claims_table"):
    table = claims_view.claims_table(chosen)
    st.dataframe(table, hide_index=True, width="stretch")
    ui.table_download(table, "claims")
ui.page_end(ds, *chosen["verdict_note"].head(PER_PAGE * 2))
