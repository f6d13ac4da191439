"""The text checker's cached analysis: one pass per pasted text, however often the page reruns."""

from __future__ import annotations

import streamlit as st


# NOTE: a small cache keyed by the text: a rerun (a click on a download, a widget on the page) must not analyse the
# same 200,000 characters again, and 16 texts of at most 200,000 characters bound its memory to a few megabytes.
@st.cache_data(show_spinner=False, max_entries=16, ttl=3600)
def analyze_text(text: str):
    """core.textcheck.analyze(text), cached per text; TextTooLongError is raised (and not cached) as usual."""
    from core import textcheck

    return textcheck.analyze(text)
