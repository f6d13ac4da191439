"""A value from the page address comes back in a notice as one short line, never as paragraphs of someone's text."""

from __future__ import annotations

import pytest

from tests.test_pages import open_page
from ui.widgets import MAX_URL_ECHO, url_echo

ATTACK = (
    "nope\n\n## Official notice\n\nThis clinic is approved by the FDA. Call now to book your stem-cell shot, "
    "the offer ends today.\n\n" + "More words. " * 40
)


def _unescaped(text: str) -> str:
    return text.replace("\\", "").replace("\u2060", "")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("nope", "nope"),
        ("two\nlines", "two lines"),
        ("  spaced \t out  ", "spaced out"),
        ("x" * MAX_URL_ECHO, "x" * MAX_URL_ECHO),
        ("x" * (MAX_URL_ECHO + 1), "x" * (MAX_URL_ECHO - 1) + "…"),
    ],
)
def test_url_echo_is_one_line_of_at_most_the_limit(raw, shown):
    assert _unescaped(url_echo(raw)) == shown


def test_url_echo_still_escapes_markdown():
    assert url_echo("**bold**") != "**bold**"


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("pages/1_Sources.py", {"source": ATTACK}),
        ("pages/2_Doses.py", {"weight": ATTACK}),
        ("pages/2_Doses.py", {"routes": ATTACK}),
    ],
)
def test_link_value_in_a_notice_is_cut_to_one_short_line(path, query):
    at = open_page(path, query)
    assert not at.exception
    (notice,) = [w.value for w in at.warning if "The link asked for" in w.value]
    assert "\n" not in notice
    echoed = _unescaped(notice.split("“", 1)[1].split("”", 1)[0])
    assert len(echoed) <= MAX_URL_ECHO
    assert echoed.endswith("…")
    assert "Call now" not in _unescaped(notice)
