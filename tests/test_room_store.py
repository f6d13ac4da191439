"""RoomStore on SQLite and on PostgreSQL: tokens, one answer per participant, concurrency, expiry, hostile input."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from core.room import facilitating, participating
from core.room import rules as room_rules
from core.room import schema as room_schema
from core.room.rules import CODE_ALPHABET, RoomError, normalise_code
from core.room.store import RoomStore
from tests import room_postgres

PLAN = [("q1", ["yes", "no", "not sure"]), ("q2", ["10 million", "1 billion"])]


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


# One worker runs the module, so the throwaway PostgreSQL cluster below is started once.
pytestmark = pytest.mark.xdist_group("room_store")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(request, backend, tmp_path, clock) -> Iterator[RoomStore]:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'room.sqlite'}"
    else:
        url = room_postgres.fresh_database(request.getfixturevalue("postgres_server"))
    instance = RoomStore(url, ttl_seconds=3600, clock=clock)
    yield instance
    instance.dispose()


@pytest.fixture
def room(store) -> tuple[str, str]:
    """A room with the two-question plan, showing its first question."""
    code, token = store.create_room()
    store.set_plan(code, token, PLAN)
    store.advance(code, token)
    return code, token


def row_counts(store: RoomStore) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in room_schema.metadata.sorted_tables}  # fmt: skip


# --- codes and tokens ---------------------------------------------------------------------------


def test_room_code_is_eight_unambiguous_characters(store):
    code, _ = store.create_room()
    assert len(code) == 8
    assert set(code) <= set(CODE_ALPHABET)
    assert not set("01OILSB58") & set(CODE_ALPHABET)


def test_facilitator_token_is_long_and_stored_only_as_a_hash(store):
    code, token = store.create_room()
    assert len(token) == 32
    with store.engine.connect() as conn:
        stored = conn.execute(
            sa.select(room_schema.rooms.c.token_hash).where(room_schema.rooms.c.code == code)
        ).scalar()
    assert token not in stored


def test_two_rooms_get_different_codes_and_tokens(store):
    first, second = store.create_room(), store.create_room()
    assert first[0] != second[0]
    assert first[1] != second[1]


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {code} ", "{a}-{b}", "{a} {b}"])
def test_a_code_typed_loosely_still_finds_the_room(store, typed):
    code, _ = store.create_room()
    text = typed.format(code=code, lower=code.lower(), a=code[:3], b=code[3:])
    assert store.state(text).code == code


def test_reveal_refuses_a_wrong_token_and_changes_nothing(store, room):
    code, token = room
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    with pytest.raises(RoomError, match="Only the facilitator"):
        store.reveal(code, wrong, "q1")
    assert not store.state(code).revealed


@pytest.mark.parametrize(
    "action",
    [
        lambda store, code, token: store.advance(code, token),
        lambda store, code, token: store.end(code, token),
        lambda store, code, token: store.reveal(code, token, "q1"),
        lambda store, code, token: store.tallies(code, token),
    ],
    ids=["advance", "end", "reveal", "tallies"],
)
def test_another_rooms_token_cannot_control_this_room(store, room, action):
    code, _ = room
    _, other_token = store.create_room()
    with pytest.raises(RoomError, match="Only the facilitator"):
        action(store, code, other_token)
    state = store.state(code)
    assert (state.position, state.revealed, state.ended) == (0, False, False)


def test_only_the_question_on_screen_can_be_revealed(store, room):
    code, token = room
    with pytest.raises(RoomError, match="on screen"):
        store.reveal(code, token, "q2")


def test_advance_moves_to_the_next_question_and_hides_the_answer(store, room):
    code, token = room
    store.reveal(code, token, "q1")
    state = store.advance(code, token)
    assert (state.question_id, state.revealed, state.position, state.total) == ("q2", False, 1, 2)


def test_advance_past_the_last_question_is_refused(store, room):
    code, token = room
    store.advance(code, token)
    with pytest.raises(RoomError, match="last question"):
        store.advance(code, token)


def test_the_plan_cannot_change_once_the_session_started(store, room):
    code, token = room
    with pytest.raises(RoomError, match="started"):
        store.set_plan(code, token, PLAN[:1])


# --- answers ------------------------------------------------------------------------------------


def test_an_answer_is_counted(store, room):
    code, _ = room
    store.answer(code, store.join(code), "q1", "no")
    assert store.tally(code, "q1") == {"yes": 0, "no": 1, "not sure": 0}


def test_changing_an_answer_replaces_it(store, room):
    code, _ = room
    pid = store.join(code)
    store.answer(code, pid, "q1", "yes")
    store.answer(code, pid, "q1", "not sure")
    assert store.tally(code, "q1") == {"yes": 0, "no": 0, "not sure": 1}
    assert store.my_answers(code, pid) == {"q1": "not sure"}


def test_the_same_answer_twice_counts_once(store, room):
    code, _ = room
    pid = store.join(code)
    store.answer(code, pid, "q1", "yes")
    store.answer(code, pid, "q1", "yes")
    assert sum(store.tally(code, "q1").values()) == 1


def test_a_returning_participant_is_recognised(store, room):
    code, _ = room
    pid = store.join(code)
    assert store.is_participant(code, pid)
    assert not store.is_participant(code, "x" * 16)


def test_answers_close_when_the_answer_is_revealed(store, room):
    code, token = room
    pid = store.join(code)
    store.reveal(code, token, "q1")
    with pytest.raises(RoomError, match="revealed"):
        store.answer(code, pid, "q1", "yes")


def test_a_question_not_on_screen_cannot_be_answered(store, room):
    code, _ = room
    with pytest.raises(RoomError, match="not on screen"):
        store.answer(code, store.join(code), "q2", "1 billion")


def test_a_participant_of_another_room_cannot_answer_here(store, room):
    code, _ = room
    other, _ = store.create_room()
    with pytest.raises(RoomError, match="not joined"):
        store.answer(code, store.join(other), "q1", "yes")


def test_an_ended_room_takes_no_one_new_and_no_answers(store, room):
    code, token = room
    pid = store.join(code)
    store.end(code, token)
    with pytest.raises(RoomError, match="does not open a room"):
        store.join(code)
    with pytest.raises(RoomError, match="ended"):
        store.answer(code, pid, "q1", "yes")


def test_tallies_cover_only_the_questions_asked(store, room):
    code, token = room
    store.answer(code, store.join(code), "q1", "yes")
    store.end(code, token)  # ended at question 1: question 2 was never shown
    assert store.tallies(code, token) == {"q1": {"yes": 1, "no": 0, "not sure": 0}}


def test_tallies_grow_as_questions_are_shown(store, room):
    code, token = room
    store.advance(code, token)
    assert list(store.tallies(code, token)) == ["q1", "q2"]


# --- concurrency --------------------------------------------------------------------------------


def _all_at_once(count: int, work) -> list[BaseException]:
    barrier, errors = threading.Barrier(count), []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except BaseException as error:  # collected and asserted on below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_answers_sent_at_once_are_all_stored_exactly_once(store, room):
    code, _ = room
    people = [store.join(code) for _ in range(40)]
    errors = _all_at_once(len(people), lambda i: store.answer(code, people[i], "q1", PLAN[0][1][i % 3]))
    assert errors == []
    tally = store.tally(code, "q1")
    assert tally == {"yes": 14, "no": 13, "not sure": 13}
    assert row_counts(store)["answer"] == 40


def test_one_participant_changing_an_answer_from_many_threads_leaves_one_answer(store, room):
    code, _ = room
    pid = store.join(code)
    errors = _all_at_once(20, lambda i: store.answer(code, pid, "q1", PLAN[0][1][i % 3]))
    assert errors == []
    assert sum(store.tally(code, "q1").values()) == 1


def test_participants_joining_at_once_all_get_distinct_ids(store, room):
    code, _ = room
    ids: list[str] = []
    errors = _all_at_once(30, lambda i: ids.append(store.join(code)))
    assert errors == []
    assert len(set(ids)) == 30
    assert store.state(code).participants == 30


# --- caps and limits ------------------------------------------------------------------------------


def test_the_room_cap_holds_under_concurrent_creators(store, monkeypatch):
    monkeypatch.setattr(facilitating, "MAX_ACTIVE_ROOMS", 5)
    errors = _all_at_once(20, lambda i: store.create_room())
    assert len(errors) == 15
    assert all("Too many rooms" in str(e) for e in errors)
    assert row_counts(store)["room"] == 5


def test_the_participant_cap_holds_under_concurrent_joins(store, room, monkeypatch):
    monkeypatch.setattr(participating, "MAX_PARTICIPANTS", 5)
    code, _ = room
    errors = _all_at_once(20, lambda i: store.join(code))
    assert len(errors) == 15
    assert all("is full" in str(e) for e in errors)
    assert store.state(code).participants == 5


def test_an_ended_room_stops_counting_toward_the_cap(store, room, monkeypatch):
    monkeypatch.setattr(facilitating, "MAX_ACTIVE_ROOMS", 2)
    code, token = room
    store.create_room()
    with pytest.raises(RoomError, match="Too many rooms"):
        store.create_room()
    store.end(code, token)
    assert store.create_room()


def test_a_room_nobody_starts_expires_within_30_minutes(store, clock):
    code, _ = store.create_room()
    clock.now += room_rules.UNSTARTED_TTL_SECONDS + 1
    with pytest.raises(RoomError, match="does not open a room"):
        store.state(code)
    assert store.active_rooms() == 0


def test_an_open_lobby_keeps_its_room(store, clock):
    code, token = store.create_room()
    clock.now += room_rules.UNSTARTED_TTL_SECONDS - 60
    store.keep_open(code, token)
    clock.now += room_rules.UNSTARTED_TTL_SECONDS - 60
    assert store.state(code).code == code


def test_a_started_room_lasts_the_workshop(store, room, clock):
    code, _ = room
    clock.now += room_rules.UNSTARTED_TTL_SECONDS + 60
    assert store.state(code).started


def test_a_locked_room_takes_no_newcomers_but_keeps_its_phones(store, room):
    code, token = room
    pid = store.join(code)
    store.set_locked(code, token, True)
    with pytest.raises(RoomError, match="closed this room to newcomers"):
        store.join(code)
    assert store.is_participant(code, pid)
    store.answer(code, pid, "q1", "yes")
    assert store.state(code).locked
    store.set_locked(code, token, False)
    assert store.join(code)


def test_only_the_facilitator_can_lock_the_room(store, room):
    code, token = room
    with pytest.raises(RoomError, match="Only the facilitator"):
        store.set_locked(code, token[:-1] + ("A" if token[-1] != "A" else "B"), True)
    assert not store.state(code).locked


@pytest.mark.parametrize("case", ["malformed", "unknown", "expired", "ended"])
def test_every_code_that_opens_no_room_gets_the_same_words(store, clock, case):
    code, token = store.create_room()
    if case == "ended":
        store.end(code, token)
    if case == "expired":
        clock.now += room_rules.UNSTARTED_TTL_SECONDS + 1
    typed = {"malformed": "K7DP", "unknown": "Z" * room_rules.CODE_LENGTH}.get(case, code)
    with pytest.raises(RoomError) as refused:
        store.join(typed)
    assert str(refused.value) == str(room_rules.no_room())


def test_a_shared_limit_counts_within_its_window_and_then_resets(store, clock):
    assert [store.take("k", 3, 60) for _ in range(4)] == [True, True, True, False]
    assert store.used("k", 60) == 4
    clock.now += 61
    assert store.used("k", 60) == 0
    assert store.take("k", 3, 60)


def test_a_shared_limit_holds_under_concurrent_uses(store):
    allowed: list[bool] = []
    errors = _all_at_once(20, lambda i: allowed.append(store.take("burst", 5, 60)))
    assert errors == []
    assert allowed.count(True) == 5


def test_a_limit_key_is_stored_only_as_a_hash(store):
    store.take("rooms/address:203.0.113.9", 3, 60)
    with store.engine.connect() as conn:
        keys = conn.execute(sa.select(room_schema.quotas.c.key)).scalars().all()
    assert len(keys) == 1
    assert "203.0.113" not in keys[0]


def test_purging_forgets_spent_limits(store, clock):
    store.take("k", 3, 60)
    clock.now += 61
    store.purge_expired()
    assert row_counts(store)["room_quota"] == 0


# --- expiry -------------------------------------------------------------------------------------


def test_a_room_expires_after_its_time(store, room, clock):
    code, _ = room
    clock.now += 3601
    with pytest.raises(RoomError, match="does not open a room"):
        store.state(code)


def test_a_room_is_open_until_its_time(store, room, clock):
    code, _ = room
    clock.now += 3599
    assert store.state(code).code == code


def test_purging_deletes_expired_rooms_with_their_answers(store, room, clock):
    code, _ = room
    store.answer(code, store.join(code), "q1", "yes")
    clock.now += 3601
    fresh, _ = store.create_room()  # creating a room purges the expired ones first
    counts = row_counts(store)
    assert counts == {"room": 1, "room_question": 0, "participant": 0, "answer": 0, "reveal": 0, "room_counter": 1,
                      "room_quota": 0}  # fmt: skip
    assert store.state(fresh).code == fresh


# --- hostile and mistaken input -----------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    "'; DROP TABLE answer; --",
    "' OR '1'='1",
    "A" * 10_000,
    "",
    "ZZZZZZZZ",  # the right shape, no such room
    "\x00\n\r",
    "../../etc/passwd",
    None,
    42,
    ["q1"],
]


@pytest.mark.parametrize("bad", HOSTILE)
@pytest.mark.parametrize("field", ["code", "token", "participant", "question", "choice"])
def test_hostile_input_gets_a_plain_message_and_changes_nothing(store, room, bad, field):
    code, token = room
    pid = store.join(code)
    store.answer(code, pid, "q1", "yes")
    before = (row_counts(store), store.state(code), store.tally(code, "q1"))
    args = {"code": code, "token": token, "participant": pid, "question": "q1", "choice": "no"}
    args[field] = bad
    attempts = [
        ({"code", "participant", "question", "choice"},
         lambda: store.answer(args["code"], args["participant"], args["question"], args["choice"])),
        ({"code", "token", "question"}, lambda: store.reveal(args["code"], args["token"], args["question"])),
        ({"code", "token"}, lambda: store.advance(args["code"], args["token"])),
        ({"code", "token"}, lambda: store.end(args["code"], args["token"])),
        ({"code", "question"}, lambda: store.tally(args["code"], args["question"])),
        ({"code", "participant"}, lambda: store.my_answers(args["code"], args["participant"])),
        ({"code"}, lambda: store.join(args["code"])),
    ]  # fmt: skip
    used = [attempt for fields, attempt in attempts if field in fields]
    for attempt in used:
        with pytest.raises(RoomError) as refused:
            attempt()
        assert len(str(refused.value)) < 200
    assert (row_counts(store), store.state(code), store.tally(code, "q1")) == before


@pytest.mark.parametrize("bad", ["<script>", "O0O0O0", "ABCDEFG", "AB", "ÄÖÜ123", "A" * 10_000])
def test_a_mistyped_code_says_what_a_code_looks_like(bad):
    with pytest.raises(RoomError, match="letters and digits"):
        normalise_code(bad)


@pytest.mark.parametrize(
    "plan",
    [
        [],
        [("q1", ["only one"])],
        [("q1", ["a", "a"])],
        [("q1", ["a", "b"]), ("q1", ["c", "d"])],
        [("<script>", ["a", "b"])],
        [("q1", ["a", "b" * 10_000])],
        [("q1", [str(i) for i in range(13)])],
    ],
)
def test_a_malformed_plan_is_refused(store, plan):
    code, token = store.create_room()
    with pytest.raises(RoomError):
        store.set_plan(code, token, plan)
    assert store.state(code).total == 0


@pytest.mark.parametrize("url", ["mysql://user@host/db", "not a url", "file:///etc/passwd"])
def test_only_sqlite_and_postgresql_urls_are_accepted(url):
    with pytest.raises(RoomError):
        RoomStore(url)


def test_the_database_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("STEMCELL_ROOM_DB_URL", "postgresql://room@127.0.0.1:1/x")
    assert room_schema.default_url() == "postgresql://room@127.0.0.1:1/x"


def test_without_configuration_the_store_is_a_sqlite_file(monkeypatch):
    monkeypatch.delenv("STEMCELL_ROOM_DB_URL", raising=False)
    assert room_schema.default_url().startswith("sqlite:///")


def test_an_unreachable_database_is_a_plain_message():
    with pytest.raises(RoomError, match="cannot be reached"):
        RoomStore("postgresql://room@127.0.0.1:1/none")
