"""Methods & caveats: how the data was built, how sure we are of it, its limits, and how to report an error."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import methods as methods_view

ds = ui.page_frame(
    ui._("Methods & caveats"),
    ui._("How we built the data behind this site, how far we could check each fact, and what it cannot tell you."),
)
es = ds.lang != "en"  # downloads in another language carry its code in their file names
stem = (lambda name: f"{name}_{ds.lang}") if es else (lambda name: name)

st.header(ui._("How the data was built"))
st.markdown(ui._(
    "1. **Claims and doses** were copied by hand from the five seed pages. Every quote is checked by an "
    "automatic test to appear word for word in its seed file, and every dose number to appear in its quote.\n"
    "2. **Studies, regulator statements and harms** were looked up in stored copies of public pages "
    "(PubMed, journals, trial registries, regulators, court records). Each row carries a PubMed id, DOI, "
    "trial number or official link, and a status saying how far we could confirm it.\n"
    "3. **Verdicts** on claims are ours. Each follows the written method below and points at the study, "
    "regulator or harm rows it rests on, so you can disagree with us on the same evidence."
))  # fmt: skip
checked = methods_view.evidence_checked_on(ds)
if checked:
    words = md_escape(methods_view.checked_on_words(ds, checked))
    st.markdown(ui._("**Evidence checked as of {date}.**").format(date=words))

st.header(ui._("How sure we are"))
st.markdown(ui._(
    "*Verified*: we saw the fact and its numbers on the cited page. *Partial*: we saw the main fact but "
    "not every detail. *Unverified*: we could not confirm it; the app flags these rows wherever they appear."
))  # fmt: skip
counts = ui.derived(methods_view.verification_counts)
ui.data_table(counts, hide_index=True, width="stretch")
ui.table_download(counts, stem("verification_counts"), ui._("Download CSV"))
if es:  # who translated this edition, and how much of it a native speaker has checked
    st.markdown(ui.derived(methods_view.translation_note))

st.header(ui._("How we judge a claim"))
st.markdown(ui._(
    "Every claim gets one of seven verdicts, listed here from worst news for a patient to no verdict at all. "
    "Absence of evidence is not contradiction: we say a claim is contradicted only when randomised trials, or "
    "reviews of them, show the effect is absent, or when there is documented harm. Lab results, regulatory "
    "status and table labels are judged as what they are. Claims that say the same thing share one group and "
    "one verdict, and each verdict carries a certainty in the GRADE words high, moderate, low or very low."
))  # fmt: skip
for title, body in ui.derived(methods_view.method_levels):
    with st.expander(title):
        st.markdown(body)
ui.table_download(ui.derived(methods_view.verdict_method), stem("verdict_method"), ui._("Download the method (CSV)"))

st.header(ui._("What studies show"))
st.markdown(ui._(
    "What the app means when it says what studies show, in the shape of a GRADE summary of findings: the effect "
    "in plain units, how many trials and people, and how sure the evidence is."
))  # fmt: skip
findings = ui.derived(methods_view.summary_of_findings)
for question, rows_markdown in ui.derived(methods_view.findings_blocks):
    st.subheader(question)
    st.markdown(rows_markdown)
with st.expander(ui._("Sources and notes for each row")):
    st.dataframe(ui.derived(methods_view.findings_table), hide_index=True, width="stretch")
summary_file = findings.drop(columns=["row_ids"])
ui.table_download(summary_file, stem("summary_of_findings"), ui._("Download the summary (CSV)"))

st.header(ui._("Corrections"))
n = len(ds.changes)
st.markdown(ui._n(
    "{n} change to the data after its first release, with its reason. Numbers in verdicts are checked by "
    "automatic tests against the rows they cite.",
    "{n} changes to the data after its first release, each with its reason. Numbers in verdicts are checked by "
    "automatic tests against the rows they cite.", n).format(n=n))  # fmt: skip
with st.expander(ui._("Corrections log")):
    if es:  # the log stays as it was written (in English): a table, under a sentence that says so
        st.caption(ui._("Each entry is shown as it was logged, in English."))
        st.dataframe(ui.derived(methods_view.corrections_table), hide_index=True, width="stretch")
    else:
        st.markdown(ui.derived(methods_view.corrections_markdown))
ui.table_download(ds.changes, "corrections", ui._("Download the corrections log (CSV)"))

st.header(ui._("Limits"))
st.markdown(ui._(
    "- Five pages are a small, hand-picked sample. They show the kinds of claims made online, not how common "
    "each claim is.\n"
    "- The seed files are copies of web pages taken at one time. The live pages may have changed.\n"
    "- Trials differ in cells, doses, patients and outcomes, so their results cannot simply be added up. "
    "We rely on published reviews for that.\n"
    "- Doses are compared as printed. Where a page gives a bare number, we say so rather than guess its unit."
))  # fmt: skip

st.header(ui._("Found an error?"))
st.markdown(ui._(
    "Every claim card, study and chart has its own “Report an error”, filled in with what you were looking at. "
    "Name what is wrong, with a link to your source. We correct the data file, and the change shows up above."
))  # fmt: skip
found_error = methods_view.report_link(
    ui.report_config(), ui._("Error in the data"), ui._("What is wrong, and your source:") + "\n"
)
if found_error.url:  # without an address, the paragraph above and each card say how to reach us
    ui.report_button(found_error, key="report")

st.header(ui._("Data dictionary and downloads"))
st.markdown(ui._("Every file, its columns, their types, units and allowed values. The same is in `data/README.md`."))
chosen = ui.bound_selectbox(ui._("File"), list(methods_view.FILES), key="file",
                            format_func=lambda name: methods_view.file_label(ds, name))  # fmt: skip
resource = ds.resource(chosen)
st.markdown(methods_view.file_about(ds, chosen))
links = methods_view.foreign_keys(resource)
if links:
    st.caption(ui._("Links: {links}").format(links=methods_view.links_markdown(ds, links)))
ui.data_table(ui.derived(methods_view.field_table_of, chosen), hide_index=True, width="stretch")
ui.table_download(ds.table(chosen), chosen, ui._("Download {file}").format(file=md_escape(resource["path"])))
# The format fact-checkers publish and Google's Fact Check Explorer reads; each claim card offers its own record.
ui.claimreview_download(ui.derived(methods_view.claimreview_records))
ui.page_end(ds, resource["description"] if not es else methods_view.file_title(ds, chosen))
