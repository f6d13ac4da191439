"""Charts read on a phone: no chart text cut off with "…" or clipped at the edge, no chart taller than a screen."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import ARTIFACTS, PHONE, screenshot, wait_rendered

# One worker runs the whole module, so its one pass over the chart pages (about 30 s) is made once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("chart_layout")]

PAGES = {
    "Sources": "/Sources",
    "Sources-one-page": "/Sources?source=stemcellu",
    "Doses": "/Doses",
    "Routes": "/Routes",
    "Mechanisms": "/Mechanisms",
    "Evidence": "/Evidence",
    "Evidence-all-studies": "/Evidence?studies=all",
}
MAX_CHART_HEIGHT = 1.2 * PHONE["height"]
# Streamlit draws Vega-Lite as SVG, so every piece of chart text is an SVG <text> element we can read and measure.
CHART_FACTS = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(chart => {
    const svg = chart.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left - box.left, right: r.right - box.left,
                top: r.top - box.top, bottom: r.bottom - box.top};
    });
    return {title: svg.getAttribute('aria-label') || '', width: box.width, height: chart.getBoundingClientRect().height,
            svgHeight: box.height, texts};
})"""
ALL_DRAWN = """() => {
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
    return charts.length > 0 && charts.every(c => c.querySelector('svg text'));
}"""
MAIN_HEIGHT = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
HEIGHTS_FILE = ARTIFACTS / "chart-pages-heights-390.json"


# Keyed by server address: a worker may set this module's fixtures up more than once, and one pass is enough.
_PASSES: dict[str, dict] = {}


@pytest.fixture(scope="module")
def phone_pages(server, browser):
    """Each chart page opened once at 390 px: its charts' text and sizes, and the page's height."""
    if server in _PASSES:
        return _PASSES[server]
    found = {}
    context = browser.new_context(viewport=PHONE)
    try:
        for name, path in PAGES.items():
            page = context.new_page()
            page.goto(server + path, wait_until="domcontentloaded")
            wait_rendered(page)
            page.wait_for_function(ALL_DRAWN, timeout=30_000)
            page.wait_for_timeout(500)  # let Vega finish its last resize
            height = page.evaluate(MAIN_HEIGHT)
            found[name] = {"charts": page.evaluate(CHART_FACTS), "page_height": height}
            screenshot(page, f"charts-{name}-phone", max_height=16_000)
            page.close()
    finally:
        context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    HEIGHTS_FILE.write_text(json.dumps({n: f["page_height"] for n, f in found.items()}, indent=1), encoding="utf-8")
    _PASSES[server] = found
    return found


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_text_is_cut_off_with_an_ellipsis(phone_pages, name):
    texts = [t["text"] for chart in phone_pages[name]["charts"] for t in chart["texts"]]
    cut = [text for text in texts if text.rstrip().endswith("…")]
    assert not cut, f"chart text cut off on {name}: {cut}"


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_text_runs_off_the_chart(phone_pages, name):
    # Vega sizes the chart to its text, so a label wider than the chart is clipped without any ellipsis.
    outside = [
        t["text"]
        for chart in phone_pages[name]["charts"]
        for t in chart["texts"]
        if t["left"] < -2 or t["right"] > chart["width"] + 2 or t["top"] < -2 or t["bottom"] > chart["svgHeight"] + 2
    ]
    assert not outside, f"chart text outside the chart on {name}: {outside}"


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_is_taller_than_a_phone_screen_and_a_bit(phone_pages, name):
    charts = phone_pages[name]["charts"]
    assert charts, f"no chart drawn on {name}"
    tall = [round(c["height"]) for c in charts if c["height"] > MAX_CHART_HEIGHT]
    assert not tall, f"charts on {name} taller than {MAX_CHART_HEIGHT:.0f} px: {tall}"


@pytest.mark.parametrize("name", PAGES)
def test_chart_text_is_readable_on_a_projector(phone_pages, name):
    # Each line of an SVG label is a <tspan> in one <text>; 14 px text is about 14 px tall per line.
    small = [
        t["text"] for chart in phone_pages[name]["charts"] for t in chart["texts"] if 0 < t["bottom"] - t["top"] < 12
    ]
    assert not small, f"chart text smaller than 14 px on {name}: {small[:5]}"
