"""Back to a room after a restart: the browser's secret, the key file, the database's clock, scheduled purges,
the default file's place, and a file that vanishes or turns read-only."""

from __future__ import annotations

import binascii
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from core.room import resume
from core.room import rules as room_rules
from core.room import schema as room_schema
from core.room.rules import RoomError
from core.room.store import RoomStore
from core.views import room as view
from tests import room_postgres

pytestmark = pytest.mark.xdist_group("room_resume")


def xsrf_cookie(secret: bytes, mask: bytes = b"\x01\x02\x03\x04", stamp: int = 1_700_000_000) -> str:
    """A cookie in the form Streamlit sets: 2|mask|masked token|timestamp."""
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(secret))
    return f"2|{binascii.hexlify(mask).decode()}|{binascii.hexlify(masked).decode()}|{stamp}"


SECRET = bytes(range(16))


# --- the browser's secret -----------------------------------------------------------------------


def test_the_cookie_is_unmasked_to_its_secret():
    assert resume.cookie_secret(xsrf_cookie(SECRET)) == SECRET


def test_a_freshly_masked_cookie_gives_the_same_browser_key():
    first = resume.browser_key({"_streamlit_xsrf": xsrf_cookie(SECRET, b"\x01\x02\x03\x04")})
    second = resume.browser_key({"_streamlit_xsrf": xsrf_cookie(SECRET, b"\xaa\xbb\xcc\xdd", 1_800_000_000)})
    assert first == second
    assert len(first) == 32


def test_two_browsers_get_different_keys():
    other = bytes(range(1, 17))
    assert resume.browser_key({"_streamlit_xsrf": xsrf_cookie(SECRET)}) != resume.browser_key(
        {"_streamlit_xsrf": xsrf_cookie(other)}
    )


@pytest.mark.parametrize("cookies", [{}, {"_streamlit_xsrf": ""}, {"_streamlit_xsrf": "2|zz|qq|1"}, {"x": "y"}])
def test_no_usable_cookie_means_no_browser_key(cookies):
    assert resume.browser_key(cookies) is None


def test_the_key_file_reads_back():
    assert resume.read_key_file(view.key_file_text("K7DPACEF", "A" * 32)) == ("K7DPACEF", "A" * 32)


@pytest.mark.parametrize("text", ["", "hello", "Room K7DPACEF\nFacilitator key: short\n", "<script>" * 100])
def test_a_file_that_is_not_a_key_file_reads_as_none(text):
    assert resume.read_key_file(text) is None


# --- the store ----------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'room.sqlite'}"
    return room_postgres.fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(url) -> Iterator[RoomStore]:
    instance = RoomStore(url)  # the database's own clock
    yield instance
    instance.dispose()


BROWSER = resume.browser_key({"_streamlit_xsrf": xsrf_cookie(SECRET)})
OTHER_BROWSER = resume.browser_key({"_streamlit_xsrf": xsrf_cookie(bytes(range(2, 18)))})


def test_a_bound_browser_finds_its_room_and_runs_it(store):
    code, token = store.create_room()
    store.bind_browser(code, token, BROWSER)
    assert [s.code for s in store.rooms_for_browser(BROWSER)] == [code]
    store.set_plan(code, BROWSER, [("q1", ["yes", "no"])])
    assert store.advance(code, BROWSER).started


def test_another_browser_finds_nothing_and_can_do_nothing(store):
    code, token = store.create_room()
    store.bind_browser(code, token, BROWSER)
    assert store.rooms_for_browser(OTHER_BROWSER) == []
    with pytest.raises(RoomError, match="Only the facilitator"):
        store.end(code, OTHER_BROWSER)


@pytest.mark.parametrize("bad", ["", "short", "<script>" * 4, None])
def test_a_malformed_browser_key_finds_nothing(store, bad):
    assert store.rooms_for_browser(bad) == []


def test_resuming_in_another_browser_moves_the_room_there(store):
    code, token = store.create_room()
    store.bind_browser(code, token, BROWSER)
    store.bind_browser(code, token, OTHER_BROWSER)
    assert store.rooms_for_browser(BROWSER) == []
    assert [s.code for s in store.rooms_for_browser(OTHER_BROWSER)] == [code]


def test_a_new_key_replaces_the_old_one(store):
    code, token = store.create_room()
    store.bind_browser(code, token, BROWSER)
    fresh = store.new_key(code, BROWSER)
    assert store.check_facilitator(code, fresh) == code
    with pytest.raises(RoomError, match="Only the facilitator"):
        store.check_facilitator(code, token)


def test_expiry_follows_the_database_clock_not_the_servers(store, monkeypatch):
    code, _ = store.create_room()
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86_400)  # this server's clock is a day ahead
    assert store.purge_expired() == 0
    assert store.state(code).code == code


def test_a_room_past_its_time_by_the_database_clock_is_closed(store):
    code, _ = store.create_room()
    with store.engine.begin() as conn:
        conn.execute(room_schema.rooms.update().values(expires_at=room_schema.rooms.c.created_at - 1))
    with pytest.raises(RoomError, match="does not open a room"):
        store.state(code)


def test_expired_rooms_are_purged_by_a_read_without_anyone_creating_one(store):
    gone, _ = store.create_room()
    kept, _ = store.create_room()
    with store.engine.begin() as conn:
        conn.execute(room_schema.rooms.update().where(room_schema.rooms.c.code == gone).values(expires_at=0))
    store._next_purge = 0.0  # the minute since the last purge has passed
    store.state(kept)
    with store.engine.connect() as conn:
        codes = conn.execute(sa.select(room_schema.rooms.c.code)).scalars().all()
    assert codes == [kept]


def test_purges_run_at_most_once_a_minute(store, monkeypatch):
    code, _ = store.create_room()
    purges = []
    monkeypatch.setattr(store, "purge_expired", lambda: purges.append(1) or 0)
    store._next_purge = 0.0
    for _ in range(20):
        store.state(code)
    assert purges == [1]


# --- the default file, and a file that goes away ------------------------------------------------


def test_the_default_file_is_in_the_users_data_folder(monkeypatch, tmp_path):
    for name in (room_rules.URL_ENV, room_rules.PATH_ENV, "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert room_schema.default_path() == tmp_path / ".local/share/stemcell-explainer/rooms.sqlite"


def test_xdg_data_home_moves_the_default_file(monkeypatch, tmp_path):
    monkeypatch.delenv(room_rules.PATH_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert room_schema.default_path() == tmp_path / "stemcell-explainer/rooms.sqlite"


def test_the_file_can_be_named(monkeypatch, tmp_path):
    monkeypatch.delenv(room_rules.URL_ENV, raising=False)
    monkeypatch.setenv(room_rules.PATH_ENV, str(tmp_path / "here.sqlite"))
    assert room_schema.default_url() == f"sqlite:///{tmp_path / 'here.sqlite'}"


@pytest.fixture
def sqlite_store(tmp_path) -> Iterator[RoomStore]:
    instance = RoomStore(f"sqlite:///{tmp_path / 'room.sqlite'}")
    yield instance
    instance.dispose()


def test_a_deleted_file_is_reported_not_written_past(sqlite_store, tmp_path):
    code, _ = sqlite_store.create_room()
    for path in tmp_path.glob("room.sqlite*"):
        path.unlink()
    with pytest.raises(RoomError) as refused:
        sqlite_store.join(code)
    assert str(refused.value) == room_rules.VANISHED
    with pytest.raises(RoomError, match="deleted or replaced"):
        sqlite_store.state(code)


def test_a_replaced_file_is_reported(sqlite_store, tmp_path):
    code, _ = sqlite_store.create_room()
    original = tmp_path / "room.sqlite"
    copy = Path(str(original) + ".copy")
    copy.write_bytes(original.read_bytes())
    os.replace(copy, original)
    with pytest.raises(RoomError, match="deleted or replaced"):
        sqlite_store.state(code)


def test_a_read_only_database_is_reported_plainly(sqlite_store):
    code, _ = sqlite_store.create_room()
    sqlite_store.engine.dispose()

    @sa.event.listens_for(sqlite_store.engine, "connect")
    def _read_only(dbapi_connection, _record):
        # As a read-only file or mount answers every write (the tests run as root, who ignores file modes).
        dbapi_connection.execute("PRAGMA query_only=ON")

    with pytest.raises(RoomError) as refused:
        sqlite_store.join(code)
    assert str(refused.value) == room_rules.READ_ONLY


def test_a_database_from_before_the_upgrade_keeps_its_rooms(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # the room table as it was: 6-character codes, no lock, no browser
        conn.exec_driver_sql(
            "CREATE TABLE room (code VARCHAR(6) PRIMARY KEY, token_hash VARCHAR(64) NOT NULL, created_at FLOAT NOT "
            "NULL, expires_at FLOAT NOT NULL, position INTEGER NOT NULL, revealed BOOLEAN NOT NULL, ended BOOLEAN "
            "NOT NULL)"
        )
        conn.exec_driver_sql(
            "INSERT INTO room VALUES ('K7DPAC', :hash, 0, 4102444800, -1, 0, 0)",
            {"hash": room_rules._hash("A" * 32)},
        )
    engine.dispose()
    store = RoomStore(url)
    store.set_locked("K7DPAC", "A" * 32, True)
    assert store.state("K7DPAC").locked
    store.dispose()
