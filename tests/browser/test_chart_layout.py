"""Charts read on a phone: no chart text cut off with "…" or clipped at the edge, no chart taller than a screen
(read from the one pass over the pages in every_page.py)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE
from tests.browser.every_page import CHART_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("every_page")]

PAGES = list(CHART_PAGES)
MAX_CHART_HEIGHT = 1.2 * PHONE["height"]


@pytest.fixture
def phone_pages(every_page) -> dict[str, dict]:
    """Each chart page at 390 px: its charts' text and sizes."""
    found = {name: every_page[(path, "phone")] for name, path in CHART_PAGES.items()}
    errors = {name: facts["error"] for name, facts in found.items() if "error" in facts}
    assert not errors, errors
    return found


def cut_off(facts: dict) -> list[str]:
    """Chart text Vega shortened with "…" because it did not fit."""
    return [t["text"] for chart in facts["charts"] for t in chart["texts"] if t["text"].rstrip().endswith("…")]


def outside(facts: dict) -> list[str]:
    """Chart text drawn outside its chart: Vega sizes a chart to its text, so a label wider than the chart is
    clipped without any ellipsis."""
    return [
        t["text"]
        for chart in facts["charts"]
        for t in chart["texts"]
        if t["left"] < -2 or t["right"] > chart["width"] + 2 or t["top"] < -2 or t["bottom"] > chart["svgHeight"] + 2
    ]


def too_tall(facts: dict) -> list[int]:
    return [round(c["height"]) for c in facts["charts"] if c["height"] > MAX_CHART_HEIGHT]


def too_small(facts: dict) -> list[str]:
    # Each line of an SVG label is a <tspan> in one <text>; 14 px text is about 14 px tall per line.
    return [t["text"] for chart in facts["charts"] for t in chart["texts"] if 0 < t["bottom"] - t["top"] < 12]


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_text_is_cut_off_with_an_ellipsis(phone_pages, name):
    assert not cut_off(phone_pages[name]), f"chart text cut off on {name}: {cut_off(phone_pages[name])}"


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_text_runs_off_the_chart(phone_pages, name):
    assert not outside(phone_pages[name]), f"chart text outside the chart on {name}: {outside(phone_pages[name])}"


@pytest.mark.parametrize("name", PAGES)
def test_no_chart_is_taller_than_a_phone_screen_and_a_bit(phone_pages, name):
    assert phone_pages[name]["charts"], f"no chart drawn on {name}"
    assert not too_tall(phone_pages[name]), f"charts on {name} taller than {MAX_CHART_HEIGHT:.0f} px"


@pytest.mark.parametrize("name", PAGES)
def test_chart_text_is_readable_on_a_projector(phone_pages, name):
    assert not too_small(phone_pages[name]), f"chart text smaller than 14 px on {name}: {too_small(phone_pages[name])}"
