"""Every page of the Spanish edition, as a visitor first opens it: no English interface text, no error."""

from __future__ import annotations

import pytest

from core import site
from tests.spanish_check import english_on_page
from tests.test_pages import open_page


@pytest.mark.parametrize("path", [page.path for page in site.PAGES])
def test_spanish_page_opens_with_no_english_interface_text(path):
    at = open_page(path, {"lang": "es"})
    assert not at.exception
    assert english_on_page(at) == []
