"""Per-client limits for the live room: how many rooms, ids and wrong codes one browser or one address may use."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.i18n import N_
from core.room.rules import MAX_PARTICIPANTS, UNSTARTED_TTL_SECONDS


@dataclass(frozen=True)
class Limit:
    """At most `count` uses in any `seconds`; `refusal` says so in plain words (an English msgid)."""

    name: str
    count: int
    seconds: float
    refusal: str


# Starting rooms: a facilitator starts one or two; a script starting hundreds is refused long before the cap.
ROOMS_PER_SESSION = Limit(
    "rooms/session", 3, 600, N_("This browser has started several rooms just now. Wait a few minutes and try again.")
)
ROOMS_PER_ADDRESS = Limit(
    "rooms/address",
    12,
    UNSTARTED_TTL_SECONDS * 2,
    N_("Many rooms were started from this network just now. Wait a few minutes and try again."),
)
# Codes that open no room: a phone mistypes a few; guessing is held to about one code a second per network.
WRONG_CODES_PER_SESSION = Limit(
    "wrong/session", 5, 60, N_("Several codes in a row did not open a room. Wait a minute, then check the code.")
)
WRONG_CODES_PER_ADDRESS = Limit(
    "wrong/address", 60, 60, N_("Many codes from this network did not open a room. Wait a minute, then try again.")
)
# New participant ids: a phone keeps its id per room, so a browser needs a new one only for another room. One
# network may take at most half of a room, so a class behind one school router fits and a script cannot fill it.
IDS_PER_SESSION = Limit(
    "ids/session", 6, 600, N_("This browser has joined several rooms just now. Wait a few minutes and try again.")
)
IDS_PER_ADDRESS_PER_ROOM = Limit(
    "ids/address/room", MAX_PARTICIPANTS // 2, 6 * 3600, N_("Too many phones from this network have joined this room.")
)


@dataclass(frozen=True)
class Client:
    """Who asks, as the limits see it: one browser session, and the network address it comes from."""

    session: str
    address: str


class RateLimiter:
    """In-memory sliding-window counts per key (one server's browser sessions); the clock is injectable."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_keys: int = 50_000):
        self.clock = clock
        self.max_keys = max_keys
        self._uses: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def _window(self, key: str, limit: Limit, now: float) -> deque[float]:
        uses = self._uses.setdefault((limit.name, key), deque())
        while uses and uses[0] <= now - limit.seconds:
            uses.popleft()
        return uses

    def allowed(self, key: str, limit: Limit) -> bool:
        """Whether one more use would be within the limit (counts nothing)."""
        with self._lock:
            return len(self._window(key, limit, self.clock())) < limit.count

    def take(self, key: str, limit: Limit) -> bool:
        """Count one use if within the limit; False (and nothing counted) when the limit is reached."""
        with self._lock:
            now = self.clock()
            uses = self._window(key, limit, now)
            if len(uses) >= limit.count:
                return False
            uses.append(now)
            if len(self._uses) > self.max_keys:
                self._forget_idle(now)
            return True

    def _forget_idle(self, now: float) -> None:
        # Keys of sessions long gone: drop those with no use in the last hour, so memory stays bounded.
        for key in [k for k, uses in self._uses.items() if not uses or uses[-1] <= now - 3600]:
            del self._uses[key]


def client_address(ip_address: str | None, headers: Mapping[str, str]) -> str:
    """The client's network address as the limits count it.

    Streamlit gives no address for a loopback connection. That is either the facilitator's own laptop or a
    reverse proxy on the same host: then the last X-Forwarded-For entry (the one the proxy added) names the client,
    and without one every loopback connection counts as one address, "local".
    """
    if ip_address:
        return _clean(ip_address) or "unknown"
    forwarded = next((v for k, v in headers.items() if k.lower() == "x-forwarded-for"), "")
    last = forwarded.split(",")[-1].strip() if forwarded else ""
    return _clean(last) or "local"


def _clean(raw: str) -> str | None:
    try:
        return str(ipaddress.ip_address(raw.strip().strip("[]")))
    except ValueError:
        return None
