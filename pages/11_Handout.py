"""Handout: a one-page printable summary of the key findings with a link and QR code back to the app."""

import datetime

import streamlit as st

import ui
from core import handout, views
from core.text import md_escape

ds = ui.page_frame(
    "Handout",
    "A one-page summary to print or share: the key findings, questions to ask a clinic, and a QR code "
    "that opens this site. Download it, open it in a browser and print it.",
)

# 1. Inputs: the address participants should reach (the hosted app, not this machine, in a workshop).
default_url = st.context.url.split("/Handout")[0] if st.context.url else "http://localhost:8501"
app_url = st.text_input("Address of the app to print on the handout", value=default_url, key="app_url")

# 2. Compute
try:
    page = ui.derived(handout.handout_html, app_url, datetime.date.today().isoformat())
except handout.HandoutError as error:
    st.error(md_escape(str(error)))
    st.stop()

# 3. Render: a plain preview, and the print-ready file.
st.download_button(
    "Download the handout (print-ready HTML)",
    data=page.encode("utf-8"),
    file_name="stem-cell-claims-handout.html",
    mime="text/html",
    icon=":material/print:",
    key="handout_html",
)
with st.container(border=True):
    st.subheader("What we found")
    for finding in ui.derived(views.home):
        st.markdown(f"- **{md_escape(finding.headline)}** {md_escape(finding.detail)}")
    st.subheader("Questions to ask a clinic")
    st.markdown("\n".join(f"- {md_escape(q)}" for q in handout.QUESTIONS_FOR_A_CLINIC))
    st.caption(f"The printed page carries a QR code for {md_escape(app_url)}.")
ui.page_end(ds, *handout.QUESTIONS_FOR_A_CLINIC)
