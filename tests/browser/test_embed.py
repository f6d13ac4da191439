"""A chart embedded in a plain HTML page shows in one phone screen with its caption and credit; a claim's
permalink opens that claim expanded at the top of the Claims page."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode

import pytest

from core.views import embed
from tests.browser.conftest import PHONE, screenshot, wait_rendered

pytestmark = pytest.mark.browser

CHARTS_DRAWN = """() => {
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
    return charts.length === 1 && charts.every(c => c.querySelector('canvas, svg'))
        && !document.querySelector('[data-testid="stStatusWidget"]');
}"""


# Its page names run over several lines, so its rows cannot be drawn shorter: 1,112 px at 390 px wide.
TOO_TALL = {"mechanism_matrix"}


@pytest.fixture(scope="module")
def reporter_site():
    """A reporter's site on another loopback port (another origin): it serves whatever page a test puts in it."""
    pages: dict[str, bytes] = {}

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", pages
    httpd.shutdown()


@pytest.mark.parametrize(
    "chart_id",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="taller than one phone screen"))
        if c in TOO_TALL
        else c
        for c in sorted(embed.CHARTS)
    ],
)
def test_an_embedded_chart_fits_one_phone_screen_with_its_credit(server, browser, reporter_site, chart_id):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        snippet = embed.iframe_snippet(server, chart_id, "chart")
        # A reporter's page on another origin, so the app's frame-ancestors rule is tested as on a newsroom's site.
        site, pages = reporter_site
        story = f"<!doctype html><html><body style='margin:8px'><p>A reporter's story.</p>{snippet}</body></html>"
        pages[f"/{chart_id}.html"] = story.encode()
        page.goto(f"{site}/{chart_id}.html")
        frame = page.frame_locator("iframe")
        frame.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg').first.wait_for(
            timeout=45_000
        )
        inner = next(f for f in page.frames if embed.EMBED_QUERY_KEY in f.url)
        inner.wait_for_function(CHARTS_DRAWN, timeout=45_000, polling=100)
        page.wait_for_timeout(500)
        size = inner.evaluate(
            """() => { const all = [...document.querySelectorAll('[data-testid="stElementContainer"]')];
                       const main = document.querySelector('[data-testid="stMain"]');
                       return {bottom: all[all.length - 1].getBoundingClientRect().bottom,
                               overflow: main.scrollWidth - main.clientWidth}; }"""
        )
        assert size["bottom"] <= embed.IFRAME_HEIGHT, size
        assert size["overflow"] <= 1, size
        credit = frame.get_by_role("link", name=embed.CREDIT, exact=False)
        assert credit.is_visible()
        assert inner.locator("h1").count() == 0
        page.screenshot(path=str(screenshot.__globals__["ARTIFACTS"] / f"embed-{chart_id}-phone.png"))
    finally:
        context.close()


def test_a_claim_permalink_opens_the_claim_expanded_near_the_top(server, page_at):
    page = page_at(server + "/Claims?claim=c000-01", PHONE)
    wait_rendered(page)
    first = page.locator('[data-testid="stExpander"] details').first
    assert first.get_attribute("open") is not None
    assert "Traditional treatments" in first.inner_text()
    top = first.evaluate(
        "e => e.getBoundingClientRect().top + document.querySelector('[data-testid=\"stMain\"]').scrollTop"
    )
    assert top < 900, top
    link = page.get_by_role("link", name="PubMed 37919438")
    assert link.get_attribute("href") == "https://pubmed.ncbi.nlm.nih.gov/37919438/"
    screenshot(page, "claims-permalink-phone")


def test_markup_in_the_claim_parameter_is_shown_as_text(server, page_at):
    from tests.browser.test_hostile_input import HOSTILE, assert_no_live_markup, open_checked

    page, dialogs = open_checked(page_at, f"{server}/Claims?{urlencode({'claim': HOSTILE})}")
    assert_no_live_markup(page, dialogs)


def test_markup_in_the_chart_parameter_is_shown_as_text(server, page_at):
    from tests.browser.test_hostile_input import HOSTILE, assert_no_live_markup

    page = page_at(f"{server}/?{urlencode({embed.EMBED_QUERY_KEY: HOSTILE})}")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_text("This chart is not available").wait_for(timeout=45_000)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0
    assert_no_live_markup(page, dialogs)
