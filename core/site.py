"""The one page registry (key, file, label, menu order) and how Streamlit turns a page file into its address."""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import N_


@dataclass(frozen=True)
class Page:
    key: str  # the name core code uses for a page
    path: str  # the script, relative to the app's folder
    label: str  # the name readers see in the menu and in links, in English: translated where it is shown

    @property
    def url_path(self) -> str:
        """The address Streamlit's file router gives the script: pages/2_Doses.py -> /Doses; Home -> /."""
        if not self.path.startswith("pages/"):
            return "/"
        number, _, name = self.path.removeprefix("pages/").removesuffix(".py").partition("_")
        return "/" + (name if number.isdigit() and name else self.path.removeprefix("pages/").removesuffix(".py"))


# Menu order. Streamlit routes each file by its name; this list gives the pages readable labels and an order.
# N_ marks each label for the catalogs; ui translates it at render, in the visitor's language.
PAGES: tuple[Page, ...] = (
    Page("home", "streamlit_app.py", N_("Home")),
    Page("sources", "pages/1_Sources.py", N_("The five pages")),
    Page("doses", "pages/2_Doses.py", N_("Dose discrepancies")),
    Page("routes", "pages/3_Routes.py", N_("Routes")),
    Page("mechanisms", "pages/4_Mechanisms.py", N_("Mechanisms")),
    Page("claims", "pages/5_Claims.py", N_("Claims vs evidence")),
    Page("evidence", "pages/6_Evidence.py", N_("Evidence & regulation")),
    Page("check", "pages/7_Check_a_text.py", N_("Check a text")),
    Page("exercises", "pages/8_Exercises.py", N_("Exercises")),
    Page("guide", "pages/10_Facilitator_guide.py", N_("Facilitator guide")),
    Page("run", "pages/12_Run_a_session.py", N_("Run a live session")),
    Page("join", "pages/13_Join.py", N_("Join a session")),
    Page("handout", "pages/11_Handout.py", N_("Handout")),
    Page("methods", "pages/9_Methods.py", N_("Methods & caveats")),
)
_BY_KEY = {page.key: page for page in PAGES}
_BY_PATH = {page.path: page for page in PAGES}


def page(key: str) -> Page:
    """The page registered under key (KeyError for an unknown key: a typo must fail, not link nowhere)."""
    return _BY_KEY[key]


def path(key: str) -> str:
    """The script of the page registered under key, as st.page_link and st.switch_page take it."""
    return _BY_KEY[key].path


def by_path(script: str) -> Page | None:
    """The registered page whose script is at `script`, if any."""
    return _BY_PATH.get(script)


def url_path(script: str) -> str:
    """The address path of a page script: pages/2_Doses.py -> /Doses; the home script -> /."""
    registered = _BY_PATH.get(script)
    return (registered or Page("", script, "")).url_path
