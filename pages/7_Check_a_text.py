"""Check a text: paste or upload an advert or article and see its red flags, doses, wording and what it leaves out."""

import streamlit as st

import ui
from core import textcheck
from core.text import md_escape
from core.views import check_a_text as view

ds = ui.page_frame(
    "Check a text",
    "Paste the text of an advert or article about stem-cell shots for knee or back pain, or upload it as a file, "
    "and press **Check**. We list its red flags, say what kind of page it reads like, pick out the doses and set "
    "them beside human trials, and mark the words that make it sound sure. This is a quick automatic reading: "
    "check each finding against the text yourself.",
)


def _fill_example() -> None:
    st.session_state["text"] = textcheck.EXAMPLE


# 1. Inputs
with st.form("check", border=False):
    st.text_area(
        "Text to check",
        key="text",
        height=200,
        placeholder="Paste the text of an advert, clinic page or news story here.",
        help=f"Up to {textcheck.MAX_CHARS:,} characters. Nothing you paste is stored or sent anywhere else.",
    )
    st.form_submit_button("Check", type="primary", icon=":material/search:")
st.button("Fill in an example", on_click=_fill_example, icon=":material/edit_note:")
upload = st.file_uploader(
    "Or upload a file (.txt, .md or .html)",
    help="A saved web page works: we keep its text and drop its code. For a PDF or Word file, copy its text "
    "and paste it into the box instead.",
)

# 2. Compute
text = st.session_state.get("text") or ""
if upload is not None:
    try:
        text = textcheck.read_upload(upload.name, upload.getvalue())
    except textcheck.TextCheckError as error:
        st.warning(md_escape(str(error)), icon=":material/info:")
        ui.stop_page()
    st.caption(f"Checking the uploaded file “{md_escape(upload.name)}” (remove it to check the pasted text).")
if not text.strip():
    st.info("Paste a text in the box above and press **Check**, upload a file, or press **Fill in an example**.",
            icon=":material/keyboard:")  # fmt: skip
    ui.stop_page()
try:
    report = ui.analyze_text(text)
except textcheck.TextTooLongError as error:
    st.warning(md_escape(str(error)), icon=":material/info:")
    ui.stop_page()
comparison = textcheck.compare_doses(report.doses, ds.evidence, ds.regimens, report.condition)
flags = report.red_flags + textcheck.dose_flags(report.doses, ds.evidence, report.condition)
level, verdict = textcheck.summary(report)

# 3. Render
# No green "all clear": the checker misses many warning signs (see view.no_flags_line), so a neutral result is
# information, not a pass.
{"advert": st.warning, "caution": st.warning, "neutral": st.info}[level](verdict, icon=":material/policy:")
if note := textcheck.truncation_note(report):
    st.caption(note)
st.markdown(view.counts_line(flags, report))

st.subheader("Red flags")
if not flags:
    st.markdown(view.no_flags_line())
for group in view.flag_groups(flags):
    with st.container(border=True):
        st.markdown(f":red[**{group.label}**] ({group.count}): " + ", ".join(f"“{q}”" for q in group.quotes))
        st.caption(group.reason)
        ui.page_link(group.page, label=f"Why it matters: {group.page_label}", icon=":material/arrow_forward:")

st.subheader("What kind of page this reads like")
kind = report.page_kind
st.markdown(f"**{textcheck.KIND_LABELS[kind.kind].capitalize()}**")
if kind.cues:
    st.caption(view.kind_cues_line(kind.cues, text))

st.subheader("Doses")
if comparison.empty:
    st.markdown("We found no doses (such as “50 million stem cells”) in this text.")
else:
    for dose, row in zip(report.doses, comparison.to_dict("records"), strict=True):
        st.markdown(view.dose_line(dose, row))
        st.caption(view.quoted(dose.sentence))
    with st.expander("All doses as a table"):
        st.dataframe(comparison.drop(columns="start"), hide_index=True, width="stretch")
    st.caption(
        "We compare a cell dose only with human trials of the same condition, route and basis (per knee, per "
        "disc, per kg). Animal studies and other diseases are never the yardstick, and exosomes, platelets or "
        "particles are never compared with cells. A dose outside the trials' range was simply never tested."
    )
if report.amounts:
    with st.expander(f"Harvest volumes and prices ({len(report.amounts)})"):
        for amount in report.amounts:
            st.markdown(f"**{amount.kind.capitalize()}:** {md_escape(amount.text)}")

st.subheader("How sure it sounds")
for line in view.wording_lines(report):
    st.markdown(line)
st.caption(
    "Trials speak carefully: “may”, “in this study”, “more research is needed”. Adverts speak in certainties. "
    "Words the page only quotes or reports (“clinics claim …”) are not counted against it."
)

st.subheader("What it tells you, and what it leaves out")
for item in report.checklist:
    icon = ":material/check_circle:" if item.good else ":material/warning:"
    st.markdown(f"{icon} **{md_escape(item.question)}** {'Yes' if item.found else 'No'}.")
    if item.evidence:
        st.caption(view.quoted(item.evidence))
    if item.note:
        st.caption(md_escape(item.note))

st.subheader("The text, with findings marked")
st.caption("Bold on red: a red flag. Bold on orange: a dose. Italic on red: sure-sounding words. "
           "Grey: words the page quotes or reports. Blue: hedges.")  # fmt: skip
with st.expander("The whole text", expanded=False):
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
