"""Host the app with Python's imports done while the server starts: `streamlit run serve.py` (same pages)."""

from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st


@asynccontextmanager
async def warm_up(_app):
    # Without this, the first visitor's page load pays for importing pandas, Altair and the app's modules
    # (about a second of CPU on this machine). The data itself still loads on the first visit, through the
    # same cache every session uses.
    import ui  # noqa: F401
    from core.views import claims, doses, evidence, home, mechanisms, routes, sources  # noqa: F401

    yield


app = st.App(Path(__file__).with_name("streamlit_app.py"), lifespan=warm_up)
