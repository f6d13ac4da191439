"""The room's pages in a browser: the QR code fits its panel; the projector view fits 1280x720 with large options;
a phone sees all six options of a question on its first screen; a restarted server takes the facilitator back."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from core.room.rules import URL_ENV
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, screenshot, start_server, stop_server, wait_rendered

# One worker runs the module, so its module fixture (a server, a checked text) is set up once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("room_layout")]


PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def room_db(tmp_path_factory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('room') / 'room.sqlite'}"


@pytest.fixture(scope="module")
def room_server(room_db) -> Iterator[str]:
    """A server with its own SQLite room file (the default store, as `streamlit run` gives it)."""
    process, url = start_server({URL_ENV: room_db})
    yield url
    stop_server(process)


@pytest.fixture(scope="module", params=["exercise", "claim card"])
def six_options(request, room_db) -> tuple[str, str, tuple[str, ...]]:
    """A room showing a six-option question: an exercise, or the claim card with the longest quote (drawn above
    its options). Returns its code, facilitator key and options."""
    from core import data
    from core.room import RoomStore
    from core.room.questions import all_questions

    six = [q for q in all_questions(data.load()) if len(q.options) == 6]
    if request.param == "exercise":
        question = next(q for q in six if q.card_quote is None)
    else:
        question = max((q for q in six if q.card_quote), key=lambda q: len(q.card_quote.text))
    store = RoomStore(room_db)
    code, token = store.create_room()
    store.set_plan(code, token, [(question.id, question.option_ids)])  # answers are stored by option letter
    store.advance(code, token)
    store.dispose()
    return code, token, question.options


def resume_by_key(page, code: str, token: str) -> None:
    """Take over a room on the facilitator's page by typing its code and key."""
    wait_rendered(page)
    page.get_by_text("Resume a room you started in another browser").click()
    page.get_by_role("textbox", name="Or type the room code").fill(code)
    page.get_by_role("textbox", name="Or type the room code").press("Tab")
    page.get_by_label("and the facilitator key").fill(token)
    page.get_by_label("and the facilitator key").press("Enter")
    page.get_by_role("button", name="Resume").click()


def inside(box: dict, viewport: dict) -> bool:
    return (
        box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"] + 1
        and box["x"] >= 0
        and (box["x"] + box["width"] <= viewport["width"] + 1)
    )


def test_the_projector_view_fits_question_options_and_chart_on_one_screen(room_server, page_at, six_options):
    code, token, _ = six_options
    page = page_at(room_server + "/Run_a_session?view=projector", PROJECTOR)
    resume_by_key(page, code, token)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for()
    wait_rendered(page)
    page.wait_for_timeout(500)  # the scroll to the question runs once the question is drawn
    # The options' headings, by their letters (Markdown escaping may put invisible joiners inside the text).
    headings = [page.locator("h3", has_text=re.compile(rf"^{letter}\. ")).first for letter in "ABCDEF"]
    boxes = {"chart": chart.bounding_box(), **{f"option {i}": h.bounding_box() for i, h in enumerate(headings)}}
    page.screenshot(path=str(ARTIFACTS / f"room-projector-1280x720-{len(code)}-{code}.png"))
    assert {name: box for name, box in boxes.items() if not inside(box, PROJECTOR)} == {}
    sizes = [float(h.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px")) for h in headings]
    assert min(sizes) >= 28, sizes


def test_a_phone_sees_all_six_options_on_its_first_screen(room_server, page_at, six_options):
    code, _, _ = six_options
    page = page_at(room_server + f"/Join?room={code}", PHONE)
    last = page.get_by_role("button", name=re.compile(r"^F\. "))
    last.wait_for()
    wait_rendered(page)
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"room-phone-six-options-390x844-{code}.png"))
    first = page.get_by_role("button", name=re.compile(r"^A\. "))
    assert inside(first.bounding_box(), PHONE)
    assert inside(last.bounding_box(), PHONE), last.bounding_box()


def test_a_restarted_server_takes_the_facilitator_back_in_one_step(room_db, browser):
    process, url = start_server({URL_ENV: room_db})
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(url + "/Run_a_session", wait_until="domcontentloaded")
        wait_rendered(page)
        page.get_by_role("button", name="Start a new room").click()
        page.get_by_text("Join on your phone").wait_for()
        code = page.locator("h2").first.inner_text().replace(" ", "")
    finally:
        stop_server(process)
    process, url = start_server({URL_ENV: room_db})  # a new server: no session survives, only the browser
    try:
        page = context.new_page()
        page.goto(url + "/Run_a_session", wait_until="domcontentloaded")
        back = page.get_by_role("button", name=f"Back to room {code}")
        back.wait_for()
        assert page.get_by_text("still exists").first.is_visible()
        back.click()
        page.get_by_text("Join on your phone").wait_for()
        assert page.locator("h2").first.inner_text().replace(" ", "") == code
        # The same address opened again goes straight back, without a button.
        again = context.new_page()
        again.goto(url + f"/Run_a_session?room={code}", wait_until="domcontentloaded")
        again.get_by_text("Join on your phone").wait_for()
        # Another browser (no cookie) is offered nothing about the room.
        stranger = browser.new_context(viewport=DESKTOP).new_page()
        stranger.goto(url + f"/Run_a_session?room={code}", wait_until="domcontentloaded")
        wait_rendered(stranger)
        assert stranger.get_by_role("button", name=f"Back to room {code}").count() == 0
        assert stranger.get_by_text("Join on your phone").count() == 0
        stranger.context.close()
    finally:
        context.close()
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
