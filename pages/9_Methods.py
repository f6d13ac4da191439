"""Methods & caveats: how the data was built, how sure we are of it, its limits, and how to report an error."""

import streamlit as st

import ui
from core import views
from core.data import TABLE_NAMES
from core.datadict import foreign_keys
from core.methods import verification_counts

ds = ui.page_frame(
    "Methods & caveats",
    "How we built the data behind this site, how far we could check each fact, and what it cannot tell you.",
)

st.header("How the data was built")
st.markdown(
    "1. **Claims and doses** were copied by hand from the five seed pages. Every quote is checked by an "
    "automatic test to appear word for word in its seed file, and every dose number to appear in its quote.\n"
    "2. **Studies, regulator statements and harms** were looked up in stored copies of public pages "
    "(PubMed, journals, trial registries, regulators, court records). Each row carries a PubMed id, DOI, "
    "trial number or official link, and a status saying how far we could confirm it.\n"
    "3. **Verdicts** on claims are ours. Each points at the study or regulator rows it rests on, so you can "
    "disagree with us on the same evidence."
)

st.header("How sure we are")
st.markdown(
    "*Verified*: we saw the fact and its numbers on the cited page. *Partial*: we saw the main fact but "
    "not every detail. *Unverified*: we could not confirm it; the app flags these rows wherever they appear."
)
counts = ui.derived(verification_counts)
st.dataframe(counts, hide_index=True, width="stretch")
ui.table_download(counts, "verification_counts")

st.header("Limits")
st.markdown(
    "- Five pages are a small, hand-picked sample. They show the kinds of claims made online, not how common "
    "each claim is.\n"
    "- The seed files are copies of web pages taken at one time. The live pages may have changed.\n"
    "- Trials differ in cells, doses, patients and outcomes, so their results cannot simply be added up. "
    "We rely on published reviews for that.\n"
    "- Doses are compared as printed. Where a page gives a bare number, we say so rather than guess its unit."
)

st.header("Found an error?")
st.markdown(
    "Tell the workshop facilitator, or open an issue in the project's repository. Name the table, the row id "
    "and what is wrong, with a link to your source. We correct the data file, and the change shows up here."
)

st.header("Data dictionary and downloads")
st.markdown("Every file, its columns, their types, units and allowed values. The same is in `data/README.md`.")
chosen = ui.bound_selectbox("File", list(TABLE_NAMES), key="file", format_func=lambda name: ds.resource(name)["path"])
resource = ds.resource(chosen)
st.markdown(f"**{resource['title']}** ({len(ds.table(chosen))} rows). {resource['description']}")
links = foreign_keys(resource)
if links:
    st.caption("Links: " + "; ".join(links))
st.dataframe(ui.derived(views.field_table_of, chosen), hide_index=True, width="stretch")
ui.table_download(ds.table(chosen), chosen, f"Download {resource['path']}")
ui.page_end(ds, resource["description"])
