"""The address phones use to reach the app: a configured public URL, else the page's own, with loopback detection."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

from core import i18n

PUBLIC_URL_ENV = "STEMCELL_PUBLIC_URL"
MAX_BASE_CHARS = 300  # a longer base makes the join QR code too dense to scan from the back of a room
# A documentation-only address (RFC 5737): connecting a UDP socket to it picks the outgoing interface and sends nothing.
_ROUTE_PROBE = ("192.0.2.1", 9)


def check_base(raw: object) -> str | None:
    """A configured public address as a clean base (no query, no trailing slash), or None when it is not one."""
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > MAX_BASE_CHARS:
        return None
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or any(c.isspace() for c in raw.strip()):
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def base_of_page(page_url: str) -> str:
    """The app's base address from one of its page addresses: http://h:8501/app/Run_a_session -> http://h:8501/app."""
    parts = urlsplit(page_url or "http://localhost:8501/")
    folder = parts.path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme or "http", parts.netloc or "localhost:8501", folder, "", ""))


def page_url(base: str, page: str = "", query: Mapping[str, str] | None = None) -> str:
    """base + page + query: page_url('http://h:8501', 'Join', {'room': 'X'}) -> http://h:8501/Join?room=X."""
    path = base.rstrip("/") + ("/" + page.strip("/") if page.strip("/") else "")
    return path + ("?" + urlencode(dict(query)) if query else "")


def is_loopback(host: str | None) -> bool:
    """Whether a host name or address only reaches this computer (localhost, 127.x, ::1, or the 0.0.0.0 wildcard)."""
    if not host:
        return True
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def host_of(url: str) -> str | None:
    return urlsplit(url).hostname


def usable_addresses(candidates: Iterable[str]) -> list[str]:
    """IPv4 addresses another device on the network could reach: not loopback, link-local or the wildcard; in order."""
    kept = []
    for raw in candidates:
        try:
            address = ipaddress.ip_address(raw)
        except ValueError:
            continue
        if address.version == 4 and not (address.is_loopback or address.is_link_local or address.is_unspecified):
            kept.append(str(address))
    return list(dict.fromkeys(kept))


def network_address() -> str | None:
    """This machine's address on its network, found without sending anything, or None when there is none."""
    candidates = []
    try:
        # connect() on a UDP socket only chooses the route and the local address; no packet leaves the machine.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ROUTE_PROBE)
            candidates.append(probe.getsockname()[0])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        candidates += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    found = usable_addresses(candidates)
    return found[0] if found else None


def swap_host(base: str, host: str) -> str:
    """The same base address on another host, keeping scheme, port and path."""
    parts = urlsplit(base)
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def phone_base(page: str, configured: str | None, lan_address: str | None) -> tuple[str, str | None]:
    """(base address for links and QR codes, network address to suggest or None) for a facilitator on `page`.

    A configured public URL always wins. Otherwise the page's own base, unless that is loopback: then the machine's
    network address on the same port, which phones on the same network can open if the server listens on it.
    """
    if configured:
        return configured, None
    base = base_of_page(page)
    if not is_loopback(host_of(base)) or not lan_address:
        return base, None
    suggested = swap_host(base, lan_address)
    return suggested, suggested


def loopback_warning(page: str, configured: str | None, suggested: str | None, lang: str = "en") -> str | None:
    """The plain warning a facilitator on a loopback address sees (None when phones can open the links)."""
    if configured or not is_loopback(host_of(base_of_page(page))):
        return None
    if suggested:
        said = i18n.gettext(
            lang,
            "This page's address (localhost) opens only on this computer, so phones cannot use it. The join link "
            "and QR codes use this computer's network address instead, {address}: phones on the same Wi-Fi can open "
            "it if the app was started with --server.address 0.0.0.0 and the firewall allows it. To fix the address "
            "for good, set {setting} (see the README, Run a workshop from a laptop).",
        )
    else:
        said = i18n.gettext(
            lang,
            "This page's address (localhost) opens only on this computer, so phones cannot use it. No network "
            "address was found for this computer: connect it to the room's Wi-Fi. To fix the address for good, set "
            "{setting} (see the README, Run a workshop from a laptop).",
        )
    return said.format(address=suggested, setting=PUBLIC_URL_ENV)
