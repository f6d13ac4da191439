"""What only a real browser shows: first-request deep links, drawn pages, and no sideways scrolling on a phone."""

from __future__ import annotations

import pytest

import ui
from tests.browser.conftest import screenshot, wait_rendered

pytestmark = pytest.mark.browser

NAV_LABELS = [p.label for p in ui.PAGES]


def url_path(page_file: str) -> str:
    """Streamlit's file router: pages/1_Sources.py is served at /Sources, the entrypoint at /."""
    if page_file == "streamlit_app.py":
        return "/"
    return "/" + page_file.removeprefix("pages/").removesuffix(".py").split("_", 1)[1]


MENU_LINKS = '[data-testid="stPopoverBody"] a[data-testid="stPageLink-NavLink"]'


def open_menu(page, name: str = "Menu: all pages"):
    """Open the page menu at the top (unless it is still open from the page before); return its links."""
    links = page.locator(MENU_LINKS)
    if not links.first.is_visible():
        page.get_by_role("button", name=name).click()
    links.first.wait_for()
    return links


def nav_labels(page) -> list[str]:
    links = open_menu(page).all()
    # The icon is a font ligature, so its name is part of the link text: keep the last line, the label.
    return [a.inner_text().strip().splitlines()[-1] for a in links]


def test_deep_link_is_served_right_as_the_first_request(fresh_server, page_at):
    page = page_at(f"{fresh_server}/Sources?source=nbscience")
    wait_rendered(page)
    assert page.locator("h1").first.inner_text() == "The five pages"
    assert nav_labels(page) == NAV_LABELS
    assert page.get_by_role("combobox", name="Page").input_value() == "NBScience"
    assert page.locator("h3").all_inner_texts() == ["NBScience"]
    assert "source=nbscience" in page.url
    screenshot(page, "deep-link-first-request")


# Every page at both widths (no error, no sideways scroll, screenshots, charts drawn) is checked in test_layout.py
# and test_chart_layout.py, from the one pass over the pages in every_page.py.


def test_navigation_links_open_their_pages(server, page_at):
    page = page_at(server + "/")
    wait_rendered(page)
    for target in ui.PAGES[1:4]:
        open_menu(page).filter(has_text=target.label).first.click()
        page.wait_for_url(f"**{url_path(target.path)}*")
        wait_rendered(page)
        assert page.locator("h1").first.inner_text() == page.title().split(" · ")[0]
        assert page.locator('[data-testid="stException"]').count() == 0
