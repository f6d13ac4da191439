"""The "Check a text" page through AppTest: guidance when empty, red flags first, doses, clear errors."""

from __future__ import annotations

import pytest

from bench.textcheck_eval import load_cases
from core import textcheck
from core.views import check_a_text
from tests.conftest import SEEDS_DIR, needs_seeds
from tests.test_pages import all_text, open_page

PAGE = "pages/7_Check_a_text.py"


def _check(text: str):
    at = open_page(PAGE)
    at.text_area(key="text").set_value(text)
    next(b for b in at.button if b.label == "Check").click().run()
    assert not at.exception, at.exception
    return at


def test_empty_page_shows_guidance_and_nothing_else():
    at = open_page(PAGE)
    assert not at.exception, at.exception
    assert "Check a text" in at.title[0].value
    assert any("press **Check**" in i.value for i in at.info)
    assert not at.subheader


def test_there_is_a_check_button_and_no_keyboard_shortcut_in_the_guidance():
    at = open_page(PAGE)
    assert "Check" in [b.label for b in at.button]
    assert "Ctrl" not in all_text(at)


def test_typing_without_pressing_check_does_not_analyse():
    at = open_page(PAGE)
    at.text_area(key="text").set_value("We inject 50 million stem cells into the knee.").run()
    assert not at.subheader


def test_blank_text_is_treated_as_empty():
    at = _check("   \n\t ")
    assert any("press **Check**" in i.value for i in at.info)


def test_red_flags_come_first_then_page_kind_then_doses():
    at = _check(textcheck.EXAMPLE)
    headings = [s.value for s in at.subheader]
    assert headings[:3] == ["Red flags", "What kind of page this reads like", "Doses"]
    text = all_text(at).replace("\\", "")
    assert "Regulator's name used as a selling point" in text
    assert "FDA-registered" in text
    assert _counts_line(at).startswith("5 red flags · ")


def _counts_line(at) -> str:
    """The one-line tally above the red flags ("2 red flags · 1 dose · …"), without Markdown escapes."""
    return next(m.value.replace("\\", "") for m in at.markdown if " · " in m.value and "red flag" in m.value)


def test_advert_is_summed_up_as_an_advert_and_fda_page_as_neutral():
    advert = _check(textcheck.EXAMPLE)
    assert "Read it as an advert" in advert.warning[0].value
    fda = _check(
        "FDA has not approved these products. FDA has received reports of blindness, tumor formation and "
        "infections. If you are offered one, please contact FDA at ocod@fda.hhs.gov."
    )
    assert any("No red flags" in box.value for box in fda.info)
    assert "regulator" in all_text(fda)


def test_red_flag_links_to_the_page_that_explains_it():
    at = _check("Our FDA-registered lab guarantees results.")
    links = [link.label for link in at.get("page_link")]
    assert "Why it matters: Claims vs evidence" in links


@needs_seeds
def test_seed_page_doses_with_basis_route_and_comparison():
    at = _check(next(SEEDS_DIR.glob("000_*.txt")).read_text(encoding="utf-8"))
    table = at.dataframe[0].value
    assert "15 million to 50 million stem cells per knee" in set(table["found in text"])
    assert "intra-articular knee" in set(table["route"])
    assert {"product", "basis", "route from", "course"} <= set(table.columns)
    text = all_text(at).replace("\\", "")
    assert ":orange-background[**15 million to 50 million stem cells" in text
    assert [b.label for b in at.get("download_button")] == ["Download report (Markdown)", "Download findings (CSV)"]


def test_example_button_fills_the_text_and_checks_it():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Fill in an example").click().run()
    assert not at.exception
    assert at.text_area(key="text").value == textcheck.EXAMPLE
    assert " · 2 doses · " in _counts_line(at)


def test_quoted_hype_is_shown_as_quoted_not_counted():
    at = _check("Patients are promised revolutionary therapy, critics say, and others have called it “miraculous.”")
    assert " · 0 sure-sounding words · " in _counts_line(at)
    assert "not counted against the page" in all_text(at)


def test_text_without_doses_says_so():
    at = _check("Stem cell therapy is a revolutionary breakthrough that affects millions globally.")
    assert any("found no doses" in m.value for m in at.markdown)
    assert not at.dataframe


def test_too_long_text_shows_a_clear_error():
    at = _check("a" * (textcheck.MAX_CHARS + 1))
    assert "at most 200,000" in at.warning[0].value.replace("\\", "")
    assert not at.error
    assert not at.subheader


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script> 50 million cells", "[x](javascript:alert(1))"])
def test_user_text_is_never_rendered_as_html_or_links(hostile):
    at = _check(hostile)
    rendered = "\n".join(m.value for m in at.markdown)
    assert "<script>" not in rendered
    assert "](javascript" not in rendered


def _upload(name: str, content: bytes, mime: str = "text/plain"):
    at = open_page(PAGE)
    at.get("file_uploader")[0].upload(name, content, mime).run()
    return at


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin.txt", "Stammzellen für das Knie: 50 Millionen".encode("latin-1"), "UTF-8"),
        ("huge.txt", b"stem cells " * 20_000, "200,000"),
        ("empty.md", b"   ", "no text"),
        ("scan.pdf", b"%PDF-1.7 fake", "a PDF"),
        ("page.docx", b"PK\x03\x04 fake", "a Word document"),
    ],
)
def test_bad_uploads_give_a_clear_message_not_a_crash(name, content, message):
    at = _upload(name, content)
    assert not at.exception
    assert not at.error, "a refused file is explained, not shown as an error box"
    assert message.lower() in at.warning[0].value.replace("\\", "").lower()


def test_uploaded_html_is_read_as_text_and_its_script_dropped():
    page = b"<html><body><script>alert('x')</script><p>We inject 50 million stem cells into the knee.</p></body></html>"
    at = _upload("ad.html", page, "text/html")
    assert not at.exception
    assert not at.error
    text = all_text(at).replace("\\", "")
    assert "50 million" in text
    assert "alert(" not in text


def test_real_clinic_page_offering_svf_instead_of_surgery_gets_both_flags_with_reasons_and_link():
    # Excerpt of a real clinic page from the evaluation set (innovations-medical-knee in cases.json).
    case = next(c for c in load_cases() if c["id"] == "innovations-medical-knee")
    at = _check(case["text"])
    text = all_text(at).replace("\\", "")
    assert "A product regulators warn about, offered as treatment" in text
    assert "deploying SVF" in text
    assert "Offered in place of surgery" in text
    assert "none is approved for knee or back pain" in text
    assert "Why it matters: Evidence & regulation" in [link.label for link in at.get("page_link")]
    assert "Read it as an advert" in at.warning[0].value


def test_fda_warning_about_exosomes_gets_no_product_flag():
    at = _check(
        "FDA is informing the public of serious adverse events experienced by patients in Nebraska who were "
        "treated with unapproved products marketed as containing exosomes. There are currently no FDA-approved "
        "exosome products."
    )
    assert "A product regulators warn about" not in all_text(at)
    assert any("No red flags" in box.value for box in at.info)


def test_no_red_flags_is_not_shown_as_an_all_clear():
    at = _check("FDA has not approved these products. FDA has received reports of blindness and infections.")
    assert not at.success, "a page without red flags gets no green all-clear"
    found = round(check_a_text.UNSEEN_RED_FLAG_RECALL * 10)
    assert f"on {check_a_text.UNSEEN_PAGES} real pages it had not seen before, it found only about {found} in 10" in (
        all_text(at)
    )


# Guided reading (issue 19): the reader confirms or dismisses what the checker suspects; guess first in a workshop.

_SUSPICIOUS = (
    "Our stem cell injections regrow the cartilage in your knee.\n"
    "Avoid knee replacement surgery with one simple shot.\n"
    "Most of our patients are back on the tennis court within weeks.\n"
    "Book a free consultation today."
)


def test_guided_reading_asks_to_confirm_or_dismiss_each_suspected_sentence():
    at = _check(_SUSPICIOUS)
    radios = [r for r in at.radio if r.key.startswith("confirm_")]
    assert radios
    assert all(r.options == ["Red flag", "Not a red flag"] and r.value is None for r in radios)
    assert any("to read" in e.label for e in at.expander)


def test_confirming_a_sentence_is_counted_in_the_tally():
    at = _check(_SUSPICIOUS)
    radio = next(r for r in at.radio if r.key.startswith("confirm_"))
    radio.set_value("Red flag").run()
    assert "You confirmed 1, dismissed 0" in all_text(at)


def test_page_that_leaves_out_risks_and_costs_gets_questions_for_the_clinic():
    at = _check(_SUSPICIOUS)
    text = all_text(at)
    assert "Questions to ask the clinic" in text
    assert "What are the risks and side effects" in text


def _guess(text: str):
    at = open_page(PAGE, {"guess": "1"})
    at.text_area(key="text").set_value(text)
    next(b for b in at.button if b.label == "Check").click().run()
    assert not at.exception, at.exception
    return at


def test_guess_mode_hides_the_checkers_answer_until_reveal():
    at = _guess(_SUSPICIOUS)
    assert [c.key for c in at.checkbox if c.key.startswith("mark_")]
    assert "Red flags" not in [s.value for s in at.subheader]
    assert "Promises to regrow" not in all_text(at)
    assert not [r for r in at.radio if r.key.startswith("confirm_")]
    next(t for t in at.toggle if t.key == "reveal_flags").set_value(True).run()
    assert "Red flags" in [s.value for s in at.subheader]
    assert "You and the checker agree on" in all_text(at)


def test_guess_mode_compares_the_rooms_marks_with_the_checker():
    at = _guess(_SUSPICIOUS)
    next(c for c in at.checkbox if c.key.startswith("mark_")).check().run()
    next(t for t in at.toggle if t.key == "reveal_flags").set_value(True).run()
    assert "You marked it." in all_text(at)
