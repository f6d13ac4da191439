"""Check a text: paste or upload an advert or article and see its red flags, doses, wording and what it leaves out."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import check_a_text as view
from ui import scroll as ui_scroll
from ui import textcheck as check_ui

ds = ui.page_frame(
    "Check a text",
    "Paste the text of an advert or article about stem-cell shots for knee or back pain, or upload it as a file, "
    "and press **Check**. We list its red flags, say what kind of page it reads like, pick out the doses and set "
    "them beside human trials, and mark the words that make it sound sure. This is a quick automatic reading: "
    "check each finding against the text yourself.",
)


def _fill_example() -> None:
    st.session_state["text"] = view.EXAMPLE


# 1. Inputs
with st.form("check", border=False):
    st.text_area(
        "Text to check",
        key="text",
        height=200,
        placeholder="Paste the text of an advert, clinic page or news story here.",
        help=f"Up to {view.MAX_CHARS:,} characters. Nothing you paste is stored or sent anywhere else.",
    )
    checked = st.form_submit_button("Check", type="primary", icon=":material/search:")
st.button("Fill in an example", on_click=_fill_example, icon=":material/edit_note:")
guess = ui.bound_toggle("Guess first: mark the red flags yourself, then compare with the checker", key="guess",
                        help="For a workshop: everyone marks the sentences first; the checker's answer stays hidden "
                        "until you reveal it.")  # fmt: skip
upload = st.file_uploader(
    "Or upload a file (.txt, .md or .html)",
    help="A saved web page works: we keep its text and drop its code. For a PDF or Word file, copy its text "
    "and paste it into the box instead.",
)

# 2. Compute
text = st.session_state.get("text") or ""
if upload is not None:
    try:
        text = view.read_upload(upload.name, upload.getvalue())
    except view.TextCheckError as error:
        st.warning(md_escape(str(error)), icon=":material/info:")
        ui.stop_page()
    st.caption(f"Checking the uploaded file “{md_escape(upload.name)}” (remove it to check the pasted text).")
if not text.strip():
    st.info("Paste a text in the box above and press **Check**, upload a file, or press **Fill in an example**.",
            icon=":material/keyboard:")  # fmt: skip
    ui.stop_page()
try:
    report = ui.analyze_text(text)
except view.TextTooLongError as error:
    st.warning(md_escape(str(error)), icon=":material/info:")
    ui.stop_page()
comparison = view.compare_doses(report.doses, ds.evidence, ds.regimens, report.condition)
flags = report.red_flags + view.dose_flags(report.doses, ds.evidence, report.condition)
level, verdict = view.summary(report)
guesses = view.guess_lines(report, text) if guess else []

# 3. Render
if guess:
    st.subheader("Your reading first")
    if not check_ui.guess_first(guesses):
        ui.stop_page()  # the checker's answer stays hidden until the room reveals it
# No green "all clear": the checker misses many warning signs (see view.no_flags_line), so a neutral result is
# information, not a pass.
with st.container(key="check_result"):
    {"advert": st.warning, "caution": st.warning, "neutral": st.info}[level](verdict, icon=":material/policy:")
ui_scroll.scroll_after_press(checked, "check_result")  # on a phone the result starts below the box and buttons
if note := view.truncation_note(report):
    st.caption(note)
st.markdown(view.counts_line(flags, report))

st.subheader("Red flags")
if not flags:
    st.markdown(view.no_flags_line())
check_ui.red_flag_groups(view.flag_groups(flags))
if groups := view.suspect_groups(report):
    st.markdown("**Read them yourself**")
    check_ui.guided_reading(groups)

st.subheader("What kind of page this reads like")
kind = report.page_kind
st.markdown(f"**{view.KIND_LABELS[kind.kind].capitalize()}**")
if kind.cues:
    st.caption(view.kind_cues_line(kind.cues, text))

st.subheader("Doses")
check_ui.doses(report, comparison)
check_ui.amounts(report.amounts)

st.subheader("How sure it sounds")
for line in view.wording_lines(report):
    st.markdown(line)
st.caption(
    "Trials speak carefully: “may”, “in this study”, “more research is needed”. Adverts speak in certainties. "
    "Words the page only quotes or reports (“clinics claim …”) are not counted against it."
)

st.subheader("What it tells you, and what it leaves out")
check_ui.checklist(report.checklist)
check_ui.questions_to_ask(view.questions_to_ask(report))

st.subheader("The text, with findings marked")
st.caption("Bold on red: a red flag. Bold on orange: a dose. Italic on red: sure-sounding words. "
           "Grey: words the page quotes or reports. Blue: hedges.")  # fmt: skip
with st.expander("The whole text", expanded=False):
    st.markdown(view.highlighted_markdown(text, report))

st.subheader("Take the report with you")
check_ui.report_downloads(report, comparison)
ui.page_end(ds, text)
