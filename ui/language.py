"""The visitor's language: which one this session shows, its interface text, the switch, and links that keep it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import i18n

_STATE_KEY = "_language"  # the language this session last asked for, for links that arrive without ?lang=
_PLAIN = re.compile(r"[A-Za-z0-9_.,\-]{1,200}")  # the app's own query values: codes, ids, numbers, lists


def lang() -> str:
    """The language of this run: the link's ?lang=, else what this session chose before, else the browser's.

    Worked out once per run (a page asks for every string it translates, some seventy times): the answer is kept on
    the run's context beside the cursors Streamlit makes anew for each run, so a new run always asks again.
    """
    ctx = get_script_run_ctx()
    remembered = getattr(ctx, "_visit_language", None)
    if remembered is not None and remembered[0] is ctx.cursors:
        return remembered[1]
    found = _language_of_this_run()
    if ctx is not None:
        ctx._visit_language = (ctx.cursors, found)
    return found


def _language_of_this_run() -> str:
    asked = i18n.supported(st.query_params.get(i18n.QUERY_KEY))
    if asked:
        if st.session_state.get(_STATE_KEY) != asked:
            st.session_state[_STATE_KEY] = asked
        return asked
    return st.session_state.get(_STATE_KEY) or i18n.choose_language(None, st.context.locale)


def _(message: str) -> str:
    """Interface text in the visitor's language. Use "{name}" placeholders and .format() after, never an f-string:
    extraction reads the literal, and the translation must be looked up before the values go in."""
    return i18n.gettext(lang(), message)


def _n(singular: str, plural: str, n: int) -> str:
    """The singular or plural interface text for n, in the visitor's language."""
    return i18n.ngettext(lang(), singular, plural, n)


def _p(context: str, message: str) -> str:
    """Interface text whose English means different things in different places, told apart by `context`."""
    return i18n.pgettext(lang(), context, message)


def link_query(params: Mapping[str, str] | None = None) -> dict[str, str]:
    """A link's query parameters with the visitor's language added, so the next page opens in it too."""
    return {**(params or {}), i18n.QUERY_KEY: lang()}


def page_link(page: str, *, label: str, icon: str | None = None, query_params: Mapping[str, str] | None = None,
              **kwargs) -> None:  # fmt: skip
    """st.page_link that keeps the visitor's language: every link to another page of the app goes through here."""
    st.page_link(page, label=label, icon=icon, query_params=link_query(query_params), **kwargs)


def language_switch() -> None:
    """ "English · Español": the current language as plain text, the other as a link that reloads the page in it.

    A real link (a full page load), not a widget: the server writes the document's lang attribute into the page
    it sends (hosting.DocumentLanguage), and Streamlit's own page changes never send a new document. The link keeps
    the page's other query parameters (a phone's room code and place, a chosen weight): only the language changes.
    Only plain values are kept (the app's own choices are codes and numbers): anything else in the address is not
    echoed back into a link, and what is kept is URL-encoded and escaped all the same.
    """
    current = lang()
    kept = {key: value for key, value in st.query_params.to_dict().items()
            if key != i18n.QUERY_KEY and _PLAIN.fullmatch(key) and _PLAIN.fullmatch(value)}  # fmt: skip
    parts = []
    for code in i18n.LANGUAGES:
        name = escape(i18n.NAMES[code])
        if code == current:
            parts.append(f'<strong lang="{code}" aria-current="true">{name}</strong>')
        else:
            href = escape("?" + urlencode({**kept, i18n.QUERY_KEY: code}))
            parts.append(f'<a href="{href}" hreflang="{code}" lang="{code}">{name}</a>')
    label = escape(_("Language"))
    st.html(f'<nav aria-label="{label}" data-testid="language-switch">{" · ".join(parts)}</nav>')
