"""Markup in URLs renders as text and never runs: no dialog opens and no element is injected."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.browser.conftest import wait_rendered

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert('x')</script>",
    "[link](javascript:alert(1))",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_query_params_is_shown_as_text(server, page_at, payload):
    page = page_at(f"{server}/Sources?source={quote(payload)}")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    wait_rendered(page)
    warning = page.locator('[data-testid="stAlert"]', has_text="ignored").first.inner_text()
    assert payload in warning, "the payload is shown literally in the notice"
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes(\"alert('x')\"))") is False
    assert page.locator("a[href^='javascript:']").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_markup_pasted_into_the_text_checker_stays_text(server, page_at):
    page = page_at(f"{server}/Check_a_text")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    wait_rendered(page)
    box = page.get_by_role("textbox").first
    box.fill("We inject 50 million stem cells. <img src=x onerror=alert(1)> <script>alert('x')</script>")
    box.press("Control+Enter")
    page.get_by_text("50 million", exact=False).first.wait_for()
    wait_rendered(page)
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes(\"alert('x')\"))") is False
    assert dialogs == []
