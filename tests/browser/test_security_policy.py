"""The Content-Security-Policy breaks nothing: in report-only mode Chromium reports no violation on any page, and
enforced it still draws the charts and keeps other sites from framing the app."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import hosting
import ui
from core.room.rules import URL_ENV
from tests.browser.conftest import DESKTOP, PHONE, start_server, stop_server, wait_rendered
from tests.browser.every_page import DATA_SWITCH, url_path
from tests.browser.test_check_a_text import ADVERT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("security_policy")]

# Every violation the page sees, reported or enforced, kept where the test can read it.
COLLECT_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
  [e.violatedDirective, e.blockedURI, e.disposition, (e.sourceFile || '') + ':' + e.lineNumber].join(' ')));
"""
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .filter(chart => chart.querySelector('svg text, canvas')).length"""


@pytest.fixture(scope="module")
def report_only_server(tmp_path_factory) -> Iterator[str]:
    room_file = tmp_path_factory.mktemp("room") / "room.sqlite"
    process, url = start_server({hosting.CSP_REPORT_ONLY_ENV: "1", URL_ENV: f"sqlite:///{room_file}"})
    yield url
    stop_server(process)


def _violations_on(browser, url: str, viewport: dict, act=None) -> list[str]:
    context = browser.new_context(viewport=viewport)
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(url, wait_until="domcontentloaded")
        wait_rendered(page)
        if act:
            act(page)
        page.wait_for_timeout(500)  # a late image or chart redraw reports after the page has settled
        return page.evaluate("window.__violations") + console
    finally:
        context.close()


@pytest.mark.parametrize("path", [url_path(page.path) for page in ui.PAGES])
def test_page_reports_no_policy_violation(browser, report_only_server, path):
    assert _violations_on(browser, report_only_server + path, DESKTOP) == []


def _check_the_advert(page) -> None:
    page.get_by_role("textbox", name="Text to check").fill(ADVERT)
    page.get_by_role("button", name=re.compile(r"\bCheck$")).click()
    page.locator("h3", has_text="Red flags").first.wait_for()
    wait_rendered(page)


def _open_two_data_switches(page) -> None:
    switches = page.get_by_text(DATA_SWITCH, exact=True)
    switches.first.wait_for()  # the charts' switches can arrive after the page's first settled moment
    for index in range(min(switches.count(), 2)):
        switches.nth(index).click()
        wait_rendered(page)


def _start_a_room(page) -> None:
    page.get_by_role("button", name="Start a new room").click()
    page.locator('[data-testid="stImage"] img').first.wait_for()  # the QR code, served from the app's media store
    wait_rendered(page)


@pytest.mark.parametrize(
    ("path", "act"),
    [
        ("/Check_a_text", _check_the_advert),
        ("/Doses", _open_two_data_switches),
        ("/Claims?guess=1", None),
        ("/Run_a_session", _start_a_room),
    ],
    ids=["check-a-text", "dose-tables", "guess-first", "start-a-room"],
)
def test_phone_interaction_reports_no_policy_violation(browser, report_only_server, path, act):
    assert _violations_on(browser, report_only_server + path, PHONE, act) == []


def test_enforced_policy_still_draws_the_charts(browser, server):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        response = page.goto(server + "/Doses", wait_until="domcontentloaded")
        assert "content-security-policy" in response.headers
        wait_rendered(page)
        page.wait_for_function(f"() => ({CHARTS_DRAWN})() > 0", timeout=30_000)
    finally:
        context.close()


def test_another_site_cannot_frame_the_app(browser, server):
    # A page on another origin (about:blank here) that frames the app gets an empty, refused frame.
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
    try:
        page.set_content(f'<iframe src="{server}/" width="800" height="600"></iframe>')
        page.wait_for_timeout(3000)
        frame = page.frames[1]
        assert frame.evaluate("() => document.querySelector('[data-testid=\"stApp\"]')") is None
        assert refused
    finally:
        context.close()
