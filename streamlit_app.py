"""Home: what this explainer is, the key findings drawn from the data, and how to use it in a workshop."""

import streamlit as st

import ui
from core import views
from core.text import md_escape

ds = ui.page_frame(
    "Stem-cell shots for knee and back pain: claims vs evidence",
    "Clinics and websites sell stem-cell injections for worn knees and sore backs. "
    "This site takes five real web pages that promote them, lists every claim and dose they make, "
    "and sets each one next to what trials, reviews and regulators found.",
)

st.header("What we found")
for finding in ui.derived(views.home):
    with st.container(border=True):
        st.markdown(f"**{md_escape(finding.headline)}**")
        st.markdown(md_escape(finding.detail))
        st.caption("Rows behind this: " + ", ".join(finding.row_ids))

st.header("How to use this site")
st.markdown(
    "- **Checking a clinic's offer?** Start with *The five pages* to see the kinds of claims clinics make, "
    "then read *Methods & caveats* to see how sure we are of each fact.\n"
    "- **Running a workshop?** Ask the group to read one page's claims and guess which ones trials back, "
    "before you reveal the verdicts. Each quote names the file it came from, so anyone can check it.\n"
    "- **Reporting a story?** Every study we cite carries its PubMed id, DOI, trial number or official link, "
    "and a note on how far we could verify it. Download the tables from *Methods & caveats*."
)
for page in ui.PAGES[1:]:
    st.page_link(page.path, label=page.label, icon=page.icon)
ui.page_end(ds, *(f"{f.headline} {f.detail}" for f in ui.derived(views.home)))
