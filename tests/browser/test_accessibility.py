"""Accessibility in a real browser: axe-core on every page, text alternatives for charts, keyboard reach."""

from __future__ import annotations

import json
import os

import pytest

import ui
from tests.browser.conftest import ARTIFACTS, ROOT, wait_rendered
from tests.browser.test_browser import url_path

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUR_CONTENT = '[data-testid="stMainBlockContainer"], [data-testid="stSidebarUserContent"]'
PAGE_FILES = [p.path for p in ui.PAGES]
PAGES_WITH_CHARTS = {"1_Sources", "2_Doses", "3_Routes", "4_Mechanisms", "6_Evidence"}


# Skipped, with its reason, where axe-core is not installed; where CI demands the browser tools
# (REQUIRE_BROWSER=1) the test runs and its fixture fails instead.
needs_axe = pytest.mark.skipif(
    not AXE.exists() and os.environ.get("REQUIRE_BROWSER") != "1",
    reason=f"axe-core not installed at {AXE}: run `npm ci` (needs Node.js) to enable accessibility checks",
)


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core missing at {AXE}: run `npm ci`")
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, axe_source: str) -> tuple[list[dict], list[dict]]:
    """Run axe; split serious and critical findings into those in our content and those in Streamlit's chrome."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async (ours) => {
            const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
                                               resultTypes: ['violations']});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact)).flatMap(v =>
                v.nodes.map(n => ({rule: v.id, impact: v.impact, html: n.html.slice(0, 200),
                                   target: n.target.join(' '),
                                   ours: !!document.querySelector(n.target[0])?.closest(ours)})));
        }""",
        OUR_CONTENT,
    )
    return [v for v in result if v["ours"]], [v for v in result if not v["ours"]]


@needs_axe
@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_no_serious_accessibility_violations_in_our_content(server, page_at, axe_source, page_file):
    page = page_at(server + url_path(page_file))
    wait_rendered(page)
    ours, chrome = serious_violations(page, axe_source)
    ARTIFACTS.mkdir(exist_ok=True)
    # Streamlit's own chrome is outside our control; keep a record so the README can list it.
    report = ARTIFACTS / f"a11y-streamlit-chrome-{url_path(page_file).strip('/') or 'Home'}.json"
    report.write_text(json.dumps(chrome, indent=2), encoding="utf-8")
    assert not ours, json.dumps(ours, indent=2)


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_every_chart_has_a_text_alternative_and_its_data(server, page_at, page_file):
    page = page_at(server + url_path(page_file))
    wait_rendered(page)
    switches = page.get_by_text("Data behind this chart, and downloads", exact=True)
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    # Streamlit mounts a chart only once it scrolls into view: visit each chart block, then let it draw.
    for _ in range(3):
        for index in range(switches.count()):
            switches.nth(index).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        if charts.count() == switches.count():
            break
    if page_file.removeprefix("pages/").removesuffix(".py") in PAGES_WITH_CHARTS:
        assert charts.count() > 0
    assert charts.count() == switches.count(), "every chart has its data one switch away"
    # The chart element's own accessible name is the spec's description (the text alternative).
    names = charts.evaluate_all("els => els.map(e => (e.getAttribute('aria-label') || '').trim())")
    assert all(len(name) > 30 for name in names), names


@pytest.mark.parametrize("page_file", PAGE_FILES)
def test_keyboard_reaches_every_widget(server, page_at, page_file):
    page = page_at(server + url_path(page_file))
    wait_rendered(page)
    # Charts mount only when scrolled into view and redraw their block when they do, which drops the markers
    # set below; on a busy machine that happened mid-walk. Mount them all first, then count.
    page.evaluate(
        """async () => {
            const main = document.querySelector('[data-testid="stMain"]');
            for (let y = 0; main && y < main.scrollHeight; y += 500) {
                main.scrollTo(0, y);
                await new Promise(r => setTimeout(r, 50));
            }
            main?.scrollTo(0, 0);
        }"""
    )
    wait_rendered(page)
    widgets = page.evaluate(
        """(ours) => {
            // A radio group is one Tab stop (arrow keys move inside it), as the ARIA practices say.
            const sel = 'input:not([type="radio"]), textarea, button, [role="combobox"], summary, '
                      + '[tabindex="0"], [role="radiogroup"]';
            const root = document.querySelector('[data-testid="stMainBlockContainer"]');
            const hidden = 'details:not([open]) > :not(summary)';
            const group = e => e.getAttribute('role') === 'radiogroup';
            const visible = [...root.querySelectorAll(sel)].filter(e =>
                e.offsetParent !== null && !e.disabled && (e.tabIndex >= 0 || group(e))
                && !e.closest(hidden) && !(e.closest('[role="radiogroup"]') && !group(e)));
            visible.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
            return visible.length;
        }""",
        OUR_CONTENT,
    )
    reached = set()
    page.locator("body").focus()
    for _ in range(widgets * 3 + 40):
        page.keyboard.press("Tab")
        marker = page.evaluate("() => document.activeElement?.closest('[data-kbd]')?.getAttribute('data-kbd')")
        if marker is not None:
            reached.add(marker)
        if len(reached) == widgets:
            break
    assert len(reached) == widgets, f"Tab reached {len(reached)} of {widgets} widgets"
