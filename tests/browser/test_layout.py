"""What a reader sees first and how long each page is: every page drawn without error or sideways scroll, the finding
on Home's first phone screen, no internal ids in any page's text, page heights within budget, and a contact sheet of
every page at desktop and phone width (one pass over the pages, shared by every check)."""

from __future__ import annotations

import io
import json
import re

import pytest

import ui
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, wait_rendered
from tests.browser.test_browser import url_path

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("layout")]

# Row ids (r000-01, c004-11) and archived file names belong in tables and downloads, never in the page's text.
INTERNAL_ID = re.compile(r"\b[rc]\d{3}-\d{2}\b|\b\d{3}_[0-9a-f]{16}\.txt\b|\b[\w-]+\.txt\b")
# Python's None or nan shown as a value (a cell, or after a colon), and plurals a template got wrong ("1 harms",
# "2 number(s)"); "None of the groups" is English and is not caught.
PLUMBING_WORDS = re.compile(
    r"(?m)(?:^|: |\()(?:None|nan|NaN)(?:$|[),;.])|\(s\)"
    r"|\b1 (?:claims|pages|studies|harms|questions|rows|doses|trials|reports|words|numbers)\b"
)
# Height budgets at 390 px before anything is opened; a page over budget is a wall of text on a phone.
DEFAULT_BUDGET_PX = 9000
BUDGETS_PX = {"streamlit_app.py": 4500, "pages/5_Claims.py": 6000, "pages/11_Handout.py": 4500}
SHOT_CAP_PX = 9000  # longer pages are cut in the contact sheet (their height is still recorded)
THUMB_WIDTH = {"desktop": 320, "phone": 195}


def _name(path: str) -> str:
    return url_path(path).strip("/") or "Home"


def _visit(browser, url: str, viewport: dict[str, int]) -> dict:
    """Open a page, wait for it to settle, and take what the tests need: text, height, images, a screenshot."""
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        wait_rendered(page)
        page.wait_for_timeout(300)
        main = page.locator('[data-testid="stMain"]')
        text = main.inner_text()
        height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
        errors = page.locator('[data-testid="stException"]').count()
        first_alert = page.locator('[data-testid="stAlert"]').first.inner_text()
        overflow = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]') || document.documentElement;"
            " return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,"
            " m.scrollWidth - m.clientWidth); }"
        )
        boxes = (img.bounding_box() for img in page.locator("[data-testid=stImage] img").all())
        images = [box["width"] for box in boxes if box]
        page.set_viewport_size(
            {"width": viewport["width"], "height": min(max(height, viewport["height"]), SHOT_CAP_PX)}
        )
        page.wait_for_timeout(400)
        shot = page.screenshot()
        return {"text": text, "height": height, "image_widths": images, "shot": shot, "errors": errors,
                "first_alert": first_alert, "overflow": overflow}  # fmt: skip
    finally:
        context.close()


# Keyed by server address: xdist can tear this module's fixtures down and set them up again on the same worker
# (seen as two 110 s set-ups in one run), and the pages of one server do not change between the two.
_PASSES: dict[str, dict[tuple[str, str], dict]] = {}


@pytest.fixture(scope="module")
def visits(browser, server) -> dict[tuple[str, str], dict]:
    """Every page once at desktop and once at phone width (one pass shared by all the checks below)."""
    if server in _PASSES:
        return _PASSES[server]
    seen = {}
    ARTIFACTS.mkdir(exist_ok=True)
    for page in ui.PAGES:
        for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            seen[(page.path, width_name)] = visit = _visit(browser, server + url_path(page.path), viewport)
            (ARTIFACTS / f"{_name(page.path)}-{width_name}.png").write_bytes(visit["shot"])
    heights = {
        page.path: {
            "label": page.label,
            "height_px_at_390": seen[(page.path, "phone")]["height"],
            "budget_px": BUDGETS_PX.get(page.path, DEFAULT_BUDGET_PX),
            "height_px_at_1280": seen[(page.path, "desktop")]["height"],
        }
        for page in ui.PAGES
    }
    (ARTIFACTS / "page-heights.json").write_text(json.dumps(heights, indent=2) + "\n", encoding="utf-8")
    _PASSES[server] = seen
    return seen


def test_home_first_phone_screen_states_the_approval_finding(server, page_at):
    page = page_at(server + "/", PHONE)
    wait_rendered(page)
    finding = page.get_by_text(re.compile(r"approved.*knee or back pain")).first
    box = finding.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE["height"], "the approval finding is below the first phone screen"
    doses = page.get_by_text(re.compile(r"times the smallest")).first.bounding_box()
    assert doses is not None
    assert doses["y"] + doses["height"] <= PHONE["height"], "the dose finding is below the first phone screen"


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
def test_page_renders_without_error_or_sideways_scroll(visits, path, width_name):
    visit = visits[(path, width_name)]
    assert visit["errors"] == 0
    assert "Not medical advice" in visit["first_alert"]
    assert visit["overflow"] <= 1, f"content is wider than the screen by {visit['overflow']}px"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_text_shows_no_internal_ids_or_file_names(visits, path):
    for width_name in ("phone", "desktop"):
        found = INTERNAL_ID.findall(visits[(path, width_name)]["text"])
        assert not found, f"{path} at {width_name} width shows {sorted(set(found))[:5]}"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_text_shows_no_python_values_or_broken_plurals(visits, path):
    found = PLUMBING_WORDS.findall(visits[(path, "phone")]["text"])
    assert not found, f"{path} shows {sorted(set(found))[:5]}"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_page_height_at_390px_is_within_its_budget(visits, path):
    height = visits[(path, "phone")]["height"]
    budget = BUDGETS_PX.get(path, DEFAULT_BUDGET_PX)
    assert height <= budget, f"{path} is {height}px tall at 390px (budget {budget}px)"


@pytest.mark.parametrize("path", [p.path for p in ui.PAGES])
def test_every_page_ends_with_next_or_back_links(visits, path):
    text = visits[(path, "phone")]["text"]
    assert re.search(r"(Next|Back): ", text), f"{path} has no next/back link"


def test_handout_qr_code_is_large_enough_to_scan_on_a_phone(visits):
    widths = visits[("pages/11_Handout.py", "phone")]["image_widths"]
    assert widths
    assert max(widths) >= 250


@pytest.mark.parametrize("width_name", ["desktop", "phone"])
def test_contact_sheet_of_every_page(visits, width_name):
    from PIL import Image, ImageDraw

    thumbs = []
    for page in ui.PAGES:
        shot = Image.open(io.BytesIO(visits[(page.path, width_name)]["shot"])).convert("RGB")
        scale = THUMB_WIDTH[width_name] / shot.width
        thumbs.append((page.label, shot.resize((THUMB_WIDTH[width_name], max(1, int(shot.height * scale))))))
    columns = len(thumbs) if width_name == "phone" else 7
    rows = -(-len(thumbs) // columns)
    cell_w, label_h = THUMB_WIDTH[width_name] + 16, 22
    row_heights = [
        max(t.height for _, t in thumbs[r * columns : (r + 1) * columns]) + label_h + 16 for r in range(rows)
    ]
    sheet = Image.new("RGB", (cell_w * columns, sum(row_heights)), "#d9d9d9")
    draw = ImageDraw.Draw(sheet)
    for index, (label, thumb) in enumerate(thumbs):
        row, column = divmod(index, columns)
        x, y = column * cell_w + 8, sum(row_heights[:row]) + 8
        draw.text((x, y), label, fill="#000000")
        sheet.paste(thumb, (x, y + label_h))
    path = ARTIFACTS / f"contact-sheet-{width_name}.png"
    sheet.save(path)
    assert path.stat().st_size > 10_000
    assert sheet.width >= columns * THUMB_WIDTH[width_name]
