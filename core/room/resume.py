"""Getting a facilitator back to their room after a restart: a secret the browser holds, and the key file.

Why the browser's XSRF cookie: Streamlit sets `_streamlit_xsrf` (16 random bytes, masked afresh on each response)
in every browser that opens the app while XSRF protection is on, its default. The browser sends it back on each
connection, so `st.context.cookies` reads it after a server restart, on another replica, or after the laptop slept,
for as long as the browser keeps it (until it closes). It is never in the page address or on screen, so the room
behind a projector cannot copy it. We store only a hash of a key derived from it, and only for the rooms that this
browser started or resumed. Where the cookie is missing (XSRF protection off), the key file still works.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

XSRF_COOKIES = ("_streamlit_xsrf", "_xsrf")
_KEY_LENGTH = 32  # the same form as a facilitator key, so the store checks both the same way
_V2 = re.compile(r"2\|([0-9a-f]{8})\|([0-9a-f]+)\|\d+")
_KEY_LINE = re.compile(r"Facilitator key:\s*([A-Za-z0-9_\-]{32})\b")
_ROOM_LINE = re.compile(r"Room\s+([A-Za-z0-9 \-]{4,20})\s*$", re.MULTILINE)


def cookie_secret(value: str | None) -> bytes | None:
    """The random bytes inside an XSRF cookie (version 2 is masked: unmask it), or None for no usable cookie."""
    if not value:
        return None
    value = value.strip("\"' ")
    found = _V2.fullmatch(value)
    if found:
        try:
            mask, masked = binascii.unhexlify(found.group(1)), binascii.unhexlify(found.group(2))
        except binascii.Error:
            return None
        token = bytes(b ^ mask[i % 4] for i, b in enumerate(masked))
        return token if len(token) >= 16 else None
    # Version 1 is the plain hex token; anything else is not a cookie we know.
    if re.fullmatch(r"[0-9a-f]{32,128}", value):
        return value.encode("ascii")
    return None


def browser_key(cookies: dict[str, str]) -> str | None:
    """A 32-character key for this browser, derived from its XSRF cookie; None when it has none."""
    for name in XSRF_COOKIES:
        secret = cookie_secret(cookies.get(name))
        if secret:
            digest = hashlib.sha256(b"stemcell-room-browser\x00" + secret).digest()
            return base64.urlsafe_b64encode(digest).decode("ascii")[:_KEY_LENGTH]
    return None


def read_key_file(text: str) -> tuple[str, str] | None:
    """(room code, facilitator key) from a saved key file, or None when the text is not one."""
    key, room = _KEY_LINE.search(text or ""), _ROOM_LINE.search(text or "")
    return (room.group(1), key.group(1)) if key and room else None
