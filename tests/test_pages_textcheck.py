"""The "Check a text" page through AppTest: guidance when empty, findings when a text is pasted, clear errors."""

from __future__ import annotations

import pytest

from core import textcheck
from tests.conftest import SEEDS_DIR
from tests.test_pages import all_text, open_page

PAGE = "pages/7_Check_a_text.py"


def _paste(text: str):
    at = open_page(PAGE)
    at.text_area(key="text").set_value(text).run()
    assert not at.exception, at.exception
    return at


def test_empty_page_shows_guidance_and_nothing_else():
    at = open_page(PAGE)
    assert not at.exception, at.exception
    assert "Check a text" in at.title[0].value
    assert any("Paste a text" in i.value for i in at.info)
    assert not at.subheader


def test_blank_text_is_treated_as_empty():
    at = _paste("   \n\t ")
    assert any("Paste a text" in i.value for i in at.info)


def test_pasted_text_shows_doses_wording_and_checklist():
    at = _paste((next(SEEDS_DIR.glob("000_*.txt"))).read_text(encoding="utf-8"))
    assert at.metric[0].value == "7"
    table = at.dataframe[0].value
    assert "15 million to 50 million stem cells" in set(table["found in text"])
    assert "intra-articular knee" in set(table["route"])
    text = all_text(at).replace("\\", "")
    assert "Stated as sure fact:** 1 (has been shown)" in text
    assert "Does it name risks or side effects?** No." in text
    assert ":orange-background[**15 million to 50 million stem cells**]" in text
    assert [b.label for b in at.get("download_button")] == ["Download report (Markdown)", "Download findings (CSV)"]


def test_example_button_fills_the_text():
    at = open_page(PAGE)
    at.button[0].click().run()
    assert not at.exception
    assert at.text_area(key="text").value == textcheck.EXAMPLE
    assert at.metric[0].value == "2"


def test_text_without_doses_says_so():
    at = _paste("Stem cell therapy is a revolutionary breakthrough that affects millions globally.")
    assert any("found no cell doses" in m.value for m in at.markdown)
    assert not at.dataframe


def test_too_long_text_shows_a_clear_error():
    at = _paste("a" * (textcheck.MAX_CHARS + 1))
    assert "at most 200,000" in at.error[0].value.replace("\\", "")
    assert not at.subheader


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script> 50 million cells", "[x](javascript:alert(1))"])
def test_user_text_is_never_rendered_as_html_or_links(hostile):
    at = _paste(hostile)
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
        ("empty.md", b"   ", "empty"),
    ],
)
def test_bad_uploads_give_a_clear_message_not_a_crash(name, content, message):
    at = _upload(name, content)
    assert not at.exception
    assert at.error, "the page explains why the file was refused"
    assert message.lower() in at.error[0].value.replace("\\", "").lower()


def test_uploaded_html_is_read_as_text_and_its_script_dropped():
    page = b"<html><body><script>alert('x')</script><p>We inject 50 million stem cells into the knee.</p></body></html>"
    at = _upload("ad.html", page, "text/html")
    assert not at.exception
    assert not at.error
    text = all_text(at).replace("\\", "")
    assert "50 million" in text
    assert "alert(" not in text
