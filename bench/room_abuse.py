"""Replay the live room's abuse attacks (issue 21) against a real store and print that each one fails.

Run `python bench/room_abuse.py` (SQLite in a temporary folder; add `--postgres` to repeat on a throwaway PostgreSQL
cluster as well). Each attack goes through the same code the pages call (core.room.view with the per-browser
limiter and the store's shared limits), one "connection" being one fresh browser session, all from one network:
1. rooms: 4 connections start rooms as fast as they can for --seconds; then an honest facilitator on another
   network starts a room, and the attacker's unstarted rooms are counted again 31 minutes later (moved clock);
2. fill: join -> leave -> join in one browser 500 times, then 500 joins each from a fresh connection, then an
   honest class of 200 on another network joins;
3. guess: wrong codes from one browser, then from fresh connections, for --seconds; the accepted rate gives the
   expected time to hit one of 500 live rooms;
4. race (PostgreSQL and SQLite): 40 threads create rooms and 40 join a room at once against caps of 10.
With `--server`, the rooms, fill and guess attacks are replayed once more through a running Streamlit server on
loopback, over its websocket as a browser speaks it (4 connections at a time, each a fresh session); loopback
clients all count as one network there.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.room import limits  # noqa: E402
from core.room import rules as room_rules  # noqa: E402
from core.room.rules import RoomError  # noqa: E402
from core.room.store import RoomStore  # noqa: E402
from core.views import room as view  # noqa: E402
from tests import room_postgres  # noqa: E402

ATTACKER, HONEST = "203.0.113.66", "198.51.100.10"
LIVE_ROOMS = 500


class MovableClock:
    """The real time plus an offset the bench can move forward (to show expiry without waiting)."""

    def __init__(self):
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def fresh(n: int, address: str = ATTACKER) -> limits.Client:
    return limits.Client(f"conn-{n}-{secrets.token_hex(4)}", address)


def attack_rooms(store: RoomStore, clock: MovableClock, seconds: float) -> dict:
    limiter, made, refused, lock = limits.RateLimiter(), [0], [0], threading.Lock()
    stop = time.monotonic() + seconds

    def connection(worker: int) -> None:
        n = 0
        while time.monotonic() < stop:
            n += 1
            try:
                view.create_room(store, limiter, fresh(worker * 100_000 + n))
                with lock:
                    made[0] += 1
            except RoomError:
                with lock:
                    refused[0] += 1

    threads = [threading.Thread(target=connection, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    honest = _ok(lambda: view.create_room(store, limiter, fresh(0, HONEST)))
    active_now = store.active_rooms()
    clock.offset += room_rules.UNSTARTED_TTL_SECONDS + 60
    active_later = store.active_rooms()
    clock.offset -= room_rules.UNSTARTED_TTL_SECONDS + 60
    return {"attempts": made[0] + refused[0], "rooms made": made[0], "refused": refused[0],
            "honest facilitator on another network starts a room": honest,
            "open rooms counted right after": active_now, "open rooms counted 31 min later": active_later,
            "failed": made[0] > limits.ROOMS_PER_ADDRESS.count or not honest or active_later > 0}  # fmt: skip


def attack_fill(store: RoomStore) -> dict:
    limiter = limits.RateLimiter()
    code, token = store.create_room()
    store.set_plan(code, token, [("q1", ["yes", "no"])])
    store.advance(code, token)
    one_browser, known = fresh(0), {}
    for _ in range(500):  # join, leave (the page forgets the room, the browser keeps its id), join
        joined = view.join_room(store, code, None, limiter, one_browser, known)
        known[joined[0]] = joined[1]
    same_browser_ids = store.state(code).participants
    started = time.monotonic()
    for n in range(500):
        _ok(lambda n=n: view.join_room(store, code, None, limiter, fresh(n)))
    fresh_connection_ids = store.state(code).participants - same_browser_ids
    fill_seconds = time.monotonic() - started
    honest = sum(_ok(lambda n=n: view.join_room(store, code, None, limiter, fresh(n, HONEST))) for n in range(200))
    return {"ids from 500 join-leave-join in one browser": same_browser_ids,
            "more ids from 500 fresh connections on that network": fresh_connection_ids,
            "seconds for those 500": round(fill_seconds, 1),
            "honest class of 200 on another network that got in": honest,
            "failed": same_browser_ids != 1 or fresh_connection_ids > limits.IDS_PER_ADDRESS_PER_ROOM.count
            or honest != 200}  # fmt: skip


def attack_guess(store: RoomStore, seconds: float) -> dict:
    limiter = limits.RateLimiter()
    figures = {}
    one_browser = fresh(0)
    for label, make in (("one browser", lambda n: one_browser), ("fresh connections", fresh)):
        tried = examined = 0
        stop = time.monotonic() + seconds / 2
        while time.monotonic() < stop:
            tried += 1
            guess = "".join(secrets.choice(room_rules.CODE_ALPHABET) for _ in range(room_rules.CODE_LENGTH))
            try:
                view.join_room(store, guess, None, limiter, make(tried))
            except RoomError as error:
                examined += str(error) == room_rules.NO_ROOM  # the code was looked up (not throttled first)
        rate = examined / (seconds / 2)
        figures[label] = (tried, examined, rate)
    # Every earlier guess from this network still counts in the window, so the steady rate is the network limit.
    steady = limits.WRONG_CODES_PER_ADDRESS.count / limits.WRONG_CODES_PER_ADDRESS.seconds
    space = len(room_rules.CODE_ALPHABET) ** room_rules.CODE_LENGTH
    days = space / LIVE_ROOMS / steady / 86400
    looked = "tries, codes looked up, looked up per s"
    return {**{f"{k}: {looked}": (t, e, round(r, 2)) for k, (t, e, r) in figures.items()},
            "steady codes looked up per s per network": round(steady, 2),
            "expected days to hit one of 500 live rooms, one network": round(days),
            "failed": days < 365}  # fmt: skip


def attack_race(store: RoomStore) -> dict:
    saved = room_rules.MAX_ACTIVE_ROOMS, room_rules.MAX_PARTICIPANTS
    room_rules.MAX_ACTIVE_ROOMS = room_rules.MAX_PARTICIPANTS = 10
    try:
        store.purge_expired()
        before = store.active_rooms()
        room_rules.MAX_ACTIVE_ROOMS = before + 10
        code, _ = store.create_room()
        _all_at_once(40, lambda: store.create_room())
        rooms_made = store.active_rooms() - before
        _all_at_once(40, lambda: store.join(code))
        joined = store.state(code).participants
    finally:
        room_rules.MAX_ACTIVE_ROOMS, room_rules.MAX_PARTICIPANTS = saved
    return {"rooms open after 40 concurrent creates (cap 10)": rooms_made,
            "ids after 40 concurrent joins (cap 10)": joined,
            "failed": rooms_made > 10 or joined > 10}  # fmt: skip


def _all_at_once(count: int, work) -> None:
    barrier = threading.Barrier(count)

    def run() -> None:
        barrier.wait()
        _ok(work)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _ok(action) -> bool:
    try:
        action()
    except RoomError:
        return False
    return True


async def _through_server(port: int, url: str, attempts: int) -> dict:
    from bench.loadtest import Stats
    from bench.room_load import RoomClient

    stats, gate = Stats(), asyncio.Semaphore(4)

    async def visit(n: int, page: str, query: str = "", click: str | None = None):
        async with gate:
            client = RoomClient([port], n, stats, page, query)
            try:
                screen = await client.connect(port)
                if click:
                    screen = await client.click(screen.buttons[click], fragment=False)
                return screen
            finally:
                await client.close()

    starts = await asyncio.gather(*(visit(n, "Run_a_session", click="Start a new room") for n in range(attempts)))
    made = sum(s.says("Join on your phone") for s in starts)
    store = RoomStore(url)
    code, token = store.create_room()
    store.set_plan(code, token, [("q1", ["yes", "no"])])
    store.advance(code, token)
    await asyncio.gather(*(visit(2000 + n, "Join", f"room={code}") for n in range(300)))
    ids = store.state(code).participants
    store.dispose()
    guesses = [
        "".join(secrets.choice(room_rules.CODE_ALPHABET) for _ in range(room_rules.CODE_LENGTH)) for _ in range(90)
    ]
    answers = await asyncio.gather(*(visit(1000 + n, "Join", f"room={g}") for n, g in enumerate(guesses)))
    looked_up = sum(s.says("does not open a room") for s in answers)
    throttled = sum(s.says("from this network") for s in answers)
    return {"rooms started by fresh connections": f"{made} of {attempts}",
            "guessed codes looked up / throttled, of 90": f"{looked_up} / {throttled}",
            "ids from 300 fresh connections to one room": ids, "errors": len(stats.errors),
            "failed": made > limits.ROOMS_PER_ADDRESS.count or looked_up > limits.WRONG_CODES_PER_ADDRESS.count
            or ids > limits.IDS_PER_ADDRESS_PER_ROOM.count or bool(stats.errors)}  # fmt: skip


def attack_server(seconds: float) -> bool:
    from tests.browser.conftest import start_server, stop_server

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'rooms.sqlite'}"
    process, address = start_server({room_rules.URL_ENV: url})
    try:
        figures = asyncio.run(_through_server(int(address.rsplit(":", 1)[1]), url, 30))
    finally:
        stop_server(process)
    failed = figures.pop("failed")
    print("\n## Through a running server (SQLite)\n")
    print(f"- attacks rooms, guess, fill: {'FAILED (as they should)' if failed is False else 'a limit is broken'}")
    for key, value in figures.items():
        print(f"  - {key}: {value}")
    return failed is False


def run(url: str, label: str, seconds: float) -> bool:
    clock = MovableClock()
    store = RoomStore(url, clock=clock)
    print(f"\n## {label}\n")
    attacks = [("rooms", lambda: attack_rooms(store, clock, seconds)), ("fill", lambda: attack_fill(store)),
               ("guess", lambda: attack_guess(store, seconds)), ("race", lambda: attack_race(store))]  # fmt: skip
    all_failed = True
    for name, attack in attacks:
        figures = attack()
        failed = figures.pop("failed")
        all_failed &= failed is False
        print(f"- attack `{name}`: {'FAILED (as it should)' if failed is False else 'SUCCEEDED: a limit is broken'}")
        for key, value in figures.items():
            print(f"  - {key}: {value}")
    store.dispose()
    return all_failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the timed attacks run")
    parser.add_argument("--postgres", action="store_true", help="repeat on a throwaway PostgreSQL cluster")
    parser.add_argument("--server", action="store_true", help="replay through a running Streamlit server too")
    args = parser.parse_args()
    ok = run(f"sqlite:///{Path(tempfile.mkdtemp()) / 'rooms.sqlite'}", "SQLite", args.seconds)
    if args.postgres:
        with room_postgres.postgres_cluster() as server:
            ok &= run(room_postgres.fresh_database(server), "PostgreSQL", args.seconds)
    if args.server:
        ok &= attack_server(args.seconds)
    print("\nEvery attack failed." if ok else "\nAt least one attack succeeded.")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
