"""Every page in Spanish in a browser, at phone and desktop width: drawn without error or sideways scroll, no English
interface text, the finding on Home's first phone screen, heights within the English budgets plus the room Spanish
needs, no serious accessibility findings in our content, and contact sheets (one pass, every_page.py)."""

from __future__ import annotations

import re

import pytest

import ui
from tests.browser.every_page import BUDGETS_PX, CHART_PAGES, DEFAULT_BUDGET_PX, contact_sheet
from tests.browser.test_browser import url_path
from tests.browser.test_chart_layout import cut_off, outside, too_small, too_tall
from tests.spanish_check import reads_as_english

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("every_page_es")]

PAGES = [p.path for p in ui.PAGES]
SPANISH_ROOM = 1.2  # Spanish runs about a fifth longer than English: a page may be this much taller


def facts(every_page_es, path: str, width_name: str) -> dict:
    found = every_page_es[(url_path(path), width_name)]
    assert "error" not in found, found["error"]
    return found


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width_name", ["desktop", "phone"])
def test_spanish_page_renders_without_error_or_sideways_scroll(every_page_es, path, width_name):
    visit = facts(every_page_es, path, width_name)
    assert visit["errors"] == 0
    assert "No es un consejo médico" in visit["first_alert"]
    assert visit["overflow"] <= 1, f"content is wider than the screen by {visit['overflow']}px"


@pytest.mark.parametrize("path", PAGES)
def test_spanish_page_shows_no_english_interface_text(every_page_es, path):
    english = [piece for piece in facts(every_page_es, path, "phone")["pieces"] if reads_as_english(piece)]
    assert english == [], f"{path} in Spanish shows English: {english[:5]}"


@pytest.mark.parametrize("path", PAGES)
def test_spanish_page_ends_with_its_links_in_spanish(every_page_es, path):
    assert re.search(r"(Siguiente|Anterior): ", facts(every_page_es, path, "phone")["text"])


def test_spanish_home_first_phone_screen_states_the_approval_finding(every_page_es):
    first_screen = facts(every_page_es, "streamlit_app.py", "phone")["first_screen"]
    assert re.search(r"aprobad", first_screen), "the approval finding is below the first screen"


@pytest.mark.parametrize("path", PAGES)
def test_spanish_page_height_at_390px_is_within_its_budget(every_page_es, path):
    height = facts(every_page_es, path, "phone")["height"]
    budget = BUDGETS_PX.get(path, DEFAULT_BUDGET_PX) * SPANISH_ROOM
    assert height <= budget, f"{path} is {height}px tall at 390px in Spanish (budget {budget:.0f}px)"


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations_in_our_spanish_content(every_page_es, path):
    found = facts(every_page_es, path, "desktop")
    if "in_page" not in found:
        pytest.skip("axe-core not installed: run `npm ci`")
    ours = [f"{v['rule']}: {v['target']}" for v in found["in_page"] if v.get("ours")]
    assert ours == []


@pytest.mark.parametrize("width_name", ["desktop", "phone"])
def test_contact_sheet_of_every_spanish_page(every_page_es, width_name):
    for path in PAGES:
        facts(every_page_es, path, width_name)
    assert contact_sheet(width_name, "es").stat().st_size > 10_000


@pytest.mark.parametrize("name", list(CHART_PAGES))
def test_spanish_chart_text_fits_its_chart_on_a_phone(every_page_es, name):
    found = every_page_es[(CHART_PAGES[name], "phone")]
    assert "error" not in found, found["error"]
    assert found["charts"], f"no chart drawn on {name}"
    assert cut_off(found) == []
    assert outside(found) == []
    assert too_tall(found) == []
    assert too_small(found) == []
