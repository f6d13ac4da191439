"""Host the app: `streamlit run serve.py` serves the same pages hardened (hosting.py), with imports done at start."""

import os
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from hosting import DocumentLanguage, Hardening


@asynccontextmanager
async def warm_up(_app):
    # Without this, the first visitor's page load pays for importing pandas, Altair and the app's modules
    # (about a second of CPU on this machine). The data itself still loads on the first visit, through the
    # same cache every session uses.
    import ui  # noqa: F401
    from core.views import claims, doses, evidence, home, mechanisms, routes, sources  # noqa: F401

    yield


def setting(name: str) -> str | None:
    """A hosting setting from the environment, else from .streamlit/secrets.toml (as on Community Cloud)."""
    try:
        return os.environ.get(name) or st.secrets.get(name)
    except FileNotFoundError:  # no secrets file at all
        return None


# Plain `streamlit run streamlit_app.py` has no place for middleware: only st.App carries it.
app = st.App(
    Path(__file__).with_name("streamlit_app.py"),
    lifespan=warm_up,
    middleware=[Middleware(Hardening, setting=setting), Middleware(DocumentLanguage)],
)
