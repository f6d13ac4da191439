"""Home: the finding first (what is approved, how far the doses disagree), its picture, then how to use the site."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import home


def lead(ds) -> None:
    # The lead needs no chart, so a freshly started server draws it before it builds the chart below.
    with st.container(border=True):
        st.markdown(home.lead_markdown(ui.derived(home.lead_view)))


ds = ui.page_frame(
    ui._("Stem-cell shots: claims vs evidence"),
    ui._(
        "Clinics and websites sell stem-cell injections for worn knees and sore backs. This site takes five real "
        "web pages that promote them, lists every claim and dose they make, and sets each one next to what trials, "
        "reviews and regulators found."
    ),
    lead=lead,
)
view = ui.derived(home.home_view)

ui.chart_block(
    view.ladder_chart, caption=home.ladder_caption(ui.lang()), data=view.ladder_table, file_stem="dose_ladder"
)

st.header(ui._("What studies show"))
st.markdown(ui.derived(home.studies_show_markdown))
st.caption(
    ui._(
        "Certainty is in the words of GRADE, the system medical reviews use: high, moderate, low or very low. "
        "Every outcome, with its sources, is on *Methods & caveats*."
    )
)

st.header(ui._("More of what we found"))
for finding in view.findings:
    st.markdown(f"- **{md_escape(finding.headline)}** {md_escape(finding.detail)}")
if ui.reveal(ui._("Where each finding comes from (data rows)"), key="finding_rows"):
    st.dataframe(view.sources_table, hide_index=True, width="stretch")
    ui.table_download(view.sources_table, "home_finding_rows")

st.header(ui._("How to use this site"))
st.markdown(
    ui._(
        "- **Checking a clinic's offer?** Start with *The five pages* to see the kinds of claims clinics make, "
        "then read *Methods & caveats* to see how sure we are of each fact.\n"
        "- **Running a workshop?** Ask the group to read one page's claims and guess which ones trials back, "
        "before you reveal the verdicts (*Claims vs evidence* has a guess-first mode). Every quote names the page "
        "it came from, so anyone can check it.\n"
        "- **Reporting a story?** Every study we cite carries its PubMed id, DOI, trial number or official link, "
        "and a note on how far we could verify it. Download the tables from *Methods & caveats*."
    )
)
ui.page_end(ds, home.lead_text(view), *(f"{f.headline} {f.detail}" for f in view.findings))
