"""Handout: a one-page printable summary of the key findings with a link and QR code back to the app."""

import datetime

import streamlit as st

import ui
from core.text import md_escape
from core.views import handout, home
from ui import room as room_ui

ds = ui.page_frame(
    ui._("Handout"),
    ui._(
        "A one-page summary to print or share: the key findings, questions to ask a clinic, and a QR code "
        "that opens this site. Show the code on screen for a room to scan, or download the page and print it."
    ),
)

# 1. Inputs: the address participants should reach (the hosted app, not this machine, in a workshop).
default_url, address_note = room_ui.phone_base()
room_ui.address_warning(address_note)
app_url = st.text_input(ui._("Address of the app to print on the handout"), value=default_url, key="app_url")

# 2. Compute: in another language than English, the link and its code carry ?lang= so phones open that language.
try:
    page = ui.derived(handout.handout_html, app_url, datetime.date.today().isoformat())
    link = handout.app_link(app_url, ds.lang)
    code = handout.qr_png(link)
except handout.HandoutError as error:
    st.warning(md_escape(str(error)), icon=":material/info:")
    ui.stop_page()
points = ui.derived(home.key_points)

# 3. Render: the code to scan, a plain preview, and the print-ready file.
st.subheader(ui._("Scan to open this site"))
st.image(code, width=300, alt=ui._("QR code that opens {url}").format(url=link))
st.caption(ui._("The code opens {url}").format(url=md_escape(link)))
st.download_button(
    ui._("Download the handout (print-ready HTML)"),
    data=page.encode("utf-8"),
    file_name=handout.file_name(ds.lang),
    mime="text/html",
    icon=":material/print:",
    key="handout_html",
)
questions = [ui._(q) for q in handout.QUESTIONS_FOR_A_CLINIC]
with st.container(border=True):
    st.subheader(ui._("What we found"))
    for point in points:
        st.markdown(f"- **{md_escape(point.headline)}** {md_escape(point.detail)}")
    st.subheader(ui._("Questions to ask a clinic"))
    st.markdown("\n".join(f"- {md_escape(q)}" for q in questions))
ui.page_end(ds, *questions)
