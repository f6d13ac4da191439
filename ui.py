"""Streamlit helpers shared by every page: the page frame, cached loading, chart blocks and quotes."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import altair as alt
import pandas as pd
import streamlit as st

from core import data as core_data
from core import export
from core.glossary import terms_in
from core.text import md_escape

DISCLAIMER = (
    "**Not medical advice.** This site explains what web pages claim and what studies and regulators found. "
    "It cannot tell you whether a treatment is right for you: talk to a doctor you trust."
)


@dataclass(frozen=True)
class PageLink:
    path: str
    label: str
    icon: str


# The one list of pages. Streamlit routes each file by its name (pages/N_Name.py -> /Name);
# this list only gives the navigation readable labels and an order.
PAGES: tuple[PageLink, ...] = (
    PageLink("streamlit_app.py", "Home", ":material/home:"),
    PageLink("pages/1_Sources.py", "The five pages", ":material/description:"),
    PageLink("pages/2_Doses.py", "Dose discrepancies", ":material/vaccines:"),
    PageLink("pages/3_Routes.py", "Routes", ":material/route:"),
    PageLink("pages/4_Mechanisms.py", "Mechanisms", ":material/biotech:"),
    PageLink("pages/5_Claims.py", "Claims vs evidence", ":material/balance:"),
    PageLink("pages/6_Evidence.py", "Evidence & regulation", ":material/science:"),
    PageLink("pages/7_Check_a_text.py", "Check a text", ":material/plagiarism:"),
    PageLink("pages/8_Exercises.py", "Exercises", ":material/quiz:"),
    PageLink("pages/10_Facilitator_guide.py", "Facilitator guide", ":material/co_present:"),
    PageLink("pages/11_Handout.py", "Handout", ":material/print:"),
    PageLink("pages/9_Methods.py", "Methods & caveats", ":material/fact_check:"),
)


# --- loading -------------------------------------------------------------------------------------


_KEY_TTL_SECONDS = 1.0
_key_memo: dict[str, tuple[float, tuple]] = {}


def _data_key() -> tuple[str, tuple[tuple[str, int, float], ...]]:
    """The data folder and its files' sizes and times: a new key whenever a file changes.

    Looked at no more than once a second per folder: a page asks several times per rerun, and an edited
    file is still picked up on the next click.
    """
    folder = core_data.default_data_dir()
    now = time.monotonic()
    memo = _key_memo.get(str(folder))
    if memo and now - memo[0] < _KEY_TTL_SECONDS:
        return str(folder), memo[1]
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    signature = tuple((p.name, p.stat().st_size, p.stat().st_mtime) for p in files if p.is_file())
    _key_memo[str(folder)] = (now, signature)
    return str(folder), signature


# NOTE: cache_resource, not cache_data: every session shares one Dataset object instead of unpickling a
# copy on each rerun (about 7 ms). Core functions never mutate their inputs, and nothing else may either.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load_cached(folder: str, signature: tuple) -> core_data.Dataset:
    return core_data.load(folder)


def load_dataset() -> core_data.Dataset:
    """The validated dataset, loaded once per data folder and file change (shared: never mutate it)."""
    folder, signature = _data_key()
    return _load_cached(folder, signature)


# NOTE: shared, not copied (cache_resource): unpickling a view of a hundred small tables on every rerun cost
# more than computing it. Views are read-only; pages only read them.
@st.cache_resource(show_spinner=False, max_entries=512)
def _derived(name: str, data_key: tuple, args: tuple, _fn: Callable[..., Any]) -> Any:
    # name, data_key and args are only the cache key; the function itself is not hashed (leading underscore).
    return _fn(load_dataset(), *args)


def derived(fn: Callable[..., Any], *args: Hashable) -> Any:
    """fn(dataset, *args), computed once per data version and argument values, shared by all sessions.

    Arguments must be small and hashable (a weight, a tuple of ids), never DataFrames: they form the cache key.
    """
    return _derived(f"{fn.__module__}.{fn.__qualname__}", _data_key(), args, fn)


# --- frame ---------------------------------------------------------------------------------------


def page_frame(title: str, intro: str) -> core_data.Dataset:
    """Set up a page: config, navigation, title, disclaimer; return the dataset or stop with its error."""
    st.set_page_config(page_title=f"{title} · Stem-cell claims vs evidence", page_icon="🔬", layout="wide")
    with st.sidebar:
        st.markdown("**Stem-cell claims vs evidence**")
        for page in PAGES:
            st.page_link(page.path, label=page.label, icon=page.icon)
        st.divider()
        # Plain text, not a caption: the faded caption grey falls just under 4.5:1 contrast on the sidebar.
        st.markdown(
            "Knee and back pain: what five web pages claim, next to what trials and regulators found. "
            "Every quote names its source file; every study carries a checked citation."
        )
    st.title(title)
    st.info(DISCLAIMER, icon=":material/medical_information:")
    st.markdown(intro)
    try:
        ds = load_dataset()
    except core_data.DataError as error:
        st.error(
            f"**The data could not be loaded, so this page cannot be shown.**\n\n"
            f"{md_escape(str(error))}\n\n"
            f"Fix that cell (see data/README.md for the rules) and reload the page.",
            icon=":material/error:",
        )
        st.stop()
    _glossary_lookup(ds)
    return ds


def _glossary_lookup(ds: core_data.Dataset) -> None:
    with st.sidebar:
        term = st.selectbox("Look up a word", ds.glossary["term"], index=None, key="glossary_term",
                            placeholder="e.g. intrathecal")  # fmt: skip
        if term:
            row = ds.glossary.set_index("term").loc[term]
            st.markdown(f"**{md_escape(term)}**: {md_escape(row['plain_definition'])}")
            if row["detail"]:
                st.caption(md_escape(row["detail"]))


def page_end(ds: core_data.Dataset, *texts: str) -> None:
    """Close a page: explain the glossary words in its text, and offer a link to exactly this view."""
    glossary_note(ds, *texts)
    # A plain text field, not st.code: the code block's copy button shows on hover only and Tab never reaches it.
    st.text_input(
        "Share this view: this link keeps your choices on this page (select it all and copy)",
        value=share_link(st.context.url or "", st.query_params.to_dict()),
    )


def glossary_note(ds: core_data.Dataset, *texts: str) -> None:
    """An expander explaining the glossary words that appear in the given texts."""
    found = terms_in(ds.glossary, *texts)
    if found.empty:
        return
    with st.expander(f"Words on this page, explained ({len(found)})", icon=":material/menu_book:"):
        st.markdown(
            "\n".join(f"- **{md_escape(r.term)}**: {md_escape(r.plain_definition)}" for r in found.itertuples())
        )


# --- widgets -------------------------------------------------------------------------------------


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
        st.warning(f"The link asked for {label.lower()} “{md_escape(raw)}”, which this page does not have; ignored.")


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
            st.warning(
                f"The link asked for {label.lower()} {md_escape(', '.join(unknown))}, which this page does not have; "
                "ignored."
            )
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
            st.session_state[key] = type(default)(float(raw))
        else:
            st.warning(
                f"The link asked for {label.lower()} “{md_escape(raw)}”, which is not a number from {min_value:g} to "
                f"{max_value:g}; ignored."
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
    _write_to_url(key, f"{value:g}", f"{default:g}")
    return value


def paginate(frame: pd.DataFrame, key: str, *, per_page: int, noun: str = "rows") -> pd.DataFrame:
    """Show a long list a page at a time; the page number lives in the URL as ?key=2."""
    pages = max(1, -(-len(frame) // per_page))
    options = [str(number) for number in range(1, pages + 1)]
    if st.session_state.get(key) not in (None, *options):
        # The filters shrank the list below the page the reader was on: start again at page 1.
        del st.session_state[key]
    with st.columns([1, 3])[0]:
        page = int(bound_selectbox("Results page", options, key=key, help=f"{len(frame)} {noun}, {per_page} per page"))
    first = (page - 1) * per_page
    shown = frame.iloc[first : first + per_page]
    st.caption(f"Showing {first + 1 if len(shown) else 0}–{first + len(shown)} of {len(frame)} {noun}.")
    return shown


def reveal(label: str, key: str) -> bool:
    """A switch that shows details on demand.

    Unlike st.expander, whose hidden contents are still built and sent on every rerun, the details behind a
    switch cost nothing until a reader turns it on; on a page with dozens of cards that is most of the rerun.
    """
    return st.toggle(label, key=key)


# --- blocks --------------------------------------------------------------------------------------


def quote(text: str, source_label: str, seed_file: str) -> None:
    """A verbatim quote, escaped so it renders as text, with its attribution."""
    st.markdown(f"> “{md_escape(text)}”\n>\n> — *{md_escape(source_label)}, seed file {md_escape(seed_file)}*")


def quotes(rows: pd.DataFrame, note: Callable[[Any], str]) -> None:
    """Each row's verbatim quote, attributed (needs quote, short_label and seed_file), with a note under it."""
    for row in rows.itertuples():
        quote(row.quote, row.short_label, row.seed_file)
        st.caption(note(row))


def chart_block(
    chart: alt.TopLevelMixin | Mapping[str, Any], *, caption: str, data: pd.DataFrame, file_stem: str
) -> None:
    """A chart with its caveat caption; one switch away, the data as a table and CSV, and PNG and SVG images.

    Pass a spec from a cached view where the page reruns often: building and validating an Altair chart costs
    tens of milliseconds. The spec's top-level `description` is its text alternative: Streamlit gives it to
    screen readers as the chart's accessible name, and it travels into exported images.
    """
    spec = export.to_spec(chart)
    if not str(spec.get("description", "")).strip():
        raise ValueError(f"chart '{file_stem}' has no description (text alternative)")
    st.vega_lite_chart(spec=spec, width="stretch", theme=None)
    st.caption(caption)
    if reveal("Data behind this chart, and downloads", key=f"data_{file_stem}"):
        st.dataframe(data, hide_index=True, width="stretch")
        table_download(data, file_stem)
        image_downloads(spec, caption, file_stem)


def image_downloads(spec: Mapping[str, Any], caption: str, file_stem: str) -> None:
    """PNG and SVG downloads of a chart with its caveat drawn in; rendered only when clicked."""
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        st.download_button(
            f"Download {fmt.upper()}",
            data=lambda fmt=fmt: export.render(export.with_caveat(spec, caption), fmt),
            file_name=f"{file_stem}.{fmt}",
            mime=mime,
            key=f"{fmt}_{file_stem}",
            icon=":material/image:",
        )


def table_download(frame: pd.DataFrame, file_stem: str, label: str = "Download CSV") -> None:
    """A CSV download of a table shown on the page."""
    st.download_button(
        label,
        # Built only when clicked, so a page does not serialise every table on every rerun.
        data=lambda: core_data.flatten_lists(frame).to_csv(index=False).encode("utf-8"),
        file_name=f"{file_stem}.csv",
        mime="text/csv",
        key=f"csv_{file_stem}",
    )
