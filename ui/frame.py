"""The page frame: the one list of pages, navigation, title and disclaimer, glossary, and back/next links."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from core import data as core_data
from core import i18n, site
from core.i18n import N_
from core.text import md_escape
from core.views.embed import EMBED_QUERY_KEY
from core.workshop import glossary
from ui.chrome_words import chrome_words
from ui.language import _, lang, language_switch, link_query, page_link
from ui.loading import derived, load_edition
from ui.widgets import share_link

ROOT = Path(__file__).resolve().parents[1]  # the app's folder: page paths below are relative to it

# In English here; shown through _() in the visitor's language.
NOT_MEDICAL_ADVICE = N_("Not medical advice.")
DISCLAIMER_BODY = N_(
    "This site sets what web pages claim beside what studies and regulators found. "
    "Ask a doctor you trust about your own case."
)
DISCLAIMER = f"**{NOT_MEDICAL_ADVICE}** {DISCLAIMER_BODY}"  # the English notice, as Markdown
SITE_NAME = N_("Stem-cell claims vs evidence")


def disclaimer() -> str:
    """The not-medical-advice notice, in the visitor's language, as Markdown."""
    return f"**{_(NOT_MEDICAL_ADVICE)}** {_(DISCLAIMER_BODY)}"


# The pages come from core.site, the one registry; ui adds only their menu icons.
ICONS = {
    "home": ":material/home:",
    "sources": ":material/description:",
    "doses": ":material/vaccines:",
    "routes": ":material/route:",
    "mechanisms": ":material/biotech:",
    "claims": ":material/balance:",
    "evidence": ":material/science:",
    "check": ":material/plagiarism:",
    "exercises": ":material/quiz:",
    "guide": ":material/co_present:",
    "run": ":material/cast_for_education:",
    "join": ":material/group_add:",
    "handout": ":material/print:",
    "methods": ":material/fact_check:",
}
PAGES = site.PAGES


def page_label(path: str, fallback: str) -> str:
    """The menu label of the page at `path` (relative to the app's folder), or `fallback` if it has none."""
    page = site.by_path(path)
    return _(page.label) if page else fallback


def page_frame(
    title: str, intro: str, *, lead: Callable[[core_data.Dataset], None] | None = None, light: bool = False
) -> core_data.Dataset:
    """Set up a page: config, navigation, title, disclaimer; return the dataset or stop with its error.

    `lead` draws a page's main finding right under the title, before the disclaimer, so that a phone's first
    screen shows it. `light` leaves out the sidebar's glossary lookup, for a page that hundreds of phones redraw at
    once (the live room's Join page), where every element of a full page run counts.
    """
    if EMBED_QUERY_KEY in st.query_params:
        # The chart-only view other sites frame (core.embed): the chart, its caption and a credit, nothing else.
        from ui.share import embed_page

        embed_page(st.query_params[EMBED_QUERY_KEY])
        st.stop()
    st.set_page_config(page_title=f"{title} · {_(SITE_NAME)}", page_icon="🔬", layout="wide")
    with st.sidebar:
        # No list of pages here: the labelled menu at the top is the one list, on a phone and on a projector (a
        # second copy was 14 more links for every rerun of every page).
        st.markdown(f"**{_(SITE_NAME)}**")
        # Plain text, not a caption: the faded caption grey falls just under 4.5:1 contrast on the sidebar.
        st.markdown(
            _(
                "Knee and back pain: what five web pages claim, next to what trials and regulators found. "
                "Every quote names its source page; every study carries a checked citation."
            )
        )
    _menu()
    language_switch()
    chrome_words()
    st.title(title)
    try:
        ds = load_edition()
    except core_data.DataError as error:
        st.info(disclaimer(), icon=":material/medical_information:")
        # The error names a file and a cell, for whoever maintains the data; the words around it are the reader's,
        # and in another language the detail is labelled as English, not left as an unexplained foreign sentence.
        detail = md_escape(str(error))
        if lang() != i18n.DEFAULT:
            detail = _("Technical detail for whoever maintains the data (in English): {detail}").format(detail=detail)
        st.error(
            "**{}**\n\n{}\n\n{}".format(
                _("The data could not be loaded, so this page cannot be shown."),
                detail,
                _("Fix that cell (see data/README.md for the rules) and reload the page."),
            ),
            icon=":material/error:",
        )
        st.stop()
    if lead is not None:
        lead(ds)
    st.info(disclaimer(), icon=":material/medical_information:")
    st.markdown(intro)
    if not light:
        _glossary_lookup(ds)
    return ds


def _menu() -> None:
    # On a phone the sidebar hides behind an unlabelled arrow; a labelled menu at the top names what it opens.
    with st.popover(_("Menu: all pages"), icon=":material/menu:"):
        _page_links()


def _page_links() -> None:
    for page in PAGES:
        page_link(page.path, label=_(page.label), icon=ICONS[page.key])


@functools.lru_cache(maxsize=256)
def _resolved(file_name: str) -> str:
    # Resolving a path asks the file system for each of its folders: once per file, not on every rerun.
    return str(Path(file_name).resolve())


@functools.lru_cache(maxsize=1)
def _pages_by_file() -> dict[str, site.Page]:
    return {_resolved(str(ROOT / page.path)): page for page in PAGES}


def current_page() -> site.Page | None:
    """The PAGES entry of the script being run, found from the call stack (pages call ui, not the reverse)."""
    by_file = _pages_by_file()
    frame = inspect.currentframe()
    while frame is not None:
        page = by_file.get(_resolved(frame.f_code.co_filename))
        if page is not None:
            return page
        frame = frame.f_back
    return None


def neighbours(page: site.Page | None) -> tuple[site.Page | None, site.Page | None]:
    """The pages before and after this one in PAGES order (None at either end, or for an unknown page)."""
    if page not in PAGES:
        return None, None
    index = PAGES.index(page)
    return (PAGES[index - 1] if index > 0 else None), (PAGES[index + 1] if index + 1 < len(PAGES) else None)


def _glossary_lookup(ds: core_data.Dataset) -> None:
    with st.sidebar:
        terms, shown = derived(glossary.lookup_choices)
        term = st.selectbox(_("Look up a word"), terms, index=None, key="glossary_term",
                            placeholder=_("e.g. intrathecal"), format_func=shown.get)  # fmt: skip
        if term:
            row = ds.glossary.set_index("term").loc[term]
            st.markdown(f"**{md_escape(term)}**: {md_escape(row['plain_definition'])}")
            if row["detail"]:
                st.caption(md_escape(row["detail"]))


def page_end(ds: core_data.Dataset, *texts: str) -> None:
    """Close a page: explain the glossary words in its text, offer a link to this view, and back/next links."""
    glossary_note(*texts)
    # A plain text field, not st.code: the code block's copy button shows on hover only and Tab never reaches it.
    st.text_input(
        _("Share this view: this link keeps your choices on this page (select it all and copy)"),
        value=share_link(st.context.url or "", _share_query()),
    )
    next_back_links()


def _share_query() -> dict[str, str]:
    # The page's choices, and its language when that is not English (an English link stays as it always was).
    params = st.query_params.to_dict()
    return link_query(params) if lang() != i18n.DEFAULT else params


def next_back_links() -> None:
    """Links to the pages before and after this one, in the order of PAGES."""
    back, forward = neighbours(current_page())
    left, right = st.columns(2)
    if back is not None:
        with left:
            page_link(back.path, label=_("Back: {page}").format(page=_(back.label)), icon=":material/arrow_back:")
    if forward is not None:
        with right:
            label = _("Next: {page}").format(page=_(forward.label))
            page_link(forward.path, label=label, icon=":material/arrow_forward:")


def stop_page() -> None:
    """Stop a page early (it has nothing more to show yet), still ending it with its back and next links."""
    next_back_links()
    st.stop()


def glossary_note(*texts: str) -> None:
    """An expander explaining the glossary words that appear in the given texts, in the visitor's edition."""
    # Through the shared cache: the page asks with the same texts on every rerun.
    found = derived(glossary.explained, texts)
    if not found:
        return
    with st.expander(_("Words on this page, explained ({n})").format(n=len(found)), icon=":material/menu_book:"):
        st.markdown("\n".join(f"- **{md_escape(term)}**: {md_escape(meaning)}" for term, meaning in found))
