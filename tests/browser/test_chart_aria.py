"""In a real browser, a Spanish chart page lets no English from Vega reach a screen reader (axis, legend, title and
mark labels are hidden; the chart's Spanish description names it), while an English page keeps Vega's labels."""

from __future__ import annotations

import re

import pytest

from tests.browser.every_page import CHART_PAGES, in_language
from tests.browser.page_pass import PAGE_ENDED

pytestmark = pytest.mark.browser

ENGLISH = re.compile(r"\b(axis|titled|scale|legend|values|title text|mark)\b", re.IGNORECASE)
# Every chart on the page drawn, with its marks (Vega draws a chart's SVG before its data arrives).
CHARTS_DRAWN = f"""() => {PAGE_ENDED} && [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .every(chart => chart.querySelector('svg .role-mark'))"""
# Every aria-label inside a chart (its own included) that a screen reader can reach: not under aria-hidden.
REACHABLE = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')].map(chart =>
    [chart, ...chart.querySelectorAll('*')]
        .filter(e => !e.closest('[aria-hidden="true"]'))
        .map(e => ({label: e.getAttribute('aria-label') || '', role: e.getAttribute('role') || ''})))"""


def accessibility_tree(page) -> list[list[tuple[str, str, str]]]:
    """Per chart: (role, name, role description) of every node Chromium's accessibility tree exposes under it,
    which is what a screen reader reads (the chart is Vega's graphics document)."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {node["nodeId"]: node for node in nodes}

    def facts(node) -> tuple[str, str, str]:
        properties = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        name = (node.get("name") or {}).get("value", "")
        return node.get("role", {}).get("value", ""), name, properties.get("roledescription") or ""

    def below(node) -> list[tuple[str, str, str]]:
        found = [] if node.get("ignored") else [facts(node)]
        for child in node.get("childIds", []):
            if child in by_id:
                found += below(by_id[child])
        return found

    return [below(node) for node in nodes if not node.get("ignored") and facts(node)[0] == "graphics-document"]


def reachable(page_at, url: str) -> list[list[dict[str, str]]]:
    """Per chart on the page: the role and aria-label of every element a screen reader can reach."""
    page = page_at(url)
    page.wait_for_function(CHARTS_DRAWN, timeout=90_000, polling=200)
    page.wait_for_timeout(500)  # Vega redraws once after its container settles
    return page.evaluate(REACHABLE)


@pytest.fixture(scope="module")
def spanish_doses(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + in_language("/Doses", "es"), wait_until="domcontentloaded")
    page.wait_for_function(CHARTS_DRAWN, timeout=90_000, polling=200)
    page.wait_for_timeout(500)
    found = {"labels": page.evaluate(REACHABLE), "tree": accessibility_tree(page)}
    context.close()
    return found


def test_spanish_doses_page_has_its_three_charts(spanish_doses):
    assert len(spanish_doses["labels"]) == len(spanish_doses["tree"]) == 3


def test_screen_reader_meets_only_the_spanish_description_in_a_chart(spanish_doses):
    """Chromium's accessibility tree: each chart is one node named by its Spanish description, with nothing named
    below it, and Vega's own role descriptions in Spanish (ui/chrome_words.py)."""
    for chart in spanish_doses["tree"]:
        named = [name for _, name, _ in chart if name.strip()]
        assert len(named) == 1
        assert not ENGLISH.search(named[0])
        # Vega's own role descriptions, renamed by ui/chrome_words.py on a Spanish page.
        assert not {role for _, _, role in chart} & {"visualization", "group mark container"}


def test_no_label_inside_a_spanish_doses_chart_is_english(spanish_doses):
    english = [e["label"] for chart in spanish_doses["labels"] for e in chart if ENGLISH.search(e["label"])]
    assert english == []


def test_each_spanish_doses_chart_is_named_by_its_spanish_description(spanish_doses):
    names = [[e["label"] for e in chart if e["label"]] for chart in spanish_doses["labels"]]
    assert all(len(labels) == 1 and len(labels[0]) > 30 for labels in names), names


def test_no_nameless_graphic_is_left_in_a_spanish_chart(spanish_doses):
    """What axe-core's svg-img-alt flags: a reachable graphics-symbol with no name."""
    nameless = [
        e for chart in spanish_doses["labels"] for e in chart if e["role"] == "graphics-symbol" and not e["label"]
    ]
    assert nameless == []


@pytest.mark.parametrize("name", [n for n in CHART_PAGES if n != "Doses"])
def test_no_english_chart_label_on_other_spanish_chart_pages(server, page_at, name):
    charts = reachable(page_at, server + in_language(CHART_PAGES[name], "es"))
    assert charts
    english = [e["label"] for chart in charts for e in chart if ENGLISH.search(e["label"])]
    assert english == []


def test_english_doses_page_keeps_vegas_axis_and_title_labels(server, page_at):
    labels = [e["label"] for chart in reachable(page_at, server + "/Doses") for e in chart]
    assert any(label.startswith("X-axis titled") for label in labels)
    assert any(label.startswith("Title text") for label in labels)
