"""Oversized input gets a plain message, not a crash: the handout's address."""

from __future__ import annotations

import pytest

from core.views import handout


@pytest.mark.parametrize("length", [handout.MAX_URL_CHARS + 1, 2_400, 200_000])
def test_overlong_handout_address_gets_a_plain_message(length):
    url = "https://example.test/" + "a" * (length - len("https://example.test/"))
    with pytest.raises(handout.HandoutError, match=r"characters long; the handout's QR code takes at most 300"):
        handout.qr_png(url)


def test_longest_allowed_address_still_makes_a_code():
    url = "https://example.test/" + "a" * (handout.MAX_URL_CHARS - len("https://example.test/"))
    assert handout.qr_png(url).startswith(b"\x89PNG")
