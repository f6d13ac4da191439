"""A permalink to the Dose page (routes and body weight in the URL) reopens the same view (a link as the very
first request to a server is tested in test_browser.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, screenshot, wait_rendered

pytestmark = pytest.mark.browser

PERMALINK = "/Doses?routes=intravenous&weight=90"


def test_dose_permalink_reopens_the_same_view(server, page_at):
    page = page_at(server + PERMALINK)
    wait_rendered(page)
    assert page.locator("h1").first.inner_text() == "Dose discrepancies"
    assert page.locator('[data-testid="stException"]').count() == 0
    routes = page.locator('[data-testid="stMultiSelect"]').first
    # Streamlit draws each chosen tag twice (one copy is for measuring), so compare the set of tags.
    assert {tag.get_attribute("aria-label") for tag in routes.locator("[data-tag]").all()} == {"vein"}
    weight = page.get_by_role("spinbutton", name="Body weight in kg (for doses into a vein)")
    assert float(weight.input_value()) == 90
    # The vein-dose item opens to its arithmetic, done for the weight in the link.
    page.locator('[data-testid="stExpander"] summary', has_text="Vein dose is").first.click()
    page.get_by_text("For a person of 90 kg", exact=False).first.wait_for(state="visible")
    assert "routes=intravenous" in page.url
    assert "weight=90" in page.url
    screenshot(page, "doses-permalink")


def test_dose_permalink_on_a_phone_has_no_sideways_scroll(server, page_at):
    page = page_at(server + PERMALINK, PHONE)
    wait_rendered(page)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    screenshot(page, "doses-permalink-phone")
