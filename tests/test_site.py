"""The one page registry: every page file is registered once, and every page a core module names is registered."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core import site

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_file_is_registered_once():
    files = {"streamlit_app.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    registered = [page.path for page in site.PAGES]
    assert sorted(registered) == sorted(files)
    assert len({page.key for page in site.PAGES}) == len(site.PAGES)


@pytest.mark.parametrize(
    ("script", "address"),
    [("streamlit_app.py", "/"), ("pages/2_Doses.py", "/Doses"), ("pages/13_Join.py", "/Join"), ("pages/x.py", "/x")],
)
def test_a_page_file_becomes_its_streamlit_address(script, address):
    assert site.url_path(script) == address


def test_an_unknown_page_key_fails_loudly():
    with pytest.raises(KeyError):
        site.path("no-such-page")


def test_no_core_module_types_a_page_file_name():
    typed = re.compile(r"['\"](pages/)?\d{1,2}_[A-Za-z_]+(\.py)?['\"]")
    offenders = [
        str(f.relative_to(ROOT))
        for f in (ROOT / "core").rglob("*.py")
        if f.name != "site.py" and typed.search(f.read_text())
    ]
    assert offenders == []
