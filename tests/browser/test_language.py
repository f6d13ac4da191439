"""In a browser: a Spanish page is declared Spanish (<html lang="es">), the switch reloads the page in the other
language, and the menu keeps the language from page to page."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot, start_server, stop_server, wait_rendered
from tests.browser.every_page import AXE
from tests.browser.test_browser import open_menu

pytestmark = pytest.mark.browser

DOCUMENT_LANG = "() => document.documentElement.lang"


def test_spanish_link_declares_the_page_spanish(server, page_at):
    page = page_at(server + "/?lang=es")
    wait_rendered(page)
    assert page.evaluate(DOCUMENT_LANG) == "es"
    # Home draws its lead before the notice: under load the notice can follow a moment after the page settles.
    page.get_by_text("No es un consejo médico.").first.wait_for(timeout=30_000)


@pytest.fixture(scope="module")
def plain_server():
    """`streamlit run streamlit_app.py`, without serve.py's middleware that writes the language into the page."""
    process, url = start_server(entry="streamlit_app.py")
    yield url
    stop_server(process)


@pytest.mark.parametrize(("query", "declared"), [("?lang=es", "es"), ("", "en")], ids=["spanish", "english"])
def test_plain_streamlit_run_declares_the_pages_language_too(plain_server, page_at, query, declared):
    page = page_at(plain_server + "/Doses" + query)
    wait_rendered(page)
    page.wait_for_function(f"() => document.documentElement.lang === '{declared}'", timeout=15_000)


def test_page_without_a_language_is_english_for_an_english_browser(server, page_at):
    page = page_at(server + "/")
    wait_rendered(page)
    assert page.evaluate(DOCUMENT_LANG) == "en"


def test_switch_reloads_the_page_in_spanish_in_the_same_tab(server, page_at):
    page = page_at(server + "/Claims", PHONE)
    wait_rendered(page)
    switch = page.locator('[data-testid="language-switch"]')
    link = switch.get_by_role("link", name="Español")
    # The sanitiser keeps what screen readers need: the link's own language and the current one marked.
    assert (link.get_attribute("lang"), link.get_attribute("hreflang")) == ("es", "es")
    assert switch.locator('[aria-current="true"]').inner_text() == "English"
    link.click()
    page.wait_for_url("**/Claims?lang=es")
    wait_rendered(page)
    assert page.evaluate(DOCUMENT_LANG) == "es"
    assert len(page.context.pages) == 1, "the switch must not open a new tab"
    assert page.get_by_role("button", name="Menú: todas las páginas").count() == 1
    screenshot(page, "language-switch-es-phone")


def test_menu_keeps_the_language_from_page_to_page(server, page_at):
    page = page_at(server + "/?lang=es")
    wait_rendered(page)
    open_menu(page, "Menú: todas las páginas").filter(has_text="Discrepancias de dosis").first.click()
    page.wait_for_url("**/Doses?lang=es")
    wait_rendered(page)
    assert page.locator("h1").count() >= 1
    # Streamlit changed page without a new document, and the document was Spanish from the first load.
    assert page.evaluate(DOCUMENT_LANG) == "es"


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not installed at {AXE}: run `npm ci`")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_switch_and_declared_language_pass_axe(server, page_at, viewport):
    page = page_at(server + "/Claims?lang=es", viewport)
    wait_rendered(page)
    # Evaluated, not added as an inline <script>: the app's Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(AXE_ON_SWITCH)
    assert violations == []


AXE_ON_SWITCH = """async () => {
    const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const onSwitch = await axe.run('[data-testid="language-switch"]', {runOnly: wcag, resultTypes: ['violations']});
    const language = await axe.run(document, {runOnly: ['html-has-lang', 'html-lang-valid', 'valid-lang'],
                                              resultTypes: ['violations']});
    return [...onSwitch.violations, ...language.violations].map(v => v.id + ': ' + v.nodes.map(n => n.html).join());
}"""
