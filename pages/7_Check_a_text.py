"""Check a text: paste or upload an advert or article and see its doses, how sure it sounds and what it leaves out."""

import streamlit as st

import ui
from core import textcheck
from core.text import md_escape

ds = ui.page_frame(
    "Check a text",
    "Paste the text of an advert or article about stem-cell shots for knee or back pain, or upload it as a file. "
    "We pick out the doses it gives and set them beside the trials, mark the words that make it sound sure, and "
    "list what it leaves out. This is a quick automatic reading: check each finding against the text yourself.",
)


def _fill_example() -> None:
    st.session_state["text"] = textcheck.EXAMPLE


# 1. Inputs
st.text_area(
    "Text to check",
    key="text",
    height=200,
    placeholder="Paste the text of an advert, clinic page or news story here.",
    help=f"Up to {textcheck.MAX_CHARS:,} characters. Nothing you paste is stored or sent anywhere else.",
)
st.button("Fill in an example", on_click=_fill_example, icon=":material/edit_note:")
upload = st.file_uploader(
    "Or upload a file (.txt, .md or .html)",
    type=list(textcheck.UPLOAD_TYPES),
    help="A saved web page works: we keep its text and drop its code.",
)

# 2. Compute
text = st.session_state.get("text") or ""
if upload is not None:
    try:
        text = textcheck.read_upload(upload.name, upload.getvalue())
    except textcheck.TextCheckError as error:
        st.error(md_escape(str(error)), icon=":material/error:")
        st.stop()
    st.caption(f"Checking the uploaded file “{md_escape(upload.name)}” (remove it to check the pasted text).")
if not text.strip():
    st.info(
        "Paste a text in the box above, upload a file, or press **Fill in an example**. Then press "
        "**Ctrl+Enter** (or click outside the box) to check it.",
        icon=":material/keyboard:",
    )
    st.stop()
try:
    report = textcheck.analyze(text)
except textcheck.TextTooLongError as error:
    st.error(md_escape(str(error)), icon=":material/error:")
    st.stop()
comparison = textcheck.compare_doses(report.doses, ds.evidence, ds.regimens)
wording = textcheck.language_summary(report)

# 3. Render
cols = st.columns(4)
cols[0].metric("Doses found", len(report.doses))
cols[1].metric("Sure-sounding words", len(report.sure_words))
cols[2].metric("Hedges", len(report.hedges))
cols[3].metric("Checklist warnings", sum(not item.good for item in report.checklist))

st.subheader("Doses")
if comparison.empty:
    st.markdown("We found no cell doses (such as “50 million stem cells”) in this text.")
else:
    for dose, row in zip(report.doses, comparison.to_dict("records"), strict=True):
        st.markdown(
            f":orange-background[**{md_escape(dose.text)}**] · {row['cells']} · route: {row['route']}  \n"
            f"Trials in our data: {row['trials in our data']}, {row['compared with trials']}. "
            f"The five pages: {row['the five pages']}."
        )
        st.caption(f"“{md_escape(dose.sentence)}”")
    with st.expander("All doses as a table"):
        st.dataframe(comparison.drop(columns="start"), hide_index=True, width="stretch")
    st.caption(
        "“Trials in our data” are the doses used in the trials on the Evidence page for the same route "
        "(all routes when the text names none). A dose outside that range was simply never tested; that alone "
        "does not make it harmful or useless. “The five pages” are the doses given by the pages we examined."
    )

st.subheader("How sure it sounds")
for _kind, label, count, words in wording:
    shown = md_escape(", ".join(words[:8])) + (" …" if len(words) > 8 else "")
    st.markdown(f"**{label}:** {count}" + (f" ({shown})" if words else ""))
st.caption(
    "Trials speak carefully: “may”, “in this study”, “more research is needed”. Adverts speak in certainties: "
    "“proven”, “revolutionary”, “patients report”. Many sure words and few hedges is a warning sign."
)

st.subheader("What it tells you, and what it leaves out")
for item in report.checklist:
    icon = ":material/check_circle:" if item.good else ":material/warning:"
    st.markdown(f"{icon} **{md_escape(item.question)}** {'Yes' if item.found else 'No'}.")
    if item.evidence:
        st.caption(f"“{md_escape(item.evidence)}”")
    if item.note:
        st.caption(item.note)

st.subheader("The text, with findings marked")
st.caption("Bold on orange: a dose. Italic on red: sure-sounding or hype words. Plain on blue: hedges.")
with st.expander("The whole text", expanded=True):
    st.markdown(textcheck.highlighted_markdown(text, report))

st.subheader("Take the report with you")
cols = st.columns(2)
cols[0].download_button(
    "Download report (Markdown)",
    data=lambda: textcheck.report_markdown(report, comparison).encode("utf-8"),
    file_name="text-check-report.md",
    mime="text/markdown",
    icon=":material/download:",
)
cols[1].download_button(
    "Download findings (CSV)",
    data=lambda: textcheck.report_csv(report),
    file_name="text-check-findings.csv",
    mime="text/csv",
    icon=":material/table:",
)
ui.page_end(ds, text)
