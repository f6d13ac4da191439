"""Per-client limits on SQLite and PostgreSQL: the in-memory limiter, starting rooms, joining, wrong codes; honest
use is never refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.room import limits
from core.room import rules as room_rules
from core.room.rules import RoomError
from core.room.store import RoomStore
from core.views import room as view
from tests import room_postgres

# One worker runs the module, so its throwaway PostgreSQL cluster is started once.
pytestmark = pytest.mark.xdist_group("room_limits")


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, clock) -> Iterator[RoomStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    else:
        url = room_postgres.fresh_database(request.getfixturevalue("postgres_server"))
    instance = RoomStore(url, ttl_seconds=3600, clock=clock)
    yield instance
    instance.dispose()


@pytest.fixture
def limiter(clock) -> limits.RateLimiter:
    return limits.RateLimiter(clock=clock)


@pytest.fixture
def room(store) -> tuple[str, str]:
    code, token = store.create_room()
    store.set_plan(code, token, [("q1", ["yes", "no"])])
    store.advance(code, token)
    return code, token


def browser(n: int = 0, address: str = "203.0.113.9") -> limits.Client:
    return limits.Client(f"session-{n}", address)


def _refusal(action) -> str | None:
    """The refusal's words, or None when the action went through."""
    try:
        action()
    except RoomError as error:
        return str(error)
    return None


TEN = limits.Limit("ten", 10, 60, "no more")


# --- the in-memory limiter ----------------------------------------------------------------------


def test_the_limiter_allows_up_to_its_count(limiter):
    assert [limiter.take("a", TEN) for _ in range(11)] == [True] * 10 + [False]


def test_the_limiter_window_slides(limiter, clock):
    for _ in range(10):
        limiter.take("a", TEN)
        clock.now += 5
    assert not limiter.take("a", TEN)
    clock.now += 11  # the first use is now more than 60 s old
    assert limiter.take("a", TEN)


def test_keys_are_counted_apart(limiter):
    for _ in range(10):
        limiter.take("a", TEN)
    assert limiter.take("b", TEN)


def test_allowed_counts_nothing(limiter):
    for _ in range(20):
        assert limiter.allowed("a", TEN)


def test_a_refused_use_is_not_counted(limiter, clock):
    for _ in range(10):
        limiter.take("a", TEN)
    for _ in range(50):
        limiter.take("a", TEN)
    clock.now += 61
    assert [limiter.take("a", TEN) for _ in range(11)] == [True] * 10 + [False]


@pytest.mark.parametrize(
    ("ip", "headers", "address"),
    [
        ("198.51.100.7", {}, "198.51.100.7"),
        ("198.51.100.7", {"X-Forwarded-For": "1.2.3.4"}, "198.51.100.7"),  # a direct client cannot pick its address
        (None, {"X-Forwarded-For": "1.2.3.4, 198.51.100.8"}, "198.51.100.8"),  # the local proxy's entry
        (None, {"x-forwarded-for": "not an address"}, "local"),
        (None, {}, "local"),
    ],
)
def test_the_client_address(ip, headers, address):
    assert limits.client_address(ip, headers) == address


# --- starting rooms -----------------------------------------------------------------------------


def test_a_facilitator_can_start_a_few_rooms(store, limiter):
    for _ in range(limits.ROOMS_PER_SESSION.count):
        assert view.create_room(store, limiter, browser())


def test_one_browser_cannot_start_room_after_room(store, limiter):
    for _ in range(limits.ROOMS_PER_SESSION.count):
        view.create_room(store, limiter, browser())
    with pytest.raises(RoomError, match="started several rooms"):
        view.create_room(store, limiter, browser())


def test_new_connections_from_one_network_are_held_to_the_network_limit(store, limiter):
    words = [_refusal(lambda n=n: view.create_room(store, limiter, browser(n))) for n in range(100)]
    assert words.count(None) == limits.ROOMS_PER_ADDRESS.count  # a new connection (session) for every room
    assert {w for w in words if w} == {limits.ROOMS_PER_ADDRESS.refusal}


def test_another_network_can_still_start_a_room(store, limiter):
    for n in range(40):
        _refusal(lambda n=n: view.create_room(store, limiter, browser(n)))
    assert view.create_room(store, limiter, browser(99, "192.0.2.50"))


# --- joining ------------------------------------------------------------------------------------


def test_join_leave_join_keeps_one_id(store, limiter, room):
    code, _ = room
    known: dict[str, str] = {}
    first = view.join_room(store, code, None, limiter, browser(), known)
    known[first[0]] = first[1]
    for _ in range(20):  # Leave forgets the room on screen, not the id this browser holds for it
        assert view.join_room(store, code.lower(), None, limiter, browser(), known) == first
    assert store.state(code).participants == 1


def test_a_class_behind_one_router_all_get_in(store, limiter, room):
    code, _ = room
    ids = {view.join_room(store, code, None, limiter, browser(n))[1] for n in range(200)}
    assert len(ids) == 200


def test_one_network_cannot_fill_a_room(store, limiter, room):
    code, _ = room
    words = [_refusal(lambda n=n: view.join_room(store, code, None, limiter, browser(n)))
             for n in range(room_rules.MAX_PARTICIPANTS)]  # fmt: skip
    assert store.state(code).participants == limits.IDS_PER_ADDRESS_PER_ROOM.count
    assert {w for w in words if w} == {limits.IDS_PER_ADDRESS_PER_ROOM.refusal}
    assert view.join_room(store, code, None, limiter, browser(0, "192.0.2.50"))


def test_a_locked_room_refuses_newcomers_and_welcomes_back_its_phones(store, limiter, room):
    code, token = room
    code, pid = view.join_room(store, code, None, limiter, browser(1))
    store.set_locked(code, token, True)
    with pytest.raises(RoomError, match="newcomers"):
        view.join_room(store, code, None, limiter, browser(2))
    assert view.join_room(store, code, pid, limiter, browser(1)) == (code, pid)


# --- wrong codes --------------------------------------------------------------------------------


def test_a_phone_that_mistypes_a_few_times_still_gets_in(store, limiter, room):
    code, _ = room
    last_typed_wrong = code[:-1] + ("Q" if code[-1] != "Q" else "R")  # never the code itself (codes are random)
    for typo in ["K7DP", "ZZZZZZZZ", last_typed_wrong][: limits.WRONG_CODES_PER_SESSION.count - 1]:
        with pytest.raises(RoomError):
            view.join_room(store, typo, None, limiter, browser())
    assert view.join_room(store, code, None, limiter, browser())


def test_guessing_from_one_browser_is_throttled_even_for_a_right_code(store, limiter, room):
    code, _ = room
    for _ in range(limits.WRONG_CODES_PER_SESSION.count):
        with pytest.raises(RoomError, match="does not open a room"):
            view.join_room(store, "ZZZZZZZZ", None, limiter, browser())
    with pytest.raises(RoomError, match="Wait a minute"):
        view.join_room(store, code, None, limiter, browser())


def test_guessing_from_fresh_connections_is_throttled_per_network(store, limiter, room, clock):
    code, _ = room
    for n in range(limits.WRONG_CODES_PER_ADDRESS.count):
        with pytest.raises(RoomError, match="does not open a room"):
            view.join_room(store, "ZZZZZZZZ", None, limiter, browser(n))
    with pytest.raises(RoomError, match="from this network"):
        view.join_room(store, code, None, limiter, browser(1000))
    clock.now += limits.WRONG_CODES_PER_ADDRESS.seconds + 1
    assert view.join_room(store, code, None, limiter, browser(1000))


def test_an_ended_room_reads_like_a_code_that_never_existed(store, limiter, room):
    code, token = room
    store.end(code, token)
    words = []
    for typed in [code, "ZZZZZZZZ", "K7"]:
        with pytest.raises(RoomError) as refused:
            view.join_room(store, typed, None, limiter, browser(len(words)))
        words.append(str(refused.value))
    assert len(set(words)) == 1


def test_a_mangled_id_in_the_address_falls_back_to_the_id_this_browser_holds(store, limiter, room):
    code, _ = room
    _, pid = view.join_room(store, code, None, limiter, browser())
    assert view.join_room(store, code, "x" * 16, limiter, browser(), {code: pid}) == (code, pid)
