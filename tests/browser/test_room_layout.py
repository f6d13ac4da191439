"""The room's pages in a browser: the QR code stays inside its panel and is big enough; phones never scroll sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.room.store import URL_ENV
from tests.browser.conftest import DESKTOP, PHONE, screenshot, start_server, stop_server, wait_rendered

# One worker runs the module, so its module fixture (a server, a checked text) is set up once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("room_layout")]


@pytest.fixture(scope="module")
def room_server(tmp_path_factory) -> Iterator[str]:
    """A server with its own SQLite room file (the default store, as `streamlit run` gives it)."""
    process, url = start_server({URL_ENV: f"sqlite:///{tmp_path_factory.mktemp('room') / 'room.sqlite'}"})
    yield url
    stop_server(process)


def sideways_overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize(("viewport", "min_qr"), [(DESKTOP, 250), (PHONE, 200)], ids=["1280", "390"])
def test_the_qr_code_fits_its_panel_and_is_big_enough_to_scan(room_server, page_at, viewport, min_qr):
    page = page_at(room_server + "/Run_a_session", viewport)
    wait_rendered(page)
    page.get_by_role("button", name="Start a new room").click()
    qr = page.locator('[data-testid="stImage"] img').first
    qr.wait_for()
    wait_rendered(page)
    image_box = qr.bounding_box()
    # The bordered panel around the QR code: the nearest ancestor that draws a border.
    panel_box = qr.evaluate(
        """img => { let e = img.parentElement;
                    while (e && getComputedStyle(e).borderRightWidth === '0px') e = e.parentElement;
                    const r = e.getBoundingClientRect(); return {x: r.x, width: r.width}; }"""
    )
    screenshot(page, f"room-run-start-{viewport['width']}")
    assert image_box["width"] >= min_qr, image_box
    assert image_box["x"] + image_box["width"] <= panel_box["x"] + panel_box["width"] + 1, (image_box, panel_box)
    assert sideways_overflow(page) <= 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_the_join_form_fits_a_phone(room_server, page_at, viewport):
    page = page_at(room_server + "/Join", viewport)
    wait_rendered(page)
    field = page.get_by_role("textbox", name="Room code")
    assert field.is_visible()
    assert sideways_overflow(page) <= 0
    screenshot(page, f"room-join-form-{viewport['width']}")
