"""What a reader sees first and how long each page is: every page drawn without error or sideways scroll, the finding
on Home's first phone screen, no internal ids in any page's text, page heights within budget, and a contact sheet of
every page at desktop and phone width (from the one pass over the pages in every_page.py)."""

from __future__ import annotations

import re

import pytest

import ui
from tests.browser.conftest import PHONE, wait_rendered
from tests.browser.every_page import BUDGETS_PX, DEFAULT_BUDGET_PX, contact_sheet
from tests.browser.test_browser import url_path

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("every_page")]

# Row ids (r000-01, c004-11) and archived file names belong in tables and downloads, never in the page's text.
INTERNAL_ID = re.compile(r"\b[rc]\d{3}-\d{2}\b|\b\d{3}_[0-9a-f]{16}\.txt\b|\b[\w-]+\.txt\b")
# Python's None or nan shown as a value (a cell, or after a colon), and plurals a template got wrong ("1 harms",
# "2 number(s)"); "None of the groups" is English and is not caught.
PLUMBING_WORDS = re.compile(
    r"(?m)(?:^|: |\()(?:None|nan|NaN)(?:$|[),;.])|\(s\)"
    r"|\b1 (?:claims|pages|studies|harms|questions|rows|doses|trials|reports|words|numbers)\b"
)


def facts(every_page, path: str, width_name: str) -> dict:
    found = every_page[(url_path(path), width_name)]
    assert "error" not in found, found["error"]
    return found


def test_home_first_phone_screen_states_the_approval_finding(every_page):
    first_screen = facts(every_page, "streamlit_app.py", "phone")["first_screen"]
    assert re.search(r"approved.*knee or back pain", first_screen), "the approval finding is below the first screen"
    assert "times the smallest" in first_screen, "the dose finding is below the first phone screen"


def test_phone_navigation_is_a_labelled_menu_on_the_first_screen(server, page_at):
    page = page_at(server + "/Doses", PHONE)
    wait_rendered(page)
    menu = page.get_by_role("button", name=re.compile("Menu: all pages"))
    box = menu.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE["height"]
    menu.click()
    links = page.locator('[data-testid="stPopoverBody"] a[data-testid="stPageLink-NavLink"]')
    links.first.wait_for()
    assert links.count() == len(ui.PAGES)


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
@pytest.mark.parametrize("width_name", ["desktop", "phone"])
def test_page_renders_without_error_or_sideways_scroll(every_page, path, width_name):
    visit = facts(every_page, path, width_name)
    assert visit["errors"] == 0
    assert "Not medical advice" in visit["first_alert"]
    assert visit["overflow"] <= 1, f"content is wider than the screen by {visit['overflow']}px"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_text_shows_no_internal_ids_or_file_names(every_page, path):
    for width_name in ("phone", "desktop"):
        found = INTERNAL_ID.findall(facts(every_page, path, width_name)["text"])
        assert not found, f"{path} at {width_name} width shows {sorted(set(found))[:5]}"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_text_shows_no_python_values_or_broken_plurals(every_page, path):
    found = PLUMBING_WORDS.findall(facts(every_page, path, "phone")["text"])
    assert not found, f"{path} shows {sorted(set(found))[:5]}"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_height_at_390px_is_within_its_budget(every_page, path):
    height = facts(every_page, path, "phone")["height"]
    budget = BUDGETS_PX.get(path, DEFAULT_BUDGET_PX)
    assert height <= budget, f"{path} is {height}px tall at 390px (budget {budget}px)"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_every_page_ends_with_next_or_back_links(every_page, path):
    text = facts(every_page, path, "phone")["text"]
    assert re.search(r"(Next|Back): ", text), f"{path} has no next/back link"


def test_handout_qr_code_is_large_enough_to_scan_on_a_phone(every_page):
    widths = facts(every_page, "pages/11_Handout.py", "phone")["image_widths"]
    assert widths
    assert max(widths) >= 250


@pytest.mark.parametrize("width_name", ["desktop", "phone"])
def test_contact_sheet_of_every_page(every_page, width_name):
    for page in ui.PAGES:
        facts(every_page, page.path, width_name)
    sheet = contact_sheet(width_name)
    assert sheet.stat().st_size > 10_000
