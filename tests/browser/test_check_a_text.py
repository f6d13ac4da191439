"""Check a text on a phone: an advert that boasts of "our FDA-registered lab" gets red flags first, never a tick."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import PHONE, screenshot, wait_rendered

# One worker runs the module, so its module fixture (a server, a checked text) is set up once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("check_a_text")]

# An advert written for this test in the words real clinic pages use. Its last sentence is longer than a checklist
# quote used to be allowed, and it has more than eight sure-sounding words: both used to end a line with "…".
ADVERT = (
    "Revolutionary stem cell therapy for knee pain, a remarkable breakthrough from a global leader in "
    "regenerative medicine. "
    "Every dose is prepared in our FDA-registered lab from your own fat, and the results are guaranteed.\n"
    "We inject 100 million stem cells into each knee: the gold standard, with state-of-the-art, cutting-edge care "
    "and superior results. Many call it a miracle.\n"
    "Book a free consultation today with our friendly patient coordinators, who will answer every question you "
    "have about travel, your stay, the stem cell procedure itself, aftercare at home and the payment options we "
    "offer to international patients who come to us from all over the world."
)
# Text that belongs in code, tables or downloads, never in a sentence on screen.
INTERNAL = re.compile(
    r"\\[swd]|\(\?[:!=]|\{\d,\d\}|\.py\b|pages/|\b[a-z]+_[a-z_]+\b|price lure|product as cells|dose outside trials"
    r"|study-registry|\bTextReport\b|\bRedFlag\b"
)


@pytest.fixture(scope="module")
def checked(server, browser):
    """The Check-a-text page on a 390 px phone after pasting the advert and pressing Check (one run for all)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server + "/Check_a_text", wait_until="domcontentloaded")
    wait_rendered(page)
    page.get_by_role("textbox", name="Text to check").fill(ADVERT)
    page.get_by_role("button", name=re.compile(r"\bCheck$")).click()
    page.locator("h3", has_text="Red flags").first.wait_for()
    wait_rendered(page)
    screenshot(page, "check-a-text-phone")
    yield page
    context.close()


# The text a reader sees in each block of the page, with Material icon names (drawn as glyphs) left out.
BLOCK_TEXTS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] :is([data-testid=stMarkdownContainer], [data-testid=stCaptionContainer], h1, h2, h3,'
    + ' [data-testid=stMetric], [data-testid=stAlertContainer])')].map((el) => {
  const copy = el.cloneNode(true);
  copy.querySelectorAll('[role=img], [data-testid=stIconMaterial]').forEach((icon) => icon.remove());
  return copy.textContent.trim();
}).filter((text) => text)"""


def test_red_flags_are_the_first_findings_on_screen(checked):
    headings = checked.locator('[data-testid="stMain"] h3')
    tops = [(h.bounding_box()["y"], h.inner_text().strip()) for h in headings.all() if h.is_visible()]
    assert tops, "no findings were drawn"
    assert min(tops)[1] == "Red flags"
    assert [text for _y, text in sorted(tops)][:3] == ["Red flags", "What kind of page this reads like", "Doses"]
    label = checked.get_by_text("Regulator's name used as a selling point").first
    kind_heading = checked.locator("h3", has_text="What kind of page this reads like").first
    assert label.bounding_box()["y"] < kind_heading.bounding_box()["y"]


def test_fda_registered_lab_earns_a_red_flag(checked):
    flag = checked.locator('[data-testid="stMarkdownContainer"]', has_text="Regulator's name used").first
    assert "FDA-registered" in flag.inner_text()


def test_fda_registered_lab_does_not_earn_a_tick(checked):
    line = checked.locator('[data-testid="stMarkdownContainer"]', has_text="what regulators have or have not").first
    icons = [i.get_attribute("aria-label") for i in line.locator("span[role=img]").all()]
    assert icons == ["warning icon"]
    assert line.inner_text().rstrip().endswith("No.")


def test_no_text_in_the_results_ends_in_an_ellipsis(checked):
    texts = checked.evaluate(BLOCK_TEXTS)
    assert any("more" in t and "Hype words" in t for t in texts), "the advert's hype list is long enough to test"
    assert [t for t in texts if re.search(r"(?:…|\.\.\.)\W{0,2}$", t)] == []


def test_a_long_sentence_is_quoted_whole_or_cut_at_a_word_and_says_so(checked):
    quote = next(t for t in checked.evaluate(BLOCK_TEXTS) if t.startswith("“Book a free consultation"))
    body, _, after = quote[1:].partition("”")
    after = after.split("\n")[0]  # a line under the quote may say who found the flag
    assert after in ("", " (part of a longer sentence)")
    advert = " ".join(ADVERT.split())
    at = advert.index(body)
    assert not advert[at + len(body) : at + len(body) + 1].isalpha(), f"cut inside a word: {body[-20:]!r}"
    assert after or body.endswith("world.")


def test_no_internal_ids_or_patterns_in_the_results(checked):
    assert [t for t in checked.evaluate(BLOCK_TEXTS) if INTERNAL.search(t)] == []


def test_results_fit_a_phone_without_sideways_scrolling(checked):
    overflow = checked.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1


def test_the_page_kind_quotes_only_words_the_advert_says(checked):
    because = next(t for t in checked.evaluate(BLOCK_TEXTS) if t.startswith("Because it says"))
    quotes = re.findall(r"“([^”]+)”", because)
    assert quotes
    assert [q for q in quotes if q.lower() not in " ".join(ADVERT.split()).lower()] == []


def test_after_check_the_result_is_on_screen(server, page_at):
    page = page_at(server + "/Check_a_text", PHONE)
    wait_rendered(page)
    page.get_by_role("textbox", name="Text to check").fill(ADVERT)
    page.get_by_role("button", name=re.compile(r"\bCheck$")).click()
    result = page.locator(".st-key-check_result")
    result.wait_for()
    wait_rendered(page)
    page.wait_for_timeout(1200)
    box = result.bounding_box()
    # The whole result on the first screen, below Streamlit's header bar (60 px); unscrolled it starts at ~1,050 px.
    assert box["y"] >= 40, box
    assert box["y"] + box["height"] <= PHONE["height"], box


# Last in the module: it opens an expander on the shared page.
def test_guided_reading_fits_the_phone_and_asks_about_each_suspected_sentence(checked):
    expander = checked.locator('[data-testid="stExpander"]', has_text="to read").first
    expander.locator("summary").click()
    expander.get_by_role("radiogroup").first.wait_for()
    assert expander.get_by_text("Not a red flag").first.is_visible()
    box = expander.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert checked.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(checked, "check-a-text-guided-reading-phone")
