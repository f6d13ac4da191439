"""Check a text: paste or upload an advert or article and see its red flags, doses, wording and what it leaves out."""

import streamlit as st

import ui
from core.text import md_escape
from core.views import check_a_text as view
from ui import _
from ui import scroll as ui_scroll
from ui import textcheck as check_ui

ds = ui.page_frame(
    _("Check a text"),
    _(
        "Paste the text of an advert or article about stem-cell shots for knee or back pain, or upload it as a file, "
        "and press **Check**. We list its red flags, say what kind of page it reads like, pick out the doses and set "
        "them beside human trials, and mark the words that make it sound sure. This is a quick automatic reading: "
        "check each finding against the text yourself."
    ),
)

# 1. Inputs
checked, guess, upload = check_ui.inputs()

# 2. Compute
text = st.session_state.get("text") or ""
if upload is not None:
    data = upload.getvalue()
    try:
        text = view.read_upload(upload.name, data, ds.lang)
    except view.TextCheckError as error:  # the checker says what is wrong, in the visitor's language
        st.warning(md_escape(str(error)), icon=":material/info:")
        ui.stop_page()
    st.caption(_("Checking the uploaded file “{name}” (remove it to check the pasted text).").format(
        name=md_escape(upload.name)))  # fmt: skip
if not text.strip():
    st.info(_("Paste a text in the box above and press **Check**, upload a file, or press **Fill in an example**."),
            icon=":material/keyboard:")  # fmt: skip
    ui.stop_page()
try:
    report = ui.analyze_text(text, ds.lang)
except view.TextTooLongError as error:
    st.warning(md_escape(str(error)), icon=":material/info:")
    ui.stop_page()
if report.read_as is None:  # a language the checker cannot read: say so, not an empty report
    check_ui.cannot_read(report, checked)
    ui.stop_page()
comparison = view.compare_doses(report.doses, ds.evidence, ds.regimens, report.condition, ds.lang)
flags = report.red_flags + view.dose_flags(report.doses, ds.evidence, report.condition, ds.lang)
level, verdict = view.summary(report, ds.lang)
guesses = view.guess_lines(report, text, ds.lang) if guess else []

# 3. Render
if guess:
    st.subheader(_("Your reading first"))
    if not check_ui.guess_first(guesses):
        ui.stop_page()  # the checker's answer stays hidden until the room reveals it
# No green "all clear": the checker misses many warning signs (see view.no_flags_line), so a neutral result is
# information, not a pass.
with st.container(key="check_result"):
    st.caption(view.read_as_sentence(report, ds.lang))  # said first: which language's rules read it
    {"advert": st.warning, "caution": st.warning, "neutral": st.info}[level](verdict, icon=":material/policy:")
ui_scroll.scroll_after_press(checked, "check_result")  # on a phone the result starts below the box and buttons
if note := view.truncation_note(report, ds.lang):
    st.caption(note)
st.markdown(view.counts_line(flags, report, ds.lang))

st.subheader(_("Red flags"))
if not flags:
    st.markdown(view.no_flags_line(ds.lang))
check_ui.red_flag_groups(view.flag_groups(flags, ds.lang))
if groups := view.suspect_groups(report, ds.lang):
    st.markdown("**{}**".format(_("Read them yourself")))
    check_ui.guided_reading(groups)

st.subheader(_("What kind of page this reads like"))
kind = report.page_kind
st.markdown(f"**{view.kind_label(kind.kind, ds.lang)}**")
if kind.cues:
    st.caption(view.kind_cues_line(kind.cues, text, ds.lang))

st.subheader(_("Doses"))
check_ui.doses(report, comparison)
check_ui.amounts(report.amounts)

st.subheader(_("How sure it sounds"))
for line in view.wording_lines(report, ds.lang):
    st.markdown(line)
st.caption(_(
    "Trials speak carefully: “may”, “in this study”, “more research is needed”. Adverts speak in certainties. "
    "Words the page only quotes or reports (“clinics claim …”) are not counted against it."
))  # fmt: skip

st.subheader(_("What it tells you, and what it leaves out"))
check_ui.checklist(report.checklist)
check_ui.questions_to_ask(view.questions_to_ask(report, ds.lang))

check_ui.marked_text(text, report)

st.subheader(_("Take the report with you"))
check_ui.report_downloads(report, comparison)
ui.page_end(ds, text)
