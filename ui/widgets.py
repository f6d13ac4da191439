"""Widgets whose state lives in the page address (so a link reopens the same view), pagination and switches."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from core import i18n
from core.text import md_escape
from ui.language import _, lang

# The most characters of a value from the page address that a notice repeats: anyone can write a link, so its
# text must not fill the app's own notice with sentences that seem to come from us.
MAX_URL_ECHO = 40


def url_echo(raw: str) -> str:
    """A value from the page address as one short, escaped line (cut with an ellipsis) for a notice."""
    line = " ".join(str(raw).split())
    if len(line) > MAX_URL_ECHO:
        line = line[: MAX_URL_ECHO - 1].rstrip() + "…"
    return md_escape(line)


def share_link(page_url: str, params: Mapping[str, str]) -> str:
    """The page's address with its current choices as query parameters."""
    return page_url + ("?" + urlencode(params) if params else "")


def _seed_from_url(key: str, label: str, valid: Callable[[str], bool]) -> None:
    """On a session's first run, copy ?key=value into the widget state, or say why it was ignored."""
    if key in st.session_state or key not in st.query_params:
        return
    raw = st.query_params[key]
    if valid(raw):
        st.session_state[key] = raw
    else:
        st.warning(_link_not_found(label, raw))


def _link_not_found(label: str, raw: str) -> str:
    return _("The link asked for {what} “{value}”, which this page does not have; ignored.").format(
        what=label.lower(), value=url_echo(raw)
    )


def _write_to_url(key: str, value: str, default: str) -> None:
    # The default is left out so that a plain link and a link to the default view look the same.
    if value == default:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def bound_selectbox(
    label: str, options: Sequence[str], key: str, *, format_func: Callable[[Any], str] = str, help: str | None = None
) -> str:
    """A selectbox whose value lives in the URL as ?key=<option id>, so a link reopens the same view."""
    _seed_from_url(key, label, lambda raw: raw in options)
    value = st.selectbox(label, options, key=key, format_func=format_func, help=help)
    _write_to_url(key, value, options[0])
    return value


def bound_multiselect(
    label: str,
    options: Sequence[str],
    key: str,
    *,
    format_func: Callable[[Any], str] = str,
    help: str | None = None,
) -> list[str]:
    """A multiselect (default: everything) whose choice lives in the URL as ?key=a,b; unknown ids are dropped."""
    if key not in st.session_state and key in st.query_params:
        asked = [item for item in st.query_params[key].split(",") if item]
        unknown = [item for item in asked if item not in options]
        if unknown:
            st.warning(_link_not_found(label, ", ".join(unknown)))
        st.session_state[key] = [item for item in asked if item in options] or list(options)
    chosen = st.multiselect(label, options, default=None if key in st.session_state else list(options), key=key,
                            format_func=format_func, help=help)  # fmt: skip
    _write_to_url(key, ",".join(chosen), ",".join(options))
    return chosen


def bound_number(
    label: str,
    key: str,
    *,
    default: float,
    min_value: float,
    max_value: float,
    step: float,
    number_format: str | None = None,
    help: str | None = None,
) -> float:
    """A number input whose value lives in the URL as ?key=70; out-of-range or non-numbers are ignored with a notice."""

    def valid(raw: str) -> bool:
        try:
            return min_value <= float(raw) <= max_value
        except ValueError:
            return False

    if key not in st.session_state and key in st.query_params:
        raw = st.query_params[key]
        if valid(raw):
            st.session_state[key] = type(default)(snap_to_step(float(raw), min_value, max_value, step))
        else:
            low, high = (f"{min_value:g}", f"{max_value:g}") if lang() == i18n.DEFAULT else (
                i18n.format_number(min_value, lang()), i18n.format_number(max_value, lang()))  # fmt: skip
            st.warning(
                _("The link asked for {what} “{value}”, which is not a number from {low} to {high}; ignored.").format(
                    what=label.lower(), value=url_echo(raw), low=low, high=high
                )
            )
    value = st.number_input(
        label,
        min_value=min_value,
        max_value=max_value,
        value=None if key in st.session_state else default,
        step=step,
        format=number_format,
        key=key,
        help=help,
    )
    # Snapped, so that 70.4 and 70 are one view (and one cache entry), not two: see ui.loading.derived().
    value = type(default)(snap_to_step(value, min_value, max_value, step))
    _write_to_url(key, f"{value:g}", f"{default:g}")
    return value


def snap_to_step(value: float, min_value: float, max_value: float, step: float) -> float:
    """The nearest allowed value: a whole number of steps above the minimum, within the range."""
    steps = round((min(max(value, min_value), max_value) - min_value) / step)
    return min(max_value, round(min_value + steps * step, 10))


def paginate(frame: Sequence[Any] | pd.DataFrame, key: str, *, per_page: int, noun: str | None = None) -> Any:
    """Show a long list (a table's rows, or a sequence) a page at a time; the page number lives in the URL as ?key=2.

    `noun` names what is listed, in the reader's language and plural ("claims", "afirmaciones"); rows by default.
    """
    noun = noun or _("rows")
    pages = max(1, -(-len(frame) // per_page))
    options = [str(number) for number in range(1, pages + 1)]
    if st.session_state.get(key) not in (None, *options):
        # The filters shrank the list below the page the reader was on: start again at page 1.
        del st.session_state[key]
    with st.columns([1, 3])[0]:
        count = _("{total} {noun}, {per_page} per page").format(total=len(frame), noun=noun, per_page=per_page)
        page = int(bound_selectbox(_("Results page"), options, key=key, help=count))
    first = (page - 1) * per_page
    shown = frame.iloc[first : first + per_page] if isinstance(frame, pd.DataFrame) else frame[first : first + per_page]
    st.caption(
        _("Showing {first}–{last} of {total} {noun}.").format(
            first=first + 1 if len(shown) else 0, last=first + len(shown), total=len(frame), noun=noun
        )
    )
    return shown


def reveal(label: str, key: str) -> bool:
    """A switch that shows details on demand.

    Unlike st.expander, whose hidden contents are still built and sent on every rerun, the details behind a
    switch cost nothing until a reader turns it on; on a page with dozens of cards that is most of the rerun.
    """
    return st.toggle(label, key=key)


def bound_toggle(label: str, key: str, *, on_value: str = "1", help: str | None = None) -> bool:
    """A switch whose state lives in the URL as ?key=1 (or ?key=<on_value>; off is left out), so a link opens it."""
    if key not in st.session_state and key in st.query_params:
        raw = st.query_params[key]
        st.session_state[key] = raw == on_value
        if raw not in (on_value, "", "0"):
            st.warning(_("The link asked for “{value}” for the switch “{label}”, which it does not have; ignored.")
                       .format(value=md_escape(raw), label=label))  # fmt: skip
    value = st.toggle(label, key=key, help=help)
    _write_to_url(key, on_value if value else "", "")
    return value


def page_buttons(total: int, key: str, *, per_page: int) -> None:
    """Previous/next buttons under a paginated list, moving the same page control that paginate() drew."""
    pages = max(1, -(-total // per_page))
    page = int(st.session_state.get(key) or 1)

    def go(number: int) -> None:
        st.session_state[key] = str(number)

    left, middle, right = st.columns([1, 1, 1], vertical_alignment="center")
    left.button(_("Previous page"), key=f"{key}_previous", on_click=go, args=(page - 1,), disabled=page <= 1,
                icon=":material/arrow_back:", width="stretch")  # fmt: skip
    middle.markdown(_("Page {page} of {pages}").format(page=page, pages=pages))
    right.button(_("Next page"), key=f"{key}_next", on_click=go, args=(page + 1,), disabled=page >= pages,
                 icon=":material/arrow_forward:", width="stretch")  # fmt: skip
