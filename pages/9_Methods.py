"""Methods & caveats: how the data was built, how sure we are of it, its limits, and how to report an error."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import methods as methods_view

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
    "3. **Verdicts** on claims are ours. Each follows the written method below and points at the study, "
    "regulator or harm rows it rests on, so you can disagree with us on the same evidence."
)
checked = methods_view.evidence_checked_on(ds)
if checked:
    st.markdown(f"**Evidence checked as of {md_escape(methods_view.checked_on_words(checked))}.**")

st.header("How sure we are")
st.markdown(
    "*Verified*: we saw the fact and its numbers on the cited page. *Partial*: we saw the main fact but "
    "not every detail. *Unverified*: we could not confirm it; the app flags these rows wherever they appear."
)
counts = ui.derived(methods_view.verification_counts)
st.dataframe(counts, hide_index=True, width="stretch")
ui.table_download(counts, "verification_counts")

st.header("How we judge a claim")
st.markdown(
    "Every claim gets one of seven verdicts, listed here from worst news for a patient to no verdict at all. "
    "Absence of evidence is not contradiction: we say a claim is contradicted only when randomised trials, or "
    "reviews of them, show the effect is absent, or when there is documented harm. Lab results, regulatory "
    "status and table labels are judged as what they are. Claims that say the same thing share one group and "
    "one verdict, and each verdict carries a certainty in the GRADE words high, moderate, low or very low."
)
for title, body in ui.derived(methods_view.method_levels):
    with st.expander(title):
        st.markdown(body)
ui.table_download(ui.derived(methods_view.verdict_method), "verdict_method", "Download the method (CSV)")

st.header("What studies show")
st.markdown(
    "What the app means when it says what studies show, in the shape of a GRADE summary of findings: the effect "
    "in plain units, how many trials and people, and how sure the evidence is."
)
findings = ui.derived(methods_view.summary_of_findings)
for question, rows_markdown in ui.derived(methods_view.findings_blocks):
    st.subheader(question)
    st.markdown(rows_markdown)
with st.expander("Sources and notes for each row"):
    st.dataframe(findings[["outcome", "comparator", "sources", "note"]], hide_index=True, width="stretch")
ui.table_download(findings.drop(columns=["row_ids"]), "summary_of_findings", "Download the summary (CSV)")

st.header("Corrections")
st.markdown(
    f"{len(ds.changes)} changes to the data after its first release, each with its reason. Numbers in verdicts are "
    "checked by automatic tests against the rows they cite."
)
with st.expander("Corrections log"):
    st.markdown(ui.derived(methods_view.corrections_markdown))
ui.table_download(ds.changes, "corrections", "Download the corrections log (CSV)")

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
    "Every claim card, study and chart has its own “Report an error”, filled in with what you were looking at. "
    "Name what is wrong, with a link to your source. We correct the data file, and the change shows up above."
)
found_error = methods_view.report_link(ui.report_config(), "Error in the data", "What is wrong, and your source:\n")
if found_error.url:  # without an address, the paragraph above and each card say how to reach us
    ui.report_button(found_error, key="report")

st.header("Data dictionary and downloads")
st.markdown("Every file, its columns, their types, units and allowed values. The same is in `data/README.md`.")
chosen = ui.bound_selectbox(
    "File", list(methods_view.FILES), key="file", format_func=lambda name: ds.resource(name)["path"]
)
resource = ds.resource(chosen)
st.markdown(f"**{md_escape(resource['title'])}** ({len(ds.table(chosen))} rows). {md_escape(resource['description'])}")
links = methods_view.foreign_keys(resource)
if links:
    st.caption("Links: " + "; ".join(md_escape(link) for link in links))
st.dataframe(ui.derived(methods_view.field_table_of, chosen), hide_index=True, width="stretch")
ui.table_download(ds.table(chosen), chosen, f"Download {md_escape(resource['path'])}")
# The format fact-checkers publish and Google's Fact Check Explorer reads; each claim card offers its own record.
ui.claimreview_download(ui.derived(methods_view.claimreview_records))
ui.page_end(ds, resource["description"])
